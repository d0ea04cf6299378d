"""Rules beyond the schema: one broken copy of examples/data/2024.yaml per rule."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from baocao.rules.year import validate

from .conftest import ROOT
from .helpers import build_file_tree, shipped

MINIMAL = (ROOT / "examples" / "data" / "2024.yaml").read_text(encoding="utf-8")


def problems_of(tmp_path: Path, *replacements: tuple[str, str], name: str = "2024.yaml"):
    text = MINIMAL
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    build_file_tree(tmp_path, {name: text})
    result = validate(tmp_path / name)
    return [f"{p.line}:{p.column}: {p.severity}: {p.message}" for p in result.problems]


def test_minimal_example_is_clean(tmp_path):
    assert problems_of(tmp_path) == []


CASES = {
    "rate": (
        [('printed: "88,18%"', 'printed: "88,81%"')],
        "22:18: lỗi: tỷ lệ in ra không khớp với tử số và mẫu số "
        "(in 88,81%, tính được 88,181% từ 605.172/686.283)",
    ),
    "counts": (
        [('printed: "180,2%"', 'printed: "2.009.961/1.115.431"')],
        "39:18: lỗi: số in ra không khớp với tử số và mẫu số "
        "(in 2.009.961/1.115.431, tử số và mẫu số là 2.009.961/1.115.432)",
    ),
    "over_100": (
        [("    allow_over_100: true\n", "")],
        "36:20: lỗi: tỷ lệ lớn hơn 100% (180,2%; nếu đúng như vậy, "
        "đặt 'allow_over_100: true' cho chỉ tiêu 'tai_khoan_thanh_toan')",
    ),
    "evaluation": (
        [("{year: 2025, value: 50, plan", "{year: 2025, value: 90, plan")],
        "17:17: lỗi: đánh giá không khớp với mục tiêu và kết quả (ghi 'Đạt', "
        "kết quả 88,18% chưa đạt mục tiêu 90% năm 2025: cần 'Chưa đạt')",
    ),
    "evaluation_no_data": (
        [("    evaluation: Đạt\n", "    evaluation: Chưa có số liệu\n")],
        "17:17: lỗi: đánh giá 'Chưa có số liệu' nhưng chỉ tiêu có số liệu năm 2024 (88,18%)",
    ),
    "as_of": (
        [
            (
                '      - as_of: "2024"\n        numerator: 2009961',
                '      - as_of: "2025-01"\n        numerator: 2009961',
            )
        ],
        "36:16: cảnh báo: thời điểm số liệu không thuộc năm báo cáo "
        "(as_of: 2025-01, năm báo cáo 2024)",
    ),
    "data_reference": (
        [('result: "Đạt [[ho_so_truc_tuyen]]"', 'result: "Đạt [[ho_so_truc_tuyenn]]"')],
        "48:22: lỗi: [[ho_so_truc_tuyenn]]: không có chỉ tiêu 'ho_so_truc_tuyenn' trong 'metrics' "
        "(có phải 'ho_so_truc_tuyen'?)",
    ),
    "data_reference_syntax": (
        [('result: "Đạt [[ho_so_truc_tuyen]]"', 'result: "Đạt [[Ho_So]]"')],
        "48:22: lỗi: '[[Ho_So]]': mã chỉ tiêu chỉ gồm chữ thường không dấu, số và '_', "
        "bắt đầu bằng chữ (có phải [[ho_so]]?)",
    ),
    "duplicate_id": (
        [
            ("  - id: tai_khoan_thanh_toan", "  - id: ho_so_truc_tuyen"),
            ("[[tai_khoan_thanh_toan|numerator]]", "[[ho_so_truc_tuyen|numerator]]"),
            ("[[tai_khoan_thanh_toan|denominator]]", "[[ho_so_truc_tuyen|denominator]]"),
        ],
        "25:9: lỗi: mã chỉ tiêu 'ho_so_truc_tuyen' bị lặp (đã có ở dòng 11)",
    ),
    "source": (
        [("{ref: phu_luc_2024, line: 163", "{ref: phu_luc_2023, line: 163")],
        "23:23: lỗi: nguồn 'phu_luc_2023' không có trong 'sources' (các nguồn: phu_luc_2024)",
    ),
    "target_year": (
        [("{year: 2025, value: 50}", "{year: 2023, value: 50}")],
        "31:16: cảnh báo: mục tiêu cho năm đã qua (năm 2023, năm báo cáo 2024)",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_rule(tmp_path, case):
    replacements, expected = CASES[case]
    assert problems_of(tmp_path, *replacements) == [expected]


def test_year_must_match_file_name(tmp_path):
    found = problems_of(tmp_path, ("year: 2024", "year: 2024"), name="2023.yaml")
    assert found == [
        "3:7: lỗi: năm trong tệp không khớp với tên tệp (year: 2024, tên tệp là 2023.yaml)"
    ]


PARTS = """
  - id: dvc_tong_so
    name: Tổng số dịch vụ công
    unit: thủ tục
    parts: [dvc_mot_phan, dvc_toan_trinh, dvc_khong_co]
    observations:
      - {as_of: "2024", value: 2119, source: {ref: phu_luc_2024, quote: "2.119"}}
  - id: dvc_mot_phan
    name: Dịch vụ công một phần
    unit: thủ tục
    observations:
      - {as_of: "2024", value: 1200, source: {ref: phu_luc_2024, quote: "1.200"}}
  - id: dvc_toan_trinh
    name: Dịch vụ công toàn trình
    unit: thủ tục
    observations:
      - {as_of: "2024", value: 900, source: {ref: phu_luc_2024, quote: "900"}}
