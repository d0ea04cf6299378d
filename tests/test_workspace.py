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


def test_the_workspace_is_found_from_any_subfolder(tmp_path, monkeypatch):
    """Issue 26: from reports/2024/ commands did not find the workspace, and a report
    rendered there wrote a stray out/ beside it."""
    from .helpers import EXAMPLE_REPORT, example_workspace

    example_workspace(tmp_path)
    here = tmp_path / "reports" / "2024"
    monkeypatch.chdir(here)
    result = runner.invoke(
        app, ["render", "bao-cao-mau.md", "--templates", str(ROOT / "templates")]
    )
    assert result.exit_code == 0, result.output
    assert "Đã ghi BÁO CÁO: ../../out/BaoCao_2024_bao-cao-mau.docx" in result.output
    assert (tmp_path / "out" / "BaoCao_2024_bao-cao-mau.docx").is_file()
    assert sorted(p.name for p in here.iterdir()) == [EXAMPLE_REPORT.name]  # no stray out/
    monkeypatch.chdir(tmp_path / "data")
    checked = runner.invoke(app, ["validate", "2024"])
    assert checked.exit_code == 0, checked.output
    assert "dữ liệu hợp lệ" in checked.output


def test_the_root_is_the_nearest_folder_that_has_a_workspace(tmp_path):
    from baocao.workspace import find_root

    build_file_tree(
        tmp_path,
        {
            "data/x.txt": "",  # a home folder's own data/: not a workspace without reports/
            "ws/baocao.yaml": "out: ket_qua\n",
            "ws/so_lieu/2024.yaml": "",
            "ws/bao_cao/2024/a.md": "",
            "ws2/data/2024.yaml": "",
            "ws2/reports/2024/a.md": "",
            "ws2/khac/sau/x.txt": "",
        },
    )
    inner = tmp_path / "ws" / "bao_cao" / "2024"
    assert (inner / find_root(inner)).resolve() == tmp_path / "ws"
    assert find_root(inner) == inner / ".." / ".."
    deep = tmp_path / "ws2" / "khac" / "sau"
    assert (deep / find_root(deep)).resolve() == tmp_path / "ws2"
    assert find_root(tmp_path / "ws2") == tmp_path / "ws2"
    alone = tmp_path / "rieng"
    alone.mkdir()
    assert find_root(alone) == alone  # nothing above qualifies: the folder itself
    opened = Workspace.find(inner)
    assert opened.out.resolve() == tmp_path / "ws" / "ket_qua"
