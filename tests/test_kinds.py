"""Every kind of document the decree knows, through the command line (issue 22): a
"Kính gửi", the kind driving file names, title block and symbol, parts and chapters,
heading styles by number, appendix numbering, plans' target rows, a plan rolled over.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from baocao.cli import app
from baocao.kiemtra import check
from baocao.kiemtra.status import Status

from .helpers import body_lines, example_workspace

runner = CliRunner()

FRONT = """---
year: 2024
{numbering}
document:
  agency: ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH
  agency_name: Ủy ban nhân dân tỉnh Bình Định
  type: {type}
  number: "12"
  symbol: {symbol}
  place: Bình Định
  date: 2024-12-10
  summary: {summary}
{to}
  signer:
    authority: [TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH]
    name: Trần Văn Bình
  recipients:
    - Như trên
    - "Lưu: VT, KT"
{extra}---
"""


def document(
    tmp_path: Path,
    body: str,
    *,
    type: str = "TỜ TRÌNH",
    symbol: str = "TTr-UBND",
    summary: str = "Về việc phê duyệt kế hoạch chuyển đổi số năm 2025",
    to: str = "",
    numbering: str = "",
    extra: str = "",
    name: str = "van-ban",
) -> Path:
    """The example workspace with one more document of another issuer and kind."""
    root = example_workspace(tmp_path / "ws")
    front = FRONT.format(
        type=type,
        symbol=symbol,
        summary=summary,
        to=to,
        numbering=numbering,
        extra=extra,
    )
    path = root / "reports" / "2024" / f"{name}.md"
    path.write_text(front + body, encoding="utf-8")
    return path


def render(path: Path, tmp_path: Path, *args: str):
    out = tmp_path / "out"
    result = runner.invoke(app, ["render", str(path), "--out", str(out), *args])
    return result, out


def errors_of(path: Path) -> dict[str, list]:
    report = check(path)
    assert not report.error, report.error
    return {r.rule.id: r.violations for r in report.results if r.status == Status.ERROR}


BODY = "Tỷ lệ hồ sơ giải quyết trực tuyến đạt [[ho_so_truc_tuyen|counts]].\n\nKính trình.\n"


def test_kinh_gui_in_the_front_matter_prints_under_the_title(tmp_path):
    path = document(tmp_path, BODY, to="  to: Bộ Thông tin và Truyền thông")
    result, out = render(path, tmp_path)
    assert result.exit_code == 0, result.output
    written = out / "ToTrinh_2024_van-ban.docx"
    assert f"Đã ghi TỜ TRÌNH: {written}" in result.output
    lines = body_lines(written)
    assert lines[2:5] == [
        "TỜ TRÌNH",
        "Về việc phê duyệt kế hoạch chuyển đổi số năm 2025",
        "Kính gửi: Bộ Thông tin và Truyền thông",
    ]
    paragraph = next(p for p in Document(str(written)).paragraphs if p.text.startswith("Kính"))
    assert paragraph.style.name == "BC Addressee"
    assert errors_of(written) == {}


def test_several_addressees_stand_one_per_line_under_the_colon(tmp_path):
    to = "  to:\n    - Bộ Nội vụ\n    - Bộ Tài chính;\n    - Bộ Kế hoạch và Đầu tư"
    path = document(tmp_path, BODY, to=to)
    result, out = render(path, tmp_path)
    assert result.exit_code == 0, result.output
    written = out / "ToTrinh_2024_van-ban.docx"
    lines = body_lines(written)
    start = lines.index("Kính gửi:")
    assert lines[start + 1 : start + 4] == [
        "- Bộ Nội vụ;",
        "- Bộ Tài chính;",
        "- Bộ Kế hoạch và Đầu tư.",
    ]
    items = [p for p in Document(str(written)).paragraphs if p.text.startswith("- Bộ")]
    assert len({p.paragraph_format.left_indent for p in items}) == 1  # the dashes in line
    assert errors_of(written) == {}


def test_a_first_paragraph_kinh_gui_is_read_as_the_addressee(tmp_path):
    body = "Kính gửi:\n- Bộ Nội vụ;\n- Bộ Tài chính.\n\n" + BODY
    path = document(tmp_path, body)
    result, out = render(path, tmp_path)
    assert result.exit_code == 0, result.output
    lines = body_lines(out / "ToTrinh_2024_van-ban.docx")
    start = lines.index("Kính gửi:")
    assert lines[start - 1] == "Về việc phê duyệt kế hoạch chuyển đổi số năm 2025"
    assert lines[start + 1 : start + 3] == ["- Bộ Nội vụ;", "- Bộ Tài chính."]
    assert lines[start + 3].startswith("Tỷ lệ hồ sơ")  # the body starts after it


def test_a_vietnamese_key_names_the_key_to_use(tmp_path):
    path = document(tmp_path, BODY, to="  kinh_gui: Bộ Nội vụ")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert "khóa không hợp lệ 'kinh_gui', có phải ý bạn là 'to'?" in result.output


def test_an_unknown_key_lists_the_keys_allowed_there(tmp_path):
    path = document(tmp_path, BODY, to="  nguoi_nhan_chinh: Bộ Nội vụ")
    result = runner.invoke(app, ["validate", str(path)])
    assert "các khóa dùng được ở đây: parent_agency, agency" in result.output


def test_a_cong_van_has_no_type_name_and_its_summary_under_the_number(tmp_path):
    path = document(
        tmp_path,
        BODY,
        type="CÔNG VĂN",
        symbol="UBND-KT",
        summary="đôn đốc báo cáo kết quả chuyển đổi số năm 2024",
        to="  to: Các sở, ban, ngành tỉnh",
    )
    result, out = render(path, tmp_path)
    assert result.exit_code == 0, result.output
    written = out / "CongVan_2024_van-ban.docx"
    assert f"Đã ghi CÔNG VĂN: {written}" in result.output
    lines = body_lines(written)
    number_row = lines[1]
    assert "Số: 12/UBND-KT / V/v đôn đốc báo cáo kết quả" in number_row
    assert "CÔNG VĂN" not in "\n".join(lines)
    assert lines[2] == "Kính gửi: Các sở, ban, ngành tỉnh"
    assert errors_of(written) == {}


@pytest.mark.parametrize(
    ("kind", "symbol", "prefix"),
    [
        ("KẾ HOẠCH", "KH-UBND", "KeHoach"),
        ("THÔNG BÁO", "TB-UBND", "ThongBao"),
        ("HƯỚNG DẪN", "HD-UBND", "HuongDan"),
        ("BẢN TIN", "BT-UBND", "BanTin"),
    ],
)
def test_the_kind_names_the_file_and_passes_kiemtra(tmp_path, kind, symbol, prefix):
    path = document(tmp_path, BODY, type=kind, symbol=symbol, summary="Chuyển đổi số năm 2025")
    result, out = render(path, tmp_path)
    assert result.exit_code == 0, result.output
    written = out / f"{prefix}_2024_van-ban.docx"
    assert f"Đã ghi {kind}: {written}" in result.output
    assert body_lines(written)[2] == kind
    assert errors_of(written) == {}


def test_the_symbol_is_checked_against_the_kind(tmp_path):
    path = document(tmp_path, BODY, type="KẾ HOẠCH", symbol="BC-UBND")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert "ký hiệu “BC-UBND” phải bắt đầu bằng “KH-”" in result.output
    letter = document(tmp_path / "b", BODY, type="CÔNG VĂN", symbol="BC-UBND", to="  to: A")
    result = runner.invoke(app, ["validate", str(letter)])
    assert "của công văn không có chữ viết tắt tên loại (“BC”)" in result.output


def test_kinh_gui_on_a_kind_without_one_is_a_warning(tmp_path):
    path = document(tmp_path, BODY, type="KẾ HOẠCH", symbol="KH-UBND", to="  to: Bộ Nội vụ")
    result = runner.invoke(app, ["validate", str(path)])
    assert "kế hoạch không có phần “Kính gửi”" in result.output
    assert "Phụ lục I, Phần I, mục II.9.b và d" in result.output


PLAN = """# Kết quả năm 2024

