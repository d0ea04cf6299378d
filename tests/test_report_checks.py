"""A report checked with its year's data: each rule on a broken copy of the example
report, located at its line and column in the report file."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from baocao.cli import app
from baocao.commands.validate import validate_report

from .helpers import EXAMPLE_ID, example_workspace, workspace_at

runner = CliRunner()


def report_problems(tmp_path, *edits: tuple[str, str], data=()) -> list[str]:
    root = example_workspace(tmp_path, data=data, report=edits)
    path = root / "reports" / "2024" / f"{EXAMPLE_ID}.md"
    checked = validate_report(path, workspace_at(root))
    return [f"{p.line}:{p.column}: {p.severity}: {p.message}" for p in checked.all_problems]


def test_example_report_is_clean(tmp_path):
    assert report_problems(tmp_path) == []


CASES = {
    "unknown_metric": (
        ("[[ho_so_truc_tuyen|counts]]", "[[ho_so_truc_tuyenn|counts]]"),
        "43:39: lỗi: [[ho_so_truc_tuyenn|counts]]: không có chỉ tiêu 'ho_so_truc_tuyenn' "
        "trong 'metrics' (có phải 'ho_so_truc_tuyen'?)",
    ),
    "missing_target": (
        ("[[ho_so_truc_tuyen|target:2025]]", "[[ho_so_truc_tuyen|target:2026]]"),
        "45:28: lỗi: [[ho_so_truc_tuyen|target:2026]]: chỉ tiêu 'ho_so_truc_tuyen' "
        "không có mục tiêu năm 2026",
    ),
    "capitals_in_id": (
        ("[[ho_so_truc_tuyen|counts]]", "[[Ho_So]]"),
        "43:39: lỗi: '[[Ho_So]]': mã chỉ tiêu chỉ gồm chữ thường không dấu, số và '_', "
        "bắt đầu bằng chữ (có phải [[ho_so]]?)",
    ),
    "space_in_reference": (
        ("[[ho_so_truc_tuyen|counts]]", "[[ho_so_truc_tuyen |counts]]"),
        "43:39: lỗi: '[[ho_so_truc_tuyen |counts]]' có khoảng trắng: viết liền, "
        "ví dụ [[ho_so|counts]]",
    ),
    "unknown_format": (
        ("[[ho_so_truc_tuyen|counts]]", "[[ho_so_truc_tuyen|phan_tram]]"),
        "43:39: lỗi: '[[ho_so_truc_tuyen|phan_tram]]': định dạng 'phan_tram' không hợp lệ",
    ),
    "unterminated": (
        ("[[ho_so_truc_tuyen|counts]].", "[[ho_so_truc_tuyen|counts."),
        "43:39: lỗi: '[[' không có ']]' đóng lại (tham chiếu viết trên một dòng)",
    ),
    "unterminated_before_another": (
        ("đạt [[ho_so_truc_tuyen|counts]].", "đạt [[ho_so; rồi [[ho_so_truc_tuyen|counts]]."),
        "43:39: lỗi: '[[' không có ']]' đóng lại (tham chiếu viết trên một dòng)",
    ),
    "markdown_table_malformed": (
        ("Sở Thông tin và Truyền thông báo cáo như sau.", "| a | b |\n|---|---|---|\n| 1 | 2 |"),
        "37:1: lỗi: bảng Markdown viết sai nên in thành chữ",
    ),
    "markdown_table_wider_row": (
        ("Sở Thông tin và Truyền thông báo cáo như sau.", "| a | b |\n|---|---|\n| 1 | 2 | 3 |"),
        "39:1: lỗi: dòng bảng có 3 ô, hàng tiêu đề có 2 ô",
    ),
    "html": (
        ("báo cáo như sau.", "báo cáo <b>như sau</b>."),
        "37:1: cảnh báo: thẻ HTML (<b>, <i>…) được in nguyên văn",
    ),
    "fifth_level": (
        ("## Dịch vụ công trực tuyến", "##### Dịch vụ công trực tuyến"),
        "41:1: lỗi: chỉ có 4 cấp đề mục",
    ),
    "typed_with_parenthesis": (
        ("## Dịch vụ công trực tuyến", "## 2) Dịch vụ công trực tuyến"),
        "41:1: cảnh báo: đề mục '2) Dịch vụ công trực tuyến' đã có số ở đầu",
    ),
    "undefined_note": (
        ("báo cáo như sau.", "báo cáo như sau[^ctr55]."),
        "37:45: lỗi: chú thích '[^ctr55]' chưa có nội dung",
    ),
    "reference_in_note": (
        ("định hướng đến năm 2030.", "định hướng đến năm 2030 ([[khong_co]])."),
        "49:101: lỗi: [[khong_co]]: không có chỉ tiêu 'khong_co' trong 'metrics'",
    ),
    "summary_reference": (
        ("năm 2024\n  signer", "năm 2024 [[khong_co]]\n  signer"),
        "11:71: lỗi: [[khong_co]]: không có chỉ tiêu 'khong_co' trong 'metrics'",
    ),
    "recipient_marker": (
        ("    - UBND tỉnh (b/c)", "    - UBND tỉnh (b/c)[^ctr553]"),
        "16:22: lỗi: chú thích '[^ctr553]' chỉ đặt trong đoạn văn",
    ),
    "heading_reference": (
        ("heading: I. CHỈ TIÊU", "heading: I. CHỈ TIÊU [[Sai]]"),
        "23:30: lỗi: '[[Sai]]': mã chỉ tiêu",
    ),
    "task_list": (
        ("task_list: nhiem_vu_mau", "task_list: nhiem_vu_khac"),
        "33:22: lỗi: không có danh sách nhiệm vụ 'nhiem_vu_khac' trong 'task_lists'",
    ),
    "table_row": (
        ("            - metric: tai_khoan_thanh_toan", "            - metric: tai_khoan"),
        "28:23: lỗi: không có chỉ tiêu 'tai_khoan' trong 'metrics'",
    ),
    "numbered_title": (
        ("## Dịch vụ công trực tuyến", "## 1. Dịch vụ công trực tuyến"),
        "41:1: cảnh báo: đề mục '1. Dịch vụ công trực tuyến' đã có số ở đầu",
    ),
    "unused_note": (
        ("[^ctr553]: ", "[^thua]: Không dùng.\n[^ctr553]: "),
        "49:1: cảnh báo: chú thích '[^thua]' không được dùng ở đâu",
    ),
    "no_signer": (
        ("    name: Nguyễn Thanh Hải\n", ""),
        "13:5: cảnh báo: chưa có tên người ký ('signer.name'): bản nháp được, "
        "văn bản chính thức thì không",
    ),
    "symbol_in_lower_case": (
        ("symbol: BC-STTTT", "symbol: bc-stttt"),
        "8:11: lỗi: số và ký hiệu: ký hiệu “bc-stttt” không đúng dạng “BC-…”",
    ),
    "authority_not_in_capitals": (
        ("authority: [KT. GIÁM ĐỐC, PHÓ GIÁM ĐỐC]", "authority: [KT. GIÁM ĐỐC, Phó Giám đốc]"),
        "13:16: lỗi: thẩm quyền ký: “Phó Giám đốc” không viết in hoa",
    ),
    "archive_not_last": (
        ('    - "Lưu: VT, VP"', "    - Văn phòng"),
        "17:7: lỗi: nơi nhận '- Văn phòng.': dòng cuối không phải “- Lưu: VT, ….”",
    ),
    "academic_title": (
        ("name: Nguyễn Thanh Hải", "name: TS. Nguyễn Thanh Hải"),
        "14:11: lỗi: không ghi học hàm, học vị trước họ tên người ký (Phụ lục I, Phần I, mục II.7)",
    ),
    "kem_theo_typed_as_subtitle": (
        (
            "  - title: KẾT QUẢ MỘT SỐ CHỈ TIÊU\n",
            "  - title: KẾT QUẢ MỘT SỐ CHỈ TIÊU\n    subtitle: (Kèm theo Báo cáo số 87/BC-STTTT)\n",
        ),
        "22:15: cảnh báo: dòng '(Kèm theo …)' được in tự động dưới tiêu đề Phụ lục",
    ),
    "same_style_twice": (
        ("year: 2024\n", "year: 2024\nnumbering: [I., 1., I.]\n"),
        "3:12: lỗi: 'numbering': kiểu đánh số 'I.' dùng cho hai cấp đề mục",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_rule(tmp_path, case):
    edit, expected = CASES[case]
    found = report_problems(tmp_path, edit)
    assert len(found) == 1, found
    assert found[0].startswith(expected), found


def test_every_problem_of_the_report_and_its_data_at_once(tmp_path):
    found = report_problems(
        tmp_path,
        ("[[ho_so_truc_tuyen|counts]]", "[[khong_co]]"),
        ("[[ho_so_truc_tuyen|target:2025]]", "[[ho_so_truc_tuyen|bogus]]"),
        ("task_list: nhiem_vu_mau", "task_list: nhiem_vu_khac"),
        data=(('printed: "88,18%"', 'printed: "88,81%"'),),
    )
    assert [line.split(": ")[0] for line in found] == ["22:18", "33:22", "43:39", "45:28"]


def test_old_year_file_with_a_report_section_says_how_to_move_it(tmp_path, monkeypatch):
    data = "year: 2024\nsources: {a: b}\nreport:\n  document: {}\n"
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "2024.yaml").write_text(data, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["validate", "2024"])
    assert result.exit_code == 1
    assert "data/2024.yaml:3:1: lỗi: phần 'report' không còn nằm trong tệp dữ liệu" in result.output
    assert "baocao migrate data/2024.yaml" in result.output


def test_validate_a_year_checks_every_report_of_it(tmp_path, monkeypatch):
    root = example_workspace(tmp_path)
    other = (root / "reports" / "2024" / f"{EXAMPLE_ID}.md").read_text(encoding="utf-8")
    (root / "reports" / "2024" / "khac.md").write_text(
        other.replace("[[ho_so_truc_tuyen|counts]]", "[[khong_co]]"), encoding="utf-8"
    )
    monkeypatch.chdir(root)
    result = runner.invoke(app, ["validate", "2024"])
    assert result.exit_code == 1
    assert "reports/2024/khac.md:43:39: lỗi: [[khong_co]]" in result.output
    assert "1 lỗi, 0 cảnh báo" in result.output


def test_task_counts_need_a_list_that_states_its_progress(tmp_path):
    """A list whose 'progress' holds only result texts cannot be counted: an error, not
    '00/09 nhiệm vụ' printed as if none were done."""
    found = report_problems(
        tmp_path,
        ("Sở Thông tin và Truyền thông báo cáo như sau.", "Đã xong [[tasks:nhiem_vu_mau|done]]."),
        data=(("        progress: Hoàn thành", "        progress: Đã triển khai hệ thống"),),
    )
    assert len(found) == 1 and found[0].startswith("37:")
    assert "không đếm được nhiệm vụ của danh sách 'nhiem_vu_mau'" in found[0]
    counted = report_problems(
        tmp_path / "b",
        ("Sở Thông tin và Truyền thông báo cáo như sau.", "Đã xong [[tasks:nhiem_vu_mau|done]]."),
    )
    assert counted == []


def test_a_number_below_ten_is_printed_with_its_leading_zero(tmp_path):
    from .helpers import body_lines, render_example

    root = example_workspace(tmp_path, report=(("  number:  ", '  number: "7"'),))
    written = {f.kind: f.path for f in render_example(root, tmp_path / "out")}
    assert "Số: 07/BC-STTTT" in " ".join(body_lines(written["BÁO CÁO"]))
    assert "Kèm theo Báo cáo số 07/BC-STTTT" in " ".join(body_lines(written["Phụ lục"]))


def test_a_report_named_from_inside_its_year_folder(tmp_path, monkeypatch):
    """``cd reports/2024 && baocao validate bao-cao-mau.md``: the year is the folder's."""
    root = example_workspace(tmp_path)
    monkeypatch.chdir(root / "reports" / "2024")
    result = runner.invoke(app, ["validate", f"{EXAMPLE_ID}.md"])
    assert result.exit_code == 0, result.output
    assert "0 lỗi, 0 cảnh báo" in result.output


