"""The baocao command line: parse arguments, call the library, print, exit.

Commands import heavy libraries (docx, lxml) only inside their own body so that
``baocao --help`` and ``baocao validate`` answer at once.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from . import console
from .cli_common import DataOption, YearsArgument, app, command, refusal, workspace_for
from .errors import OutputError

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
    """Kiểm tra tệp dữ liệu của một hay nhiều năm và báo mọi vấn đề tìm thấy."""
    from .checks import validate as validate_year
    from .errors import DataFileNotFound

    workspace = workspace_for(data_dir)
    problems = []
    missing = False
    for year in years:
        try:
            problems += validate_year(year, workspace=workspace).problems
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


@command()
def schema() -> None:
    """In JSON Schema của tệp dữ liệu năm (cho trình soạn thảo YAML)."""
    from .schema import schema_text

    console.plain(schema_text())


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
        bool, typer.Option("--all", help="Tạo cho mọi năm có tệp NĂM.yaml trong thư mục dữ liệu.")
    ] = False,
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
    """Tạo BÁO CÁO và Phụ lục (tệp Word, thêm PDF nếu cần) của một hay nhiều năm."""
    from . import batch
    from .errors import DataFileNotFound

    workspace = workspace_for(data_dir, templates, out)
    names = list(dict.fromkeys([*(years or []), *(workspace.years() if all_years else [])]))
    if not names:
        if all_years:
            raise DataFileNotFound(
                f"không có tệp năm nào (NĂM.yaml) trong thư mục '{workspace.data}'."
            )
        raise _missing_years()
    soffice = None
    if pdf:
        from .render.pdf import INSTALL_HINT, find_soffice

        soffice = find_soffice()
        if soffice is None:
            console.error(INSTALL_HINT)
    work = [batch.RenderJob(name, workspace, draft, pdf, pdf_timeout, soffice) for name in names]
    clashes = batch.same_year_files(work)
    if clashes:
        raise OutputError("\n".join(f"{clash}. Chưa ghi tệp nào." for clash in clashes))
    outcomes = {}
    with console.progress(len(work), "Đang tạo báo cáo") as done:
        for outcome in batch.run_jobs(work, jobs):
            outcomes[outcome.year] = outcome
            done(f"Xong {outcome.year}")
    ordered = [outcomes[name] for name in names]
    for outcome in ordered:
        reason = refusal(*outcome.refused) if outcome.refused else outcome.error
        console.year_outcome(outcome, reason)
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


from . import cli_compare  # noqa: E402,F401 - registers diff and compare after render


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


def main() -> None:
    """Console-script entry point."""
    import gc

    # A short-lived process building many small objects (YAML nodes, models, XML
    # strings): collect young objects less often, about a tenth of the run time.
    gc.set_threshold(100_000, 50, 100)
    app()
