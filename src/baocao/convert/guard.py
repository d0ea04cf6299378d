"""A Word file is inspected before anything parses it: one function, ``open_docx``.

A .docx is a zip of XML parts. Before python-docx decompresses or parses any part,
the file must be a zip at all (not an old .doc, nor a .docx protected by a password:
both are OLE containers; nor a text file renamed .docx), hold ``word/document.xml``,
and stay within the bounds of a real document: no part larger than ``MAX_PART_BYTES``
decompressed, none compressed more than ``MAX_RATIO`` to one past ``RATIO_FROM``
(Word's XML compresses about ten to one), all together at most ``MAX_TOTAL_BYTES``,
and no part larger than it declares (a zip's sizes can lie), decompressed here in
small steps. No XML part may declare a DOCTYPE or an ENTITY: Word never writes one,
and entities are how a few bytes of XML expand into gigabytes.

The bounds are those of the templates' guard (``render/template_guard.py``); a shared
guard of the package can take this one's place behind the same function.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import InputFileError

MAX_FILE_BYTES = 256 * 2**20
MAX_PART_BYTES = 64 * 2**20
MAX_TOTAL_BYTES = 256 * 2**20
MAX_RATIO = 200
RATIO_FROM = 2**20
MAX_MEMBERS = 10_000
CHUNK = 2**20
LOCAL_HEADER = struct.Struct("<4s5H3L2H")
LOCAL_SIGNATURE = b"PK\x03\x04"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAIN_PART = "word/document.xml"
FORBIDDEN = (b"<!doctype", b"<!entity")
UNSAFE = "tệp hỏng, hoặc cố ý làm đầy bộ nhớ (zip bomb); không đọc tệp này"
RESAVE = "mở tệp bằng Word rồi lưu lại dạng “Word Document (*.docx)”"


def _mb(size: int) -> str:
    if size < 2**20:
        return f"{size:,} byte".replace(",", ".")
    return f"{size / 2**20:,.0f} MB".replace(",", ".")


def open_docx(path: Path) -> bytes:
    """The bytes of the Word file at ``path``, once they are known safe to parse;
    otherwise an ``InputFileError`` that says what the file is and what to do."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputFileError(f"{name}: tệp quá lớn ({_mb(size)}, tối đa {_mb(MAX_FILE_BYTES)})")
        data = path.read_bytes()
    except OSError as exc:
        from ..files import reason

        raise InputFileError(f"{name}: không đọc được tệp ({reason(exc)})") from exc
    inspect(name, data)
    return data


def inspect(name: str, data: bytes) -> None:
    """Refuse ``data`` (the content of the file ``name``) unless it is a .docx within
    the bounds of the module docstring."""
    _refuse_other_kinds(name, data)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
        _check_declared(name, members)
        if MAIN_PART not in {m.filename for m in members}:
            raise InputFileError(
                f"{name}: tệp nén này không phải văn bản Word (không có {MAIN_PART}); "
                "có thể là tệp Excel hay PowerPoint đổi đuôi thành .docx"
            )
        raw = io.BytesIO(data)
        for member in members:
            _check_stream(name, raw, member)
    except (zipfile.BadZipFile, zlib.error, struct.error, EOFError) as exc:
        raise InputFileError(
            f"{name}: không phải tệp Word (.docx) đọc được: tệp nén zip bên trong bị hỏng "
            f"({exc}); {RESAVE}"
        ) from exc


def _refuse_other_kinds(name: str, data: bytes) -> None:
    """An OLE container (an old .doc, or a .docx encrypted by a password), an RTF or
    a Word 2003 XML file, or no zip at all."""
    if data.startswith(OLE_SIGNATURE):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise InputFileError(
                f"{name}: tệp Word được đặt mật khẩu (mã hóa), baocao không đọc được; mở "
                "tệp bằng Word, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ tài liệu > Mã hóa bằng "
                "mật khẩu, xóa mật khẩu) rồi lưu lại và chạy lại"
            )
        raise InputFileError(
            f"{name}: đây là tệp Word cũ (.doc, Word 97-2003), không phải .docx; {RESAVE} "
            "(Tệp > Lưu thành), rồi chuyển tệp .docx đó"
        )
    head = data[:512].lstrip()
    if head.startswith(b"{\\rtf"):
        raise InputFileError(f"{name}: đây là tệp RTF, không phải .docx; {RESAVE}")
    if not data.startswith(LOCAL_SIGNATURE) and not zipfile.is_zipfile(io.BytesIO(data)):
        what = "tệp trống" if not data else "không phải tệp Word (.docx)"
        raise InputFileError(
            f"{name}: {what}: tệp .docx là một tệp nén (zip); tệp này có thể là tệp chữ hay "
            f"tệp khác bị đổi đuôi thành .docx. Nếu mở được bằng Word, {RESAVE}"
        )


