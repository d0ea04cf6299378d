"""A report typed by hand in Word, rebuilt with python-docx (not with our templates).

``typed_report()`` is correct by Nghị định 30; each test changes one thing through
the keyword arguments or by editing the returned document before it is saved.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from baocao import decree30

FONT = "Times New Roman"
LEFT, RIGHT = 70.0, 95.0
CELL_PADDING = 108 * 2 / 1440 * 25.4

MOTTO = decree30.MOTTO
BODY = [
    "Thực hiện Kế hoạch số 15/KH-UBND ngày 10/01/2024 của Ủy ban nhân dân tỉnh, "
    "Sở Thông tin và Truyền thông báo cáo kết quả quý I năm 2024 như sau:",
    "I. KẾT QUẢ THỰC HIỆN",
    "Tỷ lệ hồ sơ giải quyết trực tuyến đạt 88,18%, tăng 4,26 điểm phần trăm so với năm 2023.",
    "Trên đây là báo cáo kết quả quý I năm 2024 của Sở Thông tin và Truyền thông./.",
]
RECIPIENTS = ["- UBND tỉnh;", "- Sở Tài chính;", "- Lưu: VT, KHTC."]


def _fonts(r_pr) -> None:
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), FONT)


def border_rule(paragraph, width: float, available: float) -> None:
    """A rule ``width`` mm long, centred in ``available`` mm, as a bottom border."""
    indent = Mm((available - width) / 2)
    paragraph.paragraph_format.left_indent = indent
    paragraph.paragraph_format.right_indent = indent
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in {"w:val": "single", "w:sz": "6", "w:space": "1", "w:color": "000000"}.items():
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def line(container, text: str, size: float, bold=False, italic=False, align="center"):
    paragraph = container.add_paragraph()
    paragraph.alignment = {
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }[align]
    paragraph.paragraph_format.space_after = Pt(0)
    if text:
        run = paragraph.add_run(text)
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.italic = italic
    return paragraph


def page_number(paragraph) -> None:
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("end", None)):
        run = paragraph.add_run()
        run.font.size = Pt(14)
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.text = text
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)


def setup(section, landscape=False, margins=None) -> None:
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    else:
        section.page_width, section.page_height = Mm(210), Mm(297)
    sides = margins or {k: v.default for k, v in decree30.margin_ranges(landscape).items()}
    for side, value in sides.items():
        setattr(section, f"{side}_margin", Mm(value))


def typed_report(
    *,
    left_margin: float = 30,
    motto: str = MOTTO,
    motto_rule: bool = True,
    number: str = "Số: 05/BC-STTTT",
    date: str = "An Giang, ngày 05 tháng 3 năm 2024",
    first_page_number: bool = False,
    recipients: list[str] | None = None,
    body: list[str] | None = None,
    parent: tuple[str, ...] = ("ỦY BAN NHÂN DÂN TỈNH AN GIANG",),
    agency: tuple[str, ...] = ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG",),
    authority: tuple[str, ...] = ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
    signer: str = "Nguyễn Văn An",
):
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    _fonts(normal.element.get_or_add_rPr())
    section = document.sections[0]
    setup(section, margins={"top": 20, "bottom": 20, "left": left_margin, "right": 15})
    section.different_first_page_header_footer = not first_page_number
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    page_number(header)
    text_width = 210 - left_margin - 15

    table = document.add_table(rows=2, cols=2)
    table.autofit = False
    for row in table.rows:
        row.cells[0].width, row.cells[1].width = Mm(LEFT), Mm(RIGHT)
    for column, width in zip(table.columns, (LEFT, RIGHT), strict=True):
        column.width = Mm(width)
    left, right = table.rows[0].cells
    left.paragraphs[0]._p.getparent().remove(left.paragraphs[0]._p)
    right.paragraphs[0]._p.getparent().remove(right.paragraphs[0]._p)
    for text in parent:
        line(left, text, 12)
    for text in agency:
        line(left, text, 12, bold=True)
    available = LEFT - CELL_PADDING
    agency_line = min(max(decree30.text_length(t, 12, True) for t in agency), available)
    border_rule(line(left, "", 12), agency_line * 0.4, available)
    line(right, decree30.NATIONAL_TITLE, 12, bold=True)
    line(right, motto, 13, bold=True)
    if motto_rule:
        available = RIGHT - CELL_PADDING
        border_rule(line(right, "", 13), decree30.text_length(MOTTO, 13, True), available)
    cells = table.rows[1].cells
    cells[0].paragraphs[0]._p.getparent().remove(cells[0].paragraphs[0]._p)
    cells[1].paragraphs[0]._p.getparent().remove(cells[1].paragraphs[0]._p)
    line(cells[0], number, 13)
    line(cells[1], date, 14, italic=True)

    line(document, "BÁO CÁO", 14, bold=True).paragraph_format.space_before = Pt(18)
    summary = "Kết quả thực hiện chuyển đổi số quý I năm 2024"
    line(document, summary, 14, bold=True)
    summary_line = decree30.text_length(summary, 14, True)
    border_rule(line(document, "", 14), summary_line * 0.4, text_width)

    for text in body if body is not None else BODY:
        paragraph = line(document, text, 14, bold=text.startswith("I."), align="justify")
        paragraph.paragraph_format.first_line_indent = Mm(12.7)
        paragraph.paragraph_format.space_after = Pt(6)
        paragraph.paragraph_format.line_spacing = 1.2

    signature = document.add_table(rows=1, cols=2)
    signature.autofit = False
    for cell, width in zip(signature.rows[0].cells, (85, 80), strict=True):
        cell.width = Mm(width)
    for column, width in zip(signature.columns, (85, 80), strict=True):
        column.width = Mm(width)
    left, right = signature.rows[0].cells
    left.paragraphs[0]._p.getparent().remove(left.paragraphs[0]._p)
    right.paragraphs[0]._p.getparent().remove(right.paragraphs[0]._p)
    line(left, "Nơi nhận:", 12, bold=True, italic=True, align="left")
    for recipient in recipients if recipients is not None else RECIPIENTS:
        line(left, recipient, 11, align="left")
    for text in authority:
        line(right, text, 14, bold=True)
    for _ in range(4):
        line(right, "", 14)
    line(right, signer, 14, bold=True)
    return document


def add_landscape_section(document, margins=None):
    """A wide table on a landscape page after the report (practice for large tables)."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    setup(section, landscape=True, margins=margins)
    return section


