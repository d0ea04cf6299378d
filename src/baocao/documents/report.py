"""Build the one structure templates see, from a report and its year's data.

The result is plain data: text is split into segments (``str`` or ``FootnoteMark``)
with every ``[[metric]]`` already formatted, so nothing here knows about Word.
Footnotes are numbered per document, in order of appearance.
"""

from __future__ import annotations

import re
from datetime import date

from .. import decree30
from ..formatting import BLANK, format_date, format_pending_date, to_roman
from ..load.report_file import BodyBlock, ReportSource
from ..model.report import (
    Appendix,
    AppendixPart,
    Attachment,
    Document,
    ReportSettings,
    Table,
    TextTable,
)
from ..model.year import YearData
from ..prose.segments import Footnotes, Paragraph, Styled, TextBuilder, YearReferences
from .line_breaks import break_agency, break_letter_summary, break_summary
from .numbering import HeadingNumbers
from .tables import body_table, table_context, text_table_context
from .types import (
    AppendixContext,
    AppendixShape,
    Block,
    DocumentHeader,
    Part,
    ReportContext,
    TableShape,
)
from .units import comparison_part, summary_blocks, unit_parts


def document_number(number: str | None) -> str:
    """The number as the decree prints it: a number below 10 with its leading zero."""
    if not number:
        return BLANK
    text = number.strip()
    return f"{int(text):02d}" if text.isdigit() and int(text) < 10 else text


def number_line(doc: Document) -> str:
    return f"Số: {document_number(doc.number)}/{doc.symbol}"


def date_text(doc: Document | Attachment) -> str:
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


def addressee_names(names: list[str] | None) -> list[str]:
    """Each addressee as a name alone: "Kính gửi:", dashes, semicolons and full stops
    typed around it are the layout's to add (one on the line of "Kính gửi:", several as
    a list); "A; B; C" typed on one line are three addressees."""
    found = []
    for typed in names or []:
        text = ADDRESSEE_TYPED.sub("", typed.strip())
        for name in text.split(";"):
            name = name.strip().lstrip("-").strip().rstrip(";.").strip()
            if name:
                found.append(name)
    return found


ADDRESSEE_TYPED = re.compile(r"^kính gửi\s*:?\s*", re.IGNORECASE)


def letter_summary(summary: str) -> str:
    """A công văn's trích yếu as printed under its number: ``V/v …``, in balanced lines."""
    text = summary.strip()
    if text[:3].casefold() == decree30.LETTER_SUMMARY.casefold():
        text = text[3:].lstrip(" :")
    return break_letter_summary(f"{decree30.LETTER_SUMMARY} {text}")


def document_context(settings: ReportSettings) -> DocumentHeader:
    doc = settings.document
    kind = decree30.kind_of(doc.type)
    return {
        "parent_agency": (
            break_agency(doc.parent_agency, "parent_agency") if doc.parent_agency else None
        ),
        "agency": break_agency(doc.agency, "agency"),
        "agency_name": doc.agency_name,
        "number_line": number_line(doc),
        "place_date": f"{doc.place}, {date_text(doc)}",
        "kind": kind.name,
        "type": "" if kind.letter else " ".join(doc.type.split()).upper(),
        "summary": doc.summary,
        "summary_lines": "" if kind.letter else break_summary(doc.summary),
        "letter_summary": letter_summary(doc.summary) if kind.letter else "",
        "to": addressee_names(doc.to),
        "authority": doc.signer.authority if doc.signer else [],
        "signer": doc.signer.name or "" if doc.signer else "",
        "recipients": recipient_lines(doc.recipients),
        "reference": reference_line(settings),
    }


def reference_line(settings: ReportSettings) -> str:
    """``(Kèm theo Báo cáo số 123/BC-STTTT ngày 13 tháng 12 năm 2024 của Sở …)``, or the
    document an appendix-only report is attached to."""
    source = settings.attached_to or settings.document
    number = document_number(source.number)
    kind = source.type.capitalize() if source is settings.document else source.type
    issued = f"{number}/{source.symbol} {date_text(source)}"
    return f"(Kèm theo {kind} số {issued} của {source.agency_name})"


