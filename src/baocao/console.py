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


def plain(text: str) -> None:
    """Print ``text`` exactly as given (CSV, JSON, Markdown sent to standard output)."""
    out.out(text, end="", highlight=False)


def comparison_table(comparison) -> None:
    """``baocao diff``: metrics of every year side by side, then those found in only some."""
    from rich import box
    from rich.table import Table

    from . import diff_export as export

    table = Table(title=export.title(comparison), box=box.SQUARE, show_lines=True)
    for index, header in enumerate(export.headers(comparison)):
        table.add_column(header, ratio=3 if index == 0 else 2, overflow="fold")
    for metric in comparison.metrics:
        cells = [escape("\n".join(cell)) for cell in export.row(metric)]
        cells[0] += f"\n[dim]{escape(metric.id)}[/dim]"
        table.add_row(*cells)
    out.print(table)
    out.print(escape(export.summary(comparison)))
    if comparison.partial:
        out.print()
        apart = Table(title=export.PARTIAL_TITLE, box=box.SQUARE, show_lines=True)
        for index, header in enumerate(export.PARTIAL_HEADERS):
            apart.add_column(header, ratio=3 if index != 1 else 1, overflow="fold")
        for metric in comparison.partial:
            cells = [escape("\n".join(cell)) for cell in export.partial_row(metric)]
            cells[0] += f"\n[dim]{escape(metric.id)}[/dim]"
            apart.add_row(*cells)
        out.print(apart)


def unit_comparison_table(comparison) -> None:
    """``baocao compare``: one table per group of units reporting the indicators."""
    from rich import box
    from rich.table import Table

    from . import units_export as export

    out.print(escape(export.title(comparison)))
    for units, indicators in comparison.groups():
        table = Table(
            title=export.group_title(comparison, units), box=box.SQUARE, show_lines=True
        )
        for index, header in enumerate(export.headers(comparison)):
            table.add_column(header, ratio=3 if index == 0 else 2, overflow="fold")
        for indicator in indicators:
            cells = [escape("\n".join(cell)) for cell in export.row(comparison, indicator)]
            cells[0] += f"\n[dim]{escape(indicator.id)}[/dim]"
            table.add_row(*cells)
        out.print(table)
    out.print(escape(export.merge_note()))


def problem_lines(items: Iterable[Problem]) -> None:
    """``baocao validate``: one line per problem on standard output, for editors to jump to."""
    for problem in items:
        colour = "red" if problem.severity == "lỗi" else "yellow"
        out.print(f"[{colour}]{escape(str(problem))}[/{colour}]")


def problems_json(items: Iterable[Problem]) -> None:
    """``baocao validate --format json``: the same problems as a JSON list."""
    import json

    rows = [
        {
            "file": p.path,
            "line": p.line,
            "column": p.column,
            "severity": p.severity,
            "level": "error" if p.severity == "lỗi" else "warning",
            "message": p.message,
        }
        for p in items
    ]
    plain(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")


def validation_summary(errors: int, warnings: int) -> None:
    text = f"{errors} lỗi, {warnings} cảnh báo"
    if not errors and not warnings:
        text += ": dữ liệu hợp lệ"
    colour = "red" if errors else "yellow" if warnings else "green"
    out.print(f"[{colour}]{escape(text)}[/{colour}]")
