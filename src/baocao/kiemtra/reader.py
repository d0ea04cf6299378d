"""Read a .docx (any writer: Word, LibreOffice, this tool) into layout facts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from lxml import etree

from .elements import W, boxes, fields, pictures, shapes
from .facts import (
    Cell,
    DocumentFacts,
    Paragraph,
    Run,
    Section,
    Table,
)
from .parts import endnotes, numbering, revisions
from .styles import StyleSheet, on_off, twips_mm

DEFAULT_CELL_MARGIN = 108
W_R, W_T, W_BR, W_TYPE, W_NOTE, W_ID = (
    f"{W}{n}" for n in ("r", "t", "br", "type", "footnoteReference", "id")
)
RUN_OWNERS = (f"{W}p", f"{W}del", f"{W}moveFrom", f"{W}txbxContent")
"""What a run may belong to instead of the paragraph searched: a paragraph of its own (a
text box's), deleted or moved-away text."""
RUN_CHARACTERS = {W_BR: "\n", f"{W}cr": "\n", f"{W}tab": "\t", f"{W}noBreakHyphen": "-"}
STYLE_ONLY = (f"{W}pStyle", f"{W}rPr")
"""What a paragraph's properties may hold and still look exactly as its style says."""
OBJECT_TAGS = (
    f"{W}drawing",
    f"{W}pict",
    f"{W}object",
    f"{W}fldSimple",
    f"{W}instrText",
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent",
)
"""What holds a drawn line, a picture, a text box or a field: a paragraph with none of
them is not searched for them."""


class UnreadableDocument(Exception):
    """The file is not a Word document this checker can open."""


def read(path: Path | IO[bytes]) -> DocumentFacts:
    """The layout facts of the .docx at ``path`` (or in memory, a file object)."""
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path) if isinstance(path, Path) else path)
    except PackageNotFoundError as exc:
        raise UnreadableDocument("không mở được tệp Word: không tìm thấy phần văn bản") from exc
    except etree.LxmlError as exc:
        raise UnreadableDocument(
            "không mở được tệp Word: phần XML bên trong bị hỏng (mở và lưu lại bằng Word)"
        ) from exc
    except ValueError as exc:
        raise UnreadableDocument(_not_word(str(exc))) from exc
    except (zipfile.BadZipFile, KeyError) as exc:
        raise UnreadableDocument(
            "không mở được tệp Word: tệp thiếu phần bắt buộc hoặc bị hỏng (mở và lưu lại bằng Word)"
        ) from exc
    return Reader(document).facts()


CONTENT_TYPE = re.compile(r"content type is '([^']*)'")
"""Where python-docx names the main part's content type in its refusal (the rest of the
message holds the file's path, whose folder names must not be read as a kind)."""
OTHER_OFFICE = {
    "spreadsheetml": "bảng tính Excel",
    "ms-excel": "bảng tính Excel",
    "presentationml": "bài trình chiếu PowerPoint",
    "ms-powerpoint": "bài trình chiếu PowerPoint",
    "visio": "bản vẽ Visio",
}
WORD_VARIANTS = {
    "macroEnabled": "văn bản Word có macro (.docm)",
    "template": "tệp mẫu Word (.dotx, .dotm)",
}


def _not_word(reason: str) -> str:
    """python-docx's refusal of an Office file of another kind, as the user knows it."""
    found = CONTENT_TYPE.search(reason)
    content_type = found.group(1) if found else ""
    resave = "mở bằng Word rồi lưu lại dạng .docx (Tệp › Lưu Như (File › Save As))"
    if "wordprocessingml" in content_type or "ms-word" in content_type:
        variant = next((v for k, v in WORD_VARIANTS.items() if k in content_type), None)
        if variant is not None:
            return f"không phải văn bản Word .docx: đây là {variant}; {resave}"
    other = next((v for k, v in OTHER_OFFICE.items() if k in content_type.lower()), None)
    if other is not None:
        return f"không phải tệp Word (.docx): đây là {other}; kiemtra chỉ đọc văn bản Word .docx"
    return f"không mở được tệp Word: tệp thiếu phần bắt buộc hoặc bị hỏng; {resave}"


