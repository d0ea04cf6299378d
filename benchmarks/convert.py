"""``baocao convert`` from the shell on a report of about 30 pages: the BÁO CÁO of 2024
on digital transformation (10 pages) and its Phụ lục (24 pages), rendered from the
shipped data, converted back into a workspace holding that data; with and without
``--figures``.

Each run converts into the same workspace under a new id (convert never overwrites),
its year file first put back as shipped, so ``--figures`` always adds to the same file.
"""

from __future__ import annotations

import itertools
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from benchmarks.targets import ROOT, Limit, Shell, Target, cli, measure

REPORT = "BaoCao_2024_chuyen-doi-so.docx"
APPENDIX = "PhuLuc_2024_chuyen-doi-so.docx"
YEAR_FILE = ROOT / "data" / "2024.yaml"
LIMIT = 2.0
"""Seconds for a report of about 30 pages (issue 24)."""


def rendered(folder: Path) -> tuple[Path, Path]:
    """The report and its Phụ lục, rendered from the shipped data."""
    words = folder / "word"
    subprocess.run(cli("render", "2024", "--out", str(words)), check=True, capture_output=True)
    return words / REPORT, words / APPENDIX


def converting(workspace: Path, files: tuple[Path, Path], *options: str) -> Callable[[], list[str]]:
    """A new ``convert`` command line for each run (a new id), the year file as shipped."""
    numbers = itertools.count(1)
    tag = "-".join(option.strip("-") for option in options) or "plain"

    def argv() -> list[str]:
        shutil.copyfile(YEAR_FILE, workspace / "data" / "2024.yaml")
        report_id = f"do-{tag}-{next(numbers)}"
        return cli("convert", *map(str, files), "--year", "2024", "--id", report_id, *options)

    return argv


def targets(quick: bool) -> list[Target]:
    print("convert: a report of 34 pages (10 + Phụ lục 24), then with --figures ...", flush=True)
    with tempfile.TemporaryDirectory(prefix="baocao-bench-") as folder:
        root = Path(folder)
        files = rendered(root)
        workspace = root / "ws"
        (workspace / "data").mkdir(parents=True)
        (workspace / "reports").mkdir()
        commands = {
            "convert": Shell(converting(workspace, files), cwd=workspace),
            "figures": Shell(converting(workspace, files, "--figures"), cwd=workspace),
        }
        rows = [
            Limit("convert: report of 34 pages", "convert", LIMIT),
            Limit("convert --figures: the same report", "figures", LIMIT),
        ]
        return measure(commands, rows, quick)
