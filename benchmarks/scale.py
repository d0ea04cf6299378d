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
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.synthetic import prose_workspace, workspace
from benchmarks.targets import GIB, Shell, Target, baocao_command, cli, run_once, runs, sampled

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


@dataclass
class Size:
    """``validate`` of one year file: wall times and peak memory (bytes) from the shell,
    and its work once imported (the start of a process varies more than 1 000 metrics
    cost), one of each per run."""

    walls: list[float] = field(default_factory=list)
    peaks: list[int] = field(default_factory=list)
    works: list[float] = field(default_factory=list)

    @property
    def peak(self) -> int | None:
        return max(self.peaks) if self.peaks else None

    @property
    def work(self) -> float:
        return statistics.median(self.works)


def year_files(folder: Path, quick: bool) -> dict[int, Size]:
    """Each size measured in turn, ``runs`` times (at most 3 times 50 000 metrics)."""
    sizes = (1, 1_000, 10_000) if quick else (1, 1_000, 10_000, 50_000)
    for size in sizes:
        workspace(folder / f"year{size}", size)
    measured = {size: Size() for size in sizes}
    for round_ in range(runs(quick)):
        for size in sizes:
            if size >= 50_000 and round_ >= 3:
                continue
            root = folder / f"year{size}"
            wall, peak = with_peak(["validate", "2024"], root)
            measured[size].walls.append(wall)
            if peak is not None:
                measured[size].peaks.append(peak)
            measured[size].works.append(validate_work(root))
    return measured


def per_metric_targets(measured: dict[int, Size]) -> list[Target]:
    big = max(measured)

    def per_metric(size: int) -> float:
        return (measured[size].work - measured[1].work) / size * 1e3

    found = [
        Target(
            f"cost per metric, {spaced(big)} vs 1 000",
            per_metric(big),
            1.3 * per_metric(1_000),
            f"1.3 × {per_metric(1_000):.3f} ms at 1 000 (above one metric's work)",
            unit="ms",
        )
    ]
    peak, base_peak = measured[big].peak, measured[1].peak
    if big == 50_000 and peak is not None and base_peak is not None:
        per_kb = (peak - base_peak) / big / 1024
        found.append(
            Target("memory per metric at 50 000", per_kb, 15.0, "above one metric's run", "KB")
        )
    return found


def size_targets(measured: dict[int, Size], renders: list[float]) -> list[Target]:
    found = [
        sampled("10 000 metrics: validate", measured[10_000].walls, 3.0, "limit"),
        sampled("10 000 metrics: render", renders, 5.0, "limit"),
    ]
    if 50_000 not in measured:
        skipped = "not measured (--quick)"
        return found + [
            Target("50 000 metrics: validate", None, 15.0, skipped),
            Target("50 000 metrics: peak memory", None, 1.0, skipped, unit="GiB"),
        ]
    peak = measured[50_000].peak
    return found + [
        sampled("50 000 metrics: validate", measured[50_000].walls, 15.0, "limit"),
        Target(
            "50 000 metrics: peak memory",
            None if peak is None else peak / GIB,
            1.0,
            "limit (the highest of the runs)",
            unit="GiB",
        ),
    ]


def prose_target(folder: Path, quick: bool) -> Target:
    """``baocao render`` from the shell of the example report with N and 10 × N more
    paragraphs (each a figure, bold text and a footnote), validation included."""
    sizes = (2_000, 20_000) if quick else (10_000, 100_000)
    commands = {}
    for paragraphs in sizes:
        report = prose_workspace(folder / f"prose{paragraphs}", paragraphs)
        root = report.parents[2]
        args = ("render", str(report.relative_to(root)), "--out", str(root / "out"))
        commands[paragraphs] = Shell(cli(*args), root)
    times: dict[int, list[float]] = {size: [] for size in sizes}
    for _ in range(min(runs(quick), 3)):
        for size, command in commands.items():
            times[size].append(run_once(command))
    small, large = sizes
    for size in sizes:
        print(f"  {spaced(size):>7} paragraphs  {statistics.median(times[size]):7.2f} s")
    factor = large // small
    floor = statistics.median(times[small])
    basis = f"1.3 × {factor} × {floor:.2f} s for {spaced(small)}"
    return sampled(f"prose: {spaced(large)} paragraphs", times[large], 1.3 * factor * floor, basis)


def spaced(number: int) -> str:
    """``100 000``: thousands apart as the README writes them."""
    return f"{number:,}".replace(",", " ")


def print_sizes(measured: dict[int, Size], render: list[tuple[float, int | None]]) -> None:
    print("  metrics  validate (median s)  peak memory")
    for size, found in measured.items():
        peak = "-" if found.peak is None else f"{found.peak / 2**20:.0f} MiB"
        print(f"  {spaced(size):>7}  {statistics.median(found.walls):19.3f}  {peak:>11}")
    peaks = [peak for _wall, peak in render if peak is not None]
    peak = f"{max(peaks) / 2**20:.0f} MiB" if peaks else "-"
    wall = statistics.median(wall for wall, _peak in render)
    print(f"  render of 10 000 metrics: {wall:.3f} s, peak memory {peak}")


def targets(quick: bool) -> list[Target]:
    with tempfile.TemporaryDirectory(prefix="baocao-bench-") as name:
        folder = Path(name)
        print("Year files of 1 … 50 000 metrics from the shell ...", flush=True)
        measured = year_files(folder, quick)
        root = folder / "year10000"
        command = ["render", "2024", "--out", str(root / "out")]
        render = [with_peak(command, root) for _ in range(runs(quick))]
        print_sizes(measured, render)
        print("Prose: reports of N paragraphs rendered from the shell ...", flush=True)
        prose = prose_target(folder, quick)
    renders = [wall for wall, _peak in render]
    return [*size_targets(measured, renders), *per_metric_targets(measured), prose]