## Chính quyền số

Hồ sơ trực tuyến đạt [[ho_so_truc_tuyen]].

# Nhiệm vụ năm 2025 \\

## Mục tiêu

### Nhiệm vụ chung

Triển khai đầy đủ (xem Phụ lục 1 và Phụ lục I).

Trên đây là kế hoạch.
"""


def test_parts_print_their_number_on_a_line_above_the_title_in_capitals(tmp_path):
    path = document(
        tmp_path,
        PLAN,
        type="KẾ HOẠCH",
        symbol="KH-UBND",
        numbering="numbering: [Phần I, I., {number: '1.', bold: false}]",
    )
    result, out = render(path, tmp_path, "--draft")
    assert result.exit_code == 0, result.output
    written = out / "KeHoach_2024_van-ban.docx"
    lines = body_lines(written)
    start = lines.index("Phần I")
    assert lines[start - 1] == "Về việc phê duyệt kế hoạch chuyển đổi số năm 2025"
    assert lines[start + 1 : start + 3] == ["KẾT QUẢ NĂM 2024", "I. CHÍNH QUYỀN SỐ"]
    assert "Phần II" in lines and "NHIỆM VỤ NĂM 2025" in lines  # no backslash printed
    paragraphs = {p.text: p for p in Document(str(written)).paragraphs}
    assert paragraphs["Phần I"].style.name == "BC Part Label"
    assert paragraphs["KẾT QUẢ NĂM 2024"].style.name == "BC Part Title"
    assert paragraphs["1. Nhiệm vụ chung"].style.name == "BC Heading 3"  # bold: false
    assert errors_of(written) == {}
    assert "dấu '\\' cuối đề mục" in result.output


def test_heading_style_follows_the_number_not_the_depth(tmp_path):
    body = "# Kết quả\n\n## Hạ tầng số\n\nNội dung.\n\n### Cáp quang\n\nNội dung.\n\nHết.\n"
    path = document(
        tmp_path,
        body,
        type="KẾ HOẠCH",
        symbol="KH-UBND",
        numbering=('numbering: [Phần I, "1.", a)]'),
    )
    result, out = render(path, tmp_path)
    assert result.exit_code == 0, result.output
    paragraphs = {p.text: p for p in Document(str(out / "KeHoach_2024_van-ban.docx")).paragraphs}
    assert paragraphs["1. Hạ tầng số"].style.name == "BC Heading 2"  # "1." bold at level 2
    assert paragraphs["a) Cáp quang"].style.name == "BC Heading 3"  # "a)" upright


def test_appendix_numbering_and_the_appendices_cited_in_the_text(tmp_path):
    extra = (
        "appendix_numbering: arabic\n"
        "appendices:\n"
        "  - title: CHỈ TIÊU\n"
        "    parts:\n"
        "      - table: {columns: [stt, name, target:2025], rows: [{metric: ho_so_truc_tuyen}]}\n"
    )
    path = document(tmp_path, PLAN, type="KẾ HOẠCH", symbol="KH-UBND", extra=extra)
    result = runner.invoke(app, ["validate", str(path)])
    assert "“Phụ lục I”: các phụ lục của văn bản này đánh số bằng chữ số Ả Rập" in result.output
    assert "“Phụ lục 1”" not in result.output
    result, out = render(path, tmp_path, "--draft")
    assert result.exit_code == 0, result.output
    appendix = out / "PhuLuc_2024_van-ban.docx"
    assert body_lines(appendix)[0] == "Phụ lục 1"
    assert errors_of(appendix) == {}


TARGET_ONLY = """
  - id: ke_hoach_moi
    name: Tỷ lệ xã có điểm phục vụ dịch vụ công số
    unit: "%"
    targets:
      - {year: 2025, value: 60, plan: Kế hoạch năm 2025}
  - id: chi_tieu_dat
    name: Chỉ tiêu của Kế hoạch năm 2024 đạt
    unit: chỉ tiêu
    observations:
      - as_of: "2024"
        numerator: 30
        denominator: 34
        source: {ref: phu_luc_2024, quote: "30/34 chỉ tiêu"}
