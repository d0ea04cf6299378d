"""Plan and apply ``baocao import``: the form read, the year file updated in memory,
checked like ``validate``, then written atomically, or not at all."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataError, Problem, Severity
from ..excel.read_form import read_form
from ..load.yaml_careful import parse_yaml
from ..load.year_file import year_data
from ..model.year import YearData
from ..prose.segments import YearReferences
from ..rules.year import check
from ..workspace import Workspace
from ..yearfile.anchors import anchor_problems
from ..yearfile.observations import Change, apply_entries, confirm

BOM = "\ufeff"


@dataclass
class PlannedImport:
    path: Path
    content: bytes | None
    """The new year file, or ``None`` when nothing changes."""
    changes: list[Change] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)
    warnings: int = 0


def plan_import(workspace: Workspace, year: str, form: Path) -> PlannedImport:
    """What importing ``form`` would write; ``DataError`` with every problem otherwise."""
    path = workspace.year_path(year)
    data = workspace.load(year)
    found = read_form(form, data)
    if found.errors:
        raise DataError(found.problems)
    raw = path.read_bytes().decode("utf-8")
    bom = raw.startswith(BOM)
    text = raw.removeprefix(BOM)
    crlf = "\r\n" in text
    if crlf:
        text = text.replace("\r\n", "\n")
    update = apply_entries(text, found.entries, found.new_sources, found.default_quotes)
    anchors = anchor_problems(text, update.edits, str(path))
    if any(p.is_error for p in anchors):
        raise DataError(found.problems + anchors)
    planned = PlannedImport(path, None, update.changes, update.sources, found.problems + anchors)
    if update.text == text:
        return planned
    problems, new_data = check_text(update.text, path, workspace)
    errors = [p for p in problems if p.severity == Severity.ERROR]
    if errors or new_data is None:
        raise DataError(found.problems + errors)
    confirm(new_data, found.entries, str(path))
    planned.warnings = len(problems)
    written = update.text.replace("\n", "\r\n") if crlf else update.text
    planned.content = ((BOM if bom else "") + written).encode("utf-8")
    return planned


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
