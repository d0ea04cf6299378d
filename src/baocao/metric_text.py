"""How a metric prints: its figure, its unit, its counts, its target.

Shared by prose references, tables, ``diff`` and ``compare``; knows nothing of
other years or of documents.
"""

from __future__ import annotations

from .errors import UnresolvedReference
from .formatting import format_number, format_percent, format_ratio, rate
from .model import Metric, Observation

FORMATS = ("number", "counts", "numerator", "denominator", "text", "target:YYYY", "change:YYYY")


DEFAULT_RATE_DECIMALS = 2


def rate_decimals(metric: Metric) -> int:
    return DEFAULT_RATE_DECIMALS if metric.decimals is None else metric.decimals


def observation_number(metric: Metric, obs: Observation) -> str:
    """The figure of one observation without its unit: ``88,18`` or ``2.164.505``."""
    if obs.numerator is not None and obs.denominator is not None:
        if metric.is_rate:
            return format_number(
                rate(obs.numerator, obs.denominator), rate_decimals(metric), trim=True
            )
        raise UnresolvedReference(
            f"chỉ tiêu '{metric.id}' có tử số và mẫu số nhưng đơn vị không phải '%'"
        )
    if obs.value is not None:
        return format_number(obs.value, metric.decimals, trim=metric.decimals is None)
    raise UnresolvedReference(f"chỉ tiêu '{metric.id}' không có số liệu (chỉ có: {obs.text!r})")


def with_unit(metric: Metric, number: str) -> str:
    return f"{number}%" if metric.is_rate else f"{number} {metric.unit}"


def observation_text(metric: Metric, obs: Observation) -> str:
    """What a table's result cell shows by default for an observation."""
    if obs.numerator is not None and obs.denominator is not None and metric.is_rate:
        return format_ratio(obs.numerator, obs.denominator, rate_decimals(metric))
    if obs.value is not None:
        return with_unit(metric, observation_number(metric, obs))
    if obs.text:
        return obs.text
    raise UnresolvedReference(f"chỉ tiêu '{metric.id}' không có số liệu")


def target_text(metric: Metric, year: int) -> str | None:
    target = metric.target_for(year)
    if target is None:
        return None
    if target.value is not None:
        if metric.is_rate:
            return format_percent(target.value, metric.decimals)
        return with_unit(metric, format_number(target.value, metric.decimals, trim=True))
    return target.text


def format_observation(metric: Metric, obs: Observation, fmt: str | None, where: str) -> str:
    if fmt is None:
        return with_unit(metric, observation_number(metric, obs))
    if fmt == "number":
        return observation_number(metric, obs)
    if fmt == "counts":
        if obs.numerator is None or obs.denominator is None:
            raise UnresolvedReference(f"{where}: chỉ tiêu '{metric.id}' không có tử số và mẫu số")
        return format_ratio(obs.numerator, obs.denominator, rate_decimals(metric))
    if fmt in ("numerator", "denominator"):
        value = getattr(obs, fmt)
        if value is None:
            raise UnresolvedReference(f"{where}: chỉ tiêu '{metric.id}' không có {fmt}")
        return format_number(value)
    if fmt == "text":
        if not obs.text:
            raise UnresolvedReference(f"{where}: chỉ tiêu '{metric.id}' không có 'text'")
        return obs.text
    if fmt.startswith("target:"):
        year = int(fmt.split(":", 1)[1])
        text = target_text(metric, year)
        if text is None:
            raise UnresolvedReference(
                f"{where}: chỉ tiêu '{metric.id}' không có mục tiêu năm {year}"
            )
        return text
    raise UnresolvedReference(
        f"{where}: định dạng '{fmt}' không hợp lệ (dùng: {', '.join(FORMATS)})"
    )
