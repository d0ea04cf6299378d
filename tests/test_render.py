"""Rendered documents read back with python-docx: text, layout, footnotes."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Mm, Pt
from lxml import etree

from .helpers import (
    EXAMPLE_ID,
    W,
    body_lines,
    example_workspace,
    footnotes,
    golden_text,
    render_example,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def example_docs(tmp_path_factory):
    root = example_workspace(tmp_path_factory.mktemp("example"))
    written = render_example(root, root / "out")
    return {f.kind: f.path for f in written}


def test_example_writes_both_documents(example_docs):
    assert example_docs["BÁO CÁO"].name == f"BaoCao_2024_{EXAMPLE_ID}.docx"
    assert example_docs["Phụ lục"].name == f"PhuLuc_2024_{EXAMPLE_ID}.docx"


def test_example_report_golden(example_docs, golden):
    golden(f"BaoCao_2024_{EXAMPLE_ID}.txt", golden_text(example_docs["BÁO CÁO"]))


def test_example_appendix_golden(example_docs, golden):
    golden(f"PhuLuc_2024_{EXAMPLE_ID}.txt", golden_text(example_docs["Phụ lục"]))


def test_report_page_setup(example_docs):
    document = Document(str(example_docs["BÁO CÁO"]))
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.PORTRAIT
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    assert [round(m.mm) for m in margins] == [20, 20, 30, 15]
    assert section.different_first_page_header_footer
    assert section.first_page_header.paragraphs[0].text == ""


def test_page_number_field_in_header_from_page_two(example_docs):
    document = Document(str(example_docs["BÁO CÁO"]))
    header = document.sections[0].header
    instructions = [t.text.strip() for t in header._element.iter(f"{W}instrText")]
    assert instructions == ["PAGE"]
    assert (
        header.paragraphs[0].alignment is not None
        or header.paragraphs[0].style.paragraph_format.alignment == 1
    )


def test_header_block_text_and_order(example_docs):
    lines = body_lines(example_docs["BÁO CÁO"])
    assert lines[0] == (
        "| ỦY BAN NHÂN DÂN TỈNH AN GIANG / SỞ THÔNG TIN VÀ TRUYỀN THÔNG | "
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc |"
    )
    assert lines[1] == (
        "| Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-STTTT | "
        "An Giang, ngày 13 tháng 12 năm 2024 |"
    )
    assert lines[2:4] == ["BÁO CÁO", "Tình hình thực hiện một số chỉ tiêu chuyển đổi số năm 2024"]


def test_body_style_is_justified_14pt_with_indent(example_docs):
    document = Document(str(example_docs["BÁO CÁO"]))
    style = document.styles["BC Body"]
    assert style.font.size == Pt(14)
    assert style.paragraph_format.first_line_indent == Mm(12.7)
    assert style.paragraph_format.space_after >= Pt(6)
    assert style.paragraph_format.alignment == 3  # justify


def test_fonts_are_times_new_roman_on_all_slots_without_theme(example_docs):
    with zipfile.ZipFile(example_docs["BÁO CÁO"]) as package:
        styles = etree.fromstring(package.read("word/styles.xml"))
    fonts = list(styles.iter(f"{W}rFonts"))
    assert fonts
    for element in fonts:
        for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
            assert element.get(f"{W}{slot}") == "Times New Roman"
        assert not [a for a in element.attrib if "theme" in a.lower()]


def test_every_style_used_exists(example_docs):
    """A missing style id makes LibreOffice lay a table out as loose paragraphs."""
    for path in example_docs.values():
        with zipfile.ZipFile(path) as package:
            styles = etree.fromstring(package.read("word/styles.xml"))
            defined = {s.get(f"{W}styleId") for s in styles.iter(f"{W}style")}
            parts = [
                n for n in ("word/document.xml", "word/footnotes.xml") if n in package.namelist()
            ]
            for part in parts:
                root = etree.fromstring(package.read(part))
                used = {e.get(f"{W}val") for e in root.iter(f"{W}pStyle", f"{W}rStyle")}
                assert used <= defined, (path.name, part, used - defined)


def test_footnotes_are_real_and_in_order(example_docs):
    report = example_docs["BÁO CÁO"]
    assert footnotes(report) == [
        (
            1,
            "Chương trình Chuyển đổi số tỉnh An Giang giai đoạn "
            "2021 - 2025, định hướng đến năm 2030.",
        )
    ]
    document = Document(str(report))
    references = [e.get(f"{W}id") for e in document.element.body.iter(f"{W}footnoteReference")]
    assert references == ["1"]
    with zipfile.ZipFile(report) as package:
        types = package.read("[Content_Types].xml").decode()
        rels = package.read("word/_rels/document.xml.rels").decode()
    assert "footnotes+xml" in types
    assert 'Target="footnotes.xml"' in rels


def test_last_paragraph_ends_with_final_mark(example_docs):
    lines = body_lines(example_docs["BÁO CÁO"])
    signature = lines[-1]
    assert lines[-2].endswith("./.")
    assert signature.startswith("| Nơi nhận: / - UBND tỉnh (b/c); / - Lưu: VT, VP. | KT. GIÁM ĐỐC")


def test_appendix_is_landscape_with_repeated_header_row(example_docs):
    document = Document(str(example_docs["Phụ lục"]))
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert round(section.page_width.mm) == 297
    tables = document.tables
    assert len(tables) == 2
    for table in tables:
        first_row = table.rows[0]._tr
        assert first_row.find(f"{W}trPr/{W}tblHeader") is not None
        assert all(r._tr.find(f"{W}trPr/{W}tblHeader") is None for r in table.rows[1:])


def test_appendix_rows_number_groups_in_roman(example_docs):
    lines = body_lines(example_docs["Phụ lục"])
    assert "| I | Phát triển xã hội số |" in lines
    row = (
        "| 1 | Tỷ lệ dân số có tài khoản thanh toán điện tử (người dân từ 15 tuổi trở lên) "
        "| 50% | 80% | 180,2% (2.009.961/1.115.432) | Đạt | Tỷ lệ vượt 100% vì "
    )
    assert any(line.startswith(row) for line in lines)


def test_same_input_gives_identical_bytes(tmp_path):
    root = example_workspace(tmp_path)
    first = render_example(root, tmp_path / "a")
    second = render_example(root, tmp_path / "b")
    for one, two in zip(first, second, strict=True):
        assert one.path.read_bytes() == two.path.read_bytes()


def test_heading_levels_follow_the_decree(example_docs):
    """I. caps bold; 1. bold; a) upright (Nghị định 30/2020, Phụ lục I)."""
    styles = Document(str(example_docs["BÁO CÁO"])).styles
    assert styles["BC Heading 1"].font.bold and not styles["BC Heading 1"].font.italic
    assert styles["BC Heading 2"].font.bold and not styles["BC Heading 2"].font.italic
    assert not styles["BC Heading 3"].font.italic


def test_a_remark_for_the_data_keeper_is_never_printed(tmp_path):
    remark = "Nguồn in 88,81% nhưng tử số và mẫu số cho 88,18%"
    root = example_workspace(
        tmp_path, data=(("    evaluation: Đạt\n", f"    evaluation: Đạt\n    remark: {remark}\n"),)
    )
    written = {f.kind: f.path for f in render_example(root, tmp_path / "out")}
    for path in written.values():
        assert remark not in golden_text(path)
    note = "    evaluation: Đạt\n"
    root = example_workspace(tmp_path / "b", data=((note, f"{note}    note: {remark}\n"),))
    written = {f.kind: f.path for f in render_example(root, tmp_path / "out_b")}
    assert remark in golden_text(written["Phụ lục"])  # a note is for the reader


def test_the_spliced_body_reads_as_the_per_paragraph_loop(tmp_path, monkeypatch):
    """The body spliced in after docxtpl (linear) gives the text, styles and footnotes of
    docxtpl's own loop, which a template without the 'spliced' branch still uses."""
    from docx import Document

    from baocao.render import engine

    root = example_workspace(tmp_path)
    spliced = {f.kind: f.path for f in render_example(root, tmp_path / "a")}
    monkeypatch.setattr(engine, "_splices_body", lambda template: False)
    looped = {f.kind: f.path for f in render_example(root, tmp_path / "b")}
    assert golden_text(spliced["BÁO CÁO"]) == golden_text(looped["BÁO CÁO"])
    styles = [
        [p.style.name for p in Document(str(path)).paragraphs if p.text.strip()]
        for path in (spliced["BÁO CÁO"], looped["BÁO CÁO"])
    ]
    assert styles[0] == styles[1]
    assert "BC Heading 2" in styles[0]
