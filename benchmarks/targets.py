"""The speed and scale targets (issue 17), each measured beside its floor in one run.

Every command is timed from the shell, as a user starts it: a fresh process, imports
included. A floor is what any program doing the same job in Python would pay (the
interpreter, typer, pydantic, libyaml reading the same files); a target is a ratio to
it or a limit, so that a busy or slow machine moves both sides together.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ONE_REPORT = "reports/2024/chuyen-doi-so.md"
GIB = 2**30


@dataclass
class Target:
    name: str
    measured: float | None
    limit: float | None
    basis: str
    unit: str = "s"
    why: str = ""

    @property
    def holds(self) -> bool | None:
        if self.measured is None or self.limit is None:
            return None
        return self.measured <= self.limit


def baocao_command() -> list[str]:
    script = Path(sys.executable).with_name("baocao")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "baocao"]


def median_time(command: list[str], cwd: Path, runs: int) -> tuple[float, int]:
    """Median wall time of ``command`` started from the shell, and its last exit code."""
    times, code = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        code = subprocess.run(command, cwd=cwd, capture_output=True, check=False).returncode
        times.append(time.perf_counter() - start)
    return statistics.median(times), code


def baocao(args: list[str], cwd: Path = ROOT, runs: int = 5) -> float:
    wall, code = median_time([*baocao_command(), *args], cwd, runs)
    if code != 0:
        raise SystemExit(f"baocao {' '.join(args)} exited {code} in {cwd}")
    return wall


def with_peak(args: list[str], cwd: Path) -> tuple[float, int | None]:
    """Wall time and peak resident memory (bytes) of one run, from a process whose only
    child it is (POSIX; ``None`` elsewhere)."""
    if os.name != "posix":
        return baocao(args, cwd, runs=1), None
    probe = (
        "import json, resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "code = subprocess.run(sys.argv[1:], capture_output=True).returncode\n"
        "wall = time.perf_counter() - start\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "scale = 1 if sys.platform == 'darwin' else 1024\n"
        "print(json.dumps([wall, peak * scale, code]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, *baocao_command(), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    wall, peak, code = json.loads(result.stdout)
    if code != 0:
        raise SystemExit(f"baocao {' '.join(args)} exited {code} in {cwd}")
    return wall, peak


WORK = """
import gc, sys, time
from baocao.cli.app import GC_THRESHOLD
from baocao.commands.validate import problems_of
gc.set_threshold(*GC_THRESHOLD)  # as the command line runs
from baocao.documents import report, tables, units
from baocao.workspace import Workspace
start = time.perf_counter()
problems_of("2024", Workspace.open())
print(time.perf_counter() - start)
"""


def validate_work(root: Path) -> float:
    """Seconds ``validate 2024`` works in ``root`` once its modules are imported."""
    result = subprocess.run(
        [sys.executable, "-c", WORK], cwd=root, capture_output=True, text=True, check=True
    )
    return float(result.stdout.strip().splitlines()[-1])


def python_time(code: str, runs: int = 5) -> float:
    return median_time([sys.executable, "-c", code], ROOT, runs)[0]


def floor_code(year: str) -> str:
    """Python, typer, pydantic (one model built and used: what any program validating
    with it pays once) and libyaml reading every file ``validate YEAR`` reads: the year
    files (a ``change:`` reference reads earlier years) and each report's front matter."""
    return (
        "import glob, typer, yaml\n"
        "from pydantic import BaseModel\n"
        "class Year(BaseModel):\n"
        "    year: int\n"
        "Year.model_validate({'year': 2024})\n"
        "for name in sorted(glob.glob('data/*.yaml')):\n"
        "    yaml.load(open(name, encoding='utf-8'), Loader=yaml.CSafeLoader)\n"
        f"for name in sorted(glob.glob('reports/{year}/*.md')):\n"
        "    front = open(name, encoding='utf-8').read().split('---\\n', 2)[1]\n"
        "    yaml.load(front, Loader=yaml.CSafeLoader)\n"
    )


def compile_bytecode() -> None:
    """Byte-compile baocao where it is imported from, as ``pip install`` does: a run
    with ``PYTHONDONTWRITEBYTECODE`` set (or an editable install) would otherwise
    compile every module at every start and measure that instead."""
    import compileall

    import baocao

    compileall.compile_dir(str(Path(baocao.__file__).parent), quiet=1)


