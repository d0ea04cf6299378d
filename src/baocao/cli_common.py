"""What every command shares: the typer app, its options, and the one place where a
library error becomes a message and an exit code."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from . import cli_text, console
from .errors import BaocaoError, DataError, unexpected

if TYPE_CHECKING:
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


DEBUG = "BAOCAO_DEBUG"
"""Set in the environment, an unexpected error shows its Python traceback."""


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
            except Exception as exc:
                if type(exc).__module__.startswith(("typer", "click")) or DEBUG in os.environ:
                    raise  # typer's own exits and usage errors; a developer's traceback
                console.error(unexpected(exc))
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
