"""Whether a metric's figure meets its target: the evaluation ``validate`` checks and
``import`` writes when a figure arrives.

The figure is the one documents print (a rate rounded to the decimals it prints with,
so 49,996% printed as 50,00% meets 50%); the target is the year's, or the next one
set after it; a rank, or a metric marked ``lower_is_better``, meets it at or below.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from ..formatting import rate, round_half_up, to_decimal
from ..model.year import Metric, Observation, Target
from .printing import rate_decimals

Met = Literal["Đạt", "Chưa đạt"]


def printed_figure(metric: Metric, obs: Observation) -> Decimal | None:
    """The observation's number as the report prints it (rates at their decimals)."""
    if obs.numerator is not None and obs.denominator is not None and metric.is_rate:
        return round_half_up(rate(obs.numerator, obs.denominator), rate_decimals(metric))
    if obs.value is not None:
        return to_decimal(obs.value)
    return None


def target_to_judge(metric: Metric, year: int) -> Target | None:
    """The year's target, or the first one set for a later year."""
    same = metric.target_for(year)
    if same is not None:
        return same
    later = sorted((t for t in metric.targets if t.year > year), key=lambda t: t.year)
    return later[0] if later else None


def meets(metric: Metric, figure: Decimal, goal: Decimal) -> bool:
    lower_is_better = metric.lower_is_better or metric.kind == "rank"  # 1st is best
    return figure <= goal if lower_is_better else figure >= goal


def evaluation_of(metric: Metric, year: int) -> Met | None:
    """``Đạt`` or ``Chưa đạt`` for the latest figure of ``year`` against the target;
    ``None`` when there is no such figure or no numeric target."""
    if not metric.observations:
        return None
    latest = metric.latest
    figure = printed_figure(metric, latest)
    target = target_to_judge(metric, year)
    if figure is None or target is None or target.value is None:
        return None
    if int(latest.as_of[:4]) != year:
        return None
    return "Đạt" if meets(metric, figure, to_decimal(target.value)) else "Chưa đạt"
