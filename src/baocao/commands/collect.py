"""``baocao form 2025 --by-agency`` and ``baocao status 2025``: a collection round.

One form per agency asks for the metrics and tasks it leads (or is named for in
``collect_from``); every lead must be in the year's ``agencies`` first, else no form
could say whom it is for. Forms already there are never replaced without
``--overwrite``, and nothing is written while one of them stands in the way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..collection.agencies import Round, collection_round, waits
from ..collection.status import RoundStatus, round_status
from ..errors import DataError, OutputError, Problem
from ..excel.form import Form, make_form, previous_figures
from ..excel.form_layout import form_name
from ..load.yaml_careful import Parsed
from ..model.agencies import Agency
from ..model.year import YearData
from ..workspace import Workspace


@dataclass
class AgencyForms:
    year: int
    folder: Path
    forms: list[tuple[Path, Form]] = field(default_factory=list)
    idle: list[Agency] = field(default_factory=list)
    """Agencies with nothing to send: every figure and task already in."""
    unassigned_metrics: int = 0
    unassigned_tasks: int = 0


def plan_agency_forms(
    workspace: Workspace, year: str, everything: bool, folder: Path | None = None
) -> AgencyForms:
    """Every agency's form, built in memory; ``DataError`` when an agency is unknown."""
    data, found = agency_round(workspace, year)
    planned = AgencyForms(data.year, folder or workspace.out / f"BieuMau_{data.year}")
    planned.unassigned_metrics = len(found.unassigned_metrics)
    planned.unassigned_tasks = len(found.unassigned_tasks)
    previous = previous_figures(workspace, data.year)
    for agency in data.agencies:
        metrics = [m for m in found.metrics[agency.id] if everything or m.pending]
        tasks = [t for t in found.tasks[agency.id] if everything or waits(t)]
        if not metrics and not tasks:
            planned.idle.append(agency)
            continue
        form = make_form(data, metrics, previous, agency, tasks)
        planned.forms.append((planned.folder / form_name(data.year, agency.id), form))
    return planned


def agency_round(workspace: Workspace, year: str) -> tuple[YearData, Round]:
    """The year's data and who is asked for what; ``DataError`` when the year has no
    agency list, or names an agency not in it."""
    data, parsed = workspace.load_with_positions(year)
    path = str(workspace.year_path(year))
    if not data.agencies:
        raise DataError(
            [
                Problem(
                    path,
                    None,
                    None,
                    "tệp dữ liệu chưa có danh sách cơ quan 'agencies' (mỗi cơ quan: id, name, "
                    "short_name): thêm danh sách rồi chạy lại; xem 'Thu số liệu từ các cơ quan' "
                    "trong README",
                )
            ]
        )
    found = collection_round(data)
    _refuse_unknown(found, path, parsed)
    return data, found


def round_now(workspace: Workspace, year: str) -> RoundStatus:
    """Where the year's collection round stands (``baocao status``)."""
    data, found = agency_round(workspace, year)
    return round_status(data, found)


def _refuse_unknown(found: Round, path: str, parsed: Parsed) -> None:
    if not found.unknown:
        return
    problems = []
    for unknown in found.unknown:
        line, column = parsed.locate(unknown.at) or (None, None)
        problems.append(
            Problem(
                path,
                line,
                column,
                f"{unknown.what}: cơ quan '{unknown.name}' không có trong danh sách 'agencies': "
                "không biết gửi biểu mẫu cho ai; viết đúng tên hoặc tên ngắn trong danh sách, "
                "hoặc thêm cơ quan này vào 'agencies'",
            )
        )
    raise DataError(problems)


def write_agency_forms(planned: AgencyForms, overwrite: bool) -> None:
    """Write every form, or none when one already exists (without ``overwrite``)."""
    from ..files import write_atomically

    existing = [path for path, _form in planned.forms if path.exists()]
    if existing and not overwrite:
        shown = ", ".join(p.name for p in existing[:5]) + (" …" if len(existing) > 5 else "")
        raise OutputError(
            f"đã có {len(existing)} biểu mẫu trong '{planned.folder}' ({shown}; có thể đã gửi "
            "đi hoặc đã điền), chưa ghi gì: chạy lại với --overwrite để thay bằng biểu mẫu mới, "
            "hoặc --output THƯ_MỤC để ghi nơi khác"
        )
    for path, form in planned.forms:
        write_atomically(path, form.content)
