"""Issue 16: written files are regular, paired, single per year, and exports are inert."""

from __future__ import annotations

import csv
import io
import os
import time
import zipfile
from pathlib import Path

import pytest

from baocao.commands.render import mismatched_pair
from baocao.render.package import read_render_id

from .hardening import dead_pid, temporary_name
from .issue16 import (
    APPENDIX_FILE,
    OLD,
    REPORT_FILE,
    assert_untouched,
    cli,
    good_out,
    render_args,
    report_of,
    year_file,
)

NAME = "name: Hồ sơ thủ tục hành chính giải quyết trực tuyến"


def two_years(data: Path, name: str = "") -> None:
    """2023 and 2024 (the example), the first metric named ``name`` if given."""
    for file in ("2023.yaml", "2024.yaml"):
        path = year_file(data, NAME, f"name: {name}" if name else NAME, name=file)
        if file == "2023.yaml":
            path.write_text(path.read_text(encoding="utf-8").replace("year: 2024", "year: 2023", 1))


@pytest.mark.parametrize("kind", ["symlink", "device"])
def test_output_to_a_symlink_or_a_device_is_refused(tmp_path, kind):
    data = tmp_path / "data"
    two_years(data)
    target = tmp_path / "bang.csv"
    kept = tmp_path / "kept.csv"
    if kind == "symlink":
        kept.write_bytes(OLD)
        target.symlink_to(kept)
    else:
        target = Path("/dev/null")
    result = cli("diff", "2023", "2024", "--data", data, "--output", target, "--format", "csv")
    assert result.exit_code == 1, result.output
    what = "một liên kết (symlink)" if kind == "symlink" else "một tệp thiết bị hay tệp đặc biệt"
    assert f"Không ghi được '{target}': đây là {what}, baocao chỉ ghi tệp thường." in result.output
    if kind == "symlink":
        assert target.is_symlink() and kept.read_bytes() == OLD
    else:
        assert Path("/dev/null").is_char_device()
    assert not list(target.parent.glob(".~baocao-*"))


def test_a_run_removes_the_temp_files_a_killed_run_left(tmp_path):
    """Only those no run will finish: a process gone, or an hour old (from another
    computer sharing the folder); another run's live temporaries stay (issue 27)."""
    out = tmp_path / "out"
    good_out(out)
    report, appendix = (f".~baocao-{name}." for name in (REPORT_FILE, APPENDIX_FILE))
    leftovers = [
        out / f"{temporary_name(report, dead_pid())}k1ll3d.tmp",
        out / f"{temporary_name(appendix, dead_pid())}x.tmp",
        out / f"{temporary_name(report, 1, 'ffffffff')}old.tmp",
    ]
    for path in leftovers:
        path.write_bytes(b"half a file")
    hour_ago = time.time() - 3600
    os.utime(leftovers[-1], (hour_ago, hour_ago))
    live = [
        out / f"{temporary_name(report, os.getppid())}busy.tmp",  # a run writing it now
        out / f"{temporary_name(report, 1, 'ffffffff')}busy.tmp",  # another computer's
        out / ".~baocao-BaoCao_2023_khac.docx.other.tmp",  # another report's
    ]
    for path in live:
        path.write_bytes(b"x")
    result = cli("render", *render_args(year_file(tmp_path / "data")), "--out", out)
    assert result.exit_code == 0, result.output
    assert not any(path.exists() for path in leftovers)
    assert all(path.exists() for path in live)


def test_both_documents_carry_one_render_id_and_a_mixed_pair_is_reported(tmp_path):
    out = tmp_path / "out"
    first = year_file(tmp_path / "a")
    second = year_file(tmp_path / "b", "Sở Thông tin và Truyền thông báo cáo", "Sở báo cáo")
    assert cli("render", *render_args(first), "--out", out).exit_code == 0
    report, appendix = out / REPORT_FILE, out / APPENDIX_FILE
    first_id = read_render_id(report)
    assert first_id and first_id.startswith("baocao:") and read_render_id(appendix) == first_id
    kept_appendix = appendix.read_bytes()
    assert cli("render", *render_args(second), "--out", out).exit_code == 0
    assert read_render_id(report) != first_id  # other data: another id
    appendix.write_bytes(kept_appendix)  # as if killed between the two replacements
    assert mismatched_pair(report, appendix) is not None
    result = cli("render", *render_args(second), "--out", out)
    assert result.exit_code == 0, result.output
    assert f"'{REPORT_FILE}' và '{APPENDIX_FILE}'" in result.output
    assert "không cùng một lần tạo" in result.output
    assert read_render_id(report) == read_render_id(appendix)
    assert mismatched_pair(report, appendix) is None


def test_two_reports_that_would_write_the_same_files_are_refused_before_writing(tmp_path):
    out = tmp_path / "out"
    files = good_out(out)
    first = report_of(year_file(tmp_path / "a"))
    second = report_of(year_file(tmp_path / "b"))
    result = cli("render", first, second, "--out", out)
    assert result.exit_code == 1, result.output
    assert f"'{first}' và '{second}' cùng là báo cáo 'bao-cao-mau' năm 2024" in result.output
    assert "Chưa ghi tệp nào." in result.output
    assert_untouched(out, files)


def test_a_draft_dated_after_2107_renders(tmp_path):
    """Zip entries cannot hold dates after 2107: a later document date crashed."""
    year = year_file(tmp_path / "data", "date: 2024-12-13", "date: 2150-01-01")
    out = tmp_path / "out"
    result = cli("render", year, "--out", out, "--draft")
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out / REPORT_FILE) as package:
        assert {info.date_time[0] for info in package.infolist()} == {2107}


FORMULA = '=HYPERLINK("http://x","bấm")'


def test_a_formula_in_a_name_is_written_as_text_in_csv(tmp_path):
    data = tmp_path / "data"
    two_years(data, f"'{FORMULA}'")
    target = tmp_path / "bang.csv"
    result = cli("diff", "2023", "2024", "--data", data, "--output", target)
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    cells = [cell for row in rows for cell in row]
    assert "'" + FORMULA in cells
    assert not any(cell.startswith(("=", "@", "\t", "\r")) for cell in cells)
    assert not any(cell.startswith(("+", "-")) and not cell[1].isdigit() for cell in cells)


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+HYPERLINK(1)", "'+HYPERLINK(1)"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("-307.240 thuê bao (-12,43%)", "-307.240 thuê bao (-12,43%)"),
        ("+4,26 điểm phần trăm", "+4,26 điểm phần trăm"),
    ],
)
def test_spreadsheet_safe_cells(cell, written):
    from baocao.tables.years import spreadsheet_safe

    assert spreadsheet_safe(cell) == written


def test_a_newline_or_html_in_a_name_stays_inside_its_markdown_cell(tmp_path):
    data = tmp_path / "data"
    two_years(data, '"Hồ sơ <b>in đậm</b> | cột\\ndòng hai"')
    result = cli("diff", "2023", "2024", "--data", data, "--format", "md")
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if "ho_so_truc_tuyen" in line)
    assert "Hồ sơ &lt;b&gt;in đậm&lt;/b&gt; \\| cột<br>dòng hai" in row
    assert row.startswith("| ") and row.endswith(" |")
    assert "<b>" not in result.output
    assert not os.path.exists(tmp_path / "out")
