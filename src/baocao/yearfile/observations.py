"""Write figures read from forms into a year file's text, keeping every other byte.

A metric's ``pending: true`` line becomes its ``observations`` (and its evaluation,
when it has a target: the evaluation follows the figure); an observation of the same
date is replaced; a new date is added after the last observation; a new source is
added after the last one. Each figure carries where it came from (``collected``).
Comments, blank lines, key order and quoting elsewhere are untouched, so ``git diff``
shows only the figures. The result is read back and every figure checked before
anything is written (``confirm``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal

from ..errors import DataError, Problem
from ..metrics.evaluation import evaluation_of
from ..metrics.printing import observation_text
from ..model.agencies import Collected
from ..model.year import Metric, Observation, SourceRef, YearData
from .lines import LineEditor, scalar


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
    collected: Collected | None = None

    @property
    def figure(self) -> tuple[int | float | None, ...]:
        return (self.value, self.numerator, self.denominator)

    def observation(self, default_quote: str) -> Observation:
        return Observation(
            as_of=self.as_of,
            value=self.value,
            numerator=self.numerator,
            denominator=self.denominator,
            source=SourceRef(ref=self.source, quote=self.quote or default_quote),
            collected=self.collected,
        )


@dataclass
class Change:
    metric: Metric
    as_of: str
    old: str
    new: str
    evaluation: str | None = None
    """The evaluation written with the figure, when it changed."""


def _number(value: int | float) -> str:
    if isinstance(value, int):
        return str(value)
    return format(Decimal(repr(value)).normalize(), "f")


def same_figure(obs: Observation, entry: Entry) -> bool:
    """The observation holds the entry's figure, from the same source: nothing to write."""
    return (
        (obs.value, obs.numerator, obs.denominator) == entry.figure
        and obs.text is None
        and obs.source.ref == entry.source
        and (entry.quote is None or obs.source.quote == entry.quote)
    )


