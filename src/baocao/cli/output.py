"""How much a command prints: every problem once, many of one kind as one line, and
the ``--quiet`` and ``--verbose`` options that ask for less or for everything.

Right after ``baocao new 2025`` a year has a warning per metric still awaited (148 in
the shipped data) and one per sentence still naming the old year. Printed one a line
they bury the summary; printed as ``148 chỉ tiêu còn chờ số liệu năm 2025 → …`` with the
lines where they are, the next step is plain. ``--verbose`` prints them one a line
again, for an editor to jump to each.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Annotated

import typer

from ..errors import Problem

QuietOption = Annotated[
    bool,
    typer.Option("--quiet", "-q", help="Chỉ in lỗi và dòng tổng kết."),
]
VerboseOption = Annotated[
    bool,
    typer.Option(
        "--verbose",
        "-v",
        help="In từng vấn đề một dòng, kể cả những vấn đề cùng loại thường được gộp lại.",
    ),
]

GROUP_AT = 4
"""This many problems of one kind in one file are printed as one line."""
LINES_SHOWN = 6
"""How many of a group's line numbers that line lists."""


class Verbosity(Enum):
    QUIET = "quiet"
    NORMAL = "normal"
    VERBOSE = "verbose"


def verbosity(quiet: bool, verbose: bool) -> Verbosity:
    """The level the two options ask for (both at once is a usage error)."""
    if quiet and verbose:
        raise typer.BadParameter("chỉ dùng một trong hai: --quiet hoặc --verbose.")
    if quiet:
        return Verbosity.QUIET
    return Verbosity.VERBOSE if verbose else Verbosity.NORMAL


@dataclass
class ProblemPrinter:
    """Chooses which problems to print, remembering what it has printed: a year's data
    problems are shared by each of its reports, and are printed with the first."""

    level: Verbosity = Verbosity.NORMAL
    printed: set[Problem] = field(default_factory=set)

    @property
    def quiet(self) -> bool:
        return self.level is Verbosity.QUIET

    def shown(self, problems: Iterable[Problem]) -> list[Problem]:
        """The lines to print for ``problems``, each new problem once: only errors when
        quiet; when not verbose, a kind met ``GROUP_AT`` times or more in one file as
        one line at the first one's place."""
        fresh = []
        for problem in problems:
            if problem not in self.printed and not (self.quiet and not problem.is_error):
                self.printed.add(problem)
                fresh.append(problem)
        if self.level is Verbosity.VERBOSE:
            return fresh
        return condensed(fresh)


def condensed(problems: list[Problem]) -> list[Problem]:
    """``problems`` with each large group (same file, severity and ``group``) replaced
    by one problem at the place of its first member."""
    members: dict[tuple[str, str, str], list[Problem]] = {}
    for problem in problems:
        if problem.group:
            members.setdefault(_key(problem), []).append(problem)
    lines = []
    for problem in problems:
        group = members.get(_key(problem)) if problem.group else None
        if group is None or len(group) < GROUP_AT:
            lines.append(problem)
        elif group[0] is problem:
            lines.append(replace(problem, message=_group_message(group)))
    return lines


def _key(problem: Problem) -> tuple[str, str, str]:
    return problem.path, problem.severity.value, problem.group


def _group_message(group: list[Problem]) -> str:
    numbers = list(dict.fromkeys(p.line for p in group if p.line is not None))
    where = ", ".join(str(n) for n in numbers[:LINES_SHOWN])
    if len(numbers) > LINES_SHOWN:
        where += ", …"
    at = f"dòng {where}; " if where else ""
    return f"{len(group)} {group[0].group} ({at}từng dòng: --verbose)"
