"""The front matter's ``document`` from the parts ``kiemtra`` finds: the header table
(agency, parent agency, number and symbol, place and date, a công văn's "V/v"), the
type and trích yếu under it, "Kính gửi", and the signature table (recipients,
authority, signer).

A field the document does not have is filled with a placeholder the report still
validates with, and named in the summary as missing, never guessed silently.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from datetime import date
from typing import Any

from .. import decree30
from ..kiemtra.facts import Paragraph
from ..kiemtra.structure import Structure, norm
from .content import Summary

NUMBER = re.compile(r"^Số\s*:?\s*(?P<number>[^/]*?)\s*/\s*(?P<symbol>\S+)\s*$", re.IGNORECASE)
PLACE_DATE = re.compile(r"^(?P<place>[^,]+),\s*(?P<date>ngày.*)$")
ADDRESSEE = re.compile(r"^\s*kính gửi\s*:?\s*", re.IGNORECASE)
PLACEHOLDERS = {
    "agency": "TÊN CƠ QUAN BAN HÀNH",
    "place": "Địa danh",
    "summary": "Trích yếu",
    "authority": "CHỨC VỤ NGƯỜI KÝ",
    "recipients": "Lưu: VT",
}
FIELD_NAMES = {
    "parent_agency": "cơ quan chủ quản",
    "agency": "cơ quan ban hành",
    "number": "số",
    "symbol": "ký hiệu",
    "place": "địa danh",
    "date": "ngày tháng",
    "type": "tên loại",
    "summary": "trích yếu",
    "to": "kính gửi",
    "authority": "thẩm quyền ký",
    "signer": "người ký",
    "recipients": "nơi nhận",
}


def lines_of(paragraphs: list[Paragraph]) -> list[str]:
    """The lines of ``paragraphs``: each paragraph's line breaks kept, spaces as one."""
    out = []
    for paragraph in paragraphs:
        for line in paragraph.text.split("\n"):
            text = norm(line)
            if text:
                out.append(text)
    return out


def document_front(structure: Structure, summary: Summary) -> dict[str, Any]:
    """The ``document`` mapping, keys in the order a report file writes them."""
    found: dict[str, Any] = {}
    header = structure.header
    if header is not None:
        parent, agency = lines_of(header.parent), lines_of(header.agency_lines)
        if _split_name(parent, agency):
            summary.note(
                "phần đầu văn bản",
                f"dòng “{parent[-1]}” không đậm là phần đầu tên cơ quan ban hành “"
                f"{' '.join([parent[-1], *agency])}”, không phải cơ quan chủ quản: ghi cả "
                "hai dòng là tên cơ quan ban hành (in đậm)",
            )
            parent, agency = parent[:-1], [parent[-1], *agency]
        if parent:
            found["parent_agency"] = "\n".join(parent)
        if agency:
            found["agency"] = "\n".join(agency)
    found["type"] = _type(structure)
    _number(structure, found)
    _place_date(structure, found)
    found["summary"] = _summary(structure)
    to = _addressees(structure)
    if to:
        found["to"] = to
    _signature(structure, found)
    for key, value in list(found.items()):
        if value not in (None, "", []):
            summary.header[FIELD_NAMES.get(key, key)] = _shown(value)
    fill(found, summary)
    return found


COUNCILS = ("ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN")
"""Names that say which body, not where: alone on a line they begin a name."""
PLACE_UNIT = re.compile(r"^(?:XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU|HUYỆN|QUẬN|THỊ XÃ|THÀNH PHỐ|TỈNH)\b")


def _split_name(parent: list[str], agency: list[str]) -> bool:
    """``ỦY BAN NHÂN DÂN`` (not bold) above ``XÃ TÂN PHÚ`` (bold): one agency's name on
    two lines, the first typed without bold, not a parent agency (which names its place,
    ``ỦY BAN NHÂN DÂN TỈNH AN GIANG``)."""
    return bool(
        parent
        and agency
        and " ".join(parent[-1].upper().split()) in COUNCILS
        and PLACE_UNIT.match(agency[0].upper())
    )


def _shown(value: Any) -> str:
    if isinstance(value, date):
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return " / ".join(_shown(v) for v in value.values() if v)
    return " ".join(str(value).split())


def _type(structure: Structure) -> str:
    if structure.is_letter:
        return decree30.LETTER
    if structure.type is None:
        return ""
    typed = norm(structure.type.text).upper()
    return decree30.kind_of(typed).name if typed else ""


def _number(structure: Structure, found: dict[str, Any]) -> None:
    header = structure.header
    line = norm(header.number.text) if header is not None and header.number else ""
    match = NUMBER.match(line.replace("\u00a0", " "))
    if match is None:
        return
    number = match.group("number").strip()
    found["number"] = number or None
    found["symbol"] = match.group("symbol")


def _place_date(structure: Structure, found: dict[str, Any]) -> None:
    header = structure.header
    line = norm(header.date.text) if header is not None and header.date else ""
    match = PLACE_DATE.match(line)
    if match is None:
        return
    found["place"] = match.group("place").strip()
    when = decree30.DATE.search(match.group("date"))
    if when is None:
        return
    year, month, day = int(when.group("year")), when.group("month"), when.group("day")
    found["date"] = year
    if day.isdigit() and month.isdigit():
        with contextlib.suppress(ValueError):
            found["date"] = date(year, int(month), int(day))


