"""What became of a rule on one document: light, so that printing needs no docx."""

from __future__ import annotations

from enum import Enum

from ..errors import Severity


class Status(str, Enum):
    """What became of a rule on one document."""

    PASSED = "đạt"
    ERROR = Severity.ERROR.value
    WARNING = Severity.WARNING.value
    UNCHECKED = "không kiểm tra được"

    def __str__(self) -> str:
        return self.value
