"""The kinds of administrative documents (Phụ lục III, mục I) and what the decree
makes a kind drive: its abbreviation, file name, title block and "Kính gửi"."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .layout import TYPE


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


_fill_by_letters()


TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
"""The five tone marks of Vietnamese (huyền, sắc, ngã, hỏi, nặng), as combining marks."""


def _spelling(word: str) -> tuple[str, str]:
    """A word's letters (with ^, ˘, ˀ and đ) and its tone, the tone's place aside:
    ``THỎA`` and ``THOẢ`` spell the same word, ``TO`` and ``TỜ`` do not."""
    letters: list[str] = []
    tones: list[str] = []
    for char in unicodedata.normalize("NFD", word):
        (tones if char in TONE_MARKS else letters).append(char)
    return unicodedata.normalize("NFC", "".join(letters)), "".join(sorted(tones))


def type_problem(type_name: str) -> str | None:
    """A type name that names a kind of the decree but is spelled without (or with
    other) accents (``TO TRINH``, ``TỜ TRINH``): printed as typed, it would put a
    misspelt title on the document."""
    typed = " ".join(unicodedata.normalize("NFC", type_name).split()).upper()
    kind = kind_of(typed)
    if kind.name not in KINDS or typed == kind.name:
        return None
    words, right = typed.split(), kind.name.split()
    if len(words) == len(right) and all(
        _spelling(a) == _spelling(b) for a, b in zip(words, right, strict=True)
    ):
        return None
    return f"tên loại “{typed}” viết sai hoặc thiếu dấu: đúng là “{kind.name}”"