def body_blocks(report: ReportSource, data: YearData, text: TextBuilder) -> list[Block]:
    """The report body in order, headings numbered and styled as the report asks."""
    numbers = HeadingNumbers(list(report.settings.numbering))
    blocks: list[Block] = []
    for block in report.blocks:
        where = f"dòng {block.line}"
        if _is_units_summary(block):
            blocks.extend(
                _block(kind, [line])
                for kind, line in summary_blocks(data, report.settings.appendices)
            )
            continue
        if block.kind == "table":
            blocks.append({"kind": "table", "segments": [], "table": body_table(block, text)})
            continue
        segments = text.inline_segments(block.inlines, where)
        if block.kind == "heading":
            blocks.extend(heading_blocks(numbers, block.level, segments))
        elif block.kind in ("bullet", "ordered"):
            marker = "-" if block.marker == "*" else block.marker
            kind = "bullet2" if block.level > 1 or block.marker == "+" else "bullet"
            blocks.append(_block(kind, [f"{marker} ", *segments]))
        else:
            blocks.append(_block("paragraph", segments))
    return blocks


def heading_blocks(numbers: HeadingNumbers, level: int, segments: Paragraph) -> list[Block]:
    """A heading as the decree prints its number: "Phần I" on a line of its own above the
    title in capitals, or the number before the title, bold, italic or in capitals as the
    level's style says (Phụ lục I, Phần I, mục II.6.đ)."""
    label = numbers.next(level)
    style = numbers.format(level)
    title = _without_trailing_backslash(segments)
    if style.caps:
        title = _upper(title)
    if numbers.own_line(level):
        return [_block("part_label", [label]), _block("part_title", title)]
    segments = [label, *title] if label else title
    if style.italic and style.bold:  # the style is bold: the runs are made italic too
        segments = [Styled(s, False, True) if isinstance(s, str) else s for s in segments]
    return [_block(_heading_kind(style.bold, style.italic, level), segments)]


def _heading_kind(bold: bool, italic: bool, level: int) -> str:
    """The paragraph style a heading of this look takes (the template's BC Heading 1–4:
    bold with space above, bold, upright, italic)."""
    if bold:
        return "heading1" if level == 1 else "heading2"
    return "heading4" if italic else "heading3"


def _upper(segments: Paragraph) -> Paragraph:
    out: Paragraph = []
    for segment in segments:
        if isinstance(segment, str):
            out.append(segment.upper())
        elif isinstance(segment, Styled):
            out.append(Styled(segment.text.upper(), segment.bold, segment.italic))
        else:
            out.append(segment)
    return out


def _without_trailing_backslash(segments: Paragraph) -> Paragraph:
    """A ``\\`` typed at the end of a heading line (a line break Markdown has no room for
    in a heading) is not printed."""
    if segments and isinstance(segments[-1], str) and segments[-1].rstrip().endswith("\\"):
        return [*segments[:-1], segments[-1].rstrip()[:-1].rstrip()]
    return segments


def _is_units_summary(block: BodyBlock) -> bool:
    meaningful = [i for i in block.inlines if not (i.kind == "text" and not i.text.strip())]
    return (
        block.kind == "paragraph"
        and len(meaningful) == 1
        and meaningful[0].kind == "ref"
        and meaningful[0].text == "units:summary"
    )


def _block(kind: str, segments: Paragraph) -> Block:
    return {"kind": kind, "segments": segments}


def closing_of(body: list[Block]) -> Paragraph:
    """The last paragraph of the body closes the document and ends with ``./.``."""
    last = body.pop()["segments"] if body and body[-1]["kind"] == "paragraph" else []
    return with_final_mark(last)


def with_final_mark(segments: Paragraph) -> Paragraph:
    if segments and isinstance(segments[-1], str):
        return [*segments[:-1], ensure_final_mark(segments[-1])]
    if segments and isinstance(segments[-1], Styled):
        end = segments[-1]
        return [*segments[:-1], Styled(ensure_final_mark(end.text), end.bold, end.italic)]
    return [*segments, "./."]


