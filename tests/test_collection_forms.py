"""``baocao form 2025 --by-agency`` and ``baocao status 2025`` through the command line,
and the agency list that ``validate`` checks."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path

import yaml
from openpyxl import load_workbook

from baocao.excel.form_layout import DATA_SHEET, FIRST_ROW, META_SHEET, TASKS_SHEET

from .collection_fixtures import FORMS, fill, invoke

TTTT = "Sở Thông tin và Truyền thông"


def ids(sheet, first: int = FIRST_ROW) -> list[str]:
    return [sheet[f"A{r}"].value for r in range(first, sheet.max_row + 1) if sheet[f"A{r}"].value]


def led_by(name: str) -> tuple[list[str], list[str]]:
    """The pending metrics and waiting tasks of 2025 whose lead names ``name``, read
    straight from the year file."""
    data = yaml.safe_load(Path("data/2025.yaml").read_text(encoding="utf-8"))
    names = lambda lead: [p.strip() for p in (lead or "").split(";")]  # noqa: E731
    metrics = [
        m["id"] for m in data["metrics"] if m.get("pending") and name in names(m.get("lead"))
    ]
    tasks = []
    for task_list in data["task_lists"]:
        for number, item in enumerate(task_list["items"], start=1):
            rows = item["tasks"] if "group" in item else [item]
            for row, task in enumerate(rows, start=1):
                lead = task.get("lead") or task_list.get("lead")
                if name in names(lead) and not task.get("progress"):
                    place = f"{number}.{row}" if "group" in item else f"{number}"
                    tasks.append(f"{task_list['id']}/{place}")
    return metrics, tasks


def test_one_form_per_agency_with_its_metrics_tasks_and_record(round_ws):
    book = load_workbook(FORMS / "BieuMau_2025_so_tttt.xlsx")
    metrics, tasks = led_by(TTTT)
    assert metrics and tasks
    assert ids(book[DATA_SHEET]) == metrics
    assert ids(book[TASKS_SHEET]) == tasks
    assert book[DATA_SHEET]["A1"].value.endswith(": SỞ THÔNG TIN VÀ TRUYỀN THÔNG")
    record = book[META_SHEET]
    assert record.sheet_state == "hidden"
    rows = {r[0]: r[1:] for r in record.iter_rows(values_only=True) if r[0]}
    assert rows["year"][0] == 2025
    assert rows["agency"][:2] == ("so_tttt", TTTT)
    assert isinstance(rows["version"][0], str) and len(rows["version"][0]) == 10
    task_sheet = book[TASKS_SHEET]
    assert task_sheet["I4"].protection.locked is False  # progress: yellow, open
    assert task_sheet["C4"].protection.locked  # the task's name: grey, locked


def test_a_jointly_led_metric_goes_to_each_agency_or_to_those_declared(round_ws):
    joint = "hai_long_dich_vu_so"  # Sở, ban, ngành tỉnh; UBND huyện, thị xã, thành phố
    for agency in ("so_ban_nganh", "ubnd_cap_huyen"):
        assert joint in ids(load_workbook(FORMS / f"BieuMau_2025_{agency}.xlsx")[DATA_SHEET])
    year = Path("data/2025.yaml")
    text = year.read_text(encoding="utf-8")
    declared = text.replace(
        f"\n  - id: {joint}\n", f"\n  - id: {joint}\n    collect_from: [Sở TTTT]\n", 1
    )
    year.write_text(declared, encoding="utf-8")
    assert invoke("form", "2025", "--by-agency", "--overwrite")[0] == 0
    assert joint in ids(load_workbook(FORMS / "BieuMau_2025_so_tttt.xlsx")[DATA_SHEET])
    for agency in ("so_ban_nganh", "ubnd_cap_huyen"):
        assert joint not in ids(load_workbook(FORMS / f"BieuMau_2025_{agency}.xlsx")[DATA_SHEET])


def test_a_lead_not_in_the_list_is_a_warning_and_no_form_is_made(round_ws):
    year = Path("data/2025.yaml")
    text = year.read_text(encoding="utf-8")
    year.write_text(
        text.replace("lead: Cục Thuế tỉnh An Giang", "lead: Cục Thuế An Giang"), encoding="utf-8"
    )
    line = year.read_text(encoding="utf-8").split("\n").index("    lead: Cục Thuế An Giang") + 1
    code, output = invoke("validate", "2025")
    assert (
        f"data/2025.yaml:{line}:11: cảnh báo: cơ quan chủ trì 'Cục Thuế An Giang' không có "
        in output
    )
    assert "(gần giống: 'Cục Thuế tỉnh An Giang')" in output
    code, output = invoke("form", "2025", "--by-agency", "--overwrite")
    assert code == 1
    assert (
        f"data/2025.yaml:{line}:11: lỗi: chỉ tiêu 'dn_hoa_don_dien_tu': cơ quan 'Cục Thuế An "
        "Giang' không có trong danh sách 'agencies'" in output
    )


def test_the_agency_list_itself_is_checked(round_ws):
    year = Path("data/2025.yaml")
    text = year.read_text(encoding="utf-8")
    broken = text.replace(
        "  - {id: cuc_thue, name: Cục Thuế tỉnh An Giang, short_name: Cục Thuế}",
        "  - {id: cuc_thue, name: Cục Thuế tỉnh An Giang, short_name: Cục Thuế}\n"
        "  - {id: cuc_thue, name: Cục Hải quan}\n"
        "  - {id: cuc_thue_2, name: Cục thuế, short_name: Sở TTTT}",
    )
    broken = broken.replace(
        "\n  - id: dvc_toan_trinh\n", "\n  - id: dvc_toan_trinh\n    collect_from: [Bộ Nội vụ]\n", 1
    )
    year.write_text(broken, encoding="utf-8")
    code, output = invoke("validate", "2025")
    assert code == 1
    assert "lỗi: mã cơ quan 'cuc_thue' bị lặp" in output
    assert "lỗi: tên 'Cục thuế' đã dùng cho cơ quan 'cuc_thue'" in output
    assert "lỗi: tên 'Sở TTTT' đã dùng cho cơ quan 'so_tttt'" in output
    assert "lỗi: 'collect_from' ghi cơ quan 'Bộ Nội vụ' không có trong danh sách" in output


def test_validate_names_the_agency_a_pending_metric_waits_for(round_ws):
    code, output = invoke("validate", "2025", "--verbose")
    assert (
        "cảnh báo: chỉ tiêu 'dn_hoa_don_dien_tu' (Doanh nghiệp sử dụng hóa đơn điện tử) còn chờ "
        "số liệu năm 2025 của Cục Thuế:" in output
    )
    assert "còn chờ số liệu năm 2025 của Các sở, ban, ngành; UBND cấp huyện:" in output


def test_diff_shows_no_evaluation_for_a_metric_still_pending(round_ws):
    """It showed last year's "Đạt" beside a figure still awaited."""
    code, output = invoke("diff", "2024", "2025", "--format", "csv")
    assert code == 0, output
    rows = {r[0]: r for r in csv.reader(io.StringIO(output))}
    header = next(r for r in rows.values() if "Đánh giá" in r)
    column = header.index("Đánh giá")
    assert rows["dvc_toan_trinh"][column] == ""
    code, before = invoke("diff", "2023", "2024", "--format", "csv")
    assert "Đạt" in {r[column] for r in csv.reader(io.StringIO(before)) if len(r) > column}


