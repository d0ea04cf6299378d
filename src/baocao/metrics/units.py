"""Reporting units side by side (``units`` in a year file): pure functions, no I/O.

The first unit is the file's own (its metrics are ``metrics``); every other unit lists
its indicators, each compared with the own metric of the same id or of ``same_as``.
Figures are compared as printed, the way ``diff.py`` compares years, so a gap in
the table is the difference of the two figures a reader sees.

A merged rate (the units taken as one) is computed from counts only:
``(n₁ + n₂) / (d₁ + d₂)``, never as an average of rates. When a unit has no
numerator and denominator, the merged figure is not computed and ``reason`` says why.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from ..errors import NoUnits
from ..formatting import format_ratio, rate, round_half_up
from ..model.year import Metric, Unit, UnitMetric, YearData
from .printing import rate_decimals
from .years import Change, YearValue, amount_text, year_value

MET = frozenset({"Đạt", "Ước đạt"})
JUDGED = MET | {"Chưa đạt"}
NOT_ENOUGH = "Chưa đủ số liệu"


@dataclass(frozen=True)
class Side:
    """One unit's view of an indicator: its metric (if it reports it) and figure."""

    unit: Unit
    metric: Metric | None
    value: YearValue | None
    """The latest figure as printed, or ``None`` when the unit gives no figure."""

    @property
    def reported(self) -> bool:
        return self.metric is not None

    @property
    def evaluation(self) -> str | None:
        return self.metric.evaluation if self.metric else None

    @property
    def met(self) -> bool:
        return self.evaluation in MET

    @property
    def judged(self) -> bool:
        return self.evaluation in JUDGED

    @property
    def number(self) -> Decimal | None:
        return self.value.value if self.value else None

    @property
    def counts(self) -> tuple[int | float, int | float] | None:
        if self.value is None or self.metric is None or not self.metric.is_rate:
            return None
        obs = self.value.observation
        if obs.numerator is None or obs.denominator is None:
            return None
        return obs.numerator, obs.denominator

    @property
    def text(self) -> str:
        """The figure as the report prints it (with counts for a rate), or ``""``."""
        if self.value is None:
            return ""
        if self.counts is not None and self.metric is not None:
            return format_ratio(*self.counts, rate_decimals(self.metric))
        return self.value.text


@dataclass(frozen=True)
class Gap:
    """Difference of the figures (unrounded, shown rounded): first minus second unit
    (two units), or the highest minus the lowest (more units); ``None`` with a reason
    otherwise."""

    change: Change | None
    reason: str | None = None

    @property
    def absolute(self) -> Decimal | None:
        return self.change.absolute if self.change else None

    def text(self, signed: bool) -> str:
        return amount_text(self.change, signed=signed) if self.change else ""


@dataclass(frozen=True)
class Merged:
    """The units as one: a rate from the summed counts, or the reason there is none."""

    numerator: int | float | None = None
    denominator: int | float | None = None
    decimals: int = 2
    reason: str | None = None

    @property
    def value(self) -> Decimal | None:
        if self.numerator is None or self.denominator is None:
            return None
        return round_half_up(rate(self.numerator, self.denominator), self.decimals)

    @property
    def text(self) -> str:
        if self.numerator is None or self.denominator is None:
            return f"{NOT_ENOUGH} ({self.reason})" if self.reason else NOT_ENOUGH
        return format_ratio(self.numerator, self.denominator, self.decimals)


@dataclass(frozen=True)
class Indicator:
    """One row of the comparison: an indicator and every unit's side of it."""

    id: str
    name: str
    sides: tuple[Side, ...]
    gap: Gap
    merged: Merged

    @property
    def reporting(self) -> tuple[Unit, ...]:
        return tuple(s.unit for s in self.sides if s.reported)

    @property
    def shared(self) -> bool:
        return all(s.reported for s in self.sides)

    @property
    def met_by(self) -> tuple[Unit, ...]:
        return tuple(s.unit for s in self.sides if s.met)


@dataclass(frozen=True)
class UnitComparison:
    year: int
    units: tuple[Unit, ...]
    indicators: tuple[Indicator, ...]

    @cached_property
    def has_merged(self) -> bool:
        """Whether any indicator has a rate of the units together (else no such column)."""
        return any(i.merged.value is not None for i in self.indicators)

    @property
    def shared(self) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.shared)

    @property
    def partial(self) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if not i.shared)

    def groups(self) -> list[tuple[tuple[Unit, ...], list[Indicator]]]:
        """Indicators grouped by the units reporting them: all units first, then each
        smaller set in the order of ``units``."""
        order: dict[tuple[str, ...], list[Indicator]] = {}
        for indicator in self.indicators:
            key = tuple(u.id for u in indicator.reporting)
            order.setdefault(key, []).append(indicator)
        rank = {u.id: i for i, u in enumerate(self.units)}
        keys = sorted(order, key=lambda k: (-len(k), [rank[i] for i in k]))
        by_id = {u.id: u for u in self.units}
        return [(tuple(by_id[i] for i in key), order[key]) for key in keys]


