"""``baocao form`` and ``baocao import``: forms filled the way people fill them.

Each test builds the form of a year rolled over from the example data, fills it with
openpyxl as a user would type in Excel (numbers as text, decimal commas, percentages
both ways, deleted, moved, added and merged rows), imports it and checks each
message, its location, and that a failed import leaves the year file byte for byte.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from baocao.cli import app
from baocao.excel.form_layout import DATA_SHEET, FIRST_ROW, SOURCES_SHEET, cell

from .helpers import body_lines, converts_to_pdf, rolled_over_with_form

runner = CliRunner()
SHEET = f"form.xlsx!{DATA_SHEET}"
TTHC = "«Hồ sơ thủ tục hành chính giải quyết trực tuyến»"


@pytest.fixture
def ws(tmp_path, monkeypatch):
    """The example workspace rolled over to 2025, as working directory, with its form."""
    monkeypatch.chdir(tmp_path)
    return rolled_over_with_form(tmp_path)


def fill(ws: Path, cells: dict[str, dict[str, object]], edit=None) -> Path:
    """``form.xlsx``: the blank form with ``cells`` typed in the row of each metric id."""
    book = load_workbook(ws / "blank.xlsx")
    sheet = book[DATA_SHEET]
    rows = {sheet[cell("id", r)].value: r for r in range(FIRST_ROW, sheet.max_row + 1)}
    for metric_id, typed in cells.items():
        for key, value in typed.items():
            sheet[cell(key, rows[metric_id])] = value
    if edit is not None:
        edit(book, rows)
    book.save(ws / "form.xlsx")
    return ws / "form.xlsx"


def import_form() -> tuple[int, str]:
    result = runner.invoke(app, ["import", "2025", "form.xlsx"])
    return result.exit_code, result.output


GOOD = {
    "ho_so_truc_tuyen": {"numerator": 605172, "denominator": 686283, "source": "phu_luc_2024"},
    "tai_khoan_thanh_toan": {"value": 0.9714, "as_of": date(2025, 6, 30), "source": "phu_luc_2024"},
}


def test_form_has_a_row_per_waiting_metric_with_formats_and_locks(ws):
    book = load_workbook(ws / "blank.xlsx")
    sheet = book[DATA_SHEET]
    assert sheet.column_dimensions["A"].hidden
    assert sheet.freeze_panes == f"D{FIRST_ROW}"
    assert sheet.protection.sheet
    assert sheet.page_setup.orientation == "landscape"
    assert book["_baocao"].sheet_state == "hidden"
    ids = [sheet[cell("id", r)].value for r in range(FIRST_ROW, sheet.max_row + 1)]
    assert ids == ["ho_so_truc_tuyen", "tai_khoan_thanh_toan"]
    row = FIRST_ROW
    assert sheet[cell("value", row)].number_format == "0.00%"
    assert sheet[cell("as_of", row)].number_format == "dd/mm/yyyy"
    assert sheet[cell("name", row)].protection.locked
    assert not sheet[cell("value", row)].protection.locked
    assert "(2024)" in sheet[cell("previous", row)].value  # last year's figure, read-only
    kinds = {v.type for v in sheet.data_validations.dataValidation}
    assert {"decimal", "whole", "date", "list"} <= kinds


def test_filled_form_is_imported_and_the_second_import_changes_nothing(ws):
    fill(ws, GOOD)
    code, output = import_form()
    assert code == 0, output
    assert "chờ số liệu → 88,18% (605.172/686.283)" in output
    assert "chờ số liệu → 97,1%" in output  # printed with the metric's one decimal
    text = (ws / "data" / "2025.yaml").read_text(encoding="utf-8")
    assert "numerator: 605172" in text and "value: 97.14\n" in text
    assert 'as_of: "2025-06-30"' in text
    assert text.count("pending: true") == 0
    assert text.startswith("# ")  # comments kept
    before = (ws / "data" / "2025.yaml").read_bytes()
    code, output = import_form()
    assert code == 0
    assert "Không có gì thay đổi" in output
    assert (ws / "data" / "2025.yaml").read_bytes() == before


def refused(ws: Path) -> str:
    """Import a form that must be refused; the year file must stay byte for byte."""
    before = (ws / "data" / "2025.yaml").read_bytes()
    code, output = import_form()
    assert code == 1, output
    assert "chưa ghi tệp nào" in output
    assert (ws / "data" / "2025.yaml").read_bytes() == before
    return output


def test_text_numbers_are_read_as_a_vietnamese_user_meant_and_said(ws):
    fill(
        ws,
        {
            "ho_so_truc_tuyen": {
                "numerator": "605.172",
                "denominator": "686283",
                "source": "phu_luc_2024",
            },
            "tai_khoan_thanh_toan": {"value": "97,14%", "source": "phu_luc_2024"},
        },
    )
    code, output = import_form()
    assert code == 0, output
    assert f"{SHEET}!H{FIRST_ROW}: lưu ý: {TTHC}: ô chứa chữ '605.172'" in output
    assert "đã đọc là 605.172 (dấu chấm là dấu ngăn cách hàng nghìn" in output
    assert f"{SHEET}!G{FIRST_ROW + 1}: lưu ý:" in output and "đã đọc là 97,14%" in output
    assert "numerator: 605172" in (ws / "data" / "2025.yaml").read_text(encoding="utf-8")


def test_point_decimal_typed_as_text_is_read_as_a_decimal():
    from baocao.excel.cells import read_count

    reading = read_count("8.5", "General")
    assert reading.value == 8.5
    assert reading.notice and "dấu chấm là dấu thập phân" in reading.notice
    assert read_count("8,5", "General").value == 8.5
    assert read_count("2.471.745", "General").value == 2471745
    assert read_count("1.234,5", "General").value == 1234.5
    assert read_count("tám", "General").error


def test_every_bad_cell_is_reported_at_once_and_nothing_is_written(ws):
    def edit(book, rows):
        book[SOURCES_SHEET]["A10"] = "Báo cáo mới"  # not an id

    fill(
        ws,
        {
            "ho_so_truc_tuyen": {
                "numerator": 700000,
                "denominator": 686283,
                "as_of": "31/13/2025",
                "source": "phu_luc_2024",
            },
            "tai_khoan_thanh_toan": {"value": 85, "source": "khong_co"},
        },
        edit,
    )
    output = refused(ws)
    first, second = FIRST_ROW, FIRST_ROW + 1
    assert f"{SHEET}!H{first}: lỗi: {TTHC}: tử số (700.000) lớn hơn mẫu số (686.283)" in output
    assert f"{SHEET}!G{second}: lỗi:" in output
    assert "ô định dạng phần trăm chứa 85 (hiện là 8.500%): nếu là 85%, gõ lại 85%" in output
    assert f"form.xlsx!{SOURCES_SHEET}!A10: lỗi: mã nguồn 'Báo cáo mới' không hợp lệ" in output


def test_a_percentage_in_a_cell_that_lost_its_format_and_the_reverse(ws):
    def edit(book, rows):
        book[DATA_SHEET][cell("value", rows["tai_khoan_thanh_toan"])].number_format = "General"

    fill(ws, {"tai_khoan_thanh_toan": {"value": 0.85, "source": "phu_luc_2024"}}, edit)
    output = refused(ws)
    assert f"{SHEET}!G{FIRST_ROW + 1}: lỗi:" in output
    assert "không rõ 0,85 là 0,85% hay 85%" in output


def test_a_date_that_is_not_a_date(ws):
    fill(
        ws,
        {
            "tai_khoan_thanh_toan": {
                "value": 0.9,
                "as_of": "cuối năm",
                "source": "phu_luc_2024",
            },
            "ho_so_truc_tuyen": {
                "numerator": 1,
                "denominator": 2,
                "as_of": datetime(1905, 7, 17),  # 2025 typed into a date cell
                "source": "phu_luc_2024",
            },
        },
    )
    output = refused(ws)
    assert f"{SHEET}!J{FIRST_ROW + 1}: lỗi:" in output and "'cuối năm' không phải ngày" in output
    assert f"{SHEET}!J{FIRST_ROW}: lỗi: {TTHC}: ngày 17/07/1905 không hợp lý" in output


def test_a_deleted_row_is_named(ws):
    def edit(book, rows):
        book[DATA_SHEET].delete_rows(rows["tai_khoan_thanh_toan"])

    fill(ws, {"ho_so_truc_tuyen": GOOD["ho_so_truc_tuyen"]}, edit)
    output = refused(ws)
    assert f"{SHEET}: lỗi: «Tỷ lệ" in output
    assert "thiếu dòng của chỉ tiêu này (mã tai_khoan_thanh_toan)" in output


def test_a_moved_row_is_read_by_its_id_not_its_position(ws):
    def edit(book, rows):
        sheet = book[DATA_SHEET]
        first, second = rows["ho_so_truc_tuyen"], rows["tai_khoan_thanh_toan"]
        for column in "ABCDEFGHIJKLM":
            a, b = sheet[f"{column}{first}"], sheet[f"{column}{second}"]
            a.value, b.value = b.value, a.value
            a.number_format, b.number_format = b.number_format, a.number_format

    fill(ws, GOOD, edit)
    code, output = import_form()
    assert code == 0, output
    assert "88,18% (605.172/686.283)" in output and "→ 97,1%" in output


def test_an_added_a_duplicated_and_an_unknown_row(ws):
    def edit(book, rows):
        sheet = book[DATA_SHEET]
        last = sheet.max_row
        sheet[cell("name", last + 1)] = "Chỉ tiêu gõ thêm"
        sheet[cell("value", last + 1)] = 5
        sheet[cell("id", last + 2)] = "ho_so_truc_tuyen"
        sheet[cell("id", last + 3)] = "khong_co_ma"
        sheet[cell("value", last + 3)] = 1

    fill(ws, {}, edit)
    output = refused(ws)
    last = FIRST_ROW + 1
    assert f"{SHEET}!C{last + 1}: lỗi: «Chỉ tiêu gõ thêm»: dòng không có mã chỉ tiêu" in output
    assert (
        f"{SHEET}!A{last + 2}: lỗi: {TTHC}: mã 'ho_so_truc_tuyen' lặp lại, đã có ở dòng" in output
    )
    assert f"{SHEET}!A{last + 3}: lỗi: mã chỉ tiêu 'khong_co_ma' không có trong dữ liệu" in output


def test_a_merged_cell_is_located(ws):
    def edit(book, rows):
        row = rows["ho_so_truc_tuyen"]
        book[DATA_SHEET].merge_cells(f"H{row}:I{row}")

    fill(ws, {"ho_so_truc_tuyen": {"numerator": 5, "source": "phu_luc_2024"}}, edit)
    output = refused(ws)
    assert f"{SHEET}!H{FIRST_ROW}:I{FIRST_ROW}: lỗi: {TTHC}: ô bị gộp" in output


def test_validate_runs_on_the_result(ws):
    """A good form into a year file that breaks a rule of validate is refused, located
    in the year file."""
    fill(ws, GOOD)
    year = ws / "data" / "2025.yaml"
    text = year.read_text(encoding="utf-8")
    year.write_text(text.replace('{ref: phu_luc_2024, quote: "Phụ lục I"}', "{ref: x, quote: y}"))
    output = refused(ws)
    assert "data/2025.yaml:" in output and "nguồn 'x' không có trong 'sources'" in output


def test_a_file_that_is_not_a_form(ws):
    (ws / "form.xlsx").write_bytes(b"not a zip")
    output = refused(ws)
    assert "form.xlsx: lỗi: không đọc được tệp Excel" in output


def test_round_trip_into_the_report(ws):
    fill(ws, GOOD)
    assert import_form()[0] == 0
    result = runner.invoke(app, ["render", "2025", "--draft", "--out", "out"])
    assert result.exit_code == 0, result.output
    body = "\n".join(body_lines(next((ws / "out").glob("BaoCao_2025_*.docx"))))
    assert "88,18% (605.172/686.283)" in body
    assert "[CHỜ SỐ LIỆU" not in body


@pytest.mark.libreoffice
def test_libreoffice_opens_the_form(ws, tmp_path):
    converts_to_pdf(ws / "blank.xlsx", tmp_path)


def test_a_form_already_there_is_never_overwritten_silently(ws):
    """A district trial: running 'form' again replaced a form already filled in."""
    filled = ws / "blank.xlsx"
    before = filled.read_bytes()
    again = runner.invoke(app, ["form", "2025", "--output", "blank.xlsx"])
    assert again.exit_code == 1
    assert "đã có tệp 'blank.xlsx' (có thể đã điền số liệu), chưa ghi gì" in again.stderr
    assert "--overwrite" in again.stderr
    assert filled.read_bytes() == before
    replaced = runner.invoke(app, ["form", "2025", "--output", "blank.xlsx", "--overwrite"])
    assert replaced.exit_code == 0, replaced.output