def appendix_context(
    report: ReportSource, data: YearData, references: YearReferences, text: TextBuilder
) -> list[AppendixShape]:
    appendices: list[AppendixShape] = []
    for index, appendix in enumerate(report.settings.appendices, start=1):
        where = f"appendices[{index - 1}]"
        parts = _parts(data, references, appendix, text, where)
        appendices.append(
            {
                "label": appendix_label(index, report.settings.appendix_numbering),
                "title": (_plain(text, appendix.title, f"{where}.title") or "").upper(),
                "subtitle": _plain(text, appendix.subtitle, f"{where}.subtitle"),
                "parts": parts,
            }
        )
    return appendices


def appendix_label(index: int, numbering: str) -> str:
    """``Phụ lục I`` (the decree's Roman numbers) or ``Phụ lục 1``."""
    return f"Phụ lục {to_roman(index) if numbering == 'roman' else index}"


def _plain(text: TextBuilder, value: str | None, where: str) -> str | None:
    """A line the template prints as text (titles, headings): references resolved,
    no footnote marker allowed."""
    if value is None:
        return None
    segments = text.segments(value, where, notes=False)
    return "".join(s for s in segments if isinstance(s, str))


def _parts(
    data: YearData, references: YearReferences, appendix: Appendix, text: TextBuilder, where: str
) -> list[Part]:
    parts: list[Part] = []
    for part_index, part in enumerate(appendix.parts):
        place = f"{where}.parts[{part_index}]"
        parts.append(
            {
                "heading": _plain(text, part.heading, f"{place}.heading"),
                "subheading": _plain(text, part.subheading, f"{place}.subheading"),
                "paragraphs": [text.segments(p, f"{place}.paragraphs") for p in part.paragraphs],
                "table": _table(data, part.table, text, f"{place}.table"),
            }
        )
        _unit_parts(data, references, part, parts, text, place)
    return parts


def _table(
    data: YearData, table: Table | TextTable | None, text: TextBuilder, where: str
) -> TableShape | None:
    if table is None:
        return None
    if isinstance(table, TextTable):
        return text_table_context(table, text, where)
    return table_context(data, table, text, where)


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


def _builder(
    report: ReportSource, references: YearReferences, problems: list[str] | None
) -> TextBuilder:
    footnotes = Footnotes({key: note.inlines for key, note in report.notes.items()})
    return TextBuilder(references.year, footnotes, report.settings.leading_zero, problems)


def _header(report: ReportSource, text: TextBuilder) -> DocumentHeader:
    header = document_context(report.settings)
    where = "document"
    header["summary"] = _plain(text, header["summary"], f"{where}.summary") or ""
    if header["letter_summary"]:
        header["letter_summary"] = letter_summary(header["summary"])
    else:
        header["summary_lines"] = break_summary(header["summary"])
    header["to"] = [_plain(text, name, f"{where}.to") or "" for name in header["to"]]
    header["recipients"] = [
        _plain(text, line, f"{where}.recipients") or "" for line in header["recipients"]
    ]
    return header


def build_report(
    report: ReportSource,
    data: YearData,
    references: YearReferences | None = None,
    problems: list[str] | None = None,
) -> ReportContext:
    """Context of the BÁO CÁO: header, body blocks, signature and its footnotes.

    ``references`` are those validation already resolved (else resolved here, with
    no other years to compare with); with ``problems``, every unresolved reference is
    collected there instead of raised."""
    references = references or YearReferences(data)
    text = _builder(report, references, problems)
    header = _header(report, text)
    body = body_blocks(report, data, text)
    closing = closing_of(body)
    return {
        "doc": header,
        "year": data.year,
        "body": body,
        "closing": closing,
        "footnotes": text.footnotes.notes,
    }


def build_appendix(
    report: ReportSource,
    data: YearData,
    references: YearReferences | None = None,
    problems: list[str] | None = None,
) -> AppendixContext:
    """Context of the Phụ lục document: every appendix with its tables and footnotes."""
    references = references or YearReferences(data)
    text = _builder(report, references, problems)
    return {
        "doc": _header(report, text),
        "year": data.year,
        "appendices": appendix_context(report, data, references, text),
        "footnotes": text.footnotes.notes,
    }
