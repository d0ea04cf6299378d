"""The Jinja environment templates run in: sandboxed, strict, escaped and bounded.

- ``SandboxedEnvironment``: no attribute starting with ``_`` (so no ``__class__``,
  ``__globals__``, ``__subclasses__``), no unsafe callables; no loader, so
  ``{% include %}``, ``{% import %}`` and ``{% extends %}`` cannot read files.
- ``StrictUndefined``: a name the data lacks is an error, never an empty string.
- Autoescaping, with braces and quotes written as character references, so that
  text from the data is text in the XML whatever it holds (``&``, ``<``, ``{{``).
- Bounds: every ``{% for %}`` loop draws from one budget of iterations per
  document; ``~``, ``+``, ``*``, ``**``, ``%``, every filter and every method call
  (``'x'.center(n)``, ``'{:>9999}'.format(x)``, ``l.extend(l)``) are measured
  before they run and may not build huge strings, lists or numbers
  (``render/bounds.py``, ``render/filters.py``); what a document writes, over all
  its parts, is bounded too; ``lipsum`` (which writes any amount of text) is gone.
  Jinja has no ``while``; with these a template cannot run forever or fill the
  memory.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from decimal import Decimal
from functools import update_wrapper
from typing import Any, NoReturn, cast

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.runtime import markup_join, str_join
from jinja2.sandbox import SandboxedEnvironment, SandboxedFormatter
from jinja2.visitor import NodeTransformer
from markupsafe import EscapeFormatter, Markup, escape

from ..formatting import FILTERS
from ..limits import MAX_INT_BITS, MAX_ITERATIONS, MAX_OUTPUT, MAX_SIZE
from .bounds import (
    ESCAPED,
    LimitExceeded,
    check,
    check_after_method,
    check_format_spec,
    check_method,
    check_printf,
    checked_result,
    text_size,
)
from .filters import bounded_filters
from .xml import check_text

__all__ = ["GuardedEnvironment", "LimitExceeded", "Unprintable", "jinja_environment"]


LOOP_GUARD = "_baocao_loop_guard"
CONCAT_GUARD = "_baocao_concat_guard"
ENTITIES = {"{": "&#123;", "}": "&#125;"}


class NoFiles(jinja2.BaseLoader):
    """The loader of an environment that may not read any file."""

    def get_source(self, environment: jinja2.Environment, template: str) -> NoReturn:
        raise SecurityError(f"mẫu không được đọc tệp khác ('{template}')")


class Unprintable(SecurityError):
    """A template printed something that is not text: ``None``, a list, a generator."""


PRINTABLE = (str, int, float, Decimal, date)


@jinja2.pass_environment
def finalize(environment: Any, value: Any) -> Any:
    """Every ``{{ value }}`` as XML text: escaped, braces as references (docxtpl turns
    ``{_{`` into ``{{`` after rendering), characters XML cannot hold refused. Only text,
    numbers and dates print: ``None`` (``doc.get('x')``), a list holding ``Undefined``
    (``[doc.x]``) or a generator (``map(attribute=…)``) would print Python's words."""
    if hasattr(value, "__html__"):
        environment.write(len(value.__html__()))
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
    environment.write(len(text))
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
        visited = cast(nodes.For, self.generic_visit(node))
        visited.iter = nodes.Filter(
            visited.iter, LOOP_GUARD, [], [], None, None, lineno=visited.lineno
        )
        return visited

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        visited: Any = self.generic_visit(node)
        operands = nodes.List(visited.nodes, lineno=visited.lineno)
        return nodes.Filter(operands, CONCAT_GUARD, [], [], None, None, lineno=visited.lineno)


@jinja2.pass_context
def _loop_guard(context: Any, iterable: Iterable[Any]) -> Iterator[Any]:
    environment = context.environment
    for item in iterable:
        environment.spend()
        yield item


@jinja2.pass_eval_context
def _concat_guard(eval_ctx: Any, operands: list[Any]) -> str:
    """``a ~ b ~ c``: measured first (each operand printed, escaped if any is markup)."""
    size = 0
    for operand in operands:
        size += text_size(operand, MAX_SIZE - size)
    if eval_ctx.autoescape and any(hasattr(o, "__html__") for o in operands):
        size *= ESCAPED
    check("phép nối ~", size)
    return markup_join(operands) if eval_ctx.autoescape else str_join(operands)


def _huge_power(base: Any, exponent: Any) -> bool:
    if not (isinstance(base, int) and isinstance(exponent, int)) or abs(base) < 2:
        return False
    return exponent > 0 and base.bit_length() * exponent > MAX_INT_BITS


def _huge_repeat(sized: Any, count: Any) -> bool:
    if not (isinstance(sized, (str, list, tuple)) and isinstance(count, int)):
        return False
    return len(sized) * count > MAX_SIZE


def _check_binop(operator: str, left: Any, right: Any) -> None:
    what = f"phép {operator}"
    if operator == "**" and _huge_power(left, right):
        raise LimitExceeded(f"mẫu tạo ra số quá lớn ở {what} (hơn {MAX_INT_BITS} bit)")
    if operator == "*" and (_huge_repeat(left, right) or _huge_repeat(right, left)):
        sized, count = (left, right) if isinstance(right, int) else (right, left)
        check(what, len(sized) * count)
    if operator == "+" and isinstance(left, (str, list, tuple)) and type(left) is type(right):
        check(what, len(left) + len(right))
    if operator == "%" and isinstance(left, str):
        check_printf(what, left, right)


class _BoundedFormatter(SandboxedFormatter):
    """``str.format`` measured field by field, before each field is written."""

    escaped = False

    def __init__(self, env: Any, **kwargs: Any) -> None:
        super().__init__(env, **kwargs)
        self.written = 0

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion in ("r", "a"):
            check("phương thức format", text_size(value, nested=True))
        return super().convert_field(value, conversion)

    def format_field(self, value: Any, format_spec: str) -> Any:
        self.written += check_format_spec("phương thức format", value, format_spec, self.escaped)
        check("phương thức format", self.written)
        return super().format_field(value, format_spec)


class _BoundedEscapeFormatter(_BoundedFormatter, EscapeFormatter):
    escaped = True


class GuardedEnvironment(SandboxedEnvironment):
    """The sandbox of module docstring; one per document, for one iteration budget."""

    intercepted_binops = frozenset({"+", "*", "**", "%"})

    def __init__(self, max_iterations: int = MAX_ITERATIONS) -> None:
        super().__init__(
            undefined=jinja2.StrictUndefined,
            autoescape=True,
            finalize=finalize,
            loader=NoFiles(),
        )
        self.max_iterations = max_iterations
        self.iterations = 0
        self.written = 0
        self.globals.pop("lipsum", None)
        self.filters = bounded_filters({**self.filters, **FILTERS})
        self.filters[LOOP_GUARD] = _loop_guard
        self.filters[CONCAT_GUARD] = _concat_guard

    def reset_budget(self) -> None:
        self.iterations = 0
        self.written = 0

    def write(self, size: int) -> None:
        """Count what the document's template writes, over all its parts."""
        self.written += size
        if self.written > MAX_OUTPUT:
            raise LimitExceeded(
                f"mẫu viết ra quá nhiều chữ (hơn {MAX_OUTPUT:,} ký tự trong một văn bản; "
                "vòng lặp in lại một đoạn rất dài?)".replace(",", ".")
            )

    def concat(self, pieces: Iterable[str]) -> str:
        """Jinja joins every output buffer (a part, a macro, a ``{% set %}`` block)
        here: the pieces are counted before they are joined."""
        kept, size = [], 0
        for piece in pieces:
            size += len(piece)
            if size > MAX_OUTPUT:
                self.write(size)
            kept.append(piece)
        return "".join(kept)

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
        return cast(nodes.Template, _Guard().visit(super()._parse(source, name, filename)))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _check_binop(operator, left, right)
        result = super().call_binop(context, operator, left, right)
        return checked_result(f"phép {operator}", result)

    def call(self, context: Any, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        args = check_method(obj, args, kwargs)
        return check_after_method(obj, super().call(context, obj, *args, **kwargs))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """Jinja's own ``str.format`` sandbox, with formatters that measure each field."""
        if not isinstance(value, (types.MethodType, types.BuiltinMethodType)) or (
            value.__name__ not in ("format", "format_map")
        ):
            return None
        owner: Any = value.__self__
        if not isinstance(owner, str):
            return None
        kind = type(owner)
        is_format_map = value.__name__ == "format_map"

        def wrapper(*args: Any, **kwargs: Any) -> str:
            formatter: _BoundedFormatter
            if isinstance(owner, Markup):
                formatter = _BoundedEscapeFormatter(self, escape=owner.escape)
            else:
                formatter = _BoundedFormatter(self)
            if is_format_map:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one argument")
                return kind(formatter.vformat(owner, (), args[0]))
            return kind(formatter.vformat(owner, args, kwargs))

        return update_wrapper(wrapper, value)


def jinja_environment() -> GuardedEnvironment:
    return GuardedEnvironment()
