"""Year-over-year comparison of metrics by id: pure functions, no I/O.

Figures are compared unrounded: a rate from its numerator and denominator, a value as
typed; only the change is rounded, to the decimals the figures print with. A rate
that is 8/11 in both years is unchanged even when it prints as ``73%``, and the
comparison sentence of a report agrees with ``baocao diff`` because both come from
here. Ranks (``kind: rank``) move up when their number falls: ``tăng 3 bậc``.

Counts change by an absolute amount and a percentage of the earlier figure; rates
(``unit: "%"``) change in percentage points (``điểm phần trăm``), never in percent
of a percent. Two years whose unit or ``definition`` differ are not comparable and
are never subtracted.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Literal

from ..errors import DiffError
from ..formatting import FormatError, format_number, format_percent, rate, round_half_up, to_decimal
from ..model.year import Metric, Observation, YearData
from .printing import observation_number, pending_marker, rate_decimals, with_unit

POINTS = "điểm phần trăm"
RANK_STEPS = "bậc"
PERCENT_DECIMALS = 2
"""Decimals of the relative change of a count: ``-12,43%``."""

Direction = Literal["tăng", "giảm", "không đổi"]


@dataclass(frozen=True)
class YearValue:
    """A metric in one year: its latest observation and the figure as printed."""

    year: int
    metric: Metric
    observation: Observation
    value: Decimal | None
    """The figure unrounded (a rate from its counts), or ``None`` for a text-only result."""
    decimals: int | None
    """Decimals the figure prints with; ``None`` when they come from the value itself."""
    trim: bool
    text: str
    """The figure with its unit as the report prints it: ``78,91%``, ``2.471.745 thuê bao``."""
    column: int = 0
    """Which of the compared files it comes from (two files may hold the same year)."""

    @property
    def as_of(self) -> str:
        return self.observation.as_of

    @property
    def pending(self) -> bool:
        """The year's figure is still awaited: no figure, so no evaluation either."""
        return self.metric.pending or not self.metric.observations

    @property
    def evaluation(self) -> str | None:
        return None if self.pending else self.metric.evaluation


@dataclass(frozen=True)
class Change:
    """How a metric moved from ``base`` to ``current``; ``reason`` when it cannot be said."""

    base: YearValue
    current: YearValue
    reason: str | None = None
    absolute: Decimal | None = None
    percent: Decimal | None = None
    """Relative change of a count in percent, rounded half-up; ``None`` for rates."""

    @property
    def comparable(self) -> bool:
        return self.reason is None

    @property
    def is_rate(self) -> bool:
        return self.current.metric.is_rate

    @property
    def places(self) -> int:
        """Decimals the change prints with: those its figures print with."""
        return max(places_of(self.base), places_of(self.current))

    @property
    def rounded(self) -> Decimal | None:
        """``absolute`` rounded half-up to ``places``: what documents and exports show."""
        if self.absolute is None:
            return None
        return round_half_up(self.absolute, self.places)

    @property
    def is_rank(self) -> bool:
        return self.current.metric.kind == "rank"

    @property
    def direction(self) -> Direction | None:
        if self.absolute is None:
            return None
        if self.absolute == 0:
            return "không đổi"
        better = self.absolute < 0 if self.is_rank else self.absolute > 0
        return "tăng" if better else "giảm"

    @property
    def unit(self) -> str:
        """The unit of ``absolute``: percentage points for a rate, places for a rank,
        else the metric's."""
        if self.is_rank:
            return RANK_STEPS
        return POINTS if self.is_rate else self.current.metric.unit


@dataclass(frozen=True)
class MetricComparison:
    """One metric found in every compared year."""

    id: str
    name: str
    unit: str
    values: tuple[YearValue, ...]
    change: Change
    """From the first year to the last."""
    steps: tuple[Change, ...]
    """Between consecutive years (a single step when two years are compared)."""

    @property
    def evaluations(self) -> tuple[str | None, ...]:
        return tuple(v.evaluation for v in self.values)

    @property
    def evaluation_change(self) -> str | None:
        """``Chưa đạt → Đạt`` when the evaluation changed, else ``None`` (also while the
        last year's figure is awaited)."""
        stated = [e for e in self.evaluations if e]
        if len(set(stated)) < 2 or self.values[-1].pending:
            return None
        path = [e for i, e in enumerate(stated) if i == 0 or e != stated[i - 1]]
        return " → ".join(path)

    @property
    def evaluation_text(self) -> str:
        """The change of evaluation, or the evaluation every year shares, or nothing
        (nothing, too, while the last year's figure is awaited)."""
        if self.values[-1].pending:
            return ""
        stated = [e for e in self.evaluations if e]
        return self.evaluation_change or (stated[-1] if stated else "")


