"""No cell of a workbook baocao writes is ever a formula or an error value.

openpyxl turns a string that starts with ``=`` into a formula (``=cmd|' /C calc'!A0``
would run when the file is opened) and ``#N/A`` into an error value. A metric's name,
a unit's short name, a quote: all are the user's text, so every string cell becomes
a string cell again once the workbook is built, whichever writer built it. Text that
starts like a formula (``=``, ``+``, ``-``, ``@``) also gets Excel's quote prefix, so
editing the cell in Excel keeps it text instead of reading it as a formula then.
"""

from __future__ import annotations

from typing import Any

FORMULA_START = ("=", "+", "-", "@")


def text_cells_only(book: Any) -> None:
    """Make every string cell of ``book`` (an openpyxl workbook) a plain string cell."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
                    if cell.value.lstrip().startswith(FORMULA_START):
                        cell.quotePrefix = True
