"""Tables as the templates print them: a Phụ lục's from the data (metric rows, task
lists) or typed cell by cell, and a table typed in a report's body; cells as paragraphs."""

from __future__ import annotations

from typing import Any

from ..errors import UnresolvedReference
from ..formatting import to_roman
from ..load.messages import unknown_metric
from ..load.report_file import BodyBlock, Inline
from ..metrics.printing import result_text, target_text
from ..model.report import GroupRow, MetricRow, Table, TextGroupRow, TextTable
from ..model.year import Metric, TaskGroup, YearData
from ..prose.segments import LineBreak, Paragraph, TextBuilder
from .types import Cell, Row, TableShape


def table_context(data: YearData, table: Table, text: TextBuilder, where: str) -> TableShape:
    """Header titles and rows of cells, each cell a list of paragraphs."""
    headers = [
        table.headers.get(column, default_header(column, data.year)) for column in table.columns
    ]
    rows: list[Row] = []
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


STT_HEADERS = {"stt", "tt", "số tt", "số thứ tự"}
"""Header texts of a column of row numbers (a text table's group row puts its number
there, and its title across the other columns)."""
TEXT_COLUMN = "text"


def table_columns(headers: list[str]) -> list[str]:
    """The columns of a text table: its first a column of row numbers when its header
    says so (STT), every other a column of text."""
    first = headers[0].strip().casefold().rstrip(".") if headers else ""
    columns = ["stt" if first in STT_HEADERS else TEXT_COLUMN]
    return columns + [TEXT_COLUMN] * (len(headers) - 1)


def text_table_context(table: TextTable, text: TextBuilder, where: str) -> TableShape:
    """A table typed cell by cell: its header row, then each row's cells as paragraphs
    (one per line of the cell), group rows as the number and the title across."""
    numbered = any(isinstance(row, TextGroupRow) and row.number for row in table.rows)
    columns = table_columns(table.headers)
    if numbered:
        columns[0] = "stt"
    headers = [" ".join(h.split()) for h in table.headers]
    rows: list[Row] = []
    for index, entry in enumerate(table.rows):
        place = f"{where}.rows[{index}]"
        if isinstance(entry, TextGroupRow):
            title = text.paragraphs(entry.group, f"{place}.group")
            cells: list[Cell] = [[] for _ in headers]
            if columns[0] == "stt":
                cells[0] = [[entry.number]] if entry.number else []
                cells[min(1, len(cells) - 1)] = title
            else:
                cells[0] = title
            rows.append({"group": True, "cells": cells})
        else:
            rows.append(
                {
                    "group": False,
                    "cells": [
                        text.paragraphs(cell, f"{place}[{c}]") for c, cell in enumerate(entry)
                    ],
                }
            )
    return {"columns": columns, "headers": headers, "rows": rows}


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


def default_header(column: str, year: int) -> str:
    """The seeds' titles: "Chỉ tiêu năm 2024" for the report's own year, "Mục tiêu đến
    2025" for a later one."""
    if column.startswith("target:"):
        target = column.split(":")[1]
        return f"Chỉ tiêu năm {target}" if target == str(year) else f"Mục tiêu đến {target}"
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
) -> list[Cell]:
    cells: list[Cell] = []
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
        value = _metric_cell(column, entry, metrics, text.leading_zero)
    else:
        value = getattr(entry, column, None) if not column.startswith("target:") else None
    return text.paragraphs(value, f"{where}.{column}") if value else []


def _metric(data: YearData, metric_id: str, where: str) -> Metric:
    metric = data.metric(metric_id)
    if metric is None:
        raise UnresolvedReference(f"{where}: {unknown_metric(metric_id, data.metric_ids())}")
    return metric


def _metric_cell(column: str, row: Any, metrics: list[Metric], pad: bool) -> str | None:
    first = metrics[0]
    if column == "name":
        return row.label or first.name
    if column.startswith("target:"):
        year = int(column.split(":")[1])
        texts = [target_text(m, year, pad) for m in metrics]
        return "\n".join(t for t in texts if t) or None
    if column == "result":
        if row.result:
            return str(row.result)
        return "\n".join(m.result or result_text(m, pad) for m in metrics)
    if column == "note":
        return row.note or first.note
    if column == "evaluation":
        evaluations = list(dict.fromkeys(m.evaluation for m in metrics if m.evaluation))
        return "\n".join(evaluations) or None
    return getattr(first, column, None)


def body_table(block: BodyBlock, text: TextBuilder) -> TableShape:
    """A table typed in the body: its first row the header (text only), then each row's
    cells, a cell's line breaks starting new paragraphs."""
    where = f"dòng {block.line}"
    header, *rows = block.rows
    titles = [
        "".join(s for s in text.inline_segments(cell, where, notes=False) if isinstance(s, str))
        for cell in header
    ]
    return {
        "columns": table_columns(titles),
        "headers": titles,
        "rows": [
            {"group": False, "cells": [_cell_paragraphs(text, cell, where) for cell in row]}
            for row in rows
        ],
    }


def _cell_paragraphs(text: TextBuilder, cell: list[Inline], where: str) -> list[Paragraph]:
    paragraphs: list[Paragraph] = [[]]
    for segment in text.inline_segments(cell, where):
        if isinstance(segment, LineBreak):
            paragraphs.append([])
        else:
            paragraphs[-1].append(segment)
    return [p for p in paragraphs if p]
