"""``baocao convert``: a Word file an office already has, as a report file of the
workspace (``reports/NĂM/MÃ.md``), ready for ``baocao render``.

``plan`` does everything but write: it inspects the file (``convert.guard``), reads it
(``kiemtra.reader``), converts it (``convert.document``), writes the Markdown and the
front matter in memory, reads them back, and validates the report with its year's data
in a scratch copy of the workspace. ``apply`` writes the report (never over another)
and, when needed, the year file (a new one, or the old one with the figures added).
Nothing is written unless the report validates without error.
"""

from __future__ import annotations

import io
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..convert.content import Converted
from ..errors import DataError, InputFileError, OutputError, Problem, Severity
from ..load.report_file import REPORT_ID
from ..workspace import Workspace
from .validate import validate_report

if TYPE_CHECKING:
    from ..kiemtra.facts import DocumentFacts

OWN_NAME = re.compile(r"^(?:[A-Z][A-Za-z]+)_(?P<year>\d{4})_(?P<id>[a-z0-9][a-z0-9-]*)$")
"""A file this tool wrote: ``BaoCao_2024_chuyen-doi-so``."""


@dataclass
class Plan:
    """What ``convert`` will write, checked."""

    source: Path
    report_path: Path
    report_text: str
    data_path: Path
    data_text: str | None
    """The year file's new text; ``None`` when it stays as it is."""
    converted: Converted
    year: int
    report_id: str
    created_data: bool = False
    problems: list[Problem] = field(default_factory=list)
    """What validation says of the report (warnings and notices; no error)."""
    figures: list[str] = field(default_factory=list)
    """The metrics added to the year file."""


def default_id(path: Path) -> str:
    """The report's id from the file's name: ``BaoCao_2024_chuyen-doi-so.docx`` →
    ``chuyen-doi-so``; ``Báo cáo quý I.docx`` → ``bao-cao-quy-i``."""
    stem = path.stem
    own = OWN_NAME.match(stem)
    if own:
        return own.group("id")
    plain = unicodedata.normalize("NFD", stem.replace("Đ", "D").replace("đ", "d"))
    ascii_text = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    found = "-".join(words)
    if not found or not found[0].isalnum():
        return "van-ban"
    return found[:60].rstrip("-")


def read_facts(path: Path) -> DocumentFacts:
    """The layout facts of the Word file at ``path``, once ``guard`` let it through."""
    from ..convert.guard import open_docx
    from ..kiemtra.reader import UnreadableDocument, read

    content = open_docx(path)
    try:
        return read(io.BytesIO(content))
    except UnreadableDocument as exc:
        raise InputFileError(f"{path.name}: {exc}") from exc


def plan(
    source: Path,
    workspace: Workspace,
    *,
    year: int | None = None,
    report_id: str | None = None,
    figures: bool = False,
    appendix: Path | None = None,
) -> Plan:
    """Convert ``source`` (its Phụ lục in ``appendix`` when that is a file of its own)
    in memory, checked; ``DataError`` or ``InputFileError`` when it cannot be."""
    from ..convert.document import convert

    facts = read_facts(source)
    appendix_facts = read_facts(appendix) if appendix is not None else None
    converted = convert(facts, appendix_facts)
    chosen = year or converted.year
    if chosen is None:
        raise InputFileError(
            f"{source.name}: văn bản không ghi năm ở dòng ngày tháng; cho biết năm bằng "
            "--year (ví dụ --year 2024)"
        )
    report_id = report_id or default_id(source)
    if not REPORT_ID.match(report_id):
        raise InputFileError(
            f"mã báo cáo '{report_id}' chỉ được gồm chữ thường không dấu, số và dấu '-' "
            "(ví dụ --id bao-cao-quy-1)"
        )
    report_path = workspace.reports / str(chosen) / f"{report_id}.md"
    refuse_existing(report_path)
    document = converted.front["document"]
    document.setdefault("date", chosen)
    converted.front["year"] = chosen
    data_path = workspace.data_for(report_path, chosen)
    built = _texts(converted, source, chosen, report_id, data_path, figures)
    result = Plan(
        source, report_path, built.report, data_path, built.data, converted, chosen, report_id
    )
    result.figures = built.figures
    result.created_data = not data_path.exists()
    result.problems = _validated(result, workspace)
    return result


