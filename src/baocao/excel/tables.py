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
from typing import TYPE_CHECKING, Any

from ..model.year import Metric
from .text_cells import text_cells_only

if TYPE_CHECKING:
    from ..tables.indicators import IndicatorTable

TITLE_ROW = 1
HEADER_ROW = 3
LINE_HEIGHT = 15.75
"""Points per line of 12-point Times New Roman."""


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


def wrapped_lines(text: str, width: float) -> int:
    """How many lines ``text`` takes in a column ``width`` characters wide, wrapped at words.

    LibreOffice does not fit row heights to wrapped text when it opens a file, so the
    height is written; the estimate errs towards a spare line rather than a cut one.
    """
    usable = max(int(width * 1.3) - 1, 1)
    lines = 0
    for paragraph in text.split("\n"):
        current = 0
        lines += 1
        for word in paragraph.split():
            needed = len(word) if current == 0 else current + 1 + len(word)
            if needed > usable and current:
                lines += 1
                needed = len(word)
            lines += (needed - 1) // usable
            current = (needed - 1) % usable + 1
    return lines


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
    ws.row_dimensions[HEADER_ROW].height = (
        LINE_HEIGHT * _row_lines(columns, [c.header for c in columns]) + 2
    )
    for offset, values in enumerate(rows, start=HEADER_ROW + 1):
        ws.row_dimensions[offset].height = LINE_HEIGHT * _row_lines(columns, values) + 2
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
    text_cells_only(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def comparison_xlsx(comparison: Any) -> bytes:
    """``baocao diff --format xlsx``: the rows of the CSV, figures as number cells."""
    from ..formatting import format_as_of
    from ..tables.years import change_header, title

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


def unit_comparison_xlsx(comparison: Any) -> bytes:
    """``baocao compare --format xlsx``: the units side by side, figures as number cells."""
    from ..tables.units import any_merged, gap_header, group_title, title

    merged = any_merged(comparison)
    columns = [Column("Mã chỉ tiêu", 30), Column("Nhóm", 26), Column("Chỉ tiêu", 46)]
    for unit in comparison.units:
        columns += [Column(unit.label, 14), Column(f"Đánh giá ({unit.label})", 14)]
    columns.append(Column(gap_header(comparison), 26))
    if merged:
        columns.append(Column("Tỉnh hợp nhất", 18))
    rows = []
    for units, indicators in comparison.groups():
        group = group_title(comparison, units)
        for indicator in indicators:
            cells: list[Any] = [indicator.id, group, indicator.name]
            for side in indicator.sides:
                value = side.value
                shown = None
                if value is not None:
                    shown = figure_cell(value.metric, value.value, value.decimals) or value.text
                cells += [shown if side.reported else "Không báo cáo", side.evaluation or ""]
            change = indicator.gap.change
            gap = None
            if change is not None and change.rounded is not None:
                digits = "." + "0" * change.places if change.places else ""
                rates = any(s.value is not None and s.value.metric.is_rate for s in indicator.sides)
                unit = '" điểm phần trăm"' if rates else ""
                gap = (float(change.rounded), f"+#,##0{digits}{unit};-#,##0{digits}{unit};0")
            cells.append(gap if gap is not None else indicator.gap.reason or "")
            if merged:
                cells.append(indicator.merged.text)
            rows.append(cells)
    return table_xlsx(title(comparison), columns, rows, "So sánh đơn vị")


def indicator_xlsx(table: IndicatorTable) -> bytes:
    """``baocao export --format xlsx``: one row per metric, figures as numbers."""
    from ..tables.indicators import HEADERS, record

    rows = []
    for metric in table.metrics:
        r = record(metric, table.year)
        target = figure_cell(metric, r["target"], metric.decimals) or r["target_text"]
        counts = [
            (r[k], "#,##0") if r[k] is not None else None for k in ("numerator", "denominator")
        ]
        rows.append(
            [
                r["id"],
                r["name"],
                r["unit"],
                target,
                figure_cell(metric, r["value"], metric.decimals),
                *counts,
                as_of_cell(r["as_of"]) if r["as_of"] else None,
                r["printed"],
                r["evaluation"],
                r["source"],
            ]
        )
    columns = [Column(h, w) for h, w in HEADERS]
    return table_xlsx(table.title, columns, rows, f"Chỉ tiêu {table.year}")


def _row_lines(columns: list[Column], values: list[Any]) -> int:
    return max(
        (
            wrapped_lines(v, c.width)
            for c, v in zip(columns, values, strict=False)
            if isinstance(v, str)
        ),
        default=1,
    )
