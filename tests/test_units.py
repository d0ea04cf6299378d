"""Reporting units side by side: merged rates, one-sided indicators, generated sections."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from baocao.cli import app
from baocao.commands.render import render_report
from baocao.load.year_file import load_year
from baocao.metrics.units import compare_units

from .helpers import body_lines, build_file_tree, workspace_at

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()

HEAD = """\
year: 2024
sources:
  s: "Nguồn thử"
metrics:
  - id: ho_so
    name: Hồ sơ giải quyết trực tuyến
    unit: "%"
    evaluation: Đạt
    observations:
      - {as_of: "2024", numerator: 90, denominator: 100, source: {ref: s, quote: "90/100"}}
  - id: van_ban
    name: Văn bản điện tử
    unit: "%"
    evaluation: Đạt
    observations:
      - {as_of: "2024", value: 100, source: {ref: s, quote: "100%"}}
  - id: chi_mot_ben
    name: Chỉ tiêu riêng của đơn vị thứ nhất
    unit: "%"
    evaluation: Chưa đạt
    observations:
      - {as_of: "2024", value: 10, source: {ref: s, quote: "10%"}}
units:
  - {id: mot, name: tỉnh Một, short_name: Một}
  - id: hai
    name: tỉnh Hai
    short_name: Hai
    metrics:
      - id: ho_so
        name: Tỷ lệ hồ sơ trực tuyến đạt 80%
        unit: "%"
        evaluation: Chưa đạt
        result: năm 2024 đạt tỷ lệ [[ho_so]]
        source: {ref: s, quote: "01 Hồ sơ"}
        observations:
          - {as_of: "2024", numerator: 10, denominator: 50, source: {ref: s, quote: "10/50"}}
      - id: hai_van_ban
        same_as: van_ban
        name: 100% văn bản điện tử
        unit: "%"
        evaluation: Chưa đạt
        source: {ref: s, quote: "02 Văn bản"}
        observations:
          - {as_of: "2024", value: 82.89, source: {ref: s, quote: "82,89%"}}
      - id: rieng_hai
        name: Chỉ tiêu riêng của tỉnh Hai
        unit: "%"
        evaluation: Đạt
        source: {ref: s, quote: "03 Riêng"}
"""

THIRD = """\
  - id: ba
    name: tỉnh Ba
    short_name: Ba
    metrics:
      - id: ho_so
        name: Hồ sơ trực tuyến của tỉnh Ba
        unit: "%"
        evaluation: Đạt
        source: {ref: s, quote: "01"}
        observations:
          - {as_of: "2024", value: 75.5, source: {ref: s, quote: "75,5%"}}
"""

REPORT = """\
---
document:
  parent_agency: ỦY BAN NHÂN DÂN TỈNH MỘT
  agency: SỞ THỬ
  agency_name: Sở Thử
  symbol: BC-ST
  place: Một
  date: 2024-12-13
  summary: Báo cáo thử
  signer: {authority: [GIÁM ĐỐC], name: Nguyễn Văn Một}
  recipients: ["Lưu: VT"]
appendices:
  - title: CHỈ TIÊU
    parts:
      - heading: I. TỈNH MỘT
        table:
          columns: [stt, name, result, evaluation]
          rows: [{metric: ho_so}]
      - unit_sections: true
      - heading: SO SÁNH
        unit_comparison: true
---
# KẾT QUẢ

Tỷ lệ hồ sơ đạt [[ho_so]].

## So sánh giữa các tỉnh

[[units:summary]]