@dataclass
class _Texts:
    report: str
    data: str | None
    figures: list[str]


def _texts(
    converted: Converted, source: Path, year: int, report_id: str, data_path: Path, figures: bool
) -> _Texts:
    from ..convert.writer import report_text
    from ..yearfile.additions import new_year_text, source_title, taken_ids, with_figures

    document = converted.front["document"]
    title = source_title(document, source.name)
    old = data_path.read_text(encoding="utf-8") if data_path.exists() else None
    metric_ids, source_ids = taken_ids(old, str(data_path))
    source_id = _source_id(report_id, source_ids)
    added: list[str] = []
    data_text = None
    if figures:
        from ..convert.figures import find_figures

        when = document.get("date")
        as_of = when.isoformat() if isinstance(when, date) else str(year)
        found = find_figures(converted, as_of, metric_ids)
        base = old if old is not None else new_year_text(year, {})
        if found:
            data_text = with_figures(base, str(data_path), found, source_id, title)
        elif old is None:
            data_text = new_year_text(year, {source_id: title})
        added = [metric.id for metric in found]
    elif old is None:
        data_text = new_year_text(year, {source_id: title})
    text = report_text(converted, source.name, figures=figures)
    return _Texts(text, data_text, added)


def _source_id(report_id: str, taken: set[str]) -> str:
    """The id of the converted document in ``sources``: the report's id in the form of
    an id, another one if the year file has it already."""
    wanted = report_id.replace("-", "_")
    wanted = wanted if wanted[0].isalpha() else f"vb_{wanted}"
    found, number = wanted, 2
    while found in taken:
        found, number = f"{wanted}_{number}", number + 1
    return found


def refuse_existing(path: Path) -> None:
    if path.exists():
        raise OutputError(
            f"đã có tệp '{path}': không ghi đè; đặt mã khác cho báo cáo bằng --id "
            f"(ví dụ --id {path.stem}-2) hoặc chuyển tệp đó đi"
        )


def _validated(result: Plan, workspace: Workspace) -> list[Problem]:
    """The report's problems, validated with its year's data in a scratch workspace;
    ``DataError`` on any error of the report, or that the year file did not have."""
    with tempfile.TemporaryDirectory(prefix="baocao-convert-") as folder:
        root = Path(folder)
        data = root / "data"
        data.mkdir()
        if workspace.data.is_dir():
            for path in workspace.data.glob("*.yaml"):
                shutil.copyfile(path, data / path.name)
        if result.data_text is not None:
            (data / result.data_path.name).write_text(result.data_text, encoding="utf-8")
        elif result.data_path.exists():
            shutil.copyfile(result.data_path, data / result.data_path.name)
        report = root / "reports" / str(result.year) / result.report_path.name
        report.parent.mkdir(parents=True)
        report.write_text(result.report_text, encoding="utf-8")
        scratch = Workspace(root=root, data=data, reports=root / "reports", data_chosen=True)
        checked = validate_report(report, scratch)
        own = [_renamed(p, report, result.report_path) for p in checked.problems]
        errors = [p for p in own if p.severity is Severity.ERROR]
        if result.data_text is not None and checked.year is not None:
            errors += [
                _renamed(p, data / result.data_path.name, result.data_path)
                for p in checked.year.problems
                if p.severity is Severity.ERROR
            ]
    if errors:
        raise DataError(errors)
    return own


def _renamed(problem: Problem, scratch: Path, real: Path) -> Problem:
    if problem.path == str(scratch):
        return Problem(str(real), problem.line, problem.column, problem.message, problem.severity)
    return problem


def apply(result: Plan) -> None:
    """Write the report, and the year file when it changed; never over a report."""
    from ..files import write_files

    refuse_existing(result.report_path)
    files = [(result.report_path, result.report_text.encode("utf-8"))]
    if result.data_text is not None:
        files.append((result.data_path, result.data_text.encode("utf-8")))
    write_files(files)
