"""Heading numbers and how each level prints, as a report's front matter chooses.

``Phần I``, ``Chương I``, ``Mục 1`` stand on a line of their own above the title
(Phụ lục I, Phần I, mục II.6.đ); ``Điều 1.``, ``I.`` Roman, ``1.`` Arabic, ``1.1.``
Arabic under the parent's number, ``a)`` letters, ``(1)`` Arabic in parentheses, ``-``
and ``+`` marks stand before the title; ``none`` for titles that carry their own
numbers. The style of a level follows its number, as the decree sets it out (I. bold
capitals, 1. bold, a) upright), unless the front matter says otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..formatting import to_letter, to_roman
from ..model.report import HeadingLevel, Numbering, number_style

TYPED_NUMBER = re.compile(
    r"^\s*(?:[IVXLCDM]+\.|\d+(?:\.\d+)*[.)]?|[a-zđ]\)|\(\d+\)|[-+•]|"
    r"(?:phần|chương|mục|điều)\s+[IVXLCDM\d]+\.?)\s",
    re.IGNORECASE,
)
"""A title that starts with its own number (``I. VỀ …``, ``2.1. …``, ``a) …``, ``Phần I``)."""

OWN_LINE = {"Phần I": "Phần", "Chương I": "Chương", "Mục 1": "Mục"}
"""Numbers printed on a line of their own, centred, above a centred title in capitals."""
RUNNING = ("Chương I", "Điều 1.")
"""Numbers that run on through the whole document: chapters across parts, articles
across chapters and sections (a section starts again at Mục 1 in each chapter)."""


@dataclass(frozen=True)
class HeadingFormat:
    bold: bool
    italic: bool
    caps: bool


BOLD_CAPS = HeadingFormat(True, False, True)
BOLD = HeadingFormat(True, False, False)
UPRIGHT = HeadingFormat(False, False, False)
ITALIC = HeadingFormat(False, True, False)
FORMATS = {
    "Phần I": BOLD_CAPS,
    "Chương I": BOLD_CAPS,
    "Mục 1": BOLD_CAPS,
    "Điều 1.": BOLD,
    "I.": BOLD_CAPS,
    "1.": BOLD,
    "1.1.": BOLD,
    "a)": UPRIGHT,
    "(1)": ITALIC,
    "-": UPRIGHT,
    "+": UPRIGHT,
}
"""Phụ lục I, Phần I, mục V (the table of examples): a part's or a section's title in
bold capitals, a numbered clause with a title in bold, a point upright."""
BY_DEPTH = [BOLD, BOLD, UPRIGHT, ITALIC]
"""A level without a number (``none``) prints as the depth it stands at."""


def label(style: str, counts: list[int]) -> str:
    """The number of a heading with ``counts`` (its own count last) in ``style``; a
    number on a line of its own has no trailing space."""
    own = counts[-1]
    if style in ("Phần I", "Chương I"):
        return f"{OWN_LINE[style]} {to_roman(own)}"
    if style == "Mục 1":
        return f"Mục {own}"
    if style == "Điều 1.":
        return f"Điều {own}. "
    if style == "I.":
        return f"{to_roman(own)}. "
    if style == "1.":
        return f"{own}. "
    if style == "1.1.":
        parent = counts[-2] if len(counts) > 1 else None
        return f"{parent}.{own}. " if parent else f"{own}. "
    if style == "a)":
        return f"{to_letter(own)}) "
    if style == "(1)":
        return f"({own}) "
    if style in ("-", "+"):
        return f"{style} "
    return ""


class HeadingNumbers:
    """Counts headings level by level; a heading resets every deeper level."""

    def __init__(self, levels: Sequence[Numbering | str]):
        self.levels = list(levels)
        self.counts: list[int] = []
        self.running: dict[int, int] = {}

    def style(self, level: int) -> str:
        if level <= len(self.levels):
            return number_style(self.levels[level - 1])
        return "none"

    def own_line(self, level: int) -> bool:
        """Whether the number stands on a line of its own above the title."""
        return self.style(level) in OWN_LINE

    def format(self, level: int) -> HeadingFormat:
        style = self.style(level)
        default = FORMATS.get(style) or BY_DEPTH[min(level, len(BY_DEPTH)) - 1]
        typed = self.levels[level - 1] if level <= len(self.levels) else None
        if not isinstance(typed, HeadingLevel):
            return default
        return HeadingFormat(
            default.bold if typed.bold is None else typed.bold,
            default.italic if typed.italic is None else typed.italic,
            default.caps if typed.caps is None else typed.caps,
        )

    def next(self, level: int) -> str:
        while len(self.counts) < level:
            self.counts.append(0)
        del self.counts[level:]
        self.counts[level - 1] += 1
        if self.style(level) in RUNNING:
            self.running[level] = self.running.get(level, 0) + 1
            self.counts[level - 1] = self.running[level]
        return label(self.style(level), self.counts)


def starts_with_number(title: str) -> bool:
    return bool(TYPED_NUMBER.match(title))
