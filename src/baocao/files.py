"""Write files atomically: a temporary file in the same folder, then a rename.

Whatever goes wrong (a full disk, a file open in Word, Ctrl+C), the file that was
there before is either untouched or wholly replaced, and no temporary file is left
behind. Several files written together are all staged before any is replaced.

A temporary file is named after its file and its owner (process and computer), so a
run killed before it could clean up leaves something the next run can recognise: it
removes a temporary whose owner is gone, or that is older than
``STALE_TEMPORARY_SECONDS``, never one that another run is still writing (ten
renders into one folder at once all succeed).
"""

from __future__ import annotations

import contextlib
import errno
import os
import platform
import re
import stat
import tempfile
import time
import zlib
from pathlib import Path

from .errors import OutputError
from .limits import STALE_TEMPORARY_SECONDS

TEMP_PREFIX = ".~baocao-"
HOST = f"{zlib.crc32(platform.node().encode()):08x}"
"""This computer, as temporary names carry it (a shared folder sees several)."""
MAX_NAME = 255
"""Longest name of one file or folder, in bytes (Linux) or characters (Windows)."""
MAX_NAME_IN_TEMP = 120
OWNER = re.compile(r"p(\d+)h([0-9a-f]{8})\.")

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
        ("ENAMETOOLONG", "tên tệp hoặc đường dẫn quá dài (mỗi tên tối đa 255 ký tự)"),
        ("ENOENT", "đường dẫn không tồn tại"),
        ("EBUSY", "tệp đang được chương trình khác dùng"),
        ("EIO", "lỗi đọc ghi ổ đĩa"),
        ("ELOOP", "đường dẫn có liên kết (symlink) trỏ vòng quanh, không dẫn tới đâu"),
        ("EINVAL", "tên tệp hoặc đường dẫn có ký tự không dùng được"),
        ("EMFILE", "đang mở quá nhiều tệp cùng lúc"),
        ("ENFILE", "đang mở quá nhiều tệp cùng lúc"),
        ("EFBIG", "tệp quá lớn"),
        ("ETXTBSY", "tệp đang được chạy"),
        ("EXDEV", "không chuyển được tệp sang ổ đĩa khác"),
        ("ENODEV", "không có thiết bị này"),
        ("ENXIO", "không có thiết bị này"),
        ("ESTALE", "ổ đĩa mạng không còn kết nối"),
        ("ETIMEDOUT", "ổ đĩa mạng không trả lời"),
        ("EAGAIN", "tệp đang bị khóa, hãy thử lại"),
    )
    if hasattr(errno, name)
}


def reason(exc: OSError) -> str:
    """Why an operation failed, in Vietnamese; an error no entry names is given by its
    code (``EPROTO``), never in the system's English."""
    if exc.errno in REASONS:
        return REASONS[exc.errno]
    code = errno.errorcode.get(exc.errno or 0)
    return f"lỗi của hệ điều hành ({code or exc.errno or 'không rõ mã'})"


def os_error_message(exc: OSError) -> str:
    """One line for an ``OSError`` no code foresaw: the file and why, in Vietnamese."""
    if exc.filename is None:
        return f"lỗi đọc ghi tệp: {reason(exc)}"
    return f"không đọc ghi được '{shortened(str(exc.filename))}': {reason(exc)}"


def shortened(text: str, keep: int = 60) -> str:
    """A path of hundreds of characters shown by its two ends."""
    return text if len(text) <= 2 * keep + 1 else f"{text[:keep]}…{text[-keep:]}"


def resolved(path: Path) -> Path:
    """``path.resolve()``; a symbolic link that loops is an ``OSError`` (ELOOP) on
    every Python (3.11 and 3.12 raise ``RuntimeError``)."""
    try:
        return path.resolve()
    except RuntimeError as exc:
        raise OSError(errno.ELOOP, "symlink loop", str(path)) from exc


def check_folder(folder: Path) -> None:
    """Refuse, before any work, a folder to write into that can never be one: a
    symbolic link that loops, a name too long, a file of the same name."""
    where = shortened(str(folder))
    if any(len(os.fsencode(part)) > MAX_NAME for part in folder.parts):
        reason_text = REASONS[errno.ENAMETOOLONG]
        raise OutputError(f"Không tạo được thư mục '{where}': {reason_text}")
    try:
        mode = os.stat(folder).st_mode
    except FileNotFoundError:
        return  # created when written into; a missing parent is told then
    except OSError as exc:
        raise OutputError(f"Không tạo được thư mục '{where}': {reason(exc)}") from exc
    if not stat.S_ISDIR(mode):
        raise OutputError(f"Không tạo được thư mục '{folder}': đã có một tệp trùng tên")


