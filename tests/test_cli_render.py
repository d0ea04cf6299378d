from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from baocao.cli import app

from .helpers import body_lines

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def test_render_year_writes_both_documents(in_repo, tmp_path):
    result = runner.invoke(app, ["render", "2024", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "BaoCao_2024.docx").is_file()
    assert (tmp_path / "PhuLuc_2024.docx").is_file()
    assert f"Đã ghi BÁO CÁO: {tmp_path / 'BaoCao_2024.docx'}" in result.output
    assert f"Đã ghi Phụ lục: {tmp_path / 'PhuLuc_2024.docx'}" in result.output


def test_render_accepts_a_path(tmp_path):
    example = ROOT / "examples" / "minimal.yaml"
    result = runner.invoke(app, ["render", str(example), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert body_lines(tmp_path / "BaoCao_2024.docx")[2] == "BÁO CÁO"


def test_render_default_output_folder_is_out(in_repo, tmp_path, monkeypatch):
    work = tmp_path / "work"
    (work / "data").mkdir(parents=True)
    (work / "data" / "2024.yaml").write_text(
        (ROOT / "examples" / "minimal.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    monkeypatch.chdir(work)
    result = runner.invoke(app, ["render", "2024"])
    assert result.exit_code == 0, result.output
    assert (work / "out" / "BaoCao_2024.docx").is_file()


def test_unknown_year_is_a_clear_error(in_repo, tmp_path):
    result = runner.invoke(app, ["render", "1999", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "Không tìm thấy tệp dữ liệu: data/1999.yaml" in result.output
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_missing_file_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["render", str(tmp_path / "khong_co.yaml")])
    assert result.exit_code == 1
    assert f"Không tìm thấy tệp dữ liệu: {tmp_path / 'khong_co.yaml'}" in result.output


def test_render_without_year_is_a_usage_error():
    result = runner.invoke(app, ["render"])
    assert result.exit_code == 2


def test_invalid_data_names_file_line_and_field(tmp_path):
    text = (ROOT / "examples" / "minimal.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "2024.yaml"
    broken.write_text(text.replace("numerator: 605172", 'numerator: "605.172"'), encoding="utf-8")
    result = runner.invoke(app, ["render", str(broken), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    line = next(n for n, t in enumerate(broken.read_text().splitlines(), 1) if "605.172" in t)
    assert f"{broken}:{line}:20: lỗi:" in result.output
    assert "numerator" in result.output
    assert not (tmp_path / "out").exists()
