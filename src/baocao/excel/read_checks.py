"""Checks of a filled form against its hidden record (``form_record``): the agency
still exists, the data has not changed since the form was made, and nothing was
edited outside the yellow cells (a grey cell, the title, a cell beside the table,
a source already listed). Each problem names the cell. A form made before the
record existed (layout 1) has nothing to check against.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..collection.agencies import task_places
from ..collection.version import form_version, metric_fingerprint, task_fingerprint
from ..errors import Problem
from ..model.year import YearData
from .form_layout import (
    COLUMNS,
    DATA_SHEET,
    FIRST_ROW,
    LOCKED_KEYS,
    SOURCES_SHEET,
    TASK_COLUMNS,
    TASKS_SHEET,
    cell,
)
from .form_record import FormRecord

SHOWN = 60


def record_problems(path: Path, book: Any, data: YearData, record: FormRecord) -> list[Problem]:
    if not record.checked:
        return []
    found = _agency_problems(path, data, record) + _version_problems(path, data, record)
    if DATA_SHEET in book.sheetnames:
        sheet = book[DATA_SHEET]
        found += _title_problems(path, sheet, DATA_SHEET, record.title)
        found += _locked_problems(path, sheet, record)
        found += outside_problems(path, sheet, DATA_SHEET, COLUMNS[-1].letter)
    if TASKS_SHEET in book.sheetnames:
        found += outside_problems(path, book[TASKS_SHEET], TASKS_SHEET, TASK_COLUMNS[-1].letter)
    if SOURCES_SHEET in book.sheetnames:
        found += _source_problems(path, book[SOURCES_SHEET], record)
    return found


def _problem(path: Path, where: str | None, message: str) -> Problem:
    return Problem(f"{path}!{where}" if where else str(path), None, None, message)


def _agency_problems(path: Path, data: YearData, record: FormRecord) -> list[Problem]:
    if record.agency is None or any(a.id == record.agency for a in data.agencies):
        return []
    return [
        _problem(
            path,
            None,
            f"biểu mẫu của cơ quan '{record.agency}' ({record.agency_name or ''}), cơ quan này "
            f"không còn trong danh sách 'agencies' của dữ liệu năm {data.year}",
        )
    ]


def _version_problems(path: Path, data: YearData, record: FormRecord) -> list[Problem]:
    """Each row whose metric or task has changed since the form was made."""
    places = {p.key: p for p in task_places(data)}
    changed: list[Problem] = []
    current: list[str] = []
    for row in record.metrics:
        metric = data.metric(row.key)
        now = metric_fingerprint(metric) if metric else ""
        current.append(now)
        if metric is not None and now != row.fingerprint:
            where = f"{DATA_SHEET}!{cell('name', row.row or FIRST_ROW)}"
            changed.append(
                _problem(
                    path,
                    where,
                    f"«{_cut(metric.name)}»: chỉ tiêu đã được sửa (tên, đơn vị hoặc cách tính) "
                    "sau khi lập biểu mẫu",
                )
            )
    for row in record.tasks:
        place = places.get(row.key)
        now = task_fingerprint(place) if place else ""
        current.append(now)
        if now != row.fingerprint:
            what = f"«{_cut(place.task.name)}»" if place else f"nhiệm vụ {row.key}"
            changed.append(
                _problem(
                    path,
                    f"{TASKS_SHEET}!C{row.row}" if row.row else TASKS_SHEET,
                    f"{what}: nhiệm vụ đã được sửa, thêm bớt hoặc đổi chỗ sau khi lập biểu mẫu",
                )
            )
    version = form_version(current)
    if not changed and version == record.version:
        return []
    headline = _problem(
        path,
        None,
        f"biểu mẫu lập từ phiên bản dữ liệu {record.version}, dữ liệu năm {data.year} nay là "
        f"phiên bản {version}: lập lại biểu mẫu ('baocao form {data.year} --by-agency "
        "--overwrite') rồi chép số liệu sang, hoặc gửi lại cơ quan điền",
    )
    return [headline, *changed]


def _title_problems(path: Path, sheet: Any, name: str, title: str | None) -> list[Problem]:
    typed = sheet["A1"].value
    if title is None or typed == title:
        return []
    return [_edited(path, f"{name}!A1", "tên biểu mẫu", title, typed)]


def _locked_problems(path: Path, sheet: Any, record: FormRecord) -> list[Problem]:
    """Grey cells of each metric's row, found by its id wherever the row now is."""
    rows: dict[str, int] = {}
    for row in range(FIRST_ROW, sheet.max_row + 1):
        value = sheet[cell("id", row)].value
        if isinstance(value, str):
            rows.setdefault(value.strip(), row)
    found = []
    for recorded in record.metrics:
        at = rows.get(recorded.key)
        if at is None:
            continue  # a deleted row is reported by the reader
        for key, was in zip(LOCKED_KEYS, recorded.locked, strict=False):
            now = sheet[cell(key, at)].value
            if not same_value(was, now):
                found.append(_edited(path, f"{DATA_SHEET}!{cell(key, at)}", "ô xám", was, now))
    return found