def save(document, path: Path) -> Path:
    document.save(str(path))
    return path


def _cell(cell, items) -> None:
    """Replace the cell's empty paragraph by centred lines ``(text, size, bold, italic)``."""
    cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    for text, size, bold, italic in items:
        paragraph = cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if text:
            run = paragraph.add_run(text)
            run.font.size, run.bold, run.italic = Pt(size), bold, italic


def district_report_with_mistakes():
    """A UBND huyện report typed by hand in Word with the usual mistakes (README example):
    page number in the footer and on page 1, "HOÀ", en dashes in the motto, typed
    underscores too short, "Số: 7 /", "ngày 5 tháng 03" upright, no rule under the
    summary, one run in Arial, one paragraph aligned left, no "./.", "- Lưu VT.", "ThS."."""
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(14)
    section = document.sections[0]
    setup(section, margins={"top": 20, "bottom": 20, "left": 30, "right": 20})
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    footer._p.append(field)

    table = document.add_table(rows=2, cols=2)
    _cell(
        table.cell(0, 0),
        [("ỦY BAN NHÂN DÂN", 13, True, False), ("HUYỆN CHÂU THÀNH", 13, True, False)]
        + [("_______", 13, False, False)],
    )
    _cell(
        table.cell(0, 1),
        [("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, True, False)]
        + [("Độc lập – Tự do – Hạnh phúc", 14, True, False), ("_" * 23, 14, False, False)],
    )
    _cell(table.cell(1, 0), [("Số: 7 /BC-UBND", 13, False, False)])
    _cell(table.cell(1, 1), [("Châu Thành, ngày 5 tháng 03 năm 2024", 14, False, False)])

    def paragraph(text, bold=False, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True, font=None):
        added = document.add_paragraph()
        added.alignment = align
        if indent:
            added.paragraph_format.first_line_indent = Mm(10)
        added.paragraph_format.space_after = Pt(6)
        run = added.add_run(text)
        run.bold = bold
        if font:
            run.font.name = font

    centre = {"bold": True, "align": WD_ALIGN_PARAGRAPH.CENTER, "indent": False}
    paragraph("BÁO CÁO", **centre)
    paragraph("Tình hình thực hiện chuyển đổi số quý I năm 2024", **centre)
    paragraph(
        "Thực hiện Kế hoạch số 15/KH-UBND ngày 10/01/2024 của Ủy ban nhân dân tỉnh, "
        "Ủy ban nhân dân huyện Châu Thành báo cáo như sau:"
    )
    paragraph("I. KẾT QUẢ ĐẠT ĐƯỢC", bold=True)
    paragraph(
        "Tỷ lệ hồ sơ giải quyết trực tuyến đạt 72,5%; 100% xã, thị trấn có Tổ công nghệ "
        "số cộng đồng.",
        font="Arial",
    )
    paragraph("Một số xã còn chậm cập nhật dữ liệu lên hệ thống.", align=WD_ALIGN_PARAGRAPH.LEFT)
    paragraph(
        "Trên đây là báo cáo tình hình thực hiện chuyển đổi số quý I năm 2024 "
        "của Ủy ban nhân dân huyện Châu Thành."
    )

    signature = document.add_table(rows=1, cols=2)
    left, right = signature.rows[0].cells
    left.paragraphs[0]._p.getparent().remove(left.paragraphs[0]._p)
    for text, size, bold, italic in [
        ("Nơi nhận:", 12, True, True),
        ("- UBND tỉnh;", 11, False, False),
        ("- Sở TT&TT;", 11, False, False),
        ("- Lưu VT.", 11, False, False),
    ]:
        run = left.add_paragraph().add_run(text)
        run.font.size, run.bold, run.italic = Pt(size), bold, italic
    authority = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", ""]
    lines = [(text, 14, bool(text), False) for text in authority]
    _cell(right, [*lines, ("ThS. Trần Văn Bình", 14, True, False)])
    return document
