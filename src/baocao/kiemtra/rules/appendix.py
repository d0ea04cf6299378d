"""Phụ lục: numbering, title, reference line, own page numbering."""

from __future__ import annotations

from ... import decree30
from ...errors import Severity
from ...formatting import to_roman
from ..rule import Document, Outcome, Skip, Violation, rule, style_problems
from ..structure import norm

NO_APPENDIX = "tệp không có Phụ lục (dòng “Phụ lục …” căn giữa)"


@rule(
    "phu-luc",
    "Phụ lục: “Phụ lục I” cỡ 14 đậm, đánh số La Mã; tên in hoa đậm; dòng “(Kèm theo …)” "
    "nghiêng, căn giữa",
    decree30.APPENDIX_CLAUSE,
)
def appendices(document: Document) -> Outcome:
    found = document.structure.appendices
    if not found:
        return Skip(NO_APPENDIX)
    out = []
    for index, appendix in enumerate(found, start=1):
        label = appendix.label
        match = decree30.APPENDIX_LABEL.match(norm(label.text))
        numeral = match.group(1) if match else None
        problems = []
        arabic = numeral is not None and numeral.isdigit()
        if len(found) > 1 and numeral not in (to_roman(index), str(index)):
            problems.append(f"phụ lục thứ {index} phải đánh số “Phụ lục {to_roman(index)}”")
        element = decree30.ELEMENTS["appendix_label"]
        problems += style_problems(label, element.size, element.bold, element.italic, "số phụ lục")
        if problems:
            out.append(Violation(label.where, "; ".join(problems)))
        elif arabic and len(found) > 1:
            roman = to_roman(index)
            detail = f"đánh số bằng chữ số Ả Rập; Nghị định dùng chữ số La Mã (Phụ lục {roman})"
            out.append(Violation(label.where, detail, Severity.WARNING))
        if not appendix.title:
            out.append(Violation(label.where, "không có tên phụ lục ngay dưới"))
        element = decree30.ELEMENTS["appendix_title"]
        for title in appendix.title:
            problems = style_problems(title, element.size, True, None, "tên phụ lục")
            if norm(title.text) != norm(title.text).upper():
                problems.insert(0, "tên phụ lục phải viết in hoa")
            if problems:
                out.append(Violation(title.where, "; ".join(problems)))
        reference = appendix.reference
        if reference is None:
            where = (appendix.title or [label])[-1].where
            out.append(Violation(where, "không có dòng “(Kèm theo …)” dưới tên phụ lục"))
            continue
        element = decree30.ELEMENTS["appendix_reference"]
        problems = style_problems(reference, element.size, None, True, "dòng “Kèm theo”")
        if not decree30.APPENDIX_REFERENCE.match(norm(reference.text)):
            problems.insert(0, "phải có dạng “(Kèm theo … số … ngày … của …)”")
        if reference.align != "center":
            problems.append("phải căn giữa")
        if problems:
            out.append(Violation(reference.where, "; ".join(problems)))
    return out


@rule(
    "so-trang-phu-luc",
    "Mỗi phụ lục bắt đầu một phần (section) riêng, đánh số trang riêng từ 1",
    decree30.APPENDIX_CLAUSE,
)
def appendix_pages(document: Document) -> Outcome:
    found = document.structure.appendices
    if not found:
        return Skip(NO_APPENDIX)
    facts = document.facts
    out = []
    for appendix in found:
        section = facts.sections[appendix.section - 1]
        first_text = next(
            (p for p in facts.paragraphs() if p.section == appendix.section and p.stripped), None
        )
        problems = []
        if first_text is not appendix.label:
            problems.append("không bắt đầu một phần (section) mới")
        if section.page_start != 1 and not (appendix.section == 1 and section.page_start is None):
            problems.append("số trang không bắt đầu lại từ 1")
        if problems:
            out.append(Violation(appendix.label.where, ", ".join(problems)))
    return out