class Reader:
    def __init__(self, document: DocxDocument) -> None:
        self.document = document
        self.sheet = StyleSheet(document)
        self._style_layouts: dict[str | None, tuple[Any, ...]] = {}
        self.body = document.element.body
        self.section_elements = self._section_elements()
        self.sections: list[Section] = []
        self.paragraph_count = 0
        self.table_count = 0
        self.section_index = 0

    def facts(self) -> DocumentFacts:
        for index, sect_pr in enumerate(self.section_elements):
            self.sections.append(self._section(index + 1, sect_pr))
        blocks: list[Paragraph | Table] = []
        for child in self._children(self.body):
            if child.tag == f"{W}p":
                self.paragraph_count += 1
                paragraph = self._paragraph(child, "", self.paragraph_count, self._width())
                blocks.append(paragraph)
                if child.find(f"{W}pPr/{W}sectPr") is not None:
                    self.section_index = min(self.section_index + 1, len(self.sections) - 1)
            elif child.tag == f"{W}tbl":
                self.table_count += 1
                blocks.append(self._table(child, self.table_count))
        facts = DocumentFacts(self.sections, blocks, self._footnotes())
        facts.numbering, facts.list_of = numbering(self.document)
        facts.revisions = revisions(self.document)
        facts.endnotes = endnotes(self.document)
        return facts

    def _children(self, parent: etree._Element) -> Iterator[etree._Element]:
        for child in parent:
            if child.tag == f"{W}sdt":
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    yield from self._children(content)
            elif child.tag in (f"{W}p", f"{W}tbl"):
                yield child

    def _section_elements(self) -> list[etree._Element | None]:
        elements = [e for e in self.body.iter(f"{W}sectPr") if e.getparent().tag == f"{W}pPr"]
        last = self.body.find(f"{W}sectPr")
        return [*elements, last] if last is not None else elements or [None]

    def _width(self) -> float:
        return self.sections[self.section_index].text_width

    # -- sections -------------------------------------------------------------------

    def _section(self, number: int, sect_pr: etree._Element | None) -> Section:
        size = sect_pr.find(f"{W}pgSz") if sect_pr is not None else None
        margins = sect_pr.find(f"{W}pgMar") if sect_pr is not None else None
        width = twips_mm(size.get(f"{W}w")) if size is not None else None
        height = twips_mm(size.get(f"{W}h")) if size is not None else None
        sides = {}
        for side in ("top", "bottom", "left", "right"):
            value = twips_mm(margins.get(f"{W}{side}")) if margins is not None else None
            sides[side] = abs(value) if value is not None else 25.4
        numbering = sect_pr.find(f"{W}pgNumType") if sect_pr is not None else None
        start = numbering.get(f"{W}start") if numbering is not None else None
        title = on_off(sect_pr.find(f"{W}titlePg")) if sect_pr is not None else None
        orient = size.get(f"{W}orient") if size is not None else None
        section = Section(
            number,
            width or 215.9,
            height or 279.4,
            orient == "landscape",
            sides,
            bool(title),
            int(start) if start and start.isdigit() else None,
            [],
            [],
            [],
            [],
        )
        previous = self.sections[-1] if self.sections else None
        for kind, attribute in (("header", "header"), ("footer", "footer")):
            for variant, suffix in (("default", ""), ("first", "first_")):
                name = f"{suffix}{attribute}"
                part = self._part(sect_pr, kind, variant)
                if part is None:
                    inherited = getattr(previous, name) if previous else []
                    setattr(section, name, inherited)
                    continue
                label = {"header": "đầu trang", "footer": "chân trang"}[kind]
                if variant == "first":
                    label += " trang đầu"
                container = f"{label} của phần (section) {number}"
                text_width = section.text_width
                paragraphs = [
                    self._paragraph(p, container, i + 1, text_width)
                    for i, p in enumerate(part.iter(f"{W}p"))
                ]
                setattr(section, name, paragraphs)
        return section

    def _part(self, sect_pr: etree._Element | None, kind: str, variant: str) -> Any:
        if sect_pr is None:
            return None
        for reference in sect_pr.findall(f"{W}{kind}Reference"):
            if reference.get(f"{W}type", "default") == variant:
                related = self.document.part.related_parts.get(reference.get(qn("r:id")))
                return related.element if related is not None else None
        return None

    # -- tables ---------------------------------------------------------------------

    def _table(self, element: Any, number: int) -> Table:
        grid = [twips_mm(c.get(f"{W}w")) or 0.0 for c in element.findall(f"{W}tblGrid/{W}gridCol")]
        tbl_pr = element.find(f"{W}tblPr")
        indent = 0.0
        if tbl_pr is not None and tbl_pr.find(f"{W}tblInd") is not None:
            indent = twips_mm(tbl_pr.find(f"{W}tblInd").get(f"{W}w")) or 0.0
        margin = self._cell_margin(tbl_pr)
        table = Table(number, [], indent, sum(grid), self.section_index + 1)
        rows = element.findall(f"{W}tr")
        for row in rows:
            if not on_off(row.find(f"{W}trPr/{W}tblHeader")):
                break
            table.repeated_rows += 1
        for row_index, row in enumerate(rows, start=1):
            cells, column = [], 0
            for cell_index, cell in enumerate(row.findall(f"{W}tc"), start=1):
                span_element = cell.find(f"{W}tcPr/{W}gridSpan")
                span = int(span_element.get(f"{W}val", "1")) if span_element is not None else 1
                width = sum(grid[column : column + span]) if grid else 0.0
                column += span
                container = f"bảng {number}, dòng {row_index}, ô {cell_index}"
                paragraphs = [
                    self._paragraph(p, container, i + 1, max(width - margin, 0.0))
                    for i, p in enumerate(cell.iter(f"{W}p"))
                ]
                cells.append(Cell(paragraphs, width, span))
            table.rows.append(cells)
        return table

    def _cell_margin(self, tbl_pr: etree._Element | None) -> float:
        """Left plus right cell padding in mm: the table's own, else its style's, else Word's."""
        layers = [tbl_pr] if tbl_pr is not None else []
        style = tbl_pr.find(f"{W}tblStyle") if tbl_pr is not None else None
        style_id = style.get(f"{W}val") if style is not None else None
        if style_id is None:
            style_id = next(
                (k for k, s in self.sheet.styles.items() if s.get(f"{W}type") == "table"), None
            )
        for style_element in self.sheet.chain(style_id):
            if style_element.find(f"{W}tblPr") is not None:
                layers.append(style_element.find(f"{W}tblPr"))
        total = 0.0
        for side, alternative in (("left", "start"), ("right", "end")):
            value = None
            for layer in layers:
                margin = layer.find(f"{W}tblCellMar/{W}{side}")
                if margin is None:
                    margin = layer.find(f"{W}tblCellMar/{W}{alternative}")
                if margin is not None:
                    value = twips_mm(margin.get(f"{W}w"))
                    break
            total += value if value is not None else DEFAULT_CELL_MARGIN / 1440 * 25.4
        return total

    # -- paragraphs -----------------------------------------------------------------

    def _paragraph(
        self, element: etree._Element, container: str, number: int, width: float
    ) -> Paragraph:
        p_pr = element.find(f"{W}pPr")
        style_element = p_pr.find(f"{W}pStyle") if p_pr is not None else None
        style_id = style_element.get(f"{W}val") if style_element is not None else None
        runs = [self._run(run, style_id) for run in self._runs(element)]
        own = p_pr is not None and any(child.tag not in STYLE_ONLY for child in p_pr)
        if own or style_id not in self._style_layouts:
            layout = self._layout(p_pr, style_id)
            if not own:
                self._style_layouts[style_id] = layout
        else:
            layout = self._style_layouts[style_id]
        first, left, right, before, after, line, rule, border, outline, align, numbering = layout
        drawn = next(element.iter(*OBJECT_TAGS), None) is not None
        return Paragraph(
            text="".join(run.text for run in runs),
            runs=runs,
            container=container,
            number=number,
            style=self.sheet.names.get(style_id or self.sheet.default_paragraph or "", ""),
            section=self.section_index + 1,
            align=align,
            first_line=first,
            left=left,
            right=right,
            space_before=before,
            space_after=after,
            line=line,
            line_rule=rule,
            border_bottom=border,
            shapes=shapes(element) if drawn else [],
            width=max(width - left - right, 0.0),
            fields=fields(element) if drawn else [],
            numbering=numbering,
            outline=outline,
            boxes=boxes(element) if drawn else [],
            pictures=pictures(element) if drawn else 0,
        )

    def _layout(self, p_pr: etree._Element | None, style_id: str | None) -> tuple[Any, ...]:
        """Indents, spacing, line, rule below, outline level, alignment and automatic
        number of a paragraph: its own properties, else its style's. A paragraph with
        none of its own (most cells of a table) shares its style's, worked out once."""
        sheet = self.sheet

        def prop(tag: str, attribute: str) -> str | None:
            if p_pr is not None:
                found = p_pr.find(tag)
                if found is not None and found.get(f"{W}{attribute}") is not None:
                    return found.get(f"{W}{attribute}")
            return sheet.style_property(style_id, tag, attribute)

        def mm(tag: str, *attributes: str) -> float:
            for attribute in attributes:
                value = twips_mm(prop(tag, attribute))
                if value is not None:
                    return value
            return 0.0

        bottom = p_pr.find(f"{W}pBdr/{W}bottom") if p_pr is not None else None
        if bottom is not None:
            border = bottom.get(f"{W}val") not in ("nil", "none")
        else:
            border = sheet.style_border(style_id)
        line = prop(f"{W}spacing", "line")
        outline = prop(f"{W}outlineLvl", "val")
        return (
            mm(f"{W}ind", "firstLine") - mm(f"{W}ind", "hanging"),
            mm(f"{W}ind", "left", "start"),
            mm(f"{W}ind", "right", "end"),
            mm(f"{W}spacing", "before") / 25.4 * 72,
            mm(f"{W}spacing", "after") / 25.4 * 72,
            int(line) / 240 if line and line.lstrip("-").isdigit() else None,
            prop(f"{W}spacing", "lineRule") or "auto",
            border,
            int(outline) if outline and outline.isdigit() else None,
            prop(f"{W}jc", "val"),
            self._number_of(p_pr, style_id),
        )

    def _number_of(
        self, p_pr: etree._Element | None, style_id: str | None
    ) -> tuple[str, int] | None:
        """``(numId, level)`` of Word's automatic number: on the paragraph, else on its
        style (a heading style numbered by a list); numId 0 takes the number away."""
        sources = [p_pr] if p_pr is not None else []
        sources += [style.find(f"{W}pPr") for style in self.sheet.chain(style_id)]
        for source in sources:
            num_pr = source.find(f"{W}numPr") if source is not None else None
            if num_pr is None:
                continue
            num_id = num_pr.find(f"{W}numId")
            level = num_pr.find(f"{W}ilvl")
            if num_id is None:
                continue
            number = num_id.get(f"{W}val", "0")
            depth = level.get(f"{W}val", "0") if level is not None else "0"
            if number == "0":
                return None
            return number, int(depth) if depth.isdigit() else 0
        return None

    @staticmethod
    def _runs(element: etree._Element) -> Iterator[etree._Element]:
        for run in element.iter(W_R):
            ancestor = run.getparent()
            while ancestor is not None and ancestor is not element:
                if ancestor.tag in RUN_OWNERS:
                    break
                ancestor = ancestor.getparent()
            if ancestor is element:
                yield run

    def _run(self, run: etree._Element, style_id: str | None) -> Run:
        parts = []
        note = None
        for child in run:
            tag = child.tag
            if tag == W_T:
                parts.append(child.text or "")
            elif tag in RUN_CHARACTERS:
                if tag == W_BR and child.get(W_TYPE) in ("page", "column"):
                    continue  # a page break is layout, not a line of the text
                parts.append(RUN_CHARACTERS[tag])
            elif tag == W_NOTE:
                note = child.get(W_ID)
        ascii_font, hansi_font, size, bold, italic, raised = self.sheet.looks(run, style_id)
        return Run("".join(parts), ascii_font, hansi_font, size, bold, italic, note, raised)

    def _footnotes(self) -> list[Paragraph]:
        from docx.oxml import parse_xml

        out: list[Paragraph] = []
        for part in self.document.part.package.iter_parts():
            if not str(part.partname).endswith("/footnotes.xml"):
                continue
            root = parse_xml(part.blob)
            for note in root.findall(f"{W}footnote"):
                if note.get(f"{W}type") not in (None, "normal"):
                    continue
                container = f"chú thích {note.get(f'{W}id')}"
                for index, p in enumerate(note.iter(f"{W}p"), start=1):
                    paragraph = self._paragraph(p, container, index, 0.0)
                    paragraph.note = note.get(f"{W}id")
                    out.append(paragraph)
        return out
