"""``baocao render``: the pipeline from a report file to its Word files, and the jobs
that run it for several reports at once.

One report goes through ``render_report``, top to bottom:

1. load and check: the report, its year's data and every rule of both, then build
   the documents' contexts (``commands.validate``); nothing goes on past an error, nor
   past a warning unless this is a draft;
2. render: each context becomes the bytes of a .docx in memory (``render.engine``);
3. inspect: a document that is not a draft must not print a figure still awaited;
4. write: every file of the report staged, then replaced together (``files``).

Several reports run as jobs (``run_jobs``), in worker processes when there are
several and more than one worker is allowed; a job returns a ``ReportOutcome``
instead of raising, so one report's failure never stops the others. PDF copies are
made after every job has written its Word files, of all of them in one LibreOffice
run (``convert_outcomes``): starting LibreOffice costs more than converting a report.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .. import decree30
from ..decree30 import Kind
from ..errors import BaocaoError, DataError, LayoutError, Problem, Severity, unexpected
from ..files import os_error_message, resolved, write_files
from ..workspace import Workspace
from .validate import ReportValidation, validate_report

if TYPE_CHECKING:
    from .pdf import PdfProgress

WORKER_DIED = (
    "tiến trình tạo báo cáo này bị dừng đột ngột (máy hết bộ nhớ, hoặc bị hệ điều hành "
    "dừng); chạy lại với --jobs 1 để tạo từng báo cáo một"
)
APPENDIX = "Phụ lục"


@dataclass(frozen=True)
class RenderedFile:
    path: Path
    kind: str


def output_names(year: int, report_id: str, kind: Kind | None = None) -> tuple[str, str]:
    """The two files of a report, named from its kind, year and id:
    ``BaoCao_2024_<id>.docx`` (``KeHoach_…``, ``CongVan_…``) and ``PhuLuc_2024_<id>.docx``
    (ids are lowercase ASCII, safe on every system)."""
    prefix = (kind or decree30.kind_of(decree30.TYPE)).file_prefix
    return f"{prefix}_{year}_{report_id}.docx", f"PhuLuc_{year}_{report_id}.docx"


def render_report(
    report: ReportValidation | Path,
    templates: Path,
    out_dir: Path,
    *,
    draft: bool = False,
    workspace: Workspace | None = None,
) -> list[RenderedFile]:
    """Write a report's BÁO CÁO and its Phụ lục into ``out_dir``.

    ``report`` is a ``ReportValidation`` (from ``validate_report``) or a report file,
    checked here first. Either way nothing is written unless the report and its
    data are valid: ``DataError`` on any error, ``DraftRequired`` on warnings unless
    ``draft``."""
    checked = report if isinstance(report, ReportValidation) else validate_report(report, workspace)
    checked.require(draft)
    documents = word_documents(checked, templates, out_dir, draft)
    if not draft:
        refuse_pending(documents)
    inspect(documents)
    write_files([(path, content) for path, content, _kind in documents])
    return [RenderedFile(path, kind) for path, _content, kind in documents]


def word_documents(
    checked: ReportValidation, templates: Path, out_dir: Path, draft: bool = False
) -> list[tuple[Path, bytes, str]]:
    """The report's documents in memory: where each goes, its bytes, what it is."""
    from ..render import engine
    from ..render.package import render_id

    source, data = checked.require(draft=True)
    settings = source.settings
    kind = decree30.kind_of(settings.document.type)
    report_name, appendix_name = output_names(data.year, source.id, kind)
    used = [templates / settings.template, templates / settings.appendix_template]
    content_of = data.model_dump_json() + "\n".join(source.lines)
    identifier = render_id(content_of, used)  # the same in both files of the pair
    documents = []
    mark = (settings.document.draft_mark or decree30.DRAFT_MARK) if draft else None
    if checked.report is not None:
        content = engine.report_document(checked.report, settings, used[0], identifier, mark)
        documents.append((out_dir / report_name, content, kind.name))
    if checked.appendix is not None:
        content = engine.appendix_document(checked.appendix, settings, used[1], identifier, mark)
        documents.append((out_dir / appendix_name, content, APPENDIX))
    return documents


