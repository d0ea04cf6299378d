"""Phụ lục tables written as WordprocessingML.

Tables are built here rather than with docxtpl row loops because their columns
vary with the data and a row-per-iteration Jinja loop over the whole document is
slow for long tables. The look still comes from the template: cells use its
paragraph styles (``BC Table Header``, ``BC Table Text``…), so restyling those in
Word restyles every table.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .xml import escape_text, paragraph, runs

TWIPS_PER_MM = 1440 / 25.4

COLUMN_WEIGHTS = {
    "stt": 0.9,
    "name": 4.6,
    "target": 1.3,
    "result": 4.6,
    "evaluation": 1.5,
    "note": 3.8,
    "lead": 2.2,
    "partners": 2.4,
    "time": 1.7,
    "progress": 1.7,
    "unit": 2.6,
    "gap": 2.2,
    "merged": 2.8,
}
RUN_OPEN = '<w:r><w:t xml:space="preserve">'
RUN_CLOSE = "</w:t></w:r>"
CENTERED = {"stt", "target", "evaluation", "time", "progress", "unit", "gap", "merged"}

BORDERS = "".join(
    f'<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
)


def column_kind(column: str) -> str:
    return column.split(":", 1)[0]


def column_widths(columns: list[str], total: int) -> list[int]:
    weights = [COLUMN_WEIGHTS[column_kind(c)] for c in columns]
    widths = [int(total * w / sum(weights)) for w in weights]
    widths[-1] += total - sum(widths)
    return widths


def _cell(width: int, content: str, span: int = 1, header: bool = False) -> str:
    span_xml = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    valign = '<w:vAlign w:val="center"/>' if header else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span_xml}{valign}</w:tcPr>'
        f"{content}</w:tc>"
    )


def _cell_paragraphs(paragraphs: list[Any], style: str) -> str:
    if not paragraphs:
        return paragraph([], style)
    return "".join(paragraph(p, style) for p in paragraphs)


def table_xml(table: Mapping[str, Any], text_width_mm: float) -> str:
    """A bordered, fixed-layout table whose header row repeats on every page."""
    columns = table["columns"]
    widths = column_widths(columns, round(text_width_mm * TWIPS_PER_MM))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    header_cells = "".join(
        _cell(w, paragraph([title], "BCTableHeader"), header=True)
        for w, title in zip(widths, table["headers"], strict=True)
    )
    rows = [f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{header_cells}</w:tr>"]
    openings = _openings(columns, widths)
    for row in table["rows"]:
        rows.append(
            _group_row(columns, widths, row["cells"])
            if row["group"]
            else _item_row(openings, row["cells"])
        )
    properties = (
        f'<w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        f"<w:tblBorders>{BORDERS}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="70" w:type="dxa"/>'
        '<w:right w:w="70" w:type="dxa"/></w:tblCellMar></w:tblPr>'
    )
    return f"<w:tbl>{properties}<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def _item_row(openings: list[tuple[str, str]], cells: list[Any]) -> str:
    """One row of cells; ``openings`` holds each column's cell and paragraph start tags."""
    cells_xml = "".join(
        [
            f"{cell_open}{_fast_paragraphs(content, paragraph_open)}</w:tc>"
            for (cell_open, paragraph_open), content in zip(openings, cells, strict=True)
        ]
    )
    return f"<w:tr>{cells_xml}</w:tr>"


def _fast_paragraphs(paragraphs: list[Any], opening: str) -> str:
    """``_cell_paragraphs`` without the per-call overhead: the same XML, built for rows
    by the thousand (a plain one-string paragraph is the common case)."""
    if len(paragraphs) == 1:
        segments = paragraphs[0]
        if len(segments) == 1 and type(segments[0]) is str:
            return f"{opening}{RUN_OPEN}{escape_text(segments[0])}{RUN_CLOSE}</w:p>"
    if not paragraphs:
        return opening + "</w:p>"
    return "".join(
        [
            f"{opening}{RUN_OPEN}{escape_text(p[0])}{RUN_CLOSE}</w:p>"
            if len(p) == 1 and type(p[0]) is str
            else f"{opening}{runs(p)}</w:p>"
            for p in paragraphs
        ]
    )


def _openings(columns: list[str], widths: list[int]) -> list[tuple[str, str]]:
    result = []
    for column, width in zip(columns, widths, strict=True):
        style = "BCTableCenter" if column_kind(column) in CENTERED else "BCTableText"
        result.append((_cell(width, "")[: -len("</w:tc>")], paragraph([], style)[: -len("</w:p>")]))
    return result


def _group_row(columns: list[str], widths: list[int], cells: list[Any]) -> str:
    """A Roman-numbered group row: its number, then its title across the other columns."""
    out = []
    rest_start = 0
    if columns and columns[0] == "stt":
        out.append(_cell(widths[0], _cell_paragraphs(cells[0], "BCTableGroupCenter")))
        rest_start = 1
    title: list[Any] = next((c for c in cells[rest_start:] if c), [])
    span = len(columns) - rest_start
    out.append(_cell(sum(widths[rest_start:]), _cell_paragraphs(title, "BCTableGroup"), span))
    return f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{''.join(out)}</w:tr>"
