"""The document of ``baocao diff --format docx``: a small comparison in the official style.

A4 landscape with the landscape margins of Nghị định 30/2020/NĐ-CP, page size,
margins, header distance and fonts all read from ``baocao.layout`` (the layout
``baocao kiemtra`` checks against); the page number centred in the header from
page 2, as in the BÁO CÁO template; Times New Roman on every font slot, a centred
bold title, and a bordered table whose header row repeats on every page, in the
12 pt of the Phụ lục tables. The cells are the ones the terminal shows
(``tables.years``), so the two never disagree.
"""

from __future__ import annotations

import io
from datetime import date, datetime
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_PARAGRAPH_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt
from docx.table import _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from .. import decree30
from ..metrics.years import Comparison
from ..tables import years as export
from .package import finish_package
from .template_styles import add_field, set_fonts
from .tidy import tidy

FONT = decree30.FONT
PAGE_WIDTH, PAGE_HEIGHT = Mm(decree30.PAGE_HEIGHT), Mm(decree30.PAGE_WIDTH)  # landscape
MARGINS = {side: Mm(size.default) for side, size in decree30.margin_ranges(True).items()}
HEADER_DISTANCE = Mm(decree30.HEADER_DISTANCE)
PAGE_NUMBER_SIZE = Pt(decree30.ELEMENTS["page_number"].size.default)
TITLE_SIZE = Pt(14)
TABLE_SIZE = Pt(12)
CELL_SPACE = Pt(2)
WEIGHTS = {"stt": 0.8, "name": 5.0, "year": 2.4, "change": 3.4, "evaluation": 1.8}
PARTIAL_WEIGHTS = [0.8, 6.0, 2.0, 5.0]


def _setup(document: DocxDocument) -> None:
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(defaults)
    lang = defaults.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        defaults.append(lang)
    lang.set(qn("w:val"), "vi-VN")
    for fonts in list(styles.iter(qn("w:rFonts"))):
        set_fonts(fonts.getparent())
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = TABLE_SIZE
    set_fonts(normal.element.get_or_add_rPr())
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    for side, size in MARGINS.items():
        setattr(section, f"{side}_margin", size)
    section.header_distance = section.footer_distance = HEADER_DISTANCE
    _page_numbers(section)


def _page_numbers(section: Any) -> None:
    """The page number centred in the header from page 2 (the first page has its own,
    empty header), numbering from 1, as the BÁO CÁO template does."""
    section.different_first_page_header_footer = True
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "1")
    section._sectPr.find(qn("w:cols")).addprevious(numbering)
    section.first_page_header.is_linked_to_previous = False
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before = paragraph.paragraph_format.space_after = Pt(0)
    for run in add_field(paragraph, "PAGE", shown="2"):
        _style(run, PAGE_NUMBER_SIZE)


def _paragraph(
    paragraph: Paragraph,
    text: str,
    size: Length = TABLE_SIZE,
    bold: bool = False,
    italic: bool = False,
    align: WD_PARAGRAPH_ALIGNMENT | None = None,
) -> Paragraph:
    _style(paragraph.add_run(text), size, bold, italic)
    if align is not None:
        paragraph.alignment = align
    return paragraph


def _style(run: Run, size: Length, bold: bool = False, italic: bool = False) -> None:
    run.font.name = FONT
    run.font.size = size
    run.font.bold = bold
    run.font.italic = italic
    set_fonts(run._element.get_or_add_rPr())


def _fill(
    cell: _Cell,
    lines: list[str],
    bold: bool = False,
    align: WD_PARAGRAPH_ALIGNMENT = WD_ALIGN_PARAGRAPH.LEFT,
) -> None:
    for index, line in enumerate(lines or [""]):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.paragraph_format.space_before = CELL_SPACE
        paragraph.paragraph_format.space_after = CELL_SPACE
        paragraph.paragraph_format.line_spacing = 1.0
        _paragraph(paragraph, line, bold=bold, align=align)


def _row_properties(row: _Row, header: bool = False) -> None:
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if header:
        properties.append(OxmlElement("w:tblHeader"))


