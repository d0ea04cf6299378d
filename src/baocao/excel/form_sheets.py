"""The other sheets of a form: the agency's tasks (``Nhiệm vụ``) and the source
documents (``Nguồn``), and the checks Excel itself applies while a cell is typed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..collection.agencies import TaskPlace
from ..collection.version import task_fingerprint
from ..limits import FIRST_YEAR, LAST_YEAR, MAX_FIGURE
from ..model.year import Metric, YearData
from .form_layout import (
    HEADER_ROW,
    NEW_SOURCE_ROWS,
    SOURCES_SHEET,
    TASK_COLUMNS,
    TASK_INPUT_KEYS,
    TASK_LOCKED_KEYS,
    TASKS_SHEET,
    cell,
    task_cell,
)
from .form_record import FormRecord, RecordRow
from .form_styles import HEADER, LOCKED, NOTE, OPEN, SOURCE, TITLE, protect_and_print, put
from .row_heights import row_height

MAX_RATE = 1  # 100%: a rate over it needs allow_over_100
EXCEL_EPOCH = date(1899, 12, 30)


@dataclass
class Validations:
    """The cells of each kind of check, gathered row by row and written once as ranges
    (adding cells one at a time to a validation costs openpyxl the cells already in it)."""

    data: YearData
    cells: dict[str, dict[str, list[int]]] = field(default_factory=dict)

    def _add(self, kind: str, key: str, row: int) -> None:
        self.cells.setdefault(kind, {}).setdefault(cell(key, row)[0], []).append(row)

    def add_metric(self, metric: Metric, row: int) -> None:
        if metric.is_rate:
            self._add("big_rate" if metric.allow_over_100 else "rate", "value", row)
            self._add("count", "numerator", row)
            self._add("count", "denominator", row)
        else:
            self._add("number", "value", row)
        self._add("date", "as_of", row)
        self._add("source", "source", row)

    def apply(self, sheet: Any) -> None:
        checks = _checks(self.data)
        for kind, columns in self.cells.items():
            check = checks[kind]
            check.sqref = " ".join(_ranges(columns))
            sheet.add_data_validation(check)


def _ranges(columns: dict[str, list[int]]) -> Iterable[str]:
    """``G4:G9 G12``: each column's rows, consecutive runs as one range."""
    for letter, rows in columns.items():
        start = previous = rows[0]
        for row in [*rows[1:], None]:
            if row is not None and row == previous + 1:
                previous = row
                continue
            yield f"{letter}{start}" if start == previous else f"{letter}{start}:{letter}{previous}"
            if row is not None:
                start = previous = row


def _checks(data: YearData) -> dict[str, Any]:
    from openpyxl.worksheet.datavalidation import DataValidation

    def check(kind: str, low: Any, high: Any, message: str) -> Any:
        return DataValidation(
            type=kind,
            operator="between",
            formula1=str(low),
            formula2=str(high),
            showErrorMessage=True,
            errorTitle="Giá trị không hợp lệ",
            error=message,
            allow_blank=True,
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
            (date(FIRST_YEAR, 1, 1) - EXCEL_EPOCH).days,
            (date(LAST_YEAR, 12, 31) - EXCEL_EPOCH).days,
            "Gõ ngày dạng ngày/tháng/năm, ví dụ 31/12/2025.",
        ),
        "source": sources,
    }


def write_tasks_sheet(
    book: Any, data: YearData, tasks: list[TaskPlace], record: FormRecord
) -> None:
    """The tasks an agency reports on: what they are (grey), and their result, time and
    progress to write (yellow, filled with what the data already says)."""
    if not tasks:
        return
    sheet = book.create_sheet(TASKS_SHEET)
    last = TASK_COLUMNS[-1].letter
    put(sheet, "A1", f"NHIỆM VỤ NĂM {data.year}: {(record.agency_name or '').upper()}", TITLE)
    sheet.merge_cells(f"A1:{last}1")
    note = (
        "Chỉ điền các ô màu vàng: kết quả thực hiện, thời gian, tiến độ (ví dụ: Hoàn thành; "
        "Đang thực hiện, kèm kết quả đạt được). Ô để trống giữ nguyên nội dung cũ."
    )
    put(sheet, "A2", note, NOTE)
    sheet.merge_cells(f"A2:{last}2")
    sheet.row_dimensions[2].height = row_height([(note, sum(c.width for c in TASK_COLUMNS[1:]))])
    for column in TASK_COLUMNS:
        put(sheet, f"{column.letter}{HEADER_ROW}", column.header, HEADER)
        sheet.column_dimensions[column.letter].width = column.width
    sheet.row_dimensions[HEADER_ROW].height = row_height(
        [(c.header, c.width) for c in TASK_COLUMNS], bold=True
    )
    sheet.column_dimensions["A"].hidden = True
    for index, place in enumerate(tasks):
        row = HEADER_ROW + 1 + index
        values = _task_values(place, index + 1)
        for column in TASK_COLUMNS:
            style = OPEN if column.key in TASK_INPUT_KEYS else LOCKED
            put(sheet, task_cell(column.key, row), values[column.key], style)
        sheet.row_dimensions[row].height = row_height(
            [(str(values[c.key]), c.width) for c in TASK_COLUMNS[1:]]
        )
        locked = [values[k] for k in TASK_LOCKED_KEYS]
        record.tasks.append(RecordRow(place.key, task_fingerprint(place), row, locked))
    sheet.freeze_panes = f"D{HEADER_ROW + 1}"
    protect_and_print(sheet, f"A1:{last}{HEADER_ROW + len(tasks)}", HEADER_ROW)


def _task_values(place: TaskPlace, number: int) -> dict[str, Any]:
    task = place.task
    return {
        "key": place.key,
        "number": number,
        "name": task.name,
        "group": place.group or place.task_list.title,
        "lead": place.lead or "",
        "partners": task.partners or "",
        "result": task.result or "",
        "time": task.time or "",
        "progress": task.progress or "",
    }


def write_sources(book: Any, data: YearData, record: FormRecord) -> None:
    """The source documents a figure may cite, and empty rows to add new ones."""
    sheet = book.create_sheet(SOURCES_SHEET)
    put(sheet, "A1", "Mã nguồn", HEADER)
    put(sheet, "B1", "Văn bản nguồn (thêm nguồn mới ở các dòng trống bên dưới)", HEADER)
    for row, (key, text) in enumerate(data.sources.items(), start=2):
        put(sheet, f"A{row}", key, SOURCE)
        put(sheet, f"B{row}", text, SOURCE)
        sheet.row_dimensions[row].height = row_height([(key, 24), (text, 100)])
        record.sources.append((key, text))
    first = len(data.sources) + 2
    for row in range(first, first + NEW_SOURCE_ROWS):
        sheet[f"A{row}"].style = OPEN
        sheet[f"B{row}"].style = OPEN
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 100
    sheet.freeze_panes = "A2"
    protect_and_print(sheet, f"A1:B{first + NEW_SOURCE_ROWS - 1}", 1)
