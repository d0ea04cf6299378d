"""How wide a text is set in Times New Roman: the header's columns and every rule
under a line are measured from it."""

from __future__ import annotations

import unicodedata

from .layout import ELEMENTS, NATIONAL_TITLE, text_width

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
