"""Vietnamese for the words typer prints itself (help headings, usage errors).

typer's help screens and usage errors are English and not translatable through
gettext, so this module replaces the few strings a user meets: the help
headings, the help option, the usage line, the usage-error messages with their
"did you mean" hints, the reasons typer's checks (pydantic's) give for a refused
value, the bounds of a number option, and the shell-completion options. Each
patch is guarded: with another typer version the CLI still works, only in
English, and ``tests/test_cli_text.py`` says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

HEADINGS = {
    "Arguments": "Đối số",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "required": "bắt buộc",
    "default: {default}": "mặc định: {default}",
    "env var: {var}": "biến môi trường: {var}",
    "(dynamic)": "(tùy lúc chạy)",
    "Aborted!": "Đã dừng.",
    "Missing command.": "Thiếu tên lệnh.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
}

HELP_OPTION = "Hiện hướng dẫn này rồi thoát."
USAGE_PREFIX = "Cách dùng: "
USAGE_WORDS = {"[OPTIONS]": "[TÙY_CHỌN]", "COMMAND [ARGS]...": "LỆNH [ĐỐI_SỐ]..."}

ERROR_PATTERNS = [
    (re.compile(r"^Missing argument '(.+)'\.$"), "Thiếu đối số {0}."),
    (re.compile(r"^Missing option '(.+)'\.$"), "Thiếu tùy chọn {0}."),
    (
        re.compile(r"^No such option: (\S+) \(Possible options: (?P<suggest>.+)\)$"),
        "Không có tùy chọn {0} (có phải ý bạn là {suggest}?).",
    ),
    (re.compile(r"^No such option: (\S+)$"), "Không có tùy chọn {0}."),
    (
        re.compile(r"^No such command '(.+)'\. Did you mean (?P<suggest>.+)\?$"),
        "Không có lệnh '{0}'. Có phải ý bạn là {suggest}?",
    ),
    (re.compile(r"^No such command '(.+)'\.$"), "Không có lệnh '{0}'."),
    (re.compile(r"^(.+)\. Did you mean (?P<suggest>.+)\?$"), "{0}. Có phải ý bạn là {suggest}?"),
    (re.compile(r"^Got unexpected extra arguments? \((.+)\)$"), "Thừa đối số: {0}."),
    (re.compile(r"^Option '(.+)' requires an argument\.$"), "Tùy chọn '{0}' cần một giá trị."),
    (re.compile(r"^Invalid value for (.+?): (.+)$"), "Giá trị không hợp lệ cho {0}: {1}"),
]


def translate(text: str) -> str:
    return HEADINGS.get(text, text)


REASON_PATTERNS = [
    (re.compile(r"^Input should be a valid integer.*$"), "cần một số nguyên"),
    (re.compile(r"^Input should be a valid number.*$"), "cần một số"),
    (re.compile(r"^Input should be greater than or equal to (\S+)$"), "phải từ {0} trở lên"),
    (re.compile(r"^Input should be less than or equal to (\S+)$"), "phải từ {0} trở xuống"),
    (re.compile(r"^Input should be greater than (\S+)$"), "phải lớn hơn {0}"),
    (re.compile(r"^Input should be less than (\S+)$"), "phải nhỏ hơn {0}"),
    (
        re.compile(r"^(?:Value error, )?(.+) is not one of (.+?)\.?$"),
        "{0} không phải một trong {1}",
    ),
    (re.compile(r"^(.+) is not a valid integer\.?$"), "{0} không phải số nguyên"),
    (re.compile(r"^(.+) is not a valid float\.?$"), "{0} không phải số"),
    (re.compile(r"^(.+) is not in the range (.+?)\.?$"), "{0} không nằm trong khoảng {1}"),
]
"""Why typer refused a value (the part after "Invalid value for …:")."""


def translate_error(message: str) -> str:
    for pattern, template in ERROR_PATTERNS:
        found = pattern.match(message)
        if found:
            groups = [translate_reason(group) for group in found.groups()]
            suggested = {key: _or(value) for key, value in found.groupdict().items()}
            return template.format(*groups, **suggested)
    return message


def translate_reason(reason: str | None) -> str | None:
    for pattern, template in REASON_PATTERNS:
        found = pattern.match(reason or "")
        if found:
            return template.format(*found.groups())
    return reason


def _or(group: str | None) -> str:
    """A list typer joins with commas (``'a', 'b', 'c'``), its last two joined by
    "hoặc" instead (``'a', 'b' hoặc 'c'``)."""
    head, comma, last = (group or "").rpartition(", ")
    return f"{head} hoặc {last}" if comma else last


ENGLISH_CHOICE = re.compile(r"^(.+) is not one of (.+)\.$")


def value_error(error: dict[str, Any]) -> str:
    """A value typed on the command line that typer's checks (pydantic's) refused, in
    Vietnamese and without pydantic's wording: ``phải từ 2000 trở lên (tìm thấy: 1999)``."""
    kind = str(error.get("type", ""))
    context = error.get("ctx") or {}
    found = f" (tìm thấy: {_typed(error.get('input'))})"
    bounds = {
        "greater_than_equal": ("ge", "phải từ {} trở lên"),
        "less_than_equal": ("le", "phải từ {} trở xuống"),
        "greater_than": ("gt", "phải lớn hơn {}"),
        "less_than": ("lt", "phải nhỏ hơn {}"),
    }
    if kind in bounds:
        key, text = bounds[kind]
        return text.format(context.get(key)) + found
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return "phải là số nguyên" + found
    if kind in {"float_parsing", "float_type", "decimal_parsing"}:
        return "phải là số" + found
    if kind in {"enum", "literal_error"}:
        return f"phải là {_or(str(context.get('expected', '')))}" + found
    message = str(error.get("msg", "")).removeprefix("Value error, ")
    choice = ENGLISH_CHOICE.match(message)
    if choice:
        return f"{choice.group(1)} không hợp lệ: dùng {_or(choice.group(2))}"
    return message


