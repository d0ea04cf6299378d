"""The header block (boxes 1-5 of Phụ lục I), the document type and summary line."""

from __future__ import annotations

import unicodedata

from ... import decree30
from ..facts import Paragraph
from ..rule import (
    Document,
    Outcome,
    Violation,
    header_rule,
    missing,
    mm_text,
    ratio_text,
    style_problems,
)
from ..structure import Header, norm


def _elements(document: Document, header: Header) -> dict[str, list[Paragraph]]:
    found: dict[str, list[Paragraph]] = {
        "national_title": [header.title] if header.title else [],
        "motto": [header.motto] if header.motto else [],
        "parent_agency": header.parent,
        "agency": header.agency_lines,
        "number": [header.number] if header.number else [],
        "place_date": [header.date] if header.date else [],
    }
    structure = document.structure
    found["type"] = [structure.type] if structure.type else []
    found["summary"] = structure.summary
    found["letter_summary"] = header.letter_summary
    return found


@header_rule(
    "co-kieu-chu-dau",
    "Cỡ và kiểu chữ phần đầu: quốc hiệu 12–13 đậm, tiêu ngữ 13–14 đậm, cơ quan chủ quản "
    "12–13 đứng, cơ quan ban hành 12–13 đậm, số ký hiệu 13, ngày tháng 13–14, "
    "tên loại và trích yếu 13–14 đậm, trích yếu công văn “V/v” 12–13 đứng",
    decree30.FONT_CLAUSE,
)
def header_styles(document: Document, header: Header) -> Outcome:
    out = []
    for key, paragraphs in _elements(document, header).items():
        element = decree30.ELEMENTS[key]
        for paragraph in paragraphs:
            # The italic date line is the rule ngay-thang's: not reported twice.
            italic = None if key == "place_date" else element.italic
            problems = style_problems(paragraph, element.size, element.bold, italic, element.name)
            if problems:
                out.append(Violation(paragraph.where, "; ".join(problems)))
    return out


@header_rule(
    "quoc-hieu",
    f"Quốc hiệu viết đúng “{decree30.NATIONAL_TITLE}”, in hoa",
    decree30.NATIONAL_TITLE_CLAUSE,
)
def national_title(document: Document, header: Header) -> Outcome:
    title = header.title
    if title is None:
        return [missing("quốc hiệu")]
    if norm(title.text) != decree30.NATIONAL_TITLE:
        return [
            Violation(
                title.where, f"viết “{norm(title.text)}”, đúng là “{decree30.NATIONAL_TITLE}”"
            )
        ]
    return []


@header_rule(
    "tieu-ngu",
    f"Tiêu ngữ viết đúng “{decree30.MOTTO}”: hoa chữ đầu mỗi cụm, gạch nối có cách trước và sau",
    decree30.NATIONAL_TITLE_CLAUSE,
)
def motto(document: Document, header: Header) -> Outcome:
    if header.motto is None:
        return [missing("tiêu ngữ", header.title.where if header.title else "")]
    text = norm(header.motto.text)
    if text == decree30.MOTTO:
        return []
    detail = f"viết “{text}”, đúng là “{decree30.MOTTO}”"
    squeezed, expected = text.replace(" ", ""), decree30.MOTTO.replace(" ", "")
    if squeezed != expected and any(dash in text for dash in "–—‐"):
        detail += " (dấu nối phải là gạch ngắn “-” có cách hai bên)"
    elif squeezed == expected:
        detail += " (thiếu dấu cách hai bên gạch nối)"
    return [Violation(header.motto.where, detail)]


@header_rule(
    "ke-tieu-ngu",
    "Dưới tiêu ngữ có đường kẻ liền, dài bằng dòng tiêu ngữ",
    decree30.NATIONAL_TITLE_CLAUSE,
)
def motto_rule(document: Document, header: Header) -> Outcome:
    if header.motto is None:
        return [missing("tiêu ngữ")]
    if header.motto_rule is None:
        return [Violation(header.motto.where, "không có đường kẻ dưới tiêu ngữ")]
    length = header.motto_rule.rule_length() or 0.0
    size = max(header.motto.sizes() or {decree30.ELEMENTS["motto"].size.default})
    expected = decree30.text_length(norm(header.motto.text), size, header.motto.all_bold())
    if abs(length - expected) > expected * decree30.MOTTO_RULE_TOLERANCE:
        return [
            Violation(
                header.motto_rule.where,
                f"đường kẻ dài {mm_text(length)}, dòng tiêu ngữ dài {mm_text(expected)}",
            )
        ]
    return []


@header_rule(
    "co-quan",
    "Tên cơ quan ban hành in hoa, đậm, căn giữa; cơ quan chủ quản in hoa, không đậm",
    decree30.AGENCY_CLAUSE,
)
def agency(document: Document, header: Header) -> Outcome:
    if header.agency is None:
        return [missing("tên cơ quan ban hành")]
    out = []
    for paragraph in [*header.parent, *header.agency_lines]:
        problem = decree30.agency_problem(norm(paragraph.text))
        if problem:
            out.append(Violation(paragraph.where, problem))
        if paragraph.align != "center":
            out.append(Violation(paragraph.where, "tên cơ quan phải căn giữa"))
    return out


def _line_length(paragraph: Paragraph) -> float:
    """Length of the longest line of ``paragraph`` (its lines broken where a line break
    stands), or its width when a line wraps."""
    size = max(paragraph.sizes() or {13.0})
    bold = paragraph.all_bold()
    lines = unicodedata.normalize("NFC", paragraph.text).split("\n")
    length = max(decree30.text_length(line.strip(), size, bold) for line in lines)
    return min(length, paragraph.width) if paragraph.width else length


