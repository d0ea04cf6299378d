"""How a Phụ lục table is laid out: column widths from the content, alignment of each
cell, and which rows must not break across pages.

Text is measured with the font's own metrics (``decree30.text_length``, Times New
Roman). Every cell is measured once, so the work grows with the number of cells:
a column is at least as wide as its longest unbreakable token (a word, a date, a
number: line breaking happens only at spaces) plus the cell margins, and the rest
of the width goes to the columns in proportion to the text they hold, never more
than a column can use on one line. A column that holds only its header stays at
its minimum, a column of long prose gets the room.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .. import decree30
from ..prose.segments import FootnoteMark, LineBreak, Styled

FONT_SIZE = decree30.ELEMENTS["table"].size.default
CELL_MARGIN_TWIPS = 70
"""Left and right cell margin (``w:tblCellMar``), each side."""
TWIPS_PER_MM = 1440 / 25.4
SAFETY_MM = 1.0
"""Room for rounding to twips and for a renderer whose metrics differ slightly."""
CELL_PADDING_MM = 2 * CELL_MARGIN_TWIPS / TWIPS_PER_MM + SAFETY_MM
LINE_HEIGHT_MM = FONT_SIZE * 1.15 * 25.4 / 72
"""Single line spacing of Times New Roman (ascent + descent ≈ 1,15 em)."""
PARAGRAPH_SPACING_MM = 4 * 25.4 / 72
"""``BC Table Text``: 2 pt before and 2 pt after each paragraph."""
WRAP_LOSS = 0.9
"""Share of a line that word wrapping fills on average."""
FOOTNOTE_MARK_MM = 2.0
LANDSCAPE_TEXT_HEIGHT_MM = (
    decree30.PAGE_WIDTH
    - decree30.LANDSCAPE_MARGINS["top"].default
    - decree30.LANDSCAPE_MARGINS["bottom"].default
)
KEEP_WHOLE_SHARE = 1 / 3
"""A row shorter than this share of the page never breaks across pages."""
SHORT_LABEL_WORDS = 4
_FIGURE_CHARS = r"[\d\s.,;:%/()+\-–≥≤<>=~]+"
FIGURE = re.compile(
    rf"^(?:{_FIGURE_CHARS}|(?=\D*\d){_FIGURE_CHARS}\s[^\W\d]+(?:\s[^\W\d]+){{0,2}})$"
)
"""A number, rate, ratio, rank or date, alone or with a unit of up to three words:
``97,14%``, ``605.172/686.283``, ``16/7/2024``, ``767 người``, ``694.705,3 triệu đồng``."""
LONG_TOKEN_MM = 40.0
"""A longer token (a web address) is no word, date or number: it may break (at its
``/`` or wherever the renderer can) rather than widen its column to the whole page."""
PROSE_KINDS = {"name"}
"""Columns read as the row's title: short text there is still read from the left."""

_token_widths: dict[tuple[str, bool], float] = {}
_SPACE_MM = decree30.text_length(" ", FONT_SIZE)


def token_width(token: str, bold: bool) -> float:
    key = (token, bold)
    width = _token_widths.get(key)
    if width is None:
        width = decree30.text_length(token, FONT_SIZE, bold)
        if len(_token_widths) < 200_000:
            _token_widths[key] = width
    return width


@dataclass
class CellMeasure:
    """One cell: the length of each of its lines (mm, on one line) and its paragraphs."""

    lines: list[float]
    paragraphs: int
    longest_token: float
    words: int
    figure: bool


@dataclass
class ColumnMeasure:
    longest_token: float = 0.0
    longest_line: float = 0.0
    content: float = 0.0
    cells: list[CellMeasure | None] = field(default_factory=list)


