"""The official layout of a BÁO CÁO and its Phụ lục, as data and small pure functions.

One place for the rules of Nghị định 30/2020/NĐ-CP, Phụ lục I (see
``official-format.md``): the template builder (``render/template_build.py``)
takes its settings from here and ``baocao kiemtra`` checks any .docx against the
same values, so the tool never writes what its own checker rejects.

Lengths are millimetres, font sizes points. A :class:`Size` is the decree's range
with the value this project uses. ``clause`` names where a rule comes from: a
point of Phụ lục I, or ``PRACTICE`` for common usage in the seed reports.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .formatting import _day_month

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

NUMBER_LINE = re.compile(r"^Số:\s*(?P<number>[^/\s]*)\s*/(?P<symbol>\S*)$")
SYMBOL = re.compile(r"^(?P<kind>[A-ZĐ][A-ZĐa-z]*)-[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*$")


@dataclass(frozen=True)
class Kind:
    """A kind of administrative document, and what the decree makes its kind drive."""

    name: str
    """The type name as printed, in capitals (``KẾ HOẠCH``)."""
    abbreviation: str | None
    """Its abbreviation in the symbol (``KH``: ``Số: 05/KH-UBND``), Phụ lục III, mục I;
    ``None`` for a công văn (its symbol is the agency's and the drafting unit's) and for
    a kind the decree does not list."""
    file_prefix: str
    """The start of its file name (``KeHoach_2025_…``)."""
    letter: bool = False
    """A công văn: no type name; its trích yếu ``V/v …`` stands under the number
    (Phụ lục I, Phần I, mục II.5.b)."""
    addressed: bool = False
    """It may carry "Kính gửi" (a tờ trình, a báo cáo to a higher body, a công văn:
    Phụ lục I, Phần I, mục II.9.b)."""
    needs_addressee: bool = False
    """It always carries one (a tờ trình, a công văn)."""


LETTER = "CÔNG VĂN"
KINDS = {
    kind.name: kind
    for kind in (
        Kind("NGHỊ QUYẾT", "NQ", "NghiQuyet"),
        Kind("QUYẾT ĐỊNH", "QĐ", "QuyetDinh"),
        Kind("CHỈ THỊ", "CT", "ChiThi"),
        Kind("QUY CHẾ", "QC", "QuyChe"),
        Kind("QUY ĐỊNH", "QyĐ", "QuyDinh"),
        Kind("THÔNG CÁO", "TC", "ThongCao"),
        Kind("THÔNG BÁO", "TB", "ThongBao"),
        Kind("HƯỚNG DẪN", "HD", "HuongDan"),
        Kind("CHƯƠNG TRÌNH", "CTr", "ChuongTrinh"),
        Kind("KẾ HOẠCH", "KH", "KeHoach"),
        Kind("PHƯƠNG ÁN", "PA", "PhuongAn"),
        Kind("ĐỀ ÁN", "ĐA", "DeAn"),
        Kind("DỰ ÁN", "DA", "DuAn"),
        Kind(TYPE, "BC", "BaoCao", addressed=True),
        Kind("BIÊN BẢN", "BB", "BienBan"),
        Kind("TỜ TRÌNH", "TTr", "ToTrinh", addressed=True, needs_addressee=True),
        Kind("HỢP ĐỒNG", "HĐ", "HopDong"),
        Kind("CÔNG ĐIỆN", "CĐ", "CongDien"),
        Kind("BẢN GHI NHỚ", "BGN", "BanGhiNho"),
        Kind("BẢN THỎA THUẬN", "BTT", "BanThoaThuan"),
        Kind("GIẤY ỦY QUYỀN", "GUQ", "GiayUyQuyen"),
        Kind("GIẤY MỜI", "GM", "GiayMoi"),
        Kind("GIẤY GIỚI THIỆU", "GGT", "GiayGioiThieu"),
        Kind("GIẤY NGHỈ PHÉP", "GNP", "GiayNghiPhep"),
        Kind("PHIẾU GỬI", "PG", "PhieuGui"),
        Kind("PHIẾU CHUYỂN", "PC", "PhieuChuyen"),
        Kind("PHIẾU BÁO", "PB", "PhieuBao"),
        Kind(LETTER, None, "CongVan", letter=True, addressed=True, needs_addressee=True),
    )
}
"""Phụ lục III, mục I: the kinds of administrative documents and their abbreviations;
the công văn (Mẫu 1.5) has none."""
_BY_LETTERS: dict[str, Kind] = {}
"""Each kind by its name without accents (``KeHoach``): ``KE HOACH``, ``Ke hoach``
typed without diacritics, ``ỦY``/``UỶ`` and ``HÓA``/``HOÁ`` spelled either way."""

TYPE_ABBREVIATIONS = {
    name: kind.abbreviation for name, kind in KINDS.items() if kind.abbreviation is not None
}
"""Phụ lục III of the decree: the abbreviation of a document type in its symbol."""


def kind_of(type_name: str) -> Kind:
    """The kind a type name names (``Kế hoạch``, ``KẾ HOẠCH``, ``KE HOACH`` alike);
    another name is a kind of its own with the generic layout (Phụ lục III, Mẫu 1.4)."""
    name = " ".join(unicodedata.normalize("NFC", type_name).split()).upper()
    found = KINDS.get(name) or _BY_LETTERS.get(_camel(name))
    if found is not None:
        return found
    return Kind(name, None, _camel(name) or "VanBan")


def _fill_by_letters() -> None:
    for kind in KINDS.values():
        _BY_LETTERS[_camel(kind.name)] = kind


def _camel(name: str) -> str:
    """``CHƯƠNG TRÌNH`` → ``ChuongTrinh``: ASCII, safe in a file name on every system."""
    words = []
    for word in name.split():
        plain = unicodedata.normalize("NFD", word.replace("Đ", "D").replace("đ", "d"))
        letters = "".join(c for c in plain if c.isascii() and c.isalnum())
        if letters:
            words.append(letters[0].upper() + letters[1:].lower())
    return "".join(words)


DATE = re.compile(r"ngày\s+(?P<day>\S*?)\s*tháng\s+(?P<month>\S*?)\s*năm\s+(?P<year>\d{4})")
PLACE_DATE = re.compile(r"^(?P<place>[^,]+), (?P<date>ngày.*)$")


def number_problem(line: str, kind: Kind | None = None) -> str | None:
    """What is wrong with a ``Số: 05/BC-STTTT`` line for a document of ``kind`` (its
    form only when the kind is not known): its symbol starts with the kind's
    abbreviation, a công văn's with the agency's (Phụ lục I, Phần I, mục II.3.b).

    A blank number (spaces left to fill in by hand at registration) is allowed."""
    kind = kind or Kind("", None, "")
    match = NUMBER_LINE.match(line.strip())
    if not match:
        example = "Số: 05/STTTT-VP" if kind.letter else f"Số: 05/{kind.abbreviation or 'BC'}-…"
        return f"không đúng dạng “{example}” (“Số:”, số, “/”, ký hiệu, không có dấu cách)"
    number, symbol = match.group("number"), match.group("symbol")
    problems = []
    if number and not number.isdigit():
        problems.append(f"số “{number}” không phải là số")
    if number.isdigit() and int(number) < 10 and len(number) != 2:
        problems.append(
            f"số nhỏ hơn 10 phải có số 0 ở trước (“{int(number):02d}”, không phải “{number}”)"
        )
    if number and re.search(rf"{re.escape(number)}\s+/", line):
        problems.append("không để dấu cách giữa số và “/”")
    problem = _symbol_problem(symbol, kind)
    if problem:
        problems.append(problem)
    return "; ".join(problems) or None


def _symbol_problem(symbol: str, kind: Kind) -> str | None:
    symbol_match = SYMBOL.match(symbol)
    if not symbol_match:
        expected = "STTTT-VP" if kind.letter else f"{kind.abbreviation or 'BC'}-…"
        return f"ký hiệu “{symbol}” không đúng dạng “{expected}” (in hoa, nối bằng “-”)"
    first = symbol_match.group("kind")
    if kind.letter and (first in TYPE_ABBREVIATIONS.values() or first == "CV"):
        return (
            f"ký hiệu “{symbol}” của công văn không có chữ viết tắt tên loại (“{first}”): "
            "ký hiệu là chữ viết tắt tên cơ quan và đơn vị soạn thảo, ví dụ “STTTT-VP”"
        )
    if kind.abbreviation and first != kind.abbreviation:
        return (
            f"ký hiệu “{symbol}” phải bắt đầu bằng “{kind.abbreviation}-” (viết tắt của "
            f"“{kind.name.capitalize()}”, {ABBREVIATIONS_CLAUSE})"
        )
    return None


def date_problem(day: str, month: str) -> str | None:
    """The official form: day padded below 10, month padded only for 1 and 2."""
    if day == "" and month == "":
        return None
    if not (day.isdigit() and month.isdigit()):
        return f"ngày “{day}”, tháng “{month}” không phải là số"
    expected = _day_month(int(day), int(month))
    if (day, month) != expected:
        return (
            f"viết “ngày {day} tháng {month}”, đúng là “ngày {expected[0]} tháng {expected[1]}”"
            " (ngày dưới 10 và tháng 1, 2 có số 0 ở trước)"
        )
    return None


def recipient_problem(line: str, last: bool) -> str | None:
    """Each recipient ``- X;``; the last one ``- Lưu: VT, ….`` ending with ``.``."""
    text = line.strip()
    if not text.startswith("- "):
        return "không bắt đầu bằng “- ”"
    if last:
        if not text.startswith(ARCHIVE):
            return "dòng cuối không phải “- Lưu: VT, ….”"
        if not text.endswith("."):
            return "dòng cuối không kết thúc bằng dấu “.”"
    elif not text.endswith(";"):
        return "không kết thúc bằng dấu “;”"
    return None


def authority_problem(lines: list[str]) -> str | None:
    """Authority lines in capitals, prefixes from the decree's list."""
    for line in lines:
        if line != line.upper():
            return f"“{line}” không viết in hoa"
        head = line.split(" ", 1)[0]
        if head.endswith(".") and head not in AUTHORITY_PREFIXES:
            return f"“{head}” không phải là KT., TM., Q., TL. hay TUQ."
    prefixes = [line.split(" ", 1)[0] for line in lines]
    if "TM." in prefixes and prefixes.index("TM.") != 0:
        return "dòng “TM. …” (thay mặt tập thể) đứng trên cùng, trước “KT.”, “Q.”…"
    if "KT." in prefixes and prefixes.index("KT.") == len(lines) - 1:
        return "sau dòng “KT. …” phải có chức vụ của cấp phó ký thay"
    return None


