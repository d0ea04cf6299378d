"""The baocao command line: parse arguments, call the library, print, exit.

Commands import heavy libraries (docx, lxml) only inside their own body so that
``baocao --help`` and ``baocao validate`` answer at once.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from . import cli_text, console
from .errors import BaocaoError, DataError

if TYPE_CHECKING:
    from .diff import Comparison
    from .workspace import Workspace

cli_text.install()

app = typer.Typer(
    name="baocao",
    help="Soạn BÁO CÁO chuyển đổi số và Phụ lục từ dữ liệu YAML theo Nghị định 30/2020/NĐ-CP.",
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)


@app.callback()
def root() -> None:
    """Soạn BÁO CÁO chuyển đổi số và Phụ lục từ dữ liệu YAML theo Nghị định 30/2020/NĐ-CP."""


YearsArgument = Annotated[
    list[str],
    typer.Argument(
        help="Năm (ví dụ 2024, đọc data/2024.yaml) hoặc đường dẫn tới tệp YAML.",
        show_default=False,
        metavar="NĂM",
    ),
]
DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help="Thư mục chứa các tệp năm (mặc định: data/, hoặc theo baocao.yaml).",
        metavar="THƯ_MỤC",
        show_default=False,
    ),
]

Command = TypeVar("Command", bound=Callable[..., None])


def command(name: str | None = None) -> Callable[[Command], Command]:
    """Register a command whose library errors all end the same way: the message,
    then exit code 1 (usage errors stay typer's, exit code 2)."""

    def register(function: Command) -> Command:
        @functools.wraps(function)
        def handled(*args: Any, **kwargs: Any) -> None:
            try:
                function(*args, **kwargs)
            except BaocaoError as exc:
                report_error(exc)
                raise typer.Exit(code=1) from None

        app.command(name)(handled)
        return function

    return register


def report_error(exc: BaocaoError) -> None:
    """The one place a library error becomes output."""
    if isinstance(exc, DataError):
        console.problems(exc.problems)
        errors = sum(1 for p in exc.problems if p.severity == "lỗi")
        console.error(refusal(errors, len(exc.problems) - errors))
    else:
        console.error(str(exc))


def workspace_for(
    data: Path | None = None, templates: Path | None = None, out: Path | None = None
) -> Workspace:
    from .workspace import Workspace

    return Workspace.open(Path("."), data=data, templates=templates, out=out)


def refusal(errors: int, warnings: int) -> str:
    if errors:
        return f"dữ liệu không hợp lệ ({errors} lỗi, {warnings} cảnh báo), chưa ghi tệp nào."
    return (
        f"dữ liệu có {warnings} cảnh báo, chưa ghi tệp nào "
        "(sửa dữ liệu, hoặc dùng --draft để tạo bản nháp)."
    )


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
            "--pdf-timeout", min=1, help="Thời gian tối đa cho mỗi tệp PDF (giây).", metavar="GIÂY"
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


class DiffFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    md = "md"
    docx = "docx"


NOT_FOUND = "không tìm thấy tệp dữ liệu"

DIFF_KINDS = {"csv": "bảng so sánh CSV", "json": "so sánh JSON", "md": "bảng so sánh Markdown"}

FormatOption = Annotated[
    DiffFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="table (bảng trên màn hình), csv, json, md hoặc docx "
        "(mặc định: theo đuôi tệp --output, nếu không thì table).",
        show_default=False,
    ),
]


