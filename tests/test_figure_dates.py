"""A figure printed in a document dated before it could be known (validate's warning):
a day's or a month's figure from its first day, a whole year's from the last quarter of
that year, when year-end reports print the year's estimate."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from baocao.cli import app

from .helpers import example_workspace

runner = CliRunner()


def validate_dated(tmp_path, signed: str, as_of: str = "2024") -> str:
    root = example_workspace(
        tmp_path,
        data=(
            (
                '      - as_of: "2024"\n        numerator: 605172',
                f'      - as_of: "{as_of}"\n        numerator: 605172',
            ),
        ),
        report=(("date: 2024-12-13", f"date: {signed}"),),
    )
    result = runner.invoke(app, ["validate", str(root / "reports" / "2024" / "bao-cao-mau.md")])
    assert result.exit_code == 0, result.output  # warnings only: no error, no crash
    assert "0 lỗi" in result.output
    return " ".join(result.output.split())


@pytest.mark.parametrize("signed", ["2024-06-01", "2024-09-30"])
def test_a_whole_year_figure_in_a_document_of_the_first_three_quarters_is_a_warning(
    tmp_path, signed
):
    output = validate_dated(tmp_path, signed)
    day = "/".join(reversed(signed.split("-")))
    assert (
        "bao-cao-mau.md:43:39: cảnh báo: [[ho_so_truc_tuyen|counts]] in số liệu cả năm 2024, "
        f"chưa thể có vào ngày của báo cáo ({day}): số liệu cả năm chỉ có từ quý IV của năm đó"
    ) in output


@pytest.mark.parametrize("signed", ["2024-10-01", "2024-12-20", "2025-01-15"])
def test_a_whole_year_figure_in_a_year_end_report_is_no_warning(tmp_path, signed):
    output = validate_dated(tmp_path, signed)
    assert "sau ngày của báo cáo" not in output and "chưa thể có" not in output


def test_a_month_figure_is_known_from_the_first_day_of_its_month(tmp_path):
    assert "sau ngày của báo cáo" not in validate_dated(tmp_path, "2024-06-01", "2024-06")
    late = validate_dated(tmp_path / "b", "2024-06-01", "2024-07")
    assert "[[ho_so_truc_tuyen|counts]] in số liệu thời điểm 2024-07, sau ngày của báo cáo" in late
    assert "quý IV" not in late
