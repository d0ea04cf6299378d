"""Build the Word templates ``BaoCao.docx`` and ``PhuLuc.docx``.

Run ``python -m baocao.render.template_build`` (it writes ``templates/`` of the current
folder, or the folder named) after changing a value in ``decree30`` or here, and commit
the .docx files with the change, so every layout change is reviewable; the same code
gives the same bytes, on any machine, at any time. Users may also open the .docx files
in Word and restyle them: the Jinja tags in the text (``{{ doc.agency }}``,
``{%p for b in body %}``) must stay.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from .. import decree30
from .template_styles import (
    LEFT_COLUMN_MM,
    MOTTO_RULE_MM,
    RIGHT_COLUMN_MM,
    SIGNATURE_COLUMNS,
    add_styles,
    clean_styles,
    element,
    pt,
    setup_page,
)
from .tidy import save


def rule(cell_or_doc: Any, left: Length, right: Length) -> Any:
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


def borderless_table(document: DocxDocument, widths: Sequence[Length]) -> Any:
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


def write(cell: _Cell, text: str, style: str, first: bool = False, **run_format: Any) -> Paragraph:
    paragraph: Paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    paragraph.style = style
    run = paragraph.add_run(text)
    for key, value in run_format.items():
        setattr(run.font, key, value)
    return paragraph


def header_block(document: DocxDocument) -> None:
    """Boxes 1-4 of the header (official-format.md, 'Header block').

    A tiny empty paragraph stands above the table: LibreOffice puts a default
    paragraph (28 pt tall) above a table that opens a document, which set the whole
    header 10 mm below the top margin in every PDF; Word prints it 0,8 mm tall."""
    document.add_paragraph(style="BC Rule")
    columns = [Mm(LEFT_COLUMN_MM), Mm(RIGHT_COLUMN_MM)]
    table = borderless_table(document, columns)
    left, right = table.rows[0].cells
    write(left, "{%p if doc.parent_agency %}", "BC Agency", first=True)
    write(left, "{{ doc.parent_agency }}", "BC Agency")
    write(left, "{%p endif %}", "BC Agency")
    write(left, "{{ doc.agency }}", "BC Agency", bold=True)
    write(left, "{{p agency_rule }}", "BC Rule")  # drawn per document: engine, render/rules
    left.add_paragraph(style="BC Rule")
    write(right, decree30.NATIONAL_TITLE, "BC Agency", first=True, bold=True)
    write(right, decree30.MOTTO, "BC Agency", bold=True, size=pt("motto"))
    rule(right, *[Mm((RIGHT_COLUMN_MM - MOTTO_RULE_MM) / 2)] * 2)
    right.add_paragraph(style="BC Rule")
    cells = table.add_row().cells
    cells[0].width, cells[1].width = columns
    write(cells[0], "{{ doc.number_line }}", "BC Number", first=True)
    write(cells[0], "{%p if doc.letter_summary %}", "BC Letter Summary")
    write(cells[0], "{{ doc.letter_summary }}", "BC Letter Summary")
    write(cells[0], "{%p endif %}", "BC Letter Summary")
    place = write(cells[1], "{{ doc.place_date }}", "BC Date", first=True)
    place.paragraph_format.space_before = Pt(6)


def title_block(document: DocxDocument) -> None:
    """The type name, the summary and the rule under it (none for a công văn: its "V/v"
    stands under the number), then "Kính gửi" when the document is addressed."""
    document.add_paragraph("{%p if doc.type %}", style="BC Title")
    title = document.add_paragraph("{{ doc.type }}", style="BC Title")
    title.paragraph_format.space_before = Pt(18)
    document.add_paragraph("{{ doc.summary_lines }}", style="BC Title")
    document.add_paragraph("{{p summary_rule }}", style="BC Rule")
    document.add_paragraph("{%p endif %}", style="BC Title")
    document.add_paragraph("{{p addressee }}", style="BC Addressee")


BODY_KINDS = [
    ("heading1", "BC Heading 1"),
    ("heading2", "BC Heading 2"),
    ("heading3", "BC Heading 3"),
    ("heading4", "BC Heading 4"),
    ("bullet", "BC Bullet"),
    ("bullet2", "BC Bullet 2"),
    ("part_label", "BC Part Label"),
    ("part_title", "BC Part Title"),
]


def body_loop(document: DocxDocument) -> None:
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


def signature_block(document: DocxDocument) -> None:
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


def new_document(landscape: bool) -> DocxDocument:
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


def build(folder: Path) -> list[Path]:
    """Write both templates into ``folder``; the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    report, appendix = folder / "BaoCao.docx", folder / "PhuLuc.docx"
    build_report(report)
    build_appendix(appendix)
    return [report, appendix]


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("templates")
    for path in build(folder):
        print(f"Đã tạo {path}")


if __name__ == "__main__":
    main()
