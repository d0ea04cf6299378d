"""The mark of a draft: "DỰ THẢO" boxed at the top left of the first page.

A draft (``render --draft``) may print figures still awaited and a date still open; a
reader must see at once that it is not the signed document. Offices write the mark
at the top left of page 1, above the header block; here it goes into the first-page
header, so the page below it is laid out exactly as the final document will be.
"""

from __future__ import annotations

from typing import Any

from docx.blkcntnr import BlockItemContainer
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from .. import decree30

BOX = {"w:val": "single", "w:sz": "8", "w:space": "1", "w:color": "000000"}
"""A thin box around the words (a character border, drawn by Word and LibreOffice)."""


def mark_draft(document: DocxDocument, text: str) -> None:
    """Print ``text`` at the top left of the first page of ``document`` (python-docx)."""
    header = _first_page_header(document)
    paragraphs = header.paragraphs
    if not paragraphs:
        paragraph = header.add_paragraph()
    elif paragraphs[0].text.strip() or paragraphs[0]._p.xpath(".//w:fldChar|.//w:fldSimple"):
        paragraph = paragraphs[0].insert_paragraph_before()
    else:
        paragraph = paragraphs[0]  # the empty line of a first page without a number
    layout = paragraph.paragraph_format
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    layout.first_line_indent = layout.left_indent = Pt(0)
    layout.space_before = layout.space_after = Pt(0)
    layout.line_spacing = 1.0
    element = decree30.ELEMENTS["draft_mark"]
    run = paragraph.add_run(text)
    run.bold = element.bold
    run.italic = element.italic
    run.font.size = Pt(element.size.default)
    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(slot), decree30.FONT)
    border = OxmlElement("w:bdr")
    for key, value in BOX.items():
        border.set(qn(key), value)
    run._r.get_or_add_rPr().append(border)


def _first_page_header(document: DocxDocument) -> BlockItemContainer:
    """The header shown on the first page, made if the template has none.

    Read through the relationship itself: docxtpl renders a header into a new part and
    points the relationship at it, while python-docx's map of parts by id still holds
    the template's own part, which is not saved."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    references = section._sectPr.xpath('./w:headerReference[@w:type="first"]')
    if references:
        part: Any = document.part.rels[references[0].get(qn("r:id"))].target_part
        return BlockItemContainer(part.element, part)
    first = section.first_page_header
    first.is_linked_to_previous = False
    return first
