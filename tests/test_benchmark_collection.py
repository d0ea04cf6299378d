"""The collection benchmark's synthetic round is a valid one (its times are never
asserted): every agency gets a form, the filled forms import, nothing stays pending."""

from __future__ import annotations

from typer.testing import CliRunner

from baocao.cli import app
from benchmarks.collection import build, fill


def test_the_synthetic_round_runs_through(tmp_path, monkeypatch):
    root = build(tmp_path, agencies=3, metrics=30)
    monkeypatch.chdir(root)
    runner = CliRunner()
    made = runner.invoke(app, ["form", "2025", "--by-agency"])
    assert made.exit_code == 0, made.output
    assert fill(root / "out" / "BieuMau_2025", root / "filled") == 3
    imported = runner.invoke(app, ["import", "2025", "filled"])
    assert imported.exit_code == 0, imported.output
    text = (root / "data" / "2025.yaml").read_text(encoding="utf-8")
    assert "pending" not in text
    assert text.count("collected:") == 30 + 3 * 10  # every figure and task, once
