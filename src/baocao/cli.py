"""The baocao command line: parse arguments, call the library, print, exit.

Commands import heavy libraries (docx, lxml) only inside their own body so that
``baocao --help`` and ``baocao validate`` answer at once.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from . import cli_text, console
from .errors import BaocaoError, DataError

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
    Path, typer.Option("--data", help="Thư mục chứa các tệp năm.", metavar="THƯ_MỤC")
]


def fail(exc: BaocaoError) -> typer.Exit:
    if isinstance(exc, DataError):
        console.problems(exc.problems)
        count = sum(1 for p in exc.problems if p.severity == "lỗi")
        console.error(f"dữ liệu không hợp lệ ({count} lỗi), chưa ghi tệp nào.")
    else:
        console.error(str(exc))
    return typer.Exit(code=1)


def refusal(errors: int, warnings: int) -> str:
    if errors:
        return f"dữ liệu không hợp lệ ({errors} lỗi, {warnings} cảnh báo), chưa ghi tệp nào."
    return (
        f"dữ liệu có {warnings} cảnh báo, chưa ghi tệp nào "
        "(sửa dữ liệu, hoặc dùng --draft để tạo bản nháp)."
    )


def _pdf_timeout(value: float) -> float:
    from .render.pdf import check_timeout

    return check_timeout(value)


class ProblemFormat(str, Enum):
    text = "text"
    json = "json"


@app.command()
def validate(
    years: YearsArgument,
    strict: Annotated[
        bool, typer.Option("--strict", help="Coi cảnh báo là lỗi (mã thoát 1).")
    ] = False,
    fmt: Annotated[
        ProblemFormat,
        typer.Option("--format", "-f", help="text (mỗi vấn đề một dòng) hoặc json."),
    ] = ProblemFormat.text,
    data_dir: DataOption = Path("data"),
) -> None:
    """Kiểm tra tệp dữ liệu của một hay nhiều năm và báo mọi vấn đề tìm thấy."""
    from .checks import validate as validate_year
    from .errors import DataFileNotFound

    problems = []
    missing = False
    for year in years:
        try:
            problems += validate_year(year, data_dir).problems
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
    if missing:
        raise typer.Exit(code=2)
    if errors or (strict and warnings):
        raise typer.Exit(code=1)


@app.command()
def schema() -> None:
    """In JSON Schema của tệp dữ liệu năm (cho trình soạn thảo YAML)."""
    from .schema import schema_text

    console.plain(schema_text())


@app.command()
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
        Path, typer.Option("--out", "-o", help="Thư mục ghi tệp Word.", metavar="THƯ_MỤC")
    ] = Path("out"),
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates",
            help="Thư mục chứa BaoCao.docx và PhuLuc.docx (mặc định: templates/).",
            metavar="THƯ_MỤC",
        ),
    ] = None,
    data_dir: DataOption = Path("data"),
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
    from .locations import templates_dir

    names = list(dict.fromkeys([*(years or []), *(batch.years_in(data_dir) if all_years else [])]))
    if not names:
        if all_years:
            console.error(f"không có tệp năm nào (NĂM.yaml) trong thư mục '{data_dir}'.")
            raise typer.Exit(code=1)
        raise _missing_years()
    soffice = None
    if pdf:
        from .render.pdf import INSTALL_HINT, find_soffice

        soffice = find_soffice()
        if soffice is None:
            console.error(INSTALL_HINT)
    folder = templates_dir(templates)
    work = [
        batch.RenderJob(name, data_dir, out, folder, draft, pdf, pdf_timeout, soffice)
        for name in names
    ]
    for clash in batch.same_year_files(work):
        console.error(f"{clash}. Chưa ghi tệp nào.")
        raise typer.Exit(code=1)
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


@app.command()
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
    data_dir: DataOption = Path("data"),
) -> None:
    """So sánh chỉ tiêu giữa hai năm trở lên (mỗi năm một cột)."""
    from .diff import compare
    from .loader import load_year

    if len(years) < 2:
        raise typer.BadParameter("cần ít nhất hai năm để so sánh.", param_hint="NĂM")
    if len(set(years)) < len(years):
        raise typer.BadParameter("mỗi năm chỉ nêu một lần.", param_hint="NĂM")
    kind = _output_kind(fmt, output)
    datasets = []
    for year in years:
        try:
            datasets.append(load_year(year, data_dir))
        except BaocaoError as exc:
            fail(exc)
    if len(datasets) < len(years):
        raise typer.Exit(code=1)
    try:
        comparison = compare(datasets)
        if kind == "table":
            console.comparison_table(comparison)
        elif kind == "docx":
            from .render.comparison import comparison_docx
            from .render.output import write_atomically

            target = output or Path("out") / f"SoSanh_{'_'.join(map(str, comparison.years))}.docx"
            write_atomically(target, comparison_docx(comparison))
            console.wrote(str(target), "bảng so sánh Word")
        else:
            _write_text(kind, comparison, output)
    except BaocaoError as exc:
        raise fail(exc) from None


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


def _write_text(kind: str, comparison, output: Path | None) -> None:
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


@app.command()
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
    data_dir: DataOption = Path("data"),
) -> None:
    """So sánh chỉ tiêu giữa các đơn vị báo cáo của một năm (phần units), kể cả tỷ lệ hợp nhất."""
    from .loader import load_year
    from .units import NoUnits, compare_units

    kind = _output_kind(fmt, output)
    try:
        comparison = compare_units(load_year(year, data_dir))
    except BaocaoError as exc:
        raise fail(exc) from None
    except NoUnits as exc:
        console.error(f"{exc}.")
        raise typer.Exit(code=1) from None
    if kind == "table":
        console.unit_comparison_table(comparison)
        return
    from .render.output import write_atomically

    if kind == "docx":
        from .render.unit_comparison import unit_comparison_docx

        target = output or Path("out") / f"SoSanhDonVi_{comparison.year}.docx"
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
