"""One paragraph's runs as spans: words Word split across runs joined again, spaces as
one, bold and italic kept, footnote markers in their place.

Word cuts a paragraph into runs wherever an edit, a spell check or a change of style
happened, often in the middle of a word; runs of one style are joined here. Tabs,
non-breaking and repeated spaces become one space, and a style's spaces at its edges
move outside it, so ``**bold **`` never reaches Markdown. A superscript number that is
no footnote of Word is a mark typed by hand: a power after a unit (``m2`` → ``m²``), or
else left out and named in the summary, since kept as text it would glue itself to the
figure before it (``2024¹`` read as ``20241``).
"""

from __future__ import annotations

import re

from ..kiemtra.facts import Paragraph, Run
from .content import Span, Spans, Summary

SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
POWERS = {"2": "²", "3": "³"}
UNIT_BEFORE_POWER = re.compile(r"(?:^|[\s\d])(?:k|c|d|h|m)?m$")
"""``m``, ``km``, ``cm``, ``dm``, ``hm`` ending the text before a raised 2 or 3."""


class NoteLabels:
    """Footnote labels in order of first use: Word's ids become ``1``, ``2``, ``3``…"""

    def __init__(self) -> None:
        self.labels: dict[str, str] = {}

    def label(self, note_id: str) -> str:
        if note_id not in self.labels:
            self.labels[note_id] = str(len(self.labels) + 1)
        return self.labels[note_id]


def spans_of(
    paragraph: Paragraph, labels: NoteLabels | None, summary: Summary, where: str = ""
) -> Spans:
    """The spans of ``paragraph``; footnote markers labelled by ``labels`` (none kept
    without them, as in a footnote's own text)."""
    raw: Spans = []
    for run in paragraph.runs:
        if run.note is not None:
            if labels is not None:
                raw.append(Span(note=labels.label(run.note)))
            continue
        if run.raised and run.text.strip():
            raw.extend(_raised(run, raw, summary, where or paragraph.where))
            continue
        pieces = run.text.split("\n")
        for index, piece in enumerate(pieces):
            if index:
                raw.append(Span(brk=True))
            if piece:
                raw.append(Span(piece, run.bold, run.italic))
    return tidy(raw)


def _raised(run: Run, before: Spans, summary: Summary, where: str) -> Spans:
    text = run.text.strip()
    previous = "".join(s.text for s in before[-3:] if not s.brk and s.note is None)
    if text in POWERS and UNIT_BEFORE_POWER.search(previous):
        return [Span(POWERS[text], run.bold, run.italic)]
    if text.isdigit() or text in ("*", "**", "***"):
        summary.note(
            where,
            f"số “{text}” đặt cao (superscript) giống dấu chú thích gõ tay, không phải chú "
            "thích của Word: đã bỏ khỏi câu; nếu là chú thích, tạo chú thích [^…] trong tệp .md",
        )
        return []
    return [Span(run.text, run.bold, run.italic)]


def tidy(spans: Spans) -> Spans:
    """Spaces as one across spans, none at the ends or around a line break; a style's
    spaces moved outside it; spans of one style joined."""
    out: Spans = []
    for span in spans:
        if span.brk or span.note is not None:
            out.append(span)
            continue
        text = SPACES.sub(" ", span.text)
        if not text:
            continue
        previous = _last_text(out)
        if text.startswith(" ") and (previous is None or previous.endswith(" ")):
            text = text[1:]
        if not text:
            continue
        out.append(Span(text, span.bold, span.italic))
    out = _trim_edges(out)
    return _joined(_unstyled_spaces(out))


def _last_text(spans: Spans) -> str | None:
    for span in reversed(spans):
        if span.brk:
            return None
        if span.note is None:
            return span.text
    return None


def _trim_edges(spans: Spans) -> Spans:
    """No space at the start or end of the paragraph, nor beside a line break."""
    out = list(spans)
    for index, span in enumerate(out):
        if span.brk or span.note is not None:
            continue
        text = span.text
        if index == 0 or out[index - 1].brk:
            text = text.lstrip(" ")
        if index == len(out) - 1 or out[index + 1].brk:
            text = text.rstrip(" ")
        out[index] = Span(text, span.bold, span.italic)
    cleaned = [s for s in out if s.brk or s.note is not None or s.text]
    while cleaned and cleaned[0].brk:
        cleaned.pop(0)
    while cleaned and cleaned[-1].brk:
        cleaned.pop()
    return cleaned


def _unstyled_spaces(spans: Spans) -> Spans:
    """``**bold **`` is no emphasis in Markdown: the spaces at a style's edges, and a
    span of spaces or punctuation alone, go unstyled."""
    out: Spans = []
    for span in spans:
        if span.brk or span.note is not None or not (span.bold or span.italic):
            out.append(span)
            continue
        core = span.text.strip(" ")
        if not any(c.isalnum() for c in core):
            out.append(Span(span.text))
            continue
        lead = span.text[: len(span.text) - len(span.text.lstrip(" "))]
        trail = span.text[len(span.text.rstrip(" ")) :]
        if lead:
            out.append(Span(lead))
        out.append(Span(core, span.bold, span.italic))
        if trail:
            out.append(Span(trail))
    return out


def _joined(spans: Spans) -> Spans:
    out: Spans = []
    for span in spans:
        last = out[-1] if out else None
        if (
            last is not None
            and not (last.brk or span.brk)
            and last.note is None
            and span.note is None
            and (last.bold, last.italic) == (span.bold, span.italic)
        ):
            out[-1] = Span(last.text + span.text, span.bold, span.italic)
        else:
            out.append(span)
    return out
