"""``baocao import 2025 FOLDER``: many agencies' forms at once, through the command line.

Every answer is recorded with its agency, form and cell; the evaluation follows the
figure; two agencies in conflict, a stale form, a form of another year and a form
edited outside its yellow cells are refused naming files and cells, and one bad form
stops them all (the year file stays byte for byte).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml
from openpyxl import load_workbook

from baocao.excel.form_layout import DATA_SHEET, META_SHEET, SOURCES_SHEET, cell

from .collection_fixtures import FORMS, fill, invoke, refused
from .helpers import body_lines

SOURCE = "phu_luc_2024"
VP_UBND = {
    "dvc_toan_trinh": {"value": 1, "source": SOURCE},  # 100%: meets its target of 100%
    "che_do_bao_cao_tren_he_thong": {"value": 0.7, "source": SOURCE},  # 70% < 80%
}
HAI_LONG = "hai_long_dich_vu_so"
"""Led jointly: "Sở, ban, ngành tỉnh; UBND huyện, thị xã, thành phố"."""


def year_data() -> dict:
    return yaml.safe_load(Path("data/2025.yaml").read_text(encoding="utf-8"))


def metric(data: dict, metric_id: str) -> dict:
    return next(m for m in data["metrics"] if m["id"] == metric_id)


def task(data: dict, list_id: str, group: int, row: int) -> dict:
    task_list = next(t for t in data["task_lists"] if t["id"] == list_id)
    return task_list["items"][group - 1]["tasks"][row - 1]


def test_many_forms_are_imported_with_their_source_and_evaluation(round_ws):
    fill(
        "van_phong_ubnd",
        VP_UBND,
        {"nhiem_vu_ban_chi_dao_2024/3.2": {"progress": "Đang thực hiện\nđã tích hợp 12 nhóm"}},
    )
    fill("cuc_thue", {"dn_hoa_don_dien_tu": {"value": 0.95, "source": SOURCE}})
    code, output = invoke("import", "2025", "da_nhan")
    assert code == 0, output
    assert "Văn phòng UBND tỉnh (BieuMau_2025_van_phong_ubnd.xlsx): 2 số liệu, 1 nhiệm vụ" in output
    assert "chờ số liệu → 70%; đánh giá: Chưa đạt" in output
    data = year_data()
    dvc = metric(data, "dvc_toan_trinh")
    assert dvc["evaluation"] == "Đạt" and "pending" not in dvc
    assert dvc["observations"][0]["collected"] == {
        "agency": "van_phong_ubnd",
        "form": "BieuMau_2025_van_phong_ubnd.xlsx",
        "cell": f"{DATA_SHEET}!G4",
        "date": date.today(),
    }
    assert metric(data, "che_do_bao_cao_tren_he_thong")["evaluation"] == "Chưa đạt"
    assert "evaluation" not in metric(data, "dn_hoa_don_dien_tu")  # no target for 2025
    updated = task(data, "nhiem_vu_ban_chi_dao_2024", 3, 2)
    assert updated["progress"] == "Đang thực hiện\nđã tích hợp 12 nhóm"
    assert updated["collected"]["agency"] == "van_phong_ubnd"
    text = Path("data/2025.yaml").read_text(encoding="utf-8")
    assert "progress: |-\n" in text  # several lines stay several lines
    assert text.startswith("# ")  # comments kept
    before = Path("data/2025.yaml").read_bytes()
    code, output = invoke("import", "2025", "da_nhan")
    assert code == 0 and "Không có gì thay đổi" in output
    assert Path("data/2025.yaml").read_bytes() == before


def test_the_evaluation_reaches_the_phu_luc(round_ws):
    """An Excel-filled metric printed an empty Đánh giá column."""
    fill("van_phong_ubnd", VP_UBND)
    assert invoke("import", "2025", "da_nhan")[0] == 0
    code, output = invoke("render", "2025", "--report", "chuyen-doi-so", "--draft", "--out", "out")
    assert code == 0, output
    rows = body_lines(Path("out/PhuLuc_2025_chuyen-doi-so.docx"))
    row = next(r for r in rows if "chế độ báo cáo" in r.lower() and "70%" in r)
    assert "| Chưa đạt |" in row


def test_two_agencies_giving_different_figures_are_both_named(round_ws):
    fill("so_ban_nganh", {HAI_LONG: {"value": 0.9, "source": SOURCE}})
    fill("ubnd_cap_huyen", {HAI_LONG: {"value": 0.8, "source": SOURCE}})
    output = refused("da_nhan")
    first = f"da_nhan/BieuMau_2025_so_ban_nganh.xlsx!{DATA_SHEET}!G4"
    second = f"da_nhan/BieuMau_2025_ubnd_cap_huyen.xlsx!{DATA_SHEET}!G4"
    assert f"{second}: lỗi: «Người dân, doanh nghiệp hài lòng" in output
    assert f"hai biểu mẫu ghi hai số liệu khác nhau cho thời điểm 2025: {first}" in output
    assert "(Các sở, ban, ngành) ghi 90%" in output and "(UBND cấp huyện) ghi 80%" in output


def test_the_same_figure_from_two_agencies_is_one_answer(round_ws):
    fill("so_ban_nganh", {HAI_LONG: {"value": 0.9, "source": SOURCE}})
    fill("ubnd_cap_huyen", {HAI_LONG: {"value": 0.9, "source": SOURCE}})
    code, output = invoke("import", "2025", "da_nhan")
    assert code == 0, output
    observations = metric(year_data(), HAI_LONG)["observations"]
    assert len(observations) == 1 and observations[0]["collected"]["agency"] == "so_ban_nganh"


def test_a_figure_contradicting_an_earlier_import_names_the_first_form(round_ws):
    fill("so_ban_nganh", {HAI_LONG: {"value": 0.9, "source": SOURCE}})
    assert invoke("import", "2025", "da_nhan/BieuMau_2025_so_ban_nganh.xlsx")[0] == 0
    fill("ubnd_cap_huyen", {HAI_LONG: {"value": 0.8, "source": SOURCE}}, folder="sau")
    output = refused("sau")
    assert "sau/BieuMau_2025_ubnd_cap_huyen.xlsx!Số liệu!G4: lỗi:" in output
    assert (
        "biểu mẫu này ghi 80%, khác số liệu Các sở, ban, ngành đã gửi (90%, tệp "
        "BieuMau_2025_so_ban_nganh.xlsx, ô Số liệu!G4, nhập ngày" in output
    )
    fill("so_ban_nganh", {HAI_LONG: {"value": 0.85, "source": SOURCE}}, folder="sua")
    code, output = invoke("import", "2025", "sua")  # the same agency corrects itself
    assert code == 0, output
    assert "90% → 85%" in output


def test_two_agencies_writing_one_task_differently(round_ws):
    key = "nhiem_vu_ban_chi_dao_2024/3.2"  # Văn phòng UBND tỉnh; Sở TTTT
    fill("van_phong_ubnd", tasks={key: {"progress": "Hoàn thành"}})
    fill("so_tttt", tasks={key: {"progress": "Đang thực hiện"}})
    output = refused("da_nhan")
    assert "hai biểu mẫu ghi khác nhau ở cột Tiến độ" in output
    assert "da_nhan/BieuMau_2025_so_tttt.xlsx!Nhiệm vụ!I" in output
    assert "da_nhan/BieuMau_2025_van_phong_ubnd.xlsx!Nhiệm vụ!I" in output


def test_one_bad_form_stops_them_all(round_ws):
    fill("van_phong_ubnd", VP_UBND)
    fill(
        "cuc_thue",
        {"dn_hoa_don_dien_tu": {"source": SOURCE, "quote": "Báo cáo của Cục Thuế"}},
    )
    output = refused("da_nhan")
    assert (
        f"da_nhan/BieuMau_2025_cuc_thue.xlsx!{DATA_SHEET}!G4: lỗi: «Doanh nghiệp sử dụng hóa "
        "đơn điện tử»: dòng có nguồn và trích dẫn nhưng không có số liệu" in output
    )
    assert "pending: true" in Path("data/2025.yaml").read_text(encoding="utf-8")
    assert "dvc_toan_trinh" not in output  # the good form had nothing wrong


def test_a_form_of_another_year_is_refused(round_ws):
    assert invoke("form", "2024", "--by-agency", "--all")[0] == 0
    old = Path("out/BieuMau_2024/BieuMau_2024_cuc_thue.xlsx")
    output = refused(str(old))
    assert f"{old}: lỗi: biểu mẫu này của năm 2024, không phải năm 2025" in output


def test_a_form_older_than_the_data_is_refused(round_ws):
    year = Path("data/2025.yaml")
    text = year.read_text(encoding="utf-8")
    year.write_text(
        text.replace("name: Doanh nghiệp sử dụng hóa đơn điện tử", "name: Doanh nghiệp dùng HĐĐT"),
        encoding="utf-8",
    )
    fill("cuc_thue", {"dn_hoa_don_dien_tu": {"value": 0.95, "source": SOURCE}})
    output = refused("da_nhan")
    assert "da_nhan/BieuMau_2025_cuc_thue.xlsx: lỗi: biểu mẫu lập từ phiên bản dữ liệu " in output
    assert (
        f"da_nhan/BieuMau_2025_cuc_thue.xlsx!{DATA_SHEET}!C4: lỗi: «Doanh nghiệp dùng HĐĐT»: "
        "chỉ tiêu đã được sửa" in output
    )


def test_a_form_edited_outside_its_yellow_cells(round_ws):
    def edit(book, rows):
        sheet = book[DATA_SHEET]
        sheet[cell("name", rows["dn_hoa_don_dien_tu"])] = "Tên khác"
        sheet["P9"] = "ghi chú"
        book[SOURCES_SHEET]["B2"] = "nguồn khác"

    fill("cuc_thue", {"dn_hoa_don_dien_tu": {"value": 0.95, "source": SOURCE}}, edit=edit)
    output = refused("da_nhan")
    where = f"da_nhan/BieuMau_2025_cuc_thue.xlsx!{DATA_SHEET}"
    assert f"{where}!C4: lỗi: ô xám đã bị sửa: biểu mẫu ghi «Doanh nghiệp sử dụng" in output
    assert "nay là «Tên khác»" in output
    assert f"{where}!P9: lỗi: ô P9 nằm ngoài biểu mẫu (chứa «ghi chú»)" in output
    assert f"cuc_thue.xlsx!{SOURCES_SHEET}!B2: lỗi: nguồn có sẵn đã bị sửa" in output


def test_a_count_typed_with_an_english_thousands_comma_is_an_error(round_ws):
    """'4,950' in a count of base stations was read as 4,95 with a note."""
    assert invoke("form", "2025", "--output", "chung.xlsx")[0] == 0
    book = load_workbook("chung.xlsx")
    sheet = book[DATA_SHEET]
    row = next(r for r in range(4, sheet.max_row + 1) if sheet[f"A{r}"].value == "tram_bts")
    sheet[cell("value", row)] = "4,950"
    sheet[cell("source", row)] = SOURCE
    book.save("chung.xlsx")
    output = refused("chung.xlsx")
    assert (
        f"chung.xlsx!{DATA_SHEET}!G{row}: lỗi: «Trạm thu phát sóng thông tin di động»: "
        "'4,950' là chữ, không rõ là 4.950 hay 4,95 (chỉ tiêu này đếm 'trạm', là số nguyên): "
        "gõ số 4950 vào ô" in output
    )


def test_a_folder_without_forms_and_a_missing_file(round_ws):
    Path("trong").mkdir()
    code, output = invoke("import", "2025", "trong")
    assert code == 1 and "thư mục 'trong' không có tệp biểu mẫu .xlsx nào" in output
    code, output = invoke("import", "2025", "khong_co.xlsx")
    assert code == 1 and "không tìm thấy tệp 'khong_co.xlsx'" in output


def test_excel_lock_files_in_the_folder_are_skipped(round_ws):
    fill("cuc_thue", {"dn_hoa_don_dien_tu": {"value": 0.95, "source": SOURCE}})
    Path("da_nhan/~$BieuMau_2025_cuc_thue.xlsx").write_bytes(b"lock")
    code, output = invoke("import", "2025", "da_nhan")
    assert code == 0, output


def test_the_forms_folder_is_never_overwritten_silently(round_ws):
    form = FORMS / "BieuMau_2025_cuc_thue.xlsx"
    before = form.read_bytes()
    code, output = invoke("form", "2025", "--by-agency")
    assert code == 1 and "chưa ghi gì" in output and "--overwrite" in output
    assert form.read_bytes() == before
    assert invoke("form", "2025", "--by-agency", "--overwrite")[0] == 0


def test_a_form_made_before_the_record_is_still_read(round_ws):
    """A whole-year form of layout 1 (year and metric ids only) imports as it did."""
    assert invoke("form", "2025", "--output", "cu.xlsx")[0] == 0
    book = load_workbook("cu.xlsx")
    record = book[META_SHEET]
    ids = [r[1] for r in record.iter_rows(values_only=True) if r[0] == "metric"]
    book.remove(record)
    old = book.create_sheet(META_SHEET)
    old.append(["baocao-form", 1])
    old.append(["year", 2025])
    for metric_id in ids:
        old.append(["metric", metric_id])
    sheet = book[DATA_SHEET]
    row = next(r for r in range(4, sheet.max_row + 1) if sheet[f"A{r}"].value == "tram_bts")
    sheet[cell("value", row)] = 4950
    sheet[cell("source", row)] = SOURCE
    sheet[cell("name", row)] = "Tên sửa trong biểu mẫu cũ"  # nothing recorded to compare
    book.save("cu.xlsx")
    code, output = invoke("import", "2025", "cu.xlsx")
    assert code == 0, output
    assert "chờ số liệu → 4.950 trạm" in output
    observation = metric(year_data(), "tram_bts")["observations"][0]
    assert observation["value"] == 4950 and "collected" not in observation


def test_a_character_no_year_file_may_hold_is_refused_at_its_cell(round_ws):
    """A line separator pasted from a web page would shift every line number after it."""
    key = "nhiem_vu_ban_chi_dao_2024/3.2"
    fill("van_phong_ubnd", tasks={key: {"progress": "Đang thực hiện\u2028từ trang web"}})
    output = refused("da_nhan")
    assert (
        "da_nhan/BieuMau_2025_van_phong_ubnd.xlsx!Nhiệm vụ!I5: lỗi: «Cung cấp, tích hợp" in output
    )
    assert "ký tự xuống dòng đặc biệt U+2028" in output


def test_one_new_source_given_two_names_by_two_forms(round_ws):
    def added(name):
        def edit(book, rows):
            sheet = book[SOURCES_SHEET]
            row = next(r for r in range(2, 80) if sheet[f"A{r}"].value is None)
            sheet[f"A{row}"], sheet[f"B{row}"] = "bc_2025", name

        return edit

    figure = {"value": 0.9, "source": "bc_2025"}
    fill("cuc_thue", {"dn_hoa_don_dien_tu": figure}, edit=added("Báo cáo của Cục Thuế"))
    fill("so_khdt", {"kinh_te_so_grdp": figure}, edit=added("Báo cáo của Sở KHĐT"))
    output = refused("da_nhan")
    assert (
        "nguồn mới 'bc_2025' có hai tên khác nhau: «Báo cáo của Cục Thuế» ở "
        "da_nhan/BieuMau_2025_cuc_thue.xlsx, «Báo cáo của Sở KHĐT» ở "
        "da_nhan/BieuMau_2025_so_khdt.xlsx" in output
    )


def test_a_tasks_grey_cell_edited_is_named(round_ws):
    def edit(book, rows):
        book["Nhiệm vụ"]["E4"] = "Văn phòng UBND tỉnh"  # the lead, shortened

    fill("van_phong_ubnd", VP_UBND, edit=edit)
    output = refused("da_nhan")
    where = "da_nhan/BieuMau_2025_van_phong_ubnd.xlsx!Nhiệm vụ!E4"
    assert f"{where}: lỗi: ô xám đã bị sửa: biểu mẫu ghi «Văn phòng UBND tỉnh; Công an" in output
    assert "», nay là «Văn phòng UBND tỉnh»" in output
