"""Phụ lục: numbering, title, reference line, own page numbering."""

from __future__ import annotations

from ... import decree30
from ...errors import Severity
from ...formatting import to_roman
from ..facts import Table
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


LINE_HEIGHT = 1.15
"""A line of a table cell, in multiples of its font size (single spacing in Times)."""
CELL_PADDING_MM = 1.0


@rule(
    "bang-lap-tieu-de",
    "Bảng của phụ lục dài hơn một trang lặp lại dòng tiêu đề ở đầu mỗi trang",
    decree30.PRACTICE,
    Severity.WARNING,
)
def repeated_table_header(document: Document) -> Outcome:
    """A table of a Phụ lục that cannot fit on one page must repeat its header row
    (Word: Table Properties → Row → "Repeat as header row at the top of each page"), or
    the reader of page 2 no longer knows what the columns are. The height is estimated
    from the text of each cell and its width: only a table surely longer than the page
    is reported."""
    found = document.structure.appendices
    if not found:
        return Skip(NO_APPENDIX)
    sections = {appendix.section for appendix in found}
    out = []
    for table in document.facts.tables():
        if table.section not in sections or len(table.rows) < 3 or table.repeated_rows:
            continue
        section = document.facts.sections[table.section - 1]
        page = section.height - section.margins["top"] - section.margins["bottom"]
        height = estimated_height(table)
        if height > page:
            first = table.rows[0][0].paragraphs[0] if table.rows[0][0].paragraphs else None
            where = first.where if first is not None else f"bảng {table.number}"
            detail = (
                f"bảng {table.number} cao khoảng {height / page:.1f} trang".replace(".", ",")
                + " nhưng dòng tiêu đề không lặp lại ở các trang sau (Word: Thuộc tính bảng → "
                "Hàng → Lặp lại như hàng tiêu đề ở đầu mỗi trang)"
            )
            out.append(Violation(where, detail))
    return out


def estimated_height(table: Table) -> float:
    """Millimetres the table takes when printed: each row as tall as its tallest cell,
    each paragraph of a cell as many lines as its text needs at the cell's width."""
    total = 0.0
    for row in table.rows:
        tallest = 0.0
        for cell in row:
            height = CELL_PADDING_MM
            for paragraph in cell.paragraphs:
                size = max(paragraph.sizes() or {12.0})
                line = size * LINE_HEIGHT / 72 * 25.4
                width = max(paragraph.width, 5.0)
                length = decree30.text_length(paragraph.stripped, size, paragraph.any_bold())
                lines = max(1, -int(-length // width))
                height += (
                    lines * line + (paragraph.space_before + paragraph.space_after) / 72 * 25.4
                )
            tallest = max(tallest, height)
        total += tallest
    return total
