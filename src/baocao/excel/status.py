"""``baocao status 2025 --format xlsx``: the round as a workbook the office can send
round: a sheet of agencies (asked, sent, owed, late) and a sheet of the items each
agency sent or still owes, rows as tall as their text, ready to print."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from ..collection.status import RoundStatus
from ..tables.status import (
    DETAIL_HEADERS,
    SUMMARY_HEADERS,
    detail_rows,
    summary_rows,
    title,
    totals,
)
from .form_styles import CELL, HEADER, NOTE, TITLE, add_styles, protect_and_print, put
from .row_heights import row_height

FIRST = 4
"""The first row under the header row (3), below the title and a line of totals."""


def status_xlsx(status: RoundStatus, deadline: date | None, today: date) -> bytes:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook()
    add_styles(book)
    summary = book.active
    assert summary is not None
    summary.title = "Tổng hợp"
    _table(summary, title(status, deadline), SUMMARY_HEADERS, summary_rows(status, deadline, today))
    sentence = totals(status, deadline, today)
    put(summary, "A2", sentence, NOTE)
    summary.merge_cells(f"A2:{get_column_letter(len(SUMMARY_HEADERS))}2")
    summary.row_dimensions[2].height = row_height([(sentence, sum(w for _h, w in SUMMARY_HEADERS))])
    detail = book.create_sheet("Chi tiết")
    rows: list[list[Any]] = [list(r) for r in detail_rows(status)]
    _table(detail, f"Chỉ tiêu, nhiệm vụ đã gửi và còn chờ năm {status.year}", DETAIL_HEADERS, rows)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _table(sheet: Any, heading: str, headers: list[tuple[str, int]], rows: list[list[Any]]) -> None:
    from openpyxl.utils import get_column_letter

    put(sheet, "A1", heading, TITLE)
    for index, (text, width) in enumerate(headers, start=1):
        letter = get_column_letter(index)
        put(sheet, f"{letter}{FIRST - 1}", text, HEADER)
        sheet.column_dimensions[letter].width = width
    sheet.row_dimensions[FIRST - 1].height = row_height(headers, bold=True)
    for number, cells in enumerate(rows, start=FIRST):
        for index, value in enumerate(cells, start=1):
            put(sheet, f"{get_column_letter(index)}{number}", value, CELL)
        texts = [(str(v), w) for v, (_h, w) in zip(cells, headers, strict=False)]
        sheet.row_dimensions[number].height = row_height(texts)
    last = get_column_letter(len(headers))
    sheet.freeze_panes = f"A{FIRST}"
    protect_and_print(sheet, f"A1:{last}{max(FIRST, FIRST + len(rows) - 1)}", FIRST - 1)
    sheet.protection.sheet = False
