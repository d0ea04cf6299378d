from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from baocao.cli import app

from .helpers import EXAMPLE_REPORT, body_lines, example_workspace, shipped

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def test_render_year_writes_the_documents_of_every_report_of_the_year(in_repo, tmp_path):
    result = runner.invoke(app, ["render", "2024", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    reports = [p.stem for p in shipped("reports/2024/*.md")]
    assert len(reports) >= 1
    for report in reports:
        written = [p for p in tmp_path.iterdir() if p.name.endswith(f"_2024_{report}.docx")]
        assert written, report
        for path in written:
            prefix = path.name.split("_")[0]
            kind = {"BaoCao": "BÁO CÁO", "CongVan": "CÔNG VĂN", "KeHoach": "KẾ HOẠCH"}.get(
                prefix, "Phụ lục"
            )
            assert f"Đã ghi {kind}: {path}" in result.output


def test_render_accepts_a_report_path_and_finds_its_workspace_data(tmp_path):
    result = runner.invoke(app, ["render", str(EXAMPLE_REPORT), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert body_lines(tmp_path / "BaoCao_2024_bao-cao-mau.docx")[2] == "BÁO CÁO"


def test_render_default_output_folder_is_out(tmp_path, monkeypatch):
    work = example_workspace(tmp_path / "work")
    monkeypatch.chdir(work)
    result = runner.invoke(app, ["render", "2024"])
    assert result.exit_code == 0, result.output
    assert (work / "out" / "BaoCao_2024_bao-cao-mau.docx").is_file()


def test_a_year_without_reports_is_a_clear_error(in_repo, tmp_path):
    result = runner.invoke(app, ["render", "1999", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "không có báo cáo nào của năm 1999 (tệp .md trong 'reports/1999')" in result.output
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_a_report_without_its_data_is_a_clear_error(tmp_path, monkeypatch):
    work = example_workspace(tmp_path / "work")
    (work / "data" / "2024.yaml").unlink()
    monkeypatch.chdir(work)
    result = runner.invoke(app, ["render", "2024"])
    assert result.exit_code == 1
    assert "Không tìm thấy tệp dữ liệu: data/2024.yaml" in result.output


def test_a_missing_year_file_names_the_years_its_folder_has(in_repo):
    result = runner.invoke(app, ["validate", "2031"])
    assert result.exit_code == 1
    assert (
        "Không tìm thấy tệp dữ liệu: data/2031.yaml (trong 'data' chỉ có: 2022.yaml, "
        "2023.yaml, 2024.yaml)"
    ) in " ".join(result.output.split())


def test_a_report_validated_outside_its_workspace_says_where_data_was_looked_for(
    tmp_path, monkeypatch
):
    work = example_workspace(tmp_path / "work")
    outside = tmp_path / "ngoai"
    outside.mkdir()
    report = outside / "bao-cao.md"
    report.write_bytes((work / "reports" / "2024" / "bao-cao-mau.md").read_bytes())
    monkeypatch.chdir(outside)
    result = runner.invoke(app, ["validate", str(report)])
    assert result.exit_code == 1
    assert (
        f"Không tìm thấy tệp dữ liệu: data/2024.yaml (không có thư mục 'data' trong '{outside}': "
        "chạy lệnh trong thư mục làm việc, nơi có data/ và reports/, hoặc chỉ định đúng thư mục "
        "dữ liệu bằng --data)"
    ) in " ".join(result.output.split())
    pointed = runner.invoke(app, ["validate", str(report), "--data", str(work / "data")])
    assert pointed.exit_code == 0, pointed.output
    wrong = runner.invoke(app, ["validate", str(report), "--data", str(tmp_path / "khong_co")])
    assert f"(không có thư mục '{tmp_path / 'khong_co'}')" in " ".join(wrong.output.split())


def test_missing_report_file_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["render", str(tmp_path / "khong_co.md")])
    assert result.exit_code == 1
    assert f"Không tìm thấy tệp báo cáo: {tmp_path / 'khong_co.md'}" in result.output


def test_a_data_file_path_is_explained(tmp_path):
    result = runner.invoke(app, ["render", str(ROOT / "examples" / "data" / "2024.yaml")])
    assert result.exit_code == 1
    assert "không phải một năm hay một tệp báo cáo .md" in result.output


def test_render_without_year_is_a_usage_error():
    result = runner.invoke(app, ["render"])
    assert result.exit_code == 2


def test_invalid_data_names_file_line_and_field(tmp_path, monkeypatch):
    work = example_workspace(
        tmp_path / "work", data=(("numerator: 605172", 'numerator: "605.172"'),)
    )
    monkeypatch.chdir(work)
    result = runner.invoke(app, ["render", "2024", "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    broken = Path("data") / "2024.yaml"
    lines = (work / broken).read_text(encoding="utf-8").splitlines()
    line = next(n for n, t in enumerate(lines, 1) if "605.172" in t)
    assert f"{broken}:{line}:20: lỗi:" in result.output
    assert "numerator" in result.output
    assert result.stderr.startswith(f"{broken}:{line}:20: lỗi:")  # no empty line first
    assert not (tmp_path / "out").exists()
