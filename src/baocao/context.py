"""Build the one structure templates see, from a year's data.

The result is plain data: text is split into segments (``str`` or ``FootnoteMark``)
with every ``[[metric]]`` already formatted, so nothing here knows about Word.
Footnotes are numbered per document, in order of appearance.
"""

from __future__ import annotations

from datetime import date

from .formatting import BLANK, format_date, format_pending_date, to_letter, to_roman
from .model import YearData
from .prose import Footnotes, Paragraph, TextBuilder, YearReferences
from .report_model import Appendix, AppendixPart, Bullets, Document, Section
from .shapes import (
    AppendixContext,
    AppendixShape,
    Block,
    DocumentHeader,
    Part,
    ReportContext,
)
from .table_context import table_context
from .unit_context import comparison_part, summary_blocks, unit_parts


def number_line(doc: Document) -> str:
    number = doc.number if doc.number else BLANK
    return f"Số: {number}/{doc.symbol}"


def date_text(doc: Document) -> str:
    if isinstance(doc.date, date):
        return format_date(doc.date)
    return format_pending_date(doc.date)


def recipient_lines(recipients: list[str]) -> list[str]:
    """``- X;`` for each recipient, the last one ``- Lưu: VT.`` ending with a full stop."""
    lines = []
    for index, name in enumerate(recipients):
        text = name.strip().lstrip("-").strip().rstrip(";.").strip()
        end = "." if index == len(recipients) - 1 else ";"
        lines.append(f"- {text}{end}")
    return lines


def ensure_final_mark(text: str) -> str:
    """The last paragraph of a document ends with ``./.``."""
    text = text.rstrip()
    if text.endswith("./."):
        return text
    return text.rstrip(".") + "./."


def document_context(data: YearData) -> DocumentHeader:
    doc = data.report.document
    return {
        "parent_agency": doc.parent_agency,
        "agency": doc.agency,
        "agency_name": doc.agency_name,
        "number_line": number_line(doc),
        "place_date": f"{doc.place}, {date_text(doc)}",
        "type": doc.type,
        "summary": doc.summary,
        "authority": doc.signer.authority,
        "signer": doc.signer.name or "",
        "recipients": recipient_lines(doc.recipients),
        "reference": reference_line(doc),
    }


def reference_line(doc: Document) -> str:
    """``(Kèm theo Báo cáo số 123/BC-STTTT ngày 13 tháng 12 năm 2024 của Sở …)``."""
    number = doc.number if doc.number else BLANK
    kind = doc.type.capitalize()
    return f"(Kèm theo {kind} số {number}/{doc.symbol} {date_text(doc)} của {doc.agency_name})"


def body_blocks(data: YearData, text: TextBuilder) -> list[Block]:
    """The report body in order: grounds, opening, numbered sections."""
    report = data.report
    blocks: list[Block] = []
    for index, ground in enumerate(report.grounds):
        blocks.append(_block("paragraph", text.segments(ground, f"grounds[{index}]")))
    for index, opening in enumerate(report.opening):
        blocks.append(_block("paragraph", text.segments(opening, f"opening[{index}]")))
    for index, section in enumerate(report.sections, start=1):
        _section_blocks(section, 1, index, f"sections[{index - 1}]", data, text, blocks)
    return blocks


def _block(kind: str, segments: Paragraph) -> Block:
    return {"kind": kind, "segments": segments}


def _section_blocks(
    section: Section,
    level: int,
    index: int,
    where: str,
    data: YearData,
    text: TextBuilder,
    blocks: list[Block],
) -> None:
    if level == 1:
        label = f"{to_roman(index)}. "
        title = section.title.upper()
    elif level == 2:
        label, title = f"{index}. ", section.title
    else:
        label, title = f"{to_letter(index)}) ", section.title
    heading = text.segments(title, f"{where}.title")
    blocks.append(_block(f"heading{min(level, 3)}", [label, *heading]))
    for number, block in enumerate(section.body):
        place = f"{where}.body[{number}]"
        if isinstance(block, Bullets):
            kind = "bullet2" if block.marker == "+" else "bullet"
            for item_number, item in enumerate(block.bullets):
                segments = text.segments(item, f"{place}.bullets[{item_number}]")
                blocks.append(_block(kind, [f"{block.marker} ", *segments]))
        else:
            blocks.append(_block("paragraph", text.segments(block, place)))
    if section.unit_comparison:
        blocks.extend(_block(kind, [line]) for kind, line in summary_blocks(data))
    for number, child in enumerate(section.sections, start=1):
        _section_blocks(
            child, level + 1, number, f"{where}.sections[{number - 1}]", data, text, blocks
        )


def appendix_context(
    data: YearData, references: YearReferences, text: TextBuilder
) -> list[AppendixShape]:
    appendices: list[AppendixShape] = []
    for index, appendix in enumerate(data.report.appendices, start=1):
        parts = _parts(data, references, appendix, text, f"appendices[{index - 1}]")
        appendices.append(
            {
                "label": f"Phụ lục {to_roman(index)}",
                "title": appendix.title,
                "subtitle": appendix.subtitle,
                "parts": parts,
            }
        )
    return appendices


def _parts(
    data: YearData, references: YearReferences, appendix: Appendix, text: TextBuilder, where: str
) -> list[Part]:
    parts: list[Part] = []
    for part_index, part in enumerate(appendix.parts):
        place = f"{where}.parts[{part_index}]"
        parts.append(
            {
                "heading": part.heading,
                "subheading": part.subheading,
                "paragraphs": [text.segments(p, f"{place}.paragraphs") for p in part.paragraphs],
                "table": table_context(data, part.table, text, f"{place}.table")
                if part.table
                else None,
            }
        )
        _unit_parts(data, references, part, parts, text, place)
    return parts


def _unit_parts(
    data: YearData,
    references: YearReferences,
    part: AppendixPart,
    parts: list[Part],
    text: TextBuilder,
    where: str,
) -> None:
    """Generated parts: the comparison table, and one section per other unit."""
    if part.unit_comparison:
        parts[-1] = comparison_part(data, parts[-1])
    if part.unit_sections:
        numbered = sum(1 for p in parts if p["heading"])
        parts.extend(unit_parts(data, references, text.footnotes, numbered + 1, where))


def build_report(data: YearData, references: YearReferences | None = None) -> ReportContext:
    """Context of the BÁO CÁO: header, body blocks, signature and its footnotes.

    ``references`` are those validation already resolved (else resolved here, with
    no other years to compare with)."""
    references = references or YearReferences(data)
    footnotes = Footnotes(data.report.footnotes)
    text = TextBuilder(references.year, footnotes)
    body = body_blocks(data, text)
    closing = text.segments(ensure_final_mark(data.report.closing), "closing")
    return {
        "doc": document_context(data),
        "year": data.year,
        "body": body,
        "closing": closing,
        "footnotes": footnotes.notes,
    }


def build_appendix(data: YearData, references: YearReferences | None = None) -> AppendixContext:
    """Context of the Phụ lục document: every appendix with its tables and footnotes."""
    references = references or YearReferences(data)
    footnotes = Footnotes(data.report.footnotes)
    text = TextBuilder(references.year, footnotes)
    return {
        "doc": document_context(data),
        "year": data.year,
        "appendices": appendix_context(data, references, text),
        "footnotes": footnotes.notes,
    }
