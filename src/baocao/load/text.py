"""Read a user's text file safely: size-capped, UTF-8 (with or without BOM), NFC.

Every reader of user files (year files, reports, settings) starts here, so a file
too large, not a file, unreadable or in another encoding is one located message.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ..errors import DataError, DataFileNotFound, Problem
from ..files import reason
from ..limits import MAX_FILE_BYTES

ESCAPE = re.compile(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.DOTALL)
"""A backslash escape of YAML's double-quoted strings (``\\u00ca``, ``\\n``)."""


def _searched_from(path: Path) -> str:
    """What the user can do about a missing file: the years its folder has, or, when
    the folder itself is missing (a command run outside the workspace looks for
    ``data/`` in the folder it was run from), where it was looked for."""
    if path.parent.is_dir():
        years = sorted(p.name for p in path.parent.glob("[12][0-9][0-9][0-9].yaml"))
        return f" (trong '{path.parent}' chỉ có: {', '.join(years)})" if years else ""
    if path.is_absolute():
        return f" (không có thư mục '{path.parent}')"
    return (
        f" (không có thư mục '{path.parent}' trong '{Path.cwd()}': chạy lệnh trong thư mục làm "
        "việc, nơi có data/ và reports/, hoặc chỉ định đúng thư mục dữ liệu bằng --data)"
    )


def read_text(path: Path) -> str:
    if not path.exists():
        raise DataFileNotFound(f"Không tìm thấy tệp dữ liệu: {path}{_searched_from(path)}")
    if not path.is_file():
        what = "một thư mục" if path.is_dir() else "một tệp đặc biệt"
        message = f"đây là {what}, không phải tệp dữ liệu YAML"
        raise DataError([Problem(str(path), None, None, message)])
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise DataError(
            [
                Problem(
                    str(path),
                    None,
                    None,
                    f"tệp quá lớn ({size:,} byte, tối đa {MAX_FILE_BYTES:,} byte)".replace(
                        ",", "."
                    ),
                )
            ]
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        why = "không có quyền đọc" if isinstance(exc, PermissionError) else reason(exc)
        message = f"không đọc được tệp ({why})"
        raise DataError([Problem(str(path), None, None, message)]) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError([encoding_problem(raw, exc, str(path))]) from exc
    return nfc(text)


def nfc(text: str) -> str:
    """``text`` composed (NFC), every backslash escape kept as typed: an escape followed
    by a combining mark (``\\u00ca`` then U+0301) must not become another, invalid
    escape (``\\u00cá``); the value it spells is composed once it is read."""
    if "\\" not in text:
        return unicodedata.normalize("NFC", text)
    pieces = []
    position = 0
    for escape in ESCAPE.finditer(text):
        pieces.append(unicodedata.normalize("NFC", text[position : escape.start()]))
        pieces.append(escape.group())
        position = escape.end()
    pieces.append(unicodedata.normalize("NFC", text[position:]))
    return "".join(pieces)


SAVE_AS_UTF8 = (
    "hãy lưu lại tệp dạng UTF-8: trong Notepad chọn Tệp > Lưu thành (File > Save As), ô "
    "Mã hóa (Encoding) chọn UTF-8; trong VS Code bấm tên bảng mã ở góc dưới bên phải, chọn "
    "'Save with Encoding' rồi 'UTF-8'"
)


def encoding_problem(raw: bytes, exc: UnicodeDecodeError, path: str) -> Problem:
    """Where the first byte that is not UTF-8 is (line and column), what the file
    probably is, and how to save it as UTF-8."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff") or raw[:200].count(b"\x00") > 10:
        reason = f"tệp được lưu dạng UTF-16 (Unicode), không phải UTF-8; {SAVE_AS_UTF8}"
        return Problem(path, 1, 1, reason)
    start = raw.rfind(b"\n", 0, exc.start) + 1
    line = raw.count(b"\n", 0, exc.start) + 1
    column = len(raw[start : exc.start].decode("utf-8", "replace")) + 1
    end = raw.find(b"\n", exc.start)
    shown = raw[start : end if end >= 0 else len(raw)].decode("utf-8", "replace")[:120]
    return Problem(
        path,
        line,
        column,
        f"tệp không phải UTF-8 (byte 0x{raw[exc.start]:02X}); có thể tệp được lưu bằng bảng mã "
        f"cũ Windows-1258 hoặc TCVN3; {SAVE_AS_UTF8}\n    {shown.rstrip()}",
    )
