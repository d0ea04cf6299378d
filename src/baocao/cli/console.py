"""Everything baocao prints: messages, problem lists, tables.

rich draws colours, tables and progress bars; it is imported only when one of them is
drawn. A line of text sent to a file, a pipe or an editor (``baocao validate`` run by
VS Code) is written as it is, without loading rich: rich would write the same text.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from ..errors import Problem

if TYPE_CHECKING:
    from datetime import date

    from rich.console import Console
    from rich.progress import Progress, TaskID

    from ..collection.status import RoundStatus
    from ..commands.render import ReportOutcome
    from ..metrics.units import UnitComparison
    from ..metrics.years import Comparison

_consoles: dict[bool, Console] = {}
CONTROL_CODES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters, but for tab and line break: taken out of every printed text. A
user's file (a name in a zip, a cell of a workbook) could otherwise send the terminal
escape sequences that clear it or retitle it; rich removes only a few of them."""


def _console(stderr: bool = False) -> Console:
    if stderr not in _consoles:
        from rich.console import Console

        _consoles[stderr] = Console(stderr=stderr, highlight=False, soft_wrap=True, emoji=False)
    return _consoles[stderr]


def __getattr__(name: str) -> Console:
    """``console.out`` and ``console.err``: standard output and standard error."""
    if name in ("out", "err"):
        return _console(stderr=name == "err")
    raise AttributeError(name)


def escape(text: str) -> str:
    """``text`` printed as typed, never read as rich markup."""
    from rich.markup import escape as rich_escape

    return rich_escape(CONTROL_CODES.sub("", text))


Piece = str | tuple[str, str]
"""Part of a line: text, or text and its style (``"red"``)."""


def _say(*pieces: Piece, stderr: bool = False) -> None:
    """One line of ``pieces`` (text printed as typed, never read as markup)."""
    clean = [
        CONTROL_CODES.sub("", p) if isinstance(p, str) else (CONTROL_CODES.sub("", p[0]), p[1])
        for p in pieces
    ]
    if _drawn(stderr):
        from rich.text import Text

        _console(stderr).print(Text.assemble(*clean))
        return
    _write("".join(p if isinstance(p, str) else p[0] for p in clean) + "\n", stderr)


def _drawn(stderr: bool) -> bool:
    """Whether rich is needed to print there: a terminal, or colours forced (rich reads
    the same variables)."""
    stream = sys.stderr if stderr else sys.stdout
    forced = os.environ.get("FORCE_COLOR") or os.environ.get("TTY_COMPATIBLE") == "1"
    try:
        return bool(forced) or stream.isatty()
    except (AttributeError, ValueError):
        return False


def wrote(path: str, kind: str) -> None:
    _say(("Đã ghi", "green"), f" {kind}: {path}")


def problems(items: Iterable[Problem]) -> None:
    _problem_lines(items, stderr=True)


def _colour(problem: Problem) -> str:
    return "red" if problem.is_error else "yellow"


def _problem_lines(items: Iterable[Problem], stderr: bool = False) -> None:
    """One line per problem, coloured on a terminal. To a file or a pipe the lines are
    written at once: a report can hold a hundred thousand problems."""
    if _drawn(stderr):
        for problem in items:
            _say((str(problem), _colour(problem)), stderr=stderr)
        return
    _write(CONTROL_CODES.sub("", "".join(f"{problem}\n" for problem in items)), stderr)


def _write(text: str, stderr: bool = False) -> None:
    """``text`` to standard output (or error) as it is, nothing added or styled."""
    stream = sys.stderr if stderr else sys.stdout
    stream.write(text)
    stream.flush()


def error(message: str) -> None:
    _say(("Lỗi:", "red"), f" {message}", stderr=True)


FINDING_COLOURS = {"đạt": "green", "cảnh báo": "yellow", "lỗi": "red"}


def finding(status: str, subject: str, detail: str) -> None:
    """One line of ``baocao kiemtra-may``: status, what was checked, what was found."""
    colour = FINDING_COLOURS.get(status, "white")
    _console().print(
        f"  [{colour}]{escape(status):<8}[/{colour}] {escape(subject)}: {escape(detail)}"
    )


def stream_is_terminal() -> bool:
    return sys.stdout.isatty()


def plain(text: str) -> None:
    """Print ``text`` exactly as given (CSV, JSON, Markdown sent to standard output)."""
    if _drawn(stderr=False):
        _console().out(text, end="", highlight=False)
    else:
        _write(text)