def inspect(documents: list[tuple[Path, bytes, str]]) -> None:
    """kiemtra's rules on every document before it is written: an error is a
    ``LayoutError`` naming the rule, and nothing is written."""
    from ..kiemtra import check
    from ..kiemtra.status import Status

    problems = []
    for path, content, _kind in documents:
        report = check(path, content)
        if report.error:
            problems.append(Problem(path.name, None, None, report.error))
        for result in (r for r in report.results if r.status is Status.ERROR):
            rule = result.rule
            for violation in result.violations:
                if violation.severity is Severity.ERROR:
                    detail = f"{violation.where}: {violation.detail}"
                    message = f"thể thức sai (kiemtra {rule.id}, {rule.clause}): {detail}"
                    problems.append(Problem(path.name, None, None, message))
    if problems:
        raise LayoutError(problems)


def refuse_pending(documents: list[tuple[Path, bytes, str]]) -> None:
    """No document but a draft is written with a figure still awaited."""
    from ..render.leftovers import LeftoverMarker, check_no_pending

    for path, content, _kind in documents:
        try:
            check_no_pending(path.name, content)
        except LeftoverMarker as exc:
            raise DataError([Problem(path.name, None, None, str(exc))]) from exc


def mismatched_pair(report: Path, appendix: Path) -> str | None:
    """Why the BÁO CÁO and Phụ lục already in the out folder are not one pair (a run
    killed between replacing the two), or ``None`` when they are, or are not both there."""
    from ..render.package import read_render_id

    try:
        if not (report.is_file() and appendix.is_file()):
            return None
    except OSError:
        return None  # a name the system refuses: told when the files are written
    ids = read_render_id(report), read_render_id(appendix)
    if ids[0] == ids[1] or None in ids:
        return None
    return (
        f"'{report.name}' và '{appendix.name}' đang có trong '{report.parent}' không cùng "
        "một lần tạo (lần tạo trước bị ngắt giữa chừng?); lần này tạo lại cả hai"
    )


@dataclass(frozen=True)
class RenderJob:
    """One report to render (a report file) with its workspace's data, into ``out``."""

    report: Path
    workspace: Workspace
    templates: Path
    out: Path
    draft: bool = False

    @property
    def name(self) -> str:
        """``2024/chuyen-doi-so``: the report's folder and id, as the summary shows it."""
        return f"{self.report.parent.name}/{self.report.stem}"


@dataclass
class ReportOutcome:
    """What happened to one job: files written, problems found, what failed."""

    name: str
    problems: list[Problem] = field(default_factory=list)
    written: list[tuple[str, str]] = field(default_factory=list)
    pdfs: list[tuple[str, str]] = field(default_factory=list)
    refused: tuple[int, int] | None = None
    error: str | None = None
    pdf_errors: list[tuple[str, str]] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.refused is not None or self.error is not None or bool(self.pdf_errors)


def render_job(job: RenderJob) -> ReportOutcome:
    """Check and render one report; every failure ends up in the outcome."""
    outcome = ReportOutcome(job.name)
    try:
        _render_job(job, outcome)
    except LayoutError as exc:
        outcome.problems.extend(exc.problems)
        outcome.error = (
            f"văn bản sắp ghi sai thể thức ({len(exc.problems)} lỗi theo kiemtra), "
            "chưa ghi tệp nào."
        )
    except DataError as exc:
        outcome.problems.extend(exc.problems)
        count = sum(1 for p in exc.problems if p.is_error)
        outcome.error = f"dữ liệu không hợp lệ ({count} lỗi), chưa ghi tệp nào."
    except BaocaoError as exc:
        outcome.error = str(exc)
    except OSError as exc:
        outcome.error = os_error_message(exc)
    except Exception as exc:  # noqa: BLE001 - one report's bug must not stop the others
        from ..load.messages import explain

        outcome.error = unexpected(exc, explain(exc))
    return outcome


