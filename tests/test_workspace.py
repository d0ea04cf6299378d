"""The workspace: folders from defaults, settings file and options; years cached."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from baocao.cli import app
from baocao.errors import SettingsError
from baocao.workspace import Workspace

from .helpers import build_file_tree

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = (ROOT / "examples" / "data" / "2024.yaml").read_text(encoding="utf-8")
runner = CliRunner()


def test_defaults_are_the_folders_under_the_root(tmp_path):
    workspace = Workspace.open(tmp_path)
    assert workspace.data == tmp_path / "data"
    assert workspace.reports == tmp_path / "reports"
    assert workspace.out == tmp_path / "out"
    assert workspace.year_path("2024") == tmp_path / "data" / "2024.yaml"
    assert workspace.year_path("khac/2024.yaml") == Path("khac/2024.yaml")


def test_settings_file_moves_folders_and_options_win(tmp_path):
    build_file_tree(tmp_path, {"baocao.yaml": "data: so_lieu\nout: ket_qua\n"})
    workspace = Workspace.open(tmp_path)
    assert (workspace.data, workspace.out) == (tmp_path / "so_lieu", tmp_path / "ket_qua")
    chosen = Workspace.open(tmp_path, data=Path("khac"))
    assert (chosen.data, chosen.out) == (Path("khac"), tmp_path / "ket_qua")


def test_a_wrong_settings_key_is_located(tmp_path):
    build_file_tree(tmp_path, {"baocao.yaml": "data: so_lieu\noutput: ket_qua\n"})
    with pytest.raises(SettingsError) as caught:
        Workspace.open(tmp_path)
    [problem] = caught.value.problems
    assert (problem.line, problem.column) == (2, 1)
    assert "khóa không hợp lệ 'output'" in problem.message


def test_render_uses_the_settings_file(tmp_path, monkeypatch):
    report = (ROOT / "examples" / "reports" / "2024" / "bao-cao-mau.md").read_text("utf-8")
    build_file_tree(
        tmp_path,
        {
            "baocao.yaml": "data: so_lieu\nreports: bao_cao\nout: ket_qua\n",
            "so_lieu/2024.yaml": EXAMPLE,
            "bao_cao/2024/mau.md": report,
        },
    )
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["render", "2024", "--templates", str(ROOT / "templates")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "ket_qua").iterdir()) == [
        "BaoCao_2024_mau.docx",
        "PhuLuc_2024_mau.docx",
    ]


def test_a_bad_settings_file_stops_every_command_with_exit_1(tmp_path, monkeypatch):
    build_file_tree(tmp_path, {"baocao.yaml": "thu_muc: x\n"})
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["validate", "2024"])
    assert result.exit_code == 1
    assert "baocao.yaml:1:1: lỗi: khóa không hợp lệ 'thu_muc'" in result.output


def test_years_are_loaded_once_until_the_file_changes(tmp_path):
    build_file_tree(tmp_path, {"data/2024.yaml": EXAMPLE})
    workspace = Workspace.open(tmp_path)
    first = workspace.load("2024")
    assert workspace.load("2024") is first
    path = tmp_path / "data" / "2024.yaml"
    path.write_text(EXAMPLE.replace("88,18%", "88,18%", 1) + "\n", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert workspace.load("2024") is not first
