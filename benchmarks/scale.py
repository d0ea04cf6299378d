"""Growing inputs from the shell: year files of 1 … 50 000 metrics (time, peak memory,
cost per metric) and reports of N and 10 × N paragraphs; every cost must grow in a
straight line with the data."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.synthetic import prose_workspace, workspace
from benchmarks.targets import GIB, Shell, Target, baocao_command, cli, run_once

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
PEAK = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], capture_output=True).returncode
wall = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
scale = 1 if sys.platform == 'darwin' else 1024
print(json.dumps([wall, peak * scale, code]))
"""


def with_peak(args: list[str], cwd: Path) -> tuple[float, int | None]:
    """Wall time and peak resident memory (bytes) of one run, from a process whose only
    child it is (POSIX; ``None`` elsewhere)."""
    if os.name != "posix":
        return run_once(Shell(cli(*args), cwd)), None
    command = [sys.executable, "-c", PEAK, *baocao_command(), *args]
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=True)
    wall, peak, code = json.loads(result.stdout)
    if code != 0:
        raise SystemExit(f"baocao {' '.join(args)} exited {code} in {cwd}")
    return wall, peak


def validate_work(root: Path) -> float:
    """Seconds ``validate 2024`` works in ``root`` once its modules are imported."""
    result = subprocess.run(
        [sys.executable, "-c", WORK], cwd=root, capture_output=True, text=True, check=True
    )
    return float(result.stdout.strip().splitlines()[-1])


Sizes = dict[int, tuple[float, int | None, float]]
"""For each number of metrics: wall time, peak memory (bytes) and work of ``validate``."""


def year_files(folder: Path, quick: bool) -> Sizes:
    """For each size: ``validate`` wall time and peak memory from the shell, and its
    work once imported (the start of a process varies more than 1 000 metrics cost)."""
    sizes = (1, 1_000, 10_000) if quick else (1, 1_000, 10_000, 50_000)
    measured = {}
    for size in sizes:
        root = folder / f"year{size}"
        workspace(root, size)
        wall, peak = with_peak(["validate", "2024"], root)
        repeats = 5 if size <= 1_000 else 1
        work = statistics.median(validate_work(root) for _ in range(repeats))
        measured[size] = (wall, peak, work)
    return measured


def per_metric_targets(measured: Sizes) -> list[Target]:
    big = max(measured)
    base_work = measured[1][2]

    def per_metric(size: int) -> float:
        return (measured[size][2] - base_work) / size * 1e3

    found = [
        Target(
            f"cost per metric, {big:,} vs 1 000".replace(",", " "),
            per_metric(big),
            1.3 * per_metric(1_000),
            f"1.3 × {per_metric(1_000):.3f} ms at 1 000 (above one metric's work)",
            unit="ms",
        )
    ]
    peak, base_peak = measured[big][1], measured[1][1]
    if big == 50_000 and peak is not None and base_peak is not None:
        per_kb = (peak - base_peak) / big / 1024
        found.append(
            Target("memory per metric at 50 000", per_kb, 15.0, "above one metric's run", "KB")
        )
    return found


def size_targets(measured: Sizes, render: float) -> list[Target]:
    found = [
        Target("10 000 metrics: validate", measured[10_000][0], 3.0, "limit"),
        Target("10 000 metrics: render", render, 5.0, "limit"),
    ]
    if 50_000 not in measured:
        skipped = "not measured (--quick)"
        return found + [
            Target("50 000 metrics: validate", None, 15.0, skipped),
            Target("50 000 metrics: peak memory", None, 1.0, skipped, unit="GiB"),
        ]
    peak = measured[50_000][1]
    return found + [
        Target("50 000 metrics: validate", measured[50_000][0], 15.0, "limit"),
        Target(
            "50 000 metrics: peak memory",
            None if peak is None else peak / GIB,
            1.0,
            "limit",
            unit="GiB",
        ),
    ]


def prose_target(folder: Path, quick: bool) -> Target:
    """``baocao render`` from the shell of the example report with N and 10 × N more
    paragraphs (each a figure, bold text and a footnote), validation included."""
    times = {}
    for paragraphs in (2_000, 20_000) if quick else (10_000, 100_000):
        report = prose_workspace(folder / f"prose{paragraphs}", paragraphs)
        root = report.parents[2]
        args = ("render", str(report.relative_to(root)), "--out", str(root / "out"))
        times[paragraphs] = run_once(Shell(cli(*args), root))
        print(f"  {paragraphs:>7} paragraphs  {times[paragraphs]:7.2f} s", flush=True)
    small, large = sorted(times)
    factor = large // small
    return Target(
        f"prose: {large:,} paragraphs".replace(",", " "),
        times[large],
        1.3 * factor * times[small],
        f"1.3 × {factor} × {times[small]:.2f} s for {small:,}".replace(",", " "),
    )


def targets(quick: bool) -> list[Target]:
    with tempfile.TemporaryDirectory(prefix="baocao-bench-") as name:
        folder = Path(name)
        print("Year files of 1 … 50 000 metrics from the shell ...", flush=True)
        measured = year_files(folder, quick)
        root = folder / "year10000"
        render, _peak = with_peak(["render", "2024", "--out", str(root / "out")], root)
        print("Prose: reports of N paragraphs rendered from the shell ...", flush=True)
        prose = prose_target(folder, quick)
    return [*size_targets(measured, render), *per_metric_targets(measured), prose]