CLAIM_LINE = "Sở Thông tin và Truyền thông báo cáo như sau."


def test_a_typed_claim_about_the_task_list_that_disagrees_is_caught(tmp_path):
    """The example's list has one task, done: '0/1', '02 nhiệm vụ' and '50%' contradict it."""
    wrong = "Sở đã hoàn thành 0/1 nhiệm vụ; tỷ lệ hoàn thành nhiệm vụ đạt 50%."
    found = report_problems(tmp_path, (CLAIM_LINE, wrong))
    assert len(found) == 2, found
    assert all(": cảnh báo: câu ghi '" in f for f in found)
    assert "'0/1 nhiệm vụ'" in found[0] and "có 1/1 nhiệm vụ hoàn thành" in found[0]
    assert "[[tasks:nhiem_vu_mau|done]]" in found[0]
    assert "có 1/1 nhiệm vụ hoàn thành, đạt 100%" in found[1]
    line, column = found[1].split(":")[:2]
    assert line == found[0].split(":")[0]
    assert wrong.index("tỷ lệ hoàn thành") + 1 == int(column)
    typed_count = report_problems(
        tmp_path / "b", (CLAIM_LINE, "Sở được giao 01 nhiệm vụ, đã hoàn thành 0 nhiệm vụ.")
    )
    assert len(typed_count) == 1 and "'hoàn thành 0 nhiệm vụ'" in typed_count[0]


