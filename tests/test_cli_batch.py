"""``baocao render`` of several years: in this process and in worker processes,
one failing year reported without stopping the others, a summary, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from baocao.cli import app
from baocao.commands import render as batch
from baocao.workspace import Workspace

from .helpers import body_lines, build_file_tree

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = (ROOT / "examples" / "data" / "2024.yaml").read_text(encoding="utf-8")
REPORT = (ROOT / "examples" / "reports" / "2024" / "bao-cao-mau.md").read_text(encoding="utf-8")
runner = CliRunner()


def year_text(year: int) -> str:
    return EXAMPLE.replace("year: 2024", f"year: {year}").replace(
        'as_of: "2024"', f'as_of: "{year}"'
    )


def report_text(year: int) -> str:
    return REPORT.replace("year: 2024", f"year: {year}").replace(
        "date: 2024-12-13", f"date: {year}-12-13"
    )


def names(year: int) -> tuple[str, str]:
    return f"BaoCao_{year}_bao-cao-mau.docx", f"PhuLuc_{year}_bao-cao-mau.docx"


@pytest.fixture
def data(tmp_path, monkeypatch):
    """A workspace with three years, 2023's data invalid, as working directory."""
    files = {f"reports/{y}/bao-cao-mau.md": report_text(y) for y in (2022, 2023, 2024)}
    files |= {
        "data/2022.yaml": year_text(2022),
        "data/2023.yaml": year_text(2023).replace("numerator: 605172", 'numerator: "605.172"'),
        "data/2024.yaml": year_text(2024),
        "data/ghi_chu.yaml": "không phải tệp năm",
    }
    build_file_tree(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data"


def render(*args: str):
    return runner.invoke(app, ["render", *args], catch_exceptions=False)


@pytest.mark.parametrize("jobs", ["1", "2"], ids=["in-process", "worker-processes"])
def test_one_failing_report_does_not_stop_the_others(data, tmp_path, jobs):
    out = tmp_path / "out"
    result = render("2022", "2023", "2024", "--out", str(out), "-j", jobs)
    assert result.exit_code == 1, result.output
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted([*names(2022), *names(2024)])
    assert body_lines(out / names(2022)[0])[2] == "BÁO CÁO"
    summary = result.stdout[result.stdout.index("Tổng kết:") :]
    assert summary == (
        "Tổng kết:\n"
        f"  2022/bao-cao-mau: xong: đã ghi {', '.join(names(2022))}\n"
        "  2023/bao-cao-mau: lỗi: dữ liệu không hợp lệ (1 lỗi, 0 cảnh báo), chưa ghi tệp nào.\n"
        f"  2024/bao-cao-mau: xong: đã ghi {', '.join(names(2024))}\n"
        "2 văn bản xong, 1 văn bản lỗi.\n"
    )
    assert "data/2023.yaml:" in result.stderr  # the problem, located
    assert f"Đã ghi BÁO CÁO: {out / names(2024)[0]}" in result.stdout


@pytest.mark.parametrize("jobs", ["1", "2"], ids=["in-process", "worker-processes"])
def test_all_renders_every_report_of_every_year(data, tmp_path, jobs):
    (data / "2023.yaml").write_text(year_text(2023), encoding="utf-8")
    out = tmp_path / "out"
    result = render("--all", "--out", str(out), "--jobs", jobs)
    assert result.exit_code == 0, result.output
    assert len(list(out.glob("*.docx"))) == 6
    assert result.stdout.endswith("3 văn bản xong, 0 văn bản lỗi.\n")
    for year in (2022, 2023, 2024):
        assert f"  {year}/bao-cao-mau: xong: đã ghi {', '.join(names(year))}\n" in result.stdout


def test_all_without_reports_is_an_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = render("--all", "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "không có báo cáo nào trong thư mục 'reports'" in result.output


def test_single_report_prints_no_summary(data, tmp_path):
    result = render("2022", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "Tổng kết" not in result.output


def test_a_year_named_twice_is_rendered_once(data, tmp_path):
    result = render("2022", "2022", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert result.stdout.count("Đã ghi BÁO CÁO") == 1


def test_report_option_renders_one_report_of_the_year(data, tmp_path):
    (tmp_path / "reports" / "2022" / "khac.md").write_text(report_text(2022), encoding="utf-8")
    result = render("2022", "--report", "khac", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "BaoCao_2022_khac.docx",
        "PhuLuc_2022_khac.docx",
    ]
    missing = render("2022", "--report", "khong-co", "--out", str(tmp_path / "out"))
    assert missing.exit_code == 1
    assert "năm 2022 không có báo cáo 'khong-co' (có: bao-cao-mau, khac)" in missing.output


def test_years_in_lists_year_files_only(data):
    assert Workspace(data=data).years() == ["2022", "2023", "2024"]
    assert Workspace(data=data / "khong_co").years() == []


def test_an_unexpected_error_is_reported_for_its_report(data, tmp_path, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("hỏng")

    monkeypatch.setattr(batch, "render_report", broken)
    workspace = Workspace(data=data, reports=tmp_path / "reports")
    report = tmp_path / "reports" / "2022" / "bao-cao-mau.md"
    job = batch.RenderJob(report, workspace, ROOT / "templates", tmp_path / "out")
    outcome = batch.render_job(job)
    assert outcome.failed
    assert outcome.error == (
        "lỗi không mong đợi (hỏng); hãy báo lỗi cho người phát triển kèm tệp dữ liệu"
    )
    assert "RuntimeError" not in outcome.error
