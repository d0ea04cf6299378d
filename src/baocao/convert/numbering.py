"""The numbers Word prints before a paragraph of an automatic list (numbering.xml),
counted the way Word counts them, and the numbers typed by hand at a paragraph's start.

Word counts each list through the document: a paragraph at a level adds one to that
level and starts every deeper level again. Lists that share an abstract list count on
together, unless a list restarts a level (``startOverride``). The number is the level's
text (``%1.``, ``%1.%2.``, ``-``) with each ``%n`` the count of level n in that level's
format (``upperRoman`` I, II; ``lowerLetter`` a, b…).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..formatting import to_roman
from ..kiemtra.facts import DocumentFacts, NumberLevel, Paragraph

BULLET_MARKS = {"-": "-", "–": "-", "—": "-", "+": "+"}
"""Bullet glyphs printed as they are; any other (•, , o…) prints ``-`` at the first
level and ``+`` below it, as the decree's practice writes them."""


def _letters(number: int, upper: bool) -> str:
    """Word's letters: a…z, then aa, bb…"""
    letter = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
    return letter.upper() if upper else letter


def format_count(number: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return to_roman(number) if number > 0 else str(number)
    if fmt == "lowerRoman":
        return to_roman(number).lower() if number > 0 else str(number)
    if fmt in ("upperLetter", "lowerLetter"):
        return _letters(number, fmt == "upperLetter") if number > 0 else str(number)
    if fmt == "decimalZero":
        return f"{number:02d}"
    if fmt == "none":
        return ""
    return str(number)


@dataclass(frozen=True)
class AutoNumber:
    """A paragraph's automatic number as printed, and whether it is a bullet."""

    text: str
    bullet: bool


def auto_numbers(facts: DocumentFacts) -> dict[int, AutoNumber]:
    """The automatic number of each numbered paragraph of the body (tables included),
    by ``id`` of the paragraph."""
    counts: dict[str, dict[int, int]] = {}
    found: dict[int, AutoNumber] = {}
    for paragraph in facts.paragraphs():
        if paragraph.numbering is None:
            continue
        num_id, depth = paragraph.numbering
        levels = facts.numbering.get(num_id)
        if not levels or depth not in levels:
            continue
        key = facts.list_of.get(num_id, num_id)
        found[id(paragraph)] = _count(levels, depth, counts.setdefault(key, {}))
    return found


def _count(levels: dict[int, NumberLevel], depth: int, counts: dict[int, int]) -> AutoNumber:
    level = levels[depth]
    counts[depth] = counts.get(depth, level.start - 1) + 1
    for deeper in [d for d in counts if d > depth]:
        del counts[deeper]
    if level.format == "bullet":
        mark = level.text.strip()
        return AutoNumber(BULLET_MARKS.get(mark, "-" if depth == 0 else "+"), True)

    def number(match: re.Match[str]) -> str:
        wanted = int(match.group(1)) - 1
        at = levels.get(wanted)
        value = counts.get(wanted, at.start if at else 1)
        return format_count(value, at.format if at else "decimal")

    return AutoNumber(re.sub(r"%(\d)", number, level.text), False)


TYPED = [
    ("Phần I", re.compile(r"^phần\s+(?P<n>[IVXLCDM]+)\.?$", re.IGNORECASE)),
    ("Chương I", re.compile(r"^chương\s+(?P<n>[IVXLCDM]+)\.?$", re.IGNORECASE)),
    ("Mục 1", re.compile(r"^mục\s+(?P<n>\d+)\.?$", re.IGNORECASE)),
    ("Điều 1.", re.compile(r"^(?P<n>điều\s+\d+\.)\s*", re.IGNORECASE)),
    ("1.1.1.", re.compile(r"^(?P<n>\d+\.\d+\.\d+\.?)\s+")),
    ("1.1.", re.compile(r"^(?P<n>\d+\.\d+\.?)\s+")),
    ("1.", re.compile(r"^(?P<n>\d+\.)\s+")),
    ("1)", re.compile(r"^(?P<n>\d+\))\s+")),
    ("I.", re.compile(r"^(?P<n>[IVXLC]+\.)\s+")),
    ("a)", re.compile(r"^(?P<n>[a-zđ]\))\s+")),
    ("a.", re.compile(r"^(?P<n>[a-zđ]\.)\s+")),
    ("(1)", re.compile(r"^(?P<n>\(\d+\))\s+")),
    ("-", re.compile(r"^(?P<n>[-–—])\s+")),
    ("+", re.compile(r"^(?P<n>\+)\s+")),
    ("•", re.compile(r"^(?P<n>[•·▪◦○●■□➢✓*])\s*")),
]
"""Numbers typed at a paragraph's start, most specific first; a part's, chapter's or
section's number stands alone on its line."""
OWN_LINE = ("Phần I", "Chương I", "Mục 1")
ROMAN = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")


@dataclass(frozen=True)
class Typed:
    """A number typed at the start of a paragraph: its kind (``I.``, ``1.``, ``a)``…),
    the number as typed, and how many characters of the text it takes, its space
    included."""

    kind: str
    number: str
    length: int


def typed_number(text: str) -> Typed | None:
    """The number typed at the start of ``text`` (already free of repeated spaces)."""
    for kind, pattern in TYPED:
        found = pattern.match(text)
        if found is None:
            continue
        number = found.group("n") if "n" in pattern.groupindex else found.group(0)
        if kind in OWN_LINE:
            number = found.group(0)
        if kind in ("I.", "Phần I", "Chương I") and not ROMAN.match(
            found.group("n").rstrip(".").upper()
        ):
            continue
        return Typed(kind, number.strip(), found.end())
    return None


def is_own_line(paragraph: Paragraph) -> bool:
    found = typed_number(" ".join(paragraph.text.split()))
    return found is not None and found.kind in OWN_LINE
