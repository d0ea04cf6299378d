"""Year files: read the text safely, parse it, validate it against the model.

A schema error is reported at the line and column of the value (``yaml_located``).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import locations
from .errorloc import place_of
from .errors import DataError, DataFileNotFound, Problem
from .messages import describe_validation_error
from .model import YearData
from .yaml_located import Location, Parsed, PathKey, StructureError, parse_yaml

__all__ = ["Location", "Parsed", "PathKey", "load_file_with_positions", "load_year", "parse_yaml"]

MAX_FILE_BYTES = 64 * 1024 * 1024
"""A province's year with every commune's figures (50 000 metrics) is about 25 MB."""


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


def load_year(year_or_path: str | Path, data_dir: Path = locations.DATA) -> YearData:
    """Read, parse and validate a year file; raise ``DataError`` with every problem."""
    return load_file_with_positions(locations.year_path(year_or_path, data_dir))[0]


class IncompleteYear(DataError):
    """A year file with problems in its YAML structure whose data, read past them, still
    fits the model: the rules and the reports can be checked in the same run."""

    def __init__(self, problems: list[Problem], loaded: tuple[YearData, Parsed]) -> None:
        super().__init__(problems)
        self.loaded = loaded


def load_file_with_positions(path: Path) -> tuple[YearData, Parsed]:
    """Like ``load_year``, and also return the ``Parsed`` file for locating values."""
    structural: list[Problem] = []
    try:
        parsed = parse_yaml(read_text(path), str(path))
    except StructureError as exc:
        parsed, structural = exc.recovered, list(exc.problems)
    if not isinstance(parsed.data, dict):
        message = "tệp phải là một bảng khóa: giá trị (mapping)"
        raise DataError([*structural, Problem(str(path), 1, 1, message)])
    if "report" in parsed.data:
        line, column = parsed.locate(("report",), key=True) or (None, None)
        year = parsed.data.get("year", path.stem)
        raise DataError(
            [
                *structural,
                Problem(
                    str(path),
                    line,
                    column,
                    "phần 'report' không còn nằm trong tệp dữ liệu: mỗi báo cáo nay là một tệp "
                    f"Markdown riêng trong reports/{year}/. Chạy 'baocao migrate {path}' để tách "
                    "tự động (tệp dữ liệu cũ được giữ lại bên cạnh, đuôi .bak).",
                ),
            ]
        )
    try:
        data = YearData.model_validate(parsed.data)
    except ValidationError as exc:
        explained = {(p.line, p.column) for p in structural}  # a refused value is None
        schema = validation_problems(exc, parsed)
        fresh = [p for p in schema if (p.line, p.column) not in explained]
        ordered = sorted([*structural, *fresh], key=lambda p: (p.line or 0, p.column or 0))
        raise DataError(ordered) from exc
    if structural:
        raise IncompleteYear(structural, (data, parsed))
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
    import difflib

    found = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return found[0] if found else None