@command()
def diff(
    years: YearsArgument,
    fmt: FormatOption = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Tệp ghi kết quả (mặc định: in ra màn hình; docx: out/SoSanh_<các năm>.docx).",
            metavar="TỆP",
        ),
    ] = None,
    data_dir: DataOption = None,
) -> None:
    """So sánh chỉ tiêu giữa hai năm trở lên (mỗi năm một cột)."""
    from .diff import compare
    from .errors import DataFileNotFound, Problem

    if len(years) < 2:
        raise typer.BadParameter("cần ít nhất hai năm để so sánh.", param_hint="NĂM")
    if len(set(years)) < len(years):
        raise typer.BadParameter("mỗi năm chỉ nêu một lần.", param_hint="NĂM")
    kind = _output_kind(fmt, output)
    workspace = workspace_for(data_dir)
    problems = []
    datasets = []
    for year in years:
        try:
            datasets.append(workspace.load(year))
        except DataError as exc:
            problems += exc.problems
        except DataFileNotFound:
            problems.append(Problem(str(workspace.year_path(year)), None, None, NOT_FOUND))
    if problems:
        raise DataError(problems)
    comparison = compare(datasets)
    if kind == "table":
        console.comparison_table(comparison)
    elif kind == "docx":
        from .render.comparison import comparison_docx
        from .render.output import write_atomically

        years_label = "_".join(map(str, comparison.years))
        target = output or workspace.out / f"SoSanh_{years_label}.docx"
        write_atomically(target, comparison_docx(comparison))
        console.wrote(str(target), "bảng so sánh Word")
    else:
        _write_text(kind, comparison, output)


def _output_kind(fmt: DiffFormat | None, output: Path | None) -> str:
    kind = fmt.value if fmt else _format_from(output)
    if kind == "table" and output is not None:
        raise typer.BadParameter(
            "bảng chỉ in ra màn hình; dùng --format csv, json, md hoặc docx để ghi tệp.",
            param_hint="--output",
        )
    return kind


def _format_from(output: Path | None) -> str:
    suffix = output.suffix.lower().lstrip(".") if output else ""
    return {"csv": "csv", "json": "json", "md": "md", "docx": "docx"}.get(suffix, "table")


def _write_text(kind: str, comparison: Comparison, output: Path | None) -> None:
    from . import diff_export

    text = {
        "csv": diff_export.to_csv,
        "json": diff_export.to_json,
        "md": diff_export.to_markdown,
    }[kind](comparison)
    _emit_text(kind, text, output)


def _emit_text(kind: str, text: str, output: Path | None) -> None:
    """Print ``text``, or write it atomically (CSV with a BOM so Excel reads the diacritics)."""
    if output is None:
        console.plain(text)
        return
    from .render.output import write_atomically

    encoding = "utf-8-sig" if kind == "csv" else "utf-8"
    write_atomically(output, text.encode(encoding))
    console.wrote(str(output), DIFF_KINDS[kind])


COMPARE_WRITERS = {"csv": "to_csv", "json": "to_json", "md": "to_markdown"}


@command()
def compare(
    year: Annotated[
        str,
        typer.Argument(
            help="Năm (ví dụ 2024, đọc data/2024.yaml) hoặc đường dẫn tới tệp YAML.",
            show_default=False,
            metavar="NĂM",
        ),
    ],
    fmt: FormatOption = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Tệp ghi kết quả (mặc định: in ra màn hình; docx: out/SoSanhDonVi_<năm>.docx).",
            metavar="TỆP",
        ),
    ] = None,
    data_dir: DataOption = None,
) -> None:
    """So sánh chỉ tiêu giữa các đơn vị báo cáo của một năm (phần units), kể cả tỷ lệ hợp nhất."""
    from .units import compare_units

    kind = _output_kind(fmt, output)
    workspace = workspace_for(data_dir)
    comparison = compare_units(workspace.load(year))
    if kind == "table":
        console.unit_comparison_table(comparison)
        return
    from .render.output import write_atomically

    if kind == "docx":
        from .render.unit_comparison import unit_comparison_docx

        target = output or workspace.out / f"SoSanhDonVi_{comparison.year}.docx"
        write_atomically(target, unit_comparison_docx(comparison))
        console.wrote(str(target), "bảng so sánh Word")
        return
    from . import units_export

    _emit_text(kind, getattr(units_export, COMPARE_WRITERS[kind])(comparison), output)


def main() -> None:
    """Console-script entry point."""
    import gc

    # A short-lived process building many small objects (YAML nodes, models, XML
    # strings): collect young objects less often, about a tenth of the run time.
    gc.set_threshold(100_000, 50, 100)
    app()
