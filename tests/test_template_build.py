"""The template builder is part of the package and reproduces the tracked templates."""

from __future__ import annotations

import subprocess
import sys

from baocao.render.template_build import build

from .helpers import ROOT


def test_building_the_templates_gives_the_tracked_files_byte_for_byte(tmp_path):
    written = build(tmp_path)
    assert [p.name for p in written] == ["BaoCao.docx", "PhuLuc.docx"]
    for path in written:
        assert path.read_bytes() == (ROOT / "templates" / path.name).read_bytes(), path.name


def test_the_builder_runs_as_a_module_into_the_folder_named(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "baocao.render.template_build", str(tmp_path / "mau")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Đã tạo" in done.stdout
    built = tmp_path / "mau" / "PhuLuc.docx"
    assert built.read_bytes() == (ROOT / "templates" / "PhuLuc.docx").read_bytes()
