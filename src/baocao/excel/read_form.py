"""``baocao import 2025 TỆP.xlsx``: read a filled form back into the year file.

Every cell is checked before anything is written, and every problem is reported at
once, located as ``TỆP.xlsx!Số liệu!G7`` with the metric's name. Rows are matched
by the hidden metric id, never by position or name. The updated year file then
passes the checks of ``validate`` or is not written at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DataFileNotFound, Problem, Severity
from ..model.base import ID_PATTERN
from ..model.year import Metric, YearData
from ..yearfile.observations import Entry
from ..yearfile.tasks import TaskUpdate
from .cells import Reading, read_as_of, read_count, read_rate
from .form_layout import (
    DATA_SHEET,
    FIGURE_KEYS,
    FIRST_ROW,
    HEADER_ROW,
    INPUT_KEYS,
    SOURCES_SHEET,
    cell,
    headers,
)
from .form_record import FormRecord, read_record
from .read_checks import missing_figure
from .read_tasks import record_parts
from .workbook import load_guarded

NAME_LIMIT = 70


@dataclass
class FormContent:
    """What a filled form holds: its figures, new sources, and what was found."""

    entries: list[Entry] = field(default_factory=list)
    new_sources: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    default_quotes: dict[str, str] = field(default_factory=dict)
    record: FormRecord | None = None
    """What the form was made from (year, agency, data version), when it is a form."""
    tasks: list[TaskUpdate] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == Severity.ERROR]


def label(metric: Metric) -> str:
    name = metric.name
    return f"«{name[: NAME_LIMIT - 1]}…»" if len(name) > NAME_LIMIT else f"«{name}»"


class _Reader:
    def __init__(self, path: Path, data: YearData) -> None:
        self.path, self.data = path, data
        self.found = FormContent()

    def where(self, sheet: str, ref: str | None = None) -> str:
        return f"{self.path}!{sheet}" + (f"!{ref}" if ref else "")

    def add(self, where: str, message: str, severity: Severity = Severity.ERROR) -> None:
        self.found.problems.append(Problem(where, None, None, message, severity))


def open_book(path: Path) -> Any:
    if not path.is_file():
        raise DataFileNotFound(f"không tìm thấy tệp '{path}'")
    return load_guarded(path)


def read_form(path: Path, data: YearData) -> FormContent:
    """Every figure of the form at ``path`` for ``data``'s year, and every problem."""
    book = open_book(path)
    reader = _Reader(path, data)
    expected = _form_ids(reader, book)
    if expected is None or DATA_SHEET not in book.sheetnames:
        if expected is not None:
            reader.add(
                reader.where(DATA_SHEET),
                f"không có trang tính '{DATA_SHEET}' (đã đổi tên hoặc xóa?): dùng lại biểu mẫu gốc",
            )
        return reader.found
    sheet = book[DATA_SHEET]
    if not _headers_match(reader, sheet):
        return reader.found
    known = set(data.sources) | set(_new_sources(reader, book))
    merged = _merged_rows(reader, sheet)
    seen: dict[str, int] = {}
    for row in range(FIRST_ROW, sheet.max_row + 1):
        metric = _row_metric(reader, sheet, row, expected, seen)
        if metric is not None and row not in merged:
            _read_row(reader, sheet, row, metric, known)
    for metric_id in expected:
        if metric_id not in seen and data.metric(metric_id) is not None:
            metric = data.metric(metric_id)
            assert metric is not None
            reader.add(
                reader.where(DATA_SHEET),
                f"{label(metric)}: thiếu dòng của chỉ tiêu này (mã {metric_id}), dòng đã bị "
                "xóa: dùng lại biểu mẫu gốc hoặc chép lại dòng đó",
            )
    if reader.found.record is not None:
        parts = record_parts(path, book, data, reader.found.record)
        reader.found.tasks, problems = parts
        reader.found.problems += problems
    return reader.found


def _form_ids(reader: _Reader, book: Any) -> list[str] | None:
    """The metric ids the form was written with, or ``None`` (with a problem)."""
    record = read_record(book)
    if record is None:
        reader.add(
            str(reader.path),
            "tệp không phải biểu mẫu của baocao (thiếu trang ẩn '_baocao'): tạo biểu mẫu bằng "
            f"'baocao form {reader.data.year}', điền vào đó rồi nhập lại",
        )
        return None
    year = record.year
    if year != reader.data.year:
        reader.add(
            str(reader.path),
            f"biểu mẫu này của năm {year}, không phải năm {reader.data.year}: "
            f"nhập bằng 'baocao import {year} {reader.path}'",
        )
        return None
    reader.found.record = record
    ids = record.metric_ids
    for metric_id in ids:
        if reader.data.metric(metric_id) is None:
            reader.add(
                str(reader.path),
                f"chỉ tiêu '{metric_id}' của biểu mẫu không còn trong dữ liệu năm "
                f"{reader.data.year}: tạo lại biểu mẫu bằng 'baocao form {reader.data.year}'",
            )
    return ids


