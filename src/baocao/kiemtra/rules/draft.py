"""Drafts: a document marked "DỰ THẢO", and figures still awaited in a final one."""

from __future__ import annotations

from ... import decree30
from ...errors import Severity
from ..facts import Paragraph
from ..rule import Document, Outcome, Violation, rule
from ..structure import norm

MAX_LISTED = 5
LEADING_PARAGRAPHS = 3
"""A mark typed into the body instead of the header stands above the header block."""


@rule(
    "du-thao",
    "Văn bản chính thức không còn dấu “DỰ THẢO” hay chỗ “[CHỜ SỐ LIỆU: …]”",
    decree30.PRACTICE,
)
def draft(document: Document) -> Outcome:
    """A draft mark is a warning: the document is a draft, not the one to sign. A figure
    still awaited is an error in a document that does not say it is a draft, and a
    warning in one that does."""
    marks = draft_marks(document)
    out = [
        Violation(
            mark.where,
            "văn bản còn dấu dự thảo: đây là bản dự thảo, chưa phải văn bản để ký ban hành "
            "(tạo bản chính thức: baocao render, không có --draft)",
            Severity.WARNING,
        )
        for mark in marks
    ]
    waiting = [p for p in document.facts.all_paragraphs() if f"[{decree30.PENDING_MARK}" in p.text]
    severity = Severity.WARNING if marks else Severity.ERROR
    why = (
        "bản dự thảo còn chỗ chờ số liệu"
        if marks
        else "văn bản không ghi “DỰ THẢO” mà còn chỗ chờ số liệu: điền số liệu trước khi ban hành"
    )
    for paragraph in waiting[:MAX_LISTED]:
        out.append(Violation(paragraph.where, why, severity))
    if len(waiting) > MAX_LISTED:
        more = f"và {len(waiting) - MAX_LISTED} đoạn khác còn chỗ chờ số liệu"
        out.append(Violation("…", more, severity))
    return out


def draft_marks(document: Document) -> list[Paragraph]:
    """Paragraphs reading "DỰ THẢO" (``Dự thảo lần 2``) in the headers of the first
    section or at the very top of the body."""
    facts = document.facts
    candidates: list[Paragraph] = []
    if facts.sections:
        first = facts.sections[0]
        candidates += first.first_header if first.title_page else first.header
    candidates += [p for p in facts.paragraphs() if p.stripped][:LEADING_PARAGRAPHS]
    return [p for p in candidates if decree30.DRAFT_LINE.match(norm(p.text))]
