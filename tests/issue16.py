"""Helpers of the issue 16 tests: a year file with one line changed, an out folder
that already holds a good pair of documents, and the CLI run on them."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from baocao.cli import app

from .hardening import EXAMPLE

runner = CliRunner()
OLD = b"the report the user had before"


def year_file(folder: Path, old: str = "", new: str = "", name: str = "2024.yaml") -> Path:
    """The minimal example with ``old`` replaced by ``new`` (once; ``old`` must be there)."""
    text = EXAMPLE.read_text(encoding="utf-8")
    if old:
        assert old in text, old
        text = text.replace(old, new, 1)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def good_out(folder: Path) -> dict[Path, bytes]:
    """An out folder holding a previous pair of documents."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {folder / "BaoCao_2024.docx": OLD + b" 1", folder / "PhuLuc_2024.docx": OLD + b" 2"}
    for path, data in files.items():
        path.write_bytes(data)
    return files


def assert_untouched(folder: Path, files: dict[Path, bytes]) -> None:
    for path, data in files.items():
        assert path.read_bytes() == data
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in files)


def cli(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def render_refused(tmp_path: Path, year: Path, *extra: str):
    """Render ``year`` over a good out folder: it must fail and leave the folder as it was."""
    out = tmp_path / "out"
    files = good_out(out)
    result = cli("render", year, "--out", out, *extra)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "không mong đợi" not in result.output
    assert_untouched(out, files)
    return result
