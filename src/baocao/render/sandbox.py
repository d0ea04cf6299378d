"""The Jinja environment templates run in: sandboxed, strict, escaped and bounded.

- ``SandboxedEnvironment``: no attribute starting with ``_`` (so no ``__class__``,
  ``__globals__``, ``__subclasses__``), no unsafe callables; no loader, so
  ``{% include %}``, ``{% import %}`` and ``{% extends %}`` cannot read files.
- ``StrictUndefined``: a name the data lacks is an error, never an empty string.
- Autoescaping, with braces and quotes written as character references, so that
  text from the data is text in the XML whatever it holds (``&``, ``<``, ``{{``).
- Bounds: every ``{% for %}`` loop draws from one budget of iterations per
  document, ``~``, ``+``, ``*`` and ``**`` may not build huge strings, lists or
  numbers, and ``lipsum`` (which writes any amount of text) is gone. Jinja has no
  ``while``; with these a template cannot run forever or fill the memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from jinja2.visitor import NodeTransformer
from markupsafe import Markup, escape

from ..formatting import FILTERS
from .xml import check_text

MAX_ITERATIONS = 1_000_000
"""Loop iterations one document may run, over all its loops (a real one runs thousands)."""
MAX_SIZE = 5_000_000
"""Longest string or list an operator in a template may build."""
MAX_INT_BITS = 4096
"""Largest number (in bits) an operator in a template may build."""

LOOP_GUARD = "_baocao_loop_guard"
SIZE_GUARD = "_baocao_size_guard"
ENTITIES = {"{": "&#123;", "}": "&#125;"}


class LimitExceeded(SecurityError):
    """A template ran too long or built something too large."""


class NoFiles(jinja2.BaseLoader):
    """The loader of an environment that may not read any file."""

    def get_source(self, environment: jinja2.Environment, template: str):
        raise SecurityError(f"mẫu không được đọc tệp khác ('{template}')")


class Unprintable(SecurityError):
    """A template printed something that is not text: ``None``, a list, a generator."""


PRINTABLE = (str, int, float, Decimal, date)


def finalize(value: Any) -> Any:
    """Every ``{{ value }}`` as XML text: escaped, braces as references (docxtpl turns
    ``{_{`` into ``{{`` after rendering), characters XML cannot hold refused. Only text,
    numbers and dates print: ``None`` (``doc.get('x')``), a list holding ``Undefined``
    (``[doc.x]``) or a generator (``map(attribute=…)``) would print Python's words."""
    if hasattr(value, "__html__"):
        return value  # already markup: runs and tables built by baocao, docxtpl RichText
    if isinstance(value, jinja2.Undefined):
        str(value)  # StrictUndefined raises, naming the missing name
    if isinstance(value, bool) or not isinstance(value, PRINTABLE):
        kind = "giá trị trống (None)" if value is None else f"một {_kind(value)}, không phải chữ"
        raise Unprintable(
            f"mẫu in ra {kind}; chỉ in được chữ, số hoặc ngày (dùng vòng lặp for hay bộ lọc "
            "join cho danh sách, kiểm tra tên trường)"
        )
    text = str(escape(check_text(str(value))))
    for char, entity in ENTITIES.items():
        text = text.replace(char, entity)
    return Markup(text)


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "giá trị đúng/sai"
    if isinstance(value, (list, tuple, set)):
        return "danh sách"
    if isinstance(value, dict):
        return "bảng khóa: giá trị"
    return f"đối tượng kiểu {type(value).__name__}"


class _Guard(NodeTransformer):
    """Route every loop's iterable and every ``~`` through the guards."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        visited: Any = self.generic_visit(node)
        visited.iter = nodes.Filter(
            visited.iter, LOOP_GUARD, [], [], None, None, lineno=visited.lineno
        )
        return visited

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        visited: Any = self.generic_visit(node)
        return nodes.Filter(visited, SIZE_GUARD, [], [], None, None, lineno=visited.lineno)


@jinja2.pass_context
def _loop_guard(context: Any, iterable: Iterable[Any]) -> Iterator[Any]:
    environment = context.environment
    for item in iterable:
        environment.spend()
        yield item


@jinja2.pass_context
def _size_guard(context: Any, value: Any) -> Any:
    return _checked_size(value)


def _checked_size(value: Any) -> Any:
    if isinstance(value, (str, list, tuple)) and len(value) > MAX_SIZE:
        raise LimitExceeded(f"mẫu tạo ra chuỗi hoặc danh sách quá dài (hơn {MAX_SIZE} phần tử)")
    if isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
        raise LimitExceeded("mẫu tạo ra số quá lớn")
    return value


def _huge_power(base: Any, exponent: Any) -> bool:
    if not (isinstance(base, int) and isinstance(exponent, int)) or abs(base) < 2:
        return False
    return exponent > 0 and base.bit_length() * exponent > MAX_INT_BITS


def _huge_repeat(sized: Any, count: Any) -> bool:
    if not (isinstance(sized, (str, list, tuple)) and isinstance(count, int)):
        return False
    return len(sized) * count > MAX_SIZE


class GuardedEnvironment(SandboxedEnvironment):
    """The sandbox of module docstring; one per document, for one iteration budget."""

    intercepted_binops = frozenset({"+", "*", "**"})

    def __init__(self, max_iterations: int = MAX_ITERATIONS) -> None:
        super().__init__(
            undefined=jinja2.StrictUndefined,
            autoescape=True,
            finalize=finalize,
            loader=NoFiles(),
        )
        self.max_iterations = max_iterations
        self.iterations = 0
        self.globals.pop("lipsum", None)
        self.filters.update(FILTERS)
        self.filters[LOOP_GUARD] = _loop_guard
        self.filters[SIZE_GUARD] = _size_guard

    def reset_budget(self) -> None:
        self.iterations = 0

    def spend(self) -> None:
        self.iterations += 1
        if self.iterations > self.max_iterations:
            raise LimitExceeded(
                f"vòng lặp của mẫu chạy quá {self.max_iterations:,} lần "
                "(mẫu có vòng lặp vô tận?)".replace(",", ".")
            )

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        # Jinja compiles through this one method (``parse`` and ``compile`` both call it):
        # the guards are put into every template's tree here.
        return _Guard().visit(super()._parse(source, name, filename))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and _huge_power(left, right):
            raise LimitExceeded("mẫu tạo ra số quá lớn")
        if operator == "*" and (_huge_repeat(left, right) or _huge_repeat(right, left)):
            raise LimitExceeded(f"mẫu tạo ra chuỗi hoặc danh sách quá dài (hơn {MAX_SIZE} phần tử)")
        return _checked_size(super().call_binop(context, operator, left, right))


def jinja_environment() -> GuardedEnvironment:
    return GuardedEnvironment()
