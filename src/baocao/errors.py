"""The errors baocao raises. The CLI alone turns them into messages and exit codes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    """How grave a problem is, in the words printed beside it."""

    ERROR = "lỗi"
    """Nothing is written until it is fixed."""
    WARNING = "cảnh báo"
    """A draft may be written (``--draft``); a final document may not."""
    NOTICE = "lưu ý"
    """Nothing is wrong, but the user should know how a value was read."""

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Problem:
    """One problem in a user's file, located for an editor to jump to."""

    path: str
    line: int | None
    column: int | None
    message: str
    severity: Severity = Severity.ERROR
    group: str = ""
    """What problems of this kind are called together (``chỉ tiêu còn chờ số liệu năm
    2025 …``), when a file may hold many of them: the command line prints many as one
    line, ``148 chỉ tiêu còn chờ số liệu năm 2025 …``."""

    def __post_init__(self) -> None:
        if not isinstance(self.severity, Severity):
            object.__setattr__(self, "severity", Severity(self.severity))

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.severity}: {self.message}"


class BaocaoError(Exception):
    """Base of every error caused by the user's data, templates or files (exit 1)."""


class DataFileNotFound(BaocaoError):
    """The year file asked for does not exist."""


class DataError(BaocaoError):
    """A year file is not valid: carries every problem found in it."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class DraftRequired(DataError):
    """The data has warnings only: a document may be written as a draft (``--draft``)."""


class LayoutError(DataError):
    """A document about to be written breaks a rule of the decree that ``kiemtra``
    checks (a template restyled out of the decree's ranges, a case no rule foresaw):
    nothing is written."""


class SettingsError(DataError):
    """The workspace's settings file (``baocao.yaml``) is not valid."""


class InvalidText(BaocaoError):
    """Text bound for a document holds characters a Word file cannot contain."""


class TemplateError(BaocaoError):
    """A template is missing, malformed, or asks for something the data lacks."""


class InputFileError(BaocaoError):
    """A file given to read is not of its kind (an old .doc, a text file renamed .docx),
    is protected by a password, damaged, or unsafe to open (a zip bomb, XML entities)."""


class OutputError(BaocaoError):
    """A document could not be written (locked, read-only, folder not creatable)."""


class UnresolvedReference(BaocaoError):
    """Text refers to a metric, footnote or value that the data does not have."""


class DiffError(BaocaoError):
    """Years that cannot be compared: fewer than two, the same year twice, or a changed metric."""


class NoUnits(BaocaoError):
    """The data has fewer than two reporting units: nothing to compare."""


def unexpected(exc: Exception, detail: str | None = None) -> str:
    """What a user reads about an error baocao did not foresee (a bug): no Python class
    name, and who to tell. ``detail`` replaces the exception's own text when that is
    not for a user's eyes (``load.messages.explain``)."""
    detail = detail or str(exc) or "không rõ chi tiết"
    return f"lỗi không mong đợi ({detail}); hãy báo lỗi cho người phát triển kèm tệp dữ liệu"
