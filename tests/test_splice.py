"""Phụ lục tables spliced in after docxtpl: the same bytes as docxtpl's own insertion,
escaped text, one strict parse, and long tables."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from markupsafe import Markup

from baocao.locations import templates_dir
from baocao.model import YearData
from baocao.render import engine, splice
from baocao.render.package import MalformedPart, check_well_formed
from benchmarks.synthetic import year_data, year_dict

from .helpers import body_lines

ROOT = Path(__file__).resolve().parents[1]
TRICKY = [
    "dòng một\ndòng hai\tcột {_{ x }_} {_% y %_} {{ z }} \t &#123; &amp;#125;",
    "a & b < c > d \"q\" 'x' \r\n z <?baocao-fragment 0?> ]]> <![CDATA[ x\r\r\n\tq\r",
    "\t",
    "x\r\ty\t",
]


def _tricky_year() -> YearData:
    data = year_dict(60)
    rows = data["report"]["appendices"][0]["parts"][0]["table"]["rows"]
    for index, note in enumerate(TRICKY):
        rows[2 * index + 1]["note"] = note
    return YearData.model_validate(data)


def _document_xml(data: YearData, out: Path) -> list[bytes]:
    written = engine.render_year(data, templates_dir(ROOT / "templates"), out)
    return [zipfile.ZipFile(f.path).read("word/document.xml") for f in written]


def test_spliced_table_is_byte_for_byte_what_docxtpl_would_write(tmp_path, monkeypatch):
    data = _tricky_year()
    spliced = _document_xml(data, tmp_path / "spliced")
    monkeypatch.setattr(splice.Fragments, "placeholder", lambda self, xml: Markup(xml))
    monkeypatch.setattr(splice.Fragments, "splice", lambda self, document: document)
    through_docxtpl = _document_xml(data, tmp_path / "docxtpl")
    assert spliced == through_docxtpl


def test_text_that_looks_like_a_placeholder_stays_text(tmp_path):
    (report, appendix) = _document_xml(_tricky_year(), tmp_path)
    assert b"<?baocao-fragment" not in appendix
    assert b"&lt;?baocao-fragment 0?&gt;" in appendix
    lines = body_lines(tmp_path / "PhuLuc_2024.docx")
    assert any("<?baocao-fragment 0?>" in line for line in lines)
    assert any("{_{ x }_} {_% y %_} {{ z }}" in line for line in lines)


def test_long_table_has_every_row(tmp_path):
    written = engine.render_year(year_data(2000), templates_dir(ROOT / "templates"), tmp_path)
    lines = body_lines(written[1].path)
    rows = [line for line in lines if line.startswith("| ")]
    assert len(rows) == 1 + 2000 + 2000 // 50  # header, indicators, group rows
    assert rows[-1].startswith("| 50 | Tỷ lệ hồ sơ trực tuyến của đơn vị số 1999 (xã, phường")


@pytest.mark.parametrize(
    "xml",
    [b"<a><w:t/></a>", b"<a><b></a>", b"<a>&e;</a>", b"<a>\x01</a>", b'<a x="1" x="2"/>'],
)
def test_strict_check_refuses_what_a_full_parse_refuses(xml):
    with pytest.raises(MalformedPart, match="XML không hợp lệ"):
        check_well_formed("word/document.xml", xml)


def test_splice_leaves_a_document_without_fragments_alone():
    fragments = splice.Fragments()
    assert fragments.splice(b"<a><?baocao-fragment 0?></a>") == b"<a><?baocao-fragment 0?></a>"
    marker = fragments.placeholder("<w:tbl/>")
    assert fragments.splice(f"<a>{marker}{marker}</a>".encode()) == b"<a><w:tbl/><w:tbl/></a>"
