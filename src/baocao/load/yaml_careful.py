"""YAML text → plain Python data, safely, with the position of every value on demand.

A file is first read by ``yaml_fast`` (no node tree, no positions). When that gives
up, the careful path uses PyYAML at the node level: the file is composed with the safe
loader (no object tags) and every mapping is walked by hand, so that each structural
problem (a duplicate key, a refused tag or value) is reported at its node's line and
column. Positions for later problems come from ``yaml_positions``, read on demand.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

import yaml

from ..errors import DataError, Problem
from ..limits import MAX_ALIAS_USES, MAX_DEPTH
from ..xmlchars import INVALID_XML_CHARS, UNREADABLE_RAW_CHARS, refusal
from .messages import field_name, shown, translate_yaml_problem
from .yaml_fast import (
    SAFE_LOADER,
    CarefulPathNeeded,
    RepeatedKeys,
    plain_data,
    stays_text,
)
from .yaml_positions import Location, PathKey, PositionTree

SHOWN_LINE = 100
STR_TAG = "tag:yaml.org,2002:str"
SCALAR_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "timestamp")
}
"""Built by calling their constructor directly: ``construct_object`` would also keep a
table of every value it built, which nothing here reads again."""
SAFE_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("null", "bool", "int", "float", "str", "timestamp", "map", "seq")
}


@dataclass
class Parsed:
    """Plain Python data of a YAML file, and the position of each value on demand.

    Positions are read the first time one is asked for (``yaml_positions``): a valid
    file whose checks find nothing never pays for them."""

    path: str
    data: Any
    text: str = ""
    _tree: PositionTree | None = field(default=None, repr=False)
    _line_starts: list[int] = field(default_factory=list, repr=False)
    _found: dict[tuple[PathKey, str], tuple[list[int], bool]] = field(
        default_factory=dict, repr=False
    )

    def _positions(self) -> PositionTree:
        if self._tree is None:
            self._tree = PositionTree(self.text)
        return self._tree

    @property
    def positions(self) -> dict[PathKey, Location]:
        """Every value's line and column by path (builds a table: small files only)."""
        return self._positions().tables()[0]

    @property
    def key_positions(self) -> dict[PathKey, Location]:
        """Every key's line and column by path (builds a table: small files only)."""
        return self._positions().tables()[1]

    def locate(self, loc: PathKey, key: bool = False) -> Location | None:
        """Position of the deepest known value on ``loc`` (or of its key)."""
        return self._positions().locate(tuple(loc), key)

    def typed(self, loc: PathKey) -> str | None:
        """The scalar at ``loc`` as typed in the file (``12.345``, not 12.345)."""
        span = self._positions().span(tuple(loc))
        return None if span is None else self.text[span[0] : span[1]]

    def offset_position(self, offset: int) -> Location:
        """Line and column (1-based) of a character offset in ``text``."""
        if not self._line_starts:
            lengths = (len(line) + 1 for line in self.text.split("\n"))
            self._line_starts = list(accumulate(lengths, initial=0))
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def locate_in(self, loc: PathKey, needle: str, occurrence: int = 0) -> Location | None:
        """Position of the ``occurrence``-th ``needle`` inside the scalar at ``loc`` (else
        of the scalar). The places found are kept, so asking for each occurrence in turn
        reads the scalar once, not once per occurrence."""
        span = self._positions().span(tuple(loc))
        if span is not None:
            places, done = self._found.setdefault((tuple(loc), needle), ([], False))
            start = places[-1] + 1 if places else span[0]
            while not done and len(places) <= occurrence:
                found = self.text.find(needle, start, span[1])
                if found < 0:
                    done = True
                    self._found[(tuple(loc), needle)] = (places, True)
                else:
                    places.append(found)
                    start = found + 1
            if occurrence < len(places):
                return self.offset_position(places[occurrence])
        return self.locate(loc)


