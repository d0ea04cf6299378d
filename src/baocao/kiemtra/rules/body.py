"""The body, its ending, the recipients and the signature."""

from __future__ import annotations

from ... import decree30
from ...errors import Severity
from ..facts import Paragraph
from ..rule import (
    Document,
    Outcome,
    Skip,
    Violation,
    header_rule,
    missing,
    mm_text,
    needs_header,
    rule,
    size_text,
    style_problems,
)
from ..structure import Header, norm

INDENT_TOLERANCE = 0.5
MAX_LISTED = 5


def _body(document: Document) -> list[Paragraph] | Skip:
    if skip := needs_header(document):
        return skip
    if not document.structure.body:
        return Skip("không tìm thấy nội dung giữa trích yếu và phần Nơi nhận")
    return document.structure.body


def _limited(violations: list[Violation]) -> list[Violation]:
    """At most a few paragraphs per rule, then how many more."""
    if len(violations) <= MAX_LISTED:
        return violations
    rest = len(violations) - MAX_LISTED
    return [*violations[:MAX_LISTED], Violation("…", f"và {rest} đoạn khác cùng lỗi")]


@rule(
    "noi-dung-can-le",
    "Nội dung căn đều hai bên, thụt đầu dòng 1 cm hoặc 1,27 cm",
    decree30.BODY_CLAUSE,
)
def body_alignment(document: Document) -> Outcome:
    body = _body(document)
    if isinstance(body, Skip):
        return body
    out = []
    for paragraph in body:
        problems = []
        if paragraph.align not in ("both", "distribute", "justify"):
            problems.append("không căn đều hai bên")
        if not any(
            abs(paragraph.first_line - i) <= INDENT_TOLERANCE for i in decree30.BODY_INDENTS
        ):
            problems.append(f"thụt đầu dòng {mm_text(paragraph.first_line)}")
        if problems:
            out.append(Violation(paragraph.where, ", ".join(problems)))
    return _limited(out)


@rule(
    "noi-dung-dan-dong",
    "Nội dung cỡ chữ 13–14; cách đoạn tối thiểu 6 pt; giãn dòng từ 1 dòng đến 1,5 dòng",
    decree30.BODY_CLAUSE,
)
def body_spacing(document: Document) -> Outcome:
    body = _body(document)
    if isinstance(body, Skip):
        return body
    out = []
    size = decree30.ELEMENTS["body"].size
    for index, paragraph in enumerate(body):
        problems = []
        wrong = {s for s in paragraph.sizes() if not size.contains(s)}
        if wrong:
            problems.append(f"cỡ chữ {size_text(wrong)}")
        following = body[index + 1] if index + 1 < len(body) else None
        gap = paragraph.space_after + (following.space_before if following else 0.0)
        if following is not None and gap < decree30.BODY_SPACE_AFTER.low - 0.5:
            problems.append(f"cách đoạn sau {gap:g} pt")
        spacing = _line_multiple(paragraph)
        if spacing is not None and not decree30.BODY_LINE_SPACING.contains(spacing, 0.05):
            problems.append(f"giãn dòng {spacing:.2f} dòng".replace(".", ","))
        if problems:
            out.append(Violation(paragraph.where, ", ".join(problems)))
    return _limited(out)


def _line_multiple(paragraph: Paragraph) -> float | None:
    """Line spacing as a multiple of single spacing (Times: 1,15 × the size)."""
    if paragraph.line is None:
        return None
    if paragraph.line_rule == "auto":
        return paragraph.line
    size = max(paragraph.sizes() or {14.0})
    return paragraph.line * 12 / (size * 1.15)


@rule("ket-thuc", "Nội dung kết thúc bằng “./.”", decree30.PRACTICE)
def final_mark(document: Document) -> Outcome:
    body = _body(document)
    if isinstance(body, Skip):
        return body
    last = body[-1]
    if not norm(last.text).endswith(decree30.FINAL_MARK):
        return [Violation(last.where, "đoạn cuối của nội dung không kết thúc bằng “./.”")]
    return []


@header_rule(
    "noi-nhan",
    "“Nơi nhận:” cỡ 12 đậm nghiêng; mỗi nơi nhận cỡ 11, “- …;”, dòng cuối “- Lưu: VT, ….”",
    decree30.RECIPIENTS_CLAUSE,
)
def recipients(document: Document, header: Header) -> Outcome:
    signature = document.structure.signature
    if signature is None:
        return [missing("“Nơi nhận:” (bảng nơi nhận và chữ ký)", "cuối văn bản")]
    out = []
    title = signature.recipients_title
    element = decree30.ELEMENTS["recipients_title"]
    problems = style_problems(title, element.size, element.bold, element.italic, "")
    if norm(title.text) != decree30.RECIPIENTS_TITLE:
        problems.insert(0, f"viết “{norm(title.text)}”, đúng là “{decree30.RECIPIENTS_TITLE}”")
    if problems:
        out.append(Violation(title.where, "; ".join(p.strip() for p in problems)))
    if not signature.recipients:
        return [*out, Violation(title.where, "không có nơi nhận nào")]
    element = decree30.ELEMENTS["recipients"]
    for index, line in enumerate(signature.recipients):
        last = index == len(signature.recipients) - 1
        problems = style_problems(line, element.size, element.bold, None, "")
        problem = decree30.recipient_problem(norm(line.text), last)
        if problem:
            problems.insert(0, problem)
        if problems:
            out.append(Violation(line.where, "; ".join(p.strip() for p in problems)))
        elif last and (archive := decree30.archive_problem(norm(line.text))):
            out.append(Violation(line.where, archive, Severity.WARNING))
    return out


@header_rule(
    "chu-ky",
    "Chữ ký: quyền hạn (KT., TM., Q., TL., TUQ.) và chức vụ in hoa đậm; họ tên chữ thường "
    "đậm, không ghi học hàm, học vị",
    decree30.SIGNATURE_CLAUSE,
)
def signature(document: Document, header: Header) -> Outcome:
    block = document.structure.signature
    if block is None or not block.authority:
        return [missing("quyền hạn, chức vụ người ký", "cuối văn bản")]
    out = []
    lines = [norm(p.text) for p in block.authority]
    problem = decree30.authority_problem(lines)
    if problem:
        out.append(Violation(block.authority[0].where, problem))
    element = decree30.ELEMENTS["authority"]
    for paragraph in block.authority:
        problems = style_problems(paragraph, element.size, True, None, "")
        if problems:
            out.append(Violation(paragraph.where, "; ".join(p.strip() for p in problems)))
    if block.signer is None:
        detail = "chưa có họ tên người ký (bản nháp?)"
        return [*out, Violation(block.authority[-1].where, detail, Severity.WARNING)]
    name = norm(block.signer.text)
    element = decree30.ELEMENTS["signer"]
    problems = style_problems(block.signer, element.size, True, None, "")
    problem = decree30.signer_problem(name)
    if problem:
        problems.insert(0, problem)
    if problems:
        out.append(Violation(block.signer.where, "; ".join(p.strip() for p in problems)))
    return out
