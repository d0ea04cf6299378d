"""The README stays true: its commands are the ones CI runs and every command is documented."""

from __future__ import annotations

import re
from pathlib import Path

from baocao.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def setup_commands() -> list[str]:
    block = re.search(r"```\n(.*?)\n```", README, re.DOTALL)
    assert block, "the README opens with a code block of set-up commands"
    return block.group(1).splitlines()


def test_readme_opens_with_exactly_two_setup_commands():
    commands = setup_commands()
    assert len(commands) == 2
    assert commands[0].endswith("baocao render 2024")
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command_verbatim():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert setup_commands()[1] in ci.splitlines()


def test_every_command_is_in_the_readme():
    names = [command.name or command.callback.__name__ for command in app.registered_commands]
    assert names
    for name in names:
        assert f"baocao {name}" in README, f"'baocao {name}' is not documented in README.md"


def test_the_workspace_readme_shows_the_excel_path():
    """Issue 26: the README of a new workspace listed render, validate and new only."""
    starter = (ROOT / "starter" / "README.md").read_text(encoding="utf-8")
    for command in (
        "baocao render 2024",
        "baocao validate 2024",
        "baocao new 2025",
        "baocao form 2025",
        "baocao import 2025 out/BieuMau_2025.xlsx",
        "baocao kiemtra-may",
    ):
        assert f"`{command}" in starter, command
