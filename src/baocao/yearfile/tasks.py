"""Write task updates read from forms (result, time, progress) into a year file's text.

A task written key by key gets each changed key replaced in place (a new key after its
last one), with ``collected`` saying which form the update came from. A task written
on one line (``- {name: …, progress: …}``) is rewritten as a block of keys, in the
same order, since a form's text is often too long for one line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..collection.agencies import TaskPlace
from ..errors import DataError, Problem
from ..model.agencies import Collected
from ..model.year import YearData
from .lines import LineEditor, scalar, text_lines
from .observations import collected_text

TASK_FIELDS = ("result", "time", "progress")
"""What a form may update of a task, in the order new keys are added."""


@dataclass
class TaskUpdate:
    """The new texts of one task, read from one form."""

    place: TaskPlace
    where: str
    """The first changed cell, as messages name it."""
    fields: dict[str, str] = field(default_factory=dict)
    collected: Collected | None = None

    def old(self, key: str) -> str:
        value = getattr(self.place.task, key)
        return value if isinstance(value, str) else ""


def write_tasks(editor: LineEditor, updates: list[TaskUpdate]) -> None:
    for update in updates:
        path = update.place.path
        if editor.is_flow(path):
            _rewrite_flow(editor, update)
        else:
            _edit_block(editor, update)


def _edit_block(editor: LineEditor, update: TaskUpdate) -> None:
    path = update.place.path
    node = editor.node(path)
    column = editor.key_place(path + (next(iter(node)),))[1]
    wanted: dict[str, list[str]] = {
        key: text_lines(key, text, column) for key, text in update.fields.items()
    }
    if update.collected is not None:
        wanted["collected"] = [f"{' ' * column}collected: {collected_text(update.collected)}"]
    added: list[str] = []
    for key, lines in wanted.items():
        if key in node:
            start, stop, _column = editor.key_span(path + (key,))
            editor.replace(start, stop, editor.comments_inside(start + 1, stop) + lines)
        else:
            added += lines
    if added:
        _start, stop, _column = editor.key_span(path + (list(node)[-1],))
        editor.replace(stop, stop, added)


def _rewrite_flow(editor: LineEditor, update: TaskUpdate) -> None:
    path = update.place.path
    node: dict[str, Any] = dict(editor.node(path))
    node.update(update.fields)
    if update.collected is not None:
        node["collected"] = update.collected
    start, dash = editor.item_start(path)
    line, column = editor.value_place(path)
    if line != start:
        raise DataError(
            [
                Problem(
                    editor.parsed.path,
                    line + 1,
                    column + 1,
                    "nhiệm vụ viết dạng {…} không ở cùng dòng với dấu '-': viết mỗi khóa một "
                    "dòng để baocao ghi được tiến độ",
                )
            ]
        )
    stop = editor.end(start, dash)
    indent = dash + 2
    lines: list[str] = []
    for key, value in node.items():
        lines += _emit(key, value, indent)
    lines[0] = " " * dash + "- " + lines[0][indent:]
    editor.replace(start, stop, lines)


def _emit(key: str, value: Any, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, Collected):
        return [f"{pad}{key}: {collected_text(value)}"]
    if isinstance(value, str):
        return text_lines(key, value, indent)
    if isinstance(value, list):
        return [f"{pad}{key}: [{', '.join(_flow(v) for v in value)}]"]
    if isinstance(value, dict):
        inner = ", ".join(f"{k}: {_flow(v)}" for k, v in value.items())
        return [f"{pad}{key}: {{{inner}}}"]
    return [f"{pad}{key}: {_flow(value)}"]


def _flow(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    text = str(value)
    if any(mark in text for mark in ",[]{}"):
        return json.dumps(text, ensure_ascii=False)
    return scalar(text)


def confirm_tasks(data: YearData, updates: list[TaskUpdate], path: str) -> None:
    """Every task update is read back as typed, or nothing is written."""
    from ..collection.agencies import task_places

    places = {p.key: p for p in task_places(data)}
    wrong = []
    for update in updates:
        place = places.get(update.place.key)
        if place is None or any(getattr(place.task, k) != v for k, v in update.fields.items()):
            wrong.append(
                Problem(path, None, None, f"không ghi được nhiệm vụ «{update.place.task.name}»")
            )
    if wrong:
        raise DataError(wrong)
