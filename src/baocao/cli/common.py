"""What every command shares: its options, and the one place where a library error
becomes a message and an exit code (``handled``)."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..errors import BaocaoError, DataError, Severity, unexpected
from . import console

if TYPE_CHECKING:
    from ..workspace import Workspace


def complete_year(incomplete: str) -> list[str]:
    """The years of the workspace, for the shell's Tab completion of NĂM."""
    from ..workspace import Workspace

    try:
        workspace = Workspace.find(Path("."))
        years = set(workspace.years()) | set(workspace.report_years())
    except (BaocaoError, OSError):
        return []
    return sorted(year for year in years if year.startswith(incomplete))


YearsArgument = Annotated[
    list[str],
    typer.Argument(
        help="Năm (ví dụ 2024, đọc data/2024.yaml) hoặc đường dẫn tới tệp YAML.",
        show_default=False,
        metavar="NĂM",
        autocompletion=complete_year,
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


class ProblemFormat(str, Enum):
    """How problems are printed: a line each, or JSON for other tools."""

    text = "text"
    json = "json"


Command = Callable[..., None]


DEBUG = "BAOCAO_DEBUG"
"""Set in the environment, an unexpected error shows its Python traceback."""


def handled(function: Command) -> Command:
    """``function`` as a command whose library errors all end the same way: the message,
    then exit code 1 (usage errors stay typer's, exit code 2)."""

    @functools.wraps(function)
    def run(*args: Any, **kwargs: Any) -> None:
        try:
            function(*args, **kwargs)
        except BaocaoError as exc:
            report_error(exc)
            raise typer.Exit(code=1) from None
        except OSError as exc:  # a file the library did not expect to fail
            if DEBUG in os.environ:
                raise
            from ..files import os_error_message

            console.error(os_error_message(exc))
            raise typer.Exit(code=1) from None
        except Exception as exc:
            if type(exc).__module__.startswith(("typer", "click")) or DEBUG in os.environ:
                raise  # typer's own exits and usage errors; a developer's traceback
            from ..load.messages import explain

            console.error(unexpected(exc, explain(exc)))
            raise typer.Exit(code=1) from None

    return run


def report_error(exc: BaocaoError) -> None:
    """The one place a library error becomes output."""
    if isinstance(exc, DataError):
        console.problems(exc.problems)
        errors = sum(1 for p in exc.problems if p.is_error)
        warnings = sum(1 for p in exc.problems if p.severity == Severity.WARNING)
        console.error(refusal(errors, warnings))
    else:
        console.error(str(exc))


def workspace_for(data: Path | None = None) -> Workspace:
    """The workspace the current folder is in (it or a folder above it), with
    ``--data`` when given."""
    from ..workspace import Workspace

    return Workspace.find(Path("."), data=data)


def refusal(errors: int, warnings: int) -> str:
    if errors:
        return f"dữ liệu không hợp lệ ({errors} lỗi, {warnings} cảnh báo), chưa ghi tệp nào."
    return (
        f"dữ liệu có {warnings} cảnh báo, chưa ghi tệp nào "
        "(sửa dữ liệu, hoặc dùng --draft để tạo bản nháp)."
    )