def locked_row_problems(
    path: Path, sheet: Any, where: str, keys: tuple[str, ...], recorded: list[Any], refs: list[str]
) -> list[Problem]:
    """The grey cells ``refs`` of one row against the values ``recorded``."""
    found = []
    for _key, was, ref in zip(keys, recorded, refs, strict=False):
        now = sheet[ref].value
        if not same_value(was, now):
            found.append(_edited(path, f"{where}!{ref}", "ô xám", was, now))
    return found


def outside_problems(path: Path, sheet: Any, name: str, last: str) -> list[Problem]:
    """A value typed right of the table, where nothing is read."""
    from openpyxl.utils import column_index_from_string

    width = column_index_from_string(last)
    found = []
    for values in sheet.iter_rows(min_col=width + 1, max_col=max(sheet.max_column, width + 1)):
        for typed in values:
            if typed.value not in (None, ""):
                found.append(
                    _problem(
                        path,
                        f"{name}!{typed.coordinate}",
                        f"ô {typed.coordinate} nằm ngoài biểu mẫu (chứa «{_cut(str(typed.value))}»)"
                        ": không gõ gì ngoài các ô màu vàng; ghi chú về số liệu hãy gõ vào cột "
                        "Trích dẫn nguồn",
                    )
                )
    return found


def _source_problems(path: Path, sheet: Any, record: FormRecord) -> list[Problem]:
    found = []
    for row, (key, text) in enumerate(record.sources, start=2):
        for letter, was in (("A", key), ("B", text)):
            now = sheet[f"{letter}{row}"].value
            if not same_value(was, now):
                found.append(
                    _edited(path, f"{SOURCES_SHEET}!{letter}{row}", "nguồn có sẵn", was, now)
                )
    return found


def missing_figure(name: str, cells: dict[str, Any], where: str) -> list[Problem]:
    """A metric's row with a source or a quote but no figure: the figure was forgotten."""
    typed = [k for k in ("source", "quote") if str(cells[k].value or "").strip()]
    if not typed:
        return []
    what = " và ".join({"source": "nguồn", "quote": "trích dẫn"}[k] for k in typed)
    message = (
        f"{name}: dòng có {what} nhưng không có số liệu: gõ số liệu vào cột Giá trị (tỷ lệ: "
        "hoặc tử số và mẫu số), hoặc xóa nguồn và trích dẫn nếu chưa có số liệu"
    )
    return [Problem(where, None, None, message)]


def same_value(was: Any, now: Any) -> bool:
    """A grey cell still holds what the form wrote (an empty cell is an empty text)."""
    if was in (None, "") or now in (None, ""):
        return was in (None, "") and now in (None, "")
    if isinstance(was, int | float) and isinstance(now, int | float):
        return bool(was == now)
    return str(was) == str(now)


def _edited(path: Path, where: str, what: str, was: Any, now: Any) -> Problem:
    return _problem(
        path,
        where,
        f"{what} đã bị sửa: biểu mẫu ghi «{_cut(str(was or ''))}», nay là «{_cut(str(now or ''))}»"
        ": chỉ điền các ô màu vàng; trả lại nội dung cũ (hoặc dùng biểu mẫu gốc)",
    )


def _cut(text: str) -> str:
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"
