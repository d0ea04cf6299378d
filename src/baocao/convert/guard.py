"""A Word file is inspected before anything parses it: one function, ``open_docx``.

What any Office file is refused for is the package's ``zipguard``, shared with
``render``'s templates, ``kiemtra`` and ``import``: a file that is no zip, named for
what it is (an old .doc or a file saved with a password, a PDF, an RTF), a zip bomb, a
part larger than it declares, an XML part with a DTD (how entities multiply a few
bytes into gigabytes). This module adds what only a Word document given to ``convert``
needs: a zip with no ``word/document.xml`` (an Excel or PowerPoint file renamed) is
refused too, and every refusal is one ``InputFileError`` naming the file, with what to
do in Word.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..errors import InputFileError
from ..files import reason
from ..zipguard import WORD, ArchiveRefused, NotAnArchive, check_archive

MAIN_PART = "word/document.xml"
RESAVE = "mở tệp bằng Word rồi lưu lại dạng “Word Document (*.docx)”"


def open_docx(path: Path) -> bytes:
    """The bytes of the Word file at ``path``, once they are known safe to parse;
    otherwise an ``InputFileError`` that says what the file is and what to do."""
    name = path.name
    try:
        check_archive(path, WORD)
    except NotAnArchive as exc:
        raise InputFileError(f"{name}: {exc.reason}") from exc
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
