"""How tall a row of a form must be for its wrapped text to show whole when printed.

LibreOffice Calc does not fit a row to wrapped text when it opens an .xlsx file: a
row with no height keeps one line, and the rest of a long name runs over the rows
below, on screen and on paper. So every row's height is written, from the width of
its text measured with the font's own metrics (``decree30.text_length``, Times New
Roman) wrapped at spaces in the width of its column. Nothing here imports openpyxl.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from ..decree30 import text_length

FONT_SIZE = 12
PIXELS_PER_CHARACTER = 8
"""A column width counts digits of the workbook's default font (Times New Roman 12,
``form_styles``: a digit is half an em, 8 pixels at 96 dpi), plus 5 pixels of margin."""
MM_PER_PIXEL = 25.4 / 96
CELL_PADDING_MM = 2.5
"""The text margins of a cell, both sides, with room for rounding."""
WRAP_ROOM = 0.95
"""Share of the width wrapping may fill: a renderer's metrics differ slightly."""
LINE_EM = 1.2
"""Height of a line of Times New Roman, in ems (ascent and descent with leading)."""
ROW_PADDING_POINTS = 4.0
MAX_HEIGHT = 409.0
"""The tallest row Excel allows, in points."""


def column_mm(width: float) -> float:
    """The width of a column ``width`` characters wide, in millimetres."""
    return (width * PIXELS_PER_CHARACTER + 5) * MM_PER_PIXEL


def wrapped_lines(text: str, width: float, size: float = FONT_SIZE, bold: bool = False) -> int:
    """The lines ``text`` takes in a column ``width`` characters wide."""
    room = max((column_mm(width) - CELL_PADDING_MM) * WRAP_ROOM, 1.0)
    space = text_length(" ", size, bold)
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used = 0.0
        for word in paragraph.split():
            length = text_length(word, size, bold)
            if used and used + space + length <= room:
                used += space + length
                continue
            if used:
                lines += 1
            extra = max(math.ceil(length / room) - 1, 0)  # a word longer than the line
            lines += extra
            used = length - extra * room
    return lines


def row_height(
    cells: Iterable[tuple[str, float]], size: float = FONT_SIZE, bold: bool = False
) -> float:
    """Points for a row whose cells hold these texts in columns of these widths."""
    lines = max(
        (wrapped_lines(text, width, size, bold) for text, width in cells if text), default=1
    )
    return min(round(lines * size * LINE_EM + ROW_PADDING_POINTS, 1), MAX_HEIGHT)