def _rule_share(
    rule_paragraph: Paragraph | None, line: float, allowed: decree30.Range, what: str
) -> str | None:
    if rule_paragraph is None:
        return f"không có đường kẻ dưới {what}"
    length = rule_paragraph.rule_length() or 0.0
    share = length / line if line else 0.0
    if not allowed.contains(share, 0.02):
        return (
            f"đường kẻ dài {mm_text(length)} = {ratio_text(share)} dòng {what} "
            f"({mm_text(line)}), phải từ 1/3 đến 1/2"
        )
    return None


@header_rule(
    "ke-co-quan",
    "Dưới tên cơ quan ban hành có đường kẻ liền, dài 1/3–1/2 dòng chữ, cân giữa",
    decree30.AGENCY_CLAUSE,
)
def agency_rule(document: Document, header: Header) -> Outcome:
    if header.agency is None:
        return [missing("tên cơ quan ban hành")]
    line = max(_line_length(p) for p in header.agency_lines)
    problem = _rule_share(header.agency_rule, line, decree30.AGENCY_RULE, "tên cơ quan")
    if problem:
        return [Violation((header.agency_rule or header.agency).where, problem)]
    return []


@header_rule(
    "so-ky-hieu",
    "“Số: 05/BC-…”: số dưới 10 có số 0 ở trước, “/” rồi ký hiệu in hoa, không dấu cách",
    decree30.NUMBER_CLAUSE,
)
def number(document: Document, header: Header) -> Outcome:
    if header.number is None:
        return [missing("dòng “Số: …”")]
    kind = None
    if document.structure.is_letter:
        kind = decree30.kind_of(decree30.LETTER)
    elif document.structure.type is not None:
        kind = decree30.kind_of(norm(document.structure.type.text))
    problem = decree30.number_problem(norm(header.number.text), kind)
    return [Violation(header.number.where, problem)] if problem else []


@header_rule(
    "ngay-thang",
    "“Địa danh, ngày 05 tháng 3 năm 2024” in nghiêng: ngày dưới 10 và tháng 1, 2 có số 0",
    decree30.PLACE_DATE_CLAUSE,
)
def place_date(document: Document, header: Header) -> Outcome:
    if header.date is None:
        return [missing("dòng địa danh, ngày tháng năm")]
    text = norm(header.date.text)
    problems = []
    if not decree30.PLACE_DATE.match(text):
        problems.append("phải có dạng “Địa danh, ngày … tháng … năm …”")
    match = decree30.DATE.search(text)
    if match:
        problem = decree30.date_problem(match.group("day"), match.group("month"))
        if problem:
            problems.append(problem)
    if not header.date.all_italic():
        problems.append("phải in nghiêng")
    return [Violation(header.date.where, "; ".join(problems))] if problems else []


@header_rule(
    "ten-loai",
    "Tên loại văn bản (BÁO CÁO, KẾ HOẠCH…) in hoa, đậm, căn giữa; công văn không có tên loại",
    decree30.TYPE_CLAUSE,
)
def document_type(document: Document, header: Header) -> Outcome:
    paragraph = document.structure.type
    if document.structure.is_letter:
        return []
    if paragraph is None:
        return [missing("tên loại văn bản", "sau phần đầu văn bản")]
    problems = []
    text = norm(paragraph.text)
    if text != text.upper():
        problems.append(f"“{text}” phải viết in hoa")
    if spelling := decree30.type_problem(text):
        problems.append(f"{spelling} ({decree30.ABBREVIATIONS_CLAUSE})")
    if paragraph.align != "center":
        problems.append("phải căn giữa")
    return [Violation(paragraph.where, "; ".join(problems))] if problems else []


@header_rule(
    "trich-yeu",
    "Trích yếu dưới tên loại: chữ thường, đậm, căn giữa; chỉ công văn ghi “V/v …”, dưới số "
    "và ký hiệu",
    decree30.TYPE_CLAUSE,
)
def summary(document: Document, header: Header) -> Outcome:
    structure = document.structure
    if structure.is_letter:
        return _letter_summary_problems(header.letter_summary)
    if not structure.summary:
        where = structure.type.where if structure.type else ""
        return [missing("trích yếu nội dung", where)]
    out = []
    first = structure.summary[0]
    text = " ".join(norm(p.text) for p in structure.summary)
    kind = decree30.kind_of(norm(structure.type.text) if structure.type else "")
    problem = decree30.summary_problem(text, kind)
    if problem:
        out.append(Violation(first.where, problem))
    for paragraph in structure.summary:
        if paragraph.align != "center":
            out.append(Violation(paragraph.where, "trích yếu phải căn giữa"))
    return out


def _letter_summary_problems(lines: list[Paragraph]) -> list[Violation]:
    text = " ".join(norm(p.text) for p in lines)
    out = []
    problem = decree30.summary_problem(text, decree30.kind_of(decree30.LETTER))
    if problem:
        out.append(Violation(lines[0].where, problem))
    for paragraph in lines:
        if paragraph.align != "center":
            out.append(Violation(paragraph.where, "trích yếu công văn phải căn giữa dưới số"))
    return out


@header_rule(
    "ke-trich-yeu",
    "Dưới trích yếu có đường kẻ liền, dài 1/3–1/2 dòng chữ, cân giữa",
    decree30.TYPE_CLAUSE,
)
def summary_rule(document: Document, header: Header) -> Outcome:
    structure = document.structure
    if structure.is_letter:
        return []  # a công văn's "V/v" has no rule under it
    if not structure.summary:
        return [missing("trích yếu nội dung")]
    line = max(_line_length(p) for p in structure.summary)
    problem = _rule_share(structure.summary_rule, line, decree30.SUMMARY_RULE, "trích yếu")
    if problem:
        return [Violation((structure.summary_rule or structure.summary[-1]).where, problem)]
    return []
