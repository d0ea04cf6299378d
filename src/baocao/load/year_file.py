"""Year files: read the text safely, parse it, validate it against the model.

A schema error is reported at the line and column of the value (``yaml_careful``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .. import locations
from ..errors import DataError, Problem
from ..model.year import YearData
from .error_places import place_of
from .messages import describe_validation_error, field_name, owner_label
from .text import read_text
from .yaml_careful import Parsed, StructureError, parse_yaml
from .yaml_positions import PathKey


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


def year_data(parsed: Parsed) -> YearData:
    """The data of a parsed year file; ``DataError`` with every schema problem."""
    try:
        return YearData.model_validate(parsed.data)
    except ValidationError as exc:
        raise DataError(validation_problems(exc, parsed)) from exc


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
        described.append((error, place, unused or choices, choices))
    for error, place, choices, allowed in described:
        loc = place.loc
        if error["type"] == "missing" and loc in suggested:
            continue  # the misspelt key is reported with this field as its suggestion
        on_key = error["type"] == "extra_forbidden" or "[key]" in error["loc"]
        position = parsed.locate(loc, key=on_key) or parsed.locate(loc)
        line, column = position if position else (None, None)
        message = describe_validation_error(error, loc, choices, allowed)
        message = _with_owner(message, loc, owner_label(parsed.data, loc))
        problems.append(Problem(parsed.path, line, column, message))
    unique = list(dict.fromkeys(problems))
    unique.sort(key=lambda p: (p.line or 0, p.column or 0))
    return unique


def _with_owner(message: str, loc: PathKey, owner: str) -> str:
    """``message`` with ``owner`` right after the field it names (or at its end)."""
    name = f"'{field_name(loc)}'"
    return message.replace(name, name + owner, 1) if name in message else message + owner


def _one_branch_per_union(
    errors: list[tuple[dict[str, Any], Any]],
) -> list[tuple[dict[str, Any], Any]]:
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
