"""What a paragraph's XML holds beside its runs: text boxes, pictures, drawn lines,
fields (read by ``reader`` into the facts of each paragraph)."""

from __future__ import annotations

import re

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EMU_PER_MM = 36000
GRAPHIC_DATA = "{http://schemas.openxmlformats.org/drawingml/2006/main}graphicData"
VML_IMAGE = "{urn:schemas-microsoft-com:vml}imagedata"
FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
DRAWN = ("picture", "chart", "diagram", "chartex")
"""The last part of a drawing's ``uri`` when it is a picture, a chart or a diagram."""
FIELD = re.compile(r"^\s*([A-Z]+)")


def boxes(element: etree._Element) -> list[str]:
    """The text of each text box in the paragraph (a drawing's choice, not its
    fallback copy)."""
    out = []
    for box in element.iter(f"{W}txbxContent"):
        if any(a.tag.endswith("}Fallback") for a in box.iterancestors()):
            continue
        text = " ".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in box.iter(f"{W}p"))
        if text.strip():
            out.append(" ".join(text.split()))
    return out


def pictures(element: etree._Element) -> int:
    """Pictures, charts and diagrams drawn in the paragraph (not drawn lines nor
    text boxes, nor a drawing's fallback copy)."""
    count = 0
    for data in element.iter(GRAPHIC_DATA, VML_IMAGE):
        if any(a.tag == FALLBACK for a in data.iterancestors()):
            continue
        if data.tag == VML_IMAGE or data.get("uri", "").rsplit("/", 1)[-1] in DRAWN:
            count += 1
    return count


def shapes(element: etree._Element) -> list[float]:
    """Widths of drawn lines: DrawingML extents, else VML lines and shapes."""
    extents = [
        int(e.get("cx", "0")) / EMU_PER_MM
        for e in element.iter(
            "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent"
        )
    ]
    if extents:
        return extents
    out = []
    for shape in element.iter():
        tag = shape.tag if isinstance(shape.tag, str) else ""
        if not tag.startswith("{urn:schemas-microsoft-com:vml}"):
            continue
        if tag.endswith("}line"):
            start = _points(shape.get("from", "0,0"))
            end = _points(shape.get("to", "0,0"))
            out.append(abs(end - start) / 72 * 25.4)
        else:
            match = re.search(r"width:\s*([\d.]+)pt", shape.get("style", ""))
            if match:
                out.append(float(match.group(1)) / 72 * 25.4)
    return out


def fields(element: etree._Element) -> list[str]:
    names = []
    for simple in element.iter(f"{W}fldSimple"):
        match = FIELD.match(simple.get(f"{W}instr", ""))
        if match:
            names.append(match.group(1))
    for instruction in element.iter(f"{W}instrText"):
        match = FIELD.match(instruction.text or "")
        if match:
            names.append(match.group(1))
    return names


def _points(value: str) -> float:
    """The x coordinate of a VML point ``"12pt,0"`` in points."""
    first = value.split(",")[0].strip()
    number = re.match(r"-?[\d.]+", first)
    if not number:
        return 0.0
    amount = float(number.group(0))
    if first.endswith("in"):
        return amount * 72
    if first.endswith("mm"):
        return amount / 25.4 * 72
    return amount
