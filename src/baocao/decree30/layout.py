"""The decree's layout as data: clauses, page, margins, elements, fixed words.

Lengths are millimetres, font sizes points. A :class:`Range` is the decree's range
with the value this project uses. ``clause`` names where a rule comes from: a
point of Phụ lục I, or ``PRACTICE`` for common usage in the seed reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PRACTICE = "thực tế"
_PART_I = "Phụ lục I, Phần I"
PAPER_CLAUSE = f"{_PART_I}, mục I.1–2"
MARGINS_CLAUSE = f"{_PART_I}, mục I.3"
FONT_CLAUSE = f"{_PART_I}, mục I.4–5"
PAGE_NUMBER_CLAUSE = f"{_PART_I}, mục I.7"
NATIONAL_TITLE_CLAUSE = f"{_PART_I}, mục II.1"
AGENCY_CLAUSE = f"{_PART_I}, mục II.2"
NUMBER_CLAUSE = f"{_PART_I}, mục II.3"
PLACE_DATE_CLAUSE = f"{_PART_I}, mục II.4"
TYPE_CLAUSE = f"{_PART_I}, mục II.5"
BODY_CLAUSE = f"{_PART_I}, mục II.6"
PARTS_CLAUSE = f"{_PART_I}, mục II.6.đ"
SIGNATURE_CLAUSE = f"{_PART_I}, mục II.7"
RECIPIENTS_CLAUSE = f"{_PART_I}, mục II.9"
ADDRESSEE_CLAUSE = f"{_PART_I}, mục II.9.b và d"
APPENDIX_CLAUSE = f"{_PART_I}, mục III.1"
ABBREVIATIONS_CLAUSE = "Phụ lục III, mục I"
FONT = "Times New Roman"

PAGE_WIDTH = 210.0
PAGE_HEIGHT = 297.0
HEADER_DISTANCE = 10.0
LENGTH_TOLERANCE = 0.5
"""Millimetres lost when Word or LibreOffice rounds a length to twips."""


@dataclass(frozen=True)
class Range:
    low: float
    high: float
    default: float

    def contains(self, value: float, tolerance: float = 0.0) -> bool:
        return self.low - tolerance <= value <= self.high + tolerance

    def text(self, unit: str) -> str:
        low, high = _number(self.low), _number(self.high)
        return f"{low} {unit}" if low == high else f"{low}–{high} {unit}"


def _number(value: float) -> str:
    return f"{value:g}".replace(".", ",")


MARGINS = {
    "top": Range(20, 25, 20),
    "bottom": Range(20, 25, 20),
    "left": Range(30, 35, 30),
    "right": Range(15, 20, 15),
}
LANDSCAPE_MARGINS = {
    "top": Range(30, 35, 30),
    "bottom": Range(15, 20, 15),
    "left": Range(20, 25, 20),
    "right": Range(20, 25, 20),
}
"""A landscape page (a wide table) is bound by its top edge: the binding margin of
30–35 mm moves to the top and the outer one to the bottom; left and right take the
20–25 mm of the portrait top and bottom (*practice* of reading Phụ lục I, Phần I,
mục I.3)."""
MARGIN_NAMES = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}


def margin_ranges(landscape: bool) -> dict[str, Range]:
    return LANDSCAPE_MARGINS if landscape else MARGINS


def text_width(margins: dict[str, float] | None = None, landscape: bool = False) -> float:
    """Width of the text area between the left and right margins."""
    margins = margins or {name: r.default for name, r in margin_ranges(landscape).items()}
    page = PAGE_HEIGHT if landscape else PAGE_WIDTH
    return page - margins["left"] - margins["right"]


@dataclass(frozen=True)
class Element:
    """How one element of the document is typeset."""

    name: str
    size: Range
    bold: bool | None
    italic: bool | None
    clause: str


ELEMENTS = {
    "parent_agency": Element(
        "tên cơ quan chủ quản", Range(12, 13, 12), False, False, AGENCY_CLAUSE
    ),
    "agency": Element("tên cơ quan ban hành", Range(12, 13, 12), True, False, AGENCY_CLAUSE),
    "national_title": Element("quốc hiệu", Range(12, 13, 12), True, False, NATIONAL_TITLE_CLAUSE),
    "motto": Element("tiêu ngữ", Range(13, 14, 13), True, False, NATIONAL_TITLE_CLAUSE),
    "number": Element("số, ký hiệu", Range(13, 13, 13), False, False, NUMBER_CLAUSE),
    "place_date": Element("địa danh, ngày tháng", Range(13, 14, 14), None, True, PLACE_DATE_CLAUSE),
    "type": Element("tên loại văn bản", Range(13, 14, 14), True, False, TYPE_CLAUSE),
    "summary": Element("trích yếu", Range(13, 14, 14), True, False, TYPE_CLAUSE),
    "body": Element("nội dung", Range(13, 14, 14), None, None, BODY_CLAUSE),
    "page_number": Element("số trang", Range(13, 14, 14), False, False, PAGE_NUMBER_CLAUSE),
    "recipients_title": Element("“Nơi nhận:”", Range(12, 12, 12), True, True, RECIPIENTS_CLAUSE),
    "recipients": Element("danh sách nơi nhận", Range(11, 11, 11), False, False, RECIPIENTS_CLAUSE),
    "authority": Element(
        "quyền hạn, chức vụ người ký", Range(13, 14, 14), True, False, SIGNATURE_CLAUSE
    ),
    "signer": Element("họ tên người ký", Range(13, 14, 14), True, False, SIGNATURE_CLAUSE),
    "appendix_label": Element("số Phụ lục", Range(14, 14, 14), True, False, APPENDIX_CLAUSE),
    "appendix_title": Element("tên Phụ lục", Range(13, 14, 14), True, False, APPENDIX_CLAUSE),
    "appendix_reference": Element(
        "dòng “Kèm theo”", Range(13, 14, 14), None, True, APPENDIX_CLAUSE
    ),
    "letter_summary": Element("trích yếu công văn", Range(12, 13, 12), False, False, TYPE_CLAUSE),
    "addressee": Element("“Kính gửi”", Range(13, 14, 14), False, False, ADDRESSEE_CLAUSE),
    "part_label": Element(
        "từ “Phần”, “Chương”, “Mục”", Range(13, 14, 14), True, False, PARTS_CLAUSE
    ),
    "part_title": Element(
        "tiêu đề phần, chương, mục", Range(13, 14, 14), True, False, PARTS_CLAUSE
    ),
    "draft_mark": Element("dấu “DỰ THẢO”", Range(13, 14, 13), True, False, PRACTICE),
    "footnote": Element("chú thích", Range(10, 12, 11), None, None, PRACTICE),
    "table": Element("bảng", Range(11, 14, 12), None, None, PRACTICE),
}

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
TYPE = "BÁO CÁO"
ADDRESSEE = "Kính gửi"
LETTER_SUMMARY = "V/v"
FINAL_MARK = "./."
RECIPIENTS_TITLE = "Nơi nhận:"
ARCHIVE = "- Lưu: VT"
DRAFT_MARK = "DỰ THẢO"
DRAFT_LINE = re.compile(r"^dự thảo(?: (?:lần |số )?\d+)?$", re.IGNORECASE)
"""A draft's mark, at the top left of its first page (practice): ``DỰ THẢO``,
``Dự thảo lần 2``."""
PENDING_MARK = "CHỜ SỐ LIỆU"
"""Opens what a draft prints for a figure still awaited: ``[CHỜ SỐ LIỆU: Tỷ lệ …]``."""
AUTHORITY_PREFIXES = ("KT.", "TM.", "Q.", "TL.", "TUQ.")
APPENDIX_LABEL = re.compile(r"^Phụ lục(?: ([IVXLC]+|\d+))?$")
APPENDIX_REFERENCE = re.compile(r"^\(Kèm theo .+\)$")

BODY_INDENTS = (10.0, 12.7)
"""First-line indent of body paragraphs: 1 cm or 1,27 cm."""
BODY_INDENT = 12.7
BODY_SPACE_AFTER = Range(6, 24, 6)
BODY_LINE_SPACING = Range(1.0, 1.5, 1.2)
"""Multiple of a single line; exact spacings are read back as a multiple of the size."""

AGENCY_RULE = Range(1 / 3, 1 / 2, 0.4)
"""Length of the rule under the issuing agency, as a share of the agency line."""
SUMMARY_RULE = Range(1 / 3, 1 / 2, 0.4)
"""Length of the rule under the summary line, as a share of its longest line."""
MOTTO_RULE_TOLERANCE = 0.05
"""The rule under the motto is as long as the motto, within 5 %."""
