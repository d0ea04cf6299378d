"""A table as an .xlsx file: real number cells with number formats, dates as dates,
the table's title above, the header row frozen, A4 landscape.

A cell is a value (text, number, date) or a ``(value, number format)`` pair. Number
formats are Excel's codes (``#,##0``, ``0.00%``): Excel and LibreOffice show them with
the separators of the computer's language, so a Vietnamese system shows
``2.471.745`` and ``97,14%``. openpyxl is imported here only when a table is written.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from .model import Metric

TITLE_ROW = 1
HEADER_ROW = 3


@dataclass(frozen=True)
class Column:
    header: str
    width: float = 14


def number_format(decimals: int | None, percent: bool = False) -> str:
    digits = "." + "0" * decimals if decimals else ""
    return f"0{digits}%" if percent else f"#,##0{digits}"


def figure_cell(metric: Metric, value: Decimal | float | int | None, decimals: int | None) -> Any:
    """A metric's figure as a number cell: a rate as a fraction formatted as %."""
    if value is None:
        return None
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if metric.is_rate:
        places = 2 if decimals is None else decimals
        return (float(number / 100), number_format(places, percent=True))
    if decimals is None:
        normalized = number.normalize()
        exponent = normalized.as_tuple().exponent
        decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    whole = number == number.to_integral_value()
    return (int(number) if whole else float(number), number_format(decimals))


def as_of_cell(as_of: str) -> Any:
    """``2024-11-23`` as a date cell; a month or a year as the text documents print."""
    parts = as_of.split("-")
    if len(parts) == 3:
        return (date(*map(int, parts)), "dd/mm/yyyy")
    return f"{parts[1]}/{parts[0]}" if len(parts) == 2 else parts[0]


def table_xlsx(title: str, columns: list[Column], rows: list[list[Any]], sheet: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet
    ws.cell(TITLE_ROW, 1, title).font = Font(bold=True, size=13, name="Times New Roman")
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    font = Font(name="Times New Roman", size=12)
    for index, column in enumerate(columns, start=1):
        head = ws.cell(HEADER_ROW, index, column.header)
        head.font = Font(bold=True, name="Times New Roman", size=12)
        head.fill = PatternFill("solid", fgColor="D9E1F2")
        head.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        head.border = border
        ws.column_dimensions[get_column_letter(index)].width = column.width
    for offset, values in enumerate(rows, start=HEADER_ROW + 1):
        for index, value in enumerate(values, start=1):
            fmt = None
            if isinstance(value, tuple):
                value, fmt = value
            if isinstance(value, Decimal):
                value = float(value)
            target = ws.cell(offset, index, value)
            if fmt:
                target.number_format = fmt
            target.font, target.border = font, border
            target.alignment = Alignment(wrap_text=isinstance(value, str), vertical="top")
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def comparison_xlsx(comparison: Any) -> bytes:
    """``baocao diff --format xlsx``: the rows of the CSV, figures as number cells."""
    from .diff_export import change_header, title
    from .formatting import format_as_of

    columns = [Column("Mã chỉ tiêu", 22), Column("Chỉ tiêu", 46), Column("Đơn vị", 10)]
    for name in comparison.columns:
        columns += [Column(name, 14), Column(f"Thời điểm ({name})", 12)]
    columns += [Column(change_header(comparison), 16), Column("Xu hướng", 10)]
    columns += [Column("Đánh giá", 14), Column("Ghi chú", 24)]
    rows = []
    for metric in comparison.metrics:
        cells: list[Any] = [metric.id, metric.name, metric.unit]
        for value in metric.values:
            shown = figure_cell(value.metric, value.value, value.decimals) or value.text
            cells += [shown, as_of_cell(value.as_of)]
        change = metric.change
        amount = None
        if change.comparable and change.rounded is not None:
            digits = "." + "0" * change.places if change.places else ""
            amount = (float(change.rounded), f"+#,##0{digits};-#,##0{digits};0")
        note = f"không so sánh được: {change.reason}" if change.reason else ""
        rows.append([*cells, amount, change.direction or "", metric.evaluation_text, note])
    for partial in comparison.partial:
        by_column = {v.column: v for v in partial.values}
        cells = [partial.id, partial.name, partial.values[-1].metric.unit]
        for index in range(len(comparison.columns)):
            found = by_column.get(index)
            if found is None:
                cells += [None, None]
            else:
                shown = figure_cell(found.metric, found.value, found.decimals) or found.text
                cells += [shown, format_as_of(found.as_of)]
        rows.append([*cells, None, "", "", "chỉ có trong một số năm"])
    return table_xlsx(title(comparison), columns, rows, "So sánh")
