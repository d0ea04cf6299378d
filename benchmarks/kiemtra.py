"""``baocao kiemtra`` from the shell: one document, and 100 documents in one call
beside 100 times the checks of one document in a process that has started already."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from benchmarks.targets import Limit, Probe, Ratio, Shell, Target, cli, measure, python

DOCUMENT = "BaoCao_2024_chuyen-doi-so.docx"
COPIES = 100
CHECK = """
import statistics, sys, time
from pathlib import Path
from baocao.kiemtra import check
path = Path(sys.argv[1])
check(path)  # imports, caches
times = []
for _ in range(5):
    start = time.perf_counter()
    check(path)
    times.append(time.perf_counter() - start)
print(statistics.median(times))
"""


def copies(folder: Path) -> tuple[Path, list[Path]]:
    """The BÁO CÁO of 2024 rendered, and ``COPIES`` copies of it."""
    words = folder / "word"
    subprocess.run(cli("render", "2024", "--out", str(words)), check=True, capture_output=True)
    document = words / DOCUMENT
    many = folder / "many"
    many.mkdir()
    paths = [many / f"{index:03d}_{DOCUMENT}" for index in range(COPIES)]
    for path in paths:
        shutil.copyfile(document, path)
    return document, paths


def targets(quick: bool) -> list[Target]:
    print(f"kiemtra: one document, then {COPIES} in one call ...", flush=True)
    with tempfile.TemporaryDirectory(prefix="baocao-bench-") as folder:
        document, paths = copies(Path(folder))
        commands = {
            "one": Shell(cli("kiemtra", str(document))),
            "checks of one": Probe([*python(CHECK), str(document)]),
            "hundred": Shell(cli("kiemtra", *map(str, paths))),
        }
        rows = [
            Limit("kiemtra: one document", "one", 0.5),
            Ratio(
                f"kiemtra: {COPIES} documents in one call",
                "hundred",
                floor=("checks of one",),
                times=1.5 * COPIES,
                describe=f"1.5 × {COPIES} × checks of one",
            ),
        ]
        return measure(commands, rows, quick)
