"""The layout of the Excel form that ``baocao form`` writes and ``baocao import`` reads.

Both sides read the same constants, so a column moved in one is moved in the other.
Nothing here imports openpyxl.
"""

from __future__ import annotations

from dataclasses import dataclass

FORM_MARK = "baocao-form"
"""First cell of the hidden sheet: says the workbook is a baocao form."""
FORM_VERSION = 2
"""2: the hidden sheet also records the agency, the data version and each row's locked
cells (``form_record``); a form of version 1 is still read, without those checks."""
DATA_SHEET = "Số liệu"
TASKS_SHEET = "Nhiệm vụ"
SOURCES_SHEET = "Nguồn"
META_SHEET = "_baocao"
HEADER_ROW = 3
FIRST_ROW = HEADER_ROW + 1
NEW_SOURCE_ROWS = 30
"""Empty rows of the sources sheet where a new source document may be added."""


@dataclass(frozen=True)
class Column:
    letter: str
    header: str
    width: float
    key: str


COLUMNS = (
    Column("A", "Mã chỉ tiêu (không sửa)", 14, "id"),
    Column("B", "STT", 5, "number"),
    Column("C", "Chỉ tiêu", 46, "name"),
    Column("D", "Đơn vị", 10, "unit"),
    Column("E", "Mục tiêu", 12, "target"),
    Column("F", "Số liệu năm trước (tham khảo)", 22, "previous"),
    Column("G", "Giá trị (tỷ lệ: gõ kèm %)", 14, "value"),
    Column("H", "Tử số", 13, "numerator"),
    Column("I", "Mẫu số", 13, "denominator"),
    Column("J", "Thời điểm (ngày/tháng/năm; trống: cả năm)", 15, "as_of"),
    Column("K", "Nguồn (mã ở trang Nguồn)", 18, "source"),
    Column("L", "Trích dẫn nguồn (không bắt buộc)", 28, "quote"),
    Column("M", "Cách điền", 30, "hint"),
)
BY_KEY = {c.key: c for c in COLUMNS}
INPUT_KEYS = ("value", "numerator", "denominator", "as_of", "source", "quote")
FIGURE_KEYS = ("value", "numerator", "denominator")
LOCKED_KEYS = ("number", "name", "unit", "target", "previous", "hint")
"""The grey cells of a metric's row, recorded to find one edited."""

TASK_COLUMNS = (
    Column("A", "Mã nhiệm vụ (không sửa)", 14, "key"),
    Column("B", "STT", 5, "number"),
    Column("C", "Nhiệm vụ", 46, "name"),
    Column("D", "Thuộc", 24, "group"),
    Column("E", "Cơ quan chủ trì", 20, "lead"),
    Column("F", "Cơ quan phối hợp", 20, "partners"),
    Column("G", "Kết quả thực hiện", 36, "result"),
    Column("H", "Thời gian thực hiện", 16, "time"),
    Column("I", "Tiến độ thực hiện", 40, "progress"),
)
TASK_BY_KEY = {c.key: c for c in TASK_COLUMNS}
TASK_INPUT_KEYS = ("result", "time", "progress")
TASK_LOCKED_KEYS = ("number", "name", "group", "lead", "partners")

RATE_FORMAT = "0.00%"
DATE_FORMAT = "dd/mm/yyyy"
COUNT_FORMAT = "#,##0"


def headers(year: int) -> dict[str, str]:
    """Column letter → header text, the years filled in."""
    found = {c.letter: c.header for c in COLUMNS}
    found[BY_KEY["target"].letter] = f"Mục tiêu năm {year}"
    found[BY_KEY["previous"].letter] = f"Số liệu năm {year - 1} (tham khảo)"
    return found


def cell(key: str, row: int) -> str:
    return f"{BY_KEY[key].letter}{row}"


def task_cell(key: str, row: int) -> str:
    return f"{TASK_BY_KEY[key].letter}{row}"


def form_name(year: int, agency_id: str | None = None) -> str:
    """``BieuMau_2025.xlsx``, or ``BieuMau_2025_so_tttt.xlsx`` for one agency."""
    return f"BieuMau_{year}" + (f"_{agency_id}" if agency_id else "") + ".xlsx"
