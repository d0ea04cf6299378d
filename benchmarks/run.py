"""Speed and scale of baocao, each target measured beside its floor in one run.

    python benchmarks/run.py                  # everything (several minutes)
    python benchmarks/run.py --quick          # smaller inputs, fewer runs
    python benchmarks/run.py --only startup   # some modules only (repeatable)

Runs every module of ``benchmarks/`` that defines ``targets(quick)`` (the interface is
described in ``benchmarks/targets.py``): first those below in ``ORDER``, then any other
in the order of their names, so that the benchmark of a new command is a new file. Each
prints what it measures as it goes; at the end one table gives every target beside its
limit (made from a floor measured in the same run), the spread of its runs, whether it
holds, and by how much and why when it does not.

Commands are timed from the shell, interleaved, and the median taken; machines here
are shared, so read the ratios.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import targets as table  # noqa: E402

ORDER = ("startup", "scale", "appendix", "pdf", "kiemtra")
"""Modules run first, in this order: the quick ones, then the long ones."""
NOT_TARGETS = {"run", "targets", "synthetic", "__init__"}

Measure = Callable[[bool], list[table.Target]]


def target_modules(
    folder: Path = HERE, package: str = "benchmarks", only: list[str] | None = None
) -> Iterator[tuple[str, Measure]]:
    """``(name, targets)`` of each module of ``folder`` that defines ``targets(quick)``,
    ``ORDER`` first; a module that cannot be imported gives a ``targets`` that fails."""
    names = sorted(path.stem for path in folder.glob("*.py") if path.stem not in NOT_TARGETS)
    names.sort(key=lambda name: ORDER.index(name) if name in ORDER else len(ORDER))
    for name in names:
        if only and name not in only:
            continue
        try:
            module: ModuleType | None = importlib.import_module(f"{package}.{name}")
        except Exception as exc:  # noqa: BLE001 - reported as that module's failure
            yield name, _failing(exc)
            continue
        measure = getattr(module, "targets", None)
        if callable(measure):
            yield name, measure


def _failing(exc: Exception) -> Measure:
    def measure(_quick: bool) -> list[table.Target]:
        raise exc

    return measure


def run_module(name: str, measure: Measure, quick: bool) -> list[table.Target]:
    """One module's targets; a module that fails gives one target saying so."""
    print(f"\n== {name} ==", flush=True)
    start = time.perf_counter()
    try:
        found = measure(quick)
    except (Exception, SystemExit) as exc:  # noqa: BLE001 - one module must not stop the rest
        traceback.print_exc()
        return [table.Target(f"{name}: failed", None, None, f"{type(exc).__name__}: {exc}")]
    print(f"  ({time.perf_counter() - start:.0f} s)", flush=True)
    return found


def header() -> str:
    load = f", load average {os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else ""
    return f"baocao benchmarks: Python {sys.version.split()[0]}, {os.cpu_count()} CPU{load}"


def options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller inputs, fewer runs")
    parser.add_argument("--runs", type=int, help="runs of each timed command (3 quick, 7 full)")
    parser.add_argument(
        "--only", action="append", metavar="MODULE", help="run only this module (repeatable)"
    )
    return parser.parse_args()


def main() -> int:
    chosen = options()
    if chosen.runs:
        os.environ[table.RUNS_VARIABLE] = str(chosen.runs)
    print(header())
    table.compile_bytecode()
    found: list[table.Target] = []
    for name, measure in target_modules(only=chosen.only):
        found += run_module(name, measure, chosen.quick)
    print(f"\nTargets ({header()}):")
    table.print_targets(found)
    held = sum(1 for target in found if target.holds)
    failed = [target.name for target in found if target.name.endswith(": failed")]
    print(f"\n{held} of {len(found)} targets hold.")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
