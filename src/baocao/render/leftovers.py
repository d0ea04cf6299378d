"""The last check on a written document: no reference or footnote marker left raw.

A ``[[metric]]`` or ``[^note]`` that was mistyped, left unterminated, or typed in a
field that is not resolved would otherwise be printed as typed in a signed document.
Whatever part it reached (body, header, footer, footnotes) and however Word split
it into runs, a document whose text still holds one is refused with the part and
the words around it.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from ..metrics.printing import PENDING
from .xml import W_NS

MARKER = re.compile(r"\[\[|\[\^")
"""What opens a reference or a footnote marker (a lone ``]]`` is text: ``]]>``)."""
TEXT_PARTS = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
PARSER = etree.XMLParser(resolve_entities=False, huge_tree=True)
NEAR = 60


class LeftoverMarker(ValueError):
    """A written part still holds ``[[``, ``]]`` or ``[^``."""


def check_no_markers(name: str, data: bytes) -> None:
    """Refuse part ``name`` if the text of any of its paragraphs holds a marker."""
    if not TEXT_PARTS.match(name) or b"[" not in data:
        return  # no bracket at all: nothing to find, no parse (a Phụ lục is megabytes)
    root = etree.fromstring(data, parser=PARSER)
    for paragraph in root.iter(f"{{{W_NS}}}p"):
        text = "".join(t.text or "" for t in paragraph.iter(f"{{{W_NS}}}t"))
        found = MARKER.search(text)
        if found is None:
            continue
        start = max(0, found.start() - NEAR)
        near = ("…" if start else "") + text[start : found.end() + NEAR]
        near += "…" if found.end() + NEAR < len(text) else ""
        raise LeftoverMarker(
            f"{name}: văn bản còn dấu tham chiếu hoặc chú thích chưa được thay "
            f"('{found.group()}'), nên không được ghi:\n    gần: «{near}»\n"
            "    Hãy sửa trong tệp dữ liệu: [[mã_chỉ_tiêu]] hay [^mã_chú_thích] viết đúng và "
            "đóng đủ dấu, chỉ dùng ở chỗ được phép (chạy 'baocao validate' để xem)"
        )


def check_no_pending(name: str, docx: bytes) -> None:
    """Refuse a finished document (not a draft) that prints a figure still awaited.

    Validation already stops such a report without ``--draft``; this is the last
    guard on the written bytes, so a signed document can never hold the marker."""
    marker = f"[{PENDING}".encode()
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        for part in package.namelist():
            if TEXT_PARTS.match(part) and marker in package.read(part):
                raise LeftoverMarker(
                    f"({part}): văn bản còn '[{PENDING}: …]' (chỉ tiêu chưa có số "
                    "liệu), nên không được ghi: điền số liệu, hoặc tạo bản nháp với --draft"
                )