def _check_declared(name: str, members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_MEMBERS:
        raise InputFileError(f"{name}: tệp có {len(members)} phần, quá {MAX_MEMBERS}; {UNSAFE}")
    total = 0
    for member in members:
        where = f"{name} ({member.filename})"
        size = member.file_size
        if size > MAX_PART_BYTES:
            raise InputFileError(
                f"{where}: phần này giải nén ra {_mb(size)}, quá giới hạn "
                f"{_mb(MAX_PART_BYTES)} của một phần; {UNSAFE}"
            )
        if size > RATIO_FROM and size > MAX_RATIO * max(1, member.compress_size):
            ratio = size // max(1, member.compress_size)
            raise InputFileError(
                f"{where}: phần này nén chặt bất thường ({ratio}:1, giải nén ra {_mb(size)}; "
                f"tệp Word thật không quá {MAX_RATIO}:1); {UNSAFE}"
            )
        total += size
        if total > MAX_TOTAL_BYTES:
            raise InputFileError(
                f"{name}: các phần của tệp giải nén ra hơn {_mb(MAX_TOTAL_BYTES)}; {UNSAFE}"
            )


def _is_xml(member: zipfile.ZipInfo) -> bool:
    return member.filename.lower().endswith((".xml", ".rels"))


def _check_stream(name: str, raw: BinaryIO, member: zipfile.ZipInfo) -> None:
    """Decompress ``member`` in steps of ``CHUNK``: never larger than it declares, and an
    XML part free of DOCTYPE and ENTITY declarations."""
    where = f"{name} ({member.filename})"
    if member.flag_bits & 0x1:
        raise InputFileError(
            f"{where}: phần này được đặt mật khẩu; bỏ mật khẩu trong Word rồi lưu lại"
        )
    if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise InputFileError(f"{where}: phần này dùng kiểu nén Word không dùng; {UNSAFE}")
    scan = _Scanner(where) if _is_xml(member) else None
    for chunk in _chunks(where, raw, member):
        if scan is not None:
            scan.feed(chunk)


def _chunks(where: str, raw: BinaryIO, member: zipfile.ZipInfo) -> Iterator[bytes]:
    """The decompressed pieces of ``member``, at most ``CHUNK`` at a time."""
    declared = member.file_size
    raw.seek(member.header_offset)
    header = LOCAL_HEADER.unpack(raw.read(LOCAL_HEADER.size))
    if header[0] != LOCAL_SIGNATURE:
        raise zipfile.BadZipFile(f"phần '{member.filename}' không bắt đầu đúng chỗ")
    raw.seek(header[-2] + header[-1], 1)  # the name and the extra field
    if member.compress_type == zipfile.ZIP_STORED:
        if member.compress_size != declared:
            raise InputFileError(f"{where}: kích thước khai báo sai; {UNSAFE}")
        yield raw.read(declared)
        return
    inflate = zlib.decompressobj(-zlib.MAX_WBITS)
    left, produced = member.compress_size, 0
    while left > 0 and not inflate.eof:
        data = raw.read(min(CHUNK, left))
        if not data:
            break
        left -= len(data)
        while data:
            piece = inflate.decompress(data, CHUNK)
            produced += len(piece)
            if produced > declared:
                raise InputFileError(
                    f"{where}: phần này giải nén ra nhiều hơn kích thước khai báo "
                    f"({_mb(declared)}); {UNSAFE}"
                )
            yield piece
            data = inflate.unconsumed_tail


class _Scanner:
    """Looks for a DOCTYPE or ENTITY declaration across the pieces of one XML part."""

    KEEP = 16

    def __init__(self, where: str):
        self.where = where
        self.tail = b""
        self.encoding: str | None = None

    def feed(self, piece: bytes) -> None:
        if self.encoding is None:
            self.encoding = "utf-16" if piece[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8"
        text = self.tail + piece
        probe = text.decode(self.encoding, "ignore").encode() if self.encoding != "utf-8" else text
        lowered = probe.lower()
        if any(mark in lowered for mark in FORBIDDEN):
            raise InputFileError(
                f"{self.where}: phần XML này khai báo DOCTYPE hoặc ENTITY, điều Word không bao "
                "giờ viết (cách làm XML phình ra hàng GB); không đọc tệp này"
            )
        self.tail = text[-self.KEEP :]
