"""Size bounds of the template sandbox: what an operator, a filter or a method call
would build is estimated from its arguments and refused *before* it is built.

Every estimate is an upper bound of the length of the result (``text_size`` of a
value bounds ``len(str(value))``, and ``len(repr(value))`` for a value inside a
list or dict). Calls whose result can only be a few times longer than their input
(``upper``, ``escape``, ``urlencode``) are checked after they return: their input
is within the bound, so what they build is too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from jinja2.exceptions import SecurityError
from jinja2.runtime import Macro
from jinja2.utils import Namespace

from ..limits import MAX_INT_BITS, MAX_SIZE

ESCAPED = 6
"""How much longer escaping makes a text at most (``'`` → ``&#39;``)."""


class LimitExceeded(SecurityError):
    """A template ran too long or built something too large."""


def number_text(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def too_long(what: str, size: int) -> LimitExceeded:
    return LimitExceeded(
        f"mẫu tạo ra chuỗi hoặc danh sách quá dài ở {what} ({number_text(size)} phần tử, "
        f"tối đa {number_text(MAX_SIZE)})"
    )


def check(what: str, size: int) -> None:
    if size > MAX_SIZE:
        raise too_long(what, size)


def checked_result(what: str, value: Any) -> Any:
    """``value`` if it is within the bounds (for results checked after the call)."""
    if isinstance(value, (str, bytes, list, tuple, dict, set)):
        check(what, len(value))
    if isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
        raise LimitExceeded(f"mẫu tạo ra số quá lớn ở {what} (hơn {MAX_INT_BITS} bit)")
    return value


class _Over(Exception):
    """The estimate passed the limit: no need to look further."""


class _Sizer:
    def __init__(self, limit: int) -> None:
        self.limit, self.total, self.open = limit, 0, set[int]()

    def add(self, size: int) -> None:
        self.total += size
        if self.total > self.limit:
            raise _Over

    def visit(self, value: Any, nested: bool) -> None:
        if isinstance(value, (str, bytes)):
            size = len(value)
            if nested:  # repr or JSON escapes: \x00, \u00e9, \ud83d\ude00 at most
                plain = value.isascii() and (isinstance(value, bytes) or value.isprintable())
                size = size * (ESCAPED if plain else 12) + 3
            self.add(size)
        elif value is None or isinstance(value, (bool, float, date)):
            self.add(40)
        elif isinstance(value, int):
            self.add(value.bit_length() * 10 // 33 + 2)
        elif isinstance(value, Decimal):
            digits, exponent = value.as_tuple()[1:]
            self.add(len(digits) + (abs(exponent) if isinstance(exponent, int) else 0) + 8)
        elif isinstance(value, (Mapping, list, tuple, set, frozenset, range, Namespace)):
            self.visit_container(value)
        else:
            self.add(256)  # a macro, a loop, a generator: Python's short description

    def visit_container(self, value: Any) -> None:
        if id(value) in self.open:
            self.add(5)  # Python prints a cycle as [...]
            return
        self.open.add(id(value))
        if isinstance(value, Namespace):
            value = object.__getattribute__(value, "_Namespace__attrs")
        if isinstance(value, Mapping):
            for key, item in value.items():
                self.add(4)
                self.visit(key, True)
                self.visit(item, True)
        else:
            for item in value:
                self.add(2)
                self.visit(item, True)
        self.add(32)
        self.open.discard(id(value))


def text_size(value: Any, limit: int = MAX_SIZE, nested: bool = False) -> int:
    """An upper bound of ``len(str(value))``; once past ``limit``, any number past it."""
    sizer = _Sizer(limit)
    try:
        sizer.visit(value, nested)
    except _Over:
        pass
    except RecursionError:
        return limit + 1
    return sizer.total


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


# -- printf: '%08.3f' % x, the format filter -----------------------------------------


def _printf_specs(text: str) -> Iterable[tuple[int, int]]:
    """(digits written in width and precision, ``*`` count) of each ``%`` conversion,
    read as Python reads them (mapping keys may hold balanced parentheses)."""
    index, end = 0, len(text)
    while True:
        index = text.find("%", index)
        if index < 0 or index + 1 >= end:
            return
        index += 1
        if text[index] == "(":
            depth = 0
            while index < end:
                depth += {"(": 1, ")": -1}.get(text[index], 0)
                index += 1
                if depth == 0:
                    break
        start = index
        while index < end and text[index] in "-+ #0123456789.*hlL":
            index += 1
        spec = text[start:index]
        yield sum(int(d) for d in re.findall(r"\d+", spec)), spec.count("*")
        index += 1  # the conversion character


def check_printf(what: str, template: Any, values: Any) -> None:
    """``template % values`` must not exceed the bound (widths, precisions, arguments)."""
    if not isinstance(template, (str, bytes)):
        return
    text = template.decode("latin-1") if isinstance(template, bytes) else template
    specs = list(_printf_specs(text))
    if not specs:
        return
    items = values if isinstance(values, tuple) else (values,)
    widest = max((abs(_int(v)) for v in items), default=0)
    arguments = text_size(values, nested=isinstance(values, (list, dict)))
    if hasattr(template, "__html__"):
        arguments *= ESCAPED
    size = len(text) + sum(digits + 330 + stars * widest for digits, stars in specs)
    check(what, size + len(specs) * arguments)


def check_format_spec(what: str, value: Any, spec: str, escaped: bool) -> int:
    """The most ``format(value, spec)`` can write: widths and precisions, the value,
    and for dates each ``strftime`` directive's longest text."""
    digits = sum(int(d) for d in re.findall(r"\d+", spec))
    size = digits + text_size(value) * (ESCAPED if escaped else 1) + 330
    if isinstance(value, date):
        size += 64 * len(spec)
    check(what, size)
    return size


# -- methods of strings, bytes, lists ----------------------------------------------------

PADDING = {"center", "ljust", "rjust", "zfill"}
MUTATORS = {"append", "extend", "insert", "update", "add", "setdefault", "__setitem__"}


def _argument(args: tuple[Any, ...], kwargs: Mapping[str, Any], index: int, name: str) -> Any:
    if len(args) > index:
        return args[index]
    return kwargs.get(name)


def replaced_size(text: Any, old: Any, new: Any, count: Any) -> int:
    """The length of ``text.replace(old, new, count)``, before replacing (the filter
    makes text of a number first)."""
    if not isinstance(text, (str, bytes)):
        if text_size(text) > MAX_SIZE:
            return text_size(text)
        text = str(text)
    if not isinstance(old, (str, bytes)):
        old = str(old)
    if type(old) is not type(text) and not isinstance(text, str):
        return text_size(text)
    found = text.count(old) if old else len(text) + 1
    if isinstance(count, int) and count >= 0:
        found = min(found, count)
    grows = text_size(new) * (ESCAPED if hasattr(text, "__html__") else 1) - len(old)
    return len(text) + found * max(0, grows)


def joined_size(separator: Any, items: list[Any], escaped: bool = False) -> int:
    size = len(items) * text_size(separator) if items else 0
    for item in items:
        size += text_size(item, MAX_SIZE - size)
        if size > MAX_SIZE:
            break
    return size * (ESCAPED if escaped else 1)


def _translated_size(text: str, table: Any) -> int:
    if isinstance(table, Mapping):
        entries: Iterable[Any] = table.values()
    elif isinstance(table, (list, tuple)):
        entries = table
    else:
        entries = ()
    longest = max((text_size(e) for e in entries if isinstance(e, (str, bytes))), default=1)
    return len(text) * max(1, longest)


def _string_method_size(text: Any, name: str, args: tuple[Any, ...], kw: Mapping[str, Any]) -> int:
    """The most ``text.name(*args, **kw)`` can write, for the methods that can grow it."""
    if name in PADDING:
        return max(len(text), _int(_argument(args, kw, 0, "width")))
    if name == "expandtabs":
        tab = _argument(args, kw, 0, "tabsize")
        tabs: int = text.count("\t" if isinstance(text, str) else b"\t")
        return len(text) + tabs * (8 if tab is None else _int(tab))
    if name == "replace":
        old, new, count = (_argument(args, kw, i, n) for i, n in enumerate(("old", "new", "count")))
        return replaced_size(text, old, new, count)
    if name == "translate" and isinstance(text, str) and args:
        return _translated_size(text, args[0])
    return 0


def check_method(func: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> tuple[Any, ...]:
    """Refuse a method call whose result would be too large; ``args`` to call it with
    (an iterable handed to ``join`` is read once, here, to be measured)."""
    owner, name = getattr(func, "__self__", None), getattr(func, "__name__", "")
    what = f"phương thức {name}"
    if isinstance(owner, (str, bytes)):
        if name == "join" and args:
            items = list(args[0])
            check(what, joined_size(owner, items, hasattr(owner, "__html__")))
            return (items, *args[1:])
        check(what, _string_method_size(owner, name, args, kwargs))
    elif isinstance(owner, int) and name == "to_bytes":
        check(what, _int(_argument(args, kwargs, 0, "length")))
    elif isinstance(owner, date) and name == "strftime" and args:
        check(what, 64 * text_size(args[0]))
    return args


def check_after_method(func: Any, result: Any) -> Any:
    """A list, dict or set a method grew must stay within the bound, as must the result
    (a macro's text is counted with the rest of the document's, see ``sandbox.py``)."""
    if isinstance(func, Macro):
        return result
    owner, name = getattr(func, "__self__", None), getattr(func, "__name__", "")
    what = f"phương thức {name}" if owner is not None else f"hàm {name}"
    if name in MUTATORS and isinstance(owner, (list, dict, set)):
        checked_result(what, owner)
    return checked_result(what, result)