NARROW = 100
"""Below this many columns a comparison's table would break its cells (and the metric
ids under the names) into pieces: each metric is printed as a block of lines instead."""


def narrow() -> bool:
    return _console().width < NARROW


def blocks(title: str, headers: list[str], rows: Iterable[tuple[str, list[list[str]]]]) -> None:
    """A comparison on a narrow screen: per metric its name, its id whole, then one
    ``header: value`` line per column."""
    _console().print(escape(title))
    for metric_id, cells in rows:
        _console().print()
        _console().print(f"[bold]{escape(' '.join(cells[0]))}[/bold]")
        _console().print(f"  mã: {escape(metric_id)}")
        for header, cell in zip(headers[1:], cells[1:], strict=True):
            if any(cell):
                label = " ".join(header.split())
                _console().print(f"  {escape(label)}: {escape(' '.join(cell))}")


def wide_view_hint(command: str) -> None:
    """On a narrow screen, how to see the comparison as a table (``command``)."""
    if narrow():
        _console().print()
        _console().print(
            f"Màn hình hẹp ({_console().width} cột) nên bảng được in thành từng khối. "
            f"Xem dạng bảng trong Excel: {escape(command)}"
        )


def comparison_table(comparison: Comparison) -> None:
    """``baocao diff``: metrics of every year side by side, then those found in only some
    (as blocks of lines on a narrow screen)."""
    from rich import box
    from rich.table import Table

    from ..tables import years as export

    if narrow():
        _comparison_blocks(comparison)
        return
    table = Table(title=export.title(comparison), box=box.SQUARE, show_lines=True)
    for index, header in enumerate(export.headers(comparison)):
        table.add_column(header, ratio=3 if index == 0 else 2, overflow="fold")
    for metric in comparison.metrics:
        cells = [escape("\n".join(cell)) for cell in export.row(metric)]
        cells[0] += f"\n[dim]{escape(metric.id)}[/dim]"
        table.add_row(*cells)
    _console().print(table)
    _console().print(escape(export.summary(comparison)))
    if comparison.partial:
        _console().print()
        apart = Table(title=export.PARTIAL_TITLE, box=box.SQUARE, show_lines=True)
        for index, header in enumerate(export.PARTIAL_HEADERS):
            apart.add_column(header, ratio=3 if index != 1 else 1, overflow="fold")
        for partial in comparison.partial:
            cells = [escape("\n".join(cell)) for cell in export.partial_row(partial, comparison)]
            cells[0] += f"\n[dim]{escape(partial.id)}[/dim]"
            apart.add_row(*cells)
        _console().print(apart)


def _comparison_blocks(comparison: Comparison) -> None:
    from ..tables import years as export

    headers = export.headers(comparison)
    blocks(export.title(comparison), headers, ((m.id, export.row(m)) for m in comparison.metrics))
    _console().print(escape(export.summary(comparison)))
    if comparison.partial:
        _console().print()
        rows = ((p.id, export.partial_row(p, comparison)) for p in comparison.partial)
        blocks(export.PARTIAL_TITLE, list(export.PARTIAL_HEADERS), rows)


def unit_comparison_table(comparison: UnitComparison) -> None:
    """``baocao compare``: one table per group of units reporting the indicators (as
    blocks of lines on a narrow screen)."""
    from rich import box
    from rich.table import Table

    from ..tables import units as export

    if narrow():
        headers = export.headers(comparison)
        _console().print(escape(export.title(comparison)))
        for units, indicators in comparison.groups():
            rows = ((i.id, export.row(comparison, i)) for i in indicators)
            blocks(export.group_title(comparison, units), headers, rows)
        if export.any_merged(comparison):
            _console().print(escape(export.merge_note()))
        return
    _console().print(escape(export.title(comparison)))
    for units, indicators in comparison.groups():
        table = Table(title=export.group_title(comparison, units), box=box.SQUARE, show_lines=True)
        for index, header in enumerate(export.headers(comparison)):
            table.add_column(header, ratio=3 if index == 0 else 2, overflow="fold")
        for indicator in indicators:
            cells = [escape("\n".join(cell)) for cell in export.row(comparison, indicator)]
            cells[0] += f"\n[dim]{escape(indicator.id)}[/dim]"
            table.add_row(*cells)
        _console().print(table)
    if export.any_merged(comparison):
        _console().print(escape(export.merge_note()))


