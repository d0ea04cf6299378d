"""Resolve ``[[metric|format]]`` references to formatted Vietnamese text.

A figure is typed once, in ``metrics``; prose and tables name it by id and the
format here prints it. A reference to a metric or a value that does not exist is
an error: a report must never print an empty string where a figure belongs.

``change:YYYY`` needs another year's data: the caller passes a ``YearLookup``
(the workspace's year store, bound to the folder of the current file), so this
module never opens a file itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from ..errors import DiffError, UnresolvedReference
from ..formatting import FormatError, format_percent, rate
from ..load.messages import unknown_metric
from ..metrics.printing import (
    count_text,
    format_observation,
    format_target,
    no_figure,
    pending_marker,
)
from ..metrics.years import change, comparison_sentence, year_value
from ..model.year import Metric, Task, TaskGroup, TaskList, YearData
from .grammar import Reference

TaskLists = Callable[[str], TaskList | None]
"""Task lists by id (``YearData.task_list``)."""

YearLookup = Callable[[int, str], YearData]
"""``(year, where)`` → that year's data; raises ``UnresolvedReference`` when it cannot."""


class MetricScope(Protocol):
    """What references are resolved against: a year's data, or one reporting unit."""

    @property
    def year(self) -> int: ...

    def metric(self, metric_id: str) -> Metric | None: ...

    def metric_ids(self) -> list[str]: ...


class Resolver:
    """Formats the references of one scope, each distinct reference once.

    Validation resolves every reference to check it; the document context reuses the
    same ``Resolver`` and so never formats a figure twice.
    """

    def __init__(
        self,
        scope: MetricScope,
        earlier: YearLookup | None = None,
        task_lists: TaskLists | None = None,
    ):
        self.scope = scope
        self.earlier = earlier
        self.task_lists = task_lists
        self._texts: dict[tuple[str, str | None, bool], str] = {}
        self._unknown: dict[str, str] = {}

    def resolve(self, metric_id: str, fmt: str | None, where: str, pad: bool = False) -> str:
        key = (metric_id, fmt, pad)
        text = self._texts.get(key)
        if text is None:
            if self.scope.metric(metric_id) is None:
                raise UnresolvedReference(f"{where}: {self._unknown_metric(metric_id)}")
            text = resolve(self.scope, metric_id, fmt, where, self.earlier, pad)
            self._texts[key] = text
        return text

    def _unknown_metric(self, metric_id: str) -> str:
        """Why ``metric_id`` is unknown, found once per id: the suggestion compares it
        with every metric of the scope."""
        if metric_id not in self._unknown:
            self._unknown[metric_id] = unknown_metric(metric_id, self.scope.metric_ids())
        return self._unknown[metric_id]

    def reference(self, ref: Reference, where: str, leading_zero: bool = False) -> str:
        """The text of a parsed ``[[…]]``; ``leading_zero`` is the report's default."""
        pad = leading_zero if ref.pad is None else ref.pad
        if ref.metric is not None:
            return self.resolve(ref.metric, ref.fmt, where, pad)
        if ref.task_list is not None:
            return task_count(self.task_lists, ref.task_list, ref.fmt or "", where, pad)
        raise UnresolvedReference(
            f"{where}: '{ref.typed}' là một khối văn bản sinh tự động: viết nó thành một "
            "đoạn riêng, không đặt trong câu"
        )


def resolve(
    scope: MetricScope,
    metric_id: str,
    fmt: str | None,
    where: str,
    earlier: YearLookup | None = None,
    pad: bool = False,
) -> str:
    """Format ``[[metric_id|fmt]]``; ``where`` names the place for error messages."""
    metric = scope.metric(metric_id)
    if metric is None:
        raise UnresolvedReference(f"{where}: {unknown_metric(metric_id, scope.metric_ids())}")
    if fmt is not None and fmt.startswith("target:"):
        return format_target(metric, fmt, where, pad)
    if metric.pending:
        return pending_marker(metric)  # validation warns: only a draft may print it
    if not metric.observations:
        raise UnresolvedReference(f"{where}: {no_figure(metric)}")
    try:
        if fmt is not None and fmt.startswith("change:"):
            return change_since(scope.year, metric, int(fmt.split(":", 1)[1]), where, earlier)
        return format_observation(metric, metric.latest, fmt, where, pad)
    except FormatError as exc:
        raise UnresolvedReference(f"{where}: [[{metric_id}]]: {exc}") from exc


