"""The version of the data a form was made from.

A form asks for figures of metrics and updates of tasks as the year file defined them
when it was made. Each row carries a fingerprint of that definition (what the figure
means and how it is read: name, unit, kind, scale; a task's list, place and name), and
the form's version is the fingerprint of all its rows. Figures arriving from other
forms do not change it, so forms of one round stay valid while answers come in; a
metric renamed, given another unit, or a task moved or renamed makes the form older
than the data, and its import is refused.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from ..model.year import Metric
from .agencies import TaskPlace

DIGITS = 10


def _digest(parts: object) -> str:
    text = json.dumps(parts, ensure_ascii=False, sort_keys=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:DIGITS]


def metric_fingerprint(metric: Metric) -> str:
    return _digest(
        [
            "metric",
            metric.id,
            metric.name,
            metric.unit,
            metric.kind,
            metric.out_of,
            metric.allow_over_100,
            metric.decimals,
        ]
    )


def task_fingerprint(place: TaskPlace) -> str:
    return _digest(["task", place.key, place.task.name])


def form_version(fingerprints: Iterable[str]) -> str:
    return _digest(list(fingerprints))