def _summary(structure: Structure) -> str:
    if structure.is_letter and structure.header is not None:
        text = "\n".join(lines_of(structure.header.letter_summary))
        if text[:3].casefold() == decree30.LETTER_SUMMARY.casefold():
            text = text[3:].lstrip(" :")
        return text
    return "\n".join(lines_of(structure.summary))


def _addressees(structure: Structure) -> list[str]:
    names = []
    for index, line in enumerate(lines_of(structure.addressee)):
        text = ADDRESSEE.sub("", line) if index == 0 else line
        for name in text.split(";"):
            name = name.strip().lstrip("-").strip().rstrip(";.").strip()
            if name:
                names.append(name)
    return names


def _signature(structure: Structure, found: dict[str, Any]) -> None:
    signature = structure.signature
    if signature is None:
        return
    authority = lines_of(signature.authority)
    name = lines_of([signature.signer]) if signature.signer is not None else []
    found["signer"] = {"authority": authority, "name": " ".join(name) or None}
    recipients = []
    for line in lines_of(signature.recipients):
        text = line.strip().lstrip("-–").strip().rstrip(";.").strip()
        if text:
            recipients.append(text)
    found["recipients"] = recipients


def fill(found: dict[str, Any], summary: Summary, signed: bool = True) -> None:
    """Placeholders for what the document lacks, each named in the summary; a Phụ lục
    that is a document of its own (not ``signed``) has no signer nor recipients."""

    def missing(key: str) -> None:
        summary.missing.append(FIELD_NAMES[key])

    if not found.get("agency"):
        found["agency"] = PLACEHOLDERS["agency"]
        missing("agency")
    if not found.get("type"):
        found["type"] = decree30.TYPE
        missing("type")
    kind = decree30.kind_of(found["type"])
    if not found.get("symbol"):
        found["number"] = None
        found["symbol"] = f"{kind.abbreviation or 'CV'}-{_initials(found['agency'])}"
        missing("symbol")
    if not found.get("place"):
        found["place"] = PLACEHOLDERS["place"]
        missing("place")
    if "date" not in found:
        missing("date")
    if not found.get("summary"):
        found["summary"] = PLACEHOLDERS["summary"]
        missing("summary")
    if not signed:
        return
    signer = found.get("signer") or {"authority": [], "name": None}
    if not signer["authority"]:
        signer["authority"] = [PLACEHOLDERS["authority"]]
        missing("authority")
    if not signer["name"]:
        missing("signer")
    found["signer"] = signer
    if not found.get("recipients"):
        found["recipients"] = [PLACEHOLDERS["recipients"]]
        missing("recipients")


def _initials(agency: str) -> str:
    """``SỞ THÔNG TIN VÀ TRUYỀN THÔNG`` → ``STTVTT``: a symbol to correct by hand."""
    words = [w for w in agency.replace("\n", " ").split() if w.isalpha()]
    letters = "".join(w[0] for w in words).upper() or "CQ"
    plain = unicodedata.normalize("NFD", letters.replace("Đ", "D"))
    return "".join(c for c in plain if c.isascii() and c.isalpha()) or "CQ"


def agency_name(agency: str, texts: list[str], reference: str | None) -> tuple[str, bool]:
    """The agency's name as text writes it (``Sở Thông tin và Truyền thông``): from a
    Phụ lục's "(Kèm theo … của X)", else as the body writes it, else guessed from the
    capitals; whether it was found rather than guessed."""
    if reference:
        return reference, True
    wanted = _folded(agency.replace("\n", " "))
    for text in texts:
        folded = _folded(text)
        start = folded.find(wanted)
        if start >= 0 and wanted:
            return _matching(text, start, len(wanted)), True
    words = " ".join(agency.split()).lower()
    return words[:1].upper() + words[1:], False


def _folded(text: str) -> str:
    """Text compared without case, with one spelling of ``uỷ``/``ủy``, ``hoà``/``hòa``."""
    text = unicodedata.normalize("NFC", " ".join(text.split())).casefold()
    for old, new in (("uỷ", "ủy"), ("oà", "òa"), ("oá", "óa"), ("oạ", "ọa"), ("uý", "úy")):
        text = text.replace(old, new)
    return text


def _matching(text: str, start: int, length: int) -> str:
    """The span of ``text`` that folded to ``[start, start + length)`` (folding keeps
    the length of NFC text with single spaces)."""
    plain = unicodedata.normalize("NFC", " ".join(text.split()))
    return plain[start : start + length]


REFERENCE_AGENCY = re.compile(r"\bcủa\s+(?P<agency>[^()]+?)\)?\s*$")


def reference_agency(line: str) -> str | None:
    """``(Kèm theo Báo cáo số … ngày … của Sở Thông tin và Truyền thông)`` → the agency."""
    text = norm(line)
    if not decree30.APPENDIX_REFERENCE.match(text):
        return None
    found = REFERENCE_AGENCY.search(text)
    return found.group("agency").strip() if found else None
