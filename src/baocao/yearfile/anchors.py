"""YAML anchors (``&name``) and aliases (``*name``) that a line edit of a year file
would break or drop.

``import`` writes figures by replacing lines. A node that carries an anchor and is
used again elsewhere through an alias cannot be edited there without changing every
place that uses it (or, when its lines are replaced, leaving the aliases pointing at
nothing): such an edit is refused before anything is written. An anchor nothing uses
that would vanish with the replaced lines is only noted, before the file is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem, Severity

Edit = tuple[int, int]
"""Lines ``[start, stop)`` (0-based) replaced; ``start == stop`` inserts before ``start``."""


@dataclass
class Anchored:
    """A node carrying an anchor: its lines (0-based, both included) and its uses."""

    name: str
    line: int
    column: int
    last: int
    uses: list[int] = field(default_factory=list)


def anchored_nodes(text: str) -> list[Anchored]:
    """Every anchored node of the YAML ``text``, each alias counted on the definition
    it refers to (the latest of that name before it)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.events import (
        AliasEvent,
        CollectionEndEvent,
        CollectionStartEvent,
        ScalarEvent,
    )

    found: list[Anchored] = []
    current: dict[str, Anchored] = {}
    stack: list[list[Any]] = []  # [anchored or None, last line, flow style]
    for event in YAML(typ="rt").parse(text):
        if isinstance(event, CollectionStartEvent):
            node = _anchored(event, event.start_mark.line, found, current)
            stack.append([node, event.start_mark.line, bool(event.flow_style)])
        elif isinstance(event, CollectionEndEvent) and stack:
            node, last, flow = stack.pop()
            last = max(last, event.start_mark.line) if flow else last
            _close(node, last, stack)
        elif isinstance(event, ScalarEvent):
            end = event.end_mark
            last = (
                end.line - 1 if end.column == 0 and end.line > event.start_mark.line else end.line
            )
            _close(_anchored(event, last, found, current), last, stack)
        elif isinstance(event, AliasEvent):
            if event.anchor in current:
                current[event.anchor].uses.append(event.start_mark.line)
            _close(None, event.end_mark.line, stack)
    return found


def _anchored(
    event: Any, last: int, found: list[Anchored], current: dict[str, Anchored]
) -> Anchored | None:
    if not event.anchor:
        return None
    mark = event.start_mark
    node = Anchored(str(event.anchor), mark.line, mark.column, last)
    found.append(node)
    current[node.name] = node
    return node


def _close(node: Anchored | None, last: int, stack: list[list[Any]]) -> None:
    if node is not None:
        node.last = max(node.last, last)
    if stack:
        stack[-1][1] = max(stack[-1][1], last)


def _touches(node: Anchored, edit: Edit) -> bool:
    start, stop = edit
    if start == stop:  # an insertion inside the node (not before its first line)
        return node.line < start <= node.last
    return start <= node.last and stop > node.line


def anchor_problems(text: str, edits: list[Edit], path: str) -> list[Problem]:
    """Errors for edits inside an anchored node used elsewhere; notices for unused
    anchors the edits drop."""
    if "&" not in text or not edits:
        return []
    problems = []
    for node in anchored_nodes(text):
        where = (path, node.line + 1, node.column + 1)
        touching = [edit for edit in edits if _touches(node, edit)]
        kept = [line for line in node.uses if not any(s <= line < e for s, e in edits)]
        if kept and touching:
            uses = ", ".join(str(line + 1) for line in kept[:5])
            problems.append(
                Problem(
                    *where,
                    f"số liệu cần ghi nằm trong phần có neo YAML '&{node.name}' mà dòng "
                    f"{uses} gọi lại ('*{node.name}'): ghi vào đây sẽ đổi cả những chỗ đó, nên "
                    f"chưa ghi gì; chép nội dung của neo vào từng chỗ gọi (thay '*{node.name}'), "
                    "bỏ neo, rồi nhập lại",
                )
            )
        elif any(start <= node.line < stop for start, stop in touching):
            problems.append(
                Problem(
                    *where,
                    f"neo YAML '&{node.name}' nằm trong số liệu cũ được thay (không chỗ nào khác "
                    "gọi lại nó): neo này không còn trong tệp mới",
                    Severity.NOTICE,
                )
            )
    return problems
