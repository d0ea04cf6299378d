"""Vietnamese messages for schema errors reported by pydantic."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from ..limits import MAX_FIGURE_TEXT

NUMBER_AS_TEXT = re.compile(r"^-?[\d.]+(,\d+)?\s*%?$")
LEADING_ZERO = re.compile(r"[-+]?0[0-9]+")
OLD_YAML_NUMBER = re.compile(
    r"[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|[-+]?[0-9][0-9_]*(\.[0-9_]*)?"
)
"""Base 60 (``1:30``) and ``_`` separated (``1_000``) numbers of YAML 1.1: text to us."""


@lru_cache(maxsize=1)
def known_keys() -> list[str]:
    """Every key the year file may use, for 'did you mean' suggestions."""
    from pydantic import BaseModel

    from ..model import report as report_model
    from ..model import year as model

    keys: set[str] = set()
    for module in (model, report_model):
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, BaseModel):
                keys.update(value.model_fields)
    return sorted(keys)


def unknown_metric(metric_id: str, known: Iterable[str]) -> str:
    """``không có chỉ tiêu 'x' trong 'metrics'``, with the closest id when one is near."""
    return _unknown_metric(metric_id, tuple(known))


@lru_cache(maxsize=1024)
def _unknown_metric(metric_id: str, known: tuple[str, ...]) -> str:
    """Remembered: a report citing one wrong id a thousand times asks a thousand times,
    and each answer compares the id with every metric."""
    message = f"không có chỉ tiêu '{metric_id}' trong 'metrics'"
    import difflib

    close = difflib.get_close_matches(metric_id, known, n=1, cutoff=0.75)
    return f"{message} (có phải '{close[0]}'?)" if close else message


def field_name(loc: tuple[Any, ...]) -> str:
    parts = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        else:
            parts.append(("." if parts else "") + str(part))
    return "".join(parts) or "(gốc)"


OWNERS = {
    "metrics": "chỉ tiêu",
    "task_lists": "danh sách nhiệm vụ",
    "units": "đơn vị",
    "agencies": "cơ quan",
}


def owner_label(data: Any, loc: tuple[Any, ...]) -> str:
    """`` (chỉ tiêu 'ho_so_truc_tuyen')``: by id, the metric (task list, unit, source,
    agency) that ``loc`` lies in, which a user knows better than its place
    ``metrics[55]``; a metric of a unit with its unit (``chỉ tiêu 'x' của đơn vị 'y'``).
    Empty when ``loc`` is no deeper than the item, names its id, or it has none."""
    owners: list[str] = []
    node = data
    for index, key in enumerate(loc):
        rest = loc[index + 1 :]
        if key == "sources" and rest and isinstance(rest[0], str) and len(rest) > 1:
            owners.append(f"nguồn '{rest[0]}'")
        if (
            key in OWNERS
            and rest
            and isinstance(rest[0], int)
            and len(rest) > 1
            and rest[1] != "id"
            and isinstance(node, dict)
        ):
            items = node.get(key)
            item = items[rest[0]] if isinstance(items, list) and rest[0] < len(items) else None
            found = item.get("id") if isinstance(item, dict) else None
            if isinstance(found, (str, int)) and not isinstance(found, bool) and found != "":
                owners.append(f"{OWNERS[key]} '{found}'")
        node = _step(node, key)
    return f" ({' của '.join(reversed(owners))})" if owners else ""


def _step(node: Any, key: Any) -> Any:
    if isinstance(node, dict):
        return node.get(key)
    if isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
        return node[key]
    return None


def number_hint(raw: str) -> str:
    """How to write a number that was typed the Vietnamese way, as text."""
    text = raw.strip().rstrip("%").strip()
    if "," in text or re.fullmatch(r"-?\d{1,3}(\.\d{3})+", text):
        plain = text.replace(".", "").replace(",", ".")
    else:
        plain = text
    return f"hãy viết {plain}: dấu chấm thập phân, không dấu chấm phân cách nghìn, không dấu %"


YAML_PROBLEMS = {
    "mapping values are not allowed here": "không được có dấu ':' ở đây "
    "(thiếu dấu cách sau ':', hoặc câu chữ có ':' cần đặt trong ngoặc kép)",
    "could not find expected ':'": "thiếu dấu ':' sau khóa",
    "did not find expected key": "thụt lề không đúng hoặc thiếu khóa",
    "did not find expected '-' indicator": "thụt lề của danh sách không đúng",
    "found character '\\t' that cannot start any token": "không dùng phím Tab để thụt lề",
    "found unexpected end of stream": "tệp kết thúc đột ngột (thiếu dấu ngoặc kép đóng?)",
    "found undefined alias": "bí danh (alias) chưa được định nghĩa",
    "found unknown escape character": "ký tự thoát '\\' không hợp lệ trong chuỗi ngoặc kép",
    "found invalid Unicode character escape code": "mã thoát Unicode không hợp lệ "
    "(nửa cặp surrogate lẻ hoặc mã không phải ký tự)",
    "did not find expected node content": "thiếu giá trị",
    "did not find expected ',' or ']'": "thiếu dấu ',' hoặc ']'",
    "did not find expected ',' or '}'": "thiếu dấu ',' hoặc '}'",
    "expected <block end>, but found": "thụt lề không đúng",
    "found duplicate anchor": "neo (anchor) bị lặp",
    "mapping values are not allowed in this context": "không được có dấu ':' ở đây "
    "(thiếu dấu cách sau ':', hoặc câu chữ có ':' cần đặt trong ngoặc kép)",
    "found a tab character": "không dùng phím Tab để thụt lề",
    "found character that cannot start any token": "có ký tự không được đứng đầu giá trị "
    "(Tab, @ hay `): câu chữ như vậy cần đặt trong ngoặc kép",
    "exceeded maximum nesting depth": "lồng quá sâu",
    "block sequence entries are not allowed in this context": "không được bắt đầu danh sách "
    "('- ') ở đây: xuống dòng và thụt lề trước dấu '-'",
    "did not find expected <document start>": "thừa nội dung sau giá trị (câu chữ cần "
    "đặt trong ngoặc kép?)",
    "found unknown directive name": "chỉ thị '%' không hợp lệ (dòng bắt đầu bằng '%' cần "
    "đặt trong ngoặc kép)",
    "found unexpected ':'": "dấu ':' không đúng chỗ (câu chữ có ':' cần đặt trong ngoặc kép)",
    "expected a comment or a line break": "thừa nội dung sau giá trị trên cùng dòng",
    "found unexpected document separator": "dòng '---' hay '...' không đúng chỗ",
    "did not find URI escaped octet": "thẻ YAML không hợp lệ",
    "did not find expected tag URI": "thẻ YAML không hợp lệ",
    "control characters are not allowed": "có ký tự điều khiển không được phép",
    "found a BOM": "có dấu BOM ở giữa tệp",
}


def translate_yaml_problem(problem: str) -> str:
    """PyYAML's English reason for a syntax error, in Vietnamese when it is a common one."""
    for english, vietnamese in YAML_PROBLEMS.items():
        if problem.startswith(english):
            return vietnamese
    return f"không đọc được cấu trúc YAML ở đây (chi tiết: {problem[:200]})"


