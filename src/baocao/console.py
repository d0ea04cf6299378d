"""Everything baocao prints: messages, problem lists, tables."""

from __future__ import annotations

import sys
from collections.abc import Iterable

from rich.console import Console
from rich.markup import escape

from .errors import Problem

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def wrote(path: str, kind: str) -> None:
    out.print(f"[green]Đã ghi[/green] {escape(kind)}: {escape(path)}")


def problems(items: Iterable[Problem]) -> None:
    for problem in items:
        colour = "red" if problem.severity == "lỗi" else "yellow"
        err.print(f"[{colour}]{escape(str(problem))}[/{colour}]")


def error(message: str) -> None:
    err.print(f"[red]Lỗi:[/red] {escape(message)}")


def stream_is_terminal() -> bool:
    return sys.stdout.isatty()
