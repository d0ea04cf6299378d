"""An Office file (.docx, .xlsx) is a zip: its parts are measured, and its XML
looked at, before python-docx or openpyxl decompresses or parses any of it.

A few megabytes of zip can hold gigabytes of zeros (a "zip bomb"), and the sizes a
zip declares can lie. A file is refused, naming the part, if a part declares more
than ``MAX_PART_BYTES``, is compressed more than ``MAX_RATIO`` to one (past
``RATIO_FROM``), if all parts together declare more than ``MAX_TOTAL_BYTES``, or if
a part, decompressed in small steps, turns out larger than it declared.

An XML part (``.xml``, ``.rels``) that declares a DTD (``<!DOCTYPE``) is refused
too: Office never writes one (ECMA-376 forbids it), and a DTD is how entities that
multiply a few bytes into gigabytes ("billion laughs") or read other files of the
computer (external entities) get in. The XML parsers behind python-docx and
openpyxl refuse both on their own as well; this check names the part first.

Used for the templates of ``render``, the documents given to ``kiemtra`` and the
forms given to ``import``; each caller words the refusal for its own user.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .errors import BaocaoError
from .files import reason
from .limits import MAX_MEMBERS, MAX_PART_BYTES, MAX_RATIO, MAX_TOTAL_BYTES, RATIO_FROM, MiB

CHUNK = MiB
LOCAL_HEADER = struct.Struct("<4s5H3L2H")
LOCAL_SIGNATURE = b"PK\x03\x04"
XML_SUFFIXES = (".xml", ".rels")
DOCTYPE = "<!DOCTYPE"
DOCTYPE_FORMS = tuple(DOCTYPE.encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be"))
"""``<!DOCTYPE`` as Office XML may encode it (UTF-8 or UTF-16)."""
WORD, EXCEL = "tệp Word", "tệp Excel"
KINDS = {".docx": WORD, ".doc": WORD, ".xlsx": EXCEL, ".xls": EXCEL}
ZIP_BOMB = "tệp hỏng, hoặc cố ý làm đầy bộ nhớ (zip bomb)"


class ArchiveRefused(BaocaoError):
    """An Office file refused before it is opened: why, and in which part (if one)."""

    def __init__(self, reason: str, part: str | None = None) -> None:
        self.reason, self.part = reason, part
        super().__init__(f"({part}) {reason}" if part else reason)


class NotAnArchive(ArchiveRefused):
    """The file is not a zip at all (an old .xls or .doc, a renamed file) or a broken one."""


def size_text(size: int) -> str:
    """``300 MB``, ``1.000 byte``: a size as the messages print it."""
    if size < MiB:
        return f"{size:,} byte".replace(",", ".")
    return f"{size / MiB:,.0f} MB".replace(",", ".")


def kind_of(path: Path) -> str:
    return KINDS.get(path.suffix.lower(), "tệp Office")


def check_archive(path: Path, kind: str | None = None) -> None:
    """Refuse the Office file at ``path`` (``ArchiveRefused``) unless every part is
    within the bounds of the module docstring and no XML part declares a DTD; ``kind``
    is what the caller expects (``WORD``, ``EXCEL``; by default, what the name says)."""
    kind = kind or kind_of(path)
    try:
        if path.stat().st_size > MAX_TOTAL_BYTES:
            size, limit = size_text(path.stat().st_size), size_text(MAX_TOTAL_BYTES)
            raise ArchiveRefused(f"tệp quá lớn ({size}, tối đa {limit})")
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
        _check_declared(members, kind)
        with path.open("rb") as raw:
            for member in members:
                _check_content(raw, member)
    except OSError as exc:
        raise ArchiveRefused(f"không đọc được tệp: {reason(exc)}") from exc
    except (zipfile.BadZipFile, zlib.error, struct.error, ValueError, EOFError) as exc:
        raise NotAnArchive(_not_a_zip(path, kind)) from exc


OLD_OFFICE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""How a file of Office 97–2003 (.doc, .xls) begins, and an Office file saved with a
password (its encrypted package is kept in the same old container)."""
OLD_NAMES = {WORD: "Word 97–2003 (.doc)", EXCEL: "Excel 97–2003 (.xls)"}
NEW_NAMES = {WORD: ".docx", EXCEL: ".xlsx"}
SAVE_AS = "Tệp › Lưu Như (File › Save As)"
ZIP_START = b"PK"
TEXT_START = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
"""Byte-order marks a text file (an RTF, a web page) may begin with."""