def _number_problem(name: str, found: Any) -> str | None:
    """The message for a number a year file cannot hold, or ``None`` if it is another kind."""
    if isinstance(found, float) and not math.isfinite(found):
        return f"'{name}' phải là một số cụ thể, không dùng .inf hay .nan (tìm thấy: {found})"
    if isinstance(found, (int, float)) and not isinstance(found, bool):
        if abs(found) > 10**15:
            shown = f"{found:.3g}" if abs(found) < 10**300 else "số hơn 300 chữ số"
            return f"'{name}' quá lớn (tìm thấy: {shown}); số liệu tối đa là {MAX_FIGURE_TEXT}"
        return None
    if not isinstance(found, str):
        return None
    text = found.strip()
    if LEADING_ZERO.fullmatch(text):
        plain = text.lstrip("+-").lstrip("0") or "0"
        sign = "-" if text.startswith("-") else ""
        return (
            f"'{name}' là số có chữ số 0 ở đầu ('{text}'), không rõ ý: nếu là số, hãy viết "
            f"{sign}{plain}; nếu là chữ (mã, số hiệu), hãy đặt trong ngoặc kép"
        )
    if OLD_YAML_NUMBER.fullmatch(text) and ("_" in text or ":" in text):
        return (
            f"'{name}' phải là số (tìm thấy '{text}': dạng có dấu ':' hay '_' không phải là số; "
            "hãy viết số liền, không dấu phân cách)"
        )
    return None