@dataclass
class UnitScope:
    """A unit seen as a year's data by references: ``[[id]]`` names the unit's metrics."""

    unit: Unit
    year: int

    def metric(self, metric_id: str) -> UnitMetric | None:
        found = self.unit.metric(metric_id)
        return found if found is not None and (found.observations or found.pending) else None

    def metric_ids(self) -> list[str]:
        return [m.id for m in self.unit.metrics if m.observations or m.pending]


def join_names(names: list[str]) -> str:
    """``A``; ``A và B``; ``A, B và C``."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} và {names[-1]}"


def other_units(data: YearData) -> list[Unit]:
    return list(data.units[1:])


def _side(year: int, unit: Unit, metric: Metric | None) -> Side:
    if metric is None:
        return Side(unit, None, None)
    if isinstance(metric, UnitMetric) and metric.figure is None:
        return Side(unit, metric, None)
    value = year_value(year, metric)
    return Side(unit, metric, value if value.value is not None else None)


def _normal(text: str | None) -> str:
    if not text:
        return ""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split()).rstrip(" .;")


def _comparable(a: Side, b: Side) -> str | None:
    assert a.metric is not None and b.metric is not None
    if _normal(a.metric.unit) != _normal(b.metric.unit):
        return f"đơn vị khác nhau ({a.metric.unit}, {b.metric.unit})"
    first, second = a.metric.definition, b.metric.definition
    if first and second and _normal(first) != _normal(second):
        return "định nghĩa khác nhau"
    return None


def gap(sides: tuple[Side, ...]) -> Gap:
    with_figures = [s for s in sides if s.number is not None]
    if len(with_figures) < 2:
        return Gap(None, NOT_ENOUGH)
    for other in with_figures[1:]:
        reason = _comparable(with_figures[0], other)
        if reason:
            return Gap(None, reason)
    if len(sides) == 2:
        high, low = with_figures
    else:
        high = max(with_figures, key=lambda s: s.number or 0)
        low = min(with_figures, key=lambda s: s.number or 0)
    assert high.value is not None and low.value is not None
    assert high.value.value is not None and low.value.value is not None
    absolute = high.value.value - low.value.value
    return Gap(Change(low.value, high.value, absolute=absolute))


def merge(sides: tuple[Side, ...]) -> Merged:
    """``(n₁ + n₂ + …) / (d₁ + d₂ + …)`` when every unit gives counts of a rate."""
    absent = [s.unit.label for s in sides if s.metric is None]
    if absent:
        return Merged(reason=f"{join_names(absent)} không có chỉ tiêu này")
    missing = []
    for side in sides:
        assert side.metric is not None
        if not side.metric.is_rate:
            return Merged(reason="chỉ tiêu không phải tỷ lệ")
        elif side.value is None:
            missing.append(f"{side.unit.label} không có số liệu")
        elif side.counts is None:
            missing.append(f"{side.unit.label} không có tử số, mẫu số")
    if missing:
        return Merged(reason="; ".join(missing))
    reasons = [_comparable(sides[0], s) for s in sides[1:]]
    reason = next((r for r in reasons if r), None)
    if reason:
        return Merged(reason=reason)
    counts = [s.counts for s in sides]
    numerator = sum(c[0] for c in counts if c)
    denominator = sum(c[1] for c in counts if c)
    first = sides[0].metric
    assert first is not None
    return Merged(numerator, denominator, rate_decimals(first))


def compare_units(data: YearData) -> UnitComparison:
    """Every indicator of the other units, then the own unit's evaluated metrics that
    no other unit reports; nothing is dropped for being on one side only."""
    if len(data.units) < 2:
        raise NoUnits("cần ít nhất hai đơn vị trong 'units' để so sánh.")
    units = tuple(data.units)
    keys: list[str] = []
    names: dict[str, str] = {}
    for unit in units[1:]:
        for metric in unit.metrics:
            key = metric.compared_id
            if key not in names:
                keys.append(key)
                own = data.metric(key)
                names[key] = own.name if own else metric.name
    for own_metric in data.metrics:
        if own_metric.id not in names and own_metric.evaluation is not None:
            keys.append(own_metric.id)
            names[own_metric.id] = own_metric.name
    indicators = []
    for key in keys:
        sides = [_side(data.year, units[0], data.metric(key))]
        for unit in units[1:]:
            found = next((m for m in unit.metrics if m.compared_id == key), None)
            sides.append(_side(data.year, unit, found))
        row = tuple(sides)
        indicators.append(Indicator(key, names[key], row, gap(row), merge(row)))
    return UnitComparison(data.year, units, tuple(indicators))
