"""Blocks and footnotes as the Markdown of a report file.

Text from the Word file is always text: every character Markdown reads (``*``, ``_``,
``[``, ``<``, ``|``…) is escaped, and so is what would open a heading, a list or a
quotation at a line's start (``1.``, ``-``, ``#``), so ``[[``, ``[^`` or ``**`` typed in
Word print as typed. Bold and italic become ``**…**`` and ``*…*``, footnote markers
``[^n]``, a line break ``\\`` at the end of the line (``<br>`` in a table's cell).
"""

from __future__ import annotations

import re

from .content import Block, Span, Spans

SPECIAL = re.compile(r"([\\`*_\[\]<>&#!|~])")
LINE_START = re.compile(r"^(\s*)([-+*>#=]|\d+[.)])(\s|$)")
STYLE_MARKS = {(True, False): "**", (False, True): "*", (True, True): "***"}


def escape(text: str) -> str:
    """Markdown that prints ``text`` as typed (one line, not at a line's start)."""
    return SPECIAL.sub(r"\\\1", text)


def escape_line_start(line: str) -> str:
    """A line that cannot open a heading, a list or a quotation."""
    found = LINE_START.match(line)
    if found is None:
        return line
    mark = found.group(2)
    escaped = mark[:-1] + "\\" + mark[-1] if mark[-1] in ".)" else "\\" + mark
    return f"{found.group(1)}{escaped}{found.group(3)}{line[found.end() :]}"


def inline(spans: Spans, line_break: str = "\\\n", styles: bool = True) -> str:
    """The Markdown of ``spans``; ``line_break`` between lines. Text and references of
    one style next to each other share one pair of marks (``*tăng [[x]]*``): two pairs
    side by side (``*tăng **[[x]]*``) read back as other marks."""
    out = []
    run: list[str] = []
    style: tuple[bool, bool] = (False, False)
    for span in spans:
        if span.note is not None or span.brk:
            out.append(_styled(run, style))
            run = []
            out.append(f"[^{span.note}]" if span.note is not None else line_break)
            continue
        wanted = (span.bold, span.italic) if styles else (False, False)
        if wanted != style:
            out.append(_styled(run, style))
            run, style = [], wanted
        run.append(f"[[{span.ref}]]" if span.ref is not None else escape(span.text))
    out.append(_styled(run, style))
    text = "".join(out)
    return "\n".join(escape_line_start(line) for line in text.split("\n"))


def _styled(run: list[str], style: tuple[bool, bool]) -> str:
    text = "".join(run)
    mark = STYLE_MARKS.get(style) if text else None
    return f"{mark}{text}{mark}" if mark else text


def block_markdown(block: Block, styles: bool = True) -> str:
    if block.kind == "heading":
        flat = [Span(" ") if s.brk else s for s in block.spans]
        return f"{'#' * block.level} {inline(flat, styles=False)}"
    if block.kind == "bullet":
        lines = inline(block.spans, styles=styles).split("\n")
        pad = " " * (len(block.marker) + 1)
        return "\n".join([f"{block.marker} {lines[0]}", *(pad + line for line in lines[1:])])
    if block.kind == "table":
        return table_markdown(block.rows, styles)
    return inline(block.spans, styles=styles)


def table_markdown(rows: list[list[Spans]], styles: bool = True) -> str:
    """A pipe table: the first row its header; a cell's line breaks as ``<br>``."""
    if not rows:
        return ""
    width = max(len(row) for row in rows)
    lines = []
    for index, row in enumerate(rows):
        cells = [_cell(cell, styles) for cell in row] + [""] * (width - len(row))
        lines.append("| " + " | ".join(cells) + " |")
        if index == 0:
            lines.append("|" + "|".join(["---"] * width) + "|")
    return "\n".join(lines)


def _cell(spans: Spans, styles: bool) -> str:
    text = inline(spans, line_break="<br>", styles=styles)
    return text.replace("\n", " ")


def note_markdown(label: str, paragraphs: list[Spans]) -> str:
    """A footnote's definition; its later paragraphs indented under it."""
    texts = [inline(p) for p in paragraphs if p] or [""]
    first, *rest = texts
    lines = f"[^{label}]: {first}".split("\n")
    out = [lines[0], *(f"    {line}" for line in lines[1:])]
    for paragraph in rest:
        out.append("")
        out.extend(f"    {line}" for line in paragraph.split("\n"))
    return "\n".join(out)


def body_markdown(
    blocks: list[Block], notes: dict[str, list[Spans]], plain_blocks: set[int] | None = None
) -> str:
    """The body: blocks a blank line apart, then the footnotes; the blocks whose index
    is in ``plain_blocks`` without bold and italic."""
    plain = plain_blocks or set()
    parts = [block_markdown(b, styles=i not in plain) for i, b in enumerate(blocks)]
    text = "\n\n".join(parts)
    if notes:
        text += "\n\n" + "\n".join(note_markdown(k, v) for k, v in notes.items())
    return text + "\n"