def shown(value: Any, limit: int = 80) -> str:
    """A value as the user typed it, never a Python repr like ``datetime.datetime(…)``,
    and cut short: a message echoes a line, not a megabyte."""
    if isinstance(value, datetime):
        text = repr(value.isoformat(sep=" "))
    elif isinstance(value, date):
        text = repr(value.isoformat())
    elif isinstance(value, (list, dict)):
        text = "một danh sách" if isinstance(value, list) else "một bảng khóa: giá trị"
    else:
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


EMPTY_TYPES = {"string_type", "list_type", "dict_type", "model_type", "int_type", "float_type"}


NUMBER_TYPES = {"int_parsing", "float_parsing", "int_type", "float_type", "int_from_float"}
DATE_TYPES = {
    "date_type",
    "date_parsing",
    "date_from_datetime_parsing",
    "date_from_datetime_inexact",
}
BOUND_TYPES = {"greater_than_equal", "less_than_equal"}


def describe_validation_error(
    error: dict[str, Any],
    loc: tuple[Any, ...],
    choices: list[str] | None = None,
    allowed: list[str] | None = None,
) -> str:
    """One Vietnamese sentence for a pydantic error at data location ``loc``.

    ``choices`` are the keys still free where the error is, for 'did you mean' hints;
    ``allowed`` every key valid there, listed when no key is close.
    """
    kind = error["type"]
    name = field_name(loc)
    found = error.get("input")
    if isinstance(found, str) and len(found) > 80:
        found = found[:79] + "…"  # a message echoes a value, not a megabyte of it
    if kind == "extra_forbidden":
        return _unknown_key(loc, choices, allowed or choices)
    if kind == "missing":
        return f"thiếu trường bắt buộc '{name}'"
    if found is None and (kind in EMPTY_TYPES or kind.startswith("date")):
        return f"'{name}' không được để trống"
    if kind in NUMBER_TYPES or kind in BOUND_TYPES or kind == "finite_number":
        return _number_message(kind, name, found, error)
    if kind == "string_pattern_mismatch":
        return _pattern_message(name, found, error)
    return _shape_message(kind, name, found, error)


SYNONYMS = {
    "kinh_gui": "to",
    "kính_gửi": "to",
    "kinh gui": "to",
    "noi_nhan": "recipients",
    "nơi_nhận": "recipients",
    "nguoi_ky": "signer",
    "trich_yeu": "summary",
    "so": "number",
    "ky_hieu": "symbol",
    "loai": "type",
}
"""Keys typed in Vietnamese, and the key that means the same."""


def _unknown_key(loc: tuple[Any, ...], choices: list[str] | None, allowed: list[str] | None) -> str:
    import difflib

    key = loc[-1] if loc else "?"
    synonym = SYNONYMS.get(str(key).casefold())
    if synonym and (allowed is None or synonym in allowed):
        return f"khóa không hợp lệ '{key}', có phải ý bạn là '{synonym}'?"
    match = difflib.get_close_matches(str(key), choices or known_keys(), n=1, cutoff=0.6)
    if match:
        return f"khóa không hợp lệ '{key}', có phải ý bạn là '{match[0]}'?"
    if allowed:
        return f"khóa không hợp lệ '{key}' (các khóa dùng được ở đây: {', '.join(allowed)})"
    return f"khóa không hợp lệ '{key}'"


