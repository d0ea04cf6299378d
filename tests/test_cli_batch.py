"""``baocao render`` of several years: in this process and in worker processes,
one failing year reported without stopping the others, a summary, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from baocao import batch
from baocao.cli import app
from baocao.workspace import Workspace

from .helpers import body_lines, build_file_tree

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = (ROOT / "examples" / "minimal.yaml").read_text(encoding="utf-8")
runner = CliRunner()


def year_text(year: int) -> str:
    return (
        EXAMPLE.replace("year: 2024", f"year: {year}")
        .replace("date: 2024-12-13", f"date: {year}-12-13")
        .replace('as_of: "2024"', f'as_of: "{year}"')
    )


@pytest.fixture
def data(tmp_path):
    return build_file_tree(
        tmp_path / "data",
        {
            "2022.yaml": year_text(2022),
            "2023.yaml": year_text(2023).replace("numerator: 605172", 'numerator: "605.172"'),
            "2024.yaml": year_text(2024),
            "ghi_chu.yaml": "không phải tệp năm",
        },
    )


def render(*args: str):
    return runner.invoke(app, ["render", *args], catch_exceptions=False)


@pytest.mark.parametrize("jobs", ["1", "2"], ids=["in-process", "worker-processes"])
def test_one_failing_year_does_not_stop_the_others(data, tmp_path, jobs):
    out = tmp_path / "out"
    result = render("2022", "2023", "2024", "--data", str(data), "--out", str(out), "-j", jobs)
    assert result.exit_code == 1, result.output
    written = sorted(p.name for p in out.iterdir())
    assert written == [
        "BaoCao_2022.docx",
        "BaoCao_2024.docx",
        "PhuLuc_2022.docx",
        "PhuLuc_2024.docx",
    ]
    assert body_lines(out / "BaoCao_2022.docx")[2] == "BÁO CÁO"
    summary = result.stdout[result.stdout.index("Tổng kết:") :]
    assert summary == (
        "Tổng kết:\n"
        "  2022: xong: đã ghi BaoCao_2022.docx, PhuLuc_2022.docx\n"
        "  2023: lỗi: dữ liệu không hợp lệ (1 lỗi, 0 cảnh báo), chưa ghi tệp nào.\n"
        "  2024: xong: đã ghi BaoCao_2024.docx, PhuLuc_2024.docx\n"
        "2 năm xong, 1 năm lỗi.\n"
    )
    assert f"{data / '2023.yaml'}:" in result.stderr  # the problem, located
    assert f"Đã ghi BÁO CÁO: {out / 'BaoCao_2024.docx'}" in result.stdout


@pytest.mark.parametrize("jobs", ["1", "2"], ids=["in-process", "worker-processes"])
def test_all_renders_every_year_file(data, tmp_path, jobs):
    (data / "2023.yaml").write_text(year_text(2023), encoding="utf-8")
    out = tmp_path / "out"
    result = render("--all", "--data", str(data), "--out", str(out), "--jobs", jobs)
    assert result.exit_code == 0, result.output
    assert len(list(out.glob("*.docx"))) == 6
    assert result.stdout.endswith("3 năm xong, 0 năm lỗi.\n")
    for year in (2022, 2023, 2024):
        assert f"  {year}: xong: đã ghi BaoCao_{year}.docx, PhuLuc_{year}.docx\n" in result.stdout


def test_all_without_year_files_is_an_error(tmp_path):
    result = render("--all", "--data", str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert f"không có tệp năm nào (NĂM.yaml) trong thư mục '{tmp_path}'" in result.output


def test_single_year_prints_no_summary(data, tmp_path):
    result = render("2022", "--data", str(data), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "Tổng kết" not in result.output


def test_a_year_named_twice_is_rendered_once(data, tmp_path):
    result = render("2022", "2022", "--data", str(data), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert result.stdout.count("Đã ghi BÁO CÁO") == 1


def test_years_in_lists_year_files_only(data):
    assert Workspace(data=data).years() == ["2022", "2023", "2024"]
    assert Workspace(data=data / "khong_co").years() == []


def test_an_unexpected_error_is_reported_for_its_year(data, tmp_path, monkeypatch):
    import baocao.render

    def broken(*_args, **_kwargs):
        raise RuntimeError("hỏng")

    monkeypatch.setattr(baocao.render, "render_year", broken, raising=False)
    workspace = Workspace(data=data, templates=ROOT / "templates", out=tmp_path / "out")
    job = batch.RenderJob("2022", workspace)
    outcome = batch.render_job(job)
    assert outcome.failed
    assert outcome.error == (
        "lỗi không mong đợi (hỏng); hãy báo lỗi cho người phát triển kèm tệp dữ liệu"
    )
    assert "RuntimeError" not in outcome.error
