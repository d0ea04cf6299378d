"""Heading numbers: one style per level, as a report's front matter chooses.

``I.`` Roman, ``1.`` Arabic, ``1.1.`` Arabic under the parent's number, ``a)``
letters, ``(1)`` Arabic in parentheses, ``-`` and ``+`` marks, ``none`` for titles
that carry their own numbers.
"""

from __future__ import annotations

import re

from ..formatting import to_letter, to_roman

TYPED_NUMBER = re.compile(
    r"^\s*(?:[IVXLCDM]+\.|\d+(?:\.\d+)*[.)]?|[a-zđ]\)|\(\d+\)|[-+•])\s", re.IGNORECASE
)
"""A title that starts with its own number (``I. VỀ …``, ``2.1. …``, ``a) …``, ``(1) …``)."""


def label(style: str, counts: list[int]) -> str:
    """The number of a heading with ``counts`` (its own count last) in ``style``."""
    own = counts[-1]
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

    def __init__(self, styles: list[str]):
        self.styles = styles
        self.counts: list[int] = []

    def style(self, level: int) -> str:
        if level <= len(self.styles):
            return self.styles[level - 1]
        return "none"

    def next(self, level: int) -> str:
        while len(self.counts) < level:
            self.counts.append(0)
        del self.counts[level:]
        self.counts[level - 1] += 1
        return label(self.style(level), self.counts)


def starts_with_number(title: str) -> bool:
    return bool(TYPED_NUMBER.match(title))