Trên đây là báo cáo
"""


def _workspace(tmp_path: Path, *extra: str) -> Path:
    build_file_tree(
        tmp_path,
        {"data/2024.yaml": HEAD + "".join(extra), "reports/2024/thu.md": REPORT},
    )
    return tmp_path


def _load(tmp_path: Path, *extra: str):
    return load_year(_workspace(tmp_path, *extra) / "data" / "2024.yaml")


def _render(tmp_path: Path, *extra: str) -> dict[str, Path]:
    root = _workspace(tmp_path, *extra)
    report = root / "reports" / "2024" / "thu.md"
    written = render_report(
        report, ROOT / "templates", tmp_path / "out", workspace=workspace_at(root)
    )
    return {f.kind: f.path for f in written}


def _row(comparison, metric_id):
    return next(i for i in comparison.indicators if i.id == metric_id)


def test_merged_rate_is_computed_from_counts_not_from_rates(tmp_path):
    """90/100 (90%) and 10/50 (20%): merged (90 + 10) / (100 + 50) = 100/150 = 66,67%,
    while the average of the two rates would be 55%."""
    merged = _row(compare_units(_load(tmp_path)), "ho_so").merged
    assert (merged.numerator, merged.denominator) == (100, 150)
    assert merged.value == Decimal("66.67")
    assert merged.text == "66,67% (100/150)"


def test_gap_is_first_minus_second_as_printed(tmp_path):
    comparison = compare_units(_load(tmp_path))
    assert _row(comparison, "ho_so").gap.text(signed=True) == "+70 điểm phần trăm"
    assert _row(comparison, "van_ban").gap.text(signed=True) == "+17,11 điểm phần trăm"


def test_merge_without_counts_says_why(tmp_path):
    """A rate given without numerator and denominator on one side: no merged figure."""
    row = _row(compare_units(_load(tmp_path)), "van_ban")
    assert row.merged.value is None
    assert row.merged.text == (
        "Chưa đủ số liệu (Một không có tử số, mẫu số; Hai không có tử số, mẫu số)"
    )


def test_one_sided_indicators_are_listed(tmp_path):
    comparison = compare_units(_load(tmp_path))
    groups = [([u.id for u in units], [i.id for i in rows]) for units, rows in comparison.groups()]
    assert groups == [
        (["mot", "hai"], ["ho_so", "van_ban"]),
        (["mot"], ["chi_mot_ben"]),
        (["hai"], ["rieng_hai"]),
    ]
    merged = _row(comparison, "rieng_hai").merged.text
    assert merged == "Chưa đủ số liệu (Một không có chỉ tiêu này)"


def test_a_third_unit_gets_its_section_and_column(tmp_path):
    written = _render(tmp_path, THIRD)
    lines = body_lines(written["Phụ lục"])
    assert "II. TỈNH HAI" in lines and "III. TỈNH BA" in lines
    assert "| 01 | Hồ sơ trực tuyến của tỉnh Ba | Đạt (75,5%) |" in lines
    # Ba gives no counts: no rate of the merged units can be computed, so no such column
    assert "| STT | Chỉ tiêu | Một | Hai | Ba | Chênh lệch (cao nhất - thấp nhất) |" in lines
    assert not any("Chưa đủ số liệu" in line or "hợp nhất" in line for line in lines)
    report = body_lines(written["BÁO CÁO"])
    assert "- Cả tỉnh Một, tỉnh Hai và tỉnh Ba đều đạt 0 chỉ tiêu:" not in report
    assert any(
        line.startswith("Năm 2024, tỉnh Một, tỉnh Hai và tỉnh Ba cùng báo cáo 1 chỉ tiêu")
        for line in report
    )


def test_merged_column_and_note_when_a_rate_can_be_computed(tmp_path):
    lines = body_lines(_render(tmp_path)["Phụ lục"])
    assert "| STT | Chỉ tiêu | Một | Hai | Chênh lệch (Một - Hai) | Tỉnh hợp nhất |" in lines
    assert any("66,67% (100/150)" in line for line in lines)
    assert any(line.startswith("Cột “Tỉnh hợp nhất”: tỷ lệ chung") for line in lines)


def test_report_subsection_in_prose(tmp_path):
    lines = body_lines(_render(tmp_path)["BÁO CÁO"])
    start = lines.index("1. So sánh giữa các tỉnh")
    assert lines[start + 1 : start + 10] == [
        "Năm 2024, tỉnh Một và tỉnh Hai cùng báo cáo 2 chỉ tiêu (chi tiết tại Phụ lục I). "
        "Kết quả so sánh như sau:",
        "- Chỉ tỉnh Một đạt 2 chỉ tiêu (tỉnh Hai chưa đạt):",
        "+ Hồ sơ giải quyết trực tuyến;",
        "+ Văn bản điện tử.",
        "- Các chỉ tiêu chênh lệch nhiều nhất:",
        "+ Hồ sơ giải quyết trực tuyến: tỉnh Một 90%, tỉnh Hai 20%, chênh lệch 70 điểm phần trăm;",
        "+ Văn bản điện tử: tỉnh Một 100%, tỉnh Hai 82,89%, chênh lệch 17,11 điểm phần trăm.",
        "- Tính chung các đơn vị (tổng số của các đơn vị, không lấy trung bình các tỷ lệ): "
        "hồ sơ giải quyết trực tuyến đạt 66,67% (100/150).",
        "- Ngoài ra, 1 chỉ tiêu chỉ tỉnh Một báo cáo và 1 chỉ tiêu chỉ tỉnh Hai báo cáo được liệt "
        "kê riêng tại Phụ lục I.",
    ]


def test_units_are_optional_and_validated(tmp_path):
    bad = HEAD.replace(
        "  - {id: mot, name: tỉnh Một, short_name: Một}", "  - {id: hai, name: tỉnh Một}"
    )
    build_file_tree(tmp_path, {"2024.yaml": bad})
    from baocao.errors import BaocaoError

    with pytest.raises(BaocaoError):
        load_year(tmp_path / "2024.yaml")
    assert load_year(ROOT / "examples" / "data" / "2024.yaml").units == []


# --- the shipped 2024 data ---------------------------------------------------------


@pytest.fixture(scope="module")
def phu_luc_2024(tmp_path_factory):
    out = tmp_path_factory.mktemp("units2024")
    report = ROOT / "reports" / "2024" / "phu-luc-ke-hoach-2025.md"
    written = render_report(report, ROOT / "templates", out, workspace=workspace_at(ROOT))
    return {f.kind: body_lines(f.path) for f in written}


def test_kien_giang_section_as_seed_003_lays_it_out(phu_luc_2024):
    lines = phu_luc_2024["Phụ lục"]
    start = lines.index("II. TỈNH KIÊN GIANG")
    section = lines[start + 1 : start + 17]
    assert section[0] == "| STT | Chỉ tiêu | Đánh giá |"
    assert [row.split(" | ")[0] for row in section[1:]] == [f"| {n:02d}" for n in range(1, 16)]
    assert section[4].endswith("| Chưa đạt (tỷ lệ văn bản ký số năm 2024 đạt 82,89%) |")
    assert section[6] == (
        "| 06 | Tỷ lệ giải quyết hồ sơ thủ tục hành chính được trực tuyến đạt "
        "80% | Chưa đạt (năm 2024 đạt tỷ lệ 71,8%) |"
    )
    assert section[14].endswith("| Chưa đạt (Năm 2024 đạt tỷ lệ 44%) |")
    assert section[15].endswith("| Chưa có số liệu |")


def test_comparison_table_of_2024(phu_luc_2024):
    lines = phu_luc_2024["Phụ lục"]
    # Kiên Giang gives no counts: no merged column, no row of "Chưa đủ số liệu"
    assert (
        "| STT | Chỉ tiêu | An Giang | Kiên Giang | Chênh lệch (An Giang - Kiên Giang) |"
    ) in lines
    assert (
        "| 5 | Hồ sơ (thủ tục hành chính) giải quyết trực tuyến | 88,18% (605.172/686.283) / "
        "Đạt | 71,8% / Chưa đạt | +16,38 điểm phần trăm |"
    ) in lines
    assert not any("Chưa đủ số liệu" in line or "(n₁" in line for line in lines)
    assert "| III | Chỉ tiêu chỉ tỉnh Kiên Giang báo cáo |" in lines
    assert any(
        line.startswith("| 5 | Chỉ tiêu 60% doanh nghiệp") and "44% / Chưa đạt" in line
        for line in lines
    )


def test_compare_cli_prints_the_same_numbers(in_repo):
    result = runner.invoke(app, ["compare", "2024"])
    assert result.exit_code == 0, result.output
    assert "Chỉ tiêu tỉnh An Giang và tỉnh Kiên Giang cùng báo cáo" in result.output
    assert "+16,38" in result.output
    # no rate of the two provinces together can be computed for 2024: no such column
    assert "Tỉnh hợp nhất" not in result.output and "Chưa đủ số liệu" not in result.output


def test_compare_cli_json_and_csv(in_repo):
    result = runner.invoke(app, ["compare", "2024", "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    row = next(i for i in document["indicators"] if i["id"] == "ho_so_truc_tuyen")
    assert [s["value"] for s in row["sides"]] == [88.18, 71.8]
    assert row["gap"]["value"] == 16.38
    assert row["merged"]["value"] is None and row["merged"]["text"].startswith("Chưa đủ số liệu")
    assert len(document["indicators"]) == 45
    csv_result = runner.invoke(app, ["compare", "2024", "-f", "csv"])
    assert csv_result.exit_code == 0
    assert csv_result.output.splitlines()[0].startswith("Mã chỉ tiêu,Nhóm,Chỉ tiêu,An Giang")


def test_compare_cli_docx_and_no_units(in_repo, tmp_path):
    target = tmp_path / "so_sanh.docx"
    result = runner.invoke(app, ["compare", "2024", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert any("82,89%" in line for line in body_lines(target))
    missing = runner.invoke(app, ["compare", "2022"])
    assert missing.exit_code == 1
    assert "cần ít nhất hai đơn vị" in missing.output


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            '{as_of: "2024", value: 82.89, source: {ref: s, quote: "82,89%"}}',
            '{as_of: "2024", value: 182.89, source: {ref: s, quote: "182,89%"}}',
            "data/2024.yaml:44:36: lỗi: tỷ lệ lớn hơn 100% (182,89%",
        ),
        (
            '{as_of: "2024", numerator: 10, denominator: 50, source: {ref: s, quote: "10/50"}}',
            '{as_of: "2024", numerator: 10, denominator: 50, printed: "25%", '
            'source: {ref: s, quote: "10/50"}}',
            "data/2024.yaml:36:70: lỗi: tỷ lệ in ra không khớp với tử số và mẫu số (in 25%",
        ),
        (
            'source: {ref: s, quote: "03 Riêng"}',
            'source: {ref: khong_co, quote: "03 Riêng"}',
            "data/2024.yaml:49:23: lỗi: nguồn 'khong_co' không có trong 'sources'",
        ),
    ],
    ids=["rate-over-100", "printed", "source"],
)
def test_validate_checks_the_figures_of_another_unit_as_its_own(
    tmp_path, monkeypatch, old, new, message
):
    """A Kiên Giang figure of 171,8% (or one whose printed rate disagrees with its counts,
    or a source that does not exist) passed validate: only the file's own metrics were
    checked, yet the Phụ lục prints the other unit's figures as well."""
    root = _workspace(tmp_path)
    data = root / "data" / "2024.yaml"
    text = data.read_text(encoding="utf-8")
    assert old in text
    data.write_text(text.replace(old, new), encoding="utf-8")
    monkeypatch.chdir(root)
    result = runner.invoke(app, ["validate", "2024"])
    assert result.exit_code == 1, result.output
    assert message in result.output


