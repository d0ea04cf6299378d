"""WordprocessingML fragments built as text: runs, paragraphs, section breaks.

Every piece of user text passes through ``text_run`` which escapes it, so text
from the data can never become markup.
"""

from __future__ import annotations

from ..prose.segments import FootnoteMark, LineBreak, Paragraph, Styled
from ..xmlchars import INVALID_XML_CHARS

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


class InvalidCharacters(ValueError):
    """Text holds characters that an XML document cannot contain."""


def check_text(text: str) -> str:
    found = INVALID_XML_CHARS.search(text)
    if found:
        raise InvalidCharacters(
            f"ký tự không hợp lệ U+{ord(found.group()):04X} trong: {text[:60]!r}"
        )
    return text


def escape_text(text: str) -> str:
    """XML text for ``text``: ``&``, ``<``, ``>`` escaped, and braces as character
    references, so that docxtpl's clean-up after rendering (which turns ``{_{`` into
    ``{{``) cannot change text from the data."""
    text = check_text(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if "{" in text or "}" in text:
        text = text.replace("{", "&#123;").replace("}", "&#125;")
    return text


def text_run(text: str, bold: bool = False, italic: bool = False) -> str:
    properties = ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")
    if properties:
        properties = f"<w:rPr>{properties}</w:rPr>"
    return f'<w:r>{properties}<w:t xml:space="preserve">{escape_text(text)}</w:t></w:r>'


LINE_BREAK_RUN = "<w:r><w:br/></w:r>"


def footnote_reference_run(number: int) -> str:
    return (
        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
        f'<w:footnoteReference w:id="{number}"/></w:r>'
    )


def runs(segments: Paragraph, bold: bool = False) -> str:
    parts = []
    for segment in segments:
        if isinstance(segment, FootnoteMark):
            parts.append(footnote_reference_run(segment.number))
        elif isinstance(segment, Styled):
            parts.append(text_run(segment.text, bold or segment.bold, segment.italic))
        elif isinstance(segment, LineBreak):
            parts.append(LINE_BREAK_RUN)
        else:
            parts.append(text_run(segment, bold))
    return "".join(parts)


def paragraph(segments: Paragraph, style: str, bold: bool = False, keep_next: bool = False) -> str:
    keep = "<w:keepNext/>" if keep_next else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{keep}</w:pPr>{runs(segments, bold)}</w:p>'
