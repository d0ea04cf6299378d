"""``baocao validate``, ``render``, ``schema`` and ``migrate``: the commands on reports.

Commands import heavy libraries (docx, lxml) only inside their own body so that
``baocao --help`` and ``baocao validate`` answer at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from . import console
from .common import (
    DataOption,
    ProblemFormat,
    YearsArgument,
    complete_year,
    refusal,
    workspace_for,
)
from .output import ProblemPrinter, QuietOption, VerboseOption, verbosity

if TYPE_CHECKING:
    from ..commands.pdf import PdfResult
    from ..commands.render import RenderJob, ReportOutcome
    from ..workspace import Workspace
    from .watching import WatchSession


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
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Kiểm tra dữ liệu và mọi báo cáo của một hay nhiều năm (hoặc một tệp .yaml, .md) và
    báo mọi vấn đề tìm thấy."""
    from ..commands.validate import problems_of
    from ..errors import DataFileNotFound, Severity

    printer = ProblemPrinter(verbosity(quiet, verbose))
    workspace = workspace_for(data_dir)
    problems = []
    missing = False
    for name in years:
        try:
            problems += problems_of(name, workspace)
        except DataFileNotFound as exc:
            missing = True
            console.error(str(exc))
    errors = sum(1 for p in problems if p.is_error)
    warnings = sum(1 for p in problems if p.severity is Severity.WARNING)
    if fmt is ProblemFormat.json:
        console.problems_json(problems)
    else:
        console.problem_lines(printer.shown(problems))
        if problems or not missing:
            console.validation_summary(errors, warnings, len(problems) - errors - warnings)
    if missing or errors or (strict and warnings):
        raise typer.Exit(code=1)


def schema(
    report: Annotated[
        bool, typer.Option("--report", help="Lược đồ phần khai báo đầu tệp báo cáo .md.")
    ] = False,
) -> None:
    """In JSON Schema của tệp dữ liệu năm, hoặc của phần khai báo tệp báo cáo (--report),
    cho trình soạn thảo YAML."""
    from ..model.schema import schema_text

    console.plain(schema_text(report))


def _pdf_timeout(value: float) -> float:
    from ..commands.pdf import timeout_problem

    problem = timeout_problem(value)
    if problem:
        raise typer.BadParameter(problem)
    return value


RenderYears = Annotated[
    list[str] | None,
    typer.Argument(
        help="Năm (ví dụ 2024: mọi báo cáo trong reports/2024/, số liệu ở data/2024.yaml) "
        "hoặc đường dẫn tới một tệp báo cáo .md.",
        show_default=False,
        metavar="NĂM",
        autocompletion=complete_year,
    ),
]
OutOption = Annotated[
    Path | None,
    typer.Option(
        "--out",
        "-o",
        help="Thư mục ghi tệp Word (mặc định: out/, hoặc theo baocao.yaml).",
        metavar="THƯ_MỤC",
        show_default=False,
    ),
]
TemplatesOption = Annotated[
    Path | None,
    typer.Option(
        "--templates",
        help="Thư mục chứa BaoCao.docx và PhuLuc.docx (mặc định: templates/).",
        metavar="THƯ_MỤC",
    ),
]
DraftOption = Annotated[
    bool,
    typer.Option(
        "--draft", help="Vẫn tạo bản nháp khi dữ liệu chỉ có cảnh báo (lỗi thì không bao giờ)."
    ),
]
AllOption = Annotated[
    bool, typer.Option("--all", help="Tạo mọi báo cáo của mọi năm (thư mục reports/NĂM/).")
]
ReportOption = Annotated[
    str | None,
    typer.Option(
        "--report",
        "-r",
        help="Chỉ tạo báo cáo có mã này (tên tệp .md không có đuôi), ví dụ chuyen-doi-so.",
        metavar="MÃ",
    ),
]
PdfOption = Annotated[
    bool, typer.Option("--pdf", help="Tạo thêm bản PDF bằng LibreOffice (cần cài LibreOffice).")
]
PdfTimeoutOption = Annotated[
    float,
    typer.Option(
        "--pdf-timeout",
        callback=_pdf_timeout,
        help="Thời gian tối đa cho mỗi tệp PDF (giây, từ 1 đến 3600).",
        metavar="GIÂY",
    ),
]
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        metavar="SỐ",
        help="Số tiến trình chạy song song khi tạo nhiều năm (mặc định: số nhân CPU).",
    ),
]


