"""``baocao form 2025``: an Excel form of the metrics that still wait for a figure, for
the whole year or for one agency (``--by-agency``, with its tasks too).

One row per metric: its id (hidden column, locked), its name, unit, this year's
target and last year's figure (grey, locked: read-only and visibly so), then the
cells to fill (yellow): a value, or a numerator and a denominator for a rate, the
date of the figure, its source. Each row is as tall as its wrapped text. A hidden
sheet records the year, the agency, the data version and each row (``form_record``),
so that ``baocao import`` finds a deleted, added or edited row, or a stale form.
openpyxl is imported only in this package.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from ..collection.agencies import TaskPlace
from ..collection.version import form_version, metric_fingerprint
from ..errors import DataError, DataFileNotFound, UnresolvedReference
from ..formatting import format_as_of
from ..metrics.printing import observation_text, target_text
from ..model.agencies import Agency
from ..model.year import Metric, YearData
from ..workspace import Workspace
from .form_layout import (
    COLUMNS,
    COUNT_FORMAT,
    DATA_SHEET,
    DATE_FORMAT,
    FIRST_ROW,
    HEADER_ROW,
    LOCKED_KEYS,
    RATE_FORMAT,
    cell,
    headers,
)
from .form_record import FormRecord, RecordRow, write_record
from .form_sheets import Validations, write_sources, write_tasks_sheet
from .form_styles import HEADER, LOCKED, NOTE, OPEN, TITLE, add_styles, protect_and_print, put
from .row_heights import row_height
from .text_cells import text_cells_only

WIDTHS = {c.key: c.width for c in COLUMNS}


@dataclass
class Form:
    year: int
    metrics: list[Metric]
    content: bytes
    tasks: list[TaskPlace] = field(default_factory=list)
    agency: Agency | None = None


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
    """The form of every metric still waiting (every metric with ``everything``)."""
    metrics = form_metrics(data, everything)
    return make_form(data, metrics, previous_figures(workspace, data.year))


def title_of(year: int, agency: Agency | None) -> str:
    title = f"BIỂU MẪU NHẬP SỐ LIỆU CHỈ TIÊU NĂM {year}"
    return f"{title}: {agency.name.upper()}" if agency else title


def make_form(
    data: YearData,
    metrics: list[Metric],
    previous: dict[str, str],
    agency: Agency | None = None,
    tasks: Sequence[TaskPlace] = (),
) -> Form:
    """A workbook asking for ``metrics`` (and, for an agency, ``tasks``)."""
    from openpyxl import Workbook

    book = Workbook()
    add_styles(book)
    sheet = book.active
    assert sheet is not None
    sheet.title = DATA_SHEET
    record = FormRecord(data.year, agency=agency.id if agency else None)
    record.agency_name = agency.name if agency else None
    record.title = title_of(data.year, agency)
    _write_rows(sheet, data, metrics, previous, record)
    write_tasks_sheet(book, data, list(tasks), record)
    write_sources(book, data, record)
    fingerprints = [r.fingerprint or "" for r in (*record.metrics, *record.tasks)]
    record.version = form_version(fingerprints)
    write_record(book, record)
    book.active = 0
    text_cells_only(book)
    out = io.BytesIO()
    book.save(out)
    return Form(data.year, metrics, out.getvalue(), list(tasks), agency)


def _write_rows(
    sheet: Any,
    data: YearData,
    metrics: list[Metric],
    previous: dict[str, str],
    record: FormRecord,
) -> None:
    last = COLUMNS[-1].letter
    put(sheet, "A1", record.title, TITLE)
    sheet.merge_cells(f"A1:{last}1")
    note = (
        "Chỉ điền các ô màu vàng. Tỷ lệ: gõ kèm dấu % (ví dụ 85,5%), hoặc gõ tử số và mẫu số. "
        "Không thêm, xóa hay đổi thứ tự cột; không sửa cột Mã. Sau đó chạy: "
        f"baocao import {data.year} TÊN_TỆP.xlsx"
    )
    put(sheet, "A2", note, NOTE)
    sheet.merge_cells(f"A2:{last}2")
    printed = sum(c.width for c in COLUMNS[1:])
    sheet.row_dimensions[2].height = row_height([(note, printed)])
    texts = headers(data.year)
    for letter, text in texts.items():
        put(sheet, f"{letter}{HEADER_ROW}", text, HEADER)
    sheet.row_dimensions[HEADER_ROW].height = row_height(
        [(texts[c.letter], c.width) for c in COLUMNS], bold=True
    )
    for column in COLUMNS:
        sheet.column_dimensions[column.letter].width = column.width
    sheet.column_dimensions["A"].hidden = True
    checks = Validations(data)
    for index, metric in enumerate(metrics):
        row = FIRST_ROW + index
        fixed = _write_row(sheet, row, index + 1, metric, data, previous.get(metric.id, ""))
        checks.add_metric(metric, row)
        record.metrics.append(
            RecordRow(metric.id, metric_fingerprint(metric), row, [fixed[k] for k in LOCKED_KEYS])
        )
    checks.apply(sheet)
    sheet.freeze_panes = f"D{FIRST_ROW}"
    end = max(FIRST_ROW, FIRST_ROW + len(metrics) - 1)
    protect_and_print(sheet, f"A1:{last}{end}", HEADER_ROW)


def _write_row(
    sheet: Any, row: int, number: int, metric: Metric, data: YearData, previous: str
) -> dict[str, Any]:
    """Write one metric's row; the values of its grey cells."""
    fixed: dict[str, Any] = {
        "id": metric.id,
        "number": number,
        "name": metric.name,
        "unit": metric.unit,
        "target": target_text(metric, data.year) or "",
        "previous": previous,
        "hint": _hint(metric),
    }
    for key, value in fixed.items():
        put(sheet, cell(key, row), value, LOCKED)
    wanted = {"value", "as_of", "source", "quote"}
    if metric.is_rate:
        wanted |= {"numerator", "denominator"}
    for key in ("value", "numerator", "denominator", "as_of", "source", "quote"):
        sheet[cell(key, row)].style = OPEN if key in wanted else LOCKED
    sheet[cell("value", row)].number_format = (
        RATE_FORMAT if metric.is_rate else _number_format(metric)
    )
    sheet[cell("numerator", row)].number_format = COUNT_FORMAT
    sheet[cell("denominator", row)].number_format = COUNT_FORMAT
    sheet[cell("as_of", row)].number_format = DATE_FORMAT
    _prefill(sheet, row, metric, data.year)
    shown = [(str(v), WIDTHS[k]) for k, v in fixed.items() if k != "id" and isinstance(v, str)]
    shown += [(str(sheet[cell(k, row)].value or ""), WIDTHS[k]) for k in ("source", "quote")]
    sheet.row_dimensions[row].height = row_height(shown)
    return fixed


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
        shown = Decimal(repr(obs.value)) / 100 if metric.is_rate else obs.value
        sheet[cell("value", row)] = float(shown) if metric.is_rate else shown
    parts = obs.as_of.split("-")
    if len(parts) == 3:
        sheet[cell("as_of", row)] = date(*map(int, parts))
    elif len(parts) == 2:
        sheet[cell("as_of", row)] = format_as_of(obs.as_of)
    elif parts[0] != str(year):
        sheet[cell("as_of", row)] = parts[0]
    put(sheet, cell("source", row), obs.source.ref)
    put(sheet, cell("quote", row), obs.source.quote)
