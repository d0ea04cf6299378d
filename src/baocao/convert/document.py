"""A Word document's facts (``kiemtra.reader``) as a report: front matter, body,
footnotes, appendices, and the summary of what was and was not recognised.

``kiemtra.structure`` finds the parts the decree names (header table, type, trích yếu,
"Kính gửi", signature table); the body is every block between them, the appendices
follow the signature. Every paragraph with text either lands in the report or is
named in the summary.
"""

from __future__ import annotations

import re
from typing import Any

from .. import decree30
from ..kiemtra.facts import DocumentFacts, Paragraph, Table
from ..kiemtra.structure import Structure, locate, norm
from .appendix import Appendices, appendices, is_label
from .body import body_blocks
from .content import Block, Converted, Spans, Summary, plain
from .header import agency_name, document_front, fill
from .inline import NoteLabels, spans_of
from .numbering import auto_numbers

ATTACHED = re.compile(
    r"^\(Kèm theo (?P<type>.+?) số\s*(?P<number>[^/]*?)\s*/\s*(?P<symbol>\S+)\s+"
    r"(?P<date>ngày.+?năm \d{4})\s+của\s+(?P<agency>.+)\)$"
)


def convert(facts: DocumentFacts, appendix_facts: DocumentFacts | None = None) -> Converted:
    """The report in ``facts``; its Phụ lục, when they are a document of their own, in
    ``appendix_facts``."""
    summary = Summary()
    labels = NoteLabels()
    structure = locate(facts)
    autos = auto_numbers(facts)
    blocks = facts.blocks
    start, stop, after = _body_range(structure, blocks, summary)
    body, numbering = body_blocks(blocks[start:stop], autos, labels, summary)
    found = appendices(blocks[after:], labels, summary)
    notes = _footnotes(facts, labels, summary)
    if appendix_facts is not None:
        more = appendices(appendix_facts.blocks, labels, summary)
        found.items += more.items
        found.references += more.references
        found.numbering = more.numbering if more.items else found.numbering
        notes.update(_footnotes(appendix_facts, labels, summary, first=len(notes)))
    _unused(structure, blocks, summary)
    _revisions(facts, summary)
    front: dict[str, Any] = {}
    if structure.header is not None or not found.items:
        document = document_front(structure, summary)
    else:
        document = _appendix_only(found)
        fill(document, summary, signed=False)
    _name_agency(document, body, found, summary)
    front["document"] = document
    if structure.header is None and found.items:
        front["kind"] = "appendix"
        front["attached_to"] = _attached(found, summary)
    if numbering:
        front["numbering"] = numbering
    if found.items:
        if found.numbering != "roman":
            front["appendix_numbering"] = found.numbering
        front["appendices"] = found.items
    year = document["date"].year if hasattr(document.get("date"), "year") else document.get("date")
    return Converted(front, body, notes, summary, year if isinstance(year, int) else None)


def _index(blocks: list[Paragraph | Table], wanted: object) -> int | None:
    for index, block in enumerate(blocks):
        if block is wanted:
            return index
    return None


def _body_range(
    structure: Structure, blocks: list[Paragraph | Table], summary: Summary
) -> tuple[int, int, int]:
    """Where the body starts and stops in ``blocks``, and where what follows the
    signature starts; paragraphs before the body that are no part of the header are
    named."""
    header = structure.header
    first = _index(blocks, header.table) if header is not None else None
    used = [structure.type, *structure.summary, structure.summary_rule, *structure.addressee]
    places = [_index(blocks, p) for p in used if p is not None]
    start = max([i for i in places if i is not None] + [first if first is not None else -1]) + 1
    if header is None:
        start = 0
    for block in blocks[:start]:
        if isinstance(block, Paragraph) and block.stripped and all(block is not p for p in used):
            if decree30.DRAFT_LINE.match(norm(block.text)):
                summary.note(block.where, "dấu dự thảo: bản nháp in lại khi chạy render --draft")
            else:
                summary.skip(block.where, "ở phần đầu văn bản nhưng không phải thành phần nào")
    table = _signature_table(blocks)
    stop = len(blocks)
    if table is not None:
        stop = _index(blocks, table) or stop
    label = next((i for i in range(start, stop) if _is_label(blocks[i])), None)
    after = stop + 1 if table is not None else stop
    if label is not None:
        return start, label, label
    return start, stop, after


def _is_label(block: Paragraph | Table) -> bool:
    return isinstance(block, Paragraph) and is_label(block)


def _signature_table(blocks: list[Paragraph | Table]) -> Table | None:
    """The table ``kiemtra.structure`` found holding "Nơi nhận:" and the signature."""
    return next((b for b in blocks if isinstance(b, Table) and b.label == SIGNATURE), None)


SIGNATURE = "bảng Nơi nhận và chữ ký"


def _footnotes(
    facts: DocumentFacts, labels: NoteLabels, summary: Summary, first: int = 0
) -> dict[str, list[Spans]]:
    """Each footnote the text marks, by its label, as its paragraphs' spans."""
    by_id: dict[str, list[Paragraph]] = {}
    for paragraph in facts.footnotes:
        if paragraph.note is not None:
            by_id.setdefault(paragraph.note, []).append(paragraph)
    notes: dict[str, list[Spans]] = {}
    for note_id, paragraphs in by_id.items():
        label = labels.labels.get(note_id)
        where = f"chú thích {note_id}"
        if label is None:
            if any(p.stripped for p in paragraphs):
                summary.skip(where, "chú thích không có dấu ở đâu trong văn bản")
            continue
        spans = [s for s in (spans_of(p, None, summary) for p in paragraphs) if s]
        notes[label] = spans or [[]]
        summary.counts["chú thích"] += 1
    return notes


