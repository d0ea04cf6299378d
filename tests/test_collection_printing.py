"""Forms a person can print and fill: every row as tall as its wrapped text, checked
where it went wrong, in LibreOffice Calc's PDF (no two words drawn over each other),
and in the workbook itself (each row's height is written and grows with its text)."""

from __future__ import annotations

import math
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from baocao.excel.form_layout import DATA_SHEET, FIRST_ROW, TASKS_SHEET, cell

from .collection_fixtures import FORMS, invoke
from .helpers import converts_to_pdf

WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)
OVERLAP = 0.3
"""Share of a word's height another word may cover: consecutive lines of one cell
touch (their boxes include ascent and descent), text run over a row below covers it."""


def words(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Each page's words with their boxes, as poppler reads them."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [
        [(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in WORD.findall(page)]
        for page in html.split("<page ")[1:]
    ]


def collisions(pages) -> list[tuple[str, str]]:
    found = []
    for page in pages:
        for index, one in enumerate(page):
            for other in page[index + 1 :]:
                wide = min(one[2], other[2]) - max(one[0], other[0])
                high = min(one[3], other[3]) - max(one[1], other[1])
                if wide > 0.5 and high > OVERLAP * min(one[3] - one[1], other[3] - other[1]):
                    found.append((one[4], other[4]))
    return found


@pytest.mark.libreoffice
@pytest.mark.parametrize("form", ["BieuMau_2025_so_tttt.xlsx", "whole"])
def test_libreoffice_prints_every_row_whole(round_ws, tmp_path, form):
    """Rows had no height: LibreOffice kept one line and ran long names over the rows
    below, on screen and on paper."""
    if form == "whole":
        assert invoke("form", "2025", "--output", "whole.xlsx")[0] == 0
        path = round_ws / "whole.xlsx"
    else:
        path = round_ws / FORMS / form
    converts_to_pdf(path, tmp_path)
    pages = words(tmp_path / "pdf" / f"{path.stem}.pdf")
    printed = " ".join(w[4] for page in pages for w in page)
    book = load_workbook(path)
    names = [book[DATA_SHEET][cell("name", r)].value for r in range(FIRST_ROW, 8)]
    assert all(word in printed for name in names for word in name.split())
    assert collisions(pages) == []


def test_each_row_is_as_tall_as_its_text(round_ws):
    """Every row has its height written, at least the lines of its longest text at a
    generous 1,5 characters per unit of column width, and rows differ as texts do."""
    book = load_workbook(FORMS / "BieuMau_2025_so_tttt.xlsx")
    for sheet in (book[DATA_SHEET], book[TASKS_SHEET]):
        heights = set()
        for row in range(FIRST_ROW, sheet.max_row + 1):
            dimension = sheet.row_dimensions[row]
            assert dimension.customHeight
            for found in sheet[row]:
                width = sheet.column_dimensions[found.column_letter].width
                hidden = sheet.column_dimensions[found.column_letter].hidden
                if isinstance(found.value, str) and not hidden:
                    lines = math.ceil(len(found.value) / (1.5 * width))
                    assert dimension.height >= lines * 12, (found.coordinate, found.value)
            heights.add(dimension.height)
        assert len(heights) > 2
