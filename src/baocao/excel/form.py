"""``baocao form 2025``: an Excel form of the metrics that still wait for a figure.

One row per metric: its id (hidden column, locked), its name, unit, this year's
target and last year's figure (grey, locked: read-only and visibly so), then the
cells to fill (yellow): a value, or a numerator and a denominator for a rate, the
date of the figure, its source. A hidden sheet records the year and the metric ids
of the form, so that ``baocao import`` finds a deleted or an added row. openpyxl is
imported only in this package.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..errors import DataError, DataFileNotFound, UnresolvedReference
from ..formatting import format_as_of
from ..limits import FIRST_YEAR, LAST_YEAR, MAX_FIGURE
from ..metrics.printing import observation_text, target_text
from ..model.year import Metric, YearData
from ..workspace import Workspace
from .form_layout import (
    COLUMNS,
    COUNT_FORMAT,
    DATA_SHEET,
    DATE_FORMAT,
    FIRST_ROW,
    FORM_MARK,
    FORM_VERSION,
    HEADER_ROW,
    META_SHEET,
    NEW_SOURCE_ROWS,
    RATE_FORMAT,
    SOURCES_SHEET,
    cell,
    headers,
)
from .text_cells import text_cells_only

GREY = "F2F2F2"
YELLOW = "FFF2CC"
HEADER_FILL = "D9E1F2"
MAX_RATE = 1  # 100%: a rate over it needs allow_over_100


@dataclass
class Form:
    year: int
    metrics: list[Metric]
    content: bytes


def form_metrics(data: YearData, everything: bool) -> list[Metric]:
    """The metrics a form asks for: those still pending, or all of them."""
    return [m for m in data.metrics if everything or m.pending]


def previous_figures(workspace: Workspace, year: int) -> dict[str, str]:
    """Last year's figure of each metric, as documents print it (none without a file)."""
    try:
        previous = workspace.load(str(year - 1))
    except (DataError, DataFileNotFound):
        return {}
    found = {}
    for metric in previous.metrics:
        if metric.observations:
            obs = metric.latest
            try:
                found[metric.id] = f"{observation_text(metric, obs)} ({format_as_of(obs.as_of)})"
            except UnresolvedReference:
                continue
    return found


def build_form(workspace: Workspace, data: YearData, everything: bool = False) -> Form:
    from openpyxl import Workbook

    metrics = form_metrics(data, everything)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = DATA_SHEET
    _write_sources(book, data)
    _write_rows(sheet, data, metrics, previous_figures(workspace, data.year))
    meta = book.create_sheet(META_SHEET)
    meta.append([FORM_MARK, FORM_VERSION])
    meta.append(["year", data.year])
    for metric in metrics:
        meta.append(["metric", metric.id])
    meta.sheet_state = "hidden"
    meta.protection.sheet = True
    book.active = 0
    text_cells_only(book)
    out = io.BytesIO()
    book.save(out)
    return Form(data.year, metrics, out.getvalue())


def _styles() -> dict[str, Any]:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

    thin = Side(style="thin", color="999999")
    return {
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "grey": PatternFill("solid", fgColor=GREY),
        "yellow": PatternFill("solid", fgColor=YELLOW),
        "header": PatternFill("solid", fgColor=HEADER_FILL),
        "bold": Font(bold=True, name="Times New Roman", size=12),
        "font": Font(name="Times New Roman", size=12),
        "wrap": Alignment(wrap_text=True, vertical="top"),
        "centre": Alignment(wrap_text=True, vertical="center", horizontal="center"),
        "open": Protection(locked=False),
        "locked": Protection(locked=True),
    }