def _headers_match(reader: _Reader, sheet: Any) -> bool:
    matched = True
    for letter, text in headers(reader.data.year).items():
        typed = sheet[f"{letter}{HEADER_ROW}"].value
        if not isinstance(typed, str) or typed.strip() != text:
            matched = False
            reader.add(
                reader.where(DATA_SHEET, f"{letter}{HEADER_ROW}"),
                f"tiêu đề cột là '{typed or ''}', cần '{text}': cột đã bị thêm, xóa hoặc "
                "đổi chỗ; dùng lại biểu mẫu gốc",
            )
    return matched


def _merged_rows(reader: _Reader, sheet: Any) -> set[int]:
    rows: set[int] = set()
    for merged in list(sheet.merged_cells.ranges):
        if merged.max_row < FIRST_ROW:
            continue
        span = range(max(merged.min_row, FIRST_ROW), merged.max_row + 1)
        rows.update(span)
        names = [label(m) for m in (_metric_at(reader, sheet, r) for r in span) if m is not None]
        reader.add(
            reader.where(DATA_SHEET, merged.coord),
            f"{', '.join(names) or 'dòng ' + str(merged.min_row)}: ô bị gộp ({merged.coord}): "
            "bỏ gộp ô (Merge & Center) rồi gõ số liệu vào từng ô",
        )
    return rows


def _metric_at(reader: _Reader, sheet: Any, row: int) -> Metric | None:
    value = sheet[cell("id", row)].value
    return reader.data.metric(value.strip()) if isinstance(value, str) else None


def _row_metric(
    reader: _Reader, sheet: Any, row: int, expected: list[str], seen: dict[str, int]
) -> Metric | None:
    raw = sheet[cell("id", row)].value
    metric_id = raw.strip() if isinstance(raw, str) else raw
    filled = [k for k in ("name", *INPUT_KEYS) if _blank(sheet[cell(k, row)].value) is False]
    if metric_id in (None, ""):
        if filled:
            name = sheet[cell("name", row)].value
            what = f"«{name}»" if isinstance(name, str) and name.strip() else f"dòng {row}"
            reader.add(
                reader.where(DATA_SHEET, cell(filled[0], row)),
                f"{what}: dòng không có mã chỉ tiêu (dòng được thêm vào?): số liệu ở đây "
                "không thuộc chỉ tiêu nào; gõ vào dòng của chỉ tiêu trong biểu mẫu",
            )
        return None
    metric = reader.data.metric(str(metric_id))
    if metric is None or metric_id not in expected:
        where = (
            "không có trong biểu mẫu này"
            if metric is not None
            else f"không có trong dữ liệu năm {reader.data.year}"
        )
        reader.add(
            reader.where(DATA_SHEET, cell("id", row)),
            f"mã chỉ tiêu '{metric_id}' {where} (cột Mã đã bị sửa, hoặc dòng chép từ tệp khác)",
        )
        return None
    if metric.id in seen:
        reader.add(
            reader.where(DATA_SHEET, cell("id", row)),
            f"{label(metric)}: mã '{metric.id}' lặp lại, đã có ở dòng {seen[metric.id]} "
            "(dòng bị chép?): mỗi chỉ tiêu chỉ một dòng",
        )
        return None
    seen[metric.id] = row
    return metric


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _read_row(reader: _Reader, sheet: Any, row: int, metric: Metric, known: set[str]) -> None:
    cells = {key: sheet[cell(key, row)] for key in INPUT_KEYS}
    readings: dict[str, Reading] = {}
    for key in FIGURE_KEYS:
        value, fmt = cells[key].value, cells[key].number_format or ""
        if key == "value" and metric.is_rate:
            readings[key] = read_rate(value, fmt, metric.allow_over_100)
        else:
            whole = metric.unit if key == "value" and metric.whole else None
            readings[key] = read_count(value, fmt, whole)
    at = {key: reader.where(DATA_SHEET, cells[key].coordinate) for key in INPUT_KEYS}
    ok = True
    for key, reading in readings.items():
        if reading.error:
            reader.add(at[key], f"{label(metric)}: {reading.error}")
            ok = False
        elif reading.notice:
            reader.add(at[key], f"{label(metric)}: {reading.notice}", Severity.NOTICE)
    value, numerator, denominator = (readings[k].value for k in FIGURE_KEYS)
    if not ok:
        return
    if value is None and numerator is None and denominator is None:
        reader.found.problems += missing_figure(label(metric), cells, at["value"])
        return
    if not _figures_agree(reader, metric, at, value, numerator, denominator):
        return
    as_of = read_as_of(cells["as_of"].value, reader.data.year)
    if as_of.error:
        reader.add(at["as_of"], f"{label(metric)}: {as_of.error}")
    elif as_of.notice:
        reader.add(at["as_of"], f"{label(metric)}: {as_of.notice}", Severity.NOTICE)
    source = cells["source"].value
    source_id = str(source).strip() if not _blank(source) else ""
    if not source_id:
        reader.add(
            at["source"],
            f"{label(metric)}: thiếu nguồn của số liệu: chọn mã nguồn ở trang '{SOURCES_SHEET}' "
            "(thêm văn bản nguồn mới ở cuối trang đó)",
        )
    elif source_id not in known:
        reader.add(
            at["source"],
            f"{label(metric)}: nguồn '{source_id}' không có ở trang '{SOURCES_SHEET}' "
            f"(có: {', '.join(sorted(known))})",
        )
    if as_of.error or source_id not in known:
        return
    quote = cells["quote"].value
    entry = Entry(
        metric,
        at["value"],
        str(as_of.value),
        value=value if isinstance(value, int | float) else None,
        numerator=numerator if isinstance(numerator, int | float) else None,
        denominator=denominator if isinstance(denominator, int | float) else None,
        source=source_id,
        quote=None if _blank(quote) else str(quote).strip(),
    )
    reader.found.entries.append(entry)
    reader.found.default_quotes[entry.where] = f"Biểu mẫu {reader.path.name}, dòng {row}"


