"""Phụ lục tables of the shipped 2024 reports, read back from the .docx and measured
with the font's metrics (issue 13): no word, date or number is wider than its column,
columns get room by their content, each cell is aligned by what it holds, short rows
never split, group rows and the header row keep with the next row, part headings keep
with the table after them."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from lxml import etree
from typer.testing import CliRunner

from baocao import decree30
from baocao.cli import app

from .helpers import clean_copy

ROOT = Path(__file__).resolve().parents[1]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MM_PER_TWIP = 25.4 / 1440
SIZE = decree30.ELEMENTS["table"].size.default
URL_LIKE = 40.0
"""Tokens longer than this (web addresses) may break; words, dates, numbers may not."""
FIGURE = re.compile(r"^[\d\s.,;:%/()+\-–]+$")
BOLD_STYLES = {"BCTableHeader", "BCTableGroup", "BCTableGroupCenter"}
SHIPPED = ("chuyen-doi-so", "phu-luc-ke-hoach-2025", "cai-cach-hanh-chinh")


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("shipped")
    here = Path.cwd()
    os.chdir(clean_copy(tmp_path_factory.mktemp("repo")))
    try:
        result = CliRunner().invoke(app, ["render", "2024", "--out", str(out)])
    finally:
        os.chdir(here)
    assert result.exit_code == 0, result.output
    return out


@dataclass
class Cell:
    column: int
    span: int
    width_mm: float
    paragraphs: list[tuple[str, str, bool]]  # style, text, keep with next
    row: int

    @property
    def text(self) -> str:
        return " ".join(t for _s, t, _k in self.paragraphs).strip()


@dataclass
class Table:
    widths_mm: list[float]
    rows: list[tuple[bool, bool, list[Cell]]]  # header or group, cantSplit, cells


def document(path: Path):
    from docx import Document

    return Document(str(path)).element.body


def tables(path: Path) -> Iterator[Table]:
    for tbl in document(path).iter(f"{W}tbl"):
        widths = [int(g.get(qn("w:w"))) * MM_PER_TWIP for g in tbl.iter(f"{W}gridCol")]
        table = Table(widths, [])
        for index, tr in enumerate(tbl.iter(f"{W}tr")):
            cells, column = [], 0
            for tc in tr.iter(f"{W}tc"):
                span_el = tc.find(f"{W}tcPr/{W}gridSpan")
                span = int(span_el.get(qn("w:val"))) if span_el is not None else 1
                paragraphs = []
                for p in tc.iter(f"{W}p"):
                    style = p.find(f"{W}pPr/{W}pStyle").get(qn("w:val"))
                    text = "".join(t.text or "" for t in p.iter(f"{W}t"))
                    paragraphs.append((style, text, p.find(f"{W}pPr/{W}keepNext") is not None))
                cells.append(
                    Cell(column, span, sum(widths[column : column + span]), paragraphs, index)
                )
                column += span
            special = index == 0 or any(c.span > 1 for c in cells)
            can_split = tr.find(f"{W}trPr/{W}cantSplit") is None
            table.rows.append((special, not can_split, cells))
        yield table


def appendices(shipped: Path) -> list[Path]:
    found = [shipped / f"PhuLuc_2024_{name}.docx" for name in SHIPPED]
    assert all(p.is_file() for p in found)
    return found


def padding() -> float:
    return 2 * 70 * MM_PER_TWIP


def test_no_word_date_or_number_is_wider_than_its_column(shipped):
    """PhuLuc 2024 table 3 broke "16/7/202|4" and "ST|T": every token now fits."""
    checked = 0
    for path in appendices(shipped):
        for table in tables(path):
            for _special, _whole, cells in table.rows:
                for cell in cells:
                    for style, text, _keep in cell.paragraphs:
                        for token in text.split():
                            width = decree30.text_length(token, SIZE, style in BOLD_STYLES)
                            if width > URL_LIKE:
                                continue
                            checked += 1
                            assert width + padding() <= cell.width_mm, (path.name, token)
    assert checked > 5000


def test_a_column_gets_room_by_its_content(shipped):
    """The column with the most text is wider than every column with less than a quarter
    of its text (PhuLuc 2024 table 3 set its longest prose in a 1,8 cm column beside a
    4 cm Ghi chú); a column that holds nothing but its header stays narrow."""
    compared = 0
    for path in appendices(shipped):
        for table in tables(path):
            header = table.rows[0][2]
            content = [0.0] * len(table.widths_mm)
            for special, _whole, cells in table.rows:
                for cell in cells if not special else []:
                    content[cell.column] += decree30.text_length(cell.text, SIZE)
            for column, total in enumerate(content):
                if total == 0:
                    words = header[column].text.split()
                    longest = max(decree30.text_length(w, SIZE, True) for w in words)
                    assert table.widths_mm[column] <= longest + padding() + 3, path.name
            most = max(range(len(content)), key=content.__getitem__)
            for column, total in enumerate(content):
                if total < content[most] / 4:
                    compared += 1
                    assert table.widths_mm[column] < table.widths_mm[most], path.name
    assert compared >= 10


def test_figures_are_centred_and_prose_is_not(shipped):
    figures = prose = 0
    for path in appendices(shipped):
        for table in tables(path):
            for special, _whole, cells in table.rows:
                for cell in cells if not special else []:
                    styles = {style for style, _t, _k in cell.paragraphs}
                    if cell.text and FIGURE.match(cell.text):
                        figures += 1
                        assert styles == {"BCTableCenter"}, (path.name, cell.text)
                    elif decree30.text_length(cell.text, SIZE) > 2 * cell.width_mm:
                        prose += 1
                        assert styles == {"BCTableText"}, (path.name, cell.text[:60])
    assert figures > 100 and prose > 100


def row_lines(cells: list[Cell]) -> float:
    """Lines the tallest cell needs at least (text length over the room in its column)."""
    return max(
        sum(
            max(1.0, decree30.text_length(t, SIZE) / (cell.width_mm - padding()))
            for _s, t, _k in cell.paragraphs
        )
        for cell in cells
    )


def test_short_rows_never_split_and_long_rows_may(shipped):
    whole = long = 0
    for path in appendices(shipped):
        for table in tables(path):
            for special, kept, cells in table.rows:
                if special:
                    assert kept, path.name  # the header row and group rows
                    continue
                lines = row_lines(cells)
                if lines <= 5:  # about 3 cm: well under a third of the page
                    whole += 1
                    assert kept, (path.name, cells[1].text[:60])
                elif lines >= 30:  # more than 15 cm of a 16,5 cm page
                    long += 1
                    assert not kept, (path.name, cells[1].text[:60])
    assert whole > 50


def test_group_rows_and_the_header_row_keep_with_the_next_row(shipped):
    groups = 0
    for path in appendices(shipped):
        for table in tables(path):
            for index, (special, _kept, cells) in enumerate(table.rows):
                keeps = {k for cell in cells for _s, _t, k in cell.paragraphs}
                if special:
                    groups += index > 0
                    assert keeps == {True}, (path.name, cells[-1].text)
                elif index == len(table.rows) - 1:
                    assert keeps == {False}
    assert groups >= 5


def test_part_headings_keep_with_the_table_after_them(shipped):
    import zipfile

    path = appendices(shipped)[0]
    with zipfile.ZipFile(path) as package:
        styles = etree.fromstring(package.read("word/styles.xml"))
    style = next(
        s
        for s in styles.iter(f"{W}style")
        if s.find(f"{W}name").get(qn("w:val")) == "BC Appendix Heading"
    )
    assert style.find(f"{W}pPr/{W}keepNext") is not None
    headings = [
        p
        for p in document(path).iter(f"{W}p")
        if (s := p.find(f"{W}pPr/{W}pStyle")) is not None
        and s.get(qn("w:val")) == "BCAppendixHeading"
    ]
    assert any(h.getnext() is not None and h.getnext().tag == f"{W}tbl" for h in headings)


def test_long_roman_group_numbers_fit_their_column(tmp_path, monkeypatch):
    """A province's Phụ lục of many groups broke "XVI|I" inside the STT column."""
    from benchmarks.synthetic import workspace

    root = tmp_path / "ws"
    workspace(root, 900)  # 18 groups of 50 rows
    monkeypatch.chdir(root)
    result = CliRunner().invoke(app, ["render", "2024", "--out", "out"])
    assert result.exit_code == 0, result.output
    numbers = []
    for table in tables(root / "out" / "PhuLuc_2024_bao-cao-mau.docx"):
        for index, (_special, _whole, cells) in enumerate(table.rows):
            if index and cells[0].span == 1 and len(cells) == 2:  # a group row
                style, text, _keep = cells[0].paragraphs[0]
                width = decree30.text_length(text, SIZE, style in BOLD_STYLES)
                assert width + padding() <= cells[0].width_mm, text
                numbers.append(text)
    assert "XVIII" in numbers and len(numbers) == 18


def test_a_count_with_its_unit_is_centred_like_a_figure():
    """A province trial saw "767 người" read from the left beside centred targets."""
    from baocao.render.table_layout import centred, measure_cell

    for text in ("767 người", "694.705,3 triệu đồng", "88,18%", "-"):
        assert centred(measure_cell([[text]]), in_label_column=False), text
    for text in ("12 dịch vụ công trực tuyến", "Năm 2024", "Đạt"):
        assert not centred(measure_cell([[text]]), in_label_column=False), text
