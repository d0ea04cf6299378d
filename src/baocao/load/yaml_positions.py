"""Where each value of a YAML file is, kept compactly and derived only when needed.

A problem points at the line and column of its value; most files have none, so the
positions are read (one more pass over libyaml's events) the first time one is asked
for. They are kept as a tree shaped like the data, one packed integer per value,
rather than a table keyed by every value's path: a province's year file of 50 000
metrics would otherwise need more memory for its positions than for its data.
"""

from __future__ import annotations

from typing import Any

from yaml import YAMLError
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from .yaml_fast import SAFE_LOADER, CarefulPathNeeded, scalar_value

Location = tuple[int, int]
PathKey = tuple[Any, ...]

_COLUMNS = _LINES = _LENGTHS = 1 << 27
"""Each field of a packed position below 2**27: a file of at most 64 MB (``load.text``) has
fewer characters, so fewer lines, a shorter line and a shorter value than that."""


class _Mapping(dict[Any, Any]):
    __slots__ = ("start", "key_starts")

    def __init__(self, start: int) -> None:
        super().__init__()
        self.start = start
        self.key_starts: list[int] = []


class _Sequence(list[Any]):
    __slots__ = ("start",)

    def __init__(self, start: int) -> None:
        super().__init__()
        self.start = start


def _place(mark: Any) -> int:
    return int(mark.line * _COLUMNS + mark.column)


def _scalar(start: Any, end: Any) -> int:
    """Line, column, start offset and length of a scalar in one integer."""
    return int(
        ((start.index * _LENGTHS + end.index - start.index) * _LINES + start.line) * _COLUMNS
        + start.column
    )


def _location(packed: int) -> Location:
    line, column = divmod(packed % (_LINES * _COLUMNS), _COLUMNS)
    return line + 1, column + 1


def _span(packed: int) -> tuple[int, int]:
    start, length = divmod(packed // (_LINES * _COLUMNS), _LENGTHS)
    return start, start + length


class PositionTree:
    """The positions of one file's values, looked up by the value's data path."""

    def __init__(self, text: str) -> None:
        self.root = _read(text) if text else None
        self._tables: tuple[dict[PathKey, Location], dict[PathKey, Location]] | None = None

    def locate(self, loc: PathKey, key: bool = False) -> Location | None:
        """Position of the deepest value that exists on ``loc`` (or of its key)."""
        node, found_key = self.root, None
        if node is None:
            return None
        for part in loc:
            child = _child(node, part)
            if child is None:
                break
            if isinstance(node, _Mapping):
                found_key = node.key_starts[list(node).index(part)]
            node = child
        if key:
            return None if found_key is None else _location(found_key)
        return _location(_start(node))

    def span(self, loc: PathKey) -> tuple[int, int] | None:
        """Start and end offsets in the text of the scalar at ``loc`` exactly."""
        node = self.root
        for part in loc:
            node = _child(node, part)
        return _span(node) if isinstance(node, int) else None

    def tables(self) -> tuple[dict[PathKey, Location], dict[PathKey, Location]]:
        """Every value's and every key's position by path (for small files only)."""
        if self._tables is None:
            self._tables = self._flatten()
        return self._tables

    def _flatten(self) -> tuple[dict[PathKey, Location], dict[PathKey, Location]]:
        values: dict[PathKey, Location] = {}
        keys: dict[PathKey, Location] = {}
        pending: list[tuple[PathKey, Any]] = [((), self.root)] if self.root is not None else []
        while pending:
            at, node = pending.pop()
            values[at] = _location(_start(node))
            if isinstance(node, _Mapping):
                for (name, child), key_start in zip(node.items(), node.key_starts, strict=True):
                    keys[at + (name,)] = _location(key_start)
                    pending.append((at + (name,), child))
            elif isinstance(node, _Sequence):
                pending.extend((at + (index,), child) for index, child in enumerate(node))
        return values, keys


def _start(node: Any) -> int:
    return node if isinstance(node, int) else node.start


def _child(node: Any, part: Any) -> Any:
    if isinstance(node, _Mapping):
        try:
            return node.get(part)
        except TypeError:  # an unhashable part of a path
            return None
    if isinstance(node, _Sequence) and isinstance(part, int) and 0 <= part < len(node):
        return node[part]
    return None


def _read(text: str) -> Any:
    """The position tree of a file the fast or careful path has already read whole."""
    parser = SAFE_LOADER(text)
    try:
        root: Any = None
        stack: list[list[Any]] = []  # [container, key awaiting its value or _NO_KEY]
        anchors: dict[str, Any] = {}
        anchored_keys: dict[str, Any] = {}  # the value of each anchored scalar
        while True:
            event = parser.get_event()
            kind = type(event)
            if kind is ScalarEvent:
                node: Any = _scalar(event.start_mark, event.end_mark)
            elif kind is MappingStartEvent:
                node = _Mapping(_place(event.start_mark))
            elif kind is SequenceStartEvent:
                node = _Sequence(_place(event.start_mark))
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                stack.pop()
                continue
            elif kind is AliasEvent:
                node = anchors.get(event.anchor)
            elif kind is StreamEndEvent:
                return root
            else:
                continue
            if getattr(event, "anchor", None) is not None and kind is not AliasEvent:
                anchors[event.anchor] = node
                if kind is ScalarEvent:
                    anchored_keys[event.anchor] = _value_or_skipped(event)
            if not stack:
                root = node
            else:
                frame = stack[-1]
                container = frame[0]
                if isinstance(container, _Sequence):
                    container.append(node)
                elif frame[1] is _NO_KEY:
                    frame[1] = _key(event, kind, anchored_keys, container)
                    if frame[1] is not _SKIPPED:
                        container.key_starts.append(_start(node))
                else:
                    if frame[1] is not _SKIPPED:
                        container[frame[1]] = node
                    frame[1] = _NO_KEY
            if isinstance(node, (_Mapping, _Sequence)) and kind is not AliasEvent:
                stack.append([node, _NO_KEY])
    finally:
        parser.dispose()


def _key(event: Any, kind: type, anchored: dict[str, Any], mapping: _Mapping) -> Any:
    """The data key of a mapping entry, or ``_SKIPPED`` for an entry the careful path
    leaves out of the data (a repeated key, a merge key, a key that is not text or a
    number): its value is then not kept either."""
    if kind is ScalarEvent:
        key = _value_or_skipped(event)
    elif kind is AliasEvent and event.anchor in anchored:
        key = anchored[event.anchor]
    else:
        return _SKIPPED
    if not isinstance(key, (str, int)) or key in mapping:
        return _SKIPPED
    return key


def _value_or_skipped(event: Any) -> Any:
    try:
        return scalar_value(event)
    except (CarefulPathNeeded, ValueError, YAMLError):  # the careful path refused it
        return _SKIPPED


_NO_KEY = object()
_SKIPPED = object()
