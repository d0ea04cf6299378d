"""Every bound baocao puts on what it reads, builds and writes, in one place.

Each bound is far above what a real province's data, report or Office file needs,
and far below what would exhaust an office PC; the README's "Độ tin cậy" section
states them for users. Code elsewhere imports them from here, never repeats them.
"""

from __future__ import annotations

MiB = 2**20

# -- the user's text files: year files, reports, settings ---------------------------

MAX_FILE_BYTES = 64 * MiB
"""A province's year with every commune's figures (50 000 metrics) is about 25 MB."""
MAX_DEPTH = 40
"""Deepest nesting of a YAML file (a year file nests about 8 levels)."""
MAX_ALIAS_USES = 100
"""Most uses of YAML aliases (``*name``) in one file: bounds what an alias can multiply."""

# -- figures and years --------------------------------------------------------------

MAX_FIGURE = 10**15
"""Largest figure a year file may hold (beyond it Decimal arithmetic loses digits)."""
MAX_FIGURE_TEXT = "10^15"
FIRST_YEAR = 2000
LAST_YEAR = 2100
"""The years a year file, a report or a date of a figure may name."""

# -- Office files read: templates, documents given to kiemtra, forms given to import -

MAX_PART_BYTES = 64 * MiB
"""Largest part of a .docx or .xlsx once decompressed (Word's document.xml of a
600-page appendix is about 30 MB)."""
MAX_TOTAL_BYTES = 256 * MiB
"""All parts of one Office file together, decompressed; also the largest file read."""
MAX_RATIO = 200
"""Highest compression ratio of a part past ``RATIO_FROM`` (Office XML compresses
about ten to one; a zip bomb a thousand to one or more)."""
RATIO_FROM = MiB
MAX_MEMBERS = 10_000
"""Most parts in one Office file."""

# -- what a template may build while it runs ----------------------------------------

MAX_SIZE = 5_000_000
"""Longest string or list an operator, filter or call in a template may build."""
MAX_INT_BITS = 4096
"""Largest number (in bits) an operator in a template may build."""
MAX_OUTPUT = 50_000_000
"""Characters one document's template may write, over all its parts."""
MAX_PARTS = 100_000
"""Most pieces ``slice`` may cut a list into (Jinja's own bound on ``range``)."""
MAX_ITERATIONS = 1_000_000
"""Loop iterations one document may run, over all its loops (a real one runs thousands)."""
MAX_CORE_BYTES = 1_000_000
"""Largest document-properties part read back from a written document."""

# -- files written and programs run --------------------------------------------------

STALE_TEMPORARY_SECONDS = 15 * 60
"""A temporary file of an atomic write older than this is a leftover of a killed run,
whoever owns it (a write stages its files in seconds)."""
MIN_PDF_TIMEOUT = 1.0
MAX_PDF_TIMEOUT = 3600.0
"""``--pdf-timeout``: seconds LibreOffice may take for one document."""

# -- workbooks read by import ---------------------------------------------------------

MAX_SHEET_ROWS = 200_000
"""Last row a worksheet of a form may use (a form has one row per metric)."""
MAX_MERGED_CELLS = 100_000
"""Cells all merged ranges of a workbook may cover together (a form merges two title
rows); openpyxl builds an object for every merged cell."""