def ensure_folder(folder: Path) -> None:
    where = shortened(str(folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        pass  # a file, or a link that leads nowhere: told below
    except OSError as exc:
        raise OutputError(f"Không tạo được thư mục '{where}': {reason(exc)}") from exc
    try:
        mode = os.stat(folder).st_mode
    except OSError as exc:
        raise OutputError(f"Không tạo được thư mục '{where}': {reason(exc)}") from exc
    if not stat.S_ISDIR(mode):
        raise OutputError(f"Không tạo được thư mục '{where}': đã có một tệp trùng tên")


def _refuse_read_only(path: Path) -> None:
    """A file the user marked read-only is not replaced (a rename would do it on Linux),
    nor anything that is not a regular file: a rename would replace a symbolic link or a
    device (``--output /dev/null`` run as root) with a file."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError(f"Không ghi được '{shortened(str(path))}': {reason(exc)}") from exc
    if stat.S_ISDIR(mode):
        raise OutputError(f"Không ghi được '{shortened(str(path))}': đã có một thư mục trùng tên")
    if not stat.S_ISREG(mode):
        what = (
            "một liên kết (symlink)" if stat.S_ISLNK(mode) else "một tệp thiết bị hay tệp đặc biệt"
        )
        raise OutputError(
            f"Không ghi được '{shortened(str(path))}': đây là {what}, baocao chỉ ghi tệp thường. "
            "Hãy chọn một tên tệp khác."
        )
    if not mode & stat.S_IWUSR:
        raise OutputError(
            f"Không ghi được '{shortened(str(path))}': tệp chỉ cho phép đọc. "
            "Hãy bỏ thuộc tính chỉ đọc của tệp (hoặc chọn thư mục khác bằng --out) rồi chạy lại."
        )


def temp_prefix(path: Path) -> str:
    """Temporary files of ``path`` are named after it, so a run can find its own; a
    long name is cut and marked with its checksum, so that the temporary's own name
    stays within the system's 255 characters whenever the file's does."""
    name = path.name
    if len(name) > MAX_NAME_IN_TEMP:
        name = f"{name[: MAX_NAME_IN_TEMP - 9]}~{zlib.crc32(name.encode()):08x}"
    return f"{TEMP_PREFIX}{name}."


def owned(prefix: str) -> str:
    """``prefix`` followed by this process and computer: ``….p1234h0a1b2c3d.``."""
    return f"{prefix}p{os.getpid()}h{HOST}."


def abandoned(rest: str, modified: float, max_age: float = STALE_TEMPORARY_SECONDS) -> bool:
    """Whether a temporary whose name goes on with ``rest`` after its prefix, last
    modified at ``modified``, was left by a run that will never finish it: its owner
    (on this computer) is gone, or it is older than ``max_age`` seconds."""
    if time.time() - modified > max_age:
        return True
    owner = OWNER.match(rest)
    if owner is None or owner.group(2) != HOST:
        return False  # another computer's, or another version's: only its age tells
    return not process_alive(int(owner.group(1)))


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` runs on this computer (when unsure: yes)."""
    if pid == os.getpid():
        return True
    if os.name == "nt":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process: alive
    return True


def _windows_process_alive(pid: int) -> bool:
    """``os.kill(pid, 0)`` would end the process on Windows: ask the system instead."""
    try:
        import ctypes

        kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return bool(kernel.GetLastError() != 87)  # ERROR_INVALID_PARAMETER: no process
        code = ctypes.c_ulong()
        try:
            kernel.GetExitCodeProcess(handle, ctypes.byref(code))
        finally:
            kernel.CloseHandle(handle)
        return bool(code.value == 259)  # STILL_ACTIVE
    except Exception:  # noqa: BLE001 - unsure: leave the file to its age
        return True


def remove_leftovers(path: Path) -> None:
    """Temporary files of ``path`` left by a run that was killed while writing it (not
    those of a run writing it right now)."""
    prefix = temp_prefix(path)
    with contextlib.suppress(OSError):
        for entry in os.scandir(path.parent):
            name = entry.name
            if name.startswith(prefix) and name.endswith(".tmp"):
                with contextlib.suppress(OSError):
                    if abandoned(name[len(prefix) :], entry.stat(follow_symlinks=False).st_mtime):
                        _discard(entry.path)


def _stage(path: Path, data: bytes) -> str:
    """Write ``data`` to a new temporary file next to ``path``; return its name."""
    remove_leftovers(path)
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=owned(temp_prefix(path)), suffix=".tmp", dir=path.parent
        )
    except OSError as exc:
        where = shortened(str(path.parent))
        raise OutputError(f"Không ghi được vào thư mục '{where}': {reason(exc)}") from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
    except BaseException as exc:
        _discard(temporary)
        if isinstance(exc, OSError):
            raise OutputError(f"Không ghi được '{shortened(str(path))}': {reason(exc)}") from exc
        raise
    return temporary


def _discard_own(paths: list[Path]) -> None:
    """This process's temporaries of ``paths``: an interruption (Ctrl+C, SIGTERM) may
    come between creating one and noting it down."""
    for path in paths:
        prefix = owned(temp_prefix(path))
        with contextlib.suppress(OSError):
            for entry in os.scandir(path.parent):
                if entry.name.startswith(prefix) and entry.name.endswith(".tmp"):
                    _discard(entry.path)


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
                f"Không ghi được '{shortened(str(path))}': tệp đang mở trong Word hoặc không "
                "có quyền ghi. Hãy đóng tệp rồi chạy lại."
            ) from exc
        if isinstance(exc, OSError):
            raise OutputError(f"Không ghi được '{shortened(str(path))}': {reason(exc)}") from exc
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
        _discard_own([path for path, _data in files])
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
