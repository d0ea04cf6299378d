"""Package-level work python-docx and docxtpl do not do: footnotes and a
reproducible zip.

Footnotes are created from the data as a ``word/footnotes.xml`` part with its
relationship and content type; the zip is rewritten with fixed timestamps and a
fixed member order so that the same input gives the same bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import re
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from lxml import etree

from ..limits import MAX_CORE_BYTES
from ..prose.segments import Paragraph
from .leftovers import LeftoverMarker, check_no_markers
from .xml import W_NS, runs
from .xml_errors import syntax_reason

DOCUMENT_PART = "word/document.xml"
CORE_PART = "docProps/core.xml"
DC_NS = "http://purl.org/dc/elements/1.1/"
RENDER_ID_PREFIX = "baocao:"
FOOTNOTES_PART = "word/footnotes.xml"
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"

NAMESPACES = (
    f'xmlns:w="{W_NS}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)


ZIP_FIRST = (1980, 1, 1, 0, 0, 0)
ZIP_LAST = (2107, 12, 31, 0, 0, 0)
"""The dates a zip entry can hold (a document dated outside them is stamped at the edge)."""


class MalformedPart(ValueError):
    """A rendered part is not well-formed XML."""


def _spaced(text: Paragraph) -> Paragraph:
    """A space between the footnote's number and its text, in the text's first run."""
    if text and isinstance(text[0], str):
        return [" " + text[0], *text[1:]]
    return [" ", *text]


def footnotes_xml(notes: list[tuple[int, Paragraph]]) -> str:
    """Separator footnotes (ids -1 and 0), then one footnote per reference."""
    separators = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" '
        'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing '
        'w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/>'
        "</w:r></w:p></w:footnote>"
    )
    body = "".join(
        f'<w:footnote w:id="{number}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
        f"{runs(_spaced(text))}</w:p></w:footnote>"
        for number, text in notes
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:footnotes {NAMESPACES}>{separators}{body}</w:footnotes>"
    )


def _add_override(content_types: bytes) -> bytes:
    text = content_types.decode("utf-8")
    if f'PartName="/{FOOTNOTES_PART}"' in text:
        return content_types
    override = f'<Override PartName="/{FOOTNOTES_PART}" ContentType="{FOOTNOTES_TYPE}"/>'
    return text.replace("</Types>", override + "</Types>").encode("utf-8")


def _add_relationship(rels: bytes) -> bytes:
    text = rels.decode("utf-8")
    if FOOTNOTES_REL in text:
        return rels
    used = {int(n) for n in re.findall(r'Id="rId(\d+)"', text)}
    new_id = max(used, default=0) + 1
    relationship = f'<Relationship Id="rId{new_id}" Type="{FOOTNOTES_REL}" Target="footnotes.xml"/>'
    return text.replace("</Relationships>", relationship + "</Relationships>").encode("utf-8")


class _Discard:
    """A parser target that keeps nothing: the parse checks, no tree is built."""

    def close(self) -> None:
        return None


def check_well_formed(name: str, data: bytes) -> None:
    """Parse strictly: a part that is not well formed is an error, never repaired.

    No tree is built (a long Phụ lục is megabytes of XML); namespace errors, which
    libxml2 reports without stopping when it builds no tree, are errors too."""
    parser = etree.XMLParser(
        recover=False,
        resolve_entities=False,
        target=_Discard(),  # type: ignore[arg-type]  # lxml-stubs know no custom targets
    )
    try:
        etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise MalformedPart(f"{name}: XML không hợp lệ: {syntax_reason(exc)}") from exc
    for entry in parser.error_log:
        if entry.level >= etree.ErrorLevels.ERROR:
            where = f"line {entry.line}, column {entry.column}"
            raise MalformedPart(f"{name}: XML không hợp lệ: {entry.message}, {where}")


def _has_own_footnotes(part: bytes | None) -> bool:
    """A template saved by Word keeps separator footnotes (ids -1 and 0): those are ours to
    replace; a footnote with a positive id is the template author's text."""
    if part is None:
        return False
    root = etree.fromstring(part, parser=etree.XMLParser(resolve_entities=False))
    return any(int(note.get(f"{{{W_NS}}}id", "0")) > 0 for note in root.iter(f"{{{W_NS}}}footnote"))


