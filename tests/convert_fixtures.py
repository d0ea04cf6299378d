"""Word documents built the way people type them, for ``baocao convert``'s tests, each
with what a reader sees in it (the expected view of ``tests/roundtrip.py``).

- ``typed_by_hand``: the header as a borderless table, numbers typed by hand (I., 1.,
  a), -, +), words split across runs, empty paragraphs between paragraphs, tabs and
  repeated spaces, a real footnote and a superscript digit typed as one, a table pasted
  from Excel (grid, a merged "Tổng cộng" cell), a landscape Phụ lục with a table of
  group rows.

Two more kinds are built beside it, from its pieces: ``convert_styled`` (Word's heading
styles and automatic numbers) and ``convert_commune`` (a commune's tờ trình).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm, Pt

from .kiemtra_fixtures import FONT, _fonts, border_rule, setup

W_NS = nsdecls("w")
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
LEFT, RIGHT = 70.0, 95.0


@dataclass
class Expected:
    """What a reader sees in the document: header fields, paragraphs with their level,
    heading depths, footnotes, table rows (the view of ``tests/roundtrip.py``)."""

    header: dict[str, str] = field(default_factory=dict)
    paragraphs: list[tuple[str, str]] = field(default_factory=list)
    depths: list[tuple[int, str]] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    rows: list[tuple[str, ...]] = field(default_factory=list)


HEADER = {
    "agency": "ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH",
    "parent agency": "",
    "number": "Số: 125/BC-UBND",
    "place and date": "Châu Thành, ngày 05 tháng 3 năm 2024",
    "type": "BÁO CÁO",
    "summary": "Kết quả thực hiện chuyển đổi số quý I năm 2024",
    "recipients": "- UBND tỉnh (b/c); - Sở Thông tin và Truyền thông; - Lưu: VT, VP.",
    "authority": "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
    "signer": "Trần Văn Bình",
}


def _document():
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    _fonts(normal.element.get_or_add_rPr())
    setup(document.sections[0], margins={"top": 20, "bottom": 20, "left": 30, "right": 15})
    return document


def _line(container, runs, align="center", indent=False):
    """A paragraph of ``runs``: ``(text, bold, italic)`` each, or text alone."""
    paragraph = container.add_paragraph()
    paragraph.alignment = {
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "both": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }[align]
    if indent:
        paragraph.paragraph_format.first_line_indent = Mm(12.7)
    for run in [runs] if isinstance(runs, str) else runs:
        text, bold, italic = (run, False, False) if isinstance(run, str) else run
        added = paragraph.add_run(text)
        added.bold, added.italic = bold or None, italic or None
    return paragraph


def _empty_cell(cell):
    cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    return cell


def header_table(document) -> None:
    """The header block as people type it: a two-column table without borders."""
    table = document.add_table(rows=2, cols=2)
    left, right = (_empty_cell(c) for c in table.rows[0].cells)
    _line(left, [("ỦY BAN NHÂN DÂN", True, False)])
    _line(left, [("HUYỆN CHÂU THÀNH", True, False)])
    border_rule(_line(left, ""), 25, LEFT)
    _line(right, [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False)])
    _line(right, [("Độc lập - Tự do - Hạnh phúc", True, False)])
    border_rule(_line(right, ""), 60, RIGHT)
    number, date = (_empty_cell(c) for c in table.rows[1].cells)
    _line(number, ["Số: ", "125/BC-UBND"])
    _line(date, [("Châu Thành, ngày 05 tháng 3 năm 2024", False, True)])
    _line(document, [("BÁO CÁO", True, False)])
    _line(
        document,
        [("Kết quả thực hiện chuyển ", True, False), ("đổi số quý I năm 2024", True, False)],
    )
    border_rule(_line(document, ""), 50, 165)


def signature_table(document) -> None:
    table = document.add_table(rows=1, cols=2)
    left, right = (_empty_cell(c) for c in table.rows[0].cells)
    _line(left, [("Nơi nhận:", True, True)], align="left")
    for text in ("- UBND tỉnh (b/c);", "- Sở Thông tin và Truyền thông;", "- Lưu: VT, VP."):
        _line(left, text, align="left")
    for text in ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"):
        _line(right, [(text, True, False)])
    for _ in range(3):
        _line(right, "")
    _line(right, [("Trần Văn Bình", True, False)])


def add_footnotes(document, notes: dict[int, str]) -> None:
    """A footnotes part holding ``notes`` (id → text), as Word writes it."""
    body = "".join(
        f'<w:footnote w:id="{number}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/>'
        f'</w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r>'
        "</w:p></w:footnote>"
        for number, text in notes.items()
    )
    xml = (
        f"<w:footnotes {W_NS}>"
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>"
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>"
        f"{body}</w:footnotes>"
    )
    package = document.part.package
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_TYPE, xml.encode(), package)
    document.part.relate_to(part, RT.FOOTNOTES)


def footnote_mark(paragraph, number: int) -> None:
    paragraph._p.append(
        parse_xml(
            f'<w:r {W_NS}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteReference w:id="{number}"/></w:r>'
        )
    )


def typed_by_hand():
    """The district report typed in Word by hand; what a reader sees in it."""
    document = _document()
    header_table(document)
    _line(document, "")
    body = lambda runs: _line(document, runs, align="both", indent=True)  # noqa: E731
    body(
        [
            "Thực hiện Kế hoạ",
            "ch số 15/KH-UBND ngày 10/01/2024 của Ủy ban nhân dân tỉnh,\tỦy ban nhân dân",
            "  huyện Châu Thành báo cáo kết quả quý I năm 2024 như sau:",
        ]
    )
    _line(document, "")
    body([("I. KẾT QUẢ THỰC HIỆN", True, False)])
    body([("1. Hạ tầng ", True, False), ("số", True, False)])
    infrastructure = body(
        [
            "Tỷ lệ hộ gia đình có kết nối Internet cáp quang đạt 83,5%; 100% xã, thị trấn có "
            "Tổ công nghệ số cộng đồng",
        ]
    )
    footnote_mark(infrastructure, 1)
    infrastructure.add_run(" với 1.245 thành viên.")
    _line(document, "")
    body("a) Dịch vụ công trực tuyến")
    body("- Tỷ lệ hồ sơ giải quyết trực tuyến đạt 72,5% (12.345/17.028 hồ sơ);")
    body("+ cấp xã:   65,4%;")
    body("b) Chuyển đổi số trong doanh nghiệp")
    body(
        [
            "Có ",
            ("45 doanh nghiệp", True, False),
            " dùng hóa đơn điện tử, ",
            ("tăng 12 doanh nghiệp", False, True),
            " so với năm 2023.",
        ]
    )
    body([("2. Nhân lực số", True, False)])
    training = body("Tổ chức 12 lớp tập huấn cho 560 lượt cán bộ, công chức")
    training.add_run("2").font.superscript = True
    training.add_run(".")
    body([("II. KHÓ KHĂN, HẠN CHẾ", True, False)])
    body("Một số xã còn chậm cập nhật dữ liệu; số liệu tổng hợp như sau:")
    excel_table(document)
    _line(document, "")
    body([("III. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II", True, False)])
    body("– Tiếp tục rà soát, cập nhật dữ liệu dân cư trên địa bàn;")
    body("– Tập huấn kỹ năng số cho Tổ công nghệ số cộng đồng.")
    body(
        "Trên đây là báo cáo kết quả thực hiện chuyển đổi số quý I năm 2024 của "
        "Ủy ban nhân dân huyện Châu Thành./."
    )
    signature_table(document)
    add_footnotes(document, {1: "Quyết định số 1234/QĐ-UBND ngày 05/01/2024 của UBND huyện."})
    landscape_appendix(document)
    return document, _typed_expected()


def excel_table(document) -> None:
    """A table pasted from Excel: a grid, Calibri 11, figures right-aligned, a merged
    "Tổng cộng" cell."""
    rows = [
        ("STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ"),
        ("1", "Hồ sơ trực tuyến", "17.028", "12.345", "72,5%"),
        ("2", "Thuê bao cáp quang", "25.000", "20.875", "83,5%"),
    ]
    table = document.add_table(rows=len(rows) + 1, cols=5)
    table.style = "Table Grid"
    for row, values in zip(table.rows, rows, strict=False):
        for cell, value in zip(row.cells, values, strict=True):
            run = cell.paragraphs[0].add_run(value)
            run.font.name, run.font.size = "Calibri", Pt(11)
    last = table.rows[-1].cells
    merged = last[0].merge(last[1])
    merged.paragraphs[0].add_run("Tổng cộng").bold = True
    for cell, value in zip(last[2:], ("42.028", "33.220", "79,0%"), strict=True):
        cell.paragraphs[0].add_run(value).bold = True


def landscape_appendix(document) -> None:
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    setup(section, landscape=True)
    _line(document, [("Phụ lục I", True, False)])
    _line(document, [("KẾT QUẢ CÁC CHỈ TIÊU QUÝ I NĂM 2024", True, False)])
    _line(
        document,
        [
            (
                "(Kèm theo Báo cáo số 125/BC-UBND ngày 05 tháng 3 năm 2024 của "
                "Ủy ban nhân dân huyện Châu Thành)",
                False,
                True,
            )
        ],
    )
    table = document.add_table(rows=4, cols=3)
    table.style = "Table Grid"
    for cell, value in zip(table.rows[0].cells, ("STT", "Chỉ tiêu", "Kết quả"), strict=True):
        cell.paragraphs[0].add_run(value).bold = True
    group = table.rows[1].cells
    group[0].paragraphs[0].add_run("I").bold = True
    title = group[1].merge(group[2])
    title.paragraphs[0].add_run("Chính quyền số").bold = True
    for row, values in zip(
        table.rows[2:],
        [("1", "Dịch vụ công toàn trình", "100%"), ("2", "Văn bản điện tử", "98,2%")],
        strict=True,
    ):
        for cell, value in zip(row.cells, values, strict=True):
            cell.paragraphs[0].add_run(value)


def _typed_expected() -> Expected:
    return Expected(
        header=dict(HEADER),
        paragraphs=[
            (
                "paragraph",
                "Thực hiện Kế hoạch số 15/KH-UBND ngày 10/01/2024 của Ủy ban nhân dân tỉnh, "
                "Ủy ban nhân dân huyện Châu Thành báo cáo kết quả quý I năm 2024 như sau:",
            ),
            ("heading", "I. KẾT QUẢ THỰC HIỆN"),
            ("heading", "1. Hạ tầng số"),
            (
                "paragraph",
                "Tỷ lệ hộ gia đình có kết nối Internet cáp quang đạt 83,5%; 100% xã, thị trấn "
                "có Tổ công nghệ số cộng đồng với 1.245 thành viên.",
            ),
            ("heading", "a) Dịch vụ công trực tuyến"),
            ("bullet", "- Tỷ lệ hồ sơ giải quyết trực tuyến đạt 72,5% (12.345/17.028 hồ sơ);"),
            ("bullet2", "+ cấp xã: 65,4%;"),
            ("heading", "b) Chuyển đổi số trong doanh nghiệp"),
            (
                "paragraph",
                "Có 45 doanh nghiệp dùng hóa đơn điện tử, tăng 12 doanh nghiệp so với năm 2023.",
            ),
            ("heading", "2. Nhân lực số"),
            ("paragraph", "Tổ chức 12 lớp tập huấn cho 560 lượt cán bộ, công chức2."),
            ("heading", "II. KHÓ KHĂN, HẠN CHẾ"),
            ("paragraph", "Một số xã còn chậm cập nhật dữ liệu; số liệu tổng hợp như sau:"),
            ("heading", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II"),
            ("bullet", "- Tiếp tục rà soát, cập nhật dữ liệu dân cư trên địa bàn;"),
            ("bullet", "- Tập huấn kỹ năng số cho Tổ công nghệ số cộng đồng."),
            (
                "paragraph",
                "Trên đây là báo cáo kết quả thực hiện chuyển đổi số quý I năm 2024 của "
                "Ủy ban nhân dân huyện Châu Thành./.",
            ),
            ("paragraph", "Phụ lục I"),
            ("paragraph", "KẾT QUẢ CÁC CHỈ TIÊU QUÝ I NĂM 2024"),
            (
                "paragraph",
                "(Kèm theo Báo cáo số 125/BC-UBND ngày 05 tháng 3 năm 2024 của Ủy ban nhân "
                "dân huyện Châu Thành)",
            ),
        ],
        depths=[
            (1, "I. KẾT QUẢ THỰC HIỆN"),
            (2, "1. Hạ tầng số"),
            (3, "a) Dịch vụ công trực tuyến"),
            (3, "b) Chuyển đổi số trong doanh nghiệp"),
            (2, "2. Nhân lực số"),
            (1, "II. KHÓ KHĂN, HẠN CHẾ"),
            (1, "III. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II"),
        ],
        footnotes=["Quyết định số 1234/QĐ-UBND ngày 05/01/2024 của UBND huyện."],
        rows=[
            ("STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ"),
            ("1", "Hồ sơ trực tuyến", "17.028", "12.345", "72,5%"),
            ("2", "Thuê bao cáp quang", "25.000", "20.875", "83,5%"),
            ("Tổng cộng", "42.028", "33.220", "79,0%"),
            ("STT", "Chỉ tiêu", "Kết quả"),
            ("I", "Chính quyền số"),
            ("1", "Dịch vụ công toàn trình", "100%"),
            ("2", "Văn bản điện tử", "98,2%"),
        ],
    )
