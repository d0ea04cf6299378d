"""Check a report with its year's data: the first half of the render pipeline.

``validate_report`` loads the report, checks its year's data and the report's own
rules, then builds the documents' contexts (the shape the templates see): building
them resolves what the located rules could not see (a footnote marker inside a task
result that this report does not define). ``baocao validate`` stops here;
``commands.render`` goes on from the same ``ReportValidation`` to the Word files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..documents.report import build_appendix, build_report
from ..documents.types import AppendixContext, ReportContext
from ..errors import DataError, DraftRequired, Problem, Severity
from ..load.report_file import ReportSource, read_report
from ..model.year import YearData
from ..rules.report import check_report
from ..rules.year import Validation, validate
from ..workspace import Workspace


@dataclass
class ReportValidation:
    """A report checked with its year's data: problems of both, and the documents'
    contexts when everything resolved."""

    path: str
    source: ReportSource | None
    year: Validation | None
    problems: list[Problem] = field(default_factory=list)
    report: ReportContext | None = None
    appendix: AppendixContext | None = None

    @property
    def all_problems(self) -> list[Problem]:
        own = self.year.problems if self.year is not None else []
        return [*own, *self.problems]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.all_problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.all_problems if p.severity is Severity.WARNING]

    def require(self, draft: bool = False) -> tuple[ReportSource, YearData]:
        """The report and its data, if they may be rendered (see ``Validation.require``)."""
        if self.source is None or self.year is None or self.year.data is None or self.errors:
            raise DataError(self.all_problems)
        if self.warnings and not draft:
            raise DraftRequired(self.all_problems)
        return self.source, self.year.data


def validate_report(
    path: Path, workspace: Workspace | None = None, year: Validation | None = None
) -> ReportValidation:
    """Read ``path`` and check it with its year's data (``year`` when already checked)."""
    workspace = workspace or Workspace()
    try:
        source = read_report(path)
    except DataError as exc:
        return ReportValidation(str(path), None, year, list(exc.problems))
    if year is None:
        year = validate(workspace.data_for(path, source.year), workspace=workspace)
    if year.data is None or year.references is None:
        return ReportValidation(str(path), source, year)
    checked = ReportValidation(
        str(path), source, year, check_report(source, year.data, year.references)
    )
    if not checked.errors:
        _build_documents(checked, source, year)
    return checked


def _build_documents(checked: ReportValidation, source: ReportSource, year: Validation) -> None:
    """The contexts of the BÁO CÁO and of the Phụ lục; what only building them finds
    (a reference the located rules could not place) becomes a problem of the report."""
    assert year.data is not None and year.references is not None
    unlocated: list[str] = []
    if source.settings.kind == "report":
        checked.report = build_report(source, year.data, year.references, unlocated)
    if source.settings.appendices:
        checked.appendix = build_appendix(source, year.data, year.references, unlocated)
    for message in dict.fromkeys(unlocated):
        checked.problems.append(Problem(source.path, None, None, message))


def problems_of(name: str, workspace: Workspace) -> list[Problem]:
    """What ``baocao validate NAME`` reports: for a year, its data and each of its
    reports; for a .md file, that report and its data; for any other path, that data
    file."""
    if name.endswith(".md"):
        return validate_report(workspace.reports_for([name])[0], workspace).all_problems
    year = validate(name, workspace=workspace)
    found = list(year.problems)
    if name.isdigit():
        for path in workspace.report_paths(name):
            found += validate_report(path, workspace, year).problems
    return found