def render_id(data_json: str, templates: list[Path]) -> str:
    """The id both documents of one render carry: a hash of the data and the templates,
    so that a BÁO CÁO and a Phụ lục from different runs are told apart."""
    digest = hashlib.sha256(data_json.encode("utf-8"))
    for template in templates:
        with contextlib.suppress(OSError), template.open("rb") as file:
            for chunk in iter(lambda: file.read(2**20), b""):  # a template may be huge
                digest.update(chunk)
    return f"{RENDER_ID_PREFIX}{digest.hexdigest()[:20]}"


def _with_identifier(core: bytes, identifier: str) -> bytes:
    root = etree.fromstring(core, parser=etree.XMLParser(resolve_entities=False))
    found = root.find(f"{{{DC_NS}}}identifier")
    if found is None:
        found = etree.SubElement(root, f"{{{DC_NS}}}identifier")
    found.text = identifier
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def read_render_id(path: Path) -> str | None:
    """The render id in a written document's properties; ``None`` if it has none or is
    not a document baocao can read."""
    try:
        with zipfile.ZipFile(path) as package:
            if package.getinfo(CORE_PART).file_size > MAX_CORE_BYTES:
                return None
            core = package.read(CORE_PART)
        root = etree.fromstring(core, parser=etree.XMLParser(resolve_entities=False))
    except (OSError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return None
    found = root.findtext(f"{{{DC_NS}}}identifier") or ""
    return found if found.startswith(RENDER_ID_PREFIX) else None


def finish_package(
    docx: bytes,
    notes: list[tuple[int, Paragraph]],
    stamp: date,
    splice: Callable[[bytes], bytes] | None = None,
    identifier: str | None = None,
) -> bytes:
    """Add the footnotes part and rewrite the zip reproducibly; ``splice`` puts the
    generated fragments into ``word/document.xml`` before every part is checked;
    ``identifier`` (the render id) goes into the core properties."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    members = {info.filename: source.read(info.filename) for info in source.infolist()}
    if identifier is not None and CORE_PART in members:
        members[CORE_PART] = _with_identifier(members[CORE_PART], identifier)
    if splice is not None:
        members[DOCUMENT_PART] = splice(members[DOCUMENT_PART])
    if notes:
        if _has_own_footnotes(members.get(FOOTNOTES_PART)):
            raise MalformedPart(
                f"{FOOTNOTES_PART}: mẫu đã có chú thích cuối trang riêng; hãy chuyển nội dung "
                "đó vào 'footnotes' của tệp dữ liệu rồi xóa chú thích khỏi mẫu"
            )
        members[FOOTNOTES_PART] = footnotes_xml(notes).encode("utf-8")
        members["[Content_Types].xml"] = _add_override(members["[Content_Types].xml"])
        rels = "word/_rels/document.xml.rels"
        members[rels] = _add_relationship(members[rels])
    first = ["[Content_Types].xml", "_rels/.rels"]
    order = [n for n in first if n in members] + sorted(n for n in members if n not in first)
    output = io.BytesIO()
    timestamp = max(ZIP_FIRST, min(ZIP_LAST, (stamp.year, stamp.month, stamp.day, 0, 0, 0)))
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for name in order:
            data = members[name]
            if name.endswith(".xml") or name.endswith(".rels"):
                check_well_formed(name, data)
                try:
                    check_no_markers(name, data)
                except LeftoverMarker as exc:
                    raise MalformedPart(str(exc)) from exc
            info = zipfile.ZipInfo(name, date_time=timestamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, data)
    return output.getvalue()