@dataclass(frozen=True)
class PartialMetric:
    """A metric found in only some of the compared years."""

    id: str
    name: str
    values: tuple[YearValue, ...]

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(v.year for v in self.values)


@dataclass(frozen=True)
class Comparison:
    years: tuple[int, ...]
    metrics: tuple[MetricComparison, ...]
    partial: tuple[PartialMetric, ...]
    labels: tuple[str, ...] = ()
    """Column names when two files hold the same year (the files as named); else empty."""

    @property
    def columns(self) -> tuple[str, ...]:
        """``Năm 2022``, ``Năm 2024``…, or the files' names for two sources of one year."""
        return self.labels or tuple(f"Năm {year}" for year in self.years)

    @property
    def since(self) -> str:
        """What the change is measured from: ``năm 2022``, or the first file."""
        return self.labels[0] if self.labels else f"năm {self.years[0]}"

    @property
    def not_comparable(self) -> tuple[MetricComparison, ...]:
        return tuple(m for m in self.metrics if not m.change.comparable)


def year_value(year: int, metric: Metric) -> YearValue:
    """The latest observation of ``metric`` in ``year``, with its figure as printed;
    a figure still awaited (``pending``) has no value and prints its marker."""
    if metric.pending or not metric.observations:
        marker = pending_marker(metric)
        awaited = Observation.model_construct(as_of=str(year), text=marker)
        return YearValue(year, metric, awaited, None, None, True, marker)
    obs = metric.latest
    value: Decimal | None = None
    decimals: int | None = None
    trim = True
    try:
        if obs.numerator is not None and obs.denominator is not None:
            if metric.is_rate:
                decimals = rate_decimals(metric)
                value = rate(obs.numerator, obs.denominator)
        elif obs.value is not None:
            value = to_decimal(obs.value)
            if metric.decimals is not None:
                decimals, trim = metric.decimals, False
    except FormatError:
        value = None
    if value is not None:
        text = with_unit(metric, observation_number(metric, obs))
    elif obs.text:
        text = obs.text
    elif obs.numerator is not None and obs.denominator is not None:
        text = f"{format_number(obs.numerator)}/{format_number(obs.denominator)}"
    else:
        text = "không có số liệu"
    return YearValue(year, metric, obs, value, decimals, trim, text)


def _normal(text: str | None) -> str:
    """Unit and definition text compared without case, spacing or NFC/NFD differences."""
    if not text:
        return ""
    folded = unicodedata.normalize("NFC", text).casefold()
    return " ".join(folded.split()).rstrip(" .;")


def incomparable_reason(base: YearValue, current: YearValue) -> str | None:
    """Why two years of a metric cannot be subtracted: a changed unit or definition."""
    if _normal(base.metric.unit) != _normal(current.metric.unit):
        return (
            f"đơn vị khác nhau ({base.metric.unit} năm {base.year}, "
            f"{current.metric.unit} năm {current.year})"
        )
    if _normal(base.metric.definition) != _normal(current.metric.definition):
        return f"định nghĩa khác nhau giữa năm {base.year} và năm {current.year}"
    return None


def change(base: YearValue, current: YearValue) -> Change:
    """The change from ``base`` to ``current``, or a ``Change`` carrying the reason it has none."""
    reason = incomparable_reason(base, current)
    if reason is None and (base.value is None or current.value is None):
        missing = base if base.value is None else current
        reason = f"năm {missing.year} không có số liệu dạng số, chỉ ghi chữ ({missing.text})"
    if reason is not None:
        return Change(base, current, reason=reason)
    assert base.value is not None and current.value is not None
    absolute = current.value - base.value
    percent = None
    if not current.metric.is_rate and current.metric.kind is None and base.value != 0:
        percent = round_half_up(absolute * 100 / abs(base.value), PERCENT_DECIMALS)
    return Change(base, current, absolute=absolute, percent=percent)


