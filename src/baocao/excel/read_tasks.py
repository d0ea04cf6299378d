"""Read the tasks sheet (``Nhiệm vụ``) of an agency's filled form.

Rows are matched by the hidden task key, never by position or name. A yellow cell
that differs from the data is an update; an empty one keeps what the data says.
Every problem names its cell, like the figures' sheet.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..collection.agencies import TaskPlace, task_places
from ..errors import Problem, Severity
from ..model.year import YearData
from ..xmlchars import UNREADABLE_RAW_CHARS, refusal
from ..yearfile.tasks import TaskUpdate
from .form_layout import (
    HEADER_ROW,
    TASK_COLUMNS,
    TASK_INPUT_KEYS,
    TASK_LOCKED_KEYS,
    TASKS_SHEET,
    task_cell,
)
from .form_record import FormRecord
from .read_checks import locked_row_problems, record_problems

NAME_LIMIT = 70


def record_parts(
    path: Path, book: Any, data: YearData, record: FormRecord
) -> tuple[list[TaskUpdate], list[Problem]]:
    """What only a form with a record holds: the checks against it, and its tasks."""
    updates, problems = read_task_sheet(path, book, data, record)
    return updates, record_problems(path, book, data, record) + problems


def read_task_sheet(
    path: Path, book: Any, data: YearData, record: FormRecord
) -> tuple[list[TaskUpdate], list[Problem]]:
    """The task updates of the form at ``path``, and every problem found."""
    if not record.tasks:
        return [], []
    if TASKS_SHEET not in book.sheetnames:
        message = (
            f"không có trang tính '{TASKS_SHEET}' (đã đổi tên hoặc xóa?): dùng lại biểu mẫu gốc"
        )
        return [], [Problem(f"{path}!{TASKS_SHEET}", None, None, message)]
    sheet = book[TASKS_SHEET]
    problems = _header_problems(path, sheet)
    if problems:
        return [], problems
    places = {p.key: p for p in task_places(data)}
    recorded = {r.key: r for r in record.tasks}
    seen: dict[str, int] = {}
    updates: list[TaskUpdate] = []
    for row in range(HEADER_ROW + 1, sheet.max_row + 1):
        key = _key(path, sheet, row, recorded, seen, problems)
        place = places.get(key) if key else None
        if key is None or place is None:
            continue
        refs = [task_cell(k, row) for k in TASK_LOCKED_KEYS]
        problems += locked_row_problems(
            path, sheet, TASKS_SHEET, TASK_LOCKED_KEYS, recorded[key].locked, refs
        )
        update = _row_update(path, sheet, row, place, problems)
        if update is not None:
            updates.append(update)
    for key, row_record in recorded.items():
        if key not in seen:
            problems.append(
                Problem(
                    f"{path}!{TASKS_SHEET}",
                    None,
                    None,
                    f"thiếu dòng của nhiệm vụ {key} (dòng {row_record.row} của biểu mẫu gốc đã "
                    "bị xóa): dùng lại biểu mẫu gốc hoặc chép lại dòng đó",
                )
            )
    return updates, problems


def _header_problems(path: Path, sheet: Any) -> list[Problem]:
    found = []
    for column in TASK_COLUMNS:
        typed = sheet[f"{column.letter}{HEADER_ROW}"].value
        if not isinstance(typed, str) or typed.strip() != column.header:
            found.append(
                Problem(
                    f"{path}!{TASKS_SHEET}!{column.letter}{HEADER_ROW}",
                    None,
                    None,
                    f"tiêu đề cột là '{typed or ''}', cần '{column.header}': cột đã bị thêm, "
                    "xóa hoặc đổi chỗ; dùng lại biểu mẫu gốc",
                )
            )
    return found


def _key(
    path: Path,
    sheet: Any,
    row: int,
    recorded: dict[str, Any],
    seen: dict[str, int],
    problems: list[Problem],
) -> str | None:
    raw = sheet[task_cell("key", row)].value
    key = raw.strip() if isinstance(raw, str) else raw
    where = f"{path}!{TASKS_SHEET}!{task_cell('key', row)}"
    if key in (None, ""):
        filled = [k for k in TASK_INPUT_KEYS if _text(sheet[task_cell(k, row)].value)[0]]
        if filled:
            problems.append(
                Problem(
                    f"{path}!{TASKS_SHEET}!{task_cell(filled[0], row)}",
                    None,
                    None,
                    f"dòng {row} không có mã nhiệm vụ (dòng được thêm vào?): nội dung ở đây "
                    "không thuộc nhiệm vụ nào; gõ vào dòng của nhiệm vụ trong biểu mẫu",
                )
            )
        return None
    if key not in recorded:
        problems.append(
            Problem(where, None, None, f"mã nhiệm vụ '{key}' không có trong biểu mẫu này")
        )
        return None
    if key in seen:
        message = f"mã nhiệm vụ '{key}' lặp lại, đã có ở dòng {seen[key]}: mỗi nhiệm vụ một dòng"
        problems.append(Problem(where, None, None, message))
        return None
    seen[key] = row
    return str(key)


def _row_update(
    path: Path, sheet: Any, row: int, place: TaskPlace, problems: list[Problem]
) -> TaskUpdate | None:
    update = TaskUpdate(place, "")
    for key in TASK_INPUT_KEYS:
        ref = task_cell(key, row)
        text, notice = _text(sheet[ref].value)
        where = f"{path}!{TASKS_SHEET}!{ref}"
        if notice:
            problems.append(
                Problem(where, None, None, f"{_label(place)}: {notice}", Severity.NOTICE)
            )
        odd = UNREADABLE_RAW_CHARS.search(text)
        if odd:
            problems.append(Problem(where, None, None, f"{_label(place)}: {refusal(odd.group())}"))
        elif text and text != update.old(key):
            update.fields[key] = text
            update.where = update.where or where
    return update if update.fields else None


def _text(value: object) -> tuple[str, str | None]:
    """A yellow cell's text, and how a value that was not text was read."""
    if value is None:
        return "", None
    if isinstance(value, datetime | date):
        day = value.date() if isinstance(value, datetime) else value
        shown = f"{day.day:02d}/{day.month:02d}/{day.year}"
        return shown, f"ô chứa một ngày, đã ghi là chữ '{shown}'"
    if isinstance(value, bool):
        return str(value), None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    lines = str(value).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    text = "\n".join(line.rstrip() for line in lines)
    return text.strip(), None


def _label(place: TaskPlace) -> str:
    name = place.task.name
    return f"«{name[: NAME_LIMIT - 1]}…»" if len(name) > NAME_LIMIT else f"«{name}»"