def _figures_agree(
    reader: _Reader,
    metric: Metric,
    at: dict[str, str],
    value: Any,
    numerator: Any,
    denominator: Any,
) -> bool:
    name = label(metric)
    if not metric.is_rate:
        for key, typed in (("numerator", numerator), ("denominator", denominator)):
            if typed is not None:
                reader.add(
                    at[key],
                    f"{name}: chỉ tiêu tính bằng '{metric.unit}', không phải tỷ lệ: không gõ "
                    "tử số, mẫu số; gõ số ở cột Giá trị",
                )
                return False
        return True
    if value is not None and (numerator is not None or denominator is not None):
        reader.add(
            at["value"],
            f"{name}: gõ tỷ lệ, hoặc tử số và mẫu số, không gõ cả hai (tỷ lệ được tính từ "
            "tử số và mẫu số)",
        )
        return False
    if value is not None:
        return True
    if numerator is None or denominator is None:
        missing = "mẫu số" if denominator is None else "tử số"
        reader.add(
            at["denominator" if denominator is None else "numerator"], f"{name}: thiếu {missing}"
        )
        return False
    problems = []
    for key, typed in (("numerator", numerator), ("denominator", denominator)):
        if typed != int(typed) or typed < 0:
            problems.append(
                (key, f"{name}: tử số, mẫu số là số đếm (số nguyên không âm), ô chứa {typed}")
            )
    if denominator == 0:
        problems.append(("denominator", f"{name}: mẫu số bằng 0"))
    elif numerator > denominator and not metric.allow_over_100:
        problems.append(
            (
                "numerator",
                f"{name}: tử số ({numerator:,}) lớn hơn mẫu số ({denominator:,}): "
                "tỷ lệ vượt 100%".replace(",", "."),
            )
        )
    for key, message in problems:
        reader.add(at[key], message)
    return not problems


def _new_sources(reader: _Reader, book: Any) -> dict[str, str]:
    """Source documents added at the end of the sources sheet."""
    if SOURCES_SHEET not in book.sheetnames:
        return {}
    sheet = book[SOURCES_SHEET]
    for row in range(2, sheet.max_row + 1):
        key, text = sheet[f"A{row}"].value, sheet[f"B{row}"].value
        if _blank(key) and _blank(text):
            continue
        key = str(key).strip() if not _blank(key) else ""
        if key in reader.data.sources:
            continue
        where = reader.where(SOURCES_SHEET, f"A{row}")
        if not re.match(ID_PATTERN, key):
            reader.add(
                where,
                f"mã nguồn '{key}' không hợp lệ: chỉ chữ thường không dấu, số và '_', bắt đầu "
                "bằng chữ (ví dụ bao_cao_2025)",
            )
        elif key in reader.found.new_sources:
            reader.add(where, f"mã nguồn '{key}' lặp lại")
        elif _blank(text):
            reader.add(reader.where(SOURCES_SHEET, f"B{row}"), f"nguồn '{key}': thiếu tên văn bản")
        else:
            reader.found.new_sources[key] = str(text).strip()
    return reader.found.new_sources
