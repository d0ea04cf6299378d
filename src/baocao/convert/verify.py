"""The Markdown written is read back with the report reader and compared, block by
block, with what was meant: the same kind, level, text, styles, markers and cells.

Markdown's rules for ``**`` around punctuation are subtle; a block whose styles do not
read back as meant is written again without bold and italic (its text kept, the loss
named in the summary); a block whose text does not read back is named as not
converted, never written wrong.
"""

from __future__ import annotations

from ..load.report_file import BodyBlock, Inline, parse_body
from .content import Block, Span, Spans, Summary
from .markdown import block_markdown

Piece = tuple[str, str, bool, bool]


def meant(spans: Spans, styles: bool = True) -> list[Piece]:
    out: list[Piece] = []
    for span in spans:
        if span.note is not None:
            out.append(("note", span.note, False, False))
        elif span.brk:
            out.append(("break", "", False, False))
        elif span.ref is not None:
            out.append(("ref", span.ref, False, False))
        else:
            _text(out, span.text, span.bold and styles, span.italic and styles)
    return out


def read(inlines: list[Inline]) -> list[Piece]:
    out: list[Piece] = []
    for inline in inlines:
        if inline.kind == "text":
            _text(out, inline.text, inline.bold, inline.italic)
        elif inline.kind == "ref":
            out.append(("ref", inline.text, False, False))
        else:
            out.append((inline.kind, "" if inline.kind == "break" else inline.text, False, False))
    return out


def _text(out: list[Piece], text: str, bold: bool, italic: bool) -> None:
    if not text:
        return
    if out and out[-1][0] == "text" and out[-1][2:] == (bold, italic):
        out[-1] = ("text", out[-1][1] + text, bold, italic)
    else:
        out.append(("text", text, bold, italic))


def reads_back(block: Block, styles: bool) -> bool:
    """Whether ``block``'s Markdown reads back as ``block``."""
    lines = block_markdown(block, styles).split("\n")
    labels = [s.note for s in block.spans if s.note] + [
        s.note for row in block.rows for cell in row for s in cell if s.note
    ]
    lines += ["", *(f"[^{label}]: x" for label in dict.fromkeys(labels))]
    blocks, _notes, problems = parse_body(lines, 0, "")
    if problems or len(blocks) != 1:
        return False
    return _same(block, blocks[0], styles)


def _same(block: Block, found: BodyBlock, styles: bool) -> bool:
    heading = block.kind == "heading"
    if block.kind == "table":
        if found.kind != "table" or len(found.rows) != len(block.rows):
            return False
        return all(
            len(mine) == len(theirs)
            and all(meant(a, styles) == read(b) for a, b in zip(mine, theirs, strict=True))
            for mine, theirs in zip(block.rows, found.rows, strict=True)
        )
    kinds = {"heading": ("heading",), "paragraph": ("paragraph",), "bullet": ("bullet", "ordered")}
    if found.kind not in kinds[block.kind]:
        return False
    if heading and found.level != block.level:
        return False
    if block.kind == "bullet" and found.marker != block.marker:
        return False
    spans = [Span(" ") if s.brk else s for s in block.spans] if heading else block.spans
    return meant(spans, styles and not heading) == read(found.inlines)


def checked(blocks: list[Block], summary: Summary) -> tuple[list[Block], set[int]]:
    """The blocks that read back, and the indexes of those written without styles."""
    kept: list[Block] = []
    plain: set[int] = set()
    for block in blocks:
        if reads_back(block, styles=True):
            kept.append(block)
        elif reads_back(block, styles=False):
            plain.add(len(kept))
            kept.append(block)
            summary.note(block.where, "chữ đậm, nghiêng không ghi được bằng Markdown ở đây: bỏ")
        else:
            summary.skip(
                block.where, "không ghi được thành Markdown đọc lại đúng chữ: chưa đưa vào"
            )
    return kept, plain