def _write_rows(
    sheet: Any, data: YearData, metrics: list[Metric], previous: dict[str, str]
) -> None:
    style = _styles()
    last = chr(ord(COLUMNS[-1].letter))
    sheet["A1"] = f"BIỂU MẪU NHẬP SỐ LIỆU CHỈ TIÊU NĂM {data.year}"
    sheet["A1"].font = style["bold"]
    sheet.merge_cells(f"A1:{last}1")
    sheet["A2"] = (
        "Chỉ điền các ô màu vàng. Tỷ lệ: gõ kèm dấu % (ví dụ 85,5%), hoặc gõ tử số và mẫu số. "
        "Không thêm, xóa hay đổi thứ tự cột; không sửa cột Mã. Sau đó chạy: "
        f"baocao import {data.year} TÊN_TỆP.xlsx"
    )
    sheet["A2"].alignment = style["wrap"]
    sheet["A2"].font = style["font"]
    sheet.merge_cells(f"A2:{last}2")
    sheet.row_dimensions[2].height = 32
    for letter, text in headers(data.year).items():
        head = sheet[f"{letter}{HEADER_ROW}"]
        head.value = text
        head.font, head.fill = style["bold"], style["header"]
        head.alignment, head.border = style["centre"], style["border"]
    sheet.row_dimensions[HEADER_ROW].height = 48
    for column in COLUMNS:
        sheet.column_dimensions[column.letter].width = column.width
    sheet.column_dimensions["A"].hidden = True
    checks = _validations(data)
    for index, metric in enumerate(metrics):
        row = FIRST_ROW + index
        _write_row(sheet, row, index + 1, metric, data, previous.get(metric.id, ""), style)
        _validate_row(checks, metric, row)
    for check in checks.values():
        if check.sqref:
            sheet.add_data_validation(check)
    sheet.freeze_panes = f"D{FIRST_ROW}"
    _protect_and_print(sheet, f"A1:{last}{max(FIRST_ROW, FIRST_ROW + len(metrics) - 1)}")


def _write_row(
    sheet: Any,
    row: int,
    number: int,
    metric: Metric,
    data: YearData,
    previous: str,
    style: dict[str, Any],
) -> None:
    fixed = {
        "id": metric.id,
        "number": number,
        "name": metric.name,
        "unit": metric.unit,
        "target": target_text(metric, data.year) or "",
        "previous": previous,
        "hint": _hint(metric),
    }
    for key, value in fixed.items():
        target = sheet[cell(key, row)]
        target.value = value
        target.fill, target.protection = style["grey"], style["locked"]
        target.alignment, target.border, target.font = style["wrap"], style["border"], style["font"]
    wanted = ["value", "as_of", "source", "quote"]
    if metric.is_rate:
        wanted += ["numerator", "denominator"]
    for key in ("value", "numerator", "denominator", "as_of", "source", "quote"):
        target = sheet[cell(key, row)]
        target.border, target.font = style["border"], style["font"]
        target.alignment = style["wrap"]
        if key in wanted:
            target.fill, target.protection = style["yellow"], style["open"]
        else:
            target.fill, target.protection = style["grey"], style["locked"]
    sheet[cell("value", row)].number_format = (
        RATE_FORMAT if metric.is_rate else _number_format(metric)
    )
    sheet[cell("numerator", row)].number_format = COUNT_FORMAT
    sheet[cell("denominator", row)].number_format = COUNT_FORMAT
    sheet[cell("as_of", row)].number_format = DATE_FORMAT
    _prefill(sheet, row, metric, data.year)


def _number_format(metric: Metric) -> str:
    if metric.kind is not None or metric.decimals is None:
        return "General" if metric.kind is not None else "#,##0.####"
    return COUNT_FORMAT + ("." + "0" * metric.decimals if metric.decimals else "")


def _hint(metric: Metric) -> str:
    if metric.is_rate:
        return "Tỷ lệ: gõ kèm dấu % (ví dụ 85,5%), hoặc gõ tử số và mẫu số (số nguyên)."
    if metric.kind == "rank":
        return f"Thứ hạng: gõ số thứ hạng (trên {metric.out_of:g})."
    if metric.kind == "score":
        return f"Điểm: gõ số điểm (thang {metric.out_of:g})."
    return f"Gõ số ({metric.unit}), không gõ đơn vị."


