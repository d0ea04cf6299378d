"""The baocao command line: parse arguments, call the library, print, exit.

Commands import heavy libraries (docx, lxml) only inside their own body so that
``baocao --help`` and ``baocao validate`` answer at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import console
from .errors import BaocaoError, DataError

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


def fail(exc: BaocaoError) -> typer.Exit:
    if isinstance(exc, DataError):
        console.problems(exc.problems)
        count = sum(1 for p in exc.problems if p.severity == "lỗi")
        console.error(f"dữ liệu không hợp lệ ({count} lỗi), chưa ghi tệp nào.")
    else:
        console.error(str(exc))
    return typer.Exit(code=1)


@app.command()
def render(
    years: YearsArgument,
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
    data_dir: Annotated[
        Path, typer.Option("--data", help="Thư mục chứa các tệp năm.", metavar="THƯ_MỤC")
    ] = Path("data"),
) -> None:
    """Tạo BÁO CÁO và Phụ lục (tệp Word) của một năm."""
    from .loader import load_year
    from .locations import templates_dir
    from .render import render_year

    failed = False
    for year in years:
        try:
            data = load_year(year, data_dir)
            for written in render_year(data, templates_dir(templates), out):
                console.wrote(str(written.path), written.kind)
        except BaocaoError as exc:
            failed = True
            fail(exc)
    if failed:
        raise typer.Exit(code=1)


def main() -> None:
    """Console-script entry point."""
    app()
