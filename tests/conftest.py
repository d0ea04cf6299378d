from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(autouse=True)
def _stable_terminal(monkeypatch):
    """Rich wraps at the terminal width: pin it so printed tables are the same everywhere."""
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")


@pytest.fixture
def in_repo(monkeypatch):
    """Run with the repository as working directory (data/ and templates/ found there)."""
    monkeypatch.chdir(ROOT)
    return ROOT


@pytest.fixture
def round_ws(tmp_path, monkeypatch):
    """A collection round: the repository's data and reports rolled over to 2025, as
    working directory, with every agency's form in out/BieuMau_2025/."""
    import shutil

    from typer.testing import CliRunner

    from baocao.cli import app

    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "reports", tmp_path / "reports")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["new", "2025"]).exit_code == 0
    made = runner.invoke(app, ["form", "2025", "--by-agency"])
    assert made.exit_code == 0, made.output
    return tmp_path


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current output (review the diff!)",
    )


@pytest.fixture
def golden(request):
    """Compare text with tests/golden/<name>; rewrite it only with --update-golden."""
    update = request.config.getoption("--update-golden")

    def check(name: str, text: str) -> None:
        path = ROOT / "tests" / "golden" / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        assert path.is_file(), f"missing golden file {path}: run pytest --update-golden"
        assert text == path.read_text(encoding="utf-8")

    return check


def pytest_report_header(config):
    return f"baocao tests; seeds: {SEEDS if SEEDS.is_dir() else 'not found'}; cwd {os.getcwd()}"
