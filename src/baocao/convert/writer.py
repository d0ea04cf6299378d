"""The report file's text: front matter, then the body in Markdown and its footnotes,
each block read back before it is kept (``verify``)."""

from __future__ import annotations

from .content import Block, Converted, Span, Summary
from .frontmatter import front_matter
from .markdown import body_markdown
from .verify import checked


def report_text(converted: Converted, source_name: str, figures: bool = False) -> str:
    """The text of the report file ``converted`` becomes."""
    summary = converted.summary
    blocks = _closing(converted.blocks, summary)
    kept, plain = checked(blocks, summary)
    comments = [
        f"Chuyển từ tệp Word “{source_name}” bằng baocao convert"
        + (" --figures." if figures else "."),
        "Kiểm tra lại phần khai báo này, rồi tạo văn bản: baocao render.",
    ]
    return front_matter(converted.front, comments) + body_markdown(kept, converted.notes, plain)


def _closing(blocks: list[Block], summary: Summary) -> list[Block]:
    """A report ends with a paragraph (it takes the ``./.``): a last bullet becomes one,
    its mark kept as text."""
    if not blocks or blocks[-1].kind != "bullet":
        return blocks
    last = blocks[-1]
    summary.note(last.where, "văn bản kết thúc bằng gạch đầu dòng: ghi thành đoạn kết (có ./.)")
    spans = [Span(f"{last.marker} "), *last.spans]
    return [*blocks[:-1], Block("paragraph", spans, where=last.where)]