def change_since(
    current: int, metric: Metric, year: int, where: str, earlier: YearLookup | None
) -> str:
    """``[[metric|change:2022]]``: the comparison clause ``baocao diff`` computes, e.g.
    ``tăng 4,26 điểm phần trăm so với năm 2022 (78,91%)``.

    The earlier figure is this file's own observation dated in that year when there is
    one (a source that states last year's figure beside this year's), otherwise the
    metric in that year's data, found through ``earlier``.
    """
    label = f"[[{metric.id}|change:{year}]]"
    if year >= current:
        raise UnresolvedReference(
            f"{where}: {label}: chỉ so sánh được với một năm trước năm {current}"
        )
    base = _earlier_observations(metric, year)
    if base is None:
        if earlier is None:
            raise UnresolvedReference(
                f"{where}: {label}: không có dữ liệu các năm khác để so sánh "
                "(dữ liệu không được đọc từ một thư mục dữ liệu)"
            )
        base = earlier(year, f"{where}: {label}").metric(metric.id)
    if base is None:
        raise UnresolvedReference(
            f"{where}: {label}: không có chỉ tiêu '{metric.id}' trong dữ liệu năm {year}"
        )
    try:
        return comparison_sentence(change(year_value(year, base), year_value(current, metric)))
    except DiffError as exc:
        raise UnresolvedReference(f"{where}: {label}: {exc}") from exc


def _earlier_observations(metric: Metric, year: int) -> Metric | None:
    """The metric as observed in ``year`` within this file (a source of this year that
    also gives last year's figure), or None to read that year's own data."""
    earlier = [o for o in metric.observations if o.as_of[:4] == str(year)]
    if not earlier:
        return None
    return metric.model_copy(update={"observations": earlier})


DONE = ("hoàn thành", "đã hoàn thành")
NOT_DONE = ("đang thực hiện", "đang triển khai", "chưa thực hiện", "chưa hoàn thành")


def _status(task: Task) -> str:
    return " ".join((task.progress or "").split()).casefold().rstrip(".")


def is_done(task: Task) -> bool:
    """A task counts as done when its progress says so (``Hoàn thành``, ``Đã hoàn thành``)."""
    return _status(task) in DONE


def states_progress(tasks: list[Task]) -> bool:
    """Whether a list can be counted: some task's progress reads as done or not done."""
    return any(_status(t) in DONE + NOT_DONE for t in tasks)


def tasks_of(task_list: TaskList) -> list[Task]:
    tasks: list[Task] = []
    for item in task_list.items:
        tasks.extend(item.tasks if isinstance(item, TaskGroup) else [item])
    return tasks


def task_count(
    task_lists: TaskLists | None, list_id: str, fmt: str, where: str, pad: bool = False
) -> str:
    """``[[tasks:id|done]]`` and its kin: counted from the list, never typed."""
    task_list = task_lists(list_id) if task_lists is not None else None
    if task_list is None:
        raise UnresolvedReference(
            f"{where}: không có danh sách nhiệm vụ '{list_id}' trong 'task_lists'"
        )
    tasks = tasks_of(task_list)
    if tasks and not states_progress(tasks):
        raise UnresolvedReference(
            f"{where}: không đếm được nhiệm vụ của danh sách '{list_id}': không nhiệm vụ nào "
            "ghi tiến độ ('progress') dạng 'Hoàn thành', 'Đang thực hiện' hay 'Chưa thực hiện'"
        )
    done = sum(1 for task in tasks if is_done(task))
    if fmt == "done":
        return count_text(done, pad)
    if fmt == "total":
        return count_text(len(tasks), pad)
    if fmt == "remaining":
        return count_text(len(tasks) - done, pad)
    if not tasks:
        raise UnresolvedReference(f"{where}: danh sách nhiệm vụ '{list_id}' không có nhiệm vụ nào")
    return format_percent(rate(done, len(tasks)), 2)
