"""A template is measured before python-docx decompresses any of it (``zipguard``)."""

from __future__ import annotations

from pathlib import Path

from ..errors import TemplateError
from ..zipguard import WORD, ArchiveRefused, check_archive

ADVICE = "hãy dùng lại mẫu gốc, hoặc mở và lưu lại mẫu bằng Word"


def check_template(path: Path) -> None:
    """Refuse the template at ``path`` (a ``TemplateError`` naming it and the part)
    unless ``zipguard.check_archive`` accepts it."""
    try:
        check_archive(path, WORD)
    except ArchiveRefused as exc:
        where = f"{path.name} ({exc.part})" if exc.part else path.name
        raise TemplateError(f"{where}: {exc.reason}; {ADVICE}") from exc
