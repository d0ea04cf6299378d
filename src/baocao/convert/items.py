"""A body paragraph read for its structure: its spans, the number before it (typed,
or Word's automatic one), and what its style says about it being a heading."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..kiemtra.facts import Paragraph
from .content import Span, Spans, plain
from .numbering import AutoNumber, Typed, typed_number

HEADING_STYLE = re.compile(r"^(?:BC\s+)?(?:heading|tiêu đề|đề mục)\s*(\d)$", re.IGNORECASE)
"""Word's ``Heading 1``… (``Tiêu đề 1`` in a Vietnamese Word), and this tool's own
``BC Heading 1``…"""
PART_STYLES = ("BC Part Label", "BC Part Title")


@dataclass
class Item:
    """One paragraph of the body, before it is called a heading, a bullet or text."""

    paragraph: Paragraph
    spans: Spans
    """The paragraph's spans, a typed number included, Word's automatic number not."""
    number: str
    """The number as it prints (``I.``, ``1.``, ``a)``, ``-``), or empty."""
    kind: str
    """What the number is (``I.``, ``1.1.``, ``a)``, ``Phần I``, ``-``…), or empty."""
    cut: int
    """How many characters of ``spans`` the typed number takes (0 for Word's own)."""
    auto: bool
    styled: int | None
    """The heading level its style or outline level gives (1 for Heading 1), if any."""

    @property
    def text(self) -> str:
        return plain(self.spans)

    @property
    def title(self) -> Spans:
        """The spans after a typed number."""
        return cut_spans(self.spans, self.cut)

    @property
    def words(self) -> int:
        return len(self.text.split())


def item_of(paragraph: Paragraph, spans: Spans, auto: AutoNumber | None) -> Item:
    styled = _styled_level(paragraph)
    text = plain(spans)
    if auto is not None and auto.text:
        found = typed_number(f"{auto.text} x")
        kind = found.kind if found else ("-" if auto.bullet else "")
        if auto.bullet:
            kind = auto.text
        return Item(paragraph, spans, auto.text, kind, 0, True, styled)
    typed: Typed | None = typed_number(text)
    if typed is None:
        return Item(paragraph, spans, "", "", 0, False, styled)
    return Item(paragraph, spans, typed.number, typed.kind, typed.length, False, styled)


def _styled_level(paragraph: Paragraph) -> int | None:
    found = HEADING_STYLE.match(paragraph.style.strip())
    if found:
        return int(found.group(1))
    if paragraph.style in PART_STYLES:
        return 1
    if paragraph.outline is not None and paragraph.outline < 9:
        return paragraph.outline + 1
    return None


def cut_spans(spans: Spans, count: int) -> Spans:
    """``spans`` without their first ``count`` characters of text (then no leading space)."""
    out: Spans = []
    left = count
    for span in spans:
        if left <= 0 or span.note is not None or span.brk:
            if left > 0 and span.brk:
                left -= 1
                continue
            out.append(span)
            continue
        if len(span.text) <= left:
            left -= len(span.text)
            continue
        out.append(Span(span.text[left:], span.bold, span.italic))
        left = 0
    if out and out[0].note is None and not out[0].brk:
        first = out[0]
        out[0] = Span(first.text.lstrip(" "), first.bold, first.italic)
        if not out[0].text:
            out.pop(0)
    return out
