"""The files a command is given: files as named, the files of a folder, and wildcard
patterns (``out/*.docx``) expanded here, since the Windows command prompt and
PowerShell pass them to the program as typed."""

from __future__ import annotations

import glob
from pathlib import Path

from ..errors import DataFileNotFound

LOCK_FILES = ("~$", ".~lock")
"""Names Word, Excel and LibreOffice give the lock file of a document open for editing."""
WILDCARDS = frozenset("*?[")


def named_files(paths: list[Path], suffix: str, what: str) -> list[Path]:
    """The files ``paths`` name, each once, in the order named: a file as given, the
    ``suffix`` files of a folder by name, the files a wildcard pattern matches by name
    (lock files left out of both). A name that matches nothing is an error naming it;
    ``what`` says what the files are (``tệp biểu mẫu .xlsx``)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(p for p in path.iterdir() if _wanted(p, suffix))
            if not inside:
                raise DataFileNotFound(f"thư mục '{path}' không có {what} nào")
            found += inside
        elif path.exists():
            found.append(path)
        elif WILDCARDS & set(str(path)):
            matches = sorted(Path(p) for p in glob.glob(str(path)))
            matches = [p for p in matches if _wanted(p, suffix)]
            if not matches:
                raise DataFileNotFound(f"không có {what} nào khớp với '{path}'")
            found += matches
        else:
            raise DataFileNotFound(f"không tìm thấy tệp '{path}'")
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def _wanted(path: Path, suffix: str) -> bool:
    return path.suffix.lower() == suffix and path.is_file() and not path.name.startswith(LOCK_FILES)
