"""The styles and page of the templates: every value from ``decree30`` (Nghị định
30/2020/NĐ-CP, Phụ lục I, as official-format.md sets it out), as python-docx builds
them. ``template_build`` lays the templates' blocks out on top."""

from __future__ import annotations

from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from .. import decree30

FONT = decree30.FONT
PAGE = {"width": Mm(decree30.PAGE_WIDTH), "height": Mm(decree30.PAGE_HEIGHT)}
HEADER_DISTANCE = Mm(decree30.HEADER_DISTANCE)


def pt(element: str) -> Pt:
    """The project's size for an element (official-format.md, value in bold)."""
    return Pt(decree30.ELEMENTS[element].size.default)


BODY_SIZE = pt("body")
BODY_INDENT = Mm(decree30.BODY_INDENT)
BODY_SPACE_AFTER = Pt(decree30.BODY_SPACE_AFTER.default)
BODY_LINE_SPACING = decree30.BODY_LINE_SPACING.default
TEXT_WIDTH = decree30.text_width()
LEFT_COLUMN_MM, RIGHT_COLUMN_MM = decree30.header_columns()
MOTTO_RULE_MM = decree30.text_length(decree30.MOTTO, pt("motto").pt, True)
SIGNATURE_COLUMNS = [Mm(85), Mm(TEXT_WIDTH - 85)]

TABLE = pt("table")
# name: (base, size, bold, italic, alignment, first-line indent, space before, after)
PARAGRAPH_STYLES = {
    "BC Body": (None, BODY_SIZE, False, False, "justify", BODY_INDENT, 0, BODY_SPACE_AFTER),
    "BC Heading 1": ("BC Body", BODY_SIZE, True, False, "justify", BODY_INDENT, Pt(6), None),
    "BC Heading 2": ("BC Body", BODY_SIZE, True, False, "justify", BODY_INDENT, Pt(3), None),
    "BC Heading 3": ("BC Body", BODY_SIZE, False, False, "justify", BODY_INDENT, 0, None),
    "BC Heading 4": ("BC Body", BODY_SIZE, False, True, "justify", BODY_INDENT, 0, None),
    "BC Bullet": ("BC Body", BODY_SIZE, False, False, "justify", BODY_INDENT, 0, None),
    "BC Bullet 2": ("BC Body", BODY_SIZE, False, False, "justify", BODY_INDENT, 0, None),
    "BC Agency": (None, pt("agency"), False, False, "center", None, 0, 0),
    "BC Number": (None, pt("number"), False, False, "center", None, Pt(6), 0),
    "BC Title": (None, pt("type"), True, False, "center", None, 0, 0),
    "BC Date": (None, pt("place_date"), False, True, "center", None, 0, 0),
    "BC Rule": (None, Pt(2), False, False, "center", None, 0, 0),
    "BC Recipients Title": (None, pt("recipients_title"), True, True, "left", None, 0, 0),
    "BC Recipients": (None, pt("recipients"), False, False, "left", None, 0, 0),
    "BC Signature": (None, pt("authority"), True, False, "center", None, 0, 0),
    "BC Page Number": (None, pt("page_number"), False, False, "center", None, 0, 0),
    "BC Table Header": (None, TABLE, True, False, "center", None, Pt(2), Pt(2)),
    "BC Table Text": (None, TABLE, False, False, "left", None, Pt(2), Pt(2)),
    "BC Table Center": ("BC Table Text", TABLE, False, False, "center", None, Pt(2), Pt(2)),
    "BC Table Group": ("BC Table Text", TABLE, True, False, "left", None, Pt(2), Pt(2)),
    "BC Table Group Center": ("BC Table Text", TABLE, True, False, "center", None, Pt(2), Pt(2)),
    "BC Appendix Heading": (None, BODY_SIZE, True, False, "left", None, Pt(6), Pt(6)),
    "BC Letter Summary": (None, pt("letter_summary"), False, False, "center", None, Pt(6), 0),
    "BC Addressee": (None, pt("addressee"), False, False, "center", None, Pt(12), Pt(6)),
    "BC Part Label": (None, pt("part_label"), True, False, "center", None, Pt(12), 0),
    "BC Part Title": (None, pt("part_title"), True, False, "center", None, 0, Pt(6)),
}

