"""Which body paragraphs are headings, at which level, and the numbering scheme of the
front matter that prints their numbers again.

A paragraph is a heading when its style says so (Word's ``Heading 1``…, an outline
level), or when it starts with a number and reads as a title: short, or all bold or
italic, not ending as a sentence does. Levels follow the order numbers nest in the
document ("I." then "1." under it, or "1.1." then "(1)"), not a fixed order. A level
whose numbers are the ones ``numbering`` prints (I., II., …; 1.1., 1.2. under I.…) takes
that style and its titles lose their typed numbers; a level numbered otherwise (a number
skipped, two kinds of number) is ``none`` and its titles keep their numbers as typed.
Bold, italic and capitals of a level are written where they differ from the style's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..documents.numbering import BY_DEPTH, FORMATS, HeadingNumbers
from ..model.report import NUMBERING_STYLES
from .content import Span, Spans
from .items import Item
from .numbering import OWN_LINE

MAX_LEVELS = 4
BULLETS = ("-", "+", "•")
TITLE_WORDS = {"I.": 40, "Phần I": 40, "Chương I": 40, "Mục 1": 40}
"""Longest title of a kind of number; others: ``DEFAULT_TITLE_WORDS``."""
DEFAULT_TITLE_WORDS = 25
SENTENCE_ENDS = (".", ";")
LIST_STYLES = ("BC Bullet", "List Bullet")
"""Styles of list items: a numbered one is an item of a list, not a heading."""


@dataclass
class Heading:
    item: Item
    title: Spans
    key: str
    level: int = 0


@dataclass
class Outline:
    """The headings found, by the ``id`` of their paragraph, and the numbering scheme."""

    headings: dict[int, Heading] = field(default_factory=dict)
    numbering: list[Any] = field(default_factory=list)
    titles_consumed: set[int] = field(default_factory=set)
    """Paragraphs that are the title under a "Phần I" line: part of that heading."""
    demoted: list[Item] = field(default_factory=list)


def reads_as_heading(item: Item) -> bool:
    """A numbered paragraph that reads as a title, not as a sentence."""
    if item.kind in BULLETS or (not item.kind and item.styled is None):
        return False
    if item.paragraph.style.startswith(LIST_STYLES):
        return False
    if item.styled is not None:
        return True
    if item.kind in OWN_LINE:
        return True
    text = item.text
    emphasised = item.paragraph.all_bold() or item.paragraph.all_italic()
    if emphasised and item.words <= 60:
        return True
    limit = TITLE_WORDS.get(item.kind, DEFAULT_TITLE_WORDS)
    return item.words <= limit and not text.endswith(SENTENCE_ENDS)


def find_outline(items: list[Item]) -> Outline:
    """The headings among ``items`` (in document order) and the scheme numbering them."""
    outline = Outline()
    found: list[Heading] = []
    for index, item in enumerate(items):
        if id(item.paragraph) in outline.titles_consumed or not reads_as_heading(item):
            continue
        title = _title(item)
        if item.kind in OWN_LINE:
            following = items[index + 1] if index + 1 < len(items) else None
            if following is None or following.kind:
                continue  # "Phần I" with no title under it stays a paragraph
            outline.titles_consumed.add(id(following.paragraph))
            title = [s if s.note else Span(s.text) for s in following.spans]
        key = item.kind or f"h{item.styled}"
        found.append(Heading(item, title, key))
    _levels(found, outline)
    return outline


def _title(item: Item) -> Spans:
    """The title without its typed number; styles of a heading are its level's."""
    return [s if s.note or s.brk else Span(s.text) for s in item.title]


def _levels(found: list[Heading], outline: Outline) -> None:
    depth_of: dict[str, int] = {}
    stack: list[str] = []
    for heading in found:
        if heading.key in stack:
            del stack[stack.index(heading.key) + 1 :]
        else:
            stack.append(heading.key)
        depth_of.setdefault(heading.key, len(stack))
        heading.level = depth_of[heading.key]
    kept = [h for h in found if h.level <= MAX_LEVELS]
    outline.demoted = [h.item for h in found if h.level > MAX_LEVELS]
    levels = max((h.level for h in kept), default=0)
    styles = []
    for level in range(1, levels + 1):
        keys = {h.key for h in kept if h.level == level}
        key = next(iter(keys)) if len(keys) == 1 else "none"
        styles.append(key if key in NUMBERING_STYLES and key != "none" else "none")
    styles = _checked(kept, styles)
    for heading in kept:
        if styles[heading.level - 1] == "none" and heading.item.number:
            heading.title = _numbered(heading)
        outline.headings[id(heading.item.paragraph)] = heading
    outline.numbering = [_level_format(kept, level, style) for level, style in enumerate(styles, 1)]


def _checked(headings: list[Heading], styles: list[str]) -> list[str]:
    """Each level's style, or ``none`` where ``numbering`` would print another number
    than the document's."""
    numbers = HeadingNumbers(styles)
    wrong: set[int] = set()
    for heading in headings:
        printed = numbers.next(heading.level).strip()
        if " ".join(printed.split()).casefold() != " ".join(heading.item.number.split()).casefold():
            wrong.add(heading.level)
    return [("none" if level in wrong else style) for level, style in enumerate(styles, 1)]


def _numbered(heading: Heading) -> Spans:
    """A title that keeps its number: typed, it is still in the spans; Word's own
    number goes before them as text."""
    if heading.item.auto or heading.key in OWN_LINE:
        return [Span(f"{heading.item.number} "), *heading.title]
    return [s if s.note or s.brk else Span(s.text) for s in heading.item.spans]


def _level_format(headings: list[Heading], level: int, style: str) -> Any:
    """``style``, or ``{number: style, bold: …}`` where the document's headings of the
    level look otherwise than the style prints them."""
    at = [h for h in headings if h.level == level]
    if style in OWN_LINE or not at:
        return style
    default = FORMATS.get(style) or BY_DEPTH[min(level, len(BY_DEPTH)) - 1]
    paragraphs = [h.item.paragraph for h in at]
    seen = {
        "bold": all(p.all_bold() for p in paragraphs),
        "italic": all(p.all_italic() for p in paragraphs),
        "caps": all(_in_capitals(h.title) for h in at),
    }
    wanted = {"bold": default.bold, "italic": default.italic, "caps": default.caps}
    changes = {key: value for key, value in seen.items() if value != wanted[key]}
    if not default.caps:
        changes.pop("caps", None)  # a title typed in capitals prints as typed
    return {"number": style, **changes} if changes else style


def _in_capitals(title: Spans) -> bool:
    text = "".join(s.text for s in title if not s.note)
    return any(c.isalpha() for c in text) and text == text.upper()
