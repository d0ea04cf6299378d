"""The hidden sheet of a form: what it was made from, for ``import`` to check.

It names the year, the agency the form is for, the version of the data (the
fingerprint of every row's definition, ``collection.version``), the title, and for
each row the metric or task, its fingerprint, the row it was written to and the
values of its grey (locked) cells, so that a form of another year, an older version
of the data, or one edited outside its yellow cells is found and located.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .form_layout import FORM_MARK, FORM_VERSION, META_SHEET


@dataclass
class RecordRow:
    """A metric or task as the form wrote it."""

    key: str
    fingerprint: str | None = None
    row: int | None = None
    locked: list[Any] = field(default_factory=list)
    """The grey cells' values, in the order of ``LOCKED_KEYS`` / ``TASK_LOCKED_KEYS``."""


@dataclass
class FormRecord:
    year: Any = None
    layout: Any = FORM_VERSION
    agency: str | None = None
    agency_name: str | None = None
    version: str | None = None
    title: str | None = None
    metrics: list[RecordRow] = field(default_factory=list)
    tasks: list[RecordRow] = field(default_factory=list)
    sources: list[tuple[str, str]] = field(default_factory=list)

    @property
    def metric_ids(self) -> list[str]:
        return [r.key for r in self.metrics]

    @property
    def checked(self) -> bool:
        """Made by a version of baocao that records fingerprints and locked cells."""
        return self.version is not None


def write_record(book: Any, record: FormRecord) -> None:
    sheet = book.create_sheet(META_SHEET)
    sheet.append([FORM_MARK, FORM_VERSION])
    sheet.append(["year", record.year])
    sheet.append(["agency", record.agency, record.agency_name])
    sheet.append(["version", record.version])
    sheet.append(["title", record.title])
    for tag, rows in (("metric", record.metrics), ("task", record.tasks)):
        for row in rows:
            sheet.append([tag, row.key, row.fingerprint, row.row, *row.locked])
    for key, text in record.sources:
        sheet.append(["source", key, text])
    sheet.sheet_state = "hidden"
    sheet.protection.sheet = True


def read_record(book: Any) -> FormRecord | None:
    """The record of a baocao form; ``None`` when the workbook is not one."""
    if META_SHEET not in book.sheetnames:
        return None
    sheet = book[META_SHEET]
    if sheet["A1"].value != FORM_MARK:
        return None
    record = FormRecord(layout=sheet["B1"].value)
    for values in sheet.iter_rows(min_row=2, values_only=True):
        if not values:
            continue
        tag, rest = values[0], list(values[1:])
        rest += [None] * (3 - len(rest))
        if tag == "year":
            record.year = rest[0]
        elif tag == "agency":
            record.agency, record.agency_name = _text(rest[0]), _text(rest[1])
        elif tag == "version":
            record.version = _text(rest[0])
        elif tag == "title":
            record.title = _text(rest[0])
        elif tag in ("metric", "task") and isinstance(rest[0], str):
            row = rest[2] if isinstance(rest[2], int) else None
            found = RecordRow(rest[0], _text(rest[1]), row, rest[3:])
            (record.metrics if tag == "metric" else record.tasks).append(found)
        elif tag == "source" and isinstance(rest[0], str):
            record.sources.append((rest[0], _text(rest[1]) or ""))
    return record


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None