WatchOption = Annotated[
    bool,
    typer.Option(
        "--watch",
        "-w",
        help="Sau khi tạo, theo dõi các tệp dữ liệu, báo cáo và mẫu: mỗi khi một tệp được "
        "lưu thì kiểm tra và tạo lại, chỉ in những gì thay đổi (Ctrl+C để dừng).",
    ),
]


def render(
    years: RenderYears = None,
    out: OutOption = None,
    templates: TemplatesOption = None,
    data_dir: DataOption = None,
    draft: DraftOption = False,
    all_years: AllOption = False,
    report: ReportOption = None,
    pdf: PdfOption = False,
    pdf_timeout: PdfTimeoutOption = 180.0,
    jobs: JobsOption = None,
    watch: WatchOption = False,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Tạo văn bản (BÁO CÁO, KẾ HOẠCH, CÔNG VĂN…) và Phụ lục, tệp Word, thêm PDF nếu cần,
    của các báo cáo của một hay nhiều năm, hoặc của một tệp báo cáo .md."""
    from ..commands.render import RenderJob
    from ..files import check_folder

    printer = ProblemPrinter(verbosity(quiet, verbose))
    workspace = workspace_for(data_dir)
    names = _render_names(workspace, years, all_years)
    reports = workspace.reports_for(names, report)
    soffice = _soffice() if pdf else None
    target = out if out is not None else workspace.out
    check_folder(target)
    used = templates if templates is not None else workspace.templates_dir()
    work = [RenderJob(path, workspace, used, target, draft) for path in reports]
    build = partial(_build, jobs=jobs, soffice=soffice, timeout=pdf_timeout)
    outcomes = build(_unclashing(work))
    _print_outcomes(outcomes, printer)
    if watch:
        from .watching import watch as watch_until_stopped

        def planned() -> list[RenderJob]:
            listed = workspace.reports_for(names, report)
            return _unclashing([replace(work[0], report=path) for path in listed])

        session = _watching(workspace, names, used, planned, build, printer)
        watch_until_stopped(session, outcomes)
    elif any(o.failed for o in outcomes) or (pdf and soffice is None):
        raise typer.Exit(code=1)


def _unclashing(work: list[RenderJob]) -> list[RenderJob]:
    """``work``, unless two of its reports would write the same files."""
    from ..commands.render import clashing_outputs
    from ..errors import OutputError

    clashes = clashing_outputs(work)
    if clashes:
        raise OutputError("\n".join(f"{clash}. Chưa ghi tệp nào." for clash in clashes))
    return work


def _build(
    work: list[RenderJob], jobs: int | None, soffice: str | None, timeout: float
) -> list[ReportOutcome]:
    """The Word files of every job, then (with ``soffice``) their PDF copies."""
    outcomes = _run(work, jobs)
    if soffice is not None:
        _convert(outcomes, soffice, timeout)
    return outcomes


def _print_outcomes(outcomes: list[ReportOutcome], printer: ProblemPrinter) -> None:
    for outcome in outcomes:
        reason = refusal(*outcome.refused) if outcome.refused else outcome.error
        if reason is not None and len(outcomes) > 1:
            reason = f"{outcome.name}: {reason}"
        console.report_outcome(outcome, reason, printer.shown(outcome.problems), printer.quiet)
    if len(outcomes) > 1:
        console.render_summary(outcomes, refusal, printer.quiet)


def _watching(
    workspace: Workspace,
    names: list[str],
    templates: Path,
    planned: Callable[[], list[RenderJob]],
    run: Callable[[list[RenderJob]], list[ReportOutcome]],
    printer: ProblemPrinter,
) -> WatchSession:
    """The watch of the files that rendering ``names`` reads (see ``cli.watching``)."""
    from ..commands.watch import Watcher, watched_files
    from .watching import WatchSession

    watcher = Watcher(lambda: watched_files(workspace, names, templates))
    return WatchSession(watcher, planned, run, printer)


def _render_names(workspace: Workspace, years: list[str] | None, all_years: bool) -> list[str]:
    """The years and files named, and with ``--all`` every year that has reports."""
    from ..errors import DataFileNotFound

    every = workspace.report_years() if all_years else []
    names = list(dict.fromkeys([*(years or []), *every]))
    if not names:
        if all_years:
            raise DataFileNotFound(f"không có báo cáo nào trong thư mục '{workspace.reports}'.")
        raise _missing_years()
    return names


def _soffice() -> str | None:
    """LibreOffice's ``soffice``, or ``None`` after saying how to install it."""
    from ..commands.pdf import INSTALL_HINT, find_soffice

    soffice = find_soffice()
    if soffice is None:
        console.error(INSTALL_HINT)
    return soffice


def _run(work: list[RenderJob], jobs: int | None) -> list[ReportOutcome]:
    """Every job's outcome, in the order of the jobs, with a progress bar meanwhile."""
    from ..commands.render import run_jobs

    outcomes = {}
    label = f"Đang tạo tệp Word của {len(work)} báo cáo"
    with console.progress(len(work), label) as steps:
        for outcome in run_jobs(work, jobs):
            outcomes[outcome.name] = outcome
            steps.done(f"Tệp Word: xong {outcome.name}")
    return [outcomes[job.name] for job in work]


def _convert(outcomes: list[ReportOutcome], soffice: str, timeout: float) -> None:
    """The PDF copies of every Word file written, with a progress bar meanwhile."""
    from ..commands.render import convert_outcomes

    count = sum(len(outcome.written) for outcome in outcomes)
    if not count:
        return
    label = f"Đang mở LibreOffice để chuyển {count} tệp Word sang PDF"
    with console.progress(count, label) as steps:
        convert_outcomes(outcomes, soffice, timeout, _PdfSteps(steps))


class _PdfSteps:
    """The PDF conversion's news, shown on the progress bar."""

    def __init__(self, steps: console.Steps) -> None:
        self.steps = steps

    def converting(self, source: Path) -> None:
        self.steps.doing(f"PDF: đang chuyển {source.name}")

    def finished(self, result: PdfResult) -> None:
        name = Path(result.source).name
        self.steps.done(f"PDF: xong {name}" if result.pdf else f"PDF: lỗi {name}")


def _missing_years() -> Exception:
    """The usage error typer gives for a missing argument (NĂM is optional for --all)."""
    try:
        from typer._click.exceptions import MissingParameter
    except ImportError:  # another typer version: still a usage error (exit 2)
        return typer.BadParameter("cần ít nhất một năm, hoặc --all.", param_hint="NĂM")
    return MissingParameter(param_hint="'NĂM'", param_type="argument")


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
    from ..yearfile import migrate as migration

    workspace = workspace_for(data_dir)
    for name in years:
        path = workspace.year_path(name)
        planned = migration.plan(path, workspace.reports, report_id)
        if planned is None:
            console.plain(
                f"Không có gì để tách: '{path}' đã ở dạng mới (không còn phần 'report:'; mỗi "
                f"báo cáo là một tệp .md trong '{workspace.reports}/NĂM/').\n"
            )
            continue
        migration.apply(planned)
        console.wrote(str(planned.report_path), "báo cáo")
        console.wrote(str(planned.data_path), "dữ liệu (không còn phần 'report')")
        console.wrote(str(planned.backup_path), "bản lưu tệp cũ")
