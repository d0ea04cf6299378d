"""Render several years in one run: one job per year, in worker processes.

Each job validates its year, writes the BÁO CÁO and Phụ lục and, if asked, their
PDFs, and returns a ``YearOutcome`` instead of raising: one year's failure is
reported and never stops the others. Jobs run in worker processes when there are
several and more than one worker is allowed, otherwise in this process (which is
also how the tests run them through ``CliRunner``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import BaocaoError, DataError, Problem
from .workspace import Workspace


@dataclass(frozen=True)
class RenderJob:
    """What to render for one year (a year like ``2024`` or a path to a YAML file)."""

    year: str
    workspace: Workspace
    draft: bool = False
    pdf: bool = False
    pdf_timeout: float = 180.0
    soffice: str | None = None


@dataclass
class YearOutcome:
    """What happened to one job: files written, problems found, what failed."""

    year: str
    problems: list[Problem] = field(default_factory=list)
    written: list[tuple[str, str]] = field(default_factory=list)
    pdfs: list[tuple[str, str]] = field(default_factory=list)
    refused: tuple[int, int] | None = None
    error: str | None = None
    pdf_errors: list[tuple[str, str]] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.refused is not None or self.error is not None or bool(self.pdf_errors)


def render_job(job: RenderJob) -> YearOutcome:
    """Validate, render and convert one year; every failure ends up in the outcome."""
    outcome = YearOutcome(job.year)
    try:
        _render_job(job, outcome)
    except DataError as exc:
        outcome.problems.extend(exc.problems)
        count = sum(1 for p in exc.problems if p.severity == "lỗi")
        outcome.error = f"dữ liệu không hợp lệ ({count} lỗi), chưa ghi tệp nào."
    except BaocaoError as exc:
        outcome.error = str(exc)
    except Exception as exc:  # noqa: BLE001 - one year's bug must not stop the others
        outcome.error = (
            f"lỗi không mong đợi ({str(exc) or 'không rõ chi tiết'}); "
            "hãy báo lỗi cho người phát triển kèm tệp dữ liệu"
        )
    return outcome


def _render_job(job: RenderJob, outcome: YearOutcome) -> None:
    from .checks import validate

    workspace = job.workspace
    result = validate(job.year, workspace=workspace)
    outcome.problems.extend(result.problems)
    if result.errors or (result.warnings and not job.draft):
        outcome.refused = (len(result.errors), len(result.warnings))
        return
    from .render import render_year
    from .render.output import mismatched_pair

    assert result.data is not None  # no errors: the file loaded
    year = result.data.year
    out = workspace.out
    before = mismatched_pair(out / f"BaoCao_{year}.docx", out / f"PhuLuc_{year}.docx")
    if before:
        outcome.problems.append(Problem(str(out), None, None, before, "cảnh báo"))
    written_files = render_year(result, workspace.templates_dir(), out, draft=job.draft)
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


def same_year_files(jobs: list[RenderJob]) -> list[str]:
    """Year files that would write the same documents into the same out folder (two
    files saying ``year: 2024``): one would silently overwrite the other."""
    seen: dict[tuple[str, str], str] = {}
    clashes = []
    for job in jobs:
        path = job.workspace.year_path(job.year)
        try:
            with path.open(encoding="utf-8-sig") as stream:
                head = stream.read(65536)
        except (OSError, UnicodeDecodeError):
            continue  # the job itself reports the file
        found = re.search(r"^year:[ \t]*(\d{4})[ \t]*(#.*)?$", head, re.MULTILINE)
        year = found.group(1) if found else path.stem
        out = job.workspace.out
        key = (year, str(out.resolve()))
        if key in seen:
            clashes.append(
                f"'{seen[key]}' và '{path}' cùng là dữ liệu năm {year}: cả hai sẽ ghi "
                f"BaoCao_{year}.docx vào '{out}'; hãy tạo từng tệp một, mỗi lần một thư "
                "mục ra (--out)"
            )
        else:
            seen[key] = str(path)
    return clashes


def run_jobs(jobs: list[RenderJob], workers: int | None = None) -> Iterator[YearOutcome]:
    """Run ``jobs``, yielding each outcome as it finishes (not in job order)."""
    workers = default_workers(len(jobs)) if workers is None else max(1, workers)
    if workers == 1 or len(jobs) == 1:
        for job in jobs:
            yield render_job(job)
        return
    yield from _in_processes(jobs, min(workers, len(jobs)))


def _in_processes(jobs: list[RenderJob], workers: int) -> Iterator[YearOutcome]:
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
                yield YearOutcome(job.year, error=f"tiến trình con bị dừng: {exc}")