def status_table(status: RoundStatus, deadline: date | None, today: date) -> None:
    """``baocao status``: one row per agency, late ones in red."""
    from rich import box
    from rich.table import Table

    from ..tables import status as export

    table = Table(title=export.title(status, deadline), box=box.SQUARE)
    for index, header in enumerate(export.SCREEN_HEADERS):
        table.add_column(header, ratio=3 if index == 1 else 1, overflow="fold")
    rows = export.screen_rows(status, deadline, today)
    for row, cells in zip(status.agencies, rows, strict=True):
        texts = [escape(cell) for cell in cells]
        if row.overdue(deadline, today):
            texts[-1] = f"[red]{texts[-1]}[/red]"
        table.add_row(*texts)
    _console().print(table)
    _console().print(escape(export.totals(status, deadline, today)))


def problem_lines(items: Iterable[Problem]) -> None:
    """``baocao validate``: one line per problem on standard output, for editors to jump to."""
    _problem_lines(items)


def problems_json(items: Iterable[Problem]) -> None:
    """``baocao validate --format json``: the same problems as a JSON list."""
    import json

    rows = [
        {
            "file": p.path,
            "line": p.line,
            "column": p.column,
            "severity": p.severity.value,
            "level": "error" if p.is_error else "warning",
            "message": p.message,
        }
        for p in items
    ]
    plain(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")


def validation_summary(errors: int, warnings: int, notices: int = 0) -> None:
    text = f"{errors} lỗi, {warnings} cảnh báo" + (f", {notices} lưu ý" if notices else "")
    if not errors and not warnings:
        text += ": dữ liệu hợp lệ"
    _say((text, "red" if errors else "yellow" if warnings else "green"))


class Steps:
    """What a progress bar is told: a step done, or what is being done now."""

    def __init__(self, bar: Progress | None = None, task: TaskID | None = None) -> None:
        self._bar = bar
        self._task = task

    def done(self, text: str) -> None:
        """One more step finished; ``text`` says which."""
        self._show(text, advance=1)

    def doing(self, text: str) -> None:
        """``text`` says what the current step is doing."""
        self._show(text, advance=0)

    def _show(self, text: str, advance: int) -> None:
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, advance=advance, description=escape(text), refresh=True)


@contextmanager
def progress(total: int, label: str) -> Iterator[Steps]:
    """A progress bar on standard error while ``total`` steps run, ``label`` until the
    first is done; its spinner turns while a step takes long. Drawn only on a
    terminal, and gone when finished."""
    if not _drawn(stderr=True) or not _console(stderr=True).is_terminal:  # no empty line
        yield Steps()
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

    bar = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=_console(stderr=True),
        transient=True,
    )
    with bar:
        yield Steps(bar, bar.add_task(escape(label), total=total))


def report_outcome(
    outcome: ReportOutcome, failure: str | None, shown: list[Problem], quiet: bool = False
) -> None:
    """``baocao render``: one report's problems (those ``shown``: see ``cli.output``),
    failure, and the files it wrote (not when ``quiet``)."""
    problems(shown)
    if failure is not None:
        error(failure)
    for path, kind in [] if quiet else [*outcome.written, *outcome.pdfs]:
        wrote(path, kind)
    for path, reason in outcome.pdf_errors:
        error(f"không tạo được PDF từ '{path}': {reason}")


def render_summary(
    outcomes: list[ReportOutcome], refusal: Callable[[int, int], str], quiet: bool = False
) -> None:
    """``baocao render`` of several reports: one line per report (not when ``quiet``),
    then the totals."""
    from pathlib import Path

    if not quiet:
        _say("Tổng kết:")
    for outcome in [] if quiet else outcomes:
        if outcome.refused is not None or outcome.error is not None:
            text = refusal(*outcome.refused) if outcome.refused else str(outcome.error)
        else:
            files = [*outcome.written, *outcome.pdfs]
            text = "đã ghi " + ", ".join(Path(path).name for path, _kind in files)
            if outcome.pdf_errors:
                failed = ", ".join(Path(path).name for path, _reason in outcome.pdf_errors)
                text += f"; không tạo được PDF từ {failed}"
        mark = ("lỗi", "red") if outcome.failed else ("xong", "green")
        _say(f"  {outcome.name}: ", mark, f": {text}")
    failures = sum(1 for outcome in outcomes if outcome.failed)
    done = len(outcomes) - failures
    _say((f"{done} văn bản xong, {failures} văn bản lỗi.", "red" if failures else "green"))
