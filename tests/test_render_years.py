"""The three shipped years rendered and read back: golden text, footnotes, layout."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT

from baocao.loader import load_year
from baocao.render import render_year

from .helpers import W, body_lines, footnotes, golden_text

ROOT = Path(__file__).resolve().parents[1]
YEARS = (2022, 2023, 2024)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    out = tmp_path_factory.mktemp("years")
    documents = {}
    for year in YEARS:
        data = load_year(ROOT / "data" / f"{year}.yaml")
        for written in render_year(data, ROOT / "templates", out / str(year)):
            documents[(year, written.kind)] = written.path
    return documents


@pytest.mark.parametrize("year", YEARS)
def test_report_golden(rendered, golden, year):
    golden(f"BaoCao_{year}.txt", golden_text(rendered[(year, "BÁO CÁO")]))


@pytest.mark.parametrize("year", YEARS)
def test_appendix_golden(rendered, golden, year):
    golden(f"PhuLuc_{year}.txt", golden_text(rendered[(year, "Phụ lục")]))


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("kind", ["BÁO CÁO", "Phụ lục"])
def test_footnotes_are_numbered_in_order_of_appearance(rendered, year, kind):
    path = rendered[(year, kind)]
    body = Document(str(path)).element.body
    references = [int(e.get(f"{W}id")) for e in body.iter(f"{W}footnoteReference")]
    notes = footnotes(path)
    assert references == list(range(1, len(references) + 1))
    assert [number for number, _ in notes] == references
    assert all(text for _, text in notes)


def test_2024_report_cites_its_legal_documents_in_footnotes(rendered):
    notes = dict(footnotes(rendered[(2024, "BÁO CÁO")]))
    assert notes[1] == "Quyết định số 1010/QĐ-UBND ngày 18/6/2024."
    assert len(notes) >= 15


def test_2024_figures_read_as_the_seeds_print_them(rendered):
    text = "\n".join(body_lines(rendered[(2024, "BÁO CÁO")]))
    for printed in (
        "88,18% (605.172/686.283)",
        "2.164.505",
        "83,17%",
        "97,14%",
        "95,74%",
        "giảm 307.240 thuê bao (12,43%) so với năm 2022",
        "tăng 4,26 điểm phần trăm so với năm 2022 (78,91%)",
    ):
        assert printed in text, printed
    appendix = "\n".join(body_lines(rendered[(2024, "Phụ lục")]))
    for printed in ("180,2% (2.009.961/1.115.432)", "42,11% (2.723/6.466)", "82,89%"):
        assert printed in appendix, printed


@pytest.mark.parametrize("year", YEARS)
def test_appendix_sections_are_landscape_and_each_restarts_page_numbers(rendered, year):
    document = Document(str(rendered[(year, "Phụ lục")]))
    for section in document.sections:
        assert section.orientation == WD_ORIENT.LANDSCAPE
        start = section._sectPr.find(f"{W}pgNumType")
        assert start is not None and start.get(f"{W}start") == "1"
    labels = [
        line for line in body_lines(rendered[(year, "Phụ lục")]) if line.startswith("Phụ lục ")
    ]
    assert len(document.sections) == len(labels)
