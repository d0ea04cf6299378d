"""Phụ lục tables spliced in after docxtpl: the same bytes as docxtpl's own insertion,
escaped text, one strict parse, and long tables."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from markupsafe import Markup

from baocao.commands.render import render_report
from baocao.render import splice
from baocao.render.package import MalformedPart, check_well_formed
from benchmarks.synthetic import report_text, table_rows, workspace

from .helpers import TEMPLATES, body_lines, workspace_at

ROOT = Path(__file__).resolve().parents[1]
TRICKY = [
    "dòng một\ndòng hai\tcột {_{ x }_} {_% y %_} {{ z }} \t &#123; &amp;#125;",
    "a & b < c > d \"q\" 'x' \r\n z <?baocao-fragment 0?> ]]> <![CDATA[ x\r\r\n\tq\r",
    "\t",
    "x\r\ty\t",
]


def _tricky_report(root: Path) -> Path:
    rows = table_rows(60)
    for index, note in enumerate(TRICKY):
        rows[2 * index + 1]["note"] = note
    report = workspace(root, 60)
    report.write_text(report_text(rows), encoding="utf-8")
    return report


def _document_xml(report: Path, out: Path) -> list[bytes]:
    written = render_report(report, TEMPLATES, out, workspace=workspace_at(report.parents[2]))
    return [zipfile.ZipFile(f.path).read("word/document.xml") for f in written]


def test_spliced_table_is_byte_for_byte_what_docxtpl_would_write(tmp_path, monkeypatch):
    report = _tricky_report(tmp_path / "ws")
    spliced = _document_xml(report, tmp_path / "spliced")
    monkeypatch.setattr(splice.Fragments, "placeholder", lambda self, xml: Markup(xml))
    monkeypatch.setattr(splice.Fragments, "splice", lambda self, document: document)
    through_docxtpl = _document_xml(report, tmp_path / "docxtpl")
    assert spliced == through_docxtpl


def test_text_that_looks_like_a_placeholder_stays_text(tmp_path):
    (report, appendix) = _document_xml(_tricky_report(tmp_path / "ws"), tmp_path / "out")
    assert b"<?baocao-fragment" not in appendix
    assert b"&lt;?baocao-fragment 0?&gt;" in appendix
    lines = body_lines(tmp_path / "out" / "PhuLuc_2024_bao-cao-mau.docx")
    assert any("<?baocao-fragment 0?>" in line for line in lines)
    assert any("{_{ x }_} {_% y %_} {{ z }}" in line for line in lines)


def test_long_table_has_every_row(tmp_path):
    report = workspace(tmp_path / "ws", 2000)
    written = render_report(report, TEMPLATES, tmp_path, workspace=workspace_at(tmp_path / "ws"))
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
