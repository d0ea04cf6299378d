"""``baocao render 2024 --pdf`` measured on the PDF pages (issue 13): PDF/A-2b with every
font embedded, part headings on the page of their table, group rows never last on a
page, short rows on one page."""

from __future__ import annotations

import html
import os
import re
import subprocess
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from typer.testing import CliRunner

from baocao.cli import app

from .helpers import clean_copy, libreoffice
from .test_table_layout import SHIPPED, W, document, row_lines, tables

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.libreoffice


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> Path:
    libreoffice("Writer", tools=("pdftotext", "pdffonts"))
    out = tmp_path_factory.mktemp("pdf")
    here = Path.cwd()
    os.chdir(clean_copy(tmp_path_factory.mktemp("repo")))
    try:
        result = CliRunner().invoke(app, ["render", "2024", "--pdf", "--out", str(out)])
    finally:
        os.chdir(here)
    assert result.exit_code == 0, result.output
    return out


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def pages(path: Path) -> list[str]:
    """Text of each page, in reading order, whitespace collapsed."""
    text = run("pdftotext", "-enc", "UTF-8", str(path), "-")
    return [" ".join(page.split()) for page in text.split("\f")[:-1]]


def test_every_pdf_is_pdf_a_with_every_font_embedded(rendered):
    pdfs = sorted(rendered.glob("*.pdf"))
    assert [p.stem for p in pdfs] == sorted(p.stem for p in rendered.glob("*.docx"))
    assert len(pdfs) == 9  # six documents of 2024, three with their Phụ lục
    for path in pdfs:
        metadata = run("pdfinfo", "-meta", str(path))
        assert re.search(r"<pdfaid:part>2</pdfaid:part>", metadata), path.name
        assert re.search(r"<pdfaid:conformance>B</pdfaid:conformance>", metadata), path.name
        fonts = run("pdffonts", str(path)).splitlines()[2:]
        assert fonts, path.name
        for line in fonts:
            assert line.split()[-5] == "yes", (path.name, line)  # the "emb" column


def find(pages_text: list[str], phrase: str, start: int) -> int:
    phrase = " ".join(phrase.split())
    for index in range(start, len(pages_text)):
        if phrase in pages_text[index]:
            return index
    raise AssertionError(f"not found from page {start + 1}: {phrase!r}")


WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>'
)
PT_PER_MM = 72 / 25.4
LEFT_MARGIN_PT = 20 * PT_PER_MM


def column_pages(path: Path, widths_mm: list[float], column: int) -> list[str]:
    """Per page, the words that start inside one column of a table, top to bottom:
    cells read down the column, not across the row as pdftotext reads them."""
    left = LEFT_MARGIN_PT + sum(widths_mm[:column]) * PT_PER_MM
    right = left + widths_mm[column] * PT_PER_MM
    result = []
    for page in run("pdftotext", "-bbox", "-enc", "UTF-8", str(path), "-").split("</page>")[:-1]:
        words = [
            (float(y), float(x), html.unescape(t))
            for x, y, t in WORD.findall(page)
            if left <= float(x) < right
        ]
        result.append(" ".join(t for _y, _x, t in sorted(words)))
    return result


def test_groups_and_short_rows_stay_on_their_page(rendered):
    kept_rows = groups = 0
    for name in SHIPPED:
        docx = rendered / f"PhuLuc_2024_{name}.docx"
        path = rendered / f"PhuLuc_2024_{name}.pdf"
        text = pages(path)
        page = 0
        for table in tables(docx):
            names = column_pages(path, table.widths_mm, 1)
            for index, (special, kept, cells) in enumerate(table.rows[1:], start=1):
                if special:  # a group row: the row after it starts on its page
                    page = find(text, cells[-1].text, page)
                    if index + 1 < len(table.rows):
                        after = " ".join(table.rows[index + 1][2][1].text.split()[:3])
                        assert after in names[page], (name, cells[-1].text, page + 1)
                        groups += 1
                    continue
                words = cells[1].text.split()
                if not kept or len(words) < 4 or row_lines(cells) > 5:
                    continue
                page = find(names, " ".join(words), page)  # the whole cell on one page
                kept_rows += 1
    assert kept_rows > 50 and groups >= 5


def test_a_heading_is_on_the_page_where_its_table_starts(rendered):
    checked = 0
    for name in SHIPPED:
        path = rendered / f"PhuLuc_2024_{name}.pdf"
        body = document(rendered / f"PhuLuc_2024_{name}.docx")
        text = pages(path)
        page = 0
        layouts = tables(path.with_suffix(".docx"))
        for child, table in zip(body.iterchildren(f"{W}tbl"), layouts, strict=True):
            heading = child.getprevious()
            style = heading.find(f"{W}pPr/{W}pStyle") if heading is not None else None
            if style is None or style.get(qn("w:val")) != "BCAppendixHeading":
                continue
            words = "".join(t.text or "" for t in heading.iter(f"{W}t")).split()
            page = find(text, " ".join(words), page)
            first = next(cells for special, _k, cells in table.rows[1:] if not special)
            names = column_pages(path, table.widths_mm, 1)
            assert " ".join(first[1].text.split()[:3]) in names[page], (name, words, page + 1)
            checked += 1
    assert checked >= 5


def first_text_top_mm(path: Path) -> float:
    """How far below the top edge of page 1 its first printed word starts, in mm."""
    boxes = run("pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-")
    first = re.search(r'<word xMin="[\d.]+" yMin="([\d.]+)"', boxes)
    assert first, path
    return float(first.group(1)) / 72 * 25.4


def test_the_header_block_starts_at_the_top_margin(rendered):
    """The agency's first line stands at the top margin (20 mm), not 10 mm below it
    (LibreOffice puts a paragraph of its own above a table that opens a document)."""
    documents = [p for p in rendered.glob("*.pdf") if not p.name.startswith("PhuLuc_")]
    assert len(documents) == 5  # 2024's documents; phu-luc-ke-hoach-2025 is a Phụ lục only
    for path in documents:
        assert 20 <= first_text_top_mm(path) <= 21.5, path.name
