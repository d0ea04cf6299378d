"""Vietnamese for the words typer prints itself (help headings, usage errors).

typer's help screens and usage errors are English and not translatable through
gettext, so this module replaces the few strings a user meets: the help
headings, the help option, the usage line and the usage-error messages. Each
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
        re.compile(r"^No such option: (\S+)(?: \(Possible options: (.+)\))?$"),
        "Không có tùy chọn {0}.",
    ),
    (re.compile(r"^No such command '(.+)'\.$"), "Không có lệnh '{0}'."),
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
            return template.format(*groups)
    return message


def translate_reason(reason: str | None) -> str | None:
    for pattern, template in REASON_PATTERNS:
        found = pattern.match(reason or "")
        if found:
            return template.format(*found.groups())
    return reason


def install() -> bool:
    """Patch typer's own strings; return False if this typer version has other internals."""
    try:
        import typer.core as typer_core
        from typer._click import decorators, exceptions, formatting
        from typer._click.utils import echo
    except ImportError:
        return False
    if getattr(typer_core, "_baocao_vietnamese", False):
        return True
    setattr(typer_core, "_", translate)  # noqa: B010 - patching a module's internals

    original_help_option = decorators.help_option

    def help_option(*names: Any) -> Callable[[Any], Any]:
        decorate = original_help_option(*names)

        def apply(command: Any) -> Any:
            result = decorate(command)
            command.params[-1].help = HELP_OPTION
            return result

        return apply

    setattr(decorators, "help_option", help_option)  # noqa: B010

    original_write_usage = formatting.HelpFormatter.write_usage

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        for english, vietnamese in USAGE_WORDS.items():
            args = args.replace(english, vietnamese)
        original_write_usage(self, prog, args, USAGE_PREFIX if prefix is None else prefix)

    setattr(formatting.HelpFormatter, "write_usage", write_usage)  # noqa: B010

    def show_usage_error(self: Any, file: Any = None) -> None:
        if file is None:
            file = exceptions.get_text_stderr()  # type: ignore[attr-defined]
        if self.ctx is not None:
            hint = ""
            if self.ctx.command.get_help_option(self.ctx) is not None:
                hint = (
                    f"Xem hướng dẫn: '{self.ctx.command_path} {self.ctx.help_option_names[0]}'.\n"
                )
            echo(f"{self.ctx.get_usage()}\n{hint}", file=file, color=self.ctx.color)
        echo(f"Lỗi: {translate_error(self.format_message())}", file=file)

    setattr(exceptions.UsageError, "show", show_usage_error)  # noqa: B010
    setattr(typer_core.TyperArgument, "display_type_rich", lambda self, ctx: None)  # noqa: B010
    setattr(typer_core, "_baocao_vietnamese", True)  # noqa: B010
    return True
