"""Reference scanning grows linearly: ``baocao validate`` on a report with 100 000
``[[`` in one paragraph, timed from the shell.

    python benchmarks/references.py             # five runs of each shape
    python benchmarks/references.py --runs 9
    python benchmarks/run.py --only references  # its targets in the table of every target

Each shape puts 100 000 ``[[`` in one paragraph of the example report:

- ``unclosed``: ``[[ `` a hundred thousand times, each an error (an ``[[`` without ``]]``);
- ``unknown``: ``[[khong_co]]``, each an error (no such metric, with a suggestion);
- ``valid``: ``[[ho_so_truc_tuyen]]``, each a figure resolved and printed;
- ``with notes``: ``[[x [^y]``, an unclosed reference and an undefined footnote each.

For each: the median wall time of ``baocao validate 2024`` (output to a pipe, as an
editor or a script reads it), the fastest and slowest run, and whether the median is
within the target (2 s). The problems counted must be exactly the ones planted, so a
fast run that skipped text cannot pass. Then the growth: the unclosed shape at 25 000
and 100 000, minus the time of the report without them; four times the text should
cost about four times as much (sixteen if scanning were quadratic). The runs of all
shapes are interleaved, so a busy moment of the machine weighs on all alike.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.targets import Target, runs, sampled  # noqa: E402

EXAMPLE_DATA = ROOT / "examples" / "data" / "2024.yaml"
EXAMPLE_REPORT = ROOT / "examples" / "reports" / "2024" / "bao-cao-mau.md"
COUNT = 100_000
TARGET = 2.0
GROWTH_LIMIT = 8.0
"""Four times the text may cost at most this many times as much (linear: about 4)."""
SUMMARY = re.compile(r"(\d+) lỗi, (\d+) cảnh báo")


@dataclass(frozen=True)
class Shape:
    name: str
    piece: str
    errors_per_piece: int


SHAPES = [
    Shape("unclosed", "[[ ", 1),
    Shape("unknown", "[[khong_co]] ", 1),
    Shape("valid", "[[ho_so_truc_tuyen]] ", 0),
    Shape("with notes", "[[x [^y] ", 2),
]


def baocao_command() -> list[str]:
    script = Path(sys.executable).with_name("baocao")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "baocao"]


def workspace(root: Path, piece: str, count: int) -> Path:
    """The example workspace under ``root`` whose report opens with a paragraph of
    ``count`` times ``piece``."""
    (root / "data").mkdir(parents=True)
    shutil.copy(EXAMPLE_DATA, root / "data" / "2024.yaml")
    report = root / "reports" / "2024" / EXAMPLE_REPORT.name
    report.parent.mkdir(parents=True)
    _, front, body = EXAMPLE_REPORT.read_text(encoding="utf-8").split("---\n", 2)
    paragraph = f"Đoạn thử: {piece * count}\n\n" if count else ""
    report.write_text(f"---\n{front}---\n{paragraph}{body}", encoding="utf-8")
    return root


def validate_once(root: Path) -> tuple[float, int]:
    """Wall time of ``baocao validate 2024`` in ``root``, and the errors it counted."""
    start = time.perf_counter()
    done = subprocess.run(
        [*baocao_command(), "validate", "2024"], cwd=root, capture_output=True, text=True
    )
    wall = time.perf_counter() - start
    found = SUMMARY.search(done.stdout)
    if found is None or "lỗi không mong đợi" in done.stdout + done.stderr:
        raise SystemExit(f"validate failed in {root}:\n{done.stdout[-500:]}{done.stderr[-500:]}")
    return wall, int(found.group(1))


def measure(cases: dict[str, tuple[Path, int]], count: int) -> dict[str, list[float]]:
    """Every case run ``count`` times, in turn; each must count its expected errors."""
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(count):
        for name, (root, expected) in cases.items():
            wall, errors = validate_once(root)
            if errors != expected:
                raise SystemExit(f"{name}: {errors} errors counted, {expected} planted")
            times[name].append(wall)
    return times


def line(name: str, values: list[float], target: float | None) -> str:
    median = statistics.median(values)
    spread = f"{min(values):.2f}–{max(values):.2f}"
    holds = "" if target is None else ("yes" if median <= target else "NO")
    limit = "" if target is None else f"≤ {target:.1f} s"
    return f"  {name:<34} {median:6.2f} s   {spread:>11} s   {limit:>8}  {holds}"


def measure_cases(count: int) -> dict[str, list[float]]:
    """Every case (the unchanged report, each shape, a quarter of the unclosed shape)
    timed ``count`` times, interleaved."""
    with tempfile.TemporaryDirectory(prefix="baocao-references-") as folder:
        base = Path(folder)
        cases = {"example report, unchanged": (workspace(base / "base", "", 0), 0)}
        for index, shape in enumerate(SHAPES):
            root = workspace(base / f"shape{index}", shape.piece, COUNT)
            cases[f"{COUNT:,} × {shape.name}"] = (root, COUNT * shape.errors_per_piece)
        quarter = COUNT // 4
        cases[f"{quarter:,} × unclosed"] = (workspace(base / "quarter", "[[ ", quarter), quarter)
        return measure(cases, count)


def growth(times: dict[str, list[float]]) -> float:
    """How many times the time above the unchanged report four times the text costs."""
    base_time = statistics.median(times["example report, unchanged"])
    small = statistics.median(times[f"{COUNT // 4:,} × unclosed"]) - base_time
    large = statistics.median(times[f"{COUNT:,} × unclosed"]) - base_time
    return large / small if small > 0 else float("inf")


def targets(quick: bool) -> list[Target]:
    print(f"references: validate with {COUNT:,} '[[' in one paragraph, four shapes ...")
    times = measure_cases(runs(quick))
    found = [
        sampled(f"validate: {name}", values, TARGET, "limit")
        for name, values in times.items()
        if name.startswith(f"{COUNT:,} ")
    ]
    basis = "linear ≈ 4, quadratic ≈ 16"
    found.append(Target("validate: 4 × the '[[' costs", growth(times), GROWTH_LIMIT, basis, "×"))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each case (median)")
    count = parser.parse_args().runs
    times = measure_cases(count)
    print(f"baocao validate 2024, one paragraph of {COUNT:,} '[[' ({count} runs each)")
    print(f"  {'case':<34} {'median':>8}   {'fastest–slowest':>13}   {'target':>8}")
    for name, values in times.items():
        shaped = name.startswith(f"{COUNT:,} ")
        print(line(name, values, TARGET if shaped else None))
    times_four = growth(times)
    verdict = "linear" if times_four <= GROWTH_LIMIT else "NOT linear"
    print(
        f"growth: 4 × the '[[' costs {times_four:.1f} × the time above the unchanged report "
        f"(linear ≈ 4, quadratic ≈ 16; limit {GROWTH_LIMIT:g}): {verdict}"
    )


if __name__ == "__main__":
    main()
