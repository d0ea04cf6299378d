"""Write files atomically: a temporary file in the same folder, then a rename.

Whatever goes wrong (a full disk, a file open in Word, Ctrl+C), the file that was
there before is either untouched or wholly replaced, and no temporary file is left
behind. Several files written together are all staged before any is replaced.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from .errors import OutputError

TEMP_PREFIX = ".~baocao-"

REASONS = {
    getattr(errno, name): text
    for name, text in (
        ("EACCES", "không có quyền ghi"),
        ("EPERM", "không có quyền ghi"),
        ("EROFS", "ổ đĩa chỉ cho phép đọc"),
        ("ENOSPC", "ổ đĩa đã đầy"),
        ("EDQUOT", "đã hết dung lượng được phép"),
        ("EISDIR", "đã có một thư mục trùng tên"),
        ("ENOTDIR", "một phần của đường dẫn là tệp, không phải thư mục"),
        ("EEXIST", "đã có một tệp trùng tên"),
        ("ENAMETOOLONG", "tên tệp hoặc đường dẫn quá dài"),
        ("ENOENT", "đường dẫn không tồn tại"),
        ("EBUSY", "tệp đang được chương trình khác dùng"),
        ("EIO", "lỗi đọc ghi ổ đĩa"),
    )
    if hasattr(errno, name)
}


def reason(exc: OSError) -> str:
    """Why an operation failed, in Vietnamese (the system's words only as a last resort)."""
    return REASONS.get(exc.errno, exc.strerror or str(exc))


def ensure_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"Không tạo được thư mục '{folder}': {reason(exc)}") from exc
    if not folder.is_dir():
        raise OutputError(f"Không tạo được thư mục '{folder}': đã có một tệp trùng tên")


def _refuse_read_only(path: Path) -> None:
    """A file the user marked read-only is not replaced (a rename would do it on Linux),
    nor anything that is not a regular file: a rename would replace a symbolic link or a
    device (``--output /dev/null`` run as root) with a file."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError(f"Không ghi được '{path}': {reason(exc)}") from exc
    if stat.S_ISDIR(mode):
        raise OutputError(f"Không ghi được '{path}': đã có một thư mục trùng tên")
    if not stat.S_ISREG(mode):
        what = (
            "một liên kết (symlink)" if stat.S_ISLNK(mode) else "một tệp thiết bị hay tệp đặc biệt"
        )
        raise OutputError(
            f"Không ghi được '{path}': đây là {what}, baocao chỉ ghi tệp thường. "
            "Hãy chọn một tên tệp khác."
        )
    if not mode & stat.S_IWUSR:
        raise OutputError(
            f"Không ghi được '{path}': tệp chỉ cho phép đọc. "
            "Hãy bỏ thuộc tính chỉ đọc của tệp (hoặc chọn thư mục khác bằng --out) rồi chạy lại."
        )


def temp_prefix(path: Path) -> str:
    """Temporary files of ``path`` are named after it, so a run can find its own."""
    return f"{TEMP_PREFIX}{path.name}."


def remove_leftovers(path: Path) -> None:
    """Temporary files of ``path`` left by a run that was killed while writing it."""
    prefix = temp_prefix(path)
    with contextlib.suppress(OSError):
        for entry in os.scandir(path.parent):
            if entry.name.startswith(prefix) and entry.name.endswith(".tmp"):
                _discard(entry.path)


def _stage(path: Path, data: bytes) -> str:
    """Write ``data`` to a new temporary file next to ``path``; return its name."""
    remove_leftovers(path)
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=temp_prefix(path), suffix=".tmp", dir=path.parent
        )
    except OSError as exc:
        raise OutputError(f"Không ghi được vào thư mục '{path.parent}': {reason(exc)}") from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
    except BaseException as exc:
        _discard(temporary)
        if isinstance(exc, OSError):
            raise OutputError(f"Không ghi được '{path}': {reason(exc)}") from exc
        raise
    return temporary


def _discard(temporary: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temporary)


def _replace(temporary: str, path: Path) -> None:
    try:
        os.replace(temporary, path)
    except BaseException as exc:
        _discard(temporary)
        if isinstance(exc, PermissionError):
            raise OutputError(
                f"Không ghi được '{path}': tệp đang mở trong Word hoặc không có quyền ghi. "
                "Hãy đóng tệp rồi chạy lại."
            ) from exc
        if isinstance(exc, OSError):
            raise OutputError(f"Không ghi được '{path}': {reason(exc)}") from exc
        raise


def write_files(files: list[tuple[Path, bytes]]) -> None:
    """Write every file atomically; nothing is replaced unless all could be staged."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in files:
            ensure_folder(path.parent)
            _refuse_read_only(path)
            staged.append((_stage(path, data), path))
    except BaseException:
        for temporary, _path in staged:
            _discard(temporary)
        raise
    for index, (temporary, path) in enumerate(staged):
        try:
            _replace(temporary, path)
        except BaseException:
            for later, _path in staged[index + 1 :]:
                _discard(later)
            raise


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step; on failure the old file is untouched."""
    write_files([(path, data)])
