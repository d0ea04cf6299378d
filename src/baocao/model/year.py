"""Pydantic models of one year's data file: pure data, no I/O.

A year file holds a year's shared data: ``sources`` (the documents figures come
from), ``metrics`` (figures with stable ids shared by every year), ``task_lists``
and ``units``. No prose: each report is a Markdown file of its own
(``model/report.py``) that cites the figures by id.
"""

from datetime import date, timedelta
from typing import Annotated, ClassVar, Literal

from pydantic import (
    Discriminator,
    Field,
    PrivateAttr,
    Tag,
    field_validator,
    model_validator,
)

from ..limits import FIRST_YEAR, LAST_YEAR
from .agencies import Agency, Collected
from .base import (
    AS_OF_PATTERN,
    Evaluation,
    Identifier,
    Number,
    Strict,
    _kind_by_key,
    no_entries,
    no_items,
)

MEASURE_WORDS = (
    "ha m m2 m² m3 m³ km km2 km² tỷ triệu nghìn ngàn đồng usd tấn tạ kg g lít mw kw kwh mwh "
    "gb tb mb mbps gbps giờ phút giây ngày tuần tháng năm điểm độ"
)
MEASURES = frozenset(MEASURE_WORDS.split())
"""First words of units that measure rather than count: their figures may be fractions."""


class SourceRef(Strict):
    """Where a figure was read: a source id from ``sources``, a line and the words."""

    ref: Identifier
    line: int | None = Field(default=None, ge=1)
    quote: str = Field(min_length=1)


class Observation(Strict):
    """One reading of a metric at a date: a value, or a numerator and a denominator."""

    as_of: Annotated[str, Field(pattern=AS_OF_PATTERN)]
    value: Number | None = None
    numerator: Number | None = None
    denominator: Number | None = None
    printed: str | None = None
    text: str | None = None
    note: str | None = None
    """A remark kept with the data, never printed (e.g. what a source printed wrongly)."""
    source: SourceRef
    collected: Collected | None = None
    """The agency's form it was imported from (``baocao import``)."""

    @field_validator("as_of", mode="before")
    @classmethod
    def _date_to_text(cls, raw: object) -> object:
        if isinstance(raw, date):
            return raw.isoformat()
        if isinstance(raw, int):
            return str(raw)
        return raw

    @field_validator("as_of")
    @classmethod
    def _real_date(cls, text: str) -> str:
        parts = [int(p) for p in text.split("-")]
        try:
            date(parts[0], *(parts[1:] + [1, 1])[:2])
        except ValueError:
            raise ValueError(f"ngày không tồn tại: '{text}'") from None
        return text

    @model_validator(mode="after")
    def _has_figure(self) -> "Observation":
        if (self.numerator is None) != (self.denominator is None):
            raise ValueError("cần có cả tử số (numerator) và mẫu số (denominator)")
        if self.denominator == 0:
            raise ValueError("mẫu số (denominator) không được bằng 0")
        if self.value is None and self.numerator is None and not self.text:
            raise ValueError("cần có value, hoặc numerator và denominator, hoặc text")
        return self


def period_end(as_of: str) -> date:
    """``2024`` → 2024-12-31, ``2024-02`` → 2024-02-29, ``2024-10-15`` → itself."""
    parts = [int(p) for p in as_of.split("-")]
    if len(parts) == 3:
        return date(parts[0], parts[1], parts[2])
    year, month = parts[0], parts[1] if len(parts) == 2 else 12
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return following - timedelta(days=1)