def parse_yaml(text: str, path: str) -> Parsed:
    """The data of ``text``, or ``DataError`` with every structural problem located."""
    unreadable = _raw_character_problems(text, path)
    if unreadable:
        raise DataError(unreadable)
    try:
        return Parsed(path=path, data=plain_data(text), text=text)
    except RepeatedKeys as repeated:
        problems = [Problem(path, *found) for found in repeated.found]
        raise StructureError(problems, Parsed(path=path, data=repeated.data, text=text)) from None
    except CarefulPathNeeded:
        pass
    return Parsed(path=path, data=_careful(text, path), text=text)


class StructureError(DataError):
    """Problems in a file's YAML structure (a repeated key, a refused tag or value), and
    its data read past them: a repeated key's first value, ``None`` for a refused value,
    so that the checks after it can still report their problems in the same run."""

    def __init__(self, problems: list[Problem], recovered: Parsed) -> None:
        super().__init__(problems)
        self.recovered = recovered


def _careful(text: str, path: str) -> Any:
    """Compose ``text`` safely and convert it, collecting structural problems."""
    try:
        root = yaml.compose(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        raise DataError([_syntax_problem(exc, text, path)]) from exc
    converter = _Converter(path)
    data = converter.convert(root, (), 0) if root is not None else None
    if converter.problems:
        raise StructureError(converter.problems, Parsed(path=path, data=data, text=text))
    return data


class _Converter:
    """A composed node tree to plain data: every refused tag, repeated key and unreadable
    value becomes a problem (and ``None``), bounded in depth and in alias uses."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.constructor = yaml.SafeLoader("")
        self.alias_uses = 0
        self.seen_nodes: set[int] = set()

    def refuse(self, node: yaml.Node, message: str) -> None:
        self.problems.append(_problem(self.path, node, message))

    def convert(self, node: yaml.Node, at: PathKey, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise DataError([_problem(self.path, node, f"lồng quá sâu (tối đa {MAX_DEPTH} cấp)")])
        if id(node) in self.seen_nodes:
            self.alias_uses += 1
            if self.alias_uses > MAX_ALIAS_USES:
                message = "dùng bí danh (alias) YAML quá nhiều lần"
                raise DataError([_problem(self.path, node, message)])
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            self.seen_nodes.add(id(node))
        if node.tag not in SAFE_TAGS and node.tag != "tag:yaml.org,2002:merge":
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self.refuse(node, f"không cho phép thẻ YAML '{tag}' (chỉ dùng dữ liệu thường)")
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, at, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, at + (i,), depth + 1) for i, item in enumerate(node.value)]
        return self.scalar(node, at)

    def mapping(self, node: yaml.MappingNode, at: PathKey, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        key_lines: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.refuse(key_node, "không hỗ trợ khóa gộp '<<'")
                continue
            key = self.convert(key_node, at + ("<key>",), depth + 1)
            if not isinstance(key, (str, int)):
                self.refuse(key_node, "khóa phải là chữ hoặc số")
                continue
            if key in result:
                self.refuse(key_node, f"khóa '{key}' bị lặp (đã có ở dòng {key_lines[key]})")
                continue
            key_lines[key] = key_node.start_mark.line + 1
            result[key] = self.convert(value_node, at + (key,), depth + 1)
        return result

    def scalar(self, node: yaml.Node, at: PathKey) -> Any:
        if isinstance(node, yaml.ScalarNode) and _typed_as_text(node):
            return _checked_text(node.value, node, at, self.path, self.problems)
        try:
            if node.tag == STR_TAG:
                value = node.value
            elif node.tag in SCALAR_TAGS and isinstance(node, yaml.ScalarNode):
                value = self.constructor.yaml_constructors[node.tag](self.constructor, node)
            else:
                value = self.constructor.construct_object(node, deep=True)
            return _checked_text(value, node, at, self.path, self.problems)
        except ValueError:
            if node.tag.endswith(":timestamp"):
                self.refuse(node, f"ngày không tồn tại: {shown(node.value)}")
            else:
                self.refuse(node, f"giá trị không đọc được: {shown(node.value)}")
            return None
        except yaml.YAMLError as exc:
            reason = translate_yaml_problem(getattr(exc, "problem", None) or str(exc))
            self.refuse(node, f"giá trị không đọc được: {reason}")
            return None


def _checked_text(
    value: Any, node: yaml.Node, at: PathKey, path: str, problems: list[Problem]
) -> Any:
    """NFC text (a ``\\u0301`` escape can decompose it again); XML-invalid characters,
    typed as escapes in a double-quoted string, are refused at the value's position."""
    if not isinstance(value, str):
        return value
    found = INVALID_XML_CHARS.search(value)
    if found:
        problems.append(_problem(path, node, f"{_field_label(at)} {refusal(found.group())}"))
        return value
    return unicodedata.normalize("NFC", value)


def _typed_as_text(node: yaml.ScalarNode) -> bool:
    return stays_text(node.tag, node.value)


def _field_label(at: PathKey) -> str:
    if at and at[-1] == "<key>":
        return f"khóa trong '{field_name(at[:-1])}'"
    return f"'{field_name(at)}'"


KEY_ON_LINE = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w:]*)\s*:")


