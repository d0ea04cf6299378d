"""The shape of what templates see: the one contract between the data and Word.

Built in one place (``context.build_report`` and ``context.build_appendix``) and
turned into Word runs by ``render.engine``. Typed dictionaries, so templates read
them as they always have (``doc.agency``, ``b.kind``) and mypy checks who builds them.
"""

from __future__ import annotations

from typing import TypedDict

from ..prose.segments import Paragraph

Cell = list[Paragraph]
"""A table cell: one paragraph per line."""


class DocumentHeader(TypedDict):
    parent_agency: str | None
    agency: str
    agency_name: str
    number_line: str
    place_date: str
    kind: str
    """The kind of document (``KẾ HOẠCH``, ``CÔNG VĂN``), even when no type name prints."""
    type: str
    """The type name printed above the summary; empty for a công văn."""
    summary: str
    summary_lines: str
    """The summary with the line breaks it is printed with (the title block)."""
    letter_summary: str
    """A công văn's ``V/v …`` under its number; empty for every other kind."""
    to: list[str]
    """"Kính gửi": the addressees, none, one or several."""
    authority: list[str]
    signer: str
    recipients: list[str]
    reference: str


class Row(TypedDict):
    group: bool
    cells: list[Cell]


class TableShape(TypedDict):
    columns: list[str]
    headers: list[str]
    rows: list[Row]


class _BlockTable(TypedDict, total=False):
    table: TableShape
    """The table of a ``table`` block (its ``segments`` are empty)."""


class Block(_BlockTable):
    """One paragraph of the body; ``kind`` names its style (``heading1``, ``bullet``…),
    or ``table`` for a table typed in the body."""

    kind: str
    segments: Paragraph


class Part(TypedDict):
    heading: str | None
    subheading: str | None
    paragraphs: list[Paragraph]
    table: TableShape | None


class AppendixShape(TypedDict):
    label: str
    title: str
    subtitle: str | None
    parts: list[Part]


Notes = list[tuple[int, Paragraph]]


class ReportContext(TypedDict):
    doc: DocumentHeader
    year: int
    body: list[Block]
    closing: Paragraph
    footnotes: Notes


class AppendixContext(TypedDict):
    doc: DocumentHeader
    year: int
    appendices: list[AppendixShape]
    footnotes: Notes
