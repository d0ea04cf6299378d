"""YAML → model, keeping the line and column of every value.

PyYAML is used at the node level: the file is composed with the safe loader
(no object tags), every mapping is walked by hand so that a duplicate key is an
error instead of a silently lost figure, and the position of every value is kept
so that a schema error can point at its line and column.
"""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from . import locations
from .errorloc import place_of
from .errors import DataError, DataFileNotFound, Problem
from .messages import describe_validation_error, field_name, shown, translate_yaml_problem
from .model import YearData
from .xmlchars import INVALID_XML_CHARS, UNREADABLE_RAW_CHARS, refusal

MAX_FILE_BYTES = 64 * 1024 * 1024
"""A province's year with every commune's figures (50 000 metrics) is about 25 MB."""
MAX_DEPTH = 40
MAX_ALIAS_USES = 100
SHOWN_LINE = 100
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when installed: twenty times faster, same nodes and marks."""
SAFE_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("null", "bool", "int", "float", "str", "timestamp", "map", "seq")
}

INT_12 = re.compile(r"[-+]?(0|[1-9][0-9]*)|0x[0-9a-fA-F]+")
"""An integer as YAML 1.2 (core schema) reads it, without a leading zero."""
FLOAT_12 = re.compile(
    r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
)
"""A float as YAML 1.2 (core schema) reads it."""
NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}

Location = tuple[int, int]
PathKey = tuple[Any, ...]


@dataclass
class Parsed:
    """Plain Python data of a YAML file with the position of each value."""

    path: str
    data: Any
    positions: dict[PathKey, Location] = field(default_factory=dict)
    key_positions: dict[PathKey, Location] = field(default_factory=dict)
    spans: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    """Start and end offsets in ``text`` of every scalar value."""
    text: str = ""
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def locate(self, loc: PathKey, key: bool = False) -> Location | None:
        """Position of the deepest known value on ``loc`` (or of its key)."""
        table = self.key_positions if key else self.positions
        for cut in range(len(loc), -1, -1):
            found = table.get(tuple(loc[:cut]))
            if found is not None:
                return found
        return None

    def offset_position(self, offset: int) -> Location:
        """Line and column (1-based) of a character offset in ``text``."""
        if not self._line_starts:
            self._line_starts = [0] + [i + 1 for i, c in enumerate(self.text) if c == "\n"]
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def locate_in(self, loc: PathKey, needle: str, occurrence: int = 0) -> Location | None:
        """Position of ``needle`` inside the scalar at ``loc`` (else of the scalar)."""
        span = self.spans.get(tuple(loc))
        if span is not None:
            start = span[0]
            for _ in range(occurrence + 1):
                found = self.text.find(needle, start, span[1])
                if found < 0:
                    break
                start = found + 1
            else:
                return self.offset_position(found)
        return self.locate(loc)


def read_text(path: Path) -> str:
    if not path.exists():
        raise DataFileNotFound(f"Không tìm thấy tệp dữ liệu: {path}")
    if not path.is_file():
        what = "một thư mục" if path.is_dir() else "một tệp đặc biệt"
        message = f"đây là {what}, không phải tệp dữ liệu YAML"
        raise DataError([Problem(str(path), None, None, message)])
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise DataError(
            [
                Problem(
                    str(path),
                    None,
                    None,
                    f"tệp quá lớn ({size:,} byte, tối đa {MAX_FILE_BYTES:,} byte)".replace(
                        ",", "."
                    ),
                )
            ]
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        reason = "không có quyền đọc" if isinstance(exc, PermissionError) else exc.strerror
        message = f"không đọc được tệp ({reason or 'lỗi đọc ổ đĩa'})"
        raise DataError([Problem(str(path), None, None, message)]) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError([encoding_problem(raw, exc, str(path))]) from exc
    return unicodedata.normalize("NFC", text)


SAVE_AS_UTF8 = (
    "hãy lưu lại tệp dạng UTF-8: trong Notepad chọn Tệp > Lưu thành (File > Save As), ô "
    "Mã hóa (Encoding) chọn UTF-8; trong VS Code bấm tên bảng mã ở góc dưới bên phải, chọn "
    "'Save with Encoding' rồi 'UTF-8'"
)


def encoding_problem(raw: bytes, exc: UnicodeDecodeError, path: str) -> Problem:
    """Where the first byte that is not UTF-8 is (line and column), what the file
    probably is, and how to save it as UTF-8."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff") or raw[:200].count(b"\x00") > 10:
        reason = f"tệp được lưu dạng UTF-16 (Unicode), không phải UTF-8; {SAVE_AS_UTF8}"
        return Problem(path, 1, 1, reason)
    start = raw.rfind(b"\n", 0, exc.start) + 1
    line = raw.count(b"\n", 0, exc.start) + 1
    column = len(raw[start : exc.start].decode("utf-8", "replace")) + 1
    end = raw.find(b"\n", exc.start)
    shown = raw[start : end if end >= 0 else len(raw)].decode("utf-8", "replace")[:120]
    return Problem(
        path,
        line,
        column,
        f"tệp không phải UTF-8 (byte 0x{raw[exc.start]:02X}); có thể tệp được lưu bằng bảng mã "
        f"cũ Windows-1258 hoặc TCVN3; {SAVE_AS_UTF8}\n    {shown.rstrip()}",
    )