def _number_message(kind: str, name: str, found: Any, error: dict[str, Any]) -> str:
    """A number that is text, out of its bounds, or not finite."""
    special = _number_problem(name, found)
    if special:
        return special
    if kind == "finite_number":
        return f"'{name}' phải là số hữu hạn"
    if kind in BOUND_TYPES:
        bound = error.get("ctx", {}).get("ge" if kind == "greater_than_equal" else "le")
        limit = f", {'tối thiểu' if kind == 'greater_than_equal' else 'tối đa'} {bound}"
        limit = limit if bound is not None else ""
        return f"'{name}' nằm ngoài khoảng cho phép (tìm thấy: {shown(found)}{limit})"
    if isinstance(found, str) and NUMBER_AS_TEXT.match(found.strip()):
        return f"'{name}' phải là số, không phải chữ (tìm thấy '{found}', {number_hint(found)})"
    return f"'{name}' phải là số (tìm thấy: {shown(found)})"


def _pattern_message(name: str, found: Any, error: dict[str, Any]) -> str:
    """A date, a table column or an identifier that does not match its pattern."""
    pattern = error.get("ctx", {}).get("pattern", "")
    if "d{4}" in pattern and "-" in pattern:
        return (
            f"'{name}' phải là năm, tháng hoặc ngày dạng YYYY, YYYY-MM hay YYYY-MM-DD "
            f"(tìm thấy: {shown(found)})"
        )
    if "target" in pattern:
        return (
            f"cột không hợp lệ '{found}' ở '{name}' (dùng: stt, name, result, evaluation, "
            "note, lead, partners, time, progress, target:YYYY)"
        )
    return (
        f"'{name}' chỉ được gồm chữ thường không dấu, số và dấu gạch dưới, "
        f"bắt đầu bằng chữ (tìm thấy: {shown(found)})"
    )


def _shape_message(kind: str, name: str, found: Any, error: dict[str, Any]) -> str:
    """A value of the wrong kind: text, date, list, mapping, a choice, a rule of the model."""
    if kind == "string_type":
        return f"'{name}' phải là chữ (tìm thấy: {shown(found)})"
    if kind in DATE_TYPES:
        return f"'{name}' phải là ngày hợp lệ dạng YYYY-MM-DD (tìm thấy: {shown(found)})"
    if kind == "literal_error":
        expected = str(error.get("ctx", {}).get("expected", "")).replace("' or '", "' hoặc '")
        return f"'{name}' không hợp lệ: {shown(found)} (giá trị cho phép: {expected})"
    if kind in {"too_short", "string_too_short"}:
        return f"'{name}' không được để trống"
    if kind == "list_type":
        return f"'{name}' phải là một danh sách (các dòng bắt đầu bằng '- ')"
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return f"'{name}' phải là một bảng khóa: giá trị"
    if kind in {"value_error", "assertion_error"}:
        text = str(error.get("msg", "")).removeprefix("Value error, ")
        return f"'{name}': {text}"
    if kind in {"bool_parsing", "bool_type"}:
        return f"'{name}' phải là true (có) hoặc false (không) (tìm thấy: {shown(found)})"
    if kind == "union_tag_invalid":
        return f"'{name}' không đúng dạng nào được phép"
    return f"'{name}': {error.get('msg', kind)}"


def explain(exc: BaseException) -> str | None:
    """A pydantic ``ValidationError`` that escaped the loaders (a bug), as Vietnamese
    sentences instead of pydantic's English dump with its web addresses; ``None`` for
    any other exception."""
    from pydantic import ValidationError

    if not isinstance(exc, ValidationError):
        return None
    errors = exc.errors()
    sentences = [describe_validation_error(dict(e), tuple(e.get("loc", ()))) for e in errors[:3]]
    more = f" (và {len(errors) - 3} lỗi khác)" if len(errors) > 3 else ""
    return "; ".join(sentences) + more