def _table(
    document: DocxDocument, head: list[str], rows: list[list[list[str]]], weights: list[float]
) -> Any:
    """A bordered table; the name column and the last text column are left-aligned."""
    left = {1, len(head) - 2} if len(head) > 4 else {1, len(head) - 1}
    widths = column_widths(head[0], len(rows), weights)
    table = document.add_table(rows=1 + len(rows), cols=len(head))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False  # python-docx writes w:tblLayout fixed, in its schema place
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    centred = WD_ALIGN_PARAGRAPH.CENTER
    for cell, title, width in zip(table.rows[0].cells, head, widths, strict=True):
        cell.width = width
        _fill(cell, [title], bold=True, align=centred)
    _row_properties(table.rows[0], header=True)
    for number, (row, cells) in enumerate(zip(table.rows[1:], rows, strict=True), start=1):
        _row_properties(row)
        all_cells = [[str(number)], *cells]
        for index, (cell, lines, width) in enumerate(
            zip(row.cells, all_cells, widths, strict=True)
        ):
            cell.width = width
            _fill(cell, lines, align=WD_ALIGN_PARAGRAPH.LEFT if index in left else centred)
    return table


CELL_MARGINS_MM = 2 * 108 / 1440 * 25.4
"""Word's default cell padding, left and right (Table Grid)."""


def column_widths(first: str, rows: int, weights: list[float]) -> list[int]:
    """Column widths (EMU) by ``weights``, the first column (STT) never narrower than its
    bold heading or the highest row number on one line: with many years, its share of
    the page alone would break "STT" over two lines."""
    text_width = PAGE_WIDTH - MARGINS["left"] - MARGINS["right"]
    size = TABLE_SIZE.pt
    needed = max(
        decree30.text_length(first, size, bold=True), decree30.text_length(str(rows), size)
    )
    first_width = max(int(text_width * weights[0] / sum(weights)), Mm(needed + CELL_MARGINS_MM + 1))
    rest = text_width - first_width
    return [first_width, *(int(rest * w / sum(weights[1:])) for w in weights[1:])]


def start_document(title: str, note_text: str, centre_note: bool) -> DocxDocument:
    """A landscape document with its bold centred title and an italic note under it."""
    document = Document()
    _setup(document)
    centred = WD_ALIGN_PARAGRAPH.CENTER
    heading = document.paragraphs[0] if document.paragraphs else document.add_paragraph()
    _paragraph(heading, title.upper(), TITLE_SIZE, bold=True, align=centred)
    if note_text:
        note = document.add_paragraph()
        _paragraph(note, note_text, TITLE_SIZE, italic=True)
        if centre_note:
            note.alignment = centred
        note.paragraph_format.space_after = Pt(12)
    return document


def comparison_docx(comparison: Comparison) -> bytes:
    """The comparison as a .docx file's bytes; the same comparison gives the same bytes."""
    note = f"({export.summary(comparison).rstrip('.')})"
    document = start_document(export.title(comparison), note, centre_note=True)
    years = len(comparison.years)
    weights = [WEIGHTS["stt"], WEIGHTS["name"], *[WEIGHTS["year"]] * years]
    weights += [WEIGHTS["change"], WEIGHTS["evaluation"]]
    rows = [export.row(m) for m in comparison.metrics]
    _table(document, ["STT", *export.headers(comparison)], rows, weights)
    if comparison.partial:
        title = document.add_paragraph()
        title.paragraph_format.space_before = Pt(12)
        title.paragraph_format.space_after = Pt(6)
        _paragraph(title, export.PARTIAL_TITLE, TITLE_SIZE, bold=True)
        partial_rows = [export.partial_row(p, comparison) for p in comparison.partial]
        _table(document, ["STT", *export.PARTIAL_HEADERS], partial_rows, PARTIAL_WEIGHTS)
    return finish_document(document, export.title(comparison), comparison.years[-1])


def finish_document(document: DocxDocument, title: str, year: int) -> bytes:
    """Properties from the data (dated the last day of ``year``) and reproducible bytes."""
    stamp = date(year, 12, 31)
    properties = document.core_properties
    properties.title = title
    properties.author = "baocao"
    properties.last_modified_by = "baocao"
    properties.created = properties.modified = datetime.combine(stamp, datetime.min.time())
    properties.revision = 1
    properties.language = "vi-VN"
    buffer = io.BytesIO()
    document.save(buffer)
    return finish_package(tidy(buffer.getvalue()), [], stamp)
