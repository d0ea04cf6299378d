"""A template is a zip: its parts are measured before python-docx decompresses any.

A few megabytes of zip can hold gigabytes of zeros (a "zip bomb"), and the sizes a
zip declares can lie. A template is refused, naming the part, if a part declares
more than ``MAX_PART_BYTES``, is compressed more than ``MAX_RATIO`` to one (past
``RATIO_FROM``; Word's XML compresses about ten to one), if all parts together
declare more than ``MAX_TOTAL_BYTES``, or if a part, decompressed in small steps,
turns out larger than it declared.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO

from ..errors import TemplateError

MAX_PART_BYTES = 64 * 2**20
MAX_TOTAL_BYTES = 256 * 2**20
MAX_RATIO = 200
RATIO_FROM = 2**20
MAX_MEMBERS = 10_000
CHUNK = 2**20
LOCAL_HEADER = struct.Struct("<4s5H3L2H")
LOCAL_SIGNATURE = b"PK\x03\x04"
REPORT = "mẫu hỏng, hoặc cố ý làm đầy bộ nhớ (zip bomb); hãy dùng lại mẫu gốc"


def _mb(size: int) -> str:
    if size < 2**20:
        return f"{size:,} byte".replace(",", ".")
    return f"{size / 2**20:,.0f} MB".replace(",", ".")


def check_template(path: Path) -> None:
    """Refuse the template at ``path`` (a ``TemplateError`` naming it and the part)
    unless every part is within the bounds of the module docstring."""
    name = path.name
    try:
        if path.stat().st_size > MAX_TOTAL_BYTES:
            size, limit = _mb(path.stat().st_size), _mb(MAX_TOTAL_BYTES)
            raise TemplateError(f"{name}: tệp mẫu quá lớn ({size}, tối đa {limit})")
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
        _check_declared(name, members)
        with path.open("rb") as raw:
            for member in members:
                _check_stream(name, raw, member)
    except (zipfile.BadZipFile, zlib.error, struct.error, OSError) as exc:
        raise TemplateError(
            f"{name}: không phải tệp Word (.docx) đọc được: tệp nén zip bên trong bị hỏng "
            f"({exc}); hãy mở và lưu lại mẫu bằng Word, hoặc dùng lại mẫu gốc"
        ) from exc


def _check_declared(name: str, members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_MEMBERS:
        raise TemplateError(f"{name}: mẫu có {len(members)} phần, quá {MAX_MEMBERS}; {REPORT}")
    total = 0
    for member in members:
        where = f"{name} ({member.filename})"
        size = member.file_size
        if size > MAX_PART_BYTES:
            raise TemplateError(
                f"{where}: phần này giải nén ra {_mb(size)}, quá giới hạn "
                f"{_mb(MAX_PART_BYTES)} của một phần mẫu; {REPORT}"
            )
        if size > RATIO_FROM and size > MAX_RATIO * max(1, member.compress_size):
            ratio = size // max(1, member.compress_size)
            raise TemplateError(
                f"{where}: phần này nén chặt bất thường ({ratio}:1, giải nén ra {_mb(size)}; "
                f"tệp Word thật không quá {MAX_RATIO}:1); {REPORT}"
            )
        total += size
        if total > MAX_TOTAL_BYTES:
            raise TemplateError(
                f"{name}: các phần của mẫu giải nén ra hơn {_mb(MAX_TOTAL_BYTES)}; {REPORT}"
            )


def _check_stream(name: str, raw: BinaryIO, member: zipfile.ZipInfo) -> None:
    """Decompress ``member`` in steps of ``CHUNK``: it must not be larger than declared
    (zipfile would decompress it whole, up to 2 GB, before noticing)."""
    where = f"{name} ({member.filename})"
    if member.flag_bits & 0x1:
        raise TemplateError(f"{where}: phần này được đặt mật khẩu; mẫu không được mã hóa")
    if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise TemplateError(f"{where}: phần này dùng kiểu nén Word không dùng; {REPORT}")
    declared = member.file_size
    if member.compress_type == zipfile.ZIP_STORED:
        if member.compress_size != declared:
            raise TemplateError(f"{where}: kích thước khai báo sai; {REPORT}")
        return
    raw.seek(member.header_offset)
    header = LOCAL_HEADER.unpack(raw.read(LOCAL_HEADER.size))
    if header[0] != LOCAL_SIGNATURE:
        raise zipfile.BadZipFile(f"phần '{member.filename}' không bắt đầu đúng chỗ")
    raw.seek(header[-2] + header[-1], 1)  # the name and the extra field
    inflate = zlib.decompressobj(-zlib.MAX_WBITS)
    left, produced = member.compress_size, 0
    while left > 0 and not inflate.eof:
        data = raw.read(min(CHUNK, left))
        if not data:
            break
        left -= len(data)
        while data and produced <= declared:
            produced += len(inflate.decompress(data, CHUNK))
            data = inflate.unconsumed_tail
        if produced > declared:
            raise TemplateError(
                f"{where}: phần này giải nén ra nhiều hơn kích thước khai báo "
                f"({_mb(declared)}); {REPORT}"
            )
