"""Edit a YAML file line by line at the places its parse locates, keeping every other
byte: comments, blank lines, key order and quoting stay as typed, so ``git diff``
shows only what changed.

Places come from the loader's position tree (one pass of libyaml's events), so a
province's file of thousands of metrics is located in about the time it takes to
read it. Edits are collected, then applied from the end of the file backwards, so
no edit moves the lines of another.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from ..load.yaml_careful import Parsed
from ..load.yaml_positions import PathKey

PLAIN = re.compile(r"^[^\s\"'#&*!|>%@`{}\[\],:?-][^#:]*(?<!\s)$")
"""Text that YAML reads back as the same text when written without quotes (still
checked against numbers, dates and booleans by ``plain_is_text``)."""
NOT_TEXT = re.compile(
    r"^(?:[-+]?[\d._]+(?:[eE][-+]?\d+)?|0[xob][\da-fA-F_]+|\d{4}-\d\d?-\d\d?.*|[-+]?\.(?:inf|nan)"
    r"|true|false|yes|no|on|off|y|n|null|~|=)$",
    re.IGNORECASE,
)


def scalar(text: str) -> str:
    """``text`` as a YAML value on one line: plain when that reads back the same, else
    double-quoted (JSON's quoting is YAML's)."""
    if "\n" not in text and PLAIN.match(text) and not NOT_TEXT.match(text):
        return text
    return json.dumps(text, ensure_ascii=False)


def text_lines(key: str, text: str, indent: int) -> list[str]:
    """``key: text`` at ``indent``; several lines of text as a literal block (``|-``)
    when YAML keeps them exactly so, else one quoted line."""
    pad = " " * indent
    lines = text.split("\n")
    literal = (
        len(lines) > 1
        and not lines[0].startswith((" ", "\t"))
        and all(line == line.rstrip() and "\t" not in line for line in lines)
        and all(line.isprintable() for line in lines)
    )
    if not literal:
        return [f"{pad}{key}: {scalar(text)}"]
    return [f"{pad}{key}: |-", *(f"{pad}  {line}" if line else "" for line in lines)]


@dataclass
class LineEditor:
    """Edits to ``text``, located with ``parsed`` (the same file, read by the loader)."""

    text: str
    parsed: Parsed
    lines: list[str] = field(init=False)
    edits: list[tuple[int, int, list[str]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.lines = self.text.split("\n")

    def node(self, path: PathKey) -> Any:
        """The plain data at ``path``, or ``None``."""
        node = self.parsed.data
        for part in path:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return None
        return node

    def key_place(self, path: PathKey) -> tuple[int, int]:
        """Line and column (from 0) of the key that ends ``path``, which must exist."""
        found = self.parsed.locate(path, key=True)
        assert found is not None, path
        return found[0] - 1, found[1] - 1

    def value_place(self, path: PathKey) -> tuple[int, int]:
        found = self.parsed.locate(path)
        assert found is not None, path
        return found[0] - 1, found[1] - 1

    def item_start(self, path: PathKey) -> tuple[int, int]:
        """The line of a block sequence item's dash, and the dash's column."""
        line = self.value_place(path)[0]
        while line > 0 and not self.lines[line].lstrip().startswith("-"):
            line -= 1
        return line, len(self.lines[line]) - len(self.lines[line].lstrip(" "))

    def end(self, start: int, outer: int) -> int:
        """The line after the node starting at ``start``: the lines indented deeper than
        ``outer`` that follow it, without the blank and comment lines at their end."""
        last = start
        for index in range(start + 1, len(self.lines)):
            stripped = self.lines[index].strip()
            if not stripped or stripped.startswith("#"):
                continue
            indent = len(self.lines[index]) - len(self.lines[index].lstrip(" "))
            if indent <= outer:
                break
            last = index
        return last + 1

    def key_span(self, path: PathKey) -> tuple[int, int, int]:
        """First line, line after, and indentation of the key ``path`` with its value."""
        line, column = self.key_place(path)
        return line, self.end(line, column), column

    def is_flow(self, path: PathKey) -> bool:
        """The mapping or sequence at ``path`` is written ``{…}`` or ``[…]``."""
        line, column = self.value_place(path)
        return self.lines[line][column : column + 1] in ("{", "[")

    def comments_inside(self, start: int, stop: int) -> list[str]:
        return [line for line in self.lines[start:stop] if line.strip().startswith("#")]

    def replace(self, start: int, stop: int, lines: list[str]) -> None:
        self.edits.append((start, stop, lines))

    def result(self) -> str:
        lines = list(self.lines)
        ordered = sorted(enumerate(self.edits), key=lambda e: (e[1][0], e[1][1], e[0]))
        for _order, (start, stop, replacement) in reversed(ordered):
            lines[start:stop] = replacement
        return "\n".join(lines)
