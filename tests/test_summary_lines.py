"""The trích yếu breaks between phrases, into lines of about the same length."""

from __future__ import annotations

import pytest

from baocao import decree30
from baocao.documents.line_breaks import SUMMARY_WIDTH_MM, break_summary


@pytest.mark.parametrize(
    ("summary", "lines"),
    [
        (
            "Kết quả thực hiện chuyển đổi số năm 2024 và phương hướng, nhiệm vụ năm 2025",
            ["Kết quả thực hiện chuyển đổi số năm 2024", "và phương hướng, nhiệm vụ năm 2025"],
        ),
        (
            "Sơ kết tình hình triển khai Chương trình chuyển đổi số tỉnh An Giang giai đoạn "
            "2021-2025, định hướng đến năm 2030",
            [
                "Sơ kết tình hình triển khai Chương trình chuyển đổi số tỉnh An Giang",
                "giai đoạn 2021-2025, định hướng đến năm 2030",
            ],
        ),
        ("Tình hình thực hiện một số chỉ tiêu chuyển đổi số năm 2024", None),
    ],
)
def test_a_long_summary_breaks_between_phrases(summary, lines):
    broken = break_summary(summary)
    if lines is None:
        assert broken == summary  # fits on one line
        return
    assert broken.split("\n") == lines
    size = decree30.ELEMENTS["summary"].size.default
    assert all(decree30.text_length(line, size, bold=True) <= SUMMARY_WIDTH_MM for line in lines)


def test_a_break_typed_in_the_data_is_kept():
    typed = (
        "Tình hình và kết quả thực hiện\nChiến lược quốc gia về Cách mạng công nghiệp lần thứ tư"
    )
    assert break_summary(typed) == typed


def test_a_summary_too_long_for_two_lines_is_measured_once_and_left_to_wrap(monkeypatch):
    measured = []
    real = decree30.text_length

    def counting(text, size, bold=False):
        measured.append(text)
        return real(text, size, bold)

    monkeypatch.setattr(decree30, "text_length", counting)
    long = "Báo cáo kết quả thực hiện chuyển đổi số của tỉnh " * 200
    assert break_summary(long) == long
    assert sum(len(text) for text in measured) <= len(long) + 1  # not once per space


@pytest.mark.parametrize(
    ("name", "element", "lines"),
    [
        ("ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", "parent_agency", ["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP"]),
        (
            "SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH ĐỒNG THÁP",
            "agency",
            ["SỞ KHOA HỌC VÀ CÔNG NGHỆ", "TỈNH ĐỒNG THÁP"],
        ),
        ("ỦY BAN NHÂN DÂN TỈNH AN GIANG", "parent_agency", ["ỦY BAN NHÂN DÂN TỈNH AN GIANG"]),
        ("SỞ THÔNG TIN\nVÀ TRUYỀN THÔNG", "agency", ["SỞ THÔNG TIN", "VÀ TRUYỀN THÔNG"]),
    ],
)
def test_an_agency_too_wide_for_its_column_breaks_before_its_place(name, element, lines):
    from baocao.documents.line_breaks import break_agency

    broken = break_agency(name, element)
    assert broken.split("\n") == lines
    spec = decree30.ELEMENTS[element]
    width = decree30.header_columns()[0]
    size, bold = spec.size.default, bool(spec.bold)
    assert all(decree30.text_length(line, size, bold) <= width for line in lines)


def test_the_header_of_a_document_shows_the_agency_on_two_balanced_lines(tmp_path):
    from docx import Document

    from .helpers import example_workspace, render_example

    root = example_workspace(
        tmp_path / "ws",
        report=(("TỈNH AN GIANG", "TỈNH ĐỒNG THÁP"), ("place: An Giang", "place: Đồng Tháp")),
    )
    written = {f.kind: f.path for f in render_example(root, tmp_path / "out")}
    header = Document(str(written["BÁO CÁO"])).tables[0].cell(0, 0).text
    assert header.startswith("ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP\n")


def test_a_break_keeps_every_typed_character():
    """Two spaces typed between words: the break takes the last one, the other stays
    (at the end of the line, where it does not show), so no text is lost (found by the
    property test)."""
    text = "«00000Nghị định số 30/2020/NĐ-CP  00000Nghị định số 30/2020/NĐ-CP  »"
    broken = break_summary(text)
    assert "\n" in broken
    assert broken.replace("\n", " ") == text
    assert not broken.split("\n")[1].startswith(" ")