def status_rows(output: str) -> dict[str, str]:
    return {line.split("│")[2].strip(): line for line in output.splitlines() if line.count("│") > 5}


def test_status_says_who_sent_who_owes_and_who_is_late(round_ws):
    fill("cuc_thue", {"dn_hoa_don_dien_tu": {"value": 0.95, "source": "phu_luc_2024"}})
    assert invoke("import", "2025", "da_nhan")[0] == 0
    late = (date.today() - timedelta(days=3)).strftime("%d/%m/%Y")
    code, output = invoke("status", "2025", "--deadline", late)
    assert code == 0, output
    rows = status_rows(output)
    assert "1/1" in rows["Cục Thuế"] and "Đã gửi đủ" in rows["Cục Thuế"]
    assert date.today().strftime("%d/%m/%Y") in rows["Cục Thuế"]
    assert "0/2" in rows["VP UBND tỉnh"] and "Quá hạn (3 ngày)" in rows["VP UBND tỉnh"]
    assert "1 đã gửi đủ" in output and "quá hạn." in output
    later = (date.today() + timedelta(days=3)).isoformat()
    rows = status_rows(invoke("status", "2025", "--deadline", later)[1])
    assert "Còn chờ" in rows["VP UBND tỉnh"] and "Quá hạn" not in rows["VP UBND tỉnh"]


def test_status_for_the_office_to_send_round(round_ws):
    assert invoke("status", "2025", "--format", "csv", "--output", "tinh_hinh.csv")[0] == 0
    lines = list(csv.reader(io.StringIO(Path("tinh_hinh.csv").read_text(encoding="utf-8-sig"))))
    summary = next(r for r in lines if r[1:2] == ["Cục Thuế tỉnh An Giang"])
    assert summary[2:5] == ["1", "0", "1"]
    assert ["Cục Thuế", "chỉ tiêu", "dn_hoa_don_dien_tu"] in [r[:3] for r in lines]
    assert invoke("status", "2025", "--format", "xlsx")[0] == 0
    book = load_workbook("out/TinhHinh_2025.xlsx")
    assert book.sheetnames == ["Tổng hợp", "Chi tiết"]
    names = [book["Tổng hợp"][f"B{r}"].value for r in range(4, book["Tổng hợp"].max_row + 1)]
    assert "Cục Thuế tỉnh An Giang" in names


def test_a_deadline_that_is_no_date_is_a_usage_error(round_ws):
    code, output = invoke("status", "2025", "--deadline", "cuối tháng")
    assert code == 2 and "không phải ngày" in output


def test_a_year_without_agencies_says_how_to_start(round_ws):
    code, output = invoke("form", "2023", "--by-agency")
    assert code == 1 and "chưa có danh sách cơ quan 'agencies'" in output
