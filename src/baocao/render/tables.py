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

from .table_layout import (
    CELL_MARGIN_TWIPS,
    TWIPS_PER_MM,
    ColumnMeasure,
    centred,
    distribute,
    keep_whole,
    label_column,
    measure_cell,
    measure_columns,
    to_twips,
)
from .xml import escape_text, paragraph, runs

RUN_OPEN = '<w:r><w:t xml:space="preserve">'
RUN_CLOSE = "</w:t></w:r>"
KEEP_WHOLE = "<w:trPr><w:cantSplit/></w:trPr>"

BORDERS = "".join(
    f'<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
)


def column_kind(column: str) -> str:
    return column.split(":", 1)[0]


def _cell(width: int, content: str, span: int = 1, header: bool = False) -> str:
    span_xml = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    valign = '<w:vAlign w:val="center"/>' if header else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span_xml}{valign}</w:tcPr>'
        f"{content}</w:tc>"
    )


def _cell_paragraphs(paragraphs: list[Any], style: str, keep_next: bool = False) -> str:
    if not paragraphs:
        return paragraph([], style, keep_next=keep_next)
    return "".join(paragraph(p, style, keep_next=keep_next) for p in paragraphs)


def table_xml(table: Mapping[str, Any], text_width_mm: float) -> str:
    """A bordered, fixed-layout table whose header row repeats on every page.

    Columns are sized from their content and each cell aligned by what it holds
    (``table_layout``); a row shorter than a third of the page is never split, a
    group row stays with the row after it, and so does the header row."""
    columns = table["columns"]
    body = [None if row["group"] else row["cells"] for row in table["rows"]]
    measures = measure_columns([[[title]] for title in table["headers"]], body)
    if measures:  # a group's Roman number (XVIII) sits unbroken in the first column
        groups = [row["cells"][0] for row in table["rows"] if row["group"]]
        longest = max((measure_cell(n, bold=True).longest_token for n in groups), default=0.0)
        measures[0].longest_token = max(measures[0].longest_token, longest)
    total = round(text_width_mm * TWIPS_PER_MM)
    widths_mm = distribute(measures, text_width_mm)
    widths = to_twips(widths_mm, total)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    header_cells = "".join(
        _cell(w, paragraph([title], "BCTableHeader", keep_next=True), header=True)
        for w, title in zip(widths, table["headers"], strict=True)
    )
    rows = [f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{header_cells}</w:tr>"]
    openings = _openings(columns, widths, measures)
    cells_by_row = list(zip(*(m.cells for m in measures), strict=True)) if measures else []
    for index, row in enumerate(table["rows"]):
        if row["group"]:
            rows.append(_group_row(columns, widths, row["cells"]))
            continue
        cell_measures = cells_by_row[index]
        rows.append(
            _item_row(
                openings,
                row["cells"],
                [centred(m, o[2]) for m, o in zip(cell_measures, openings, strict=True)],
                keep_whole(cell_measures, widths_mm),
            )
        )
    properties = (
        f'<w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        f"<w:tblBorders>{BORDERS}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:left w:w="{CELL_MARGIN_TWIPS}" w:type="dxa"/>'
        f'<w:right w:w="{CELL_MARGIN_TWIPS}" w:type="dxa"/></w:tblCellMar></w:tblPr>'
    )
    return f"<w:tbl>{properties}<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


Opening = tuple[str, str, bool, str]
"""A column's cell start tag, paragraph start tag when left-aligned, whether it is a
column of labels, and its paragraph start tag when centred."""


def _item_row(
    openings: list[Opening], cells: list[Any], centre: list[bool], keep_whole: bool
) -> str:
    """One row of cells, each paragraph centred or not as ``centre`` says."""
    cells_xml = "".join(
        [
            f"{cell_open}{_fast_paragraphs(content, centred_open if mid else left_open)}</w:tc>"
            for (cell_open, left_open, _label, centred_open), content, mid in zip(
                openings, cells, centre, strict=True
            )
        ]
    )
    return f"<w:tr>{KEEP_WHOLE if keep_whole else ''}{cells_xml}</w:tr>"


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


def _openings(
    columns: list[str], widths: list[int], measures: list[ColumnMeasure]
) -> list[Opening]:
    result = []
    for column, width, measure in zip(columns, widths, measures, strict=True):
        cell_open = _cell(width, "")[: -len("</w:tc>")]
        result.append(
            (
                cell_open,
                paragraph([], "BCTableText")[: -len("</w:p>")],
                label_column(column_kind(column), measure),
                paragraph([], "BCTableCenter")[: -len("</w:p>")],
            )
        )
    return result


def _group_row(columns: list[str], widths: list[int], cells: list[Any]) -> str:
    """A Roman-numbered group row: its number, then its title across the other columns."""
    out = []
    rest_start = 0
    if columns and columns[0] == "stt":
        out.append(_cell(widths[0], _cell_paragraphs(cells[0], "BCTableGroupCenter", True)))
        rest_start = 1
    title: list[Any] = next((c for c in cells[rest_start:] if c), [])
    span = len(columns) - rest_start
    title_xml = _cell_paragraphs(title, "BCTableGroup", True)
    out.append(_cell(sum(widths[rest_start:]), title_xml, span))
    return f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{''.join(out)}</w:tr>"
