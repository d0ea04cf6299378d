"""Helpers of the issue 16 tests: a year file with one line changed, an out folder
that already holds a good pair of documents, and the CLI run on them."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from baocao.cli import app

from .hardening import EXAMPLE, EXAMPLE_REPORT

runner = CliRunner()
OLD = b"the report the user had before"
REPORT_FILE = "BaoCao_2024_bao-cao-mau.docx"
APPENDIX_FILE = "PhuLuc_2024_bao-cao-mau.docx"


def report_of(data_file: Path) -> Path:
    """The example report beside a year file: ``<root>/reports/2024/bao-cao-mau.md`` where
    ``<root>`` is the parent of a ``data`` folder, else the year file's own folder."""
    folder = data_file.parent
    root = folder.parent if folder.name == "data" else folder
    return root / "reports" / "2024" / "bao-cao-mau.md"


def year_file(folder: Path, old: str = "", new: str = "", name: str = "2024.yaml") -> Path:
    """The example year file ``folder/name`` and its report beside it, with ``old``
    replaced by ``new`` once in whichever of the two holds it. Returns the file edited
    (the year file when nothing is)."""
    data = EXAMPLE.read_text(encoding="utf-8")
    report = EXAMPLE_REPORT.read_text(encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    report_path = report_of(path)
    report_path.parent.mkdir(parents=True, exist_ok=True)
    edited = path
    if old and old in data:
        data = data.replace(old, new, 1)
    elif old:
        assert old in report, old
        report = report.replace(old, new, 1)
        edited = report_path
    path.write_text(data, encoding="utf-8")
    if not report_path.exists() or edited == report_path:
        report_path.write_text(report, encoding="utf-8")
    return edited


def render_args(edited: Path) -> list[str | Path]:
    """``render`` of the example report whose year file or report is ``edited``."""
    if edited.suffix == ".md":
        root = edited.parents[2]
        data = root / "data" if (root / "data" / "2024.yaml").is_file() else root
        return [edited, "--data", data]
    return [report_of(edited), "--data", edited.parent]


def good_out(folder: Path) -> dict[Path, bytes]:
    """An out folder holding a previous pair of documents."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {folder / REPORT_FILE: OLD + b" 1", folder / APPENDIX_FILE: OLD + b" 2"}
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
    result = cli("render", *render_args(year), "--out", out, *extra)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "không mong đợi" not in result.output
    assert_untouched(out, files)
    return result
