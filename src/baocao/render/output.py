"""Write files atomically: a temporary file in the same folder, then a rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from ..errors import OutputError


def ensure_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"Không tạo được thư mục '{folder}': {exc.strerror or exc}") from exc
    if not folder.is_dir():
        raise OutputError(f"'{folder}' không phải là thư mục")


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step; on failure the old file is untouched."""
    ensure_folder(path.parent)
    try:
        handle, temporary = tempfile.mkstemp(prefix=".~baocao-", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(
            f"Không ghi được vào thư mục '{path.parent}': {exc.strerror or exc}"
        ) from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, PermissionError):
            raise OutputError(
                f"Không ghi được '{path}': tệp đang mở trong Word hoặc chỉ cho phép đọc. "
                "Hãy đóng tệp rồi chạy lại."
            ) from exc
        raise OutputError(f"Không ghi được '{path}': {exc.strerror or exc}") from exc
