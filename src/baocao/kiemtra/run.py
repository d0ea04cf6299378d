"""Check one .docx: read its facts, find its structure, evaluate every rule."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Severity
from .reader import UnreadableDocument, read
from .rule import RULES, Document, Result, evaluate
from .rules import appendix, body, draft, header, page, sections  # noqa: F401  (registers the rules)
from .structure import locate

__all__ = ["RULES", "FileReport", "check"]


@dataclass
class FileReport:
    path: Path
    kind: str = ""
    results: list[Result] = field(default_factory=list)
    error: str = ""

    def count(self, severity: Severity) -> int:
        return sum(1 for r in self.results for v in r.violations if v.severity == severity)


def check(path: Path, content: bytes | None = None) -> FileReport:
    """Every rule on the document at ``path`` (or on ``content``, the document about to
    be written there); a file that cannot be read says why."""
    try:
        facts = read(io.BytesIO(content) if content is not None else path)
    except UnreadableDocument as exc:
        return FileReport(path, error=str(exc))
    try:
        structure = locate(facts)
        return FileReport(path, structure.kind, evaluate(Document(facts, structure)))
    except Exception as exc:  # noqa: BLE001 - one odd file must not stop the others
        detail = f"{type(exc).__name__}: {exc}"
        return FileReport(path, error=f"không kiểm tra được tệp này (lỗi của baocao: {detail})")
