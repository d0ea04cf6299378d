"""Rules beyond the schema: arithmetic, evaluations, dates and references.

The schema (``model.py``) says what a year file may contain; these rules say whether
what it contains agrees with itself: a printed rate with its counts, parts with their
total, an evaluation with its target and result, every reference with its target.
Each rule adds ``Problem``s located with the positions kept by the loader, and every
rule runs, so one run reports everything.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DataError, Problem, Severity, UnresolvedReference
from ..load.messages import unknown_metric
from ..load.yaml_careful import Parsed
from ..load.yaml_positions import PathKey
from ..load.year_file import IncompleteYear
from ..model.year import Task, TaskGroup, TaskList, YearData
from ..prose.grammar import Cited, citations
from ..prose.resolve import Resolver, is_done
from ..prose.segments import YearReferences
from ..workspace import Workspace
from . import agencies, figures
from .checker import Checker
from .period import stale_years

UNLOCATED = "<dữ liệu>"
"""The path shown for data that was not read from a file (built by a script)."""


@dataclass
class Validation:
    """The outcome of validating one year: its data (if it loaded), its problems, and
    the references already resolved (reused by the documents)."""

    path: str
    data: YearData | None
    problems: list[Problem] = field(default_factory=list)
    references: YearReferences | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == Severity.WARNING]

    def require(self, draft: bool = False) -> YearData:
        """The data, if it may be rendered: no error, and no warning unless ``draft``.

        Raises ``DataError`` (or ``DraftRequired`` when only warnings stand in the way)
        with every problem, so no caller can write a document from invalid data."""
        from ..errors import DraftRequired

        if self.data is None or self.errors:
            raise DataError(self.problems)
        if self.warnings and not draft:
            raise DraftRequired(self.problems)
        return self.data


def validate(
    year_or_path: str | Path,
    data_dir: Path | None = None,
    workspace: Workspace | None = None,
) -> Validation:
    """Load a year file and run every rule; ``DataFileNotFound`` if it is missing."""
    if workspace is None:
        workspace = Workspace(data=data_dir) if data_dir is not None else Workspace()
    path = workspace.year_path(year_or_path)
    found: list[Problem] = []
    try:
        data, parsed = workspace.load_with_positions(path)
    except IncompleteYear as exc:  # a repeated key: every other problem is found too
        (data, parsed), found = exc.loaded, list(exc.problems)
    except DataError as exc:
        return Validation(str(path), None, list(exc.problems))
    references = YearReferences(data, workspace.earlier_years(path))
    return Validation(str(path), data, found + check(data, parsed, references), references)


def check_data(data: YearData, workspace: Workspace | None = None) -> Validation:
    """Every rule over data built in memory (no file, so problems have no line);
    ``[[…|change:YYYY]]`` reads earlier years from the workspace's data folder."""
    raw = data.model_dump(mode="python", by_alias=True, exclude_defaults=True)
    parsed = Parsed(path=UNLOCATED, data=raw)
    earlier = (workspace or Workspace()).earlier_years(None)
    references = YearReferences(data, earlier)
    return Validation(UNLOCATED, data, check(data, parsed, references), references)


def check(
    data: YearData, parsed: Parsed, references: YearReferences | None = None
) -> list[Problem]:
    """Every problem the rules find in ``data``, ordered by position in the file."""
    checker = Checker(data, parsed, references or YearReferences(data))
    for rule in RULES:
        rule(checker)
    unique = list(dict.fromkeys(checker.problems))
    unique.sort(key=lambda p: (p.line or 0, p.column or 0))
    return unique


# --- the file as a whole ---------------------------------------------------------


def check_year_matches_name(c: Checker) -> None:
    stem = Path(c.parsed.path).stem
    if stem.isdigit() and int(stem) != c.data.year:
        c.add(
            ("year",),
            f"năm trong tệp không khớp với tên tệp (year: {c.data.year}, "
            f"tên tệp là {Path(c.parsed.path).name})",
        )


def check_unique_ids(c: Checker) -> None:
    sections: list[tuple[str, list[Any]]] = [
        ("metrics", c.data.metrics),
        ("task_lists", c.data.task_lists),
    ]
    for section, items in sections:
        first: dict[str, int] = {}
        what = "mã chỉ tiêu" if section == "metrics" else "mã danh sách nhiệm vụ"
        for index, item in enumerate(items):
            if item.id in first:
                line = (c.parsed.locate((section, first[item.id], "id")) or (None,))[0]
                c.add((section, index, "id"), f"{what} '{item.id}' bị lặp (đã có ở dòng {line})")
            else:
                first[item.id] = index


