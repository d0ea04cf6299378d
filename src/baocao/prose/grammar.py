"""The grammar of what text may cite: ``[[metric|format|pad]]``, ``[[tasks:id|done]]``,
``[[units:summary]]`` and ``[^note]``.

Anything that looks like a reference is read by ``parse``: it is either a valid
reference or an error that says what is wrong, never text printed as typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

ID = re.compile(r"^[a-z][a-z0-9_]*$")
LOOKS_LIKE = re.compile(r"\[\[(?P<inner>[^\[\]\n]*)\]\]|\[\^(?P<note>[^\[\]\n]*)\]")
"""``[[…]]`` or ``[^…]`` on one line, whatever is inside (then checked by ``parse``)."""
OPENING = re.compile(r"\[\[|\[\^")
"""An opening ``[[`` left without its ``]]``, or ``[^`` without its ``]``: a reference
or a footnote marker cut short. A lone ``]]`` is ordinary text (``]]>`` in a
quotation), never taken for a reference."""
UNCLOSED = {
    "[[": "'[[' không có ']]' đóng lại (tham chiếu viết trên một dòng)",
    "[^": "'[^' không có ']' đóng lại (chú thích viết liền trên một dòng, ví dụ [^ma_chu_thich])",
}

METRIC_FORMATS = ("number", "counts", "fraction", "numerator", "denominator", "text")
DATED_FORMATS = ("target", "change")
TASK_FORMATS = ("done", "total", "remaining", "rate")
FLAGS = ("pad",)
BLOCKS = ("units:summary",)
TASKS_PREFIX = "tasks:"

FORMAT_HELP = (
    "number, counts, fraction, numerator, denominator, text, target:NĂM, change:NĂM; "
    "thêm |pad để in số dưới 10 có số 0 đứng trước"
)


class ReferenceSyntaxError(ValueError):
    """Text that looks like a reference but is not one."""


@dataclass(frozen=True)
class Reference:
    """One parsed ``[[…]]``: a metric with a format, a task list count, or a block."""

    typed: str
    metric: str | None = None
    task_list: str | None = None
    block: str | None = None
    fmt: str | None = None
    pad: bool | None = None
    """``True`` with ``|pad``; ``None`` leaves it to the report's ``leading_zero``."""


@lru_cache(maxsize=4096)
def parse(inner: str) -> Reference:
    """Read the inside of ``[[…]]``; ``ReferenceSyntaxError`` says what is wrong.
    Remembered: the checks and the documents read each reference several times."""
    typed = f"[[{inner}]]"
    if inner in BLOCKS:
        return Reference(typed, block=inner)
    if inner != inner.strip() or any(" " in part for part in inner.split("|")):
        raise ReferenceSyntaxError(f"'{typed}' có khoảng trắng: viết liền, ví dụ [[ho_so|counts]]")
    name, *options = inner.split("|")
    pad: bool | None = None
    if options and options[-1] in FLAGS:
        pad = True
        options = options[:-1]
    if len(options) > 1:
        raise ReferenceSyntaxError(f"'{typed}' có nhiều hơn một định dạng ({FORMAT_HELP})")
    fmt = options[0] if options else None
    if name.startswith(TASKS_PREFIX):
        task_list = name[len(TASKS_PREFIX) :]
        _check_id(task_list, typed, "mã danh sách nhiệm vụ")
        if fmt not in TASK_FORMATS:
            raise ReferenceSyntaxError(
                f"'{typed}': danh sách nhiệm vụ cần một trong các định dạng "
                f"{', '.join(TASK_FORMATS)} (ví dụ [[tasks:{task_list}|done]])"
            )
        return Reference(typed, task_list=task_list, fmt=fmt, pad=pad)
    _check_id(name, typed, "mã chỉ tiêu")
    if fmt is not None and not _known_format(fmt):
        raise ReferenceSyntaxError(
            f"'{typed}': định dạng '{fmt}' không hợp lệ (dùng: {FORMAT_HELP})"
        )
    return Reference(typed, metric=name, fmt=fmt, pad=pad)


def _known_format(fmt: str) -> bool:
    if fmt in METRIC_FORMATS:
        return True
    head, _, year = fmt.partition(":")
    return head in DATED_FORMATS and len(year) == 4 and year.isdigit()


def _check_id(name: str, typed: str, what: str) -> None:
    if not ID.match(name):
        lowered = name.strip().lower().replace(" ", "_")
        hint = f" (có phải [[{lowered}]]?)" if ID.match(lowered) else ""
        raise ReferenceSyntaxError(
            f"'{typed}': {what} chỉ gồm chữ thường không dấu, số và '_', bắt đầu bằng chữ{hint}"
        )


NOTE_LABEL = re.compile(r"^[a-z0-9][a-z0-9_]*$")
"""A footnote's label: ``[^ctr553]``, or a number as Markdown writers use (``[^2]``)."""


def check_note_label(label: str) -> None:
    if not NOTE_LABEL.match(label):
        raise ReferenceSyntaxError(
            f"chú thích '[^{label}]': mã chú thích chỉ gồm chữ thường không dấu, số và '_'"
        )


@dataclass(frozen=True)
class Found:
    """A reference or marker found in a string, or the problem with it."""

    start: int
    end: int
    reference: Reference | None = None
    note: str | None = None
    error: str | None = None


def scan(text: str) -> Iterator[Found]:
    """Every reference, marker and unclosed ``[[`` in ``text``, in order."""
    if "[" not in text:
        return
    position = 0
    for match in LOOKS_LIKE.finditer(text):
        yield from _stray(text, position, match.start())
        position = match.end()
        inner, note = match.group("inner"), match.group("note")
        try:
            if note is not None:
                check_note_label(note)
                yield Found(match.start(), match.end(), note=note)
            else:
                yield Found(match.start(), match.end(), reference=parse(inner))
        except ReferenceSyntaxError as exc:
            yield Found(match.start(), match.end(), error=str(exc))
    yield from _stray(text, position, len(text))


def _stray(text: str, start: int, end: int) -> Iterator[Found]:
    for match in OPENING.finditer(text, start, end):
        yield Found(match.start(), match.end(), error=UNCLOSED[match.group()])


@dataclass(frozen=True)
class Cited:
    """A reference, marker or error found in one string of a YAML tree."""

    at: tuple[str | int, ...]
    """The path of the string in the tree."""
    whole: str
    """The text found, as typed (``[[id|counts]]``)."""
    occurrence: int
    """How many times the same text stands earlier in the same string."""
    found: Found


def citations(
    node: Any, at: tuple[str | int, ...] = (), skip: frozenset[str] = frozenset()
) -> Iterator[Cited]:
    """Every reference, marker and error in the strings of a YAML tree (mappings,
    lists, strings), in order; keys in ``skip`` are not entered."""
    if isinstance(node, str):
        counts: dict[str, int] = {}
        for found in scan(node):
            whole = node[found.start : found.end]
            occurrence = counts.get(whole, 0)
            counts[whole] = occurrence + 1
            yield Cited(at, whole, occurrence, found)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in skip:
                yield from citations(value, (*at, key), skip)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from citations(value, (*at, index), skip)
