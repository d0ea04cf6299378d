"""Take python-docx's leftovers out of a saved template.

python-docx starts every document from its own default package: 160 styles of which
the templates use about 30, a ``stylesWithEffects.xml`` that lists none of ours (Word
then repairs the file), a blank portrait thumbnail, "Microsoft Macintosh Word" as the
application, a bibliography customXml part and proofing marked "clean". This keeps the
styles that are used (and those they are based on, linked to or followed by), drops
the rest, and writes properties that are true.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
DROPPED_PARTS = re.compile(r"^(word/stylesWithEffects\.xml|customXml/.*|docProps/thumbnail\..*)$")
DROPPED_TARGETS = re.compile(r"(stylesWithEffects\.xml|customXml/|thumbnail\.)")
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
"""Every part's date in the zip: the same template bytes whenever they are built."""
ALWAYS_KEPT = {"FootnoteText", "FootnoteReference"}
"""Styles of the footnotes baocao writes itself."""
APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties"><Application>baocao</Application></Properties>'
)


def tidy(package: bytes) -> bytes:
    """The template ``package`` without unused styles and python-docx's leftovers."""
    with zipfile.ZipFile(io.BytesIO(package)) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    kept = {name: data for name, data in members.items() if not DROPPED_PARTS.match(name)}
    text = b" ".join(data for name, data in kept.items() if name.startswith("word/"))
    kept["word/styles.xml"] = _used_styles(kept["word/styles.xml"], text)
    kept["docProps/app.xml"] = APP_XML.encode("utf-8")
    kept["word/settings.xml"] = re.sub(rb"<w:proofState[^>]*/>", b"", kept["word/settings.xml"])
    for name in list(kept):
        if name.endswith(".rels"):
            kept[name] = _without_dropped_relationships(kept[name])
    kept["[Content_Types].xml"] = _content_types(kept["[Content_Types].xml"], set(kept))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in kept.items():
            member = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            member.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(member, data)
    return buffer.getvalue()


def _used_styles(styles_xml: bytes, parts: bytes) -> bytes:
    root = etree.fromstring(styles_xml)
    styles = {s.get(f"{{{W}}}styleId"): s for s in root.iter(f"{{{W}}}style")}
    wanted = set(re.findall(rb'w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"', parts))
    used = {name.decode() for name in wanted} | ALWAYS_KEPT
    used |= {i for i, s in styles.items() if s.get(f"{{{W}}}default") == "1"}
    used |= {i for i in styles if i and i.startswith("BC")}
    pending = list(used)
    while pending:
        style = styles.get(pending.pop())
        if style is None:
            continue
        for link in ("basedOn", "link", "next"):
            found = style.find(f"{{{W}}}{link}")
            target = found.get(f"{{{W}}}val") if found is not None else None
            if target and target not in used:
                used.add(target)
                pending.append(target)
    for style_id, style in styles.items():
        if style_id not in used:
            root.remove(style)
    latent = root.find(f"{{{W}}}latentStyles")
    if latent is not None:
        root.remove(latent)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _without_dropped_relationships(rels: bytes) -> bytes:
    root = etree.fromstring(rels)
    for relationship in list(root.iter(f"{{{REL}}}Relationship")):
        if DROPPED_TARGETS.search(relationship.get("Target", "")):
            root.remove(relationship)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _content_types(types: bytes, names: set[str]) -> bytes:
    root = etree.fromstring(types)
    extensions = {name.rsplit(".", 1)[-1] for name in names if "." in name}
    for entry in list(root):
        override = entry.tag == f"{{{CT}}}Override"
        part = entry.get("PartName", "").lstrip("/")
        unused = part not in names if override else entry.get("Extension") not in extensions
        if unused:
            root.remove(entry)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def save(document: Any, path: Path) -> None:
    """Save a python-docx ``document`` at ``path``, tidied."""
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(tidy(buffer.getvalue()))
