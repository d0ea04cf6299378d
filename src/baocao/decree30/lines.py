"""What is wrong with one typed line of a document's frame: number and symbol, date,
recipients, authority, agency, trích yếu, signer (Phụ lục I, Phần I, mục II)."""

from __future__ import annotations

import re

from ..formatting import _day_month
from .kinds import TYPE_ABBREVIATIONS, Kind
from .layout import ABBREVIATIONS_CLAUSE, ARCHIVE, AUTHORITY_PREFIXES, LETTER_SUMMARY

NUMBER_LINE = re.compile(r"^Số:\s*(?P<number>[^/\s]*)\s*/(?P<symbol>\S*)$")
SYMBOL = re.compile(r"^(?P<kind>[A-ZĐ][A-ZĐa-z]*)-[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*$")


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
