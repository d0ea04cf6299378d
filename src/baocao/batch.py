"""Render several reports in one run: one job per report, in worker processes.

Each job validates its report with its year's data, writes the BÁO CÁO and Phụ lục
and, if asked, their PDFs, and returns a ``ReportOutcome`` instead of raising: one
report's failure is reported and never stops the others. Jobs run in worker processes when there are
several and more than one worker is allowed, otherwise in this process (which is
also how the tests run them through ``CliRunner``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import BaocaoError, DataError, Problem, unexpected
from .workspace import Workspace


@dataclass(frozen=True)
class RenderJob:
    """One report to render (a report file), in a workspace."""

    report: Path
    workspace: Workspace
    draft: bool = False
    pdf: bool = False
    pdf_timeout: float = 180.0
    soffice: str | None = None

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
    """Validate, render and convert one report; every failure ends up in the outcome."""
    outcome = ReportOutcome(job.name)
    try:
        _render_job(job, outcome)
    except DataError as exc:
        outcome.problems.extend(exc.problems)
        count = sum(1 for p in exc.problems if p.severity == "lỗi")
        outcome.error = f"dữ liệu không hợp lệ ({count} lỗi), chưa ghi tệp nào."
    except BaocaoError as exc:
        outcome.error = str(exc)
    except Exception as exc:  # noqa: BLE001 - one report's bug must not stop the others
        outcome.error = unexpected(exc)
    return outcome


def _render_job(job: RenderJob, outcome: ReportOutcome) -> None:
    from .report_checks import validate_report

    workspace = job.workspace
    checked = validate_report(job.report, workspace)
    outcome.problems.extend(checked.all_problems)
    if checked.errors or (checked.warnings and not job.draft):
        outcome.refused = (len(checked.errors), len(checked.warnings))
        return
    from .render import output_names, render_report
    from .render.output import mismatched_pair

    source, data = checked.require(job.draft)
    out = workspace.out
    names = output_names(data.year, source.id)
    before = mismatched_pair(out / names[0], out / names[1])
    if before:
        outcome.problems.append(Problem(str(out), None, None, before, "cảnh báo"))
    written_files = render_report(checked, workspace.templates_dir(), out, draft=job.draft)
    for written in written_files:
        outcome.written.append((str(written.path), written.kind))
    if job.pdf and job.soffice:
        from .render.pdf import convert

        for path, kind in list(outcome.written):
            converted = convert(Path(path), job.soffice, job.pdf_timeout)
            if converted.pdf:
                outcome.pdfs.append((converted.pdf, f"bản PDF {kind}"))
            else:
                outcome.pdf_errors.append((path, converted.error or ""))


def default_workers(jobs: int) -> int:
    return max(1, min(jobs, os.cpu_count() or 1))


def clashing_outputs(jobs: list[RenderJob]) -> list[str]:
    """Reports that would write the same documents into the same out folder (the same
    id in the same year): one would silently overwrite the other."""
    from .markdown_reader import read_report

    seen: dict[tuple[int, str, str], Path] = {}
    clashes = []
    for job in jobs:
        try:
            source = read_report(job.report)
        except BaocaoError:
            continue  # the job itself reports the file
        out = job.workspace.out
        key = (source.year, source.id, str(out.resolve()))
        if key in seen:
            clashes.append(
                f"'{seen[key]}' và '{job.report}' cùng là báo cáo '{source.id}' năm "
                f"{source.year}: cả hai sẽ ghi vào cùng tệp trong '{out}'; đổi tên một tệp "
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

    from .render import engine  # noqa: F401 - loaded once here, inherited by forked workers

    # Every job is submitted before the caller starts a progress bar (and its thread),
    # so forked workers never copy a lock held by another thread.
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(render_job, job): job for job in jobs}
        for future in as_completed(futures):
            job = futures[future]
            try:
                yield future.result()
            except Exception as exc:  # noqa: BLE001 - a worker died: report, keep going
                yield ReportOutcome(job.name, error=f"tiến trình con bị dừng: {exc}")
