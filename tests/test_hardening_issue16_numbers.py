"""Issue 16: figures are read the way they were typed, or refused with their line."""

from __future__ import annotations

import pytest

from .helpers import body_lines
from .issue16 import cli, render_refused, year_file

FIELD = "metrics[0].observations[0].numerator"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # YAML 1.1 read these as 199290 (octal), 90 (base 60) and 1000.
        ("0605172", "số 0 ở đầu ('0605172'), không rõ ý: nếu là số, hãy viết 605172"),
        ("1:30", "tìm thấy '1:30': dạng có dấu ':' hay '_' không phải là số"),
        ("605_172", "tìm thấy '605_172'"),
        ("0b101", "phải là số (tìm thấy: '0b101')"),
        # Decimal arithmetic loses digits from 10^28; infinities have no figure.
        ("10000000000000000000000000000", "quá lớn (tìm thấy: 1e+28); số liệu tối đa là 10^15"),
        ("1.0e+30", "quá lớn (tìm thấy: 1e+30)"),
        ("-.inf", "không dùng .inf hay .nan (tìm thấy: -inf)"),
        (".nan", "không dùng .inf hay .nan"),
    ],
)
def test_a_figure_yaml_would_change_is_refused_with_its_line(tmp_path, typed, expected):
    year = year_file(tmp_path / "data", "numerator: 605172", f"numerator: {typed}")
    result = cli("validate", year)
    assert result.exit_code == 1, result.output
    assert f"{year}:20:20: lỗi: '{FIELD}' " in result.output
    assert expected in result.output
    assert "Traceback" not in result.output
    rendered = render_refused(tmp_path, year)
    assert expected in rendered.output


def test_a_huge_figure_in_diff_is_a_located_error(tmp_path):
    data = tmp_path / "data"
    year_file(data, "year: 2024", "year: 2023", name="2023.yaml")
    year = year_file(data, "numerator: 605172", "numerator: 99999999999999999999999999999")
    result = cli("diff", "2023", "2024", "--data", data)
    assert result.exit_code == 1, result.output
    assert f"{year}:20:20: lỗi: '{FIELD}' (chỉ tiêu 'ho_so_truc_tuyen') quá lớn" in result.output
    assert "InvalidOperation" not in result.output


def test_a_huge_target_is_refused(tmp_path):
    year = year_file(tmp_path, "{year: 2025, value: 50,", "{year: 2025, value: 1.0e+20,")
    result = cli("validate", year)
    assert result.exit_code == 1, result.output
    assert (
        f"{year}:15:29: lỗi: 'metrics[0].targets[0].value' (chỉ tiêu 'ho_so_truc_tuyen') quá lớn"
        in result.output
    )


def test_a_figure_typed_plainly_still_reads_as_a_number(tmp_path):
    year = year_file(tmp_path, "numerator: 605172", "numerator: +605172")
    result = cli("validate", year)
    assert result.exit_code == 0, result.output


def test_a_document_number_keeps_its_leading_zero(tmp_path):
    """``number: 012`` printed 'Số: 10/BC-STTTT' (octal); it is text, typed as 012."""
    year = year_file(tmp_path / "data", "number:  ", "number: 012")
    out = tmp_path / "out"
    result = cli("render", year, "--out", out)
    assert result.exit_code == 0, result.output
    lines = body_lines(out / "BaoCao_2024_bao-cao-mau.docx")
    assert any("Số: 012/BC-STTTT" in line for line in lines), lines
