"""YAML to plain data in one pass over the parser's events, keeping no positions.

The loader's careful path (``yaml_careful``) composes the whole node tree so that
every structural problem can be pointed at. For a province's year file (50 000
metrics, 25 MB) that tree costs seconds and a gigabyte, and a valid file never needs
it. This path reads the libyaml event stream once and builds the same dicts, lists
and scalars. A key typed twice it reports itself, as the careful path does
(``RepeatedKeys``: same message, first value kept). It gives up (``CarefulPathNeeded``)
on anything else the careful path would report or treats specially: a syntax error,
a tag, an anchor or alias, a merge key, a key that is not text or a number, excessive
depth, more than one document, a value that does not construct, a character XML
cannot hold. Positions are read separately, and only when a problem must be located
(``yaml_positions``).
"""

from __future__ import annotations

import re
import sys
from typing import Any
from unicodedata import normalize

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from ..limits import MAX_DEPTH
from ..xmlchars import INVALID_XML_CHARS

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when installed: twenty times faster, same events and marks."""

INT_12 = re.compile(r"[-+]?(0|[1-9][0-9]*)|0x[0-9a-fA-F]+")
"""An integer as YAML 1.2 (core schema) reads it, without a leading zero."""
FLOAT_12 = re.compile(
    r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
)
"""A float as YAML 1.2 (core schema) reads it."""

STR_TAG = "tag:yaml.org,2002:str"
INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"
_RESOLVERS = yaml.SafeLoader.yaml_implicit_resolvers
_CONSTRUCTOR = yaml.SafeLoader("")
_RESOLVED_FIRST = frozenset(key for key in _RESOLVERS if key)
"""First characters of a plain scalar that may be something other than text."""
_NO_KEY = object()
_REPEATED = object()


class CarefulPathNeeded(Exception):
    """The input needs the careful path: to report a problem, or to treat it exactly."""


class RepeatedKeys(Exception):
    """Keys typed twice in a mapping, as the careful path reports them (line, column,
    message), with the data read past them: the first value of each key is kept."""

    def __init__(self, found: list[tuple[int, int, str]], data: Any) -> None:
        super().__init__(found)
        self.found = found
        self.data = data


def plain_data(text: str) -> Any:
    """The data of the single YAML document in ``text`` (``None`` when empty)."""
    parser = SAFE_LOADER(text)
    try:
        return _build(parser)
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        raise CarefulPathNeeded from exc
    finally:
        parser.dispose()


def _build(parser: Any) -> Any:
    root: Any = None
    stack: list[list[Any]] = []  # [container, key awaiting its value, is a list, key lines]
    documents = 0
    repeated: list[tuple[int, int, str]] = []
    get_event = parser.get_event
    while True:
        event = get_event()
        kind = type(event)
        if stack and stack[-1][1] is _REPEATED:
            _skip_value(event, get_event)
            stack[-1][1] = _NO_KEY
            continue
        if kind is ScalarEvent:
            value = _scalar_value(event)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.tag is not None or event.anchor is not None or len(stack) >= MAX_DEPTH:
                raise CarefulPathNeeded
            value = {} if kind is MappingStartEvent else []
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            stack.pop()
            continue
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise CarefulPathNeeded
            continue
        elif kind is StreamEndEvent:
            if repeated:
                raise RepeatedKeys(repeated, root)
            return root
        elif kind is AliasEvent:
            raise CarefulPathNeeded
        else:
            continue
        if stack:
            frame = stack[-1]
            if frame[2]:
                frame[0].append(value)
            elif frame[1] is _NO_KEY:
                frame[1] = _new_key(frame, value, event, repeated)
                if frame[1] is _REPEATED:
                    continue
            else:
                frame[0][frame[1]] = value
                frame[1] = _NO_KEY
        else:
            root = value
        if kind is MappingStartEvent:
            stack.append([value, _NO_KEY, False, {}])
        elif kind is SequenceStartEvent:
            stack.append([value, _NO_KEY, True, None])


def _scalar_value(event: Any) -> Any:
    if event.tag is not None or event.anchor is not None:
        raise CarefulPathNeeded
    text = event.value
    if event.implicit[0] and (not text or text[0] in _RESOLVED_FIRST):
        return _scalar(text)
    if event.style == '"':
        return _text(text)  # its escapes can spell any character
    return normalize("NFC", text)  # raw characters were checked before


def _new_key(frame: list[Any], value: Any, event: Any, repeated: list[Any]) -> Any:
    """The key a mapping's next value goes under, or ``_REPEATED`` (noted in
    ``repeated``) when the mapping has it already."""
    key = _key(value)
    if key in frame[0]:
        mark = event.start_mark
        message = f"khóa '{key}' bị lặp (đã có ở dòng {frame[3][key]})"
        repeated.append((mark.line + 1, mark.column + 1, message))
        return _REPEATED
    frame[3][key] = event.start_mark.line + 1
    return key


def _skip_value(event: Any, get_event: Any) -> None:
    """Read past the value of a repeated key, which the careful path never looks at;
    an anchor or a tag in it (which it would still register or read) needs that path."""
    depth = 0
    while True:
        kind = type(event)
        if kind is AliasEvent or getattr(event, "anchor", None) or getattr(event, "tag", None):
            raise CarefulPathNeeded
        if kind is MappingStartEvent or kind is SequenceStartEvent:
            depth += 1
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            depth -= 1
        if depth == 0:
            return
        event = get_event()


def scalar_value(event: ScalarEvent) -> Any:
    """The value of one scalar event, as both paths build it (for a file already read)."""
    if event.tag is None:
        if event.implicit[0] and (not event.value or event.value[0] in _RESOLVED_FIRST):
            return _scalar(event.value)
        return normalize("NFC", event.value)
    if event.tag == STR_TAG or event.tag == "!" or stays_text(event.tag, event.value):
        return normalize("NFC", event.value)
    return _constructed(event.tag, event.value)


def _key(value: Any) -> Any:
    if type(value) is str:
        return sys.intern(value)
    if not isinstance(value, int):  # a mapping or list as a key, a date, a float, None
        raise CarefulPathNeeded
    return value


def stays_text(tag: str, value: str) -> bool:
    """A value YAML 1.1 reads as a number but a person reads otherwise stays text.

    PyYAML follows YAML 1.1: ``0605172`` is octal (199290), ``1:30`` base 60 (90),
    ``1_000`` a thousand. YAML 1.2 reads the last two as text; a leading zero is kept
    as typed too (``number: 012`` is a document number, not twelve), so a field wanting
    a number refuses it with its line instead of printing a changed figure. The same
    holds with an explicit ``!!int`` or ``!!float`` tag, quoted or not."""
    if tag == INT_TAG:
        return INT_12.fullmatch(value) is None
    if tag == FLOAT_TAG:
        return FLOAT_12.fullmatch(value) is None
    return False


def _scalar(value: str) -> Any:
    """The value of a plain scalar as the careful path builds it (YAML 1.2 numbers)."""
    tag = _resolve(value)
    if tag == STR_TAG or stays_text(tag, value):
        return _text(value)
    if tag == INT_TAG:
        return int(value, 16) if value.startswith("0x") else int(value)
    return _constructed(tag, value)


def _constructed(tag: str, value: str) -> Any:
    construct = _CONSTRUCTOR.yaml_constructors.get(tag)
    if construct is None or tag.endswith(":merge"):
        raise CarefulPathNeeded
    constructed = construct(_CONSTRUCTOR, yaml.ScalarNode(tag, value))
    return _text(constructed) if isinstance(constructed, str) else constructed


def _resolve(value: str) -> str:
    for tag, pattern in _RESOLVERS.get(value[0] if value else "", ()):
        if pattern.match(value):
            return str(tag)
    return STR_TAG


def _text(value: str) -> str:
    if INVALID_XML_CHARS.search(value):
        raise CarefulPathNeeded
    return normalize("NFC", value)
