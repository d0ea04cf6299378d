"""Find the parts of an administrative document by structure, not by guessing.

The header is the table holding the national title; the document type is the first
paragraph after it; the summary follows the type down to the rule under it; the body
runs from there to the table holding "Nơi nhận:" (the signature table). Appendices
start at a centred "Phụ lục …" line at the top level of the body.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .. import decree30
from .facts import Cell, DocumentFacts, Paragraph, Table


def norm(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


@dataclass
class Header:
    table: Table
    left: list[Paragraph]
    right: list[Paragraph]
    title: Paragraph | None = None
    motto: Paragraph | None = None
    motto_rule: Paragraph | None = None
    parent: list[Paragraph] = field(default_factory=list)
    agency: Paragraph | None = None
    agency_lines: list[Paragraph] = field(default_factory=list)
    agency_rule: Paragraph | None = None
    number: Paragraph | None = None
    date: Paragraph | None = None
    letter_summary: list[Paragraph] = field(default_factory=list)
    """A công văn's "V/v …" under its number (Phụ lục I, Phần I, mục II.5.b)."""


@dataclass
class Signature:
    recipients_title: Paragraph
    recipients: list[Paragraph]
    authority: list[Paragraph]
    signer: Paragraph | None


@dataclass
class Appendix:
    label: Paragraph
    title: list[Paragraph]
    reference: Paragraph | None
    section: int


@dataclass
class Structure:
    header: Header | None = None
    type: Paragraph | None = None
    summary: list[Paragraph] = field(default_factory=list)
    summary_rule: Paragraph | None = None
    addressee: list[Paragraph] = field(default_factory=list)
    """"Kính gửi" and the addressees listed under it."""
    parts: list[Paragraph] = field(default_factory=list)
    """The "Phần I", "Chương II", "Mục 1" lines and the titles under them."""
    body: list[Paragraph] = field(default_factory=list)
    signature: Signature | None = None
    appendices: list[Appendix] = field(default_factory=list)

    @property
    def is_letter(self) -> bool:
        """A công văn: a "V/v" under the number and no type name."""
        return self.header is not None and bool(self.header.letter_summary) and self.type is None

    @property
    def kind(self) -> str:
        if self.header is not None:
            return "văn bản"
        if self.appendices:
            return "phụ lục"
        return "khác"


def locate(facts: DocumentFacts) -> Structure:
    structure = Structure()
    blocks = facts.blocks
    start = 0
    for index, block in enumerate(blocks[:6]):
        if isinstance(block, Table) and any(_is_title(p) for p in block.paragraphs()):
            structure.header = _header(block)
            start = index + 1
            break
    signature_index = len(blocks)
    for index, block in enumerate(blocks):
        if isinstance(block, Table) and _recipients_cell(block) is not None:
            block.label = "bảng Nơi nhận và chữ ký"
            _rename(block)
            structure.signature = _signature(block)
            signature_index = index
            break
    if structure.header is not None:
        paragraphs = [b for b in blocks[start:signature_index] if isinstance(b, Paragraph)]
        _title_and_body(structure, paragraphs)
    structure.appendices = _appendices(facts)
    return structure


def _rename(table: Table) -> None:
    for row_index, row in enumerate(table.rows, start=1):
        for cell_index, cell in enumerate(row, start=1):
            side = {1: "ô trái", 2: "ô phải"}.get(cell_index, f"ô {cell_index}")
            where = f"dòng {row_index}, {side}" if len(table.rows) > 1 else side
            for paragraph in cell.paragraphs:
                paragraph.container = f"{table.label} (bảng {table.number}), {where}"


def _header(table: Table) -> Header:
    table.label = "phần đầu văn bản"
    _rename(table)
    cells = [cell for row in table.rows for cell in row]
    right_cell = next(c for c in cells if any(_is_title(p) for p in c.paragraphs))
    row = next(r for r in table.rows if right_cell in r)
    left_cell = next((c for c in row if c is not right_cell), Cell([], 0.0))
    others = [p for c in cells if c is not right_cell and c is not left_cell for p in c.paragraphs]
    header = Header(table, left_cell.paragraphs, right_cell.paragraphs)
    right = right_cell.paragraphs
    title_index = next(i for i, p in enumerate(right) if _is_title(p))
    header.title = right[title_index]
    after = [p for p in right[title_index + 1 :]]
    texts = [p for p in after if p.stripped.strip("_")]
    if texts:
        header.motto = texts[0]
        header.motto_rule = _rule_after(header.motto, after)
    for paragraph in left_cell.paragraphs + right + others:
        text = norm(paragraph.text)
        if text.startswith("Số") and header.number is None:
            header.number = paragraph
        elif decree30.DATE.search(text) and header.date is None:
            header.date = paragraph
    if header.number is not None:
        header.letter_summary = _letter_summary(table, header.number)
    names: list[Paragraph] = []
    for paragraph in left_cell.paragraphs:
        if paragraph is header.number or paragraph is header.date:
            break
        if paragraph.stripped.strip("_"):
            names.append(paragraph)
            if paragraph.shapes or paragraph.border_bottom:
                header.agency_rule = paragraph
                break
        elif paragraph.is_rule():
            header.agency_rule = paragraph
            break
    if names:
        # The issuing agency is the run of bold lines at the end (a long name such as
        # "ỦY BAN NHÂN DÂN / HUYỆN CHÂU THÀNH" takes two); the lines above are the parent.
        split = len(names) - 1
        while split > 0 and names[split - 1].all_bold() and names[split].all_bold():
            split -= 1
        header.agency_lines = names[split:]
        header.agency = names[-1]
        header.parent = names[:split]
    return header


