"""Prose: text with ``[[metric]]`` references and ``[^footnote]`` markers, split into
segments (``str`` or ``FootnoteMark``) with every figure already formatted.

Shared by the report context and the reporting units' context; knows nothing of
Word.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..errors import UnresolvedReference
from ..load.report_file import Inline
from ..metrics.units import UnitScope
from ..model.year import YearData
from .grammar import Reference, ReferenceSyntaxError, parse, scan
from .resolve import Resolver, YearLookup


@dataclass(frozen=True)
class FootnoteMark:
    number: int


@dataclass(frozen=True)
class Styled:
    """Text in bold and/or italic (``**…**``, ``*…*`` in a report)."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class LineBreak:
    """A line break inside a paragraph (two spaces or ``\\`` at the end of a line)."""


Segment = str | Styled | FootnoteMark | LineBreak
Paragraph = list[Segment]
NoteSource = str | list[Inline]
"""A footnote's text: a string from the data, or the inlines of a Markdown definition."""

UNRESOLVED = "[…]"
"""Stands in for a reference that failed while problems are being collected; such a
context is never rendered (the problems stop it)."""


@dataclass
class Footnotes:
    """The footnotes of one document, numbered 1, 2, 3… as they are first met."""

    definitions: Mapping[str, NoteSource]
    notes: list[tuple[int, Paragraph]] = field(default_factory=list)
    used_keys: set[str] = field(default_factory=set)


@dataclass
class TextBuilder:
    """Turns a scope's text into segments: references through ``resolver``, footnote
    markers numbered by ``footnotes`` (shared by every scope of one document).

    With ``problems`` given, a reference that cannot be resolved is recorded there
    and the text goes on, so one pass finds every problem; without it, it raises."""

    resolver: Resolver
    footnotes: Footnotes
    leading_zero: bool = False
    problems: list[str] | None = None

    def fail(self, message: str) -> str:
        if self.problems is None:
            raise UnresolvedReference(message)
        self.problems.append(message)
        return UNRESOLVED

    def mark(self, key: str, where: str) -> FootnoteMark | str:
        source = self.footnotes.definitions.get(key)
        if source is None:
            return self.fail(f"{where}: không có chú thích '[^{key}]' (thêm dòng '[^{key}]: …')")
        number = len(self.footnotes.notes) + 1
        self.footnotes.notes.append((number, []))
        self.footnotes.used_keys.add(key)
        inner = f"{where}: chú thích [^{key}]"
        if isinstance(source, str):
            text = self.segments(source, inner, notes=False)
        else:
            text = self.inline_segments(source, inner, notes=False)
        self.footnotes.notes[number - 1] = (number, text)
        return FootnoteMark(number)

    def reference(self, ref: Reference, where: str) -> str:
        try:
            return self.resolver.reference(ref, where, self.leading_zero)
        except UnresolvedReference as exc:
            return self.fail(str(exc))

    def segments(self, text: str, where: str, notes: bool = True) -> Paragraph:
        """Split ``text`` into text and footnote marks, formatting metric references."""
        if "[" not in text and "]" not in text:
            return [text] if text else []
        out: Paragraph = []
        buffer: list[str] = []
        position = 0
        for found in scan(text):
            buffer.append(text[position : found.start])
            position = found.end
            if found.error is not None:
                buffer.append(self.fail(f"{where}: {found.error}"))
            elif found.note is not None:
                if not notes:
                    buffer.append(self.fail(f"{where}: chú thích không đặt trong chú thích"))
                    continue
                out.append("".join(buffer))
                buffer = []
                out.append(self.mark(found.note, where))
            elif found.reference is not None:
                buffer.append(self.reference(found.reference, where))
        buffer.append(text[position:])
        out.append("".join(buffer))
        return [s for s in out if s != ""]

    def inline_segments(self, inlines: list[Inline], where: str, notes: bool = True) -> Paragraph:
        """Segments of Markdown inlines: styles kept, references and markers resolved."""
        out: Paragraph = []
        for inline in inlines:
            place = f"{where} (dòng {inline.line})" if inline.line else where
            if inline.kind == "break":
                out.append(LineBreak())
            elif inline.kind == "note":
                if not notes:
                    out.append(self.fail(f"{place}: chú thích không đặt trong chú thích"))
                else:
                    out.append(self.mark(inline.text, place))
            else:
                text = inline.text
                if inline.kind == "ref":
                    text = self._inline_reference(inline.text, place)
                else:
                    text = "".join(self._text_checked(text, place))
                if inline.bold or inline.italic:
                    out.append(Styled(text, inline.bold, inline.italic))
                else:
                    out.append(text)
        return _merged(out)

    def _inline_reference(self, inner: str, where: str) -> str:
        try:
            return self.reference(parse(inner), where)
        except ReferenceSyntaxError as exc:
            return self.fail(f"{where}: {exc}")

    def _text_checked(self, text: str, where: str) -> list[str]:
        """Plain Markdown text holds no reference: anything like one left here is an
        error (an undefined ``[^note]``, an unclosed ``[[``)."""
        pieces = []
        position = 0
        for found in scan(text):
            pieces.append(text[position : found.start])
            position = found.end
            if found.note is not None:
                pieces.append(
                    self.fail(
                        f"{where}: chú thích '[^{found.note}]' chưa có nội dung "
                        f"(thêm dòng '[^{found.note}]: …' cuối báo cáo)"
                    )
                )
            else:
                pieces.append(self.fail(f"{where}: {found.error or 'tham chiếu viết sai'}"))
        pieces.append(text[position:])
        return pieces

    def paragraphs(self, text: str, where: str) -> list[Paragraph]:
        """A cell or block may hold several lines: one paragraph per line."""
        return [self.segments(line, where) for line in text.split("\n") if line.strip()]


def _merged(segments: Paragraph) -> Paragraph:
    """Adjacent plain strings joined (Markdown splits text at every special character),
    each run at once: adding them one by one would copy the run each time."""
    out: Paragraph = []
    run: list[str] = []
    for segment in segments:
        if isinstance(segment, str):
            run.append(segment)
            continue
        if any(run):
            out.append("".join(run))
        run = []
        out.append(segment)
    if any(run):
        out.append("".join(run))
    return out


class YearReferences:
    """The resolvers of one year's data: the year's own and one per reporting unit
    (``[[id]]`` inside ``units[i]`` names that unit's metrics). Built once by
    validation and reused by the documents, so each reference is formatted once."""

    def __init__(self, data: YearData, earlier: YearLookup | None = None):
        self.data = data
        self.year = Resolver(data, earlier, data.task_list)
        self._units: dict[int, Resolver] = {}
        self._earlier = earlier

    def for_unit(self, index: int) -> Resolver:
        """The resolver of ``units[index]``; index 0 is the file's own unit."""
        if index == 0:
            return self.year
        resolver = self._units.get(index)
        if resolver is None:
            scope = UnitScope(self.data.units[index], self.data.year)
            resolver = Resolver(scope, self._earlier, self.data.task_list)
            self._units[index] = resolver
        return resolver