def _unused(structure: Structure, blocks: list[Paragraph | Table], summary: Summary) -> None:
    """Text of the header and signature tables that is none of their parts."""
    header, signature = structure.header, structure.signature
    if header is not None:
        used = [header.title, header.motto, header.number, header.date, *header.parent]
        used += [*header.agency_lines, *header.letter_summary]
        for paragraph in header.table.paragraphs():
            if paragraph.stripped.strip("_") and all(paragraph is not p for p in used):
                summary.skip(paragraph.where, "không phải thành phần nào của phần đầu văn bản")
    table = _signature_table(blocks)
    if signature is not None and table is not None:
        used = [signature.recipients_title, *signature.recipients, *signature.authority]
        used += [signature.signer] if signature.signer is not None else []
        for paragraph in table.paragraphs():
            if paragraph.stripped and all(paragraph is not p for p in used):
                summary.skip(paragraph.where, "không phải nơi nhận, chức vụ hay họ tên người ký")


def _revisions(facts: DocumentFacts, summary: Summary) -> None:
    revisions = facts.revisions
    if revisions.changes:
        summary.note(
            "văn bản",
            f"có {revisions.changes} chỗ sửa được theo dõi (Track Changes): đọc như đã chấp nhận "
            "mọi thay đổi (chữ đã xóa bỏ đi, chữ thêm vào giữ lại); hãy xem lại",
        )
    if revisions.comments:
        summary.note("văn bản", f"bỏ {revisions.comments} ghi chú (comment) của người xem")
    if facts.endnotes:
        summary.skip(
            "văn bản",
            f"{facts.endnotes} chú thích cuối văn bản (endnote) chưa được đọc: đổi thành chú "
            "thích cuối trang (footnote) trong Word rồi chuyển lại",
        )
    _margins(facts, summary)


PAGE_NUMBER = re.compile(r"^(?:trang\s*)?[\d\s/-]*$", re.IGNORECASE)


def _margins(facts: DocumentFacts, summary: Summary) -> None:
    """The text of headers and footers, named: the document made prints the template's
    own (the page number); a bare page number says nothing."""
    seen: set[str] = set()
    for section in facts.sections:
        for paragraph in [*section.header, *section.first_header, *section.footer]:
            text = norm(paragraph.text)
            if not text or PAGE_NUMBER.match(text) or text in seen:
                continue
            seen.add(text)
            summary.skip(
                paragraph.where,
                "chữ ở đầu trang hay chân trang không đưa vào báo cáo (văn bản tạo ra chỉ có số "
                "trang theo mẫu)",
            )


def _name_agency(
    document: dict[str, Any], body: list[Block], found: Appendices, summary: Summary
) -> None:
    reference = None
    for line in found.references:
        match = ATTACHED.match(line)
        reference = match.group("agency").strip() if match else reference
    texts = [plain(b.spans) for b in body if b.kind == "paragraph"]
    name, sure = agency_name(document["agency"], texts, reference)
    document["agency_name"] = name
    if not sure:
        summary.note(
            "agency_name", f"tên cơ quan viết thường đoán là “{name}”: hãy sửa nếu chưa đúng"
        )


def _appendix_only(found: Appendices) -> dict[str, Any]:
    """The ``document`` of a Phụ lục that is a document of its own: from its
    "(Kèm theo …)" line, completed by ``header``'s placeholders."""
    document: dict[str, Any] = {}
    match = next((ATTACHED.match(line) for line in found.references if ATTACHED.match(line)), None)
    if match is not None:
        agency = match.group("agency").strip()
        document["agency"] = agency.upper()
        document["type"] = decree30.kind_of(match.group("type")).name
        document["number"] = match.group("number") or None
        document["symbol"] = match.group("symbol")
        document["place"] = _place_of(agency)
        document["date"] = _date_of(match.group("date"))
        document["summary"] = f"{match.group('type')} số {match.group('number') or '…'}"
    return document


def _attached(found: Appendices, summary: Summary) -> dict[str, Any]:
    match = next((ATTACHED.match(line) for line in found.references if ATTACHED.match(line)), None)
    if match is None:
        summary.missing.append("văn bản được kèm theo (dòng “Kèm theo …”)")
        return {"type": "Văn bản", "symbol": "BC-CQ", "date": 2000, "agency_name": "Cơ quan"}
    return {
        "type": match.group("type"),
        "number": match.group("number") or None,
        "symbol": match.group("symbol"),
        "date": _date_of(match.group("date")),
        "agency_name": match.group("agency").strip(),
    }


PLACE = re.compile(r"\b(?:tỉnh|thành phố|huyện|thị xã|quận)\s+(?P<place>.+)$", re.IGNORECASE)


def _place_of(agency: str) -> str:
    found = PLACE.search(agency)
    return found.group("place") if found else "Địa danh"


def _date_of(text: str) -> Any:
    from datetime import date

    found = decree30.DATE.search(text.replace("\u00a0", " "))
    if found is None:
        return 2000
    year, day, month = int(found.group("year")), found.group("day"), found.group("month")
    if day.isdigit() and month.isdigit():
        try:
            return date(year, int(month), int(day))
        except ValueError:
            return year
    return year