ACADEMIC_TITLE = re.compile(r"^(GS|PGS|TS|ThS|KS|BS|CN|Ths)\.?(\s|\.)", re.IGNORECASE)
"""A title typed before a name: ``TS. Nguyễn Văn A``."""


def agency_problem(line: str) -> str | None:
    """An agency's (or parent agency's) line is in capitals (mục II.2.b)."""
    return "tên cơ quan phải viết in hoa" if line != line.upper() else None


def summary_problem(summary: str, kind: Kind) -> str | None:
    """A trích yếu in lower case, without "V/v" unless the document is a công văn (mục
    II.5.b)."""
    text = " ".join(summary.split())
    if kind.letter:
        text = text[3:] if text[:3].casefold() == LETTER_SUMMARY.casefold() else text
    if any(c.isalpha() for c in text) and text == text.upper():
        return "trích yếu viết chữ thường, không in hoa cả dòng"
    if not kind.letter and text[:3].casefold() == LETTER_SUMMARY.casefold():
        return f"{kind.name.lower() or 'văn bản'} không ghi “V/v” ở trích yếu (chỉ công văn)"
    return None


def signer_problem(name: str) -> str | None:
    """The signer's name: capitalised, not in capitals, no academic title (mục II.7.c)."""
    if ACADEMIC_TITLE.match(name):
        return "không ghi học hàm, học vị trước họ tên người ký"
    if any(c.isalpha() for c in name) and name == name.upper():
        return "họ tên viết chữ thường (chỉ hoa chữ đầu), không in hoa cả dòng"
    return None