def measure_cell(paragraphs: Sequence[Sequence[Any]], bold: bool = False) -> CellMeasure:
    """Lines, longest unbreakable token and kind of a cell's paragraphs of segments."""
    lines: list[float] = []
    longest = 0.0
    words = 0
    texts: list[str] = []
    for segments in paragraphs:
        line = 0.0
        token = 0.0  # width of the token being read, which may span segments
        for segment in segments:
            if isinstance(segment, LineBreak):
                longest = max(longest, token)
                lines.append(line)
                line = token = 0.0
                continue
            if isinstance(segment, FootnoteMark):
                token += FOOTNOTE_MARK_MM
                line += FOOTNOTE_MARK_MM
                continue
            text, is_bold = (
                (segment.text, bold or segment.bold)
                if isinstance(segment, Styled)
                else (str(segment), bold)
            )
            texts.append(text)
            pieces = text.split(" ")
            for index, piece in enumerate(pieces):
                if index:  # a space ends the token
                    longest = max(longest, token)
                    token = 0.0
                    line += _SPACE_MM
                if piece:
                    width = token_width(piece, is_bold)
                    if not token:
                        words += 1
                    token += width
                    line += width
        longest = max(longest, token)
        lines.append(line)
    longest = min(longest, LONG_TOKEN_MM)
    plain = " ".join(texts).strip()
    figure = bool(plain) and FIGURE.match(plain) is not None
    return CellMeasure(lines, max(len(paragraphs), 1), longest, words, figure)


def measure_columns(
    header_cells: Sequence[Sequence[Sequence[Any]]], body_rows: Sequence[Sequence[Any] | None]
) -> list[ColumnMeasure]:
    """Measure every column; ``None`` in ``body_rows`` stands for a group row (not measured)."""
    columns = []
    for header in header_cells:
        column = ColumnMeasure()
        measure = measure_cell(header, bold=True)
        column.longest_token = measure.longest_token
        columns.append(column)
    for row in body_rows:
        for column, cell in zip(columns, row or [None] * len(columns), strict=True):
            if row is None:
                column.cells.append(None)
                continue
            measure = measure_cell(cell)
            column.cells.append(measure)
            if measure.longest_token > column.longest_token:
                column.longest_token = measure.longest_token
            for length in measure.lines:
                column.content += length
                if length > column.longest_line:
                    column.longest_line = length
    return columns


def distribute(columns: Sequence[ColumnMeasure], total_mm: float) -> list[float]:
    """Widths in mm: each column its longest token + padding, the rest by content."""
    minimum = [c.longest_token + CELL_PADDING_MM for c in columns]
    if sum(minimum) >= total_mm:  # cannot be helped: shrink every column alike
        return [m * total_mm / sum(minimum) for m in minimum]
    cap = [max(m, c.longest_line + CELL_PADDING_MM) for m, c in zip(minimum, columns, strict=True)]
    labels = [
        one_line_labels(c) and sum(minimum) - m + k <= total_mm
        for c, m, k in zip(columns, minimum, cap, strict=True)
    ]
    minimum = [k if label else m for m, k, label in zip(minimum, cap, labels, strict=True)]
    if sum(minimum) > total_mm:
        minimum = [c.longest_token + CELL_PADDING_MM for c in columns]
    widths = list(minimum)
    weights = [c.content for c in columns]
    for _ in range(len(columns) + 1):
        spare = total_mm - sum(widths)
        open_ = [i for i, w in enumerate(widths) if w < cap[i] - 1e-9 and weights[i] > 0]
        if spare <= 1e-9 or not open_:
            break
        weight = sum(weights[i] for i in open_)
        for i in open_:
            widths[i] = min(cap[i], widths[i] + spare * weights[i] / weight)
    spare = total_mm - sum(widths)
    if spare > 1e-9:  # every column fits its text on one line: share the rest alike
        weight = sum(weights) or len(widths)
        for i in range(len(widths)):
            widths[i] += spare * ((weights[i] if sum(weights) else 1) / weight)
    return balance(columns, widths, minimum)


SAMPLE_ROWS = 400
"""Rows looked at when balancing the columns: every row of a short table, an even
sample of a long one, so the work stays linear in the number of cells."""


