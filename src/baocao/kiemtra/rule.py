"""A rule, what it finds, and the registry the rule modules fill."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ..decree30 import Range
from ..errors import Severity
from .facts import DocumentFacts, Paragraph
from .status import Status
from .structure import Header, Structure


@dataclass(frozen=True)
class Violation:
    where: str
    detail: str
    severity: Severity | None = None
    """``None``: the rule's severity; a WARNING for a finding milder than the rule (a draft)."""


@dataclass(frozen=True)
class Skip:
    """The rule cannot be evaluated on this document; never counts as passed."""

    reason: str


@dataclass(frozen=True)
class Document:
    facts: DocumentFacts
    structure: Structure


Outcome = list[Violation] | Skip
Check = Callable[[Document], Outcome]


@dataclass(frozen=True)
class Rule:
    id: str
    text: str
    clause: str
    severity: Severity
    check: Check


@dataclass
class Result:
    rule: Rule
    status: Status
    violations: list[Violation] = field(default_factory=list)
    reason: str = ""


RULES: list[Rule] = []


def rule(
    id: str, text: str, clause: str, severity: Severity = Severity.ERROR
) -> Callable[[Check], Check]:
    def register(check: Check) -> Check:
        RULES.append(Rule(id, text, clause, severity, check))
        return check

    return register


HeaderCheck = Callable[[Document, Header], Outcome]


def header_rule(
    id: str, text: str, clause: str, severity: Severity = Severity.ERROR
) -> Callable[[HeaderCheck], HeaderCheck]:
    """A rule on the header block, passed the header; skipped, saying why, when the
    document has none."""

    def register(check: HeaderCheck) -> HeaderCheck:
        @functools.wraps(check)
        def run(document: Document) -> Outcome:
            if document.structure.header is None:
                return no_header(document)
            return check(document, document.structure.header)

        RULES.append(Rule(id, text, clause, severity, run))
        return check

    return register


GROUPS = ("draft", "page", "header", "sections", "body", "appendix")
"""Rules run and print in the order of the document: a draft's mark, page, header,
body, appendices."""


def ordered() -> list[Rule]:
    def group(item: Rule) -> int:
        name = item.check.__module__.rsplit(".", 1)[-1]
        return GROUPS.index(name) if name in GROUPS else len(GROUPS)

    return sorted(RULES, key=group)


def evaluate(document: Document) -> list[Result]:
    results = []
    for item in ordered():
        outcome = item.check(document)
        if isinstance(outcome, Skip):
            results.append(Result(item, Status.UNCHECKED, reason=outcome.reason))
        elif outcome:
            found = [v if v.severity else replace(v, severity=item.severity) for v in outcome]
            failed = any(v.severity is Severity.ERROR for v in found)
            results.append(Result(item, Status.ERROR if failed else Status.WARNING, found))
        else:
            results.append(Result(item, Status.PASSED))
    return results


NO_HEADER = (
    "không có phần đầu văn bản (bảng có quốc hiệu và tên cơ quan ở đầu tệp): tệp là bảng "
    "hoặc tài liệu khác, hoặc phần đầu nằm trong khung chữ (text box) mà công cụ chưa đọc"
)


def no_header(document: Document) -> Skip:
    """Why a rule on the header cannot be checked."""
    if document.structure.appendices:
        return Skip("tệp chỉ có Phụ lục, không có phần đầu văn bản")
    return Skip(NO_HEADER)


def needs_header(document: Document) -> Skip | None:
    return no_header(document) if document.structure.header is None else None


def missing(name: str, where: str = "") -> Violation:
    return Violation(where or "phần đầu văn bản", f"không tìm thấy {name}")


def size_text(sizes: set[float]) -> str:
    return ", ".join(f"{s:g}".replace(".", ",") for s in sorted(sizes)) + " pt"


def style_problems(
    paragraph: Paragraph, size_range: Range, bold: bool | None, italic: bool | None, what: str
) -> list[str]:
    """Size, bold and italic of ``paragraph`` against an element of the layout."""
    out = []
    sizes = paragraph.sizes()
    wrong = {s for s in sizes if not size_range.contains(s)}
    if wrong:
        out.append(f"{what} cỡ chữ {size_text(wrong)}, phải {size_range.text('pt')}")
    if bold is True and not paragraph.all_bold():
        out.append(f"{what} phải in đậm")
    if bold is False and paragraph.any_bold():
        out.append(f"{what} không in đậm")
    if italic is True and not paragraph.all_italic():
        out.append(f"{what} phải in nghiêng")
    if italic is False and paragraph.any_italic():
        out.append(f"{what} không in nghiêng")
    return out


def ratio_text(value: float) -> str:
    return f"{value:.0%}"


def mm_text(value: float) -> str:
    return f"{value:.1f}".replace(".", ",") + " mm"