"""


def test_parts_must_exist_and_add_up(tmp_path):
    found = problems_of(tmp_path, ("\ntask_lists:", PARTS + "\ntask_lists:"))
    assert found == [
        "45:43: lỗi: không có chỉ tiêu 'dvc_khong_co' trong 'metrics'",
    ]
    found = problems_of(
        tmp_path, ("\ntask_lists:", PARTS.replace(", dvc_khong_co", "") + "\ntask_lists:")
    )
    assert found == [
        "47:32: lỗi: tổng các phần không bằng tổng của chỉ tiêu 'dvc_tong_so' "
        "(dvc_mot_phan + dvc_toan_trinh = 1.200 + 900 = 2.100, tổng ghi 2.119)"
    ]
    fixed = PARTS.replace(", dvc_khong_co", "").replace("value: 900", "value: 919")
    assert problems_of(tmp_path, ("\ntask_lists:", fixed + "\ntask_lists:")) == []


SEED_001 = """
  - id: co_quan_mo_du_lieu
    name: Cơ quan nhà nước cung cấp dữ liệu mở
    unit: "%"
    decimals: 1
    observations:
      - as_of: "2024-12"
        numerator: 179
        denominator: 188
        printed: "{printed}"
        source: {{ref: phu_luc_2024, quote: "179/1888 cơ quan, đạt tỉ lệ {printed}"}}
"""


def test_seed_001_prints_94_2_for_179_of_188(tmp_path):
    """Seed 001 prints 179/188 as 94,2%; seed 002 prints the same counts as 95,2%."""
    block = SEED_001.format(printed="94,2%")
    assert problems_of(tmp_path, ("\ntask_lists:", block + "\ntask_lists:")) == [
        "50:18: lỗi: tỷ lệ in ra không khớp với tử số và mẫu số "
        "(in 94,2%, tính được 95,21% từ 179/188)"
    ]
    block = SEED_001.format(printed="95,2%")
    assert problems_of(tmp_path, ("\ntask_lists:", block + "\ntask_lists:")) == []


def test_whole_file_reports_every_problem(tmp_path):
    found = problems_of(
        tmp_path,
        ('printed: "88,18%"', 'printed: "88,81%"'),
        ("    allow_over_100: true\n", ""),
        ('result: "Đạt [[ho_so_truc_tuyen]]"', 'result: "Đạt [[khong_co]]"'),
    )
    assert [line.split(": ", 2)[:2] for line in found] == [
        ["22:18", "lỗi"],
        ["36:20", "lỗi"],
        ["47:22", "lỗi"],
    ]


SHIPPED = shipped("data/*.yaml")


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_shipped_data_validates_clean(path):
    result = validate(path)
    assert [str(p) for p in result.problems] == []


def test_a_footnote_marker_in_the_data_is_an_error(tmp_path):
    found = problems_of(
        tmp_path,
        ('result: "Đạt [[ho_so_truc_tuyen]]"', 'result: "Đạt [[ho_so_truc_tuyen]][^ghi_chu]"'),
    )
    assert found == [
        "48:42: lỗi: chú thích '[^ghi_chu]' chỉ đặt trong tệp báo cáo (.md); trong tệp dữ liệu, "
        "viết thẳng nội dung vào câu"
    ]


RANK = """  - id: xep_hang_dti
    name: Xếp hạng chuyển đổi số của huyện trong tỉnh
    unit: hạng
    kind: rank
    out_of: 11
    targets:
      - {year: 2024, value: 5}
    evaluation: EVALUATION
    observations:
      - {as_of: "2024", value: RANK, source: {ref: phu_luc_2024, quote: "hạng RANK/11"}}