def parse_yaml(text: str, path: str) -> Parsed:
    """Compose ``text`` safely and convert it, collecting structural problems."""
    unreadable = _raw_character_problems(text, path)
    if unreadable:
        raise DataError(unreadable)
    try:
        root = yaml.compose(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        raise DataError([_syntax_problem(exc, text, path)]) from exc
    parsed = Parsed(path=path, data=None, text=text)
    problems: list[Problem] = []
    constructor = yaml.SafeLoader("")
    alias_uses = {"count": 0}
    seen_nodes: set[int] = set()

    def convert(node: yaml.Node, at: PathKey, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise DataError([_problem(path, node, f"lồng quá sâu (tối đa {MAX_DEPTH} cấp)")])
        if id(node) in seen_nodes:
            alias_uses["count"] += 1
            if alias_uses["count"] > MAX_ALIAS_USES:
                raise DataError([_problem(path, node, "dùng bí danh (alias) YAML quá nhiều lần")])
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            seen_nodes.add(id(node))
        parsed.positions[at] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if node.tag not in SAFE_TAGS and node.tag != "tag:yaml.org,2002:merge":
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            message = f"không cho phép thẻ YAML '{tag}' (chỉ dùng dữ liệu thường)"
            problems.append(_problem(path, node, message))
            return None
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    problems.append(_problem(path, key_node, "không hỗ trợ khóa gộp '<<'"))
                    continue
                key = convert(key_node, at + ("<key>",), depth + 1)
                if not isinstance(key, (str, int)):
                    problems.append(_problem(path, key_node, "khóa phải là chữ hoặc số"))
                    continue
                if key in result:
                    first = parsed.key_positions.get(at + (key,))
                    where = f" (đã có ở dòng {first[0]})" if first else ""
                    problems.append(_problem(path, key_node, f"khóa '{key}' bị lặp{where}"))
                    continue
                parsed.key_positions[at + (key,)] = (
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                )
                result[key] = convert(value_node, at + (key,), depth + 1)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [convert(item, at + (i,), depth + 1) for i, item in enumerate(node.value)]
        parsed.spans[at] = (node.start_mark.index, node.end_mark.index)
        if isinstance(node, yaml.ScalarNode) and _typed_as_text(node):
            return _checked_text(node.value, node, at, path, problems)
        try:
            value = constructor.construct_object(node, deep=True)
            return _checked_text(value, node, at, path, problems)
        except ValueError:
            if node.tag.endswith(":timestamp"):
                problems.append(_problem(path, node, f"ngày không tồn tại: {shown(node.value)}"))
            else:
                message = f"giá trị không đọc được: {shown(node.value)}"
                problems.append(_problem(path, node, message))
            return None
        except yaml.YAMLError as exc:
            reason = translate_yaml_problem(getattr(exc, "problem", None) or str(exc))
            problems.append(_problem(path, node, f"giá trị không đọc được: {reason}"))
            return None

    if root is not None:
        parsed.data = convert(root, (), 0)
    if problems:
        raise DataError(problems)
    return parsed


def load_year(year_or_path: str | Path, data_dir: Path = locations.DATA) -> YearData:
    """Read, parse and validate a year file; raise ``DataError`` with every problem."""
    return load_file_with_positions(locations.year_path(year_or_path, data_dir))[0]


def load_file_with_positions(path: Path) -> tuple[YearData, Parsed]:
    """Like ``load_year``, and also return the ``Parsed`` file for locating values."""
    parsed = parse_yaml(read_text(path), str(path))
    if not isinstance(parsed.data, dict):
        raise DataError([Problem(str(path), 1, 1, "tệp phải là một bảng khóa: giá trị (mapping)")])
    if "report" in parsed.data:
        line, column = parsed.locate(("report",), key=True) or (None, None)
        year = parsed.data.get("year", path.stem)
        raise DataError(
            [
                Problem(
                    str(path),
                    line,
                    column,
                    "phần 'report' không còn nằm trong tệp dữ liệu: mỗi báo cáo nay là một tệp "
                    f"Markdown riêng trong reports/{year}/. Chạy 'baocao migrate {path}' để tách "
                    "tự động (tệp dữ liệu cũ được giữ lại bên cạnh, đuôi .bak).",
                )
            ]
        )
    try:
        data = YearData.model_validate(parsed.data)
    except ValidationError as exc:
        raise DataError(validation_problems(exc, parsed)) from exc
    return data, parsed


def validation_problems(
    exc: ValidationError, parsed: Parsed, model: type[BaseModel] = YearData
) -> list[Problem]:
    errors: list[tuple[Any, Any]] = []
    for details in exc.errors(include_url=False):
        error: dict[str, Any] = dict(details)
        errors.append((error, place_of(model, tuple(error["loc"]))))
    errors = _one_branch_per_union(errors)
    problems = []
    suggested: set[PathKey] = set()
    described = []
    for error, place in errors:
        loc = place.loc
        choices = list(place.owner.model_fields) if place.owner is not None else []
        siblings = _siblings(parsed.data, loc)
        unused = [c for c in choices if c not in siblings]
        if error["type"] == "extra_forbidden" and loc:
            match = closest(str(loc[-1]), unused)
            if match:
                suggested.add(loc[:-1] + (match,))
        described.append((error, place, unused or choices))
    for error, place, choices in described:
        loc = place.loc
        if error["type"] == "missing" and loc in suggested:
            continue  # the misspelt key is reported with this field as its suggestion
        on_key = error["type"] == "extra_forbidden" or "[key]" in error["loc"]
        position = parsed.locate(loc, key=on_key) or parsed.locate(loc)
        line, column = position if position else (None, None)
        message = describe_validation_error(error, loc, choices)
        problems.append(Problem(parsed.path, line, column, message))
    unique = list(dict.fromkeys(problems))
    unique.sort(key=lambda p: (p.line or 0, p.column or 0))
    return unique


def _one_branch_per_union(errors: list[tuple[dict, Any]]) -> list[tuple[dict, Any]]:
    """A value that fits no member of a union fails once per member: keep the member
    whose errors went deepest into the value (the one the user most likely meant)."""
    best: dict[tuple[Any, ...], tuple[int, str]] = {}
    for _error, place in errors:
        if place.branch is None:
            continue
        union_at, label = place.branch
        depth = len(place.loc)
        if union_at not in best or depth > best[union_at][0]:
            best[union_at] = (depth, label)
    return [
        (error, place)
        for error, place in errors
        if place.branch is None or best[place.branch[0]][1] == place.branch[1]
    ]


def _siblings(data: Any, loc: PathKey) -> list[str]:
    node = data
    for part in loc[:-1]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return []
    return [k for k in node if isinstance(k, str)] if isinstance(node, dict) else []


def closest(word: str, choices: list[str]) -> str | None:
    found = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return found[0] if found else None


def _checked_text(value: Any, node: yaml.Node, at: PathKey, path: str, problems: list) -> Any:
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
    """A plain scalar YAML 1.1 reads as a number but a person reads otherwise stays text.

    PyYAML follows YAML 1.1: ``0605172`` is octal (199290), ``1:30`` base 60 (90),
    ``1_000`` a thousand. YAML 1.2 reads the last two as text; a leading zero is
    kept as typed too (``number: 012`` is a document number, not twelve), so a
    field wanting a number refuses it with its line instead of printing a changed
    figure."""
    if node.style or node.tag not in NUMBER_TAGS:  # plain: None (PyYAML) or "" (libyaml)
        return False
    pattern = INT_12 if node.tag.endswith(":int") else FLOAT_12
    return pattern.fullmatch(node.value) is None


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
