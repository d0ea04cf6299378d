"""Write observations into a year file's text, keeping every other byte as it was.

The file is edited line by line at places ruamel.yaml locates: a metric's
``pending: true`` line becomes its ``observations``; an observation of the same
date is replaced; a new date is added after the last observation; a new source
is added after the last one. Comments, blank lines, key order and quoting elsewhere
are untouched, so ``git diff`` shows only the figures. The result is read back and
every figure checked before anything is written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..errors import DataError, Problem
from ..metrics.printing import observation_text
from ..model.year import Metric, Observation, SourceRef


@dataclass
class Entry:
    """One figure read from a form, for one metric."""

    metric: Metric
    where: str
    as_of: str
    value: int | float | None = None
    numerator: int | float | None = None
    denominator: int | float | None = None
    source: str = ""
    quote: str | None = None

    def observation(self, default_quote: str) -> Observation:
        return Observation(
            as_of=self.as_of,
            value=self.value,
            numerator=self.numerator,
            denominator=self.denominator,
            source=SourceRef(ref=self.source, quote=self.quote or default_quote),
        )


@dataclass
class Change:
    metric: Metric
    as_of: str
    old: str
    new: str


@dataclass
class Update:
    text: str
    changes: list[Change] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    edits: list[tuple[int, int]] = field(default_factory=list)
    """The lines ``[start, stop)`` of the old text replaced (``start == stop``: added)."""


def _number(value: int | float) -> str:
    if isinstance(value, int):
        return str(value)
    return format(Decimal(repr(value)).normalize(), "f")


def _same(obs: Observation, entry: Entry) -> bool:
    return (
        obs.value == entry.value
        and obs.numerator == entry.numerator
        and obs.denominator == entry.denominator
        and obs.text is None
        and obs.source.ref == entry.source
        and (entry.quote is None or obs.source.quote == entry.quote)
    )


def _item_lines(entry: Entry, quote: str, dash: int) -> list[str]:
    pad = " " * dash
    lines = [f'{pad}- as_of: "{entry.as_of}"']
    for key in ("value", "numerator", "denominator"):
        value = getattr(entry, key)
        if value is not None:
            lines.append(f"{pad}  {key}: {_number(value)}")
    quoted = json.dumps(quote, ensure_ascii=False)
    lines.append(f"{pad}  source: {{ref: {entry.source}, quote: {quoted}}}")
    return lines


def _span(lines: list[str], start: int, outer: int) -> int:
    """The line after the node starting at ``start``: the lines indented deeper than
    ``outer`` that follow it, without the blank and comment lines at their end."""
    end = start + 1
    last = start
    while end < len(lines):
        stripped = lines[end].strip()
        indent = len(lines[end]) - len(lines[end].lstrip(" "))
        if stripped and not stripped.startswith("#"):
            if indent <= outer:
                break
            last = end
        end += 1
    return last + 1


def _comments_inside(lines: list[str], start: int, stop: int) -> list[str]:
    return [line for line in lines[start:stop] if line.strip().startswith("#")]


def apply_entries(
    text: str, entries: list[Entry], new_sources: dict[str, str], default_quote: dict[str, str]
) -> Update:
    """The year file ``text`` with ``entries`` written; unchanged figures are left alone."""
    from .rollover import _yaml

    document = _yaml().load(text)
    lines = text.split("\n")
    edits: list[tuple[int, int, list[str]]] = []
    update = Update(text)
    nodes = {m.get("id"): m for m in document.get("metrics") or []}
    for entry in entries:
        metric, node = entry.metric, nodes[entry.metric.id]
        existing = [i for i, o in enumerate(metric.observations) if o.as_of == entry.as_of]
        quote = entry.quote or default_quote[entry.where]
        new = entry.observation(quote)
        if existing and _same(metric.observations[existing[-1]], entry):
            if "pending" in node:
                pending = node.lc.key("pending")[0]
                edits.append((pending, pending + 1, []))
            continue
        old = _old_text(metric, existing)
        update.changes.append(Change(metric, entry.as_of, old, observation_text(metric, new)))
        seq = node.get("observations")
        if seq is None or not len(seq):
            line, column = node.lc.key("pending") if "pending" in node else _after(node, lines)
            block = [" " * column + "observations:", *_item_lines(entry, quote, column + 2)]
            stop = line + 1 if "pending" in node else line
            edits.append((line, stop, block))
            continue
        if "pending" in node:
            pending = node.lc.key("pending")[0]
            edits.append((pending, pending + 1, []))
        dash = _dash_column(lines, seq.lc.item(0)[0])
        if existing:
            start = _item_start(lines, seq.lc.item(existing[-1])[0])
            stop = _span(lines, start, dash)
            kept = _comments_inside(lines, start + 1, stop)
            edits.append((start, stop, kept + _item_lines(entry, quote, dash)))
        else:
            start = _item_start(lines, seq.lc.item(len(seq) - 1)[0])
            stop = _span(lines, start, dash)
            edits.append((stop, stop, _item_lines(entry, quote, dash)))
    if new_sources:
        sources = document["sources"]
        last_key = list(sources.keys())[-1]
        line, column = sources.lc.key(last_key)
        stop = _span(lines, line, column)
        added = [
            f"{' ' * column}{k}: {json.dumps(v, ensure_ascii=False)}"
            for k, v in new_sources.items()
        ]
        edits.append((stop, stop, added))
        update.sources = list(new_sources)
    update.edits = [(start, stop) for start, stop, _lines in edits]
    for start, stop, replacement in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        lines[start:stop] = replacement
    update.text = "\n".join(lines)
    return update


def _item_start(lines: list[str], line: int) -> int:
    """The line of a sequence item's dash (ruamel gives the line of its first key)."""
    while line > 0 and not lines[line].lstrip().startswith("-"):
        line -= 1
    return line


def _dash_column(lines: list[str], line: int) -> int:
    start = _item_start(lines, line)
    return len(lines[start]) - len(lines[start].lstrip(" "))


def _after(node: Any, lines: list[str]) -> tuple[int, int]:
    """Where a new key goes at the end of a metric's mapping: (line, column)."""
    last_key = list(node.keys())[-1]
    line, column = node.lc.key(last_key)
    return _span(lines, line, column), column


def _old_text(metric: Metric, existing: list[int]) -> str:
    if existing:
        try:
            return observation_text(metric, metric.observations[existing[-1]])
        except Exception:  # noqa: BLE001 - a text-only observation: its words
            return metric.observations[existing[-1]].text or ""
    if metric.pending:
        return "chờ số liệu"
    return "(chưa có số liệu của ngày này)"


def confirm(data: Any, entries: list[Entry], path: str) -> None:
    """Every figure written is read back as typed, or nothing is written."""
    wrong = []
    for entry in entries:
        metric = data.metric(entry.metric.id)
        found = [o for o in metric.observations if o.as_of == entry.as_of] if metric else []
        if not found or not _same(found[-1], entry) or (metric and metric.pending):
            wrong.append(
                Problem(path, None, None, f"không ghi được số liệu của «{entry.metric.name}»")
            )
    if wrong:
        raise DataError(wrong)