KEEP_WITH_NEXT = {
    *(name for name in PARAGRAPH_STYLES if name.startswith("BC Heading")),
    "BC Part Label",
    "BC Part Title",
    "BC Addressee",
    # a part heading stays on the page of the table after it
    "BC Appendix Heading",
}

ALIGN = {
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
}


def set_fonts(r_pr: Any) -> None:
    """Times New Roman on all four slots; no theme font Word could substitute."""
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for attribute in list(fonts.attrib):
        if attribute.endswith("Theme") or attribute.endswith("theme"):
            del fonts.attrib[attribute]
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), FONT)


def clean_styles(document: DocxDocument) -> None:
    """Set fonts on the document defaults and every style, drop theme fonts and colours."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    r_pr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(r_pr)
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "vi-VN")
    for element in styles.iter(qn("w:rFonts")):
        set_fonts(element.getparent())
    for element in styles.iter(qn("w:color")):
        element.set(qn("w:val"), "000000")
        for attribute in list(element.attrib):
            if "theme" in attribute.lower():
                del element.attrib[attribute]
    document.styles["Normal"].font.size = BODY_SIZE
    document.styles["Normal"].font.name = FONT
    set_fonts(document.styles["Normal"].element.get_or_add_rPr())


def add_styles(document: DocxDocument) -> None:
    styles = document.styles
    for name, (base, size, bold, italic, align, indent, before, after) in PARAGRAPH_STYLES.items():
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base] if base else styles["Normal"]
        style.quick_style = True
        font = style.font
        font.name = FONT
        font.size = size
        font.bold = bold
        font.italic = italic
        set_fonts(style.element.get_or_add_rPr())
        paragraph = style.paragraph_format
        paragraph.alignment = ALIGN[align]
        paragraph.first_line_indent = indent if indent is not None else Cm(0)
        paragraph.space_before = before
        paragraph.space_after = BODY_SPACE_AFTER if after is None else after
        paragraph.widow_control = True
        if name.startswith("BC Body") or name.startswith("BC Heading") or "Bullet" in name:
            paragraph.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
            paragraph.line_spacing = BODY_LINE_SPACING
        else:
            paragraph.line_spacing = 1.0
        if name in KEEP_WITH_NEXT:
            paragraph.keep_with_next = True
    footnote_text = styles.add_style("Footnote Text", WD_STYLE_TYPE.PARAGRAPH)
    footnote_text.base_style = styles["Normal"]
    footnote_text.font.size = pt("footnote")
    footnote_text.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    footnote_text.paragraph_format.space_after = Pt(0)
    footnote_text.paragraph_format.line_spacing = 1.0
    set_fonts(footnote_text.element.get_or_add_rPr())
    footnote_reference = styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
    footnote_reference.font.superscript = True
    set_fonts(footnote_reference.element.get_or_add_rPr())


def setup_page(section: Any, landscape: bool) -> None:
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = PAGE["height"], PAGE["width"]
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = PAGE["width"], PAGE["height"]
    for side, value in decree30.margin_ranges(landscape).items():
        setattr(section, f"{side}_margin", Mm(value.default))
    section.header_distance = HEADER_DISTANCE
    section.footer_distance = HEADER_DISTANCE
    section.different_first_page_header_footer = True
    page_numbers = element("w:pgNumType", {"w:start": "1"})
    section._sectPr.find(qn("w:cols")).addprevious(page_numbers)
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.style = "BC Page Number"
    add_field(paragraph, "PAGE")
    first = section.first_page_header
    first.is_linked_to_previous = False
    first.paragraphs[0].style = "BC Page Number"


def add_field(paragraph: Paragraph, instruction: str, shown: str = "1") -> list[Run]:
    """A complex field (PAGE) so Word and LibreOffice compute the number; ``shown`` is
    what a reader that computes nothing prints. The field's runs, to style."""
    runs = []
    for kind, text in (
        ("begin", None),
        ("instr", instruction),
        ("separate", None),
        ("text", shown),
        ("end", None),
    ):
        run = paragraph.add_run()
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        elif kind == "text":
            element = OxmlElement("w:t")
            element.text = text
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)
        runs.append(run)
    return runs


def element(tag: str, attributes: dict[str, str] | None = None) -> etree._Element:
    created = OxmlElement(tag)
    for key, value in (attributes or {}).items():
        created.set(qn(key), value)
    return created
