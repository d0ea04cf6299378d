"""Big generated fragments (Phụ lục tables) kept out of docxtpl and spliced in afterwards.

docxtpl runs Jinja over the whole ``document.xml``, then parses the result again
(leniently) and python-docx serialises it once more. For a table of thousands of
rows that is most of the rendering time. Instead the template receives a small
placeholder per table, a processing instruction no escaped text can produce, and
the table XML replaces it in the saved ``document.xml``. ``finish_package`` then
parses that part strictly, once, before it is written.

The table text goes through the same post-processing docxtpl applies to rendered
XML, then what its re-parse does (line ends normalised, brace references decoded,
empty runs self-closing), so the document is byte for byte the one docxtpl would
have made.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import Markup

PLACEHOLDER = re.compile(rb"<\?baocao-fragment (\d+)\?>")
LISTING_CHARACTERS = ("\t", "\n", "\a", "\f")
EMPTY_TEXT = '<w:t xml:space="preserve"></w:t>'
UNESCAPES = (("{_{", "{{"), ("}_}", "}}"), ("{_%", "{%"), ("%_}", "%}"))


class Fragments:
    """The fragments of one document, each standing in the template as a placeholder."""

    def __init__(self, resolve_listing: Callable[[str], str] | None = None) -> None:
        self._resolve_listing = resolve_listing
        self._parts: list[bytes] = []

    def __len__(self) -> int:
        return len(self._parts)

    def placeholder(self, xml: str) -> Markup:
        """Keep ``xml`` (already escaped WordprocessingML) and return its placeholder."""
        for old, new in UNESCAPES:
            if old in xml:
                xml = xml.replace(old, new)
        if self._resolve_listing is not None and any(c in xml for c in LISTING_CHARACTERS):
            xml = self._resolve_listing(xml)
        if "\r" in xml:  # then what parsing does (XML 1.0 §2.11), so the bytes match docxtpl's
            xml = xml.replace("\r\n", "\n").replace("\r", "\n")
        if EMPTY_TEXT in xml:  # lxml writes an empty element as a self-closing tag
            xml = xml.replace(EMPTY_TEXT, '<w:t xml:space="preserve"/>')
        if "&#12" in xml:  # braces escaped against docxtpl's clean-up: parsing decodes them
            xml = xml.replace("&#123;", "{").replace("&#125;", "}")
        self._parts.append(xml.encode("utf-8"))
        return Markup(f"<?baocao-fragment {len(self._parts) - 1}?>")

    def splice(self, document_xml: bytes) -> bytes:
        """``document_xml`` with every placeholder replaced by its fragment, in one pass."""
        if not self._parts:
            return document_xml
        pieces = []
        start = 0
        for match in PLACEHOLDER.finditer(document_xml):
            pieces.append(document_xml[start : match.start()])
            index = int(match.group(1))
            pieces.append(self._parts[index] if index < len(self._parts) else match.group(0))
            start = match.end()
        pieces.append(document_xml[start:])
        return b"".join(pieces)
