"""How a metric prints: its figure, its unit, its counts, its target.

Shared by prose references, tables, ``diff`` and ``compare``; knows nothing of
other years or of documents.
"""

from __future__ import annotations

from .. import decree30
from ..errors import UnresolvedReference
from ..formatting import Numeric, format_number, format_percent, rate
from ..model.year import Metric, Observation

FORMATS = (
    "number",
    "counts",
    "fraction",
    "numerator",
    "denominator",
    "text",
    "target:YYYY",
    "change:YYYY",
)

DEFAULT_RATE_DECIMALS = 2

PENDING = decree30.PENDING_MARK
"""Opens the marker a draft prints for a figure still awaited (``pending: true``); a
document without ``--draft`` is refused before it is written if it holds one."""


def pending_marker(metric: Metric) -> str:
    """``[CHỜ SỐ LIỆU: Tỷ lệ …]``: where a draft prints a figure still awaited."""
    return f"[{PENDING}: {metric.name}]"


def no_figure(metric: Metric) -> str:
    """Why a metric without observations cannot print a figure, and what can print."""
    targets = [f"[[{metric.id}|target:{t.year}]]" for t in metric.targets]
    hint = f": in mục tiêu bằng {', '.join(targets)}" if targets else ""
    return f"chỉ tiêu '{metric.id}' chưa có số liệu (observations), chỉ có mục tiêu{hint}"


def result_text(metric: Metric, pad: bool = False) -> str:
    """What a table's result cell shows: the latest figure, or the pending marker."""
    if metric.pending:
        return pending_marker(metric)
    if not metric.observations:
        raise UnresolvedReference(no_figure(metric))
    return observation_text(metric, metric.latest, pad)


def rate_decimals(metric: Metric) -> int:
    return DEFAULT_RATE_DECIMALS if metric.decimals is None else metric.decimals


def count_text(value: Numeric, pad: bool = False) -> str:
    """A count; with ``pad`` a whole number below 10 gets its leading zero (``05``), as
    official documents print counts."""
    if pad and isinstance(value, int | float) and value == int(value) and 0 <= value < 10:
        return f"0{int(value)}"
    return format_number(value)


def observation_number(metric: Metric, obs: Observation, pad: bool = False) -> str:
    """The figure of one observation without its unit: ``88,18``, ``2.164.505``, ``06``."""
    if obs.numerator is not None and obs.denominator is not None:
        if metric.is_rate:
            return format_number(
                rate(obs.numerator, obs.denominator), rate_decimals(metric), trim=True
            )
        return str(fraction_text(obs, pad))  # a count of a count: 30/34 chỉ tiêu
    if obs.value is not None:
        if metric.decimals is None and not metric.is_rate:
            return count_text(obs.value, pad)
        return format_number(obs.value, metric.decimals, trim=metric.decimals is None)
    raise UnresolvedReference(f"chỉ tiêu '{metric.id}' không có số liệu (chỉ có: {obs.text!r})")


def with_unit(metric: Metric, number: str) -> str:
    if metric.kind is not None and metric.out_of is not None:
        return f"{number}/{format_number(metric.out_of)}"
    return f"{number}%" if metric.is_rate else f"{number} {metric.unit}"


def fraction_text(obs: Observation, pad: bool = False) -> str | None:
    if obs.numerator is None or obs.denominator is None:
        return None
    return f"{count_text(obs.numerator, pad)}/{count_text(obs.denominator, pad)}"


def observation_text(metric: Metric, obs: Observation, pad: bool = False) -> str:
    """What a table's result cell shows by default for an observation."""
    if obs.numerator is not None and obs.denominator is not None and metric.is_rate:
        percent = format_percent(
            rate(obs.numerator, obs.denominator), rate_decimals(metric), trim=True
        )
        return f"{percent} ({fraction_text(obs, pad)})"
    if obs.value is not None or (obs.numerator is not None and obs.denominator is not None):
        return with_unit(metric, observation_number(metric, obs, pad))
    if obs.text:
        return obs.text
    raise UnresolvedReference(f"chỉ tiêu '{metric.id}' không có số liệu")


def target_text(metric: Metric, year: int, pad: bool = False) -> str | None:
    """The target of ``year`` as printed; a count padded like the figures when ``pad``."""
    target = metric.target_for(year)
    if target is None:
        return None
    if target.value is not None:
        if metric.is_rate:
            return format_percent(target.value, metric.decimals)
        if metric.decimals is None and metric.kind is None:
            return with_unit(metric, count_text(target.value, pad))
        return with_unit(metric, format_number(target.value, metric.decimals, trim=True))
    return target.text


def format_target(metric: Metric, fmt: str, where: str, pad: bool = False) -> str:
    """``[[metric|target:2025]]``: the target of that year, whatever the observations."""
    year = int(fmt.split(":", 1)[1])
    text = target_text(metric, year, pad)
    if text is None:
        raise UnresolvedReference(f"{where}: chỉ tiêu '{metric.id}' không có mục tiêu năm {year}")
    return text


def format_observation(
    metric: Metric, obs: Observation, fmt: str | None, where: str, pad: bool = False
) -> str:
    if fmt is None:
        return with_unit(metric, observation_number(metric, obs, pad))
    if fmt == "number":
        return observation_number(metric, obs, pad)
    if fmt in ("counts", "fraction"):
        if obs.numerator is None or obs.denominator is None:
            raise UnresolvedReference(f"{where}: chỉ tiêu '{metric.id}' không có tử số và mẫu số")
        if fmt == "fraction":
            return f"{fraction_text(obs, pad)}"
        return observation_text(metric, obs, pad)
    if fmt in ("numerator", "denominator"):
        value = getattr(obs, fmt)
        if value is None:
            raise UnresolvedReference(f"{where}: chỉ tiêu '{metric.id}' không có {fmt}")
        return count_text(value, pad)
    if fmt == "text":
        if not obs.text:
            raise UnresolvedReference(f"{where}: chỉ tiêu '{metric.id}' không có 'text'")
        return obs.text
    if fmt.startswith("target:"):
        return format_target(metric, fmt, where, pad)
    raise UnresolvedReference(
        f"{where}: định dạng '{fmt}' không hợp lệ (dùng: {', '.join(FORMATS)})"
    )