def _letter_summary(table: Table, number: Paragraph) -> list[Paragraph]:
    """The lines under the number that start with "V/v": a công văn's trích yếu."""
    for cell in (cell for row in table.rows for cell in row):
        if number in cell.paragraphs:
            after = cell.paragraphs[cell.paragraphs.index(number) + 1 :]
            lines = [p for p in after if p.stripped]
            first = norm(lines[0].text) if lines else ""
            if first[:3].casefold() == decree30.LETTER_SUMMARY.casefold():
                return lines
    return []


ADDRESSEE = re.compile(r"^kính gửi\b", re.IGNORECASE)
PART_LABEL = re.compile(r"^(phần|chương|mục|tiểu mục)\s+[IVXLCDM\d]+\.?$", re.IGNORECASE)


def _is_title(paragraph: Paragraph) -> bool:
    return "CỘNG HÒA" in norm(paragraph.text).upper() or "CỘNG HOÀ" in norm(paragraph.text).upper()


def _rule_after(paragraph: Paragraph, siblings: list[Paragraph]) -> Paragraph | None:
    """The rule under ``paragraph``: its own bottom border or shape, else the next line."""
    if paragraph.shapes or paragraph.border_bottom:
        return paragraph
    index = siblings.index(paragraph)
    for candidate in siblings[index + 1 : index + 3]:
        if candidate.is_rule():
            return candidate
        if candidate.stripped:
            break
    return None


def _title_and_body(structure: Structure, paragraphs: list[Paragraph]) -> None:
    texts = [p for p in paragraphs if p.stripped]
    if not texts:
        return
    header = structure.header
    used = {id(header.number), id(header.date)} if header else set()
    texts = [p for p in texts if id(p) not in used]
    if not texts:
        return
    position = 0
    if not ADDRESSEE.match(norm(texts[0].text)):
        structure.type = texts[0]
        position = _summary(structure, paragraphs, paragraphs.index(texts[0]) + 1)
    rest = [p for p in paragraphs[position:] if p.stripped]
    structure.addressee = _addressee(rest)
    rest = rest[len(structure.addressee) :]
    structure.parts = _parts(rest)
    parts = {id(p) for p in structure.parts}
    structure.body = [p for p in rest if id(p) not in parts]


def _summary(structure: Structure, paragraphs: list[Paragraph], position: int) -> int:
    """The summary lines after the type and the rule under them; where the rest starts."""
    summary: list[Paragraph] = []
    while position < len(paragraphs):
        paragraph = paragraphs[position]
        position += 1
        if paragraph.is_rule():
            structure.summary_rule = paragraph
            break
        if not paragraph.stripped:
            if summary:
                break
            continue
        if summary and (paragraph.align != "center" or paragraph.first_line > 1):
            position -= 1
            break
        if ADDRESSEE.match(norm(paragraph.text)):
            position -= 1
            break
        summary.append(paragraph)
        if paragraph.border_bottom:
            structure.summary_rule = paragraph
            break
    structure.summary = summary
    return position


def _addressee(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """ "Kính gửi …" and the "- …;" lines under it, when the text goes on with it."""
    if not paragraphs or not ADDRESSEE.match(norm(paragraphs[0].text)):
        return []
    found = [paragraphs[0]]
    if norm(paragraphs[0].text).rstrip().endswith(":"):
        for paragraph in paragraphs[1:]:
            if not norm(paragraph.text).startswith("-") or paragraph.align == "both":
                break
            found.append(paragraph)
    return found


def _parts(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Each centred "Phần I" line and the centred title under it."""
    found: list[Paragraph] = []
    for index, paragraph in enumerate(paragraphs):
        if paragraph.align == "center" and PART_LABEL.match(norm(paragraph.text)):
            found.append(paragraph)
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if following is not None and following.align == "center":
                found.append(following)
    return found


def _recipients_cell(table: Table) -> Cell | None:
    for row in table.rows:
        for cell in row:
            if any(norm(p.text).startswith("Nơi nhận") for p in cell.paragraphs):
                return cell
    return None


def _signature(table: Table) -> Signature:
    cell = _recipients_cell(table)
    assert cell is not None
    paragraphs = cell.paragraphs
    title_index = next(i for i, p in enumerate(paragraphs) if norm(p.text).startswith("Nơi nhận"))
    recipients = [p for p in paragraphs[title_index + 1 :] if p.stripped]
    row = next(r for r in table.rows if cell in r)
    other = [c for c in row if c is not cell]
    lines = [p for c in other for p in c.paragraphs if p.stripped]
    last = norm(lines[-1].text) if lines else ""
    named = len(lines) > 1 and last != last.upper()  # a name, not "PHÓ CHỦ TỊCH"
    signer = lines[-1] if named else None
    authority = lines[:-1] if named else lines
    return Signature(paragraphs[title_index], recipients, authority, signer)


def _appendices(facts: DocumentFacts) -> list[Appendix]:
    out = []
    blocks = facts.blocks
    for index, block in enumerate(blocks):
        if not isinstance(block, Paragraph):
            continue
        if not decree30.APPENDIX_LABEL.match(norm(block.text)) or block.align != "center":
            continue
        title: list[Paragraph] = []
        reference = None
        for following in blocks[index + 1 : index + 6]:
            if not isinstance(following, Paragraph):
                break
            text = norm(following.text)
            if not text:
                continue
            if text.startswith("("):
                reference = following
                break
            if following.align != "center":
                break
            title.append(following)
        out.append(Appendix(block, title, reference, block.section))
    return out