def collected_text(collected: Collected) -> str:
    cell = f", cell: {scalar(collected.cell)}" if collected.cell else ""
    return (
        f"{{agency: {collected.agency}, form: {json.dumps(collected.form, ensure_ascii=False)}"
        f"{cell}, date: {collected.date.isoformat()}}}"
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
    if entry.collected is not None:
        lines.append(f"{pad}  collected: {collected_text(entry.collected)}")
    return lines


def write_figures(
    editor: LineEditor, data: YearData, entries: list[Entry], default_quote: dict[str, str]
) -> list[Change]:
    """Edit ``editor``'s text so that it holds every entry; the figures that changed."""
    positions = {m.id: i for i, m in enumerate(data.metrics)}
    grouped: dict[str, list[Entry]] = {}
    for entry in entries:
        grouped.setdefault(entry.metric.id, []).append(entry)
    changes: list[Change] = []
    for metric_id, found in grouped.items():
        index = positions[metric_id]
        changes += _write_metric(editor, index, data.metrics[index], found, default_quote, data)
    return changes


def _write_metric(
    editor: LineEditor,
    index: int,
    metric: Metric,
    entries: list[Entry],
    default_quote: dict[str, str],
    data: YearData,
) -> list[Change]:
    path = ("metrics", index)
    node = editor.node(path)
    observations = list(metric.observations)
    changed: list[tuple[Entry, Observation, int | None]] = []
    changes: list[Change] = []
    for entry in entries:
        existing = [i for i, o in enumerate(metric.observations) if o.as_of == entry.as_of]
        at = existing[-1] if existing else None
        if at is not None and same_figure(metric.observations[at], entry):
            continue
        new = entry.observation(entry.quote or default_quote[entry.where])
        changes.append(Change(metric, entry.as_of, _old_text(metric, at), _text(metric, new)))
        changed.append((entry, new, at))
        if at is None:
            observations.append(new)
        else:
            observations[at] = new
    if "pending" in node and metric.observations:  # else the observations replace it
        start, stop, _column = editor.key_span(path + ("pending",))
        editor.replace(start, stop, [])
    if not changed:
        return changes
    judged = metric.model_copy(update={"observations": observations, "pending": False})
    evaluation = evaluation_of(judged, data.year)
    if evaluation is not None and evaluation != metric.evaluation:
        changes[-1].evaluation = evaluation
    else:
        evaluation = None
    if metric.observations:
        _replace_observations(editor, path, changed, evaluation)
    else:
        _first_observations(editor, path, node, changed, evaluation)
    return changes


def _key_column(editor: LineEditor, path: tuple[str | int, ...], node: dict[str, object]) -> int:
    return editor.key_place(path + (next(iter(node)),))[1]


def _first_observations(
    editor: LineEditor,
    path: tuple[str | int, ...],
    node: dict[str, object],
    changed: list[tuple[Entry, Observation, int | None]],
    evaluation: str | None,
) -> None:
    """A metric without observations: they take the place of ``pending`` (or of an
    empty ``observations``), or come after its last key."""
    column = _key_column(editor, path, node)
    block = [f"{' ' * column}observations:"]
    for entry, new, _at in changed:
        block += _item_lines(entry, new.source.quote, column + 2)
    if evaluation is not None:
        block = _evaluation_edit(editor, path, node, column, evaluation) + block
    replaced = [key for key in ("pending", "observations") if key in node]
    for number, key in enumerate(replaced):
        start, stop, _column = editor.key_span(path + (key,))
        editor.replace(start, stop, [] if number else block)
    if replaced:
        return
    last = list(node)[-1]
    _start, stop, _column = editor.key_span(path + (last,))
    editor.replace(stop, stop, block)


def _evaluation_edit(
    editor: LineEditor,
    path: tuple[str | int, ...],
    node: dict[str, object],
    column: int,
    evaluation: str,
) -> list[str]:
    """Replace an existing evaluation in place (returns nothing to add), or return the
    line to add with the observations."""
    line = f"{' ' * column}evaluation: {evaluation}"
    if "evaluation" in node:
        start, stop, _column = editor.key_span(path + ("evaluation",))
        editor.replace(start, stop, [line])
        return []
    return [line]


def _replace_observations(
    editor: LineEditor,
    path: tuple[str | int, ...],
    changed: list[tuple[Entry, Observation, int | None]],
    evaluation: str | None,
) -> None:
    node = editor.node(path)
    sequence = path + ("observations",)
    if editor.is_flow(sequence):
        line = editor.key_place(sequence)[0] + 1
        raise DataError(
            [
                Problem(
                    editor.parsed.path,
                    line,
                    None,
                    "'observations' viết trên một dòng ([…]): viết mỗi số liệu thành một mục "
                    "'- as_of: …' để baocao ghi thêm được",
                )
            ]
        )
    count = len(editor.node(sequence))
    dash = editor.item_start(sequence + (0,))[1]
    appended: list[str] = []
    for entry, new, at in changed:
        if at is None:
            appended += _item_lines(entry, new.source.quote, dash)
            continue
        start, _dash = editor.item_start(sequence + (at,))
        stop = editor.end(start, dash)
        kept = editor.comments_inside(start + 1, stop)
        editor.replace(start, stop, kept + _item_lines(entry, new.source.quote, dash))
    if appended:
        start, _dash = editor.item_start(sequence + (count - 1,))
        stop = editor.end(start, dash)
        editor.replace(stop, stop, appended)
    if evaluation is not None:
        column = _key_column(editor, path, node)
        added = _evaluation_edit(editor, path, node, column, evaluation)
        if added:
            line = editor.key_place(sequence)[0]
            editor.replace(line, line, added)


def write_sources(editor: LineEditor, new_sources: dict[str, str]) -> list[str]:
    """Add new source documents after the last one."""
    if not new_sources:
        return []
    last = list(editor.node(("sources",)))[-1]
    _start, stop, column = editor.key_span(("sources", last))
    added = [
        f"{' ' * column}{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in new_sources.items()
    ]
    editor.replace(stop, stop, added)
    return list(new_sources)


def _text(metric: Metric, obs: Observation) -> str:
    return observation_text(metric, obs)


def _old_text(metric: Metric, existing: int | None) -> str:
    if existing is not None:
        try:
            return observation_text(metric, metric.observations[existing])
        except Exception:  # noqa: BLE001 - a text-only observation: its words
            return metric.observations[existing].text or ""
    if metric.pending:
        return "chờ số liệu"
    return "(chưa có số liệu của ngày này)"


def confirm(data: YearData, entries: list[Entry], path: str) -> None:
    """Every figure written is read back as typed, or nothing is written."""
    wrong = []
    for entry in entries:
        metric = data.metric(entry.metric.id)
        found = [o for o in metric.observations if o.as_of == entry.as_of] if metric else []
        if not found or not same_figure(found[-1], entry) or (metric and metric.pending):
            wrong.append(
                Problem(path, None, None, f"không ghi được số liệu của «{entry.metric.name}»")
            )
    if wrong:
        raise DataError(wrong)