task_lists:"""


@pytest.mark.parametrize(
    ("rank", "evaluation", "expected"),
    [
        ("4", "Đạt", None),
        ("5", "Đạt", None),
        ("6", "Chưa đạt", None),
        ("4", "Chưa đạt", "kết quả 4/11 đạt mục tiêu 5/11 năm 2024: cần 'Đạt')"),
        ("6", "Đạt", "kết quả 6/11 chưa đạt mục tiêu 5/11 năm 2024: cần 'Chưa đạt')"),
    ],
)
def test_a_rank_meets_its_target_when_it_is_as_high_or_higher(tmp_path, rank, evaluation, expected):
    """A district trial: rank 4 against a target of 5 was called 'Chưa đạt'."""
    metric = RANK.replace("EVALUATION", evaluation).replace("RANK", rank)
    found = problems_of(tmp_path, ("\ntask_lists:", "\n" + metric))
    if expected is None:
        assert found == []
    else:
        assert len(found) == 1 and found[0].endswith(expected), found


def test_a_figure_typed_with_thousands_dots_is_named_at_its_line(tmp_path):
    """A district trial: 'numerator: 12.345' was reported only as a wrong printed rate."""
    found = problems_of(tmp_path, ("numerator: 605172", "numerator: 605.172"))
    assert (
        "20:20: cảnh báo: số '605.172' được đọc là 605,172 (trong tệp YAML, dấu chấm là dấu "
        "thập phân); nếu dấu chấm ở đây là dấu nghìn, viết 605172"
    ) in found
    assert problems_of(tmp_path, ("numerator: 605172", "numerator: 605.5")) != []
    assert not any("dấu nghìn" in p for p in problems_of(tmp_path, ("value: 50", "value: 50.5")))
    round_thousands = problems_of(tmp_path, ("numerator: 605172", "numerator: 605.000"))
    assert any("số '605.000' được đọc là 605 (" in p for p in round_thousands), round_thousands


def test_a_figure_dated_after_today_is_an_error(tmp_path):
    """A district trial: as_of a month ahead was only 'not in the report's year'."""
    found = problems_of(tmp_path, ('as_of: "2024"', 'as_of: "2099-12"'))
    assert any(
        p.startswith("19:16: lỗi: thời điểm số liệu ở sau hôm nay (as_of: 2099-12, hôm nay ")
        for p in found
    ), found


def test_a_clean_year_and_its_reports_are_checked_without_reading_positions(tmp_path, monkeypatch):
    """Positions cost as much as the data for a province's year: a check that reads one
    for every value (not only for a problem) would make every run pay for them."""
    from baocao.commands.validate import validate_report
    from baocao.load import yaml_positions
    from baocao.workspace import Workspace

    def refuse(self, text):
        raise AssertionError("positions read for a clean file")

    root = tmp_path / "ws"
    shutil.copytree(ROOT / "data", root / "data")
    for report in (ROOT / "reports" / "2024").glob("*.md"):  # "Lưu: VT" is a note, located
        text = report.read_text(encoding="utf-8").replace('"Lưu: VT"', '"Lưu: VT, VP"')
        (root / "reports" / "2024").mkdir(parents=True, exist_ok=True)
        (root / "reports" / "2024" / report.name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(yaml_positions.PositionTree, "__init__", refuse)
    workspace = Workspace(root=root, data=root / "data", reports=root / "reports")
    year = validate("2024", workspace=workspace)
    assert year.problems == []
    for path in workspace.report_paths("2024"):
        assert validate_report(path, workspace, year).problems == []


@pytest.mark.parametrize(
    ("typed", "evaluation", "expected"),
    [
        ("2.5", "Đạt", None),
        ("5.5", "Chưa đạt", None),
        ("5.5", "Đạt", "kết quả 5,5% chưa đạt mục tiêu 4% năm 2024: cần 'Chưa đạt')"),
    ],
)
def test_a_lower_is_better_metric_meets_its_target_at_or_below_it(
    tmp_path, typed, evaluation, expected
):
    """A province trial: a poverty rate of 2,5% against 4% could only be 'Chưa đạt'."""
    metric = f"""  - id: ho_ngheo
    name: Tỷ lệ hộ nghèo
    unit: "%"
    lower_is_better: true
    targets:
      - {{year: 2024, value: 4}}
    evaluation: {evaluation}
    observations:
      - {{as_of: "2024", value: {typed}, source: {{ref: phu_luc_2024, quote: "{typed}%"}}}}

task_lists:"""
    found = problems_of(tmp_path, ("\ntask_lists:", "\n" + metric))
    if expected is None:
        assert found == []
    else:
        assert len(found) == 1 and found[0].endswith(expected), found
