"""``baocao convert`` as the README's section "Bắt đầu từ văn bản Word có sẵn" tells a
user to run it: in a new workspace, the Word file beside it; the summary it prints;
then ``validate`` and ``render``. A report that exists already is never overwritten."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from baocao.cli import app

from .convert_commune import FILE_NAME, commune_submission

runner = CliRunner()
REPORT = "reports/2025/totrinh-camera-xa.md"


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["init", "ws"]).exit_code == 0
    root = tmp_path / "ws"
    document, _expected = commune_submission()
    document.save(str(root / FILE_NAME))
    monkeypatch.chdir(root)
    return root


def test_the_readme_steps_in_a_new_workspace(workspace):
    result = runner.invoke(app, ["convert", FILE_NAME])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:3] == [
        f"Đã ghi báo cáo: {REPORT}",
        "Đã ghi dữ liệu (tệp mới): data/2025.yaml",
        "Nhận ra: 5 đoạn văn, 5 đề mục, 2 gạch đầu dòng, 1 chú thích.",
    ]
    assert "  ngày tháng: 12/03/2025" in lines
    assert "  cơ quan ban hành: ỦY BAN NHÂN DÂN XÃ TÂN PHÚ" in lines
    assert "Kiểm tra báo cáo: 0 lỗi, 1 cảnh báo hay lưu ý." in lines
    checked = runner.invoke(app, ["validate", "2025"])
    assert checked.exit_code == 0 and "0 lỗi, 0 cảnh báo" in checked.output, checked.output
    rendered = runner.invoke(app, ["render", "2025", "--report", "totrinh-camera-xa"])
    assert rendered.exit_code == 0, rendered.output
    assert (workspace / "out" / "ToTrinh_2025_totrinh-camera-xa.docx").is_file()


def test_a_report_that_exists_is_not_overwritten(workspace):
    assert runner.invoke(app, ["convert", FILE_NAME]).exit_code == 0
    before = (workspace / REPORT).read_bytes()
    again = runner.invoke(app, ["convert", FILE_NAME])
    output = " ".join(again.output.split())
    assert again.exit_code == 1
    assert "không ghi đè" in output and "--id totrinh-camera-xa-2" in output
    assert (workspace / REPORT).read_bytes() == before
    other = runner.invoke(app, ["convert", FILE_NAME, "--id", "to-trinh-ban-2"])
    assert other.exit_code == 0, other.output
    assert (workspace / "reports" / "2025" / "to-trinh-ban-2.md").is_file()