def _not_a_zip(path: Path, kind: str) -> str:
    """Why ``path`` is no ``kind`` (``tệp Word``, ``tệp Excel``), from how it begins:
    empty, an old or password-protected Office file, a PDF, an RTF, a web page or
    other text given the Office name, or a zip that is broken."""
    try:
        with path.open("rb") as raw:
            start = raw.read(512)
    except OSError:
        start = b""
    new = NEW_NAMES.get(kind, ".docx, .xlsx")
    program = "Excel" if kind == EXCEL else "Word"
    resave = f"mở bằng {program} rồi lưu lại dạng {new} ({SAVE_AS})"
    if not start:
        return f"tệp trống (0 byte), không phải {kind} {new}"
    if start.startswith(OLD_OFFICE):
        old = OLD_NAMES.get(kind, "Office 97–2003")
        return (
            f"đây là tệp {old} hoặc tệp đặt mật khẩu, không phải {new}: mở bằng {program}, "
            f"bỏ mật khẩu nếu có, rồi lưu lại dạng {new} ({SAVE_AS})"
        )
    if start.startswith(b"%PDF"):
        return f"đây là tệp PDF, không phải {kind} {new}"
    text = start
    for mark in TEXT_START:
        text = text.removeprefix(mark)
    text = text.lstrip()
    if text.startswith(b"{\\rtf"):
        return f"đây là tệp RTF, không phải {new}: {resave}"
    if text[:1] == b"<":
        return f"đây là trang web (HTML, XML) đặt tên như {kind}, không phải {new}: {resave}"
    if not start.startswith(ZIP_START):
        return f"không phải {kind} {new} (có thể là tệp chữ hay tệp khác đổi đuôi): {resave}"
    return f"{kind} {new} bị hỏng (tệp nén zip bên trong không đọc được): {resave}"


def _check_declared(members: list[zipfile.ZipInfo], kind: str) -> None:
    if len(members) > MAX_MEMBERS:
        count, limit = (f"{n:,}".replace(",", ".") for n in (len(members), MAX_MEMBERS))
        raise ArchiveRefused(f"tệp có {count} phần, quá {limit}; {ZIP_BOMB}")
    total = 0
    for member in members:
        size = member.file_size
        if size > MAX_PART_BYTES:
            raise ArchiveRefused(
                f"phần này giải nén ra {size_text(size)}, quá giới hạn "
                f"{size_text(MAX_PART_BYTES)} của một phần; {ZIP_BOMB}",
                member.filename,
            )
        if size > RATIO_FROM and size > MAX_RATIO * max(1, member.compress_size):
            ratio = size // max(1, member.compress_size)
            raise ArchiveRefused(
                f"phần này nén chặt bất thường ({ratio}:1, giải nén ra {size_text(size)}; "
                f"{kind} thật không quá {MAX_RATIO}:1); {ZIP_BOMB}",
                member.filename,
            )
        total += size
        if total > MAX_TOTAL_BYTES:
            raise ArchiveRefused(
                f"các phần giải nén ra hơn {size_text(MAX_TOTAL_BYTES)}; {ZIP_BOMB}"
            )


def _check_content(raw: BinaryIO, member: zipfile.ZipInfo) -> None:
    """Decompress ``member`` in steps of ``CHUNK`` (zipfile would decompress it whole,
    up to 2 GB, before noticing a lie); look for a DTD in an XML part."""
    name = member.filename
    if member.flag_bits & 0x1:
        raise ArchiveRefused("phần này được đặt mật khẩu (tệp bị mã hóa)", name)
    if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise ArchiveRefused("phần này dùng kiểu nén mà tệp Office không dùng", name)
    if member.compress_type == zipfile.ZIP_STORED and member.compress_size != member.file_size:
        raise ArchiveRefused("kích thước khai báo của phần này sai", name)
    is_xml = name.lower().endswith(XML_SUFFIXES)
    if member.compress_type == zipfile.ZIP_STORED and not is_xml:
        return
    tail = b""
    for chunk in _inflated(raw, member):
        window = tail + chunk
        if is_xml and any(form in window for form in DOCTYPE_FORMS):
            raise ArchiveRefused(
                "phần XML này khai báo DTD (<!DOCTYPE …>), điều tệp Office thật không bao giờ "
                "có: có thể là tệp cố ý làm đầy bộ nhớ (billion laughs) hay đọc trộm tệp khác "
                "trên máy (external entity)",
                name,
            )
        tail = window[-2 * len(DOCTYPE) :]


def _inflated(raw: BinaryIO, member: zipfile.ZipInfo) -> Iterator[bytes]:
    """The bytes of ``member``, decompressed ``CHUNK`` at a time; ``ArchiveRefused`` as
    soon as they outgrow the declared size."""
    raw.seek(member.header_offset)
    header = LOCAL_HEADER.unpack(raw.read(LOCAL_HEADER.size))
    if header[0] != LOCAL_SIGNATURE:
        raise zipfile.BadZipFile(f"phần '{member.filename}' không bắt đầu đúng chỗ")
    raw.seek(header[-2] + header[-1], 1)  # the name and the extra field
    declared, left, produced = member.file_size, member.compress_size, 0
    inflate = zlib.decompressobj(-zlib.MAX_WBITS)
    stored = member.compress_type == zipfile.ZIP_STORED
    while left > 0 and (stored or not inflate.eof):
        data = raw.read(min(CHUNK, left))
        if not data:
            break
        left -= len(data)
        if stored:
            yield data
            continue
        while data and produced <= declared:
            out = inflate.decompress(data, CHUNK)
            produced += len(out)
            data = inflate.unconsumed_tail
            yield out
        if produced > declared:
            raise ArchiveRefused(
                "phần này giải nén ra nhiều hơn kích thước khai báo "
                f"({size_text(declared)}); {ZIP_BOMB}",
                member.filename,
            )