NUMBER = re.compile(r"^[-+]?\d+(\.\d+)?$")


def _typed(value: object) -> str:
    """A value as the user typed it: a number as is, other text in quotes."""
    text = str(value)
    return repr(text) if isinstance(value, str) and not NUMBER.match(text) else text


def number_range(low: float | None, high: float | None) -> str | None:
    """The bounds shown in help beside a number option (typer prints ``x>=1``)."""
    if low is None and high is None:
        return None
    if high is None:
        return f"tối thiểu {low}"
    if low is None:
        return f"tối đa {high}"
    return f"từ {low} đến {high}"


COMPLETION_HELP = (
    "Cài tự hoàn thành lệnh cho shell đang dùng (gõ baocao rồi nhấn Tab để hiện lệnh, "
    "tùy chọn, năm).",
    "In mã tự hoàn thành lệnh cho shell đang dùng, để chép hoặc tự cài.",
)


def install() -> bool:
    """Patch typer's own strings; return False if this typer version has other internals."""
    try:
        import typer.core as typer_core
        import typer.main as typer_main
        from typer import _coercion, _param_types
        from typer._click import decorators, exceptions, formatting
    except ImportError:
        return False
    if getattr(typer_core, "_baocao_vietnamese", False):
        return True
    setattr(typer_core, "_", translate)  # noqa: B010 - patching a module's internals
    _patch_help_option(decorators)
    _patch_usage(formatting, exceptions)
    for module in (_coercion, _param_types):
        if hasattr(module, "get_error_msg"):
            setattr(module, "get_error_msg", _error_message)  # noqa: B010
    if hasattr(typer_core, "describe_number_range"):
        setattr(typer_core, "describe_number_range", number_range)  # noqa: B010
    if hasattr(typer_main, "get_install_completion_arguments"):
        _patch_completion(typer_main)
    setattr(typer_core.TyperArgument, "display_type_rich", lambda self, ctx: None)  # noqa: B010
    setattr(typer_core, "_baocao_vietnamese", True)  # noqa: B010
    return True


def _error_message(exc: Any) -> str:
    """typer's ``get_error_msg`` for a pydantic ``ValidationError``, in Vietnamese."""
    errors = exc.errors()
    return value_error(errors[0]) if errors else "giá trị không hợp lệ"


def _patch_help_option(decorators: Any) -> None:
    original_help_option = decorators.help_option

    def help_option(*names: Any) -> Callable[[Any], Any]:
        decorate = original_help_option(*names)

        def apply(command: Any) -> Any:
            result = decorate(command)
            command.params[-1].help = HELP_OPTION
            return result

        return apply

    setattr(decorators, "help_option", help_option)  # noqa: B010


def _patch_usage(formatting: Any, exceptions: Any) -> None:
    from typer._click.utils import echo

    original_write_usage = formatting.HelpFormatter.write_usage

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        for english, vietnamese in USAGE_WORDS.items():
            args = args.replace(english, vietnamese)
        original_write_usage(self, prog, args, USAGE_PREFIX if prefix is None else prefix)

    setattr(formatting.HelpFormatter, "write_usage", write_usage)  # noqa: B010

    def show_usage_error(self: Any, file: Any = None) -> None:
        if file is None:
            file = exceptions.get_text_stderr()
        if self.ctx is not None:
            hint = ""
            if self.ctx.command.get_help_option(self.ctx) is not None:
                hint = (
                    f"Xem hướng dẫn: '{self.ctx.command_path} {self.ctx.help_option_names[0]}'.\n"
                )
            echo(f"{self.ctx.get_usage()}\n{hint}", file=file, color=self.ctx.color)
        echo(f"Lỗi: {translate_error(self.format_message())}", file=file)

    setattr(exceptions.UsageError, "show", show_usage_error)  # noqa: B010


def _patch_completion(typer_main: Any) -> None:
    """``--install-completion`` and ``--show-completion`` with Vietnamese help, and a
    Vietnamese message once completion is installed."""
    original = typer_main.get_install_completion_arguments

    def arguments() -> tuple[Any, Any]:
        install_option, show_option = original()
        install_option.help, show_option.help = COMPLETION_HELP
        install_option.callback = _install_completion
        return install_option, show_option

    setattr(typer_main, "get_install_completion_arguments", arguments)  # noqa: B010


def _install_completion(ctx: Any, param: Any, value: Any) -> Any:
    import sys

    from typer._click.utils import echo
    from typer._completion_shared import install as install_for

    if not value or ctx.resilient_parsing:
        return value
    shell, path = install_for(shell=value) if isinstance(value, str) else install_for()
    echo(f"Đã cài tự hoàn thành lệnh cho {shell} vào {path}.")
    echo("Mở cửa sổ dòng lệnh mới để dùng: gõ baocao, dấu cách, rồi nhấn Tab.")
    sys.exit(0)
