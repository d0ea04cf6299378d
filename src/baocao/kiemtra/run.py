"""Check one .docx: read its facts, find its structure, evaluate every rule."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Severity, unexpected
from ..zipguard import WORD, ArchiveRefused, check_archive
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
    """Every rule on the document at ``path`` (or on ``content``, the document render is
    about to write there: its own, not guarded); a file that cannot be read, or is
    refused before it is opened (``zipguard``), says why in one line naming it."""
    try:
        if content is None:
            check_archive(path, WORD)
        facts = read(io.BytesIO(content) if content is not None else path)
        structure = locate(facts)
        return FileReport(path, structure.kind, evaluate(Document(facts, structure)))
    except ArchiveRefused as exc:
        where = f"{path.name} ({exc.part})" if exc.part else path.name
        return FileReport(path, error=f"{where}: {exc.reason}")
    except UnreadableDocument as exc:
        return FileReport(path, error=f"{path.name}: {exc}")
    except Exception as exc:  # noqa: BLE001 - one odd file must not stop the others
        return FileReport(
            path, error=f"{path.name}: không kiểm tra được tệp này: {unexpected(exc)}"
        )
