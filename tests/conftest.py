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
def in_repo(monkeypatch, tmp_path_factory):
    """Run in a copy of the repository's own workspace (data/, reports/, templates/,
    examples/, schema/) as a fresh checkout has it: what a user's trial of the README
    left in the checkout (a 2025 year, out/) is not there."""
    from .helpers import clean_copy

    root = clean_copy(tmp_path_factory.mktemp("repo"))
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def round_ws(tmp_path, monkeypatch):
    """A collection round: the repository's data and reports rolled over to 2025, as
    working directory, with every agency's form in out/BieuMau_2025/."""
    from typer.testing import CliRunner

    from baocao.cli import app

    from .helpers import clean_copy

    clean_copy(tmp_path, ("data", "reports"))
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


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Only a test marked ``libreoffice`` may run LibreOffice (``helpers.libreoffice``)."""
    from .helpers import LIBREOFFICE_ALLOWED

    if item.get_closest_marker("libreoffice") is not None:
        os.environ[LIBREOFFICE_ALLOWED] = "1"
    else:
        os.environ.pop(LIBREOFFICE_ALLOWED, None)


def pytest_report_header(config):
    return f"baocao tests; seeds: {SEEDS if SEEDS.is_dir() else 'not found'}; cwd {os.getcwd()}"