def compare_metric(values: Sequence[YearValue]) -> MetricComparison:
    """A metric over two or more years, in the order of the compared files."""
    ordered = tuple(sorted(values, key=lambda v: v.column))
    steps = tuple(change(a, b) for a, b in zip(ordered, ordered[1:], strict=False))
    overall = change(ordered[0], ordered[-1])
    if overall.comparable:
        broken = next((s for s in steps if incomparable_reason(s.base, s.current)), None)
        if broken is not None:
            overall = Change(ordered[0], ordered[-1], reason=broken.reason)
    last = ordered[-1].metric
    return MetricComparison(last.id, last.name, last.unit, ordered, overall, steps)


def compare(datasets: Sequence[YearData], names: Sequence[str] | None = None) -> Comparison:
    """Compare the metrics of two or more years by id, oldest first.

    Two files of the same year (two sources of one year) may be compared when ``names``
    tells them apart; their columns are then named by ``names``, in the given order."""
    if len(datasets) < 2:
        raise DiffError("Cần ít nhất hai năm để so sánh.")
    order = sorted(range(len(datasets)), key=lambda i: datasets[i].year)
    ordered = [datasets[i] for i in order]
    years = [d.year for d in ordered]
    repeated = sorted({y for y in years if years.count(y) > 1})
    labels: tuple[str, ...] = ()
    if repeated:
        if names is None or len(set(names)) < len(names):
            raise DiffError(
                f"Năm {repeated[0]} có hơn một tệp dữ liệu: đặt tên từng tệp để so sánh."
            )
        labels = tuple(names[i] for i in order)
    ids: list[str] = []
    for data in reversed(ordered):
        ids.extend(m.id for m in data.metrics if m.id not in ids)
    full: list[MetricComparison] = []
    partial: list[PartialMetric] = []
    for metric_id in ids:
        values = [
            replace(year_value(d.year, found), column=column)
            for column, d in enumerate(ordered)
            if (found := d.metric(metric_id)) is not None
        ]
        if len(values) == len(ordered):
            full.append(compare_metric(values))
        else:
            partial.append(PartialMetric(metric_id, values[-1].metric.name, tuple(values)))
    return Comparison(tuple(years), tuple(full), tuple(partial), labels)


def places_of(value: YearValue) -> int:
    """Decimals a figure prints with: its metric's, else as many as it was typed with."""
    if value.decimals is not None:
        return value.decimals
    if value.value is None:
        return 0
    exponent = value.value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def amount_text(change: Change, signed: bool = False) -> str:
    """The size of the change with its unit: ``307.240 thuê bao (12,43%)``, ``4,26 điểm phần trăm``.

    ``signed`` prefixes ``+`` or ``-`` (``-307.240 thuê bao (-12,43%)``) for tables.
    """
    if change.absolute is None:
        raise ValueError("a change that is not comparable has no amount")
    size = abs(change.absolute)
    trimmed = change.base.trim and change.current.trim
    number = format_number(size, change.places, trim=trimmed)
    sign = ""
    if signed and change.absolute != 0:
        sign = "+" if change.absolute > 0 else "-"
        if change.is_rank:
            sign = "+" if change.absolute < 0 else "-"
    text = f"{sign}{number} {change.unit}"
    if change.percent is not None and change.absolute != 0:
        text += f" ({sign}{format_percent(abs(change.percent), PERCENT_DECIMALS)})"
    return text


def change_text(change: Change) -> str:
    """``giảm 307.240 thuê bao (12,43%)``, ``tăng 4,26 điểm phần trăm``, ``không đổi``;
    ``không so sánh được: …`` when the years cannot be compared."""
    if not change.comparable:
        return f"không so sánh được: {change.reason}"
    if change.direction == "không đổi":
        return "không đổi"
    return f"{change.direction} {amount_text(change)}"


def comparison_sentence(change: Change) -> str:
    """The clause a report prints after a figure.

    ``tăng 4,26 điểm phần trăm so với năm 2022 (78,91%)`` for a rate (the earlier
    rate in brackets), ``giảm 307.240 thuê bao (12,43%) so với năm 2022`` for a count
    (the relative change in brackets). Raises ``DiffError`` when not comparable.
    """
    if not change.comparable:
        raise DiffError(f"không so sánh được với năm {change.base.year}: {change.reason}")
    since = f"so với năm {change.base.year}"
    if change.direction == "không đổi":
        return f"không đổi {since} ({change.base.text})"
    if change.is_rate:
        return f"{change.direction} {amount_text(change)} {since} ({change.base.text})"
    if change.percent is None:
        return f"{change.direction} {amount_text(change)} {since} ({change.base.text})"
    return f"{change.direction} {amount_text(change)} {since}"