"""


def plan_workspace(tmp_path: Path, columns: str, body: str = BODY) -> Path:
    root = example_workspace(tmp_path / "ws", data=(("metrics:\n", "metrics:" + TARGET_ONLY),))
    extra = (
        "appendices:\n"
        "  - title: CHỈ TIÊU NĂM 2025\n"
        "    parts:\n"
        f"      - table:\n          columns: {columns}\n"
        "          rows:\n"
        "            - metric: ke_hoach_moi\n"
        "            - metric: chi_tieu_dat\n"
    )
    front = FRONT.format(
        type="KẾ HOẠCH",
        symbol="KH-UBND",
        summary="Chuyển đổi số năm 2025",
        to="",
        numbering="",
        extra=extra,
    )
    path = root / "reports" / "2024" / "ke-hoach.md"
    path.write_text(front + body, encoding="utf-8")
    return path


def test_a_plan_lists_targets_of_metrics_without_figures(tmp_path):
    path = plan_workspace(tmp_path, "[stt, name, target:2025]")
    result, out = render(path, tmp_path)
    assert result.exit_code == 0, result.output
    rows = body_lines(out / "PhuLuc_2024_ke-hoach.docx")
    assert "| 1 | Tỷ lệ xã có điểm phục vụ dịch vụ công số | 60% |" in rows


def test_a_target_only_metric_in_a_result_column_is_an_error_at_its_row(tmp_path):
    path = plan_workspace(tmp_path, "[stt, name, target:2025, result]")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    line = next(
        n for n, text in enumerate(path.read_text().split("\n"), 1) if "ke_hoach_moi" in text
    )
    assert f"ke-hoach.md:{line}:" in result.output
    assert (
        "chỉ tiêu 'ke_hoach_moi' chưa có số liệu (observations), chỉ có mục tiêu" in result.output
    )
    assert "[[ke_hoach_moi|target:2025]]" in result.output


def test_a_count_of_counts_prints_as_a_fraction(tmp_path):
    body = "Kết quả: [[chi_tieu_dat]] của Kế hoạch.\n\nHết.\n"
    path = plan_workspace(tmp_path, "[stt, name, result]", body)
    text = path.read_text().replace("            - metric: ke_hoach_moi\n", "")
    path.write_text(text, encoding="utf-8")
    result, out = render(path, tmp_path)
    assert result.exit_code == 0, result.output
    assert "Kết quả: 30/34 chỉ tiêu của Kế hoạch." in body_lines(out / "KeHoach_2024_ke-hoach.docx")
    assert "| 1 | Chỉ tiêu của Kế hoạch năm 2024 đạt | 30/34 chỉ tiêu |" in body_lines(
        out / "PhuLuc_2024_ke-hoach.docx"
    )


def test_rolling_a_plan_over_moves_deadlines_and_names_the_report_for_its_year(
    tmp_path, monkeypatch
):
    task = (
        "      - name: Theo dõi tỷ lệ hồ sơ giải quyết trực tuyến\n"
        '        result: "Đạt [[ho_so_truc_tuyen]]"\n'
        "        time: Năm 2024\n"
        "        progress: Hoàn thành\n"
    )
    pending = (
        "      - name: Triển khai nền tảng số năm 2024\n"
        "        time: Quý II/2024\n"
        "        progress: Đang thực hiện\n"
    )
    root = example_workspace(tmp_path / "ws", data=((task, task + pending),))
    (root / "reports" / "2024" / "bao-cao-mau.md").rename(
        root / "reports" / "2024" / "ke-hoach-cds-2024.md"
    )
    monkeypatch.chdir(root)
    result = runner.invoke(app, ["new", "2025"])
    assert result.exit_code == 0, result.output
    assert (root / "reports" / "2025" / "ke-hoach-cds-2025.md").is_file()
    data = (root / "data" / "2025.yaml").read_text(encoding="utf-8")
    assert "time: Quý II/2025" in data  # not done: its deadline moves on
    assert "time: Năm 2024" in data  # done: its history stays
    result = runner.invoke(app, ["validate", "2025"])
    name_line = next(n for n, t in enumerate(data.split("\n"), 1) if "nền tảng số năm 2024" in t)
    assert (
        f"data/2025.yaml:{name_line}:" in result.output
        and "tên nhiệm vụ nêu 'năm 2024' trong dữ liệu năm 2025" in result.output
    )


def test_a_past_deadline_of_a_task_not_done_is_a_warning_at_its_line(tmp_path, monkeypatch):
    task = "        time: Năm 2024\n        progress: Hoàn thành\n"
    root = example_workspace(
        tmp_path / "ws", data=((task, "        time: Quý III/2023\n        progress: Chưa\n"),)
    )
    monkeypatch.chdir(root)
    result = runner.invoke(app, ["validate", "2024"])
    line = next(
        n
        for n, t in enumerate((root / "data/2024.yaml").read_text().split("\n"), 1)
        if "Quý III/2023" in t
    )
    assert f"data/2024.yaml:{line}:" in result.output
    assert "thời hạn 'Quý III/2023' đã qua trong dữ liệu năm 2024" in result.output


def test_a_law_named_by_its_year_is_not_a_stale_year(tmp_path):
    body = "Thực hiện Luật phòng, chống tham nhũng năm 2018; năm 2024 tỉnh báo cáo.\n\nHết.\n"
    path = document(tmp_path, body, to="  to: Bộ Nội vụ")
    result = runner.invoke(app, ["validate", str(path)])
    assert "năm 2018" not in result.output, result.output
