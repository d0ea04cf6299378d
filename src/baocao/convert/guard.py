"""A Word file is inspected before anything parses it: one function, ``open_docx``.

The bounds of any Office file (zip bombs, sizes a zip lies about, an XML part with a
DTD, which is how entities multiply a few bytes into gigabytes) are the package's
``zipguard``, shared with ``render``'s templates, ``kiemtra`` and ``import``. This
module adds what only a Word document given to ``convert`` needs: a file that is no
zip at all is named for what it is (an old .doc, a .docx protected by a password,
both OLE containers; an RTF; a text file renamed), and a zip with no
``word/document.xml`` (an Excel or PowerPoint file renamed) is refused. Every refusal
is one ``InputFileError`` naming the file, in words a user of Word can act on.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..errors import InputFileError
from ..files import reason
from ..zipguard import ArchiveRefused, NotAnArchive, check_archive

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
"""The stream of an OLE container that holds a .docx encrypted by a password."""
MAIN_PART = "word/document.xml"
RESAVE = "mở tệp bằng Word rồi lưu lại dạng “Word Document (*.docx)”"


def open_docx(path: Path) -> bytes:
    """The bytes of the Word file at ``path``, once they are known safe to parse;
    otherwise an ``InputFileError`` that says what the file is and what to do."""
    name = path.name
    try:
        check_archive(path)
    except NotAnArchive as exc:
        _refuse_other_kinds(path)
        raise InputFileError(
            f"{name}: không phải tệp Word (.docx) đọc được: tệp nén zip bên trong bị hỏng; {RESAVE}"
        ) from exc
    except ArchiveRefused as exc:
        where = f"{name} ({exc.part})" if exc.part else name
        unsafe = not isinstance(exc.__cause__, OSError)
        advice = "; không đọc tệp này" if unsafe else ""
        raise InputFileError(f"{where}: {exc.reason}{advice}") from exc
    try:
        data = path.read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
    except OSError as exc:
        raise InputFileError(f"{name}: không đọc được tệp ({reason(exc)})") from exc
    except zipfile.BadZipFile as exc:  # changed since it was checked
        raise InputFileError(f"{name}: tệp nén zip bên trong bị hỏng; {RESAVE}") from exc
    if MAIN_PART not in names:
        raise InputFileError(
            f"{name}: tệp nén này không phải văn bản Word (không có {MAIN_PART}); "
            "có thể là tệp Excel hay PowerPoint đổi đuôi thành .docx"
        )
    return data


def _refuse_other_kinds(path: Path) -> None:
    """A file that is no zip: an OLE container (an old .doc, or a .docx encrypted by a
    password), an RTF file, an empty file or any other file renamed .docx. The file is
    no larger than ``zipguard`` allows, so it may be read whole."""
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputFileError(f"{name}: không đọc được tệp ({reason(exc)})") from exc
    if data.startswith(OLE_SIGNATURE):
        if ENCRYPTED in data:
            raise InputFileError(
                f"{name}: tệp Word được đặt mật khẩu (mã hóa), baocao không đọc được; mở "
                "tệp bằng Word, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ tài liệu > Mã hóa bằng "
                "mật khẩu, xóa mật khẩu) rồi lưu lại và chạy lại"
            )
        raise InputFileError(
            f"{name}: đây là tệp Word cũ (.doc, Word 97-2003), không phải .docx; {RESAVE} "
            "(Tệp > Lưu thành), rồi chuyển tệp .docx đó"
        )
    if data[:512].lstrip().startswith(b"{\\rtf"):
        raise InputFileError(f"{name}: đây là tệp RTF, không phải .docx; {RESAVE}")
    if not data.startswith(b"PK"):
        what = "tệp trống" if not data else "không phải tệp Word (.docx)"
        raise InputFileError(
            f"{name}: {what}: tệp .docx là một tệp nén (zip); tệp này có thể là tệp chữ hay "
            f"tệp khác bị đổi đuôi thành .docx. Nếu mở được bằng Word, {RESAVE}"
        )
