"""A report typed with Word's own tools, for ``baocao convert``'s tests: heading styles
numbered automatically (numbering.xml: I., II. then 1., 2.), bullets from a list,
tracked changes and a comment; and what a reader sees in it."""

from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt

from .convert_fixtures import (
    COMMENTS_TYPE,
    HEADER,
    W_NS,
    Expected,
    _document,
    _line,
    header_table,
    signature_table,
)
from .kiemtra_fixtures import FONT, _fonts


def _numbering(document) -> tuple[str, str]:
    """A list for the headings (I., 1.) and a bullet list (-, +); their numIds."""
    numbering = document.part.numbering_part.element
    headings = parse_xml(
        f'<w:abstractNum {W_NS} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>'
        '<w:lvlText w:val="%1."/><w:pStyle w:val="Heading1"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%2."/><w:pStyle w:val="Heading2"/></w:lvl>'
        "</w:abstractNum>"
    )
    bullets = parse_xml(
        f'<w:abstractNum {W_NS} w:abstractNumId="91">'
        '<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="+"/></w:lvl>'
        "</w:abstractNum>"
    )
    first_num = numbering.find(qn("w:num"))
    first_num.addprevious(headings)
    first_num.addprevious(bullets)
    for number, abstract in (("90", "90"), ("91", "91")):
        numbering.append(
            parse_xml(
                f'<w:num {W_NS} w:numId="{number}"><w:abstractNumId w:val="{abstract}"/></w:num>'
            )
        )
    for style, level in (("Heading 1", 0), ("Heading 2", 1)):
        p_pr = document.styles[style].element.get_or_add_pPr()
        p_pr.insert(
            0,
            parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'),
        )
    return "90", "91"


def _listed(paragraph, num_id: str, level: int) -> None:
    paragraph._p.get_or_add_pPr().insert(
        0,
        parse_xml(
            f'<w:numPr {W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
        ),
    )


def styled_and_numbered():
    """A report whose headings are Word's heading styles numbered by Word, its bullets a
    list, with tracked changes and a comment; what a reader sees in it."""
    document = _document()
    _heading_styles(document)
    header_table(document)
    _, bullets = _numbering(document)
    body = lambda runs: _line(document, runs, align="both", indent=True)  # noqa: E731
    body("Ủy ban nhân dân huyện Châu Thành báo cáo kết quả quý I năm 2024 như sau:")
    document.add_paragraph("KẾT QUẢ THỰC HIỆN", style="Heading 1")
    document.add_paragraph("Hạ tầng số", style="Heading 2")
    tracked = body("Internet cáp quang đã đến ")
    tracked._p.append(
        parse_xml(
            f'<w:ins {W_NS} w:id="11" w:author="Chuyên viên" w:date="2024-03-01T08:00:00Z">'
            "<w:r><w:t>100% </w:t></w:r></w:ins>"
        )
    )
    tracked._p.append(
        parse_xml(
            f'<w:del {W_NS} w:id="12" w:author="Chuyên viên" w:date="2024-03-01T08:00:00Z">'
            "<w:r><w:delText>hầu hết </w:delText></w:r></w:del>"
        )
    )
    tracked.add_run("trung tâm xã, thị trấn.")
    _listed(body("Trạm BTS: 245 trạm;"), bullets, 0)
    _listed(body("trong đó 5G: 12 trạm;"), bullets, 1)
    document.add_paragraph("Nhân lực số", style="Heading 2")
    commented = body("Tổ công nghệ số cộng đồng có 1.245 thành viên.")
    _comment(document, commented)
    document.add_paragraph("PHƯƠNG HƯỚNG QUÝ II", style="Heading 1")
    body("Trên đây là báo cáo của Ủy ban nhân dân huyện Châu Thành./.")
    signature_table(document)
    return document, _styled_expected()


def _heading_styles(document) -> None:
    """Heading styles as an office sets them: Times New Roman, black, bold, 14 pt."""
    for name in ("Heading 1", "Heading 2"):
        style = document.styles[name]
        style.font.name, style.font.size, style.font.bold = FONT, Pt(14), True
        style.font.color.rgb = None
        _fonts(style.element.get_or_add_rPr())


def _comment(document, paragraph) -> None:
    xml = (
        f'<w:comments {W_NS}><w:comment w:id="0" w:author="Trưởng phòng">'
        "<w:p><w:r><w:t>Kiểm tra lại số liệu</w:t></w:r></w:p></w:comment></w:comments>"
    )
    package = document.part.package
    part = Part(PackURI("/word/comments.xml"), COMMENTS_TYPE, xml.encode(), package)
    document.part.relate_to(part, RT.COMMENTS)
    paragraph._p.insert(1, parse_xml(f'<w:commentRangeStart {W_NS} w:id="0"/>'))
    paragraph._p.append(parse_xml(f'<w:commentRangeEnd {W_NS} w:id="0"/>'))
    paragraph._p.append(parse_xml(f'<w:r {W_NS}><w:commentReference w:id="0"/></w:r>'))


def _styled_expected() -> Expected:
    return Expected(
        header=dict(HEADER),
        paragraphs=[
            (
                "paragraph",
                "Ủy ban nhân dân huyện Châu Thành báo cáo kết quả quý I năm 2024 như sau:",
            ),
            ("heading", "I. KẾT QUẢ THỰC HIỆN"),
            ("heading", "1. Hạ tầng số"),
            ("paragraph", "Internet cáp quang đã đến 100% trung tâm xã, thị trấn."),
            ("bullet", "- Trạm BTS: 245 trạm;"),
            ("bullet2", "+ trong đó 5G: 12 trạm;"),
            ("heading", "2. Nhân lực số"),
            ("paragraph", "Tổ công nghệ số cộng đồng có 1.245 thành viên."),
            ("heading", "II. PHƯƠNG HƯỚNG QUÝ II"),
            ("paragraph", "Trên đây là báo cáo của Ủy ban nhân dân huyện Châu Thành./."),
        ],
        depths=[
            (1, "I. KẾT QUẢ THỰC HIỆN"),
            (2, "1. Hạ tầng số"),
            (2, "2. Nhân lực số"),
            (1, "II. PHƯƠNG HƯỚNG QUÝ II"),
        ],
    )