ARCHIVE_UNIT = re.compile(r"^-\s*Lưu\s*:\s*VT\s*[,;]\s*\S")


def archive_problem(line: str) -> str | None:
    """The last recipient "- Lưu: VT, <drafting unit>, <copies>." (mục II.9.d): the
    unit is often left out in practice, so this is a note, not an error."""
    if line.strip().startswith(ARCHIVE) and not ARCHIVE_UNIT.match(line.strip()):
        return "dòng “- Lưu: VT” thiếu chữ viết tắt tên đơn vị soạn thảo (ví dụ “- Lưu: VT, VP.”)"
    return None


_WIDTH_CHARS = "".join(chr(c) for c in range(32, 127)) + "\u00a0“”‘’–—…"
_WIDTHS = {
    False: (
        "512 682 836 1024 1024 1706 1593 369 682 682 1024 1155 512 682 512 569 1024 1024 1024 "
        "1024 1024 1024 1024 1024 1024 1024 569 569 1155 1155 1155 909 1886 1479 1366 1366 "
        "1479 1251 1139 1479 1479 682 797 1479 1251 1821 1479 1479 1139 1479 1366 1139 1251 "
        "1479 1479 1933 1479 1479 1251 682 569 682 961 1024 682 909 1024 909 1024 909 682 1024 "
        "1024 569 569 1024 569 1593 1024 1024 1024 1024 682 797 569 1024 1024 1479 1024 1024 "
        "909 983 410 983 1108 512 909 909 682 682 1024 2048 2048"
    ),
    True: (
        "512 682 1137 1024 1024 2048 1706 569 682 682 1024 1167 512 682 512 569 1024 1024 1024 "
        "1024 1024 1024 1024 1024 1024 1024 682 682 1167 1167 1167 1024 1905 1479 1366 1479 "
        "1479 1366 1251 1593 1593 797 1024 1593 1366 1933 1479 1593 1251 1593 1479 1139 1366 "
        "1479 1479 2048 1479 1479 1366 682 569 682 1190 1024 682 1024 1139 909 1139 909 682 "
        "1024 1139 569 682 1139 569 1706 1139 1024 1139 1139 909 797 682 1139 1024 1479 1024 "
        "1024 909 807 451 807 1065 512 1024 1024 682 682 1024 2048 2048"
    ),
}
"""Advance widths (1/2048 em) of Times New Roman, read with fontTools from Liberation
Serif (metric-compatible); a Vietnamese letter is as wide as its base letter."""
_WIDTH_TABLE = {
    bold: dict(zip(_WIDTH_CHARS, map(int, text.split()), strict=True))
    for bold, text in _WIDTHS.items()
}
_SPECIAL = {"đ": "d", "Đ": "D"}


def text_length(text: str, size: float, bold: bool = False) -> float:
    """Width in millimetres of ``text`` set on one line in Times New Roman."""
    table = _WIDTH_TABLE[bool(bold)]
    units = 0
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char):
            continue
        units += table.get(_SPECIAL.get(char, char), 1024)
    return units / 2048 * size / 72 * 25.4


def header_columns() -> tuple[float, float]:
    """Widths (mm) of the header's two columns, with no cell padding. The national title
    is its widest fixed line: its column is as wide as the title plus 1 mm; the agency
    column takes the rest of the text width."""
    size = ELEMENTS["national_title"].size.default
    right = round(text_length(NATIONAL_TITLE, size, bold=True)) + 1
    return text_width() - right, right


_fill_by_letters()
