"""Prose: text with ``[[metric]]`` references and ``[^footnote]`` markers, split into
segments (``str`` or ``FootnoteMark``) with every figure already formatted.

Shared by the report context and the reporting units' context; knows nothing of
Word.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import UnresolvedReference
from .model import REFERENCE, YearData
from .references import Resolver, YearLookup
from .units import UnitScope


@dataclass(frozen=True)
class FootnoteMark:
    number: int


Segment = str | FootnoteMark
Paragraph = list[Segment]


@dataclass
class Footnotes:
    """The footnotes of one document, numbered 1, 2, 3… as they are first met."""

    definitions: dict[str, str]
    notes: list[tuple[int, str]] = field(default_factory=list)
    used_keys: set[str] = field(default_factory=set)

    def mark(self, key: str, where: str) -> FootnoteMark:
        if key not in self.definitions:
            raise UnresolvedReference(f"{where}: không có chú thích '{key}' trong 'footnotes'")
        number = len(self.notes) + 1
        self.notes.append((number, self.definitions[key]))
        self.used_keys.add(key)
        return FootnoteMark(number)


@dataclass
class TextBuilder:
    """Turns a scope's text into segments: references through ``resolver``, footnote
    markers numbered by ``footnotes`` (shared by every scope of one document)."""

    resolver: Resolver
    footnotes: Footnotes

    def segments(self, text: str, where: str) -> Paragraph:
        """Split ``text`` into text and footnote marks, formatting metric references."""
        if "[" not in text:
            return [text] if text else []
        out: Paragraph = []
        buffer: list[str] = []
        position = 0
        for match in REFERENCE.finditer(text):
            buffer.append(text[position : match.start()])
            metric_id, fmt, footnote = match.groups()
            if footnote:
                out.append("".join(buffer))
                buffer = []
                out.append(self.footnotes.mark(footnote, where))
            else:
                buffer.append(self.resolver.resolve(metric_id, fmt, where))
            position = match.end()
        buffer.append(text[position:])
        out.append("".join(buffer))
        return [s for s in out if s != ""]

    def paragraphs(self, text: str, where: str) -> list[Paragraph]:
        """A cell or block may hold several lines: one paragraph per line."""
        return [self.segments(line, where) for line in text.split("\n") if line.strip()]


class YearReferences:
    """The resolvers of one year's data: the year's own and one per reporting unit
    (``[[id]]`` inside ``units[i]`` names that unit's metrics). Built once by
    validation and reused by the documents, so each reference is formatted once."""

    def __init__(self, data: YearData, earlier: YearLookup | None = None):
        self.data = data
        self.year = Resolver(data, earlier)
        self._units: dict[int, Resolver] = {}
        self._earlier = earlier

    def for_unit(self, index: int) -> Resolver:
        """The resolver of ``units[index]``; index 0 is the file's own unit."""
        if index == 0:
            return self.year
        resolver = self._units.get(index)
        if resolver is None:
            resolver = Resolver(UnitScope(self.data.units[index], self.data.year), self._earlier)
            self._units[index] = resolver
        return resolver
