"""``diff --format xlsx`` and ``export``: real number cells, dates as dates; LibreOffice
opens every .xlsx; openpyxl stays out of the other commands."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import datetime

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from baocao.cli import app

from .diff_years import build_years
from .helpers import converts_to_pdf
from .test_startup import ROOT

runner = CliRunner()


@pytest.fixture
def work(tmp_path, monkeypatch):
    build_years(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_diff_xlsx_has_number_cells(work):
    result = runner.invoke(app, ["diff", "2022", "2024", "--output", "so_sanh.xlsx"])
    assert result.exit_code == 0, result.output
    sheet = load_workbook(work / "so_sanh.xlsx").active
    assert sheet["A1"].value.startswith("So sánh chỉ tiêu")
    assert sheet.freeze_panes == "A4"
    numbers = [c for row in sheet.iter_rows(min_row=4) for c in row if c.data_type == "n"]
    assert any(c.number_format.endswith("%") for c in numbers if c.value is not None)
    assert any(c.number_format.startswith("#,##0") for c in numbers if c.value is not None)


@pytest.mark.libreoffice
def test_libreoffice_calc_opens_every_table(in_repo, tmp_path):
    """The .xlsx of diff, compare and export open in LibreOffice Calc."""
    for command, name in (
        (["diff", "2022", "2024"], "so_sanh.xlsx"),
        (["compare", "2024"], "don_vi.xlsx"),
        (["export", "2024"], "chi_tieu.xlsx"),
    ):
        result = runner.invoke(app, [*command, "--format", "xlsx", "--output", name])
        assert result.exit_code == 0, result.output
        converts_to_pdf(in_repo / name, tmp_path / name)


def test_compare_xlsx_puts_units_side_by_side_as_numbers(in_repo, tmp_path):
    target = tmp_path / "don_vi.xlsx"
    result = runner.invoke(app, ["compare", "2024", "--output", str(target)])
    assert result.exit_code == 0, result.output
    sheet = load_workbook(target).active
    assert sheet["A1"].value.startswith("So sánh")
    headers = [c.value for c in sheet[3]]
    assert "An Giang" in " ".join(str(h) for h in headers)
    assert "Kiên Giang" in " ".join(str(h) for h in headers)
    numbers = [c for row in sheet.iter_rows(min_row=4) for c in row if c.data_type == "n"]
    assert any(c.value is not None and c.number_format.endswith("%") for c in numbers)


def test_export_indicator_table_in_three_formats(in_repo, tmp_path):
    out = tmp_path / "out"
    for fmt in ("xlsx", "csv", "json"):
        target = out / f"t.{fmt}"
        result = runner.invoke(app, ["export", "2024", "--format", fmt, "--output", str(target)])
        assert result.exit_code == 0, result.output
    sheet = load_workbook(out / "t.xlsx").active
    rows = {r[0].value: r for r in sheet.iter_rows(min_row=4)}
    rate = rows["hai_long_tthc"][4]
    assert rate.value == pytest.approx(0.9714) and rate.number_format == "0.00%"
    dated = [r[7].value for r in rows.values() if isinstance(r[7].value, datetime)]
    assert dated and all(
        r[7].number_format == "dd/mm/yyyy"
        for r in rows.values()
        if isinstance(r[7].value, datetime)
    )
    assert sheet["A1"].value == "Bảng chỉ tiêu năm 2024" and sheet.freeze_panes == "A4"
    records = json.loads((out / "t.json").read_text(encoding="utf-8"))["metrics"]
    assert {"id": "hai_long_tthc", "value": 97.14}.items() <= next(
        r for r in records if r["id"] == "hai_long_tthc"
    ).items()
    assert (out / "t.csv").read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize("args", [["validate", "2024"], ["diff", "2023", "2024"], ["--help"]])
def test_other_commands_do_not_import_openpyxl(args):
    code = (
        "import sys, contextlib, io; sys.argv = ['baocao', *sys.argv[1:]]\n"
        "from baocao.cli import app\n"
        "quiet = io.StringIO()\n"
        "with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):\n"
        "    try: app()\n"
        "    except SystemExit: pass\n"
        "print('openpyxl' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_rows_are_tall_enough_for_wrapped_text():
    from baocao.excel.tables import LINE_HEIGHT, Column, table_xlsx, wrapped_lines

    assert wrapped_lines("một hai", 20) == 1
    assert wrapped_lines("chữ " * 40, 20) > 4
    assert wrapped_lines("dòng một\ndòng hai", 40) == 2
    data = table_xlsx(
        "Bảng", [Column("A", 10), Column("B", 10)], [["ngắn", 1], ["dài " * 30, 2]], "S"
    )
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet.row_dimensions[4].height == LINE_HEIGHT + 2
    assert sheet.row_dimensions[5].height > 4 * LINE_HEIGHT