def _render_job(job: RenderJob, outcome: ReportOutcome) -> None:
    checked = validate_report(job.report, job.workspace)
    outcome.problems.extend(checked.all_problems)
    if checked.errors or (checked.warnings and not job.draft):
        outcome.refused = (len(checked.errors), len(checked.warnings))
        return
    source, data = checked.require(job.draft)
    names = output_names(data.year, source.id, decree30.kind_of(source.settings.document.type))
    before = mismatched_pair(job.out / names[0], job.out / names[1])
    if before:
        outcome.problems.append(Problem(str(job.out), None, None, before, Severity.WARNING))
    for written in render_report(checked, job.templates, job.out, draft=job.draft):
        outcome.written.append((str(written.path), written.kind))


def convert_outcomes(
    outcomes: list[ReportOutcome],
    soffice: str,
    timeout: float,
    progress: PdfProgress | None = None,
) -> None:
    """PDF copies of every Word file the reports wrote, in one LibreOffice run; each
    PDF written, or why not, goes to its report's outcome."""
    from .pdf import convert_all

    kinds = {path: (outcome, kind) for outcome in outcomes for path, kind in outcome.written}
    sources = [Path(path) for path in kinds]
    for result in convert_all(sources, soffice, timeout, progress):
        outcome, kind = kinds[result.source]
        if result.pdf:
            outcome.pdfs.append((result.pdf, f"bản PDF {kind}"))
        else:
            outcome.pdf_errors.append((result.source, result.error or ""))


def default_workers(jobs: int) -> int:
    return max(1, min(jobs, os.cpu_count() or 1))


def clashing_outputs(jobs: list[RenderJob]) -> list[str]:
    """Reports that would write the same documents into the same out folder (the same
    id in the same year): one would silently overwrite the other."""
    from ..load.report_file import read_report

    seen: dict[tuple[int, str, str], Path] = {}
    clashes = []
    for job in jobs:
        try:
            source = read_report(job.report)
        except BaocaoError:
            continue  # the job itself reports the file
        key = (source.year, source.id, str(resolved(job.out)))
        if key in seen:
            clashes.append(
                f"'{seen[key]}' và '{job.report}' cùng là báo cáo '{source.id}' năm "
                f"{source.year}: cả hai sẽ ghi vào cùng tệp trong '{job.out}'; đổi tên một tệp "
                "báo cáo, hoặc tạo từng báo cáo một với --out khác nhau"
            )
        else:
            seen[key] = job.report
    return clashes


def run_jobs(jobs: list[RenderJob], workers: int | None = None) -> Iterator[ReportOutcome]:
    """Run ``jobs``, yielding each outcome as it finishes (not in job order)."""
    workers = default_workers(len(jobs)) if workers is None else max(1, workers)
    if workers == 1 or len(jobs) == 1:
        for job in jobs:
            yield render_job(job)
        return
    yield from _in_processes(jobs, min(workers, len(jobs)))


def _in_processes(jobs: list[RenderJob], workers: int) -> Iterator[ReportOutcome]:
    from concurrent.futures import ProcessPoolExecutor, as_completed

    from ..render import engine  # noqa: F401 - loaded once here, inherited by forked workers

    # Every job is submitted before the caller starts a progress bar (and its thread),
    # so forked workers never copy a lock held by another thread.
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(render_job, job): job for job in jobs}
        try:
            for future in as_completed(futures):
                job = futures[future]
                try:
                    yield future.result()
                except Exception:  # noqa: BLE001 - a worker died: report, keep going
                    yield ReportOutcome(job.name, error=WORKER_DIED)
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)  # stopped: start no other job
            raise
