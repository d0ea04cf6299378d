"""The three shipped years rendered and read back: golden text, footnotes, layout."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT

from baocao.commands.render import render_report
from baocao.workspace import Workspace

from .helpers import W, body_lines, footnotes, golden_text, shipped

ROOT = Path(__file__).resolve().parents[1]
YEARS = (2022, 2023, 2024)
MAIN = {2022: "chuyen-doi-so", 2023: "nganh-tttt", 2024: "chuyen-doi-so"}
"""The Sở's yearly report of each year (the seeds' main document)."""
SHIPPED = shipped("reports/*/*.md")


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """Every shipped report rendered: file name → path."""
    out = tmp_path_factory.mktemp("reports")
    workspace = Workspace(root=ROOT, data=ROOT / "data", reports=ROOT / "reports")
    files = {}
    for report in SHIPPED:
        for done in render_report(report, ROOT / "templates", out, draft=True, workspace=workspace):
            files[done.path.name] = done.path
    return files


@pytest.fixture(scope="module")
def rendered(written):
    """The main report of each year: (year, kind) → path."""
    documents = {}
    for year in YEARS:
        documents[(year, "BÁO CÁO")] = written[f"BaoCao_{year}_{MAIN[year]}.docx"]
        documents[(year, "Phụ lục")] = written[f"PhuLuc_{year}_{MAIN[year]}.docx"]
    return documents


def test_every_shipped_document_golden(written, golden):
    for name, path in sorted(written.items()):
        golden(name.replace(".docx", ".txt"), golden_text(path))


def test_every_golden_file_has_its_document(written):
    made = {name.replace(".docx", ".txt") for name in written}
    golden = ROOT / "tests" / "golden"
    kept = {p.name for p in golden.glob("*_*.txt") if not p.name.startswith("diff_")}
    assert kept - {"BaoCao_2024_bao-cao-mau.txt", "PhuLuc_2024_bao-cao-mau.txt"} == made


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


def test_2024_figures_read_as_the_seeds_print_them(rendered, written):
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
    for printed in ("180,2% (2.009.961/1.115.432)", "42,11% (2.723/6.466)"):
        assert printed in appendix, printed
    plan = "\n".join(body_lines(written["PhuLuc_2024_phu-luc-ke-hoach-2025.docx"]))
    for printed in ("180,2% (2.009.961/1.115.432)", "II. TỈNH KIÊN GIANG", "82,89%"):
        assert printed in plan, printed


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
