"""Build the one structure templates see, from a year's data.

The result is plain data: text is split into segments (``str`` or ``FootnoteMark``)
with every ``[[metric]]`` already formatted, so nothing here knows about Word.
Footnotes are numbered per document, in order of appearance.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .errors import UnresolvedReference
from .formatting import (
    BLANK,
    format_date,
    format_pending_date,
    to_letter,
    to_roman,
)
from .model import (
    REFERENCE,
    Bullets,
    Document,
    GroupRow,
    Metric,
    MetricRow,
    Section,
    Table,
    TaskGroup,
    YearData,
)
from .references import observation_text, resolve, target_text


@dataclass(frozen=True)
class FootnoteMark:
    number: int


Segment = str | FootnoteMark
Paragraph = list[Segment]


@dataclass
class Footnotes:
    """The footnotes of one document, numbered 1, 2, 3… as they are first met."""

    definitions: dict[str, str]
    notes: list[tuple[int, str]] = field(default_factory=list)
    used_keys: set[str] = field(default_factory=set)

    def mark(self, key: str, where: str) -> FootnoteMark:
        if key not in self.definitions:
            raise UnresolvedReference(f"{where}: không có chú thích '{key}' trong 'footnotes'")
        number = len(self.notes) + 1
        self.notes.append((number, self.definitions[key]))
        self.used_keys.add(key)
        return FootnoteMark(number)


@dataclass
class TextBuilder:
    data: YearData
    footnotes: Footnotes

    def segments(self, text: str, where: str) -> Paragraph:
        """Split ``text`` into text and footnote marks, formatting metric references."""
        if "[" not in text:
            return [text] if text else []
        out: Paragraph = []
        buffer: list[str] = []
        position = 0
        for match in REFERENCE.finditer(text):
            buffer.append(text[position : match.start()])
            metric_id, fmt, footnote = match.groups()
            if footnote:
                out.append("".join(buffer))
                buffer = []
                out.append(self.footnotes.mark(footnote, where))
            else:
                buffer.append(resolve(self.data, metric_id, fmt, where))
            position = match.end()
        buffer.append(text[position:])
        out.append("".join(buffer))
        return [s for s in out if s != ""]

    def paragraphs(self, text: str, where: str) -> list[Paragraph]:
        """A cell or block may hold several lines: one paragraph per line."""
        return [self.segments(line, where) for line in text.split("\n") if line.strip()]


def number_line(doc: Document) -> str:
    number = doc.number if doc.number else BLANK
    return f"Số: {number}/{doc.symbol}"


def date_text(doc: Document) -> str:
    if isinstance(doc.date, date):
        return format_date(doc.date)
    return format_pending_date(doc.date)


def recipient_lines(recipients: list[str]) -> list[str]:
    """``- X;`` for each recipient, the last one ``- Lưu: VT.`` ending with a full stop."""
    lines = []
    for index, name in enumerate(recipients):
        text = name.strip().lstrip("-").strip().rstrip(";.").strip()
        end = "." if index == len(recipients) - 1 else ";"
        lines.append(f"- {text}{end}")
    return lines


def ensure_final_mark(text: str) -> str:
    """The last paragraph of a document ends with ``./.``."""
    text = text.rstrip()
    if text.endswith("./."):
        return text
    return text.rstrip(".") + "./."


def document_context(data: YearData) -> dict[str, Any]:
    doc = data.report.document
    return {
        "parent_agency": doc.parent_agency,
        "agency": doc.agency,
        "agency_name": doc.agency_name,
        "number_line": number_line(doc),
        "place_date": f"{doc.place}, {date_text(doc)}",
        "type": doc.type,
        "summary": doc.summary,
        "authority": doc.signer.authority,
        "signer": doc.signer.name or "",
        "recipients": recipient_lines(doc.recipients),
        "reference": reference_line(doc),
    }


def reference_line(doc: Document) -> str:
    """``(Kèm theo Báo cáo số 123/BC-STTTT ngày 13 tháng 12 năm 2024 của Sở …)``."""
    number = doc.number if doc.number else BLANK
    kind = doc.type.capitalize()
    return f"(Kèm theo {kind} số {number}/{doc.symbol} {date_text(doc)} của {doc.agency_name})"


def body_blocks(data: YearData, text: TextBuilder) -> list[dict[str, Any]]:
    """The report body in order: grounds, opening, numbered sections."""
    report = data.report
    blocks: list[dict[str, Any]] = []
    for index, ground in enumerate(report.grounds):
        blocks.append(_block("paragraph", text.segments(ground, f"grounds[{index}]")))
    for index, opening in enumerate(report.opening):
        blocks.append(_block("paragraph", text.segments(opening, f"opening[{index}]")))
    for index, section in enumerate(report.sections, start=1):
        _section_blocks(section, 1, index, f"sections[{index - 1}]", text, blocks)
    return blocks


def _block(kind: str, segments: Paragraph) -> dict[str, Any]:
    return {"kind": kind, "segments": segments}


def _section_blocks(
    section: Section,
    level: int,
    index: int,
    where: str,
    text: TextBuilder,
    blocks: list[dict[str, Any]],
) -> None:
    if level == 1:
        label = f"{to_roman(index)}. "
        title = section.title.upper()
    elif level == 2:
        label, title = f"{index}. ", section.title
    else:
        label, title = f"{to_letter(index)}) ", section.title
    heading = text.segments(title, f"{where}.title")
    blocks.append(_block(f"heading{min(level, 3)}", [label, *heading]))
    for number, block in enumerate(section.body):
        place = f"{where}.body[{number}]"
        if isinstance(block, Bullets):
            kind = "bullet2" if block.marker == "+" else "bullet"
            for item_number, item in enumerate(block.bullets):
                segments = text.segments(item, f"{place}.bullets[{item_number}]")
                blocks.append(_block(kind, [f"{block.marker} ", *segments]))
        else:
            blocks.append(_block("paragraph", text.segments(block, place)))
    if section.unit_comparison:
        from .unit_context import summary_blocks

        blocks.extend(_block(kind, [line]) for kind, line in summary_blocks(text.data))
    for number, child in enumerate(section.sections, start=1):
        _section_blocks(child, level + 1, number, f"{where}.sections[{number - 1}]", text, blocks)


def table_context(data: YearData, table: Table, text: TextBuilder, where: str) -> dict[str, Any]:
    """Header titles and rows of cells, each cell a list of paragraphs."""
    headers = [table.headers.get(column, default_header(column)) for column in table.columns]
    rows: list[dict[str, Any]] = []
    if table.task_list:
        task_list = data.task_list(table.task_list)
        if task_list is None:
            raise UnresolvedReference(f"{where}: không có danh sách nhiệm vụ '{table.task_list}'")
        entries: list[Any] = []
        for item in task_list.items:
            if isinstance(item, TaskGroup):
                entries.append(GroupRow(group=item.group))
                entries.extend(item.tasks)
            else:
                entries.append(item)
    else:
        entries = list(table.rows)
    numbers = _row_numbers(entries, table.numbering)
    for position, (entry, stt) in enumerate(zip(entries, numbers, strict=True)):
        place = f"{where}.rows[{position}]"
        if isinstance(entry, GroupRow):
            rows.append(
                {"group": True, "cells": _group_cells(table.columns, stt, entry.group, text, place)}
            )
        else:
            metrics = None
            if isinstance(entry, MetricRow):
                metrics = [_metric(data, metric_id, place) for metric_id in entry.metric_ids]
            cells = [_cell(column, entry, metrics, stt, text, place) for column in table.columns]
            rows.append({"group": False, "cells": cells})
    return {"columns": list(table.columns), "headers": headers, "rows": rows}


DEFAULT_HEADERS = {
    "stt": "STT",
    "name": "Nội dung",
    "result": "Kết quả thực hiện",
    "evaluation": "Đánh giá kết quả",
    "note": "Ghi chú",
    "lead": "Cơ quan chủ trì",
    "partners": "Cơ quan phối hợp",
    "time": "Thời gian thực hiện",
    "progress": "Tiến độ thực hiện",
}


def default_header(column: str) -> str:
    if column.startswith("target:"):
        return f"Mục tiêu đến {column.split(':')[1]}"
    return DEFAULT_HEADERS[column]


def _row_numbers(entries: list[Any], numbering: str) -> list[str]:
    numbers = []
    group = 0
    item = 0
    has_groups = any(isinstance(e, GroupRow) for e in entries)
    for entry in entries:
        if isinstance(entry, GroupRow):
            group += 1
            item = 0
            numbers.append(to_roman(group) if numbering == "roman" else str(group))
        else:
            item += 1
            if numbering == "decimal" and has_groups:
                numbers.append(f"{group}.{item}")
            else:
                numbers.append(str(item))
    return numbers


def _group_cells(
    columns: list[str], stt: str, title: str, text: TextBuilder, where: str
) -> list[list[Paragraph]]:
    cells: list[list[Paragraph]] = []
    for column in columns:
        if column == "stt":
            cells.append([[stt]])
        elif column == "name":
            cells.append(text.paragraphs(title, f"{where}.group"))
        else:
            cells.append([])
    return cells


def _cell(
    column: str,
    entry: Any,
    metrics: list[Metric] | None,
    stt: str,
    text: TextBuilder,
    where: str,
) -> list[Paragraph]:
    if column == "stt":
        return [[stt]]
    if metrics is not None:
        value = _metric_cell(column, entry, metrics)
    else:
        value = getattr(entry, column, None) if not column.startswith("target:") else None
    return text.paragraphs(value, f"{where}.{column}") if value else []


def _metric(data: YearData, metric_id: str, where: str) -> Metric:
    metric = data.metric(metric_id)
    if metric is None:
        raise UnresolvedReference(f"{where}: không có chỉ tiêu '{metric_id}' trong 'metrics'")
    return metric


def _metric_cell(column: str, row: Any, metrics: list[Metric]) -> str | None:
    first = metrics[0]
    if column == "name":
        return row.label or first.name
    if column.startswith("target:"):
        year = int(column.split(":")[1])
        texts = [target_text(m, year) for m in metrics]
        return "\n".join(t for t in texts if t) or None
    if column == "result":
        if row.result:
            return row.result
        return "\n".join(m.result or observation_text(m, m.latest) for m in metrics)
    if column == "note":
        return row.note or first.note
    if column == "evaluation":
        evaluations = list(dict.fromkeys(m.evaluation for m in metrics if m.evaluation))
        return "\n".join(evaluations) or None
    return getattr(first, column, None)


def appendix_context(data: YearData, text: TextBuilder) -> list[dict[str, Any]]:
    appendices = []
    for index, appendix in enumerate(data.report.appendices, start=1):
        where = f"appendices[{index - 1}]"
        parts = []
        for part_index, part in enumerate(appendix.parts):
            place = f"{where}.parts[{part_index}]"
            parts.append(
                {
                    "heading": part.heading,
                    "subheading": part.subheading,
                    "paragraphs": [
                        text.segments(p, f"{place}.paragraphs") for p in part.paragraphs
                    ],
                    "table": table_context(data, part.table, text, f"{place}.table")
                    if part.table
                    else None,
                }
            )
            if part.unit_comparison or part.unit_sections:
                _unit_parts(data, part, parts, text, place)
        appendices.append(
            {
                "label": f"Phụ lục {to_roman(index)}",
                "title": appendix.title,
                "subtitle": appendix.subtitle,
                "parts": parts,
            }
        )
    return appendices


def _unit_parts(
    data: YearData, part: Any, parts: list[dict[str, Any]], text: TextBuilder, where: str
) -> None:
    """Generated parts: the comparison table, and one section per other unit."""
    from .unit_context import comparison_part, unit_parts

    if part.unit_comparison:
        parts[-1] = comparison_part(data, parts[-1])
    if part.unit_sections:
        numbered = sum(1 for p in parts if p["heading"])
        parts.extend(unit_parts(data, text.footnotes, numbered + 1, where))


def build_report(data: YearData) -> dict[str, Any]:
    """Context of the BÁO CÁO: header, body blocks, signature and its footnotes."""
    footnotes = Footnotes(data.report.footnotes)
    text = TextBuilder(data, footnotes)
    body = body_blocks(data, text)
    closing = text.segments(ensure_final_mark(data.report.closing), "closing")
    return {
        "doc": document_context(data),
        "year": data.year,
        "body": body,
        "closing": closing,
        "footnotes": footnotes.notes,
    }


def build_appendix(data: YearData) -> dict[str, Any]:
    """Context of the Phụ lục document: every appendix with its tables and footnotes."""
    footnotes = Footnotes(data.report.footnotes)
    text = TextBuilder(data, footnotes)
    return {
        "doc": document_context(data),
        "year": data.year,
        "appendices": appendix_context(data, text),
        "footnotes": footnotes.notes,
    }
