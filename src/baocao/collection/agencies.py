"""Which agencies each metric and task is asked of.

A lead is written in words, several agencies separated by ``;`` ("Sở, ban, ngành
tỉnh; UBND huyện, thị xã, thành phố": commas belong to a name). Each name is looked
up in the year's ``agencies`` by its name or short name, ignoring case, spacing and
the kind of dash, so "Sở Công Thương" is "Sở Công thương". A metric or task may
instead declare the agencies asked (``collect_from``); a task without a lead takes
its list's. Every lookup is a dictionary read: the work grows with the data.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..model.agencies import Agency
from ..model.year import Metric, Task, TaskGroup, TaskList, YearData

DASHES = re.compile(r"\s*[-‐‑‒–—]\s*")


def normal(name: str) -> str:
    """The form two spellings of one agency share."""
    text = unicodedata.normalize("NFC", " ".join(name.split()))
    return DASHES.sub(" - ", text).casefold()


def split_names(text: str | None) -> list[str]:
    """The agencies a lead names, in order."""
    return [part.strip() for part in (text or "").split(";") if part.strip()]


class AgencyIndex:
    """The year's agencies, found by id, name or short name."""

    def __init__(self, agencies: list[Agency]) -> None:
        self.agencies = agencies
        self.by_id = {a.id: a for a in agencies}
        self._by_name: dict[str, Agency] = {}
        for agency in agencies:
            for name in (agency.name, agency.short_name):
                if name:
                    self._by_name.setdefault(normal(name), agency)

    def find(self, name: str) -> Agency | None:
        return self._by_name.get(normal(name)) or self.by_id.get(name.strip())

    def label(self, agency_id: str) -> str:
        agency = self.by_id.get(agency_id)
        return agency.label if agency else agency_id


@dataclass(frozen=True)
class TaskPlace:
    """A task and where it sits: its list, its item and (inside a group) its row."""

    task_list: TaskList
    list_index: int
    item: int
    row: int | None
    task: Task
    group: str | None = None

    @property
    def key(self) -> str:
        """A stable name for the task in a form: ``list_id/3`` or ``list_id/2.1``."""
        place = f"{self.item + 1}" if self.row is None else f"{self.item + 1}.{self.row + 1}"
        return f"{self.task_list.id}/{place}"

    @property
    def path(self) -> tuple[str | int, ...]:
        """The task's path in the year file's data."""
        at: tuple[str | int, ...] = ("task_lists", self.list_index, "items", self.item)
        return at if self.row is None else (*at, "tasks", self.row)

    @property
    def lead(self) -> str | None:
        return self.task.lead or self.task_list.lead


def task_places(data: YearData) -> Iterator[TaskPlace]:
    for list_index, task_list in enumerate(data.task_lists):
        for item_index, item in enumerate(task_list.items):
            if isinstance(item, TaskGroup):
                for row, task in enumerate(item.tasks):
                    yield TaskPlace(task_list, list_index, item_index, row, task, item.group)
            else:
                yield TaskPlace(task_list, list_index, item_index, None, item)


@dataclass
class Asked:
    """The agencies one metric or task is asked of, and the names not in the list."""

    agencies: list[Agency] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    declared: bool = False
    """Named by ``collect_from`` rather than by the lead."""


def asked(index: AgencyIndex, lead: str | None, collect_from: list[str]) -> Asked:
    names = collect_from or split_names(lead)
    found = Asked(declared=bool(collect_from))
    for name in names:
        agency = index.find(name)
        if agency is None:
            found.unknown.append(name)
        elif agency not in found.agencies:
            found.agencies.append(agency)
    return found


def metric_asked(index: AgencyIndex, metric: Metric) -> Asked:
    return asked(index, metric.lead, metric.collect_from)


def task_asked(index: AgencyIndex, place: TaskPlace) -> Asked:
    return asked(index, place.lead, place.task.collect_from)


def waits(place: TaskPlace) -> bool:
    """A task awaits its update while it has no progress (``baocao new`` clears the
    progress of every task not done)."""
    return not (place.task.progress or "").strip()


@dataclass(frozen=True)
class Unknown:
    """A lead or ``collect_from`` name not in ``agencies``, and where it is written."""

    at: tuple[str | int, ...]
    what: str
    name: str


@dataclass
class Round:
    """Everything each agency is asked for, and what no agency is."""

    index: AgencyIndex
    metrics: dict[str, list[Metric]] = field(default_factory=dict)
    tasks: dict[str, list[TaskPlace]] = field(default_factory=dict)
    unknown: list[Unknown] = field(default_factory=list)
    unassigned_metrics: list[Metric] = field(default_factory=list)
    unassigned_tasks: list[TaskPlace] = field(default_factory=list)


def collection_round(data: YearData) -> Round:
    """Each agency's metrics and tasks, in the order of the year file."""
    index = AgencyIndex(data.agencies)
    found = Round(index, {a.id: [] for a in data.agencies}, {a.id: [] for a in data.agencies})
    for position, metric in enumerate(data.metrics):
        who = metric_asked(index, metric)
        where = ("metrics", position, "collect_from" if who.declared else "lead")
        found.unknown += [Unknown(where, f"chỉ tiêu '{metric.id}'", n) for n in who.unknown]
        if not who.agencies and not who.unknown:
            found.unassigned_metrics.append(metric)
        for agency in who.agencies:
            found.metrics[agency.id].append(metric)
    for place in task_places(data):
        who = task_asked(index, place)
        own = "collect_from" if who.declared else "lead"
        at = place.path + (own,) if who.declared or place.task.lead else _list_lead(place)
        found.unknown += [Unknown(at, f"nhiệm vụ {place.key}", n) for n in who.unknown]
        if not who.agencies and not who.unknown:
            found.unassigned_tasks.append(place)
        for agency in who.agencies:
            found.tasks[agency.id].append(place)
    return found


def _list_lead(place: TaskPlace) -> tuple[str | int, ...]:
    return ("task_lists", place.list_index, "lead")
