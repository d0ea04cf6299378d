"""A collection round at a province's scale: forms for 60 agencies, 5 000 metrics.

    python benchmarks/collection.py                      # 60 agencies, 5 000 metrics, 5 runs
    python benchmarks/collection.py --agencies 10 --metrics 500 --runs 3
    python benchmarks/run.py --only collection         # its targets in the table of every target

Builds a synthetic workspace (``build``): 2024 with its figures, 2025 awaiting them,
every metric led by one agency (one in ten jointly by two), ten tasks per agency. Then
times, from the shell as a user starts them (a fresh process each run, imports
included):

- ``baocao form 2025 --by-agency --overwrite``: every agency's workbook;
- ``baocao import 2025 filled/``: all the forms, filled the way agencies fill them
  (figures, sources, task progress), the year file restored before each run so that
  every run imports everything.

Prints each command's median, its spread (fastest to slowest run) and peak memory
(resident set, POSIX), beside the limits of issue 25: ≤ 10 s and ≤ 500 MB. Machines
here are shared: read the spread before the median.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.targets import Target, runs, sampled  # noqa: E402

LIMIT_SECONDS = 10.0
LIMIT_MB = 500
TASKS_PER_AGENCY = 10
JOINT_EVERY = 10
SOURCE = "so_lieu_2024"


def agency_names(count: int) -> list[dict[str, str]]:
    return [
        {"id": f"co_quan_{i}", "name": f"Cơ quan số {i} của tỉnh", "short_name": f"CQ {i}"}
        for i in range(count)
    ]


def metric(index: int, agencies: list[dict[str, str]]) -> dict[str, object]:
    """A rate or a count, led by one agency, or by two for one metric in ten."""
    lead = agencies[index % len(agencies)]["name"]
    if index % JOINT_EVERY == 0:
        lead += "; " + agencies[(index + 1) % len(agencies)]["name"]
    found: dict[str, object] = {
        "id": f"chi_tieu_{index}",
        "name": f"Chỉ tiêu số {index} về chuyển đổi số của các xã, phường và thị trấn",
    }
    if index % 2:
        found |= {"unit": "%", "targets": [{"year": 2025, "value": 50}]}
    else:
        found |= {"unit": "trạm"}
    found["lead"] = lead
    return found


def observation(index: int, rate: bool) -> dict[str, object]:
    figure = {"numerator": 500 + index, "denominator": 1000 + index} if rate else {"value": index}
    return {"as_of": "2024", **figure, "source": {"ref": SOURCE, "quote": f"dòng {index}"}}


def year_files(agencies: int, metrics: int) -> tuple[dict[str, object], dict[str, object]]:
    """2024 with its figures, and 2025 with the same metrics and tasks awaiting theirs."""
    listed = agency_names(agencies)
    before, after = [], []
    for index in range(metrics):
        defined = metric(index, listed)
        before.append({**defined, "observations": [observation(index, index % 2 == 1)]})
        after.append({**defined, "pending": True})
    groups = [
        {
            "group": f"Nhiệm vụ của {agency['name']}",
            "tasks": [
                {"name": f"Nhiệm vụ {t} của {agency['short_name']}", "lead": agency["name"]}
                for t in range(TASKS_PER_AGENCY)
            ],
        }
        for agency in listed
    ]
    task_list = {
        "id": "nhiem_vu",
        "title": "Nhiệm vụ chuyển đổi số",
        "source": {"ref": SOURCE, "quote": "Phụ lục"},
        "items": groups,
    }
    common = {"sources": {SOURCE: "Báo cáo số liệu năm 2024"}, "agencies": listed}
    return (
        {"year": 2024, **common, "metrics": before},
        {"year": 2025, **common, "metrics": after, "task_lists": [task_list]},
    )


def build(root: Path, agencies: int, metrics: int) -> Path:
    """The workspace under ``root``; returns it."""
    (root / "data").mkdir(parents=True, exist_ok=True)
    for data in year_files(agencies, metrics):
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6)
        (root / "data" / f"{data['year']}.yaml").write_text(text, encoding="utf-8")
    return root


def fill(forms: Path, filled: Path) -> int:
    """Each form filled as its agency would; the number of forms."""
    from openpyxl import load_workbook

    from baocao.excel.form_layout import DATA_SHEET, FIRST_ROW, TASKS_SHEET, cell, task_cell

    filled.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in sorted(forms.glob("*.xlsx")):
        book = load_workbook(path)
        sheet = book[DATA_SHEET]
        for row in range(FIRST_ROW, sheet.max_row + 1):
            index = int(str(sheet[cell("id", row)].value).rsplit("_", 1)[1])
            rate = sheet[cell("unit", row)].value == "%"
            sheet[cell("value", row)] = (index % 97) / 100 if rate else index + 1
            sheet[cell("source", row)] = SOURCE
        if TASKS_SHEET in book.sheetnames:
            tasks = book[TASKS_SHEET]
            for row in range(4, tasks.max_row + 1):
                tasks[task_cell("progress", row)] = "Hoàn thành"
        book.save(filled / path.name)
        count += 1
    return count


def command() -> list[str]:
    script = Path(sys.executable).with_name("baocao")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "baocao"]


PROBE = (
    "import json, resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "code = subprocess.run(sys.argv[1:], capture_output=True).returncode\n"
    "wall = time.perf_counter() - start\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "scale = 1 if sys.platform == 'darwin' else 1024\n"
    "print(json.dumps([wall, peak * scale, code]))\n"
)


def run_once(args: list[str], cwd: Path) -> tuple[float, int | None]:
    """Wall time and peak memory (bytes; ``None`` where not POSIX) of one run."""
    try:
        import resource  # noqa: F401 - POSIX only
    except ImportError:
        start = time.perf_counter()
        subprocess.run([*command(), *args], cwd=cwd, capture_output=True, check=True)
        return time.perf_counter() - start, None
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *command(), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    wall, peak, code = json.loads(result.stdout)
    if code != 0:
        raise SystemExit(f"baocao {' '.join(args)} exited {code} in {cwd}")
    return wall, peak


def measure(args: list[str], cwd: Path, count: int, before: object = None) -> dict[str, Any]:
    """Median, fastest, slowest (s) and peak memory (MB) of ``count`` runs; ``before`` is
    called before each run (not timed)."""
    times, peaks = [], []
    for _ in range(count):
        if callable(before):
            before()
        wall, peak = run_once(args, cwd)
        times.append(wall)
        if peak is not None:
            peaks.append(peak / 2**20)
    return {
        "times": times,
        "median": statistics.median(times),
        "fastest": min(times),
        "slowest": max(times),
        "peak_mb": max(peaks) if peaks else float("nan"),
    }


def round_times(agencies: int, metrics: int, count: int) -> list[tuple[str, dict[str, Any]]]:
    """``form --by-agency`` and ``import`` of every filled form, ``count`` runs each."""
    with tempfile.TemporaryDirectory(prefix="baocao-collection-") as folder:
        root = build(Path(folder), agencies, metrics)
        print(f"Collection round: {agencies} agencies, {metrics} metrics, {count} runs")
        forms = measure(["form", "2025", "--by-agency", "--overwrite"], root, count)
        forms_made = fill(root / "out" / "BieuMau_2025", root / "filled")
        pristine = (root / "data" / "2025.yaml").read_bytes()

        def restore() -> None:
            (root / "data" / "2025.yaml").write_bytes(pristine)

        imported = measure(["import", "2025", "filled"], root, count, restore)
        written = len(list((root / "filled").glob("*.xlsx")))
        shutil.rmtree(root / "out", ignore_errors=True)
    return [
        (f"form 2025 --by-agency ({forms_made} forms)", forms),
        (f"import {written} forms", imported),
    ]


def targets(quick: bool) -> list[Target]:
    agencies, metrics = (20, 1000) if quick else (60, 5000)
    found = []
    for name, times in round_times(agencies, metrics, runs(quick)):
        found.append(sampled(f"collection: {name}", times["times"], LIMIT_SECONDS, "limit"))
        if times["peak_mb"] == times["peak_mb"]:  # not NaN: measured (POSIX)
            memory = f"collection: {name.split(' (')[0]}, peak memory"
            found.append(Target(memory, times["peak_mb"], LIMIT_MB, "limit", "MB"))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agencies", type=int, default=60)
    parser.add_argument("--metrics", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    rows = round_times(options.agencies, options.metrics, options.runs)
    print(f"{'command':<36} {'median':>8} {'fastest':>8} {'slowest':>8} {'peak MB':>8}  limits")
    for name, found in rows:
        holds = found["median"] <= LIMIT_SECONDS and not found["peak_mb"] > LIMIT_MB
        print(
            f"{name:<36} {found['median']:>7.2f}s {found['fastest']:>7.2f}s "
            f"{found['slowest']:>7.2f}s {found['peak_mb']:>8.0f}  ≤ {LIMIT_SECONDS:g} s, "
            f"≤ {LIMIT_MB} MB: {'yes' if holds else 'NO'}"
        )


if __name__ == "__main__":
    main()
