"""``render 2024 --pdf`` from the shell beside its floor: the same render without PDF,
plus one LibreOffice run converting the same six Word files (a fresh user profile each
time, as baocao uses)."""

from __future__ import annotations

import itertools
import subprocess
import tempfile
from pathlib import Path

from benchmarks.targets import Ratio, Shell, Target, cli, measure

WHY = "beyond the floor: copying each PDF into place and watching LibreOffice's progress"


def soffice_batch(soffice: str, sources: list[Path], folder: Path) -> Shell:
    """LibreOffice converting ``sources`` as baocao asks it to, each run with a new
    profile (LibreOffice makes it: the first start in a profile costs more)."""
    from baocao.commands.soffice import command

    count = itertools.count()

    def argv() -> list[str]:
        profile = folder / f"profile-{next(count)}"
        return command(soffice, sources, folder / "pdf", profile)

    return Shell(argv)


def targets(quick: bool) -> list[Target]:
    from baocao.commands.pdf import find_soffice

    name = "render 2024 --pdf"
    soffice = find_soffice()
    if soffice is None:
        return [Target(name, None, None, "not measured: LibreOffice is not installed")]
    print("PDF: render 2024 --pdf beside render + one LibreOffice run ...", flush=True)
    with tempfile.TemporaryDirectory(prefix="baocao-bench-") as folder_name:
        folder = Path(folder_name)
        words = folder / "word"
        subprocess.run(cli("render", "2024", "--out", str(words)), check=True, capture_output=True)
        sources = sorted(words.glob("*.docx"))
        commands = {
            "render": Shell(cli("render", "2024", "--out", str(folder / "again"))),
            "soffice": soffice_batch(soffice, sources, folder),
            "render --pdf": Shell(cli("render", "2024", "--pdf", "--out", str(folder / "pdf"))),
        }
        row = Ratio(
            name,
            "render --pdf",
            floor=("render", "soffice"),
            times=1.3,
            describe=f"1.3 × (render + one soffice of {len(sources)} files)",
            why=WHY,
        )
        return measure(commands, [row], quick)
