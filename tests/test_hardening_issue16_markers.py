"""Issue 16: no reference or footnote marker, and nothing but text, reaches a document."""

from __future__ import annotations

import pytest

from baocao.render.leftovers import LeftoverMarker, check_no_markers

from .hardening import paragraph, templates_with
from .helpers import golden_text
from .issue16 import cli, render_refused, year_file

BODY = "đạt [[ho_so_truc_tuyen|counts]]."
CASES = {
    "mistyped id": (BODY, "đạt [[Ho_So]].", "[["),
    "space before the format": (BODY, "đạt [[ho_so_truc_tuyen |counts]].", "[["),
    "unterminated": (BODY, "đạt [[ho_so_truc_tuyen|counts.", "[["),
    "footnote with capitals": ("[^ctr553]", "[^CTR553]", "[^"),
}


RESOLVED = {
    "summary line": ("summary: Tình hình", "summary: Tình hình [[ho_so_truc_tuyen]]"),
    "recipients": ("- UBND tỉnh (b/c)", "- UBND tỉnh [[ho_so_truc_tuyen]]"),
    "appendix heading": (
        "- title: KẾT QUẢ MỘT SỐ CHỈ TIÊU",
        "- title: KẾT QUẢ [[ho_so_truc_tuyen]]",
    ),
    "inside a footnote": (
        "[^ctr553]: Chương trình",
        "[^ctr553]: Chương trình [[ho_so_truc_tuyen]]",
    ),
}


@pytest.mark.parametrize("case", list(RESOLVED))
def test_a_reference_is_resolved_wherever_it_is_typed(tmp_path, case):
    """These were printed raw (exit 0): now every field a user types resolves references."""
    old, new = RESOLVED[case]
    report = year_file(tmp_path / "data", old, new)
    out = tmp_path / "out"
    result = cli("render", report, "--out", out)
    assert result.exit_code == 0, result.output
    texts = [golden_text(path) for path in sorted(out.glob("*.docx"))]
    assert all("[[" not in text for text in texts)
    assert any("88,18%" in text.split("# headers")[0] for text in texts) or any(
        "88,18%" in text.split("# footnotes")[1] for text in texts
    )


@pytest.mark.parametrize("case", list(CASES))
def test_a_marker_left_raw_is_never_written(tmp_path, case):
    """Each of these printed the marker as typed, exit 0; now validation locates it in
    the report and render refuses the pair."""
    old, new, marker = CASES[case]
    report = year_file(tmp_path / "data", old, new)
    assert report.suffix == ".md"
    line = next(i for i, text in enumerate(report.read_text("utf-8").split("\n"), 1) if new in text)
    result = render_refused(tmp_path, report, "--draft")  # warnings allowed, never a marker
    assert f"{report}:{line}:" in result.output, result.output
    assert "lỗi:" in result.output and marker in result.output


def test_the_final_check_shows_the_words_around_a_marker_a_template_prints(tmp_path):
    """A template printing a raw marker itself is caught by the check on written parts."""
    templates = templates_with(tmp_path / "templates", body=paragraph("Tỷ lệ đạt [[Ho_So]] năm."))
    year = year_file(tmp_path / "data")
    result = render_refused(tmp_path, year, "--templates", templates)
    assert "BaoCao.docx: word/document.xml: văn bản còn dấu tham chiếu" in result.output
    assert "gần: «Tỷ lệ đạt [[Ho_So]] năm.»" in result.output


def test_markers_split_across_runs_are_found():
    xml = (
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>a [</w:t></w:r><w:r><w:t>^x] b</w:t></w:r></w:p></w:body>"
        b"</w:document>"
    )
    with pytest.raises(LeftoverMarker, match=r"\('\[\^'\)"):
        check_no_markers("word/document.xml", xml)
    check_no_markers("word/document.xml", xml.replace(b"^", b"-"))
    check_no_markers("word/styles.xml", xml)  # not a part that prints text


def test_text_with_brackets_that_are_not_markers_still_renders(tmp_path):
    report = year_file(tmp_path / "data", BODY, "đạt [[ho_so_truc_tuyen|counts]] \\[a\\] ]]> [b].")
    result = cli("render", report, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("tag", "reason"),
    [
        ("{{ [doc.khong_co] }}", "mẫu in ra một danh sách, không phải chữ"),
        ("{{ doc.get('khong_co') }}", "mẫu in ra giá trị trống (None)"),
        ("{{ doc.recipients }}", "mẫu in ra một danh sách, không phải chữ"),
        ("{{ doc.recipients|map(attribute='x') }}", "kiểu generator"),
    ],
)
def test_a_template_printing_python_words_is_refused(tmp_path, tag, reason):
    """These printed '[Undefined]', 'None' or a generator's repr, exit 0."""
    templates = templates_with(tmp_path / "templates", body=paragraph(f"Gửi: {tag}."))
    year = year_file(tmp_path / "data")
    result = render_refused(tmp_path, year, "--templates", templates)
    assert "BaoCao.docx (word/document.xml): " in result.output
    assert reason in result.output
    assert "Undefined]" not in result.output
