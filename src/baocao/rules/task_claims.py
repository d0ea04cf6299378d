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

from ..errors import Severity
from ..formatting import format_percent, rate
from ..load.report_file import ReportSource
from ..model.report import Table
from ..model.year import TaskList, YearData
from ..prose.grammar import TASKS_PREFIX, citations
from ..prose.resolve import is_done, states_progress, tasks_of

SENTENCE_END = re.compile(r"(?<=[.;!?])\s+")
REFERENCE = "\x00"
TASK_CITED = "\x01"
FRACTION = re.compile(r"(?<![\d/])(\d{1,4})\s*/\s*(\d{1,4})(?![\d/])\s+nhiệm vụ", re.IGNORECASE)
DONE_COUNT = re.compile(r"hoàn thành\s+(\d{1,4})\s+nhiệm vụ", re.IGNORECASE)
RATE = re.compile(r"tỷ lệ hoàn thành([^.;%\d\x00\x01]{0,40}?)(\d{1,3}(?:,\d+)?)\s*%", re.IGNORECASE)
NOT_A_RESULT = ("chưa", "còn", "không", "phấn đấu", "sẽ", "dự kiến", "mục tiêu")
"""Words just before a figure that make it a remainder or a plan, not what was done."""
PLAN = ("phấn đấu", "sẽ", "dự kiến", "mục tiêu", "kế hoạch đặt ra")
"""Words anywhere before a rate that make the sentence a plan."""

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
            if isinstance(part.table, Table) and part.table.task_list:
                found[part.table.task_list] = None
    for inlines in source.inlines():
        for inline in inlines:
            if inline.kind == "ref" and inline.text.startswith(TASKS_PREFIX):
                found[inline.text[len(TASKS_PREFIX) :].split("|")[0]] = None
    for cited in citations(source.front.data):
        if cited.found.reference is not None and cited.found.reference.task_list:
            found[cited.found.reference.task_list] = None
    return list(found)


def _counted(task_list: TaskList) -> Counted | None:
    tasks = tasks_of(task_list)
    if not tasks or not states_progress(tasks):
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


def _typed_sentences(source: ReportSource) -> Iterator[tuple[int, str, str]]:
    """Each sentence about completed tasks, with its paragraph and the line the paragraph
    starts on; a ``[[tasks:…]]`` reference stands as TASK_CITED, any other as REFERENCE."""
    for block in source.blocks:
        text = "".join(_piece(i.kind, i.text) for i in block.inlines)
        for sentence in SENTENCE_END.split(text):
            folded = sentence.casefold()
            if "nhiệm vụ" in folded and "hoàn thành" in folded:
                yield block.line, sentence, text


def _piece(kind: str, text: str) -> str:
    if kind == "text":
        return text
    if kind == "ref":
        return f" {TASK_CITED if text.strip().startswith('tasks:') else REFERENCE} "
    return " "


def _not_a_result(sentence: str, start: int) -> bool:
    before = f" {' '.join(sentence[:start].casefold().split()[-4:])} "
    return any(f" {word} " in before for word in NOT_A_RESULT)


def _claims(sentence: str, paragraph: str, counted: Counted) -> Iterator[tuple[str, str]]:
    """``(typed text, what the list says)`` for each figure the list contradicts. A bare
    "hoàn thành N nhiệm vụ" counts only in a paragraph that gives the list's total."""
    done, total = counted.done, counted.total
    folded = sentence.casefold()
    gives_total = TASK_CITED in paragraph or re.search(
        rf"(?<!\d)0*{total}\s+nhiệm vụ", paragraph.casefold()
    )
    for match in FRACTION.finditer(sentence):
        if _not_a_result(sentence, match.start()) or int(match.group(2)) != total:
            continue
        if int(match.group(1)) != done:
            yield match.group(0), f"{done}/{total} nhiệm vụ hoàn thành"
    for match in DONE_COUNT.finditer(sentence):
        if (
            gives_total
            and not _not_a_result(sentence, match.start())
            and int(match.group(1)) != done
        ):
            yield match.group(0), f"{done}/{total} nhiệm vụ hoàn thành"
    for match in RATE.finditer(sentence):
        about_tasks = "nhiệm vụ" in match.group(1).casefold() or (
            "hoàn thành" in folded[: match.start()] and "nhiệm vụ" in folded[: match.start()]
        )
        before = f" {' '.join(folded[: match.start()].split())} "
        if not about_tasks or any(f" {word} " in before for word in PLAN):
            continue
        claimed = Decimal(match.group(2).replace(",", "."))
        places = len(match.group(2).partition(",")[2])
        actual = rate(done, total).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
        if claimed != actual:
            shown = format_percent(rate(done, total), 2)
            yield match.group(0), f"{done}/{total} nhiệm vụ hoàn thành, đạt {shown}"


def _where(source: ReportSource, typed: str, line: int) -> tuple[int, int]:
    """Line and column of ``typed`` (or of its first words, when it wraps) in the file."""
    words = typed.split()
    for count in range(len(words), 0, -1):
        piece = " ".join(words[:count])
        for index in range(max(line - 1, 0), len(source.lines)):
            found = source.lines[index].find(piece)
            if found >= 0:
                return index + 1, found + 1
    return line, 1


def check_task_claims(source: ReportSource, data: YearData, add: AddProblem) -> None:
    """Warn for each typed count or rate of completed tasks that the list contradicts."""
    counted = _the_list(source, data)
    if counted is None:
        return
    list_id = counted.list_id
    fix = f"dùng [[tasks:{list_id}|done]], [[tasks:{list_id}|total]], [[tasks:{list_id}|rate]]"
    for line, sentence, paragraph in _typed_sentences(source):
        for typed, truth in _claims(sentence, paragraph, counted):
            add(
                *_where(source, " ".join(typed.split()), line),
                f"câu ghi '{' '.join(typed.split())}' nhưng danh sách nhiệm vụ '{list_id}' "
                f"có {truth} (đếm theo tiến độ); {fix} thay cho số gõ tay",
                Severity.WARNING,
            )
