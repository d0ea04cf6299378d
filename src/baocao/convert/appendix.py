"""The Phụ lục of a document: a centred "Phụ lục I" line (often on a landscape page),
its title lines, the "(Kèm theo …)" line (printed again from the document's number and
date, so read for the agency's name and left out), then parts: a heading, a line
under it, paragraphs, a table; the next heading after a table or paragraphs starts a
new part.

Text in the front matter cannot escape ``[[`` and ``[^`` (they would be read as a
figure or a footnote): such text is named in the summary with the brackets spaced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .. import decree30
from ..kiemtra.facts import Paragraph, Table
from ..kiemtra.structure import norm
from .body import MERGED, drawings, table_cells
from .content import Spans, Summary
from .header import reference_agency
from .inline import NoteLabels, spans_of

LABEL = re.compile(r"^phụ lục(?:\s+(?:số\s+)?(?P<n>[IVXLC]+|\d+))?\s*[.:]?$", re.IGNORECASE)
NOT_TEXT = re.compile(r"\[(?=[\[^])")
MARKER = re.compile(r"\[\^[^\]]*\]")
HEADING_WORDS = 40


def is_label(paragraph: Paragraph) -> bool:
    return bool(LABEL.match(norm(paragraph.text))) and paragraph.align in ("center", None)


@dataclass
class Appendices:
    """The appendices read, their numbering, and what their "(Kèm theo …)" said."""

    items: list[dict[str, Any]] = field(default_factory=list)
    numbering: str = "roman"
    references: list[str] = field(default_factory=list)


def appendices(blocks: list[Paragraph | Table], labels: NoteLabels, summary: Summary) -> Appendices:
    """The appendices in ``blocks``, which start at the first "Phụ lục" line."""
    found = Appendices()
    current: _Reading | None = None
    for block in blocks:
        if isinstance(block, Paragraph) and is_label(block):
            if current is not None:
                found.items.append(current.finished())
            current = _Reading(labels, summary, found)
            number = LABEL.match(norm(block.text))
            if number and number.group("n") and number.group("n").isdigit():
                found.numbering = "arabic"
            summary.counts["phụ lục"] += 1
            continue
        if current is None:
            if isinstance(block, Table) or norm(block.text):
                summary.skip(_where(block), "ở sau phần ký, không thuộc phụ lục nào")
            continue
        current.take(block)
    if current is not None:
        found.items.append(current.finished())
    return found


def _where(block: Paragraph | Table) -> str:
    return block.where if isinstance(block, Paragraph) else f"bảng {block.number}"


class _Reading:
    """One appendix being read, block by block."""

    def __init__(self, labels: NoteLabels, summary: Summary, found: Appendices):
        self.labels, self.summary, self.found = labels, summary, found
        self.titles: list[str] = []
        self.in_title = True
        self.parts: list[dict[str, Any]] = []

    def take(self, block: Paragraph | Table) -> None:
        if isinstance(block, Table):
            self.in_title = False
            self._part()["table"] = self._table(block)
            return
        spans = spans_of(block, self.labels, self.summary)
        drawings(block, self.summary)
        text = self._text(spans, block.where)
        if not text:
            return
        if self.in_title and decree30.APPENDIX_REFERENCE.match(norm(block.text)):
            agency = reference_agency(block.text)
            if agency:
                self.found.references.append(norm(block.text))
            self.in_title = False
            return
        if self.in_title and block.align == "center" and len(self.titles) < 2:
            self.titles.append(text)
            return
        self.in_title = False
        if block.all_bold() and len(text.split()) <= HEADING_WORDS and block.align != "both":
            if MARKER.search(text):
                self.summary.note(block.where, "chú thích ở tiêu đề phần của phụ lục: đã bỏ dấu")
                text = " ".join(MARKER.sub("", text).split())
            self._heading(text)
        else:
            self._part().setdefault("paragraphs", []).append(text)
            self.summary.counts["đoạn văn"] += 1

    def _heading(self, text: str) -> None:
        part = self.parts[-1] if self.parts else None
        if part is not None and set(part) == {"heading"}:
            part["subheading"] = text
        elif part is not None and not part:
            part["heading"] = text
        else:
            self.parts.append({"heading": text})
        self.summary.counts["đề mục"] += 1

    def _part(self) -> dict[str, Any]:
        """The part a paragraph or a table goes to: a new one after a table (a part
        prints its paragraphs before its table)."""
        part = self.parts[-1] if self.parts else None
        if part is None or "table" in part:
            part = {}
            self.parts.append(part)
        return part

    def _text(self, spans: Spans, where: str) -> str:
        """Spans as front-matter text: footnote markers as ``[^n]``, styles dropped."""
        pieces = []
        for span in spans:
            if span.note is not None:
                pieces.append(f"[^{span.note}]")
            elif span.brk:
                pieces.append(" ")
            else:
                pieces.append(self._safe(span.text, where))
        return " ".join("".join(pieces).split())

    def _safe(self, text: str, where: str) -> str:
        if NOT_TEXT.search(text):
            self.summary.note(
                where, "“[[” hay “[^” trong chữ của phụ lục: viết cách ra “[ [” để không thành mã"
            )
            return NOT_TEXT.sub("[ ", text)
        return text

    def _table(self, table: Table) -> dict[str, Any]:
        rows = table_cells(table, self.labels, self.summary)
        self.summary.counts["bảng"] += 1
        self.summary.counts["dòng bảng"] += len(rows)
        cells = [[self._cell(cell, table) for cell in row] for row in rows]
        header, *body = cells or [[]]
        out_rows: list[Any] = []
        merged = any(cell.span > 1 for cell in table.rows[0]) if table.rows else False
        for row, source in zip(body, table.rows[1:], strict=False):
            group = _group(row, source)
            out_rows.append(group if group is not None else row)
            merged = merged or (group is None and any(cell.span > 1 for cell in source))
        if merged:
            self.summary.note(f"bảng {table.number}", MERGED)
        return {"headers": [" ".join(h.split("\n")) for h in header], "rows": out_rows}

    def _cell(self, spans: Spans, table: Table) -> str:
        lines: list[list[str]] = [[]]
        for span in spans:
            if span.brk:
                lines.append([])
            elif span.note is not None:
                lines[-1].append(f"[^{span.note}]")
            else:
                lines[-1].append(self._safe(span.text, f"bảng {table.number}"))
        return "\n".join(" ".join("".join(line).split()) for line in lines)

    def finished(self) -> dict[str, Any]:
        title = self.titles[0] if self.titles else "PHỤ LỤC"
        if not self.titles:
            self.summary.note("phụ lục", "phụ lục không có tên: đặt tạm “PHỤ LỤC”, hãy sửa")
        appendix: dict[str, Any] = {"title": title}
        if len(self.titles) > 1:
            appendix["subtitle"] = self.titles[1]
        appendix["parts"] = self.parts or [{"paragraphs": []}]
        return appendix


def _group(row: list[str], source: list[Any]) -> dict[str, Any] | None:
    """A row of a number and a title across the other columns (or of a title across
    all), in bold: a group row."""
    width = len(row)
    spans = [cell.span for cell in source]
    bold = all(p.all_bold() for cell in source for p in cell.paragraphs if p.stripped)
    if width < 3 or not bold:
        return None
    if len(source) == 2 and spans[0] == 1 and spans[1] == width - 1 and row[1]:
        group: dict[str, Any] = {"group": row[1]}
        if row[0]:
            group["number"] = row[0]
        return group
    if len(source) == 1 and spans[0] == width and row[0]:
        return {"group": row[0]}
    return None
