"""The checker a year's rules share: the data, its positions, and the problems found.

A rule is a function of the ``Checker``: it reads ``data``, and calls ``add`` with the
path of the value at fault; the position is looked up only then, so a clean file costs
no position lookups.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ..collection.agencies import AgencyIndex
from ..errors import Problem, Severity
from ..load.yaml_careful import Parsed
from ..load.yaml_positions import Location, PathKey
from ..model.year import Metric, Observation, UnitMetric, YearData
from ..prose.segments import YearReferences


@dataclass
class Checker:
    data: YearData
    parsed: Parsed
    references: YearReferences
    problems: list[Problem] = field(default_factory=list)
    _agencies: AgencyIndex | None = None

    @property
    def agencies(self) -> AgencyIndex:
        """The year's agencies by name, built once for every rule."""
        if self._agencies is None:
            self._agencies = AgencyIndex(self.data.agencies)
        return self._agencies

    def add(
        self,
        loc: PathKey,
        message: str,
        severity: Severity = Severity.ERROR,
        key: bool = False,
        position: Location | None = None,
        group: str = "",
    ) -> None:
        if position is None:
            position = (key and self.parsed.locate(loc, key=True)) or self.parsed.locate(loc)
        line, column = position if position else (None, None)
        self.problems.append(Problem(self.parsed.path, line, column, message, severity, group))

    def metrics(self) -> Iterator[tuple[PathKey, Metric]]:
        for index, metric in enumerate(self.data.metrics):
            yield ("metrics", index), metric

    def unit_metrics(self) -> Iterator[tuple[PathKey, UnitMetric]]:
        """The indicators other reporting units list (``units[i].metrics``)."""
        for u, unit in enumerate(self.data.units):
            for index, metric in enumerate(unit.metrics):
                yield ("units", u, "metrics", index), metric

    def all_metrics(self) -> Iterator[tuple[PathKey, Metric]]:
        """The file's own metrics, then every other unit's: whatever holds figures."""
        yield from self.metrics()
        yield from self.unit_metrics()

    def observations(self) -> Iterator[tuple[PathKey, Metric, Observation]]:
        """Every figure of the file, the other units' included: a unit's figure is
        printed in the documents as much as the file's own."""
        for at, metric in self.all_metrics():
            for index, obs in enumerate(metric.observations):
                yield at + ("observations", index), metric, obs
