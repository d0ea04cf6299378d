"""Build templates/BaoCao.docx and templates/PhuLuc.docx.

Run ``python templates/build_templates.py`` after changing a setting below, and
commit the script with the .docx files, so every layout change is reviewable.
The values follow ../shared/docs/official-format.md (Nghị định 30/2020/NĐ-CP,
Phụ lục I). Users may also open the .docx files in Word and restyle them: the
Jinja tags in the text (``{{ doc.agency }}``, ``{%p for b in body %}``) must stay.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from baocao import decree30
from baocao.render.tidy import save

HERE = Path(__file__).resolve().parent

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
AGENCY_RULE_MM = decree30.AGENCY_RULE.default * LEFT_COLUMN_MM
SUMMARY_RULE_MM = decree30.SUMMARY_RULE.default * TEXT_WIDTH + 1
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
}

KEEP_WITH_NEXT = {
    *(name for name in PARAGRAPH_STYLES if name.startswith("BC Heading")),
    # a part heading stays on the page of the table after it
    "BC Appendix Heading",
}

ALIGN = {
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
}


def set_fonts(r_pr) -> None:
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


def clean_styles(document) -> None:
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


def add_styles(document) -> None:
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


def setup_page(section, landscape: bool) -> None:
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


def add_field(paragraph, instruction: str) -> None:
    """A complex field (PAGE) so Word and LibreOffice compute the number."""
    for kind, text in (
        ("begin", None),
        ("instr", instruction),
        ("separate", None),
        ("text", "1"),
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


def rule(cell_or_doc, left, right):
    """A solid line: a bottom border on a tiny empty paragraph narrowed by indents.

    In a table cell it must not be the cell's last paragraph: LibreOffice drops the
    bottom border of a cell's last paragraph."""
    paragraph = cell_or_doc.add_paragraph(style="BC Rule")
    paragraph.paragraph_format.left_indent = left
    paragraph.paragraph_format.right_indent = right
    borders = element("w:pBdr")
    bottom = {"w:val": "single", "w:sz": "6", "w:space": "1", "w:color": "000000"}
    borders.append(element("w:bottom", bottom))
    paragraph._p.get_or_add_pPr().find(qn("w:pStyle")).addnext(borders)
    return paragraph


