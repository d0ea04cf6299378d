"""The baocao command line: parse arguments, call the library, print, exit.

Commands import heavy libraries (docx, lxml) only inside their own body so that
``baocao --help`` and ``baocao validate`` answer at once.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from . import console
from .cli_common import DataOption, YearsArgument, app, command, refusal, workspace_for
from .errors import OutputError, Problem

if TYPE_CHECKING:
    from .workspace import Workspace

__all__ = ["app", "main"]


def _pdf_timeout(value: float) -> float:
    from .render.pdf import check_timeout

    return check_timeout(value)


class ProblemFormat(str, Enum):
    text = "text"
    json = "json"


@command()
def validate(
    years: YearsArgument,
    strict: Annotated[
        bool, typer.Option("--strict", help="Coi cảnh báo là lỗi (mã thoát 1).")
    ] = False,
    fmt: Annotated[
        ProblemFormat,
        typer.Option("--format", "-f", help="text (mỗi vấn đề một dòng) hoặc json."),
    ] = ProblemFormat.text,
    data_dir: DataOption = None,
) -> None:
    """Kiểm tra dữ liệu và mọi báo cáo của một hay nhiều năm (hoặc một tệp .yaml, .md) và
    báo mọi vấn đề tìm thấy."""
    from .errors import DataFileNotFound

    workspace = workspace_for(data_dir)
    problems = []
    missing = False
    for name in years:
        try:
            problems += _problems_of(name, workspace)
        except DataFileNotFound as exc:
            missing = True
            console.error(str(exc))
    errors = sum(1 for p in problems if p.severity == "lỗi")
    warnings = len(problems) - errors
    if fmt is ProblemFormat.json:
        console.problems_json(problems)
    else:
        console.problem_lines(problems)
        if problems or not missing:
            console.validation_summary(errors, warnings)
    if missing or errors or (strict and warnings):
        raise typer.Exit(code=1)


def _problems_of(name: str, workspace: Workspace) -> list[Problem]:
    """A year: its data and each of its reports; a .md file: that report and its data;
    any other path: that data file."""
    from .checks import validate as validate_year
    from .report_checks import validate_report

    if name.endswith(".md"):
        return validate_report(workspace.reports_for([name])[0], workspace).all_problems
    year = validate_year(name, workspace=workspace)
    found = list(year.problems)
    if name.isdigit():
        for path in workspace.report_paths(name):
            found += validate_report(path, workspace, year).problems
    return found


@command()
def schema(
    report: Annotated[
        bool, typer.Option("--report", help="Lược đồ phần khai báo đầu tệp báo cáo .md.")
    ] = False,
) -> None:
    """In JSON Schema của tệp dữ liệu năm, hoặc của phần khai báo tệp báo cáo (--report),
    cho trình soạn thảo YAML."""
    from .schema import schema_text

    console.plain(schema_text(report))


@command()
def render(
    years: Annotated[
        list[str] | None,
        typer.Argument(
            help="Năm (ví dụ 2024, đọc data/2024.yaml) hoặc đường dẫn tới tệp YAML.",
            show_default=False,
            metavar="NĂM",
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Thư mục ghi tệp Word (mặc định: out/, hoặc theo baocao.yaml).",
            metavar="THƯ_MỤC",
            show_default=False,
        ),
    ] = None,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates",
            help="Thư mục chứa BaoCao.docx và PhuLuc.docx (mặc định: templates/).",
            metavar="THƯ_MỤC",
        ),
    ] = None,
    data_dir: DataOption = None,
    draft: Annotated[
        bool,
        typer.Option(
            "--draft", help="Vẫn tạo bản nháp khi dữ liệu chỉ có cảnh báo (lỗi thì không bao giờ)."
        ),
    ] = False,
    all_years: Annotated[
        bool, typer.Option("--all", help="Tạo mọi báo cáo của mọi năm (thư mục reports/NĂM/).")
    ] = False,
    report: Annotated[
        str | None,
        typer.Option(
            "--report",
            "-r",
            help="Chỉ tạo báo cáo có mã này (tên tệp .md không có đuôi), ví dụ chuyen-doi-so.",
            metavar="MÃ",
        ),
    ] = None,
    pdf: Annotated[
        bool, typer.Option("--pdf", help="Tạo thêm bản PDF bằng LibreOffice (cần cài LibreOffice).")
    ] = False,
    pdf_timeout: Annotated[
        float,
        typer.Option(
            "--pdf-timeout",
            callback=_pdf_timeout,
            help="Thời gian tối đa cho mỗi tệp PDF (giây, từ 1 đến 3600).",
            metavar="GIÂY",
        ),
    ] = 180.0,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            metavar="SỐ",
            help="Số tiến trình chạy song song khi tạo nhiều năm (mặc định: số nhân CPU).",
        ),
    ] = None,
) -> None:
    """Tạo BÁO CÁO và Phụ lục (tệp Word, thêm PDF nếu cần) của các báo cáo của một hay
    nhiều năm, hoặc của một tệp báo cáo .md."""
    from . import batch
    from .errors import DataFileNotFound

    workspace = workspace_for(data_dir, templates, out)
    every = workspace.report_years() if all_years else []
    names = list(dict.fromkeys([*(years or []), *every]))
    if not names:
        if all_years:
            raise DataFileNotFound(f"không có báo cáo nào trong thư mục '{workspace.reports}'.")
        raise _missing_years()
    reports = workspace.reports_for(names, report)
    soffice = None
    if pdf:
        from .render.pdf import INSTALL_HINT, find_soffice

        soffice = find_soffice()
        if soffice is None:
            console.error(INSTALL_HINT)
    work = [batch.RenderJob(path, workspace, draft, pdf, pdf_timeout, soffice) for path in reports]
    clashes = batch.clashing_outputs(work)
    if clashes:
        raise OutputError("\n".join(f"{clash}. Chưa ghi tệp nào." for clash in clashes))
    outcomes = {}
    with console.progress(len(work), "Đang tạo báo cáo") as done:
        for outcome in batch.run_jobs(work, jobs):
            outcomes[outcome.name] = outcome
            done(f"Xong {outcome.name}")
    ordered = [outcomes[job.name] for job in work]
    for outcome in ordered:
        reason = refusal(*outcome.refused) if outcome.refused else outcome.error
        console.report_outcome(outcome, reason)
    if len(ordered) > 1:
        console.render_summary(ordered, refusal)
    if any(o.failed for o in ordered) or (pdf and soffice is None):
        raise typer.Exit(code=1)


def _missing_years() -> Exception:
    """The usage error typer gives for a missing argument (NĂM is optional for --all)."""
    try:
        from typer._click.exceptions import MissingParameter
    except ImportError:  # another typer version: still a usage error (exit 2)
        return typer.BadParameter("cần ít nhất một năm, hoặc --all.", param_hint="NĂM")
    return MissingParameter(param_hint="'NĂM'", param_type="argument")


@command()
def migrate(
    years: YearsArgument,
    report_id: Annotated[
        str,
        typer.Option(
            "--id", help="Mã (tên tệp) của báo cáo được tách ra.", metavar="MÃ", show_default=True
        ),
    ] = "bao-cao",
    data_dir: DataOption = None,
) -> None:
    """Tách phần 'report' của tệp dữ liệu năm kiểu cũ thành tệp báo cáo Markdown riêng
    (reports/NĂM/MÃ.md); tệp dữ liệu cũ được giữ lại với đuôi .bak."""
    from . import migrate as migration

    workspace = workspace_for(data_dir)
    for name in years:
        planned = migration.plan(workspace.year_path(name), workspace.reports, report_id)
        migration.apply(planned)
        console.wrote(str(planned.report_path), "báo cáo")
        console.wrote(str(planned.data_path), "dữ liệu (không còn phần 'report')")
        console.wrote(str(planned.backup_path), "bản lưu tệp cũ")


from . import cli_compare, cli_year  # noqa: E402,F401 - register diff, compare, init, new


@command("kiemtra")
def kiemtra(
    files: Annotated[list[Path], typer.Argument(help="Tệp Word (.docx).", metavar="TỆP")],
    fmt: Annotated[ProblemFormat, typer.Option("--format", "-f", help="text hoặc json.")] = (
        ProblemFormat.text
    ),
) -> None:
    """Kiểm tra thể thức tệp Word bất kỳ theo Nghị định 30/2020/NĐ-CP."""
    from .cli_kiemtra import run

    raise typer.Exit(code=run(files, fmt.value))


GC_THRESHOLD = (100_000, 50, 100)
"""A short-lived process building many small objects (YAML events, models, XML
strings): collect young objects less often, about a tenth of the run time."""


def main() -> None:
    """Console-script entry point."""
    import gc

    gc.set_threshold(*GC_THRESHOLD)
    try:
        app()
    except SystemExit as done:
        _leave(done.code)
        raise


def _leave(code: object) -> None:
    """Exit without tearing the interpreter down when nothing else runs: the exit
    handlers run and the output is flushed, but the objects of this short-lived process
    are left to the operating system instead of being freed one by one (about a tenth
    of ``baocao validate``). With another thread or a child process still alive, the
    normal exit waits for them."""
    import atexit
    import os
    import sys
    import threading

    pool = sys.modules.get("multiprocessing")
    if threading.active_count() > 1 or (pool is not None and pool.active_children()):
        return
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    os._exit(code or 0)


from . import cli_excel  # noqa: E402,F401 - register form, import, export
