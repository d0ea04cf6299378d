"""Where a collection round stands: per agency, what it was asked for, what it has
sent (a figure or task update recorded as coming from its form), and what is still
awaited; with a deadline, who is late.

A metric is awaited while it is ``pending``; a task while it has no progress. A
metric answered by another agency (led jointly), or typed in by the office, is no
longer awaited from anyone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from ..model.agencies import Agency, Collected
from ..model.year import Metric, YearData
from .agencies import Round, TaskPlace, collection_round, waits

State = Literal["đã gửi", "còn chờ", "đã có số liệu"]
Kind = Literal["chỉ tiêu", "nhiệm vụ"]


@dataclass(frozen=True)
class ItemStatus:
    kind: Kind
    key: str
    name: str
    state: State
    received: Collected | None = None


@dataclass
class AgencyStatus:
    agency: Agency
    metrics: list[ItemStatus] = field(default_factory=list)
    tasks: list[ItemStatus] = field(default_factory=list)

    def count(self, kind: Kind, state: State | None = None) -> int:
        items = self.metrics if kind == "chỉ tiêu" else self.tasks
        return sum(1 for i in items if state is None or i.state == state)

    @property
    def waiting(self) -> int:
        return self.count("chỉ tiêu", "còn chờ") + self.count("nhiệm vụ", "còn chờ")

    @property
    def last_received(self) -> date | None:
        days = [i.received.date for i in (*self.metrics, *self.tasks) if i.received]
        return max(days, default=None)

    def overdue(self, deadline: date | None, today: date) -> bool:
        return deadline is not None and self.waiting > 0 and today > deadline


@dataclass
class RoundStatus:
    year: int
    agencies: list[AgencyStatus]
    unassigned_metrics: int = 0
    unassigned_tasks: int = 0


def round_status(data: YearData, found: Round | None = None) -> RoundStatus:
    found = found or collection_round(data)
    rows = []
    for agency in data.agencies:
        status = AgencyStatus(agency)
        status.metrics = [_metric_status(agency, m) for m in found.metrics[agency.id]]
        status.tasks = [_task_status(agency, p) for p in found.tasks[agency.id]]
        rows.append(status)
    return RoundStatus(data.year, rows, len(found.unassigned_metrics), len(found.unassigned_tasks))


def _metric_status(agency: Agency, metric: Metric) -> ItemStatus:
    sent = [
        o.collected
        for o in metric.observations
        if o.collected is not None and o.collected.agency == agency.id
    ]
    if sent:
        latest = max(sent, key=lambda c: c.date)
        return ItemStatus("chỉ tiêu", metric.id, metric.name, "đã gửi", latest)
    state: State = "còn chờ" if metric.pending else "đã có số liệu"
    return ItemStatus("chỉ tiêu", metric.id, metric.name, state)


def _task_status(agency: Agency, place: TaskPlace) -> ItemStatus:
    collected = place.task.collected
    if collected is not None and collected.agency == agency.id:
        return ItemStatus("nhiệm vụ", place.key, place.task.name, "đã gửi", collected)
    state: State = "còn chờ" if waits(place) else "đã có số liệu"
    return ItemStatus("nhiệm vụ", place.key, place.task.name, state)