def borderless_table(document, widths):
    """A borderless fixed-width table, inside the margins, with no cell padding."""
    table = document.add_table(rows=1, cols=len(widths))
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    for child in list(tbl_pr):
        tbl_pr.remove(child)
    total = sum(int(w.twips) for w in widths)
    tbl_pr.append(element("w:tblW", {"w:w": str(total), "w:type": "dxa"}))
    tbl_pr.append(element("w:tblInd", {"w:w": "0", "w:type": "dxa"}))
    borders = element("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(element(f"w:{edge}", {"w:val": "nil"}))
    tbl_pr.append(borders)
    tbl_pr.append(element("w:tblLayout", {"w:type": "fixed"}))
    margins = element("w:tblCellMar")
    for edge in ("left", "right"):
        margins.append(element(f"w:{edge}", {"w:w": "0", "w:type": "dxa"}))
    tbl_pr.append(margins)
    for index, width in enumerate(widths):
        table.columns[index].width = width
        table.rows[0].cells[index].width = width
    return table


def element(tag: str, attributes: dict[str, str] | None = None):
    created = OxmlElement(tag)
    for key, value in (attributes or {}).items():
        created.set(qn(key), value)
    return created


def write(cell, text, style, first=False, **run_format):
    paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    paragraph.style = style
    run = paragraph.add_run(text)
    for key, value in run_format.items():
        setattr(run.font, key, value)
    return paragraph


def header_block(document) -> None:
    """Boxes 1-4 of the header (official-format.md, 'Header block')."""
    columns = [Mm(LEFT_COLUMN_MM), Mm(RIGHT_COLUMN_MM)]
    table = borderless_table(document, columns)
    left, right = table.rows[0].cells
    write(left, "{%p if doc.parent_agency %}", "BC Agency", first=True)
    write(left, "{{ doc.parent_agency }}", "BC Agency")
    write(left, "{%p endif %}", "BC Agency")
    write(left, "{{ doc.agency }}", "BC Agency", bold=True)
    rule(left, *[Mm((LEFT_COLUMN_MM - AGENCY_RULE_MM) / 2)] * 2)
    left.add_paragraph(style="BC Rule")
    write(right, decree30.NATIONAL_TITLE, "BC Agency", first=True, bold=True)
    write(right, decree30.MOTTO, "BC Agency", bold=True, size=pt("motto"))
    rule(right, *[Mm((RIGHT_COLUMN_MM - MOTTO_RULE_MM) / 2)] * 2)
    right.add_paragraph(style="BC Rule")
    cells = table.add_row().cells
    cells[0].width, cells[1].width = columns
    write(cells[0], "{{ doc.number_line }}", "BC Number", first=True)
    place = write(cells[1], "{{ doc.place_date }}", "BC Date", first=True)
    place.paragraph_format.space_before = Pt(6)


def title_block(document) -> None:
    title = document.add_paragraph("{{ doc.type }}", style="BC Title")
    title.paragraph_format.space_before = Pt(18)
    document.add_paragraph("{{ doc.summary_lines }}", style="BC Title")
    rule(document, *[Mm((TEXT_WIDTH - SUMMARY_RULE_MM) / 2)] * 2).paragraph_format.space_after = Pt(
        12
    )


BODY_KINDS = [
    ("heading1", "BC Heading 1"),
    ("heading2", "BC Heading 2"),
    ("heading3", "BC Heading 3"),
    ("heading4", "BC Heading 4"),
    ("bullet", "BC Bullet"),
    ("bullet2", "BC Bullet 2"),
]


def body_loop(document) -> None:
    document.add_paragraph("{%p for b in body %}", style="BC Body")
    for index, (kind, style) in enumerate(BODY_KINDS):
        keyword = "if" if index == 0 else "elif"
        document.add_paragraph(f"{{%p {keyword} b.kind == '{kind}' %}}", style="BC Body")
        document.add_paragraph("{{r b.runs }}", style=style)
    document.add_paragraph("{%p elif b.kind == 'spliced' %}", style="BC Body")
    document.add_paragraph("{{p b.runs }}", style="BC Body")  # every paragraph, spliced in
    document.add_paragraph("{%p else %}", style="BC Body")
    document.add_paragraph("{{r b.runs }}", style="BC Body")
    document.add_paragraph("{%p endif %}", style="BC Body")
    document.add_paragraph("{%p endfor %}", style="BC Body")
    closing = document.add_paragraph("{{r closing }}", style="BC Body")
    closing.paragraph_format.keep_with_next = True


def signature_block(document) -> None:
    spacer = document.add_paragraph(style="BC Body")
    spacer.paragraph_format.space_after = Pt(0)
    spacer.paragraph_format.keep_with_next = True
    table = borderless_table(document, SIGNATURE_COLUMNS)
    table.rows[0]._tr.get_or_add_trPr().append(element("w:cantSplit"))
    left, right = table.rows[0].cells
    write(left, "Nơi nhận:", "BC Recipients Title", first=True)
    write(left, "{%p for recipient in doc.recipients %}", "BC Recipients")
    write(left, "{{ recipient }}", "BC Recipients")
    write(left, "{%p endfor %}", "BC Recipients")
    write(right, "{%p for line in doc.authority %}", "BC Signature", first=True)
    write(right, "{{ line }}", "BC Signature")
    write(right, "{%p endfor %}", "BC Signature")
    for _ in range(4):
        write(right, "", "BC Signature")
    write(right, "{{ doc.signer }}", "BC Signature")


def new_document(landscape: bool):
    document = Document()
    clean_styles(document)
    add_styles(document)
    setup_page(document.sections[0], landscape)
    body = document.element.body
    for paragraph in list(body.iter(qn("w:p"))):
        body.remove(paragraph)
    properties = document.core_properties
    properties.author = ""
    properties.last_modified_by = ""
    properties.comments = ""
    properties.title = ""
    return document


def build_report(path: Path) -> None:
    document = new_document(landscape=False)
    header_block(document)
    title_block(document)
    body_loop(document)
    signature_block(document)
    save(document, path)


def build_appendix(path: Path) -> None:
    document = new_document(landscape=True)
    add = document.add_paragraph
    add("{%p for a in appendices %}", style="BC Title")
    add("{{ a.label }}", style="BC Title")
    add("{{ a.title }}", style="BC Title").paragraph_format.space_before = Pt(6)
    add("{%p if a.subtitle %}", style="BC Title")
    add("{{ a.subtitle }}", style="BC Title")
    add("{%p endif %}", style="BC Title")
    add("{{ doc.reference }}", style="BC Date").paragraph_format.space_after = Pt(12)
    add("{%p for part in a.parts %}", style="BC Appendix Heading")
    add("{%p if part.heading %}", style="BC Appendix Heading")
    add("{{ part.heading }}", style="BC Appendix Heading")
    add("{%p endif %}", style="BC Appendix Heading")
    add("{%p if part.subheading %}", style="BC Appendix Heading")
    add("{{ part.subheading }}", style="BC Appendix Heading")
    add("{%p endif %}", style="BC Appendix Heading")
    add("{%p for para in part.paragraphs %}", style="BC Body")
    add("{{r para }}", style="BC Body")
    add("{%p endfor %}", style="BC Body")
    add("{%p if part.table %}", style="BC Body")
    add("{{p part.table }}", style="BC Body")
    add("{%p endif %}", style="BC Body")
    add("{%p endfor %}", style="BC Body")
    add("{%p if not loop.last %}", style="BC Body")
    add("{{p section_break }}", style="BC Body")
    add("{%p endif %}", style="BC Body")
    add("{%p endfor %}", style="BC Body")
    save(document, path)


def main() -> None:
    build_report(HERE / "BaoCao.docx")
    build_appendix(HERE / "PhuLuc.docx")
    print("Đã tạo templates/BaoCao.docx và templates/PhuLuc.docx")


if __name__ == "__main__":
    main()
