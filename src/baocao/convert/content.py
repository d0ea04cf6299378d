"""What a Word document becomes: plain data between the reader's facts and the files.

A paragraph is a list of ``Span`` (text in a style, a footnote marker, a line break);
the body a list of ``Block``; footnotes their paragraphs by label. ``Summary`` keeps
what was recognised and every paragraph that was not, named as ``kiemtra`` names it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal


@dataclass(frozen=True)
class Span:
    """Text in one style, or a footnote marker (``note``), a line break (``brk``), or
    a figure's reference (``ref``, the inside of ``[[…]]``; ``text`` as it printed)."""

    text: str = ""
    bold: bool = False
    italic: bool = False
    note: str | None = None
    brk: bool = False
    ref: str | None = None

    @property
    def mark(self) -> bool:
        """A footnote marker or a line break: no text of its own."""
        return self.note is not None or self.brk


Spans = list[Span]
BlockKind = Literal["heading", "paragraph", "bullet", "table"]


@dataclass
class Block:
    """A body block: a heading (``level`` 1–4), a paragraph, a bullet (``marker`` ``-``
    or ``+``), or a table (``rows`` of cells, the header row first)."""

    kind: BlockKind
    spans: Spans = field(default_factory=list)
    level: int = 1
    marker: str = ""
    rows: list[list[Spans]] = field(default_factory=list)
    where: str = ""


@dataclass(frozen=True)
class Finding:
    """Something the summary names: where it is in the Word file, and what happened."""

    where: str
    message: str


RECOGNISED = (
    "đoạn văn",
    "đề mục",
    "gạch đầu dòng",
    "chú thích",
    "bảng",
    "dòng bảng",
    "phụ lục",
    "số liệu",
)
"""The things counted, in the order the summary prints them."""


@dataclass
class Summary:
    """What the conversion recognised, what it changed on the way, what it could not."""

    counts: Counter[str] = field(default_factory=Counter)
    header: dict[str, str] = field(default_factory=dict)
    """Each field of the document's header and ending found: its name → what was read."""
    missing: list[str] = field(default_factory=list)
    """Fields of the header and ending not found in the document."""
    notes: list[Finding] = field(default_factory=list)
    """What was changed on the way (tracked changes accepted, comments dropped…)."""
    unrecognised: list[Finding] = field(default_factory=list)
    """Paragraphs that are not in the report: each names where it is."""

    def note(self, where: str, message: str) -> None:
        self.notes.append(Finding(where, message))

    def skip(self, where: str, message: str) -> None:
        self.unrecognised.append(Finding(where, message))


@dataclass
class Converted:
    """A report as converted: its front matter (plain data, in the order it is written),
    its body, its footnotes, and what the conversion saw."""

    front: dict[str, Any]
    blocks: list[Block]
    notes: dict[str, list[Spans]]
    summary: Summary
    year: int | None = None
    """The year of the document's date, when it has one."""


def plain(spans: Spans) -> str:
    """The text of ``spans``, markers left out, line breaks as spaces."""
    return " ".join("".join(" " if s.brk else s.text for s in spans if s.note is None).split())