def period_start(as_of: str) -> date:
    """``2024`` → 2024-01-01, ``2024-02`` → 2024-02-01, ``2024-10-15`` → itself."""
    parts = [int(p) for p in as_of.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


class Target(Strict):
    """A target for a year, as a number in the metric's unit or as printed text."""

    year: int = Field(ge=FIRST_YEAR, le=LAST_YEAR)
    value: Number | None = None
    text: str | None = None
    plan: str | None = None

    @model_validator(mode="after")
    def _has_value(self) -> "Target":
        if self.value is None and self.text is None:
            raise ValueError("mục tiêu cần có value hoặc text")
        return self


class Metric(Strict):
    """A figure with an id that stays the same in every year's file."""

    id: Identifier
    name: str = Field(min_length=1)
    unit: str = Field(min_length=1)
    decimals: int | None = Field(default=None, ge=0, le=6)
    allow_over_100: bool = False
    lower_is_better: bool = False
    """A target is met by a figure at or below it (a poverty rate, days late); a rank
    (``kind: rank``) is always so."""
    parts: list[Identifier] = Field(default_factory=no_items)
    targets: list[Target] = Field(default_factory=no_items)
    evaluation: Evaluation | None = None
    result: str | None = None
    note: str | None = None
    """A note for the reader, printed in a table's Ghi chú column."""
    remark: str | None = None
    """A note for whoever keeps the data (a source that disagrees with itself): never
    printed in a document."""
    lead: str | None = None
    partners: str | None = None
    collect_from: list[str] = Field(default_factory=no_items)
    """The agencies asked for the figure (names or short names of ``agencies``), in place
    of every agency ``lead`` names."""
    definition: str | None = None
    kind: Literal["rank", "score"] | None = None
    """A rank (``06/63``) or a score out of a maximum (``84,34/100``): printed over
    ``out_of``, never as a percentage nor with the unit after the number."""
    out_of: Number | None = None
    pending: bool = False
    """This year's figure is still awaited (``baocao new`` marks every metric so):
    validation warns, a draft prints a marker where the figure goes."""
    observations: list[Observation] = Field(default_factory=no_items)
    _needs_observations: ClassVar[bool] = True

    @model_validator(mode="after")
    def _scale(self) -> "Metric":
        if self._needs_observations and not (self.observations or self.pending or self.targets):
            raise ValueError(
                "cần ít nhất một số liệu trong 'observations' ('pending: true' khi còn chờ "
                "số liệu, hoặc chỉ 'targets' cho chỉ tiêu của một kế hoạch)"
            )
        if (self.kind is None) != (self.out_of is None):
            raise ValueError("'kind' (rank hoặc score) và 'out_of' đi cùng nhau")
        if self.kind is not None and self.unit == "%":
            raise ValueError("thứ hạng hoặc điểm không dùng đơn vị '%'")
        return self

    @property
    def is_rate(self) -> bool:
        return self.unit == "%"

    @property
    def whole(self) -> bool:
        """A count of things (stations, people, agencies), never a fraction: a rank, a
        metric printed with no decimals, or one whose unit is no measure (hectares,
        money, hours) and whose decimals are not set."""
        if self.is_rate or self.kind == "score":
            return False
        if self.kind == "rank" or self.decimals is not None:
            return self.kind == "rank" or self.decimals == 0
        first = self.unit.split()[0].casefold() if self.unit.split() else ""
        return first not in MEASURES

    @property
    def latest(self) -> "Observation":
        """The observation documents print: the one with the latest as-of date.

        A year or a month counts as its last day (a figure "for 2024" is the year-end
        figure); between two observations of the same day the one listed last wins.
        """
        if len(self.observations) == 1:
            return self.observations[0]
        ranked = enumerate(self.observations)
        return max(ranked, key=lambda pair: (period_end(pair[1].as_of), pair[0]))[1]

    def target_for(self, year: int) -> "Target | None":
        return next((t for t in self.targets if t.year == year), None)


class UnitMetric(Metric):
    """An indicator of another reporting unit, as that unit's report lists it.

    It is compared with the metric of the file's own unit that has the same id, or
    the one named by ``same_as``. Observations are optional: many indicators are
    reported with an evaluation only; ``source`` is the indicator's row.
    """

    observations: list[Observation] = Field(default_factory=no_items)
    _needs_observations: ClassVar[bool] = False
    source: SourceRef
    same_as: Identifier | None = None

    @property
    def compared_id(self) -> str:
        return self.same_as or self.id

    @property
    def figure(self) -> "Observation | None":
        """The latest observation, or ``None`` when the unit gives no figure."""
        return self.latest if self.observations else None


class Unit(Strict):
    """A reporting unit (a province, a department) whose indicators sit side by side.

    The first unit of ``units`` is the file's own: its metrics are ``metrics``. Every
    other unit lists its own ``metrics``.
    """

    id: Identifier
    name: str = Field(min_length=1)
    short_name: str | None = None
    metrics: list[UnitMetric] = Field(default_factory=no_items)

    @property
    def label(self) -> str:
        """The short name of column headers, or the name when there is none."""
        return self.short_name or self.name

    def metric(self, metric_id: str) -> "UnitMetric | None":
        return next((m for m in self.metrics if m.id == metric_id), None)


class Task(Strict):
    """One row of a task list."""

    name: str = Field(min_length=1)
    result: str | None = None
    time: str | None = None
    progress: str | None = None
    lead: str | None = None
    partners: str | None = None
    collect_from: list[str] = Field(default_factory=no_items)
    evaluation: Evaluation | None = None
    note: str | None = None
    collected: Collected | None = None


class TaskGroup(Strict):
    """A group heading inside a task list, with its tasks."""

    group: str = Field(min_length=1)
    tasks: list[Task] = Field(min_length=1)


TaskItem = Annotated[
    Annotated[TaskGroup, Tag("group")] | Annotated[Task, Tag("task")],
    Discriminator(_kind_by_key("group", "group", "task")),
]


class TaskList(Strict):
    id: Identifier
    title: str = Field(min_length=1)
    source: SourceRef
    lead: str | None = None
    """The lead of every task of the list that names none."""
    items: list[TaskItem] = Field(min_length=1)


class YearData(Strict):
    """The whole of ``data/<year>.yaml``."""

    year: int = Field(ge=FIRST_YEAR, le=LAST_YEAR)
    sources: dict[Identifier, str] = Field(min_length=1)
    metrics: list[Metric] = Field(default_factory=no_items)
    task_lists: list[TaskList] = Field(default_factory=no_items)
    units: list[Unit] = Field(default_factory=no_items)
    """Reporting units compared side by side; the first is this file's own."""
    agencies: list[Agency] = Field(default_factory=no_items)
    """The agencies that lead metrics and tasks, named once (``model.agencies``)."""
    _by_id: dict[str, Metric] = PrivateAttr(default_factory=no_entries)

    def model_post_init(self, __context: object) -> "None":
        self._by_id = {m.id: m for m in self.metrics}

    @model_validator(mode="after")
    def _units_consistent(self) -> "YearData":
        ids = [u.id for u in self.units]
        if len(ids) != len(set(ids)):
            raise ValueError("mã đơn vị (units.id) bị trùng")
        if self.units and self.units[0].metrics:
            raise ValueError(
                f"đơn vị đầu tiên ('{self.units[0].id}') dùng chỉ tiêu ở 'metrics', "
                "không ghi 'metrics' riêng"
            )
        for unit in self.units[1:]:
            seen = [m.id for m in unit.metrics]
            repeated = sorted({i for i in seen if seen.count(i) > 1})
            if repeated:
                raise ValueError(f"đơn vị '{unit.id}': mã chỉ tiêu '{repeated[0]}' bị trùng")
        return self

    def metric(self, metric_id: str) -> "Metric | None":
        # Read the private index directly: pydantic's __getattr__ for private attributes
        # costs more than the lookup itself when tables ask once per cell.
        private = self.__pydantic_private__
        assert private is not None
        found: Metric | None = private["_by_id"].get(metric_id)
        return found

    def metric_ids(self) -> list[str]:
        return [m.id for m in self.metrics]

    def task_list(self, list_id: str) -> "TaskList | None":
        return next((t for t in self.task_lists if t.id == list_id), None)
