"""Typed sentences about a task list that disagree with the list.

A report that says "đã hoàn thành 18/23 nhiệm vụ" or "tỷ lệ hoàn thành đạt 100%" while
its own Phụ lục lists 19 done of 23 contradicts itself. Such figures should be written
as ``[[tasks:id|done]]``, ``[[tasks:id|total]]`` and ``[[tasks:id|rate]]``; when they are
typed, each sentence that speaks of completed tasks is compared with the list the report
uses. The list is known only when the report uses exactly one (in a table or a
reference), or the year has only one; otherwise nothing is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .figures import WARNING
from .formatting import format_percent, rate
from .markdown_reader import ReportSource
from .model import TaskList, YearData
from .references import is_done, tasks_of

TASK_REFERENCE = re.compile(r"\[\[\s*tasks:([A-Za-z0-9_]+)")
SENTENCE_END = re.compile(r"(?<=[.;!?])\s+")
FRACTION = re.compile(r"(?<![\d/])(\d{1,4})\s*/\s*(\d{1,4})(?![\d/])\s+nhiệm vụ", re.IGNORECASE)
DONE_COUNT = re.compile(r"hoàn thành\s+(\d{1,4})\s+nhiệm vụ", re.IGNORECASE)
RATE = re.compile(r"tỷ lệ hoàn thành[^.;%\d]{0,40}?(\d{1,3}(?:,\d+)?)\s*%", re.IGNORECASE)

AddProblem = Callable[..., None]


@dataclass(frozen=True)
class Counted:
    list_id: str
    done: int
    total: int


def cited_lists(source: ReportSource) -> list[str]:
    """The task lists a report uses: its tables' ``task_list`` and ``[[tasks:…]]``."""
    found: dict[str, None] = {}
    for appendix in source.settings.appendices:
        for part in appendix.parts:
            if part.table is not None and part.table.task_list:
                found[part.table.task_list] = None
    for line in source.lines:
        for match in TASK_REFERENCE.finditer(line):
            found[match.group(1)] = None
    return list(found)


def _counted(task_list: TaskList) -> Counted | None:
    tasks = tasks_of(task_list)
    if not tasks or not any((t.progress or "").strip() for t in tasks):
        return None
    return Counted(task_list.id, sum(1 for t in tasks if is_done(t)), len(tasks))


def _the_list(source: ReportSource, data: YearData) -> Counted | None:
    cited = cited_lists(source)
    if len(cited) == 1:
        task_list = data.task_list(cited[0])
    elif not cited and len(data.task_lists) == 1:
        task_list = data.task_lists[0]
    else:
        return None
    return _counted(task_list) if task_list is not None else None


def _typed_sentences(source: ReportSource) -> Iterator[tuple[int, str]]:
    """Each typed sentence about completed tasks (references left out), with its line."""
    for block in source.blocks:
        text = "".join(i.text if i.kind == "text" else " \x00 " for i in block.inlines)
        for sentence in SENTENCE_END.split(text):
            folded = sentence.casefold()
            if "nhiệm vụ" in folded and "hoàn thành" in folded:
                yield block.line, sentence


def _percent(done: int, total: int) -> Decimal:
    return Decimal(done) * 100 / Decimal(total)


def check_task_claims(source: ReportSource, data: YearData, add: AddProblem) -> None:
    """Warn for each typed count or rate of completed tasks that the list contradicts."""
    counted = _the_list(source, data)
    if counted is None:
        return
    list_id, done, total = counted.list_id, counted.done, counted.total
    fix = f"dùng [[tasks:{list_id}|done]], [[tasks:{list_id}|total]], [[tasks:{list_id}|rate]]"
    for line, sentence in _typed_sentences(source):
        claims: list[tuple[str, str]] = []
        for match in FRACTION.finditer(sentence):
            typed_done, typed_total = int(match.group(1)), int(match.group(2))
            if typed_total == total and typed_done != done:
                claims.append((match.group(0), f"{done}/{total} nhiệm vụ hoàn thành"))
        for match in DONE_COUNT.finditer(sentence):
            if int(match.group(1)) != done:
                claims.append((match.group(0), f"{done} nhiệm vụ hoàn thành"))
        for match in RATE.finditer(sentence):
            claimed = Decimal(match.group(1).replace(",", "."))
            places = len(match.group(1).partition(",")[2])
            actual = _percent(done, total).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
            if claimed != actual:
                shown = format_percent(rate(done, total), 2)
                claims.append((match.group(0), f"{done}/{total} nhiệm vụ hoàn thành, đạt {shown}"))
        for typed, truth in claims:
            where = source.locate(typed, line)
            add(
                *where,
                f"câu ghi '{typed}' nhưng danh sách nhiệm vụ '{list_id}' có {truth} "
                f"(đếm theo tiến độ); {fix} thay cho số gõ tay",
                WARNING,
            )