def test_validate_accepts_the_shipped_units(in_repo):
    result = runner.invoke(app, ["validate", "2024"])
    assert result.exit_code == 0, result.output
    assert "0 lỗi, 0 cảnh báo" in result.output


def test_a_figure_with_no_evaluation_says_it_was_not_evaluated(tmp_path, monkeypatch):
    """An Giang's '100%' of agencies on the LAN sat beside Kiên Giang's 'Đạt' with no
    word on its evaluation: every other figure of the comparison had one."""
    root = _workspace(tmp_path)
    data = root / "data" / "2024.yaml"
    text = data.read_text(encoding="utf-8")
    evaluated = (
        '    unit: "%"\n    evaluation: Đạt\n    observations:\n      - {as_of: "2024", value: 100'
    )
    assert evaluated in text
    data.write_text(text.replace(evaluated, evaluated.replace("    evaluation: Đạt\n", "")))
    monkeypatch.chdir(root)
    result = runner.invoke(app, ["compare", "2024", "-f", "md"])
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if "`van_ban`" in line)
    assert "| 100%<br>Chưa đánh giá | 82,89%<br>Chưa đạt |" in row
    # a unit that did not report the indicator still reads "Không báo cáo"
    lone = next(line for line in result.output.splitlines() if "`rieng_hai`" in line)
    assert "| Không báo cáo | Đạt |" in lone