def _prefill(sheet: Any, row: int, metric: Metric, year: int) -> None:
    """A metric that has this year's figure shows it, so the unchanged form imports as
    no change at all."""
    if metric.pending or not metric.observations:
        return
    obs = metric.latest
    if obs.value is None and obs.numerator is None:
        return
    if obs.numerator is not None and obs.denominator is not None:
        sheet[cell("numerator", row)] = obs.numerator
        sheet[cell("denominator", row)] = obs.denominator
    elif obs.value is not None:
        from decimal import Decimal

        shown = Decimal(repr(obs.value)) / 100 if metric.is_rate else obs.value
        sheet[cell("value", row)] = float(shown) if metric.is_rate else shown
    parts = obs.as_of.split("-")
    if len(parts) == 3:
        sheet[cell("as_of", row)] = date(*map(int, parts))
    elif len(parts) == 2:
        sheet[cell("as_of", row)] = format_as_of(obs.as_of)
    elif parts[0] != str(year):
        sheet[cell("as_of", row)] = parts[0]
    sheet[cell("source", row)] = obs.source.ref
    sheet[cell("quote", row)] = obs.source.quote


def _validations(data: YearData) -> dict[str, Any]:
    from openpyxl.worksheet.datavalidation import DataValidation

    def check(kind: str, low: Any, high: Any, message: str, **more: Any) -> Any:
        return DataValidation(
            type=kind,
            operator="between",
            formula1=str(low),
            formula2=str(high),
            showErrorMessage=True,
            errorTitle="Giá trị không hợp lệ",
            error=message,
            allow_blank=True,
            **more,
        )

    sources = DataValidation(
        type="list",
        formula1=f"'{SOURCES_SHEET}'!$A$2:$A${len(data.sources) + NEW_SOURCE_ROWS + 1}",
        showErrorMessage=True,
        errorTitle="Nguồn không có",
        error="Chọn mã nguồn ở trang Nguồn (thêm nguồn mới ở cuối trang đó).",
        allow_blank=True,
    )
    return {
        "number": check("decimal", -MAX_FIGURE, MAX_FIGURE, "Ô này chỉ nhận số."),
        "rate": check("decimal", 0, MAX_RATE, "Gõ tỷ lệ kèm dấu %, ví dụ 85,5% (không quá 100%)."),
        "big_rate": check("decimal", 0, 10 * MAX_RATE, "Gõ tỷ lệ kèm dấu %, ví dụ 85,5%."),
        "count": check("whole", 0, MAX_FIGURE, "Tử số, mẫu số là số nguyên không âm."),
        "date": check(
            "date",
            (date(FIRST_YEAR, 1, 1) - date(1899, 12, 30)).days,
            (date(LAST_YEAR, 12, 31) - date(1899, 12, 30)).days,
            "Gõ ngày dạng ngày/tháng/năm, ví dụ 31/12/2025.",
        ),
        "source": sources,
    }


def _validate_row(checks: dict[str, Any], metric: Metric, row: int) -> None:
    if metric.is_rate:
        checks["big_rate" if metric.allow_over_100 else "rate"].add(cell("value", row))
        checks["count"].add(cell("numerator", row))
        checks["count"].add(cell("denominator", row))
    else:
        checks["number"].add(cell("value", row))
    checks["date"].add(cell("as_of", row))
    checks["source"].add(cell("source", row))


def _write_sources(book: Any, data: YearData) -> None:
    style = _styles()
    sheet = book.create_sheet(SOURCES_SHEET)
    sheet.append(["Mã nguồn", "Văn bản nguồn (thêm nguồn mới ở các dòng trống bên dưới)"])
    for head in sheet[1]:
        head.font, head.fill, head.alignment = style["bold"], style["header"], style["centre"]
    for key, text in data.sources.items():
        sheet.append([key, text])
        for done in sheet[sheet.max_row]:
            done.fill, done.protection, done.alignment = (
                style["grey"],
                style["locked"],
                style["wrap"],
            )
    first = sheet.max_row + 1
    for row in range(first, first + NEW_SOURCE_ROWS):
        for letter in "AB":
            blank = sheet[f"{letter}{row}"]
            blank.fill, blank.protection, blank.border = (
                style["yellow"],
                style["open"],
                style["border"],
            )
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 100
    sheet.freeze_panes = "A2"
    _protect_and_print(sheet, f"A1:B{first + NEW_SOURCE_ROWS - 1}")


def _protect_and_print(sheet: Any, area: str) -> None:
    """Locked cells stay read-only (no password: the lock guards against slips only);
    A4 landscape, one page wide, the header row repeated on every page."""
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = False
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.print_area = area
    header = HEADER_ROW if sheet.title == DATA_SHEET else 1
    sheet.print_title_rows = f"{header}:{header}"