def interleaved(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median wall time of each command, run in turn so that a busy moment of the
    machine weighs on all of them alike."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            wall, code = median_time(command, ROOT, 1)
            if code != 0:
                raise SystemExit(f"{' '.join(command)} exited {code}")
            times[name].append(wall)
    return {name: statistics.median(values) for name, values in times.items()}


def startup_targets(out: Path, runs: int) -> list[Target]:
    compile_bytecode()
    cli = baocao_command()
    python = [sys.executable, "-c"]
    measured = interleaved(
        {
            "typer": [*python, "import typer"],
            "help": [*cli, "--help"],
            "floor": [*python, floor_code("2024")],
            "validate": [*cli, "validate", "2024"],
            "validate_one": [*cli, "validate", ONE_REPORT],
            "render_one": [*cli, "render", ONE_REPORT, "--out", str(out)],
            "render_all": [*cli, "render", "2024", "--out", str(out)],
        },
        runs,
    )
    typer_floor, help_time, floor = measured["typer"], measured["help"], measured["floor"]
    validate, validate_one = measured["validate"], measured["validate_one"]
    render_one, render_all = measured["render_one"], measured["render_all"]
    return [
        Target(
            "baocao --help", help_time, 1.5 * typer_floor, f"1.5 × import typer {typer_floor:.3f}"
        ),
        Target(
            "baocao validate 2024",
            validate,
            1.5 * floor,
            f"1.5 × floor {floor:.3f}",
            why=(
                "beyond the floor: building baocao's 19 pydantic models (~20 ms), rich "
                "(~15 ms), markdown-it (~15 ms), baocao's own modules (~35 ms), and the "
                "checks, including building every report's documents (~40 ms)"
            ),
        ),
        Target(
            "render one report",
            render_one,
            validate_one + 0.25,
            f"validate it {validate_one:.3f} + 0.25",
        ),
        Target("baocao render 2024", render_all, 1.0, "every report of the year"),
    ]


def scale_targets(folder: Path, quick: bool) -> list[Target]:
    from benchmarks.synthetic import workspace

    sizes = (1, 1_000, 10_000) if quick else (1, 1_000, 10_000, 50_000)
    measured: dict[int, tuple[float, int | None]] = {}
    work: dict[int, float] = {}
    for size in sizes:
        root = folder / f"year{size}"
        workspace(root, size)
        measured[size] = with_peak(["validate", "2024"], root)
        repeats = 5 if size <= 1_000 else 1
        work[size] = statistics.median(validate_work(root) for _ in range(repeats))
    root = folder / "year10000"
    render_10k, _ = with_peak(["render", "2024", "--out", str(root / "out")], root)
    targets = [
        Target("10 000 metrics: validate", measured[10_000][0], 3.0, "limit"),
        Target("10 000 metrics: render", render_10k, 5.0, "limit"),
    ]
    base_time, base_peak = measured[1]
    big = 50_000 if 50_000 in measured else None

    def per_metric(size: int) -> float:
        """The work of ``validate`` per metric, in a fresh process once imported: the
        start of a process varies more than 1 000 metrics cost."""
        return (work[size] - work[1]) / size * 1e3

    if big is None:
        skipped = "not measured (--quick)"
        targets += [
            Target("50 000 metrics: validate", None, 15.0, skipped),
            Target("50 000 metrics: peak memory", None, 1.0, skipped, unit="GiB"),
            Target(
                "cost per metric, 10 000 vs 1 000",
                per_metric(10_000),
                1.3 * per_metric(1_000),
                f"1.3 × {per_metric(1_000):.3f} ms at 1 000",
                unit="ms",
            ),
        ]
        return targets
    peak = measured[big][1]
    targets += [
        Target("50 000 metrics: validate", measured[big][0], 15.0, "limit"),
        Target(
            "50 000 metrics: peak memory",
            None if peak is None else peak / GIB,
            1.0,
            "limit",
            unit="GiB",
        ),
        Target(
            "cost per metric, 50 000 vs 1 000",
            per_metric(big),
            1.3 * per_metric(1_000),
            f"1.3 × {per_metric(1_000):.3f} ms at 1 000 (above one metric's work)",
            unit="ms",
        ),
    ]
    if peak is not None and base_peak is not None:
        per_kb = (peak - base_peak) / big / 1024
        targets.append(
            Target("memory per metric at 50 000", per_kb, 15.0, "above one metric's run", "KB")
        )
    return targets


def prose_target(times: dict[int, float]) -> Target:
    small, large = sorted(times)
    factor = large // small
    return Target(
        f"prose: {large:,} paragraphs".replace(",", " "),
        times[large],
        1.3 * factor * times[small],
        f"1.3 × {factor} × {times[small]:.2f} s for {small:,}".replace(",", " "),
    )


def print_targets(targets: list[Target], say: Callable[[str], None] = print) -> None:
    say(f"  {'target':<36} {'measured':>12} {'limit':>12}  {'holds':<5}  basis")
    say("  " + "-" * 96)
    for target in targets:
        measured = "-" if target.measured is None else f"{target.measured:.3f}"
        limit = "-" if target.limit is None else f"{target.limit:.3f}"
        holds = {True: "yes", False: "NO", None: "-"}[target.holds]
        say(
            f"  {target.name:<36} {measured:>8} {target.unit:<3} {limit:>8} {target.unit:<3}  "
            f"{holds:<5}  {target.basis}"
        )
        if target.holds is False and target.measured is not None and target.limit:
            over = target.measured / target.limit
            say(f"  {'':<36} ×{over:.2f} over the limit. {target.why}".rstrip())
