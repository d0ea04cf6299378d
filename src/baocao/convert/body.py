"""The body of a document as blocks: headings at their levels, paragraphs, bullets,
tables; what is neither (an empty paragraph, a text box) named or left out.

Empty paragraphs typed between paragraphs for space are left out (the layout gives the
space); a text box is not part of the text and is named in the summary.
"""

from __future__ import annotations

import re
from typing import Any

from ..kiemtra.facts import Paragraph, Table
from .content import Block, Span, Spans, Summary
from .headings import Outline, find_outline
from .inline import NoteLabels, spans_of
from .items import Item, item_of
from .numbering import AutoNumber

BULLET_MARKS = {"-": "-", "–": "-", "—": "-", "+": "+", "•": "-"}
ORDERED = re.compile(r"^\d{1,9}[.)]$")


def body_blocks(
    blocks: list[Paragraph | Table],
    autos: dict[int, AutoNumber],
    labels: NoteLabels,
    summary: Summary,
) -> tuple[list[Block], list[Any]]:
    """The blocks of the body and the numbering scheme of its headings."""
    entries: list[Item | Block] = []
    for block in blocks:
        if isinstance(block, Table):
            entries.append(table_block(block, labels, summary))
            continue
        spans = spans_of(block, labels, summary)
        drawings(block, summary)
        if not spans:
            continue
        entries.append(item_of(block, spans, autos.get(id(block))))
    outline = find_outline([e for e in entries if isinstance(e, Item)])
    out: list[Block] = []
    for entry in entries:
        converted = entry if isinstance(entry, Block) else _block(entry, outline, summary)
        if converted is not None:
            out.append(converted)
    return out, outline.numbering


def drawings(paragraph: Paragraph, summary: Summary) -> None:
    """Text boxes and pictures of ``paragraph``, named: a report holds neither."""
    for text in paragraph.boxes:
        summary.skip(paragraph.where, f"khung chữ (text box) không đưa vào báo cáo: «{text}»")
    if paragraph.pictures:
        summary.skip(
            paragraph.where,
            f"{paragraph.pictures} hình (ảnh, biểu đồ, sơ đồ) không đưa vào báo cáo: chèn lại "
            "vào văn bản Word tạo ra",
        )


def _block(item: Item, outline: Outline, summary: Summary) -> Block | None:
    paragraph = item.paragraph
    where = paragraph.where
    if id(paragraph) in outline.titles_consumed:
        return None
    heading = outline.headings.get(id(paragraph))
    if heading is not None:
        summary.counts["đề mục"] += 1
        return Block("heading", heading.title, heading.level, where=where)
    if item in outline.demoted:
        summary.note(where, "đề mục sâu hơn 4 cấp: ghi thành đoạn văn, giữ số")
    elif item.kind in BULLET_MARKS:
        marker = item.number if item.auto else BULLET_MARKS.get(item.number, "-")
        if item.number != marker:
            summary.note(where, f"dấu đầu dòng “{item.number}” ghi thành “{marker}”")
        summary.counts["gạch đầu dòng"] += 1
        return Block("bullet", item.title, 2 if marker == "+" else 1, marker, where=where)
    elif ORDERED.match(item.number) and paragraph.style.startswith("BC Bullet"):
        summary.counts["gạch đầu dòng"] += 1
        return Block("bullet", item.title, 1, item.number, where=where)
    summary.counts["đoạn văn"] += 1
    if item.auto and item.number:
        summary.note(where, f"số tự động của Word “{item.number}” ghi thành chữ ở đầu đoạn")
        return Block("paragraph", [Span(f"{item.number} "), *item.spans], where=where)
    return Block("paragraph", item.spans, where=where)


MERGED = "ô gộp nhiều cột: chữ ở ô đầu, các ô còn lại để trống (bảng Markdown không gộp ô)"


def table_block(table: Table, labels: NoteLabels | None, summary: Summary) -> Block:
    """A table as rows of cells, each cell's paragraphs joined by line breaks; a cell
    spanning several columns keeps its text in the first, the others left empty."""
    rows = table_cells(table, labels, summary)
    if any(cell.span > 1 for row in table.rows for cell in row):
        summary.note(f"bảng {table.number}", MERGED)
    summary.counts["bảng"] += 1
    summary.counts["dòng bảng"] += len(rows)
    return Block("table", rows=rows, where=f"bảng {table.number}")


def table_cells(table: Table, labels: NoteLabels | None, summary: Summary) -> list[list[Spans]]:
    width = max((sum(c.span for c in row) for row in table.rows), default=0)
    rows: list[list[Spans]] = []
    for row in table.rows:
        cells: list[Spans] = []
        for cell in row:
            cells.append(cell_spans(cell.paragraphs, labels, summary))
            cells.extend([] for _ in range(cell.span - 1))
        cells.extend([] for _ in range(width - len(cells)))
        rows.append(cells)
    return rows


def cell_spans(paragraphs: list[Paragraph], labels: NoteLabels | None, summary: Summary) -> Spans:
    """A cell's paragraphs as one list of spans, a line break between two paragraphs."""
    out: Spans = []
    for paragraph in paragraphs:
        spans = spans_of(paragraph, labels, summary)
        if not spans:
            continue
        if out:
            out.append(Span(brk=True))
        out.extend(spans)
    return out