def test_a_typed_claim_that_agrees_with_the_task_list_passes(tmp_path):
    right = "Sở đã hoàn thành 1/1 nhiệm vụ, tỷ lệ hoàn thành đạt 100%."
    assert report_problems(tmp_path, (CLAIM_LINE, right)) == []
    unrelated = [
        "Tỷ lệ hoàn thành hồ sơ đúng hạn đạt 98,5%, góp phần hoàn thành nhiệm vụ năm.",
        "Tổ công nghệ số cộng đồng đã hoàn thành 05 nhiệm vụ trọng tâm của năm.",
        "Sở phấn đấu hoàn thành 0/1 nhiệm vụ, tỷ lệ hoàn thành đạt 50% vào quý sau.",
        "Sở đã hoàn thành [[tasks:nhiem_vu_mau|done]] nhiệm vụ, tỷ lệ hoàn thành đạt "
        "[[tasks:nhiem_vu_mau|rate]] (tăng 5% so với năm 2023).",
    ]
    for index, sentence in enumerate(unrelated):
        assert report_problems(tmp_path / str(index), (CLAIM_LINE, sentence)) == [], sentence


def test_a_list_whose_progress_is_free_text_is_not_counted_against_prose(tmp_path):
    found = report_problems(
        tmp_path,
        (CLAIM_LINE, "Sở đã hoàn thành 0/1 nhiệm vụ."),
        data=(("        progress: Hoàn thành", "        progress: Đã triển khai hệ thống"),),
    )
    assert found == []
