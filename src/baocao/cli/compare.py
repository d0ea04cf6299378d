"""``baocao diff`` and ``baocao compare``: tables of years and of units, on screen or in files."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..errors import DataError
from . import console
from .common import DataOption, YearsArgument, workspace_for

if TYPE_CHECKING:
    from ..metrics.years import Comparison


class DiffFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    md = "md"
    docx = "docx"
    xlsx = "xlsx"


NOT_FOUND = "không tìm thấy tệp dữ liệu"

DIFF_KINDS = {"csv": "bảng so sánh CSV", "json": "so sánh JSON", "md": "bảng so sánh Markdown"}

FormatOption = Annotated[
    DiffFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="table (bảng trên màn hình), csv, json, md, docx hoặc xlsx "
        "(mặc định: theo đuôi tệp --output, nếu không thì table).",
        show_default=False,
    ),
]


def _output_option(default: str) -> Any:
    """``--output``; ``default`` names the Word and Excel files written without it."""
    return typer.Option(
        "--output",
        "-o",
        help=f"Tệp ghi kết quả (mặc định: in ra màn hình; docx, xlsx: out/{default}.docx/.xlsx).",
        metavar="TỆP",
    )


DiffOutput = Annotated[Path | None, _output_option("SoSanh_<các năm>")]
CompareOutput = Annotated[Path | None, _output_option("SoSanhDonVi_<năm>")]


def diff(
    years: YearsArgument,
    fmt: FormatOption = None,
    output: DiffOutput = None,
    data_dir: DataOption = None,
) -> None:
    """So sánh chỉ tiêu giữa hai năm trở lên (mỗi năm một cột)."""
    from ..errors import DataFileNotFound, Problem
    from ..metrics.years import compare

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
    comparison = compare(datasets, names=years)
    if kind == "table":
        console.comparison_table(comparison)
        console.wide_view_hint(f"baocao diff {' '.join(years)} --format xlsx")
    elif kind == "docx":
        from ..files import write_atomically
        from ..render.comparison import comparison_docx

        years_label = "_".join(map(str, comparison.years))
        target = output or workspace.out / f"SoSanh_{years_label}.docx"
        write_atomically(target, comparison_docx(comparison))
        console.wrote(str(target), "bảng so sánh Word")
    elif kind == "xlsx":
        from ..excel.tables import comparison_xlsx
        from ..files import write_atomically

        target = output or workspace.out / f"SoSanh_{'_'.join(map(str, comparison.years))}.xlsx"
        write_atomically(target, comparison_xlsx(comparison))
        console.wrote(str(target), "bảng so sánh Excel")
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
    return {"csv": "csv", "json": "json", "md": "md", "docx": "docx", "xlsx": "xlsx"}.get(
        suffix, "table"
    )


def _write_text(kind: str, comparison: Comparison, output: Path | None) -> None:
    from ..tables import years

    text = {
        "csv": years.to_csv,
        "json": years.to_json,
        "md": years.to_markdown,
    }[kind](comparison)
    _emit_text(kind, text, output)


def _emit_text(kind: str, text: str, output: Path | None) -> None:
    """Print ``text``, or write it atomically (CSV with a BOM so Excel reads the diacritics)."""
    if output is None:
        console.plain(text)
        return
    from ..files import write_atomically

    encoding = "utf-8-sig" if kind == "csv" else "utf-8"
    write_atomically(output, text.encode(encoding))
    console.wrote(str(output), DIFF_KINDS[kind])


COMPARE_WRITERS = {"csv": "to_csv", "json": "to_json", "md": "to_markdown"}


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
    output: CompareOutput = None,
    data_dir: DataOption = None,
) -> None:
    """So sánh chỉ tiêu giữa các đơn vị báo cáo của một năm (phần units), kể cả tỷ lệ hợp nhất."""
    from ..metrics.units import compare_units

    kind = _output_kind(fmt, output)
    workspace = workspace_for(data_dir)
    comparison = compare_units(workspace.load(year))
    if kind == "table":
        console.unit_comparison_table(comparison)
        console.wide_view_hint(f"baocao compare {year} --format xlsx")
        return
    from ..files import write_atomically

    if kind == "docx":
        from ..render.unit_comparison import unit_comparison_docx

        target = output or workspace.out / f"SoSanhDonVi_{comparison.year}.docx"
        write_atomically(target, unit_comparison_docx(comparison))
        console.wrote(str(target), "bảng so sánh Word")
        return
    if kind == "xlsx":
        from ..excel.tables import unit_comparison_xlsx

        target = output or workspace.out / f"SoSanhDonVi_{comparison.year}.xlsx"
        write_atomically(target, unit_comparison_xlsx(comparison))
        console.wrote(str(target), "bảng so sánh Excel")
        return
    from ..tables import units

    _emit_text(kind, getattr(units, COMPARE_WRITERS[kind])(comparison), output)
