"""The filters a template may use, each bounded in size (see ``render/bounds.py``).

A filter that can build something much larger than its input (``center(10**9)``,
``format``, ``replace``, ``join``, ``batch``…) is measured from its arguments
before it runs; every filter's result is checked after. ``urlize``, ``xmlattr``,
``tojson`` and ``pprint`` write HTML, JavaScript or debugging output, which has no
place in a Word document, and are gone, like ``lipsum``.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Mapping
from itertools import chain
from typing import Any

from jinja2.filters import make_attrgetter

from ..limits import MAX_PARTS
from .bounds import (
    LimitExceeded,
    check,
    check_printf,
    checked_result,
    joined_size,
    number_text,
    replaced_size,
    text_size,
)

REMOVED = frozenset({"urlize", "xmlattr", "tojson", "pprint"})

Arguments = dict[str, Any]


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _center(what: str, a: Arguments) -> None:
    check(what, max(text_size(a["value"]), _int(a["width"])))


def _indent(what: str, a: Arguments) -> None:
    text, width = a["s"], a["width"]
    step = len(width) if isinstance(width, str) else _int(width)
    size = text_size(text)
    lines = text.count("\n") + 1 if isinstance(text, str) else size
    check(what, size + lines * step)


def _replace(what: str, a: Arguments) -> None:
    check(what, replaced_size(a["s"], a["old"], a["new"], a["count"]))


def _wordwrap(what: str, a: Arguments) -> None:
    size = text_size(a["s"])
    check(what, size + (size + 1) * text_size(a["wrapstring"] or "\n"))


def _join(what: str, a: Arguments) -> None:
    items = list(a["value"])
    if a["attribute"] is not None:
        getter = make_attrgetter(a["eval_ctx"].environment, a["attribute"])
        items = [getter(item) for item in items]
    separator = a["d"]
    escaped = hasattr(separator, "__html__") or any(hasattr(i, "__html__") for i in items)
    check(what, joined_size(separator, items, escaped))
    a["value"], a["attribute"] = items, None


def _format(what: str, a: Arguments) -> None:
    value = a["value"]
    check(what, text_size(value))
    check_printf(what, value if isinstance(value, str) else str(value), a["kwargs"] or a["args"])


def _batch(what: str, a: Arguments) -> None:
    if a["fill_with"] is not None:
        check(what, _int(a["linecount"]))


def _slice(what: str, a: Arguments) -> None:
    slices = _int(a["slices"])
    if slices > MAX_PARTS:
        raise LimitExceeded(
            f"mẫu chia danh sách thành quá nhiều phần ở {what} ({number_text(slices)}, "
            f"tối đa {number_text(MAX_PARTS)})"
        )


def _string(what: str, a: Arguments) -> None:
    check(what, text_size(next(iter(a.values()))))


def _sum(what: str, a: Arguments) -> None:
    start = a["start"]
    if not isinstance(start, (list, tuple)):
        return
    items = list(a["iterable"])
    if a["attribute"] is not None:
        getter = make_attrgetter(a["environment"], a["attribute"])
        items = [getter(item) for item in items]
    check(what, len(start) + sum(len(i) if isinstance(i, (list, tuple)) else 1 for i in items))
    if all(type(item) is type(start) for item in items):
        # one concatenation instead of one per item (which copies the sum each time)
        items, start = [type(start)(chain(start, *items))], type(start)()
    a["iterable"], a["attribute"], a["start"] = items, None, start


def _roman(what: str, a: Arguments) -> None:
    check(what, _int(a["number"]) // 1000 + 16)


PRECHECKS: dict[str, Callable[[str, Arguments], None]] = {
    "center": _center,
    "indent": _indent,
    "replace": _replace,
    "wordwrap": _wordwrap,
    "join": _join,
    "format": _format,
    "batch": _batch,
    "slice": _slice,
    "string": _string,
    "sum": _sum,
    "la_ma": _roman,
}


def _bounded(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
    what = f"bộ lọc {name}"
    plain = getattr(original, "__wrapped__", None)
    if plain is not None and plain.__name__.startswith("sync_do_"):
        # Jinja's sync-or-async wrapper: templates here never run async, and the
        # plain function's signature is the one its arguments bind to
        original = plain
    precheck = PRECHECKS.get(name)
    signature = inspect.signature(original) if precheck else None

    @functools.wraps(original)  # keeps Jinja's pass_context/pass_eval_context mark
    def bounded(*args: Any, **kwargs: Any) -> Any:
        if precheck is not None and signature is not None:
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            precheck(what, bound.arguments)
            args, kwargs = bound.args, bound.kwargs
        return checked_result(what, original(*args, **kwargs))

    return bounded


def bounded_filters(filters: Mapping[str, Any]) -> dict[str, Callable[..., Any]]:
    """``filters`` without the removed ones, each checked as the module docstring says."""
    return {name: _bounded(name, f) for name, f in filters.items() if name not in REMOVED}
