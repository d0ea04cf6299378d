"""Targets: each measure beside its limit, the limit made from a floor measured in the
same run, so that a busy or slow machine moves both sides together.

A floor is what any program doing the same job would pay (the interpreter, typer,
pydantic, libyaml reading the same files; LibreOffice converting the same files); a
target is a ratio to it, or a fixed limit. Commands are timed from the shell as a user
starts them: a fresh process, imports included.

The interface
-------------
``python benchmarks/run.py`` runs every module of ``benchmarks/`` that defines::

    def targets(quick: bool) -> list[Target]:
        ...

so a benchmark of a new command is a new file, and ``run.py`` never depends on it. The
function measures (``quick``: fewer runs and smaller inputs, a minute rather than ten),
may print details as it goes, and returns its targets. Most targets are rows of a
table: name the commands (``Shell``, or ``Probe`` for a number a program prints about
itself), then add one ``Ratio`` or ``Limit`` per target, and ``measure(commands,
rows, quick)`` times the commands in turn and returns the targets::

    COMMANDS = {"floor": Shell(python("import typer")), "help": Shell(cli("--help"))}
    ROWS = [Ratio("baocao --help", "help", floor=("floor",), times=1.5)]

    def targets(quick: bool) -> list[Target]:
        return measure(COMMANDS, ROWS, quick)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GIB = 2**30
RUNS_VARIABLE = "BAOCAO_BENCH_RUNS"
"""Runs of each command, set by ``run.py --runs``."""


@dataclass
class Target:
    """One target: the measure (median), its limit, and how the limit was made."""

    name: str
    measured: float | None
    limit: float | None
    basis: str
    unit: str = "s"
    why: str = ""
    """Why the target does not hold (printed only then)."""
    spread: tuple[float, float] | None = None
    """The fastest and slowest of the runs measured."""

    @property
    def holds(self) -> bool | None:
        if self.measured is None or self.limit is None:
            return None
        return self.measured <= self.limit


# --- commands -------------------------------------------------------------------------


def baocao_command() -> list[str]:
    """``baocao`` as installed beside this Python (``python -m baocao`` otherwise)."""
    script = Path(sys.executable).with_name("baocao")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "baocao"]


def cli(*args: str) -> list[str]:
    return [*baocao_command(), *args]


def python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


Argv = list[str] | Callable[[], list[str]]
"""A command line, or a function making a new one for each run (a fresh folder)."""


@dataclass(frozen=True)
class Shell:
    """A command timed from the shell: its wall time, from start to exit."""

    argv: Argv
    cwd: Path = ROOT


@dataclass(frozen=True)
class Probe:
    """A program that measures something itself and prints it (in seconds) last."""

    argv: Argv
    cwd: Path = ROOT


Command = Shell | Probe


def run_once(command: Command) -> float:
    """One measure of ``command``; stops the benchmark when it fails."""
    argv = command.argv() if callable(command.argv) else command.argv
    start = time.perf_counter()
    result = subprocess.run(argv, cwd=command.cwd, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    if result.returncode != 0:
        tail = (result.stderr or result.stdout).strip().splitlines()[-3:]
        raise SystemExit(f"{' '.join(argv)} exited {result.returncode}: {' | '.join(tail)}")
    if isinstance(command, Probe):
        return float(result.stdout.strip().splitlines()[-1])
    return wall


def runs(quick: bool) -> int:
    """How many times each command runs: ``--runs``, or 3 quick and 7 in full."""
    return int(os.environ.get(RUNS_VARIABLE) or (3 if quick else 7))


def interleaved(commands: dict[str, Command], count: int) -> dict[str, list[float]]:
    """Every measure of each command, run in turn so that a busy moment of the machine
    weighs on all of them alike."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(count):
        for name, command in commands.items():
            times[name].append(run_once(command))
    return times


def compile_bytecode() -> None:
    """Byte-compile baocao where it is imported from, as ``pip install`` does: a run
    with ``PYTHONDONTWRITEBYTECODE`` set (or an editable install) would otherwise
    compile every module at every start and measure that instead."""
    import compileall

    import baocao

    compileall.compile_dir(str(Path(baocao.__file__).parent), quiet=1)


# --- rows -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Ratio:
    """``command`` ≤ ``times`` × the sum of the ``floor`` commands + ``plus`` seconds."""

    name: str
    command: str
    floor: tuple[str, ...]
    times: float = 1.0
    plus: float = 0.0
    why: str = ""
    describe: str = ""
    """The basis as printed before the floor's value (default: ``times × floor names``)."""

    def target(self, measured: dict[str, list[float]]) -> Target:
        floor = sum(statistics.median(measured[name]) for name in self.floor)
        if self.describe:
            basis = f"{self.describe} {floor:.3f}"
        else:
            times = f"{self.times:g} × " if self.times != 1 else ""
            basis = f"{times}{' + '.join(self.floor)} {floor:.3f}"
        if self.plus:
            basis += f" + {self.plus:g}"
        limit = self.times * floor + self.plus
        return sampled(self.name, measured[self.command], limit, basis, self.why)


@dataclass(frozen=True)
class Limit:
    """``command`` ≤ ``limit`` seconds, whatever the machine."""

    name: str
    command: str
    limit: float
    basis: str = "limit"
    why: str = ""

    def target(self, measured: dict[str, list[float]]) -> Target:
        return sampled(self.name, measured[self.command], self.limit, self.basis, self.why)


Row = Ratio | Limit


def sampled(name: str, values: list[float], limit: float, basis: str, why: str = "") -> Target:
    """A target whose measure is the median of ``values``, with their spread."""
    spread = (min(values), max(values))
    return Target(name, statistics.median(values), limit, basis, why=why, spread=spread)


def measure(
    commands: dict[str, Command], rows: list[Row], quick: bool, count: int | None = None
) -> list[Target]:
    """Time ``commands`` interleaved (``count`` times, ``runs(quick)`` by default), then
    make each row's target from the medians."""
    measured = interleaved(commands, count or runs(quick))
    return [row.target(measured) for row in rows]


# --- printing -------------------------------------------------------------------------


def print_targets(targets: list[Target], say: Callable[[str], None] = print) -> None:
    """One line per target: measure (and spread), limit, whether it holds, basis; under
    a target that does not hold, by how much and why."""
    say(f"  {'target':<40} {'measured (min–max)':>26} {'limit':>12}  {'holds':<5}  basis")
    say("  " + "-" * 110)
    for target in targets:
        holds = {True: "yes", False: "NO", None: "-"}[target.holds]
        say(
            f"  {target.name:<40} {_measure(target):>26} {_value(target.limit, target.unit):>12}"
            f"  {holds:<5}  {target.basis}"
        )
        if target.holds is False and target.measured is not None and target.limit:
            over = target.measured / target.limit
            say(f"  {'':<40} ×{over:.2f} over the limit. {target.why}".rstrip())


def _measure(target: Target) -> str:
    text = _value(target.measured, target.unit)
    if target.spread is not None and target.measured is not None:
        low, high = target.spread
        text = f"{text} ({low:.3f}–{high:.3f})"
    return text


def _value(value: float | None, unit: str) -> str:
    return "-" if value is None else f"{value:.3f} {unit}"
