""" "Kính gửi" as the decree lays it out (Phụ lục I, Phần I, mục II.9.d).

One addressee stands on the line of "Kính gửi:"; several stand one per line under it,
each "- …;" and the last "- ….", their dashes in line with each other under the colon.
The block is centred on the page as a whole, so its indents are measured with the
font's own widths (``decree30.text_length``).
"""

from __future__ import annotations

from .. import decree30
from .xml import escape_text

STYLE = "BCAddressee"
TWIPS_PER_MM = 1440 / 25.4


def addressee_xml(names: list[str], width_mm: float) -> str:
    """The "Kính gửi" paragraphs for ``names`` on a text area ``width_mm`` wide."""
    if not names:
        return ""
    size = decree30.ELEMENTS["addressee"].size.default
    label = f"{decree30.ADDRESSEE}:"
    label_mm = decree30.text_length(f"{decree30.ADDRESSEE} ", size)
    if len(names) == 1:
        line = f"{label} {names[0]}"
        if decree30.text_length(line, size) <= width_mm:
            return _paragraph(line, after=SPACE)
        return _paragraph(line, left=label_mm, hanging=label_mm, after=SPACE)
    lines = [f"- {name};" for name in names[:-1]] + [f"- {names[-1]}."]
    longest = max(decree30.text_length(line, size) for line in lines)
    left = max(0.0, (width_mm - label_mm - longest) / 2)
    dash = decree30.text_length("- ", size)
    paragraphs = [_paragraph(label, left=left, after=0)]
    for index, line in enumerate(lines):
        after = SPACE if index == len(lines) - 1 else 0
        item_left = left + label_mm + dash
        paragraphs.append(_paragraph(line, left=item_left, hanging=dash, before=0, after=after))
    return "".join(paragraphs)


SPACE = 12
"""Points above "Kính gửi" and below its last line; none between its lines."""


def _paragraph(
    text: str,
    left: float | None = None,
    hanging: float = 0.0,
    before: int = SPACE,
    after: int = 0,
) -> str:
    """A paragraph of the addressee style; with ``left`` set, aligned left at that
    indent (a wrapped line under the text, past ``hanging``), else centred."""
    properties = f'<w:pStyle w:val="{STYLE}"/><w:keepNext/>'
    properties += f'<w:spacing w:before="{before * 20}" w:after="{after * 20}"/>'
    if left is not None:
        indent = f'w:left="{round(left * TWIPS_PER_MM)}"'
        if hanging:
            indent += f' w:hanging="{round(hanging * TWIPS_PER_MM)}"'
        properties += f'<w:ind {indent}/><w:jc w:val="left"/>'
    run = f'<w:r><w:t xml:space="preserve">{escape_text(text)}</w:t></w:r>'
    return f"<w:p><w:pPr>{properties}</w:pPr>{run}</w:p>"
