"""Plan and apply ``baocao import``: every form read and checked, their answers merged
(``import_merge``), the year file updated in memory, checked like ``validate``, then
written atomically, or not at all: one error in any form and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import DataError, Problem, Severity
from ..excel.read_form import read_form
from ..load.paths import named_files
from ..load.yaml_careful import parse_yaml
from ..load.year_file import year_data
from ..model.agencies import Collected
from ..model.year import YearData
from ..prose.segments import YearReferences
from ..rules.year import check
from ..workspace import Workspace
from ..yearfile.anchors import anchor_problems
from ..yearfile.lines import LineEditor
from ..yearfile.observations import Change, confirm, write_figures, write_sources
from ..yearfile.tasks import TaskUpdate, confirm_tasks, write_tasks
from .import_merge import Merged, ReadForm, merge

BOM = "\ufeff"


@dataclass
class PlannedImport:
    path: Path
    content: bytes | None
    """The new year file, or ``None`` when nothing changes."""
    changes: list[Change] = field(default_factory=list)
    tasks: list[TaskUpdate] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)
    forms: list[ReadForm] = field(default_factory=list)
    warnings: int = 0


def plan_import(
    workspace: Workspace, year: str, paths: list[Path], today: date | None = None
) -> PlannedImport:
    """What importing the forms at ``paths`` would write; ``DataError`` with every problem
    of every form otherwise."""
    path = workspace.year_path(year)
    data, parsed = workspace.load_with_positions(year)
    forms = [
        ReadForm(form, read_form(form, data))
        for form in named_files(paths, ".xlsx", "tệp biểu mẫu .xlsx")
    ]
    problems = [p for form in forms for p in form.content.problems]
    for form in forms:
        _record_origin(form, today or date.today())
    merged = merge(forms, data)
    problems += merged.problems
    if any(p.severity == Severity.ERROR for p in problems):
        raise DataError(problems)
    raw = path.read_bytes().decode("utf-8")
    bom = raw.startswith(BOM)
    text = raw.removeprefix(BOM)
    crlf = "\r\n" in text
    if crlf:
        text = text.replace("\r\n", "\n")
    editor = LineEditor(text, parsed)
    planned = PlannedImport(path, None, notices=problems, forms=forms, tasks=merged.tasks)
    planned.changes = write_figures(editor, data, merged.entries, merged.default_quotes)
    write_tasks(editor, merged.tasks)
    planned.sources = write_sources(editor, merged.sources)
    anchors = anchor_problems(text, [(start, stop) for start, stop, _ in editor.edits], str(path))
    if any(p.is_error for p in anchors):
        raise DataError(problems + anchors)
    planned.notices += anchors
    updated = editor.result()
    if updated == text:
        return planned
    planned.warnings = _checked(updated, path, workspace, merged)
    written = updated.replace("\n", "\r\n") if crlf else updated
    planned.content = ((BOM if bom else "") + written).encode("utf-8")
    return planned


def _record_origin(form: ReadForm, today: date) -> None:
    """Each figure and task update of an agency's form says where it came from."""
    agency = form.agency
    if agency is None:
        return
    prefix = f"{form.path}!"
    for entry in form.content.entries:
        cell = entry.where.removeprefix(prefix)
        entry.collected = Collected(agency=agency, form=form.path.name, cell=cell, date=today)
    for update in form.content.tasks:
        cell = update.where.removeprefix(prefix)
        update.collected = Collected(agency=agency, form=form.path.name, cell=cell, date=today)


def _checked(text: str, path: Path, workspace: Workspace, merged: Merged) -> int:
    """The warnings of the updated file; ``DataError`` if it has an error, or if a
    figure or task update does not read back as written."""
    problems, new_data = check_text(text, path, workspace)
    errors = [p for p in problems if p.severity == Severity.ERROR]
    if errors or new_data is None:
        raise DataError(errors or problems)
    confirm(new_data, merged.entries, str(path))
    confirm_tasks(new_data, merged.tasks, str(path))
    return len(problems)


def check_text(
    text: str, path: Path, workspace: Workspace
) -> tuple[list[Problem], YearData | None]:
    """The problems ``validate`` would report if ``path`` held ``text``."""
    try:
        parsed = parse_yaml(text, str(path))
        data = year_data(parsed)
    except DataError as exc:
        return exc.problems, None
    references = YearReferences(data, workspace.earlier_years(path))
    return check(data, parsed, references), data


def apply_import(planned: PlannedImport) -> None:
    from ..files import write_atomically

    if planned.content is not None:
        write_atomically(planned.path, planned.content)