def check_sources(c: Checker) -> None:
    known = ", ".join(c.data.sources)
    refs = [(at + ("source", "ref"), obs.source.ref) for at, _m, obs in c.observations()]
    refs += [(at + ("source", "ref"), m.source.ref) for at, m in c.unit_metrics()]
    refs += [
        (("task_lists", i, "source", "ref"), t.source.ref) for i, t in enumerate(c.data.task_lists)
    ]
    for at, ref in refs:
        if ref not in c.data.sources:
            c.add(at, f"nguồn '{ref}' không có trong 'sources' (các nguồn: {known})")


# --- references from prose and tables --------------------------------------------


def _reference_scope(c: Checker, at: PathKey) -> Resolver:
    """``[[id]]`` inside ``units[i]`` (i > 0) names that unit's own metrics."""
    inside_unit = len(at) > 1 and at[0] == "units" and isinstance(at[1], int)
    if inside_unit and 0 < at[1] < len(c.data.units):
        return c.references.for_unit(at[1])
    return c.references.year


def check_references(c: Checker) -> None:
    """Every ``[[…]]`` in the data's own text (task results, notes, units' results)
    resolves; ``[^note]`` markers are checked by each report that shows the text."""
    data = c.parsed.data
    texts = {k: v for k, v in data.items() if k != "sources"} if isinstance(data, dict) else data
    for cited in citations(texts, skip=frozenset({"quote"})):
        message = _reference_problem(c, cited)
        if message:
            position = c.parsed.locate_in(cited.at, cited.whole, cited.occurrence)
            c.add(cited.at, message, position=position)


def _reference_problem(c: Checker, cited: Cited) -> str | None:
    found, whole = cited.found, cited.whole
    if found.error is not None:
        return found.error
    if found.note is not None:
        return (
            f"chú thích '{whole}' chỉ đặt trong tệp báo cáo (.md); trong tệp dữ liệu, "
            "viết thẳng nội dung vào câu"
        )
    reference = found.reference
    if reference is None:
        return None
    resolver = _reference_scope(c, cited.at)
    if reference.metric is not None and resolver.scope.metric(reference.metric) is None:
        return f"{whole}: {unknown_metric(reference.metric, resolver.scope.metric_ids())}"
    try:
        resolver.reference(reference, whole)
    except UnresolvedReference as exc:
        return str(exc)
    return None


def check_stale_years(c: Checker) -> None:
    """A metric's or a task's name that still names an earlier year as its own ("… năm
    2023" in the data of 2024), or the deadline of a task not done that has passed
    ("Quý II/2023"): copied from last year's plan, a warning at its line."""
    year = c.data.year
    names: list[tuple[PathKey, str, str]] = []
    for at, metric in c.metrics():
        names.append((at + ("name",), metric.name, "tên chỉ tiêu"))
    for index, task_list in enumerate(c.data.task_lists):
        for at, task in _tasks_at(("task_lists", index), task_list):
            names.append((at + ("name",), task.name, "tên nhiệm vụ"))
            deadline = _past_deadline(task.time or "", year)
            if deadline and not is_done(task):
                c.add(
                    at + ("time",),
                    f"thời hạn '{deadline}' đã qua trong dữ liệu năm {year} (chép từ kế hoạch "
                    "năm trước?): sửa thời gian thực hiện",
                    Severity.WARNING,
                )
    for at, text, what in names:
        for _offset, words in stale_years(text, year):
            c.add(
                at,
                f"{what} nêu '{words}' trong dữ liệu năm {year}: chép từ năm trước? Sửa năm, "
                "hoặc viết rõ là so sánh",
                Severity.WARNING,
            )


DEADLINE = re.compile(r"(?:(?:[Qq]uý\s+[IV]+|[Tt]háng\s+\d{1,2})\s*/\s*|\b[Nn]ăm\s+)(\d{4})\b")
"""``Quý II/2024``, ``Tháng 06/2024``, ``Năm 2024``: a deadline written with its year."""


def _past_deadline(time: str, year: int) -> str | None:
    for found in DEADLINE.finditer(time):
        if int(found.group(1)) < year:
            return found.group(0)
    return None


def _tasks_at(at: PathKey, task_list: TaskList) -> Iterator[tuple[PathKey, Task]]:
    for i, item in enumerate(task_list.items):
        if isinstance(item, TaskGroup):
            for t, task in enumerate(item.tasks):
                yield at + ("items", i, "tasks", t), task
        else:
            yield at + ("items", i), item


RULES = (
    check_year_matches_name,
    check_unique_ids,
    check_sources,
    figures.check_thousands_dots,
    figures.check_printed,
    figures.check_rates_over_100,
    figures.check_as_of,
    figures.check_pending,
    figures.check_targets,
    figures.check_parts,
    figures.check_evaluations,
    agencies.check_agency_list,
    agencies.check_leads,
    agencies.check_collection,
    check_references,
    check_stale_years,
)