def _raw_character_problems(text: str, path: str) -> list[Problem]:
    """Characters YAML refuses when typed raw, each with its line, column and field.

    PyYAML stops at the first one without a line; blanking them all lets the file be
    composed once more to name the field each one sits in."""
    found = list(UNREADABLE_RAW_CHARS.finditer(text))
    if not found:
        return []
    blanked = UNREADABLE_RAW_CHARS.sub(" ", text)
    try:
        root = yaml.compose(blanked, Loader=SAFE_LOADER)
    except yaml.YAMLError:
        root = None
    locator = Parsed(path=path, data=None, text=text)
    problems = []
    for match in found:
        line, column = locator.offset_position(match.start())
        at = _path_at(root, match.start()) if root is not None else None
        key = KEY_ON_LINE.match(text.split("\n")[line - 1]) if at is None else None
        label = f"{_field_label(at)} " if at else (f"'{key.group(1)}' " if key else "")
        problems.append(Problem(path, line, column, f"{label}{refusal(match.group())}"))
    return problems


def _path_at(node: yaml.Node, offset: int, at: PathKey = ()) -> PathKey | None:
    """Data path of the scalar (value or key) whose text holds ``offset``."""
    if isinstance(node, yaml.ScalarNode):
        return at if node.start_mark.index <= offset <= node.end_mark.index else None
    if isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            found = _path_at(item, offset, at + (index,))
            if found is not None:
                return found
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
            found = _path_at(key_node, offset, at + ("<key>",))
            if found is None:
                found = _path_at(value_node, offset, at + (key,))
            if found is not None:
                return found
    return None


def _problem(path: str, node: yaml.Node, message: str) -> Problem:
    return Problem(path, node.start_mark.line + 1, node.start_mark.column + 1, message)


def _syntax_problem(exc: yaml.YAMLError, text: str, path: str) -> Problem:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    reason = translate_yaml_problem(problem)
    context_mark = getattr(exc, "context_mark", None)
    if problem.startswith("could not find expected ':'") and context_mark is not None:
        mark = context_mark  # the key missing its ':' is where the scanner started, not ended
    if mark is None:
        return Problem(path, None, None, f"lỗi cú pháp YAML: {reason}")
    lines = text.split("\n")
    shown = lines[mark.line] if mark.line < len(lines) else ""
    column = mark.column
    if len(shown) > SHOWN_LINE:  # a message shows the place, not a megabyte of line
        start = max(0, min(column - SHOWN_LINE // 2, len(shown) - SHOWN_LINE))
        shown = ("…" if start else "") + shown[start : start + SHOWN_LINE] + "…"
        column = column - start + (1 if start else 0)
    caret = " " * column + "^"
    message = f"lỗi cú pháp YAML: {reason}\n    {shown}\n    {caret}"
    return Problem(path, mark.line + 1, mark.column + 1, message)