def balance(
    columns: Sequence[ColumnMeasure], widths: list[float], minimum: list[float]
) -> list[float]:
    """Move width between columns while the table gets shorter.

    The proportional share is a start; a column whose text sits in a few tall rows
    (a long note beside short ones) needs less than its share, a column that makes
    most rows tall needs more. Height is estimated without rounding lines up, so
    small moves are seen."""
    pairs = list(zip(columns, widths, strict=True))
    minimum = [min(m, w) for m, w in zip(minimum, widths, strict=True)]
    cap = [max(w, c.longest_line + CELL_PADDING_MM) for c, w in pairs]
    rows = [r for r in zip(*(c.cells for c in columns), strict=True) if r and r[0] is not None]
    rows = rows[:: max(1, math.ceil(len(rows) / SAMPLE_ROWS))]
    widths = list(widths)
    step = sum(widths) / 40
    height, gains = _height(rows, widths)
    for _ in range(60):
        if step < 0.5:
            break
        order = sorted(range(len(widths)), key=lambda i: gains[i])
        donor = next((i for i in order if widths[i] - step >= minimum[i]), None)
        taker = next((i for i in reversed(order) if widths[i] + step <= cap[i]), None)
        if donor is None or taker is None or donor == taker or gains[taker] <= gains[donor]:
            step /= 2
            continue
        trial = list(widths)
        trial[donor] -= step
        trial[taker] += step
        trial_height, trial_gains = _height(rows, trial)
        if trial_height < height:
            widths, height, gains = trial, trial_height, trial_gains
        else:
            step /= 2
    return widths


def _height(
    rows: Sequence[Sequence[CellMeasure | None]], widths: Sequence[float]
) -> tuple[float, list[float]]:
    """Estimated lines of the rows, and how many lines a millimetre more would save in
    each column (in the rows that column makes tallest)."""
    rooms = [max(w - CELL_PADDING_MM + SAFETY_MM, 1.0) * WRAP_LOSS for w in widths]
    gains = [0.0] * len(widths)
    total = 0.0
    for row in rows:
        tallest, where, gain = 0.0, 0, 0.0
        for index, measure in enumerate(row):
            if measure is None:
                continue
            room = rooms[index]
            lines = 0.0
            slope = 0.0
            for length in measure.lines:
                if length > room:
                    lines += length / room
                    slope += length / (room * room)
                else:
                    lines += 1.0
            if lines > tallest:
                tallest, where, gain = lines, index, slope
        total += tallest
        gains[where] += gain
    return total, gains


LABEL_LINE_MM = 35.0
"""A column of short labels and figures no longer than this keeps each on one line."""


def one_line_labels(column: ColumnMeasure) -> bool:
    return column.longest_line <= LABEL_LINE_MM and all(
        m is None or m.figure or m.words <= SHORT_LABEL_WORDS for m in column.cells
    )


def to_twips(widths_mm: Sequence[float], total_twips: int) -> list[int]:
    """Whole twips that add up to ``total_twips`` exactly."""
    twips = [int(w * TWIPS_PER_MM) for w in widths_mm]
    if twips:
        twips[max(range(len(twips)), key=lambda i: twips[i])] += total_twips - sum(twips)
    return twips


def cell_lines(measure: CellMeasure, width_mm: float) -> int:
    room = max(width_mm - CELL_PADDING_MM + SAFETY_MM, 1.0) * WRAP_LOSS
    return sum(max(1, math.ceil(length / room)) for length in measure.lines)


def cell_height(measure: CellMeasure, width_mm: float) -> float:
    return cell_lines(measure, width_mm) * LINE_HEIGHT_MM + measure.paragraphs * (
        PARAGRAPH_SPACING_MM
    )


def keep_whole(
    cells: Sequence[CellMeasure | None],
    widths_mm: Sequence[float],
    page_height_mm: float = LANDSCAPE_TEXT_HEIGHT_MM,
) -> bool:
    """Whether a row is short enough (under a third of the page) never to be split."""
    height = max(
        (cell_height(m, w) for m, w in zip(cells, widths_mm, strict=True) if m is not None),
        default=0.0,
    )
    return height < page_height_mm * KEEP_WHOLE_SHARE


def label_column(kind: str, column: ColumnMeasure) -> bool:
    """A column of figures and short labels (``Đạt``, ``Chưa đánh giá``, ``Năm 2024``)."""
    if kind in PROSE_KINDS:
        return False
    return all(m is None or m.figure or m.words <= SHORT_LABEL_WORDS for m in column.cells)


def centred(measure: CellMeasure, in_label_column: bool) -> bool:
    """Figures are centred; so are short labels in a column of labels; prose is not."""
    return measure.figure or (in_label_column and 0 < measure.words <= SHORT_LABEL_WORDS)
