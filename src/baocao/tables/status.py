"""``baocao status 2025``: the collection round as tables: one row per agency (what it
was asked for, sent, still owes, and whether it is late), and one row per item each
agency owes or sent, for the office to send round (CSV here, .xlsx in ``excel``).
"""

from __future__ import annotations

import csv
import io
from datetime import date

from ..collection.status import AgencyStatus, ItemStatus, RoundStatus
from .years import safe_row

SUMMARY_HEADERS = [
    ("STT", 5),
    ("Cơ quan", 40),
    ("Chỉ tiêu được giao", 11),
    ("Chỉ tiêu đã gửi", 11),
    ("Chỉ tiêu còn chờ", 11),
    ("Nhiệm vụ được giao", 11),
    ("Nhiệm vụ đã gửi", 11),
    ("Nhiệm vụ còn chờ", 11),
    ("Nhận gần nhất", 13),
    ("Tình trạng", 20),
]
DETAIL_HEADERS = [
    ("Cơ quan", 30),
    ("Loại", 10),
    ("Mã", 22),
    ("Tên", 60),
    ("Tình trạng", 16),
    ("Biểu mẫu", 30),
    ("Ngày nhận", 12),
]


def title(status: RoundStatus, deadline: date | None) -> str:
    text = f"Tình hình gửi số liệu năm {status.year} của các cơ quan"
    return text + (f" (hạn {deadline:%d/%m/%Y})" if deadline else "")


def state_text(row: AgencyStatus, deadline: date | None, today: date) -> str:
    if row.waiting == 0:
        return "Đã gửi đủ"
    if row.overdue(deadline, today):
        return f"Quá hạn ({(today - deadline).days} ngày)" if deadline else "Quá hạn"
    return "Còn chờ"


def _day(day: date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def summary_rows(status: RoundStatus, deadline: date | None, today: date) -> list[list[object]]:
    rows: list[list[object]] = []
    for number, row in enumerate(status.agencies, start=1):
        rows.append(
            [
                number,
                row.agency.name,
                row.count("chỉ tiêu"),
                row.count("chỉ tiêu", "đã gửi"),
                row.count("chỉ tiêu", "còn chờ"),
                row.count("nhiệm vụ"),
                row.count("nhiệm vụ", "đã gửi"),
                row.count("nhiệm vụ", "còn chờ"),
                _day(row.last_received),
                state_text(row, deadline, today),
            ]
        )
    return rows


SCREEN_HEADERS = [
    "STT",
    "Cơ quan",
    "Chỉ tiêu đã gửi / được giao",
    "Nhiệm vụ đã gửi / được giao",
    "Còn chờ",
    "Nhận gần nhất",
    "Tình trạng",
]


def screen_rows(status: RoundStatus, deadline: date | None, today: date) -> list[list[str]]:
    """The summary, short enough for a terminal: short names, ``sent/asked``."""
    rows = []
    for number, row in enumerate(status.agencies, start=1):
        rows.append(
            [
                str(number),
                row.agency.label,
                f"{row.count('chỉ tiêu', 'đã gửi')}/{row.count('chỉ tiêu')}",
                f"{row.count('nhiệm vụ', 'đã gửi')}/{row.count('nhiệm vụ')}",
                str(row.waiting),
                _day(row.last_received),
                state_text(row, deadline, today),
            ]
        )
    return rows


def totals(status: RoundStatus, deadline: date | None, today: date) -> str:
    """One sentence: how many agencies sent everything, owe something, are late."""
    done = sum(1 for r in status.agencies if r.waiting == 0)
    late = sum(1 for r in status.agencies if r.overdue(deadline, today))
    text = (
        f"{len(status.agencies)} cơ quan: {done} đã gửi đủ, {len(status.agencies) - done} còn chờ"
    )
    if deadline is not None:
        text += f", {late} quá hạn"
    text += "."
    if status.unassigned_metrics or status.unassigned_tasks:
        text += (
            f" {status.unassigned_metrics} chỉ tiêu, {status.unassigned_tasks} nhiệm vụ không "
            "có cơ quan chủ trì (lead), không thuộc biểu mẫu nào."
        )
    return text


def detail_rows(status: RoundStatus) -> list[list[str]]:
    """Each item an agency was asked for that it sent or still owes."""
    rows = []
    for row in status.agencies:
        for item in (*row.metrics, *row.tasks):
            if item.state != "đã có số liệu":
                rows.append(_detail(row, item))
    return rows


def _detail(row: AgencyStatus, item: ItemStatus) -> list[str]:
    received = item.received
    return [
        row.agency.label,
        item.kind,
        item.key,
        item.name,
        item.state,
        received.form if received else "",
        _day(received.date) if received else "",
    ]


def to_csv(status: RoundStatus, deadline: date | None, today: date) -> str:
    """The summary, a blank line, then the detail: one file the office can open."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(safe_row([title(status, deadline)]))
    writer.writerow(safe_row([h for h, _w in SUMMARY_HEADERS]))
    for cells in summary_rows(status, deadline, today):
        writer.writerow(safe_row(cells))
    writer.writerow([])
    writer.writerow(safe_row([h for h, _w in DETAIL_HEADERS]))
    for detail in detail_rows(status):
        writer.writerow(safe_row(detail))
    return buffer.getvalue()
