"""The look of a form: a few named cell styles (yellow to fill, grey locked), page
setup for printing, and values written as typed.

A cell takes a named style in one assignment; giving each cell its font, fill, border,
alignment and protection one by one costs openpyxl a lookup each, which made a form
of a hundred rows take a third of a second.
"""

from __future__ import annotations

from typing import Any

GREY = "F2F2F2"
YELLOW = "FFF2CC"
HEADER_FILL = "D9E1F2"
FONT = "Times New Roman"

TITLE = "Tên biểu mẫu"
NOTE = "Hướng dẫn"
HEADER = "Tiêu đề cột"
LOCKED = "Ô khóa"
OPEN = "Ô điền"
SOURCE = "Nguồn có sẵn"
CELL = "Ô bảng"


def add_styles(book: Any) -> None:
    """Make Times New Roman 12 the workbook's default font and register the form's named
    styles in ``book`` (before any other style is added).

    A column's width counts digits of the default font. Left to Calibri, a computer
    without Calibri (LibreOffice on Linux substitutes a wider font) draws every column
    wider than Excel does; Times New Roman has a metric twin everywhere (Liberation
    Serif), so the widths, and the row heights fitted to them, hold on every machine.
    openpyxl offers no setting for it: the first font of the workbook is the default.
    """
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Protection, Side
    from openpyxl.utils.indexed_list import IndexedList

    book._fonts = IndexedList([Font(name=FONT, size=12)])

    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    font = Font(name=FONT, size=12)
    wrap = Alignment(wrap_text=True, vertical="top")
    styles = [
        NamedStyle(TITLE, font=Font(name=FONT, size=13, bold=True)),
        NamedStyle(NOTE, font=font, alignment=wrap),
        NamedStyle(
            HEADER,
            font=Font(name=FONT, size=12, bold=True),
            fill=PatternFill("solid", fgColor=HEADER_FILL),
            alignment=Alignment(wrap_text=True, vertical="center", horizontal="center"),
            border=border,
        ),
        NamedStyle(
            LOCKED,
            font=font,
            fill=PatternFill("solid", fgColor=GREY),
            alignment=wrap,
            border=border,
            protection=Protection(locked=True),
        ),
        NamedStyle(
            OPEN,
            font=font,
            fill=PatternFill("solid", fgColor=YELLOW),
            alignment=wrap,
            border=border,
            protection=Protection(locked=False),
        ),
        NamedStyle(CELL, font=font, alignment=wrap, border=border),
        NamedStyle(
            SOURCE,
            font=font,
            fill=PatternFill("solid", fgColor=GREY),
            alignment=wrap,
            protection=Protection(locked=True),
        ),
    ]
    for style in styles:
        book.add_named_style(style)


def put(sheet: Any, ref: str, value: Any, style: str | None = None) -> Any:
    """Write ``value`` as typed: text that starts like a formula (``=``) stays text."""
    target = sheet[ref]
    target.value = value
    if isinstance(value, str) and value.startswith("="):
        target.data_type = "s"
    if style is not None:
        target.style = style
    return target


def protect_and_print(sheet: Any, area: str, header_row: int) -> None:
    """Locked cells stay read-only (no password: the lock guards against slips only);
    A4 landscape, one page wide, the header row repeated on every page."""
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = False
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.print_area = area
    sheet.print_title_rows = f"{header_row}:{header_row}"
