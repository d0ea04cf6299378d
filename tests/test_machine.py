"""``baocao kiemtra-may``: LibreOffice and its components, the Times New Roman font,
the workspace and each of its years, as ``quarto check`` reports its machine."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from baocao.cli import app
from baocao.commands import machine
from baocao.commands.machine import Status, check_font, check_libreoffice, components

from .helpers import build_file_tree, clean_copy

runner = CliRunner()


def fake_libreoffice(root, *libraries: str) -> str:
    """A LibreOffice program folder holding ``soffice`` and ``libraries``."""
    build_file_tree(root, {"program/soffice": "", **{f"program/{n}": "" for n in libraries}})
    return str(root / "program" / "soffice")


@pytest.mark.parametrize(
    ("libraries", "found"),
    [
        (("libswlo.so", "libsclo.so"), {"Writer": True, "Calc": True}),
        (("libswlo.so",), {"Writer": True, "Calc": False}),  # libreoffice-writer-nogui only
        (("swlo.dll", "sclo.dll"), {"Writer": True, "Calc": True}),  # Windows
        ((), None),  # a wrapper script: nothing to tell
    ],
    ids=["both", "writer-only", "windows", "unknown"],
)
def test_components_are_read_from_the_program_folder(tmp_path, libraries, found):
    assert components(fake_libreoffice(tmp_path, *libraries)) == found


def test_libreoffice_without_calc_is_a_warning_with_the_package_to_install(tmp_path):
    findings = check_libreoffice(fake_libreoffice(tmp_path, "libswlo.so"))
    by_subject = {f.subject: f for f in findings}
    assert by_subject["LibreOffice Writer"].status is Status.OK
    calc = by_subject["LibreOffice Calc"]
    assert calc.status is Status.WARNING
    assert "sudo apt-get install libreoffice-calc-nogui" in calc.detail


def test_no_libreoffice_says_how_to_install_it():
    [finding] = check_libreoffice(None)
    assert finding.status is Status.WARNING
    assert "libreoffice-writer-nogui" in finding.detail and "calc-nogui" in finding.detail
    assert "https://www.libreoffice.org/download/" in finding.detail


def test_the_font_and_what_its_absence_does_to_the_pdf():
    assert check_font({"Times New Roman", "Arial"}).status is Status.OK
    substitute = check_font({"Liberation Serif"})
    assert substitute.status is Status.WARNING
    assert "Liberation Serif thay thế" in substitute.detail
    assert "ngắt như trong Word" in substitute.detail
    neither = check_font({"DejaVu Sans"})
    assert "bố cục xê dịch" in neither.detail
    assert "Tệp Word không đổi" in neither.detail


def test_fonts_are_found_by_file_where_there_is_no_fontconfig(tmp_path):
    build_file_tree(tmp_path, {"Fonts/TIMES.TTF": "", "Fonts/arial.ttf": ""})
    assert machine._families_from_files([tmp_path / "Fonts"]) == {"Times New Roman"}
    assert machine._families_from_files([tmp_path / "khong_co"]) is None


@pytest.fixture
def ready(monkeypatch, tmp_path):
    """A machine with everything: LibreOffice with both components and the font."""
    soffice = fake_libreoffice(tmp_path / "lo", "libswlo.so", "libsclo.so")
    monkeypatch.setattr(machine, "find_soffice", lambda: soffice)
    monkeypatch.setattr(machine, "font_families", lambda: {"Times New Roman"})
    work = tmp_path / "ws"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


def test_a_ready_machine_in_a_valid_workspace(ready):
    clean_copy(ready, ("data", "reports"))
    (ready / "reports" / "2024").mkdir(exist_ok=True)
    result = runner.invoke(app, ["kiemtra-may"])
    assert result.exit_code == 0, result.output
    reports = len(list((ready / "reports" / "2024").glob("*.md")))
    assert f"đạt      năm 2024: dữ liệu và {reports} báo cáo hợp lệ" in result.output
    assert "cảnh báo năm 2022" in result.output  # no signer's name in its seed
    assert "→ baocao validate 2022" in result.output
    assert result.output.splitlines()[-1].startswith("0 lỗi, 2 cảnh báo")


def test_a_workspace_with_errors_fails(ready):
    clean_copy(ready, ("data", "reports"))
    path = ready / "data" / "2024.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("year: 2024", "year: 24"), "utf-8")
    result = runner.invoke(app, ["kiemtra-may"])
    assert result.exit_code == 1
    reports = len(list((ready / "reports" / "2024").glob("*.md")))
    assert re.search(rf"lỗi +năm 2024: dữ liệu và {reports} báo cáo: \d+ lỗi", result.output)
    assert "sửa các lỗi trên" in result.output.splitlines()[-1]


def test_outside_a_workspace_says_how_to_make_one(ready):
    result = runner.invoke(app, ["kiemtra-may"])
    assert result.exit_code == 0
    assert "tạo thư mục mẫu bằng 'baocao init ws'" in result.output
    assert (
        result.output.splitlines()[-1]
        == "0 lỗi, 1 cảnh báo: tạo được văn bản; xem các cảnh báo trên."
    )
