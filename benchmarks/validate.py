"""Time ``baocao validate 2024`` from the shell, imports included.

Run from the repository root: ``/work/venv/bin/python benchmarks/validate.py [YEAR] [RUNS]``.
Prints the best and median wall-clock time of a fresh process, then the time spent
importing (``python -X importtime``) by the heaviest modules. Target (issue 3): well
under 0.25 s. No test asserts a timing; this is a measurement to compare by hand.

Baseline (2-core container with other jobs running, load 2-3; libyaml parser;
2024.yaml of ~1,400 lines): best 0.55-0.77 s, median 0.65-1.2 s. Imports are most of
it: typer and rich ~0.35 s, pydantic and building the model ~0.25 s; reading, parsing
and every check ~0.1 s. The 0.25 s target is not met: it needs a CLI lighter than
typer for this command, or a model that is not rebuilt at every start.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def main() -> None:
    year = sys.argv[1] if len(sys.argv) > 1 else "2024"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    exe = shutil.which("baocao") or str(Path(sys.executable).with_name("baocao"))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([exe, "validate", year], capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    print(
        f"baocao validate {year}: best {min(times):.3f} s, median {statistics.median(times):.3f} s"
    )
    report = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "baocao", "validate", year],
        capture_output=True,
        text=True,
        check=False,
    ).stderr
    rows = []
    for line in report.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = line.split("|")
            if cumulative.strip().isdigit():
                rows.append((int(cumulative), name.rstrip()))
    top = [row for row in rows if not row[1].startswith("   ")]
    print("imports (cumulative, top level):")
    for micros, name in sorted(top, reverse=True)[:8]:
        print(f"  {micros / 1e6:6.3f} s {name.strip()}")


if __name__ == "__main__":
    main()
