"""Page rules: paper, orientation, margins, font, page numbers."""

from __future__ import annotations

from ... import decree30
from ...errors import Severity
from ..facts import Paragraph, Section
from ..rule import Document, Outcome, Skip, Violation, mm_text, rule

A4_TOLERANCE = 1.0


@rule(
    "kho-giay",
    "Khổ A4 (210 × 297 mm); văn bản có quốc hiệu bắt đầu bằng trang khổ dọc",
    decree30.PAPER_CLAUSE,
)
def paper(document: Document) -> Outcome:
    out = []
    for section in document.facts.sections:
        short, long = sorted((section.width, section.height))
        if abs(short - decree30.PAGE_WIDTH) > A4_TOLERANCE or abs(long - decree30.PAGE_HEIGHT) > 1:
            out.append(
                Violation(
                    section.label,
                    f"khổ giấy {section.width:.0f} × {section.height:.0f} mm, không phải A4",
                )
            )
        if section.landscape != section.landscape_flag:
            out.append(
                Violation(section.label, "chiều giấy ghi trong tệp không khớp với kích thước trang")
            )
    first = document.facts.sections[0]
    if first.landscape and document.structure.header is not None:
        out.append(Violation(first.label, "trang đầu của văn bản phải là khổ dọc"))
    return out


@rule(
    "le-trang",
    "Lề trang: dọc trên 20–25, dưới 20–25, trái 30–35, phải 15–20 mm; "
    "ngang trên 30–35, dưới 15–20, trái 20–25, phải 20–25 mm",
    decree30.MARGINS_CLAUSE,
)
def margins(document: Document) -> Outcome:
    out = []
    for section in document.facts.sections:
        problems = []
        for side, allowed in decree30.margin_ranges(section.landscape).items():
            value = section.margins[side]
            if not allowed.contains(value, decree30.LENGTH_TOLERANCE):
                name = decree30.MARGIN_NAMES[side]
                problems.append(f"lề {name} {mm_text(value)} (phải {allowed.text('mm')})")
        if problems:
            detail = "; ".join(problems)
            if section.landscape and _portrait_margins(section):
                detail += "; trang ngang đang để lề của trang dọc (lề 30 mm phải ở trên)"
            out.append(Violation(section.label, detail))
    return out


def _portrait_margins(section: Section) -> bool:
    return all(
        allowed.contains(section.margins[side], decree30.LENGTH_TOLERANCE)
        for side, allowed in decree30.MARGINS.items()
    )


@rule("phong-chu", "Phông Times New Roman ở mọi đoạn chữ, như Word hiển thị", decree30.FONT_CLAUSE)
def font(document: Document) -> Outcome:
    out = []
    for paragraph in document.facts.all_paragraphs():
        for run in paragraph.text_runs:
            value = run.font_for_text()
            if value.value == decree30.FONT:
                continue
            name = f"“{value.value}”" if value.value else "không đặt phông (Word tự chọn)"
            words = " ".join(run.text.split())[:30]
            detail = f"chữ «{words}» dùng {name} (đặt ở {value.source})"
            out.append(Violation(paragraph.where, detail))
            break
    return out


def _page_numbers(paragraphs: list[Paragraph]) -> list[Paragraph]:
    return [p for p in paragraphs if "PAGE" in p.fields]


@rule(
    "so-trang",
    "Số trang ở đầu trang (lề trên), giữa, chữ đứng, cỡ 13–14",
    decree30.PAGE_NUMBER_CLAUSE,
)
def page_numbers(document: Document) -> Outcome:
    out = []
    size = decree30.ELEMENTS["page_number"].size
    for section in document.facts.sections:
        numbers = _page_numbers(section.header)
        if not numbers:
            where = "chân trang" if _page_numbers(section.footer) else None
            if where:
                out.append(Violation(section.label, f"số trang đặt ở {where}, phải ở đầu trang"))
            else:
                # A table or working paper (no header block) may be a single page.
                mild = Severity.WARNING if document.structure.header is None else None
                out.append(Violation(section.label, "không có số trang", mild))
            continue
        paragraph = numbers[0]
        problems = []
        if paragraph.align != "center":
            problems.append("không căn giữa")
        runs = [r for r in paragraph.runs if r.text.strip()]
        sizes = {r.size.value for r in runs}
        if any(not size.contains(s) for s in sizes):
            problems.append(f"cỡ chữ {', '.join(f'{s:g}' for s in sorted(sizes))} pt")
        if any(r.italic for r in runs):
            problems.append("chữ nghiêng")
        if problems:
            out.append(Violation(paragraph.where, "số trang " + ", ".join(problems)))
    return out


@rule("so-trang-dau", "Không đánh số trang ở trang đầu tiên", decree30.PAGE_NUMBER_CLAUSE)
def no_number_on_first_page(document: Document) -> Outcome:
    section = document.facts.sections[0]
    first_page = section.first_header if section.title_page else section.header
    first_footer = section.first_footer if section.title_page else section.footer
    shown = _page_numbers(first_page) or _page_numbers(first_footer)
    if not _page_numbers(section.header) and not shown:
        return Skip("tài liệu không có số trang")
    if shown:
        detail = "trang 1 có số trang"
        if not section.title_page:
            detail += " (chưa chọn “Different First Page” cho phần đầu)"
        return [Violation(shown[0].where, detail)]
    return []


@rule("bang-trong-le", "Bảng nằm trong vùng chữ, không lấn ra lề trang", decree30.MARGINS_CLAUSE)
def tables_inside_margins(document: Document) -> Outcome:
    out = []
    sections = document.facts.sections
    for table in document.facts.tables():
        section = sections[min(table.section, len(sections)) - 1]
        left = -table.indent
        right = table.indent + table.width - section.text_width
        problems = []
        if left > decree30.LENGTH_TOLERANCE:
            problems.append(f"lấn lề trái {mm_text(left)}")
        if right > decree30.LENGTH_TOLERANCE:
            problems.append(f"lấn lề phải {mm_text(right)}")
        if problems:
            name = table.label or "bảng"
            out.append(Violation(f"{name} (bảng {table.number})", ", ".join(problems)))
    return out
