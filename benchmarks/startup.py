"""Starting the commands a user runs most, from the shell, beside their floors:
``--help`` against importing typer, ``validate 2024`` against reading the same files
with libyaml and one pydantic model, rendering one report against validating it."""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks.targets import Limit, Ratio, Shell, Target, cli, measure, python, runs

ONE_REPORT = "reports/2024/chuyen-doi-so.md"
VALIDATE_WHY = (
    "beyond the floor: baocao's pydantic models of both kinds of file (the floor builds "
    "one), markdown-it reading the four reports, baocao's own modules, and the checks, "
    "including building every report's documents"
)


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


def commands(out: Path) -> dict[str, Shell]:
    return {
        "import typer": Shell(python("import typer")),
        "help": Shell(cli("--help")),
        "floor": Shell(python(floor_code("2024"))),
        "validate": Shell(cli("validate", "2024")),
        "validate it": Shell(cli("validate", ONE_REPORT)),
        "render_one": Shell(cli("render", ONE_REPORT, "--out", str(out))),
        "render_all": Shell(cli("render", "2024", "--out", str(out))),
    }


ROWS = [
    Ratio("baocao --help", "help", floor=("import typer",), times=1.5),
    Ratio("baocao validate 2024", "validate", floor=("floor",), times=1.5, why=VALIDATE_WHY),
    Ratio("render one report", "render_one", floor=("validate it",), plus=0.25),
    Limit("baocao render 2024", "render_all", 1.0, "every report of the year"),
]


def targets(quick: bool) -> list[Target]:
    """Twice the usual runs, and one: each takes a fraction of a second, and a busy
    moment of the machine moves a median of few runs."""
    print("Starting from the shell: --help, validate, render ...", flush=True)
    with tempfile.TemporaryDirectory(prefix="baocao-bench-") as out:
        return measure(commands(Path(out)), ROWS, quick, count=2 * runs(quick) + 1)
