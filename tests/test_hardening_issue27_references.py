"""Issue 27, reference scanning: every ``[[`` and ``[^`` of a report is read once, and
each problem stands at its own line and column.

Ten thousand ``[[`` in one paragraph took eleven seconds to validate (each ``[[`` made
the reader look for its ``]]`` to the end of the text, the footnote plugin and
markdown-it did the same from every ``[^`` and ``[``, and every problem was placed by
searching the line from its start). The speed is measured by
``benchmarks/references.py``; these tests hold what the linear reading must keep:
every marker found, each at its place, nothing taken for a link or a footnote.
"""

from __future__ import annotations

import re

from typer.testing import CliRunner

from baocao.cli import app

from .helpers import EXAMPLE_ID, example_workspace

runner = CliRunner()
UNCLOSED = "lỗi: '[[' không có ']]' đóng lại (tham chiếu viết trên một dòng)"
UNCLOSED_NOTE = (
    "lỗi: '[^' không có ']' đóng lại (chú thích viết liền trên một dòng, ví dụ [^ma_chu_thich])"
)
PARAGRAPH = "Sở Thông tin và Truyền thông báo cáo như sau."
PARAGRAPH_LINE = 37
REPORT = f"reports/2024/{EXAMPLE_ID}.md"


def validate(tmp_path, *edits: tuple[str, str]) -> tuple[int, list[str]]:
    """Exit code and the errors and warnings (not the notices: the footnote cited again)."""
    root = example_workspace(tmp_path, report=edits)
    result = runner.invoke(app, ["validate", str(root / REPORT), "--data", str(root / "data")])
    marker = f"{EXAMPLE_ID}.md:"
    lines = [line.split(marker, 1)[1] for line in result.output.splitlines() if marker in line]
    return result.exit_code, [line for line in lines if ": lưu ý: " not in line]


def columns_of(text: str, pattern: str) -> list[int]:
    return [found.start() + 1 for found in re.finditer(pattern, text)]


def test_ten_thousand_unclosed_references_in_one_paragraph_each_at_its_column(tmp_path):
    paragraph = "Đoạn " + "[[ " * 10_000
    code, problems = validate(tmp_path, (PARAGRAPH, paragraph))
    assert code == 1
    expected = [f"{PARAGRAPH_LINE}:{c}: {UNCLOSED}" for c in columns_of(paragraph, r"\[\[")]
    assert len(expected) == 10_000
    assert problems == expected


def test_unclosed_references_between_references_and_markers_are_placed_in_order(tmp_path):
    piece = "[[ho_so_truc_tuyen]] và [[ho_so; [[tai_khoan_thanh_toan|number]][^ctr553] [^thieu] "
    paragraph = "Đoạn: " + piece * 300
    code, problems = validate(tmp_path, (PARAGRAPH, paragraph))
    assert code == 1
    unclosed = [c for c in columns_of(paragraph, r"\[\[ho_so;")]
    undefined = columns_of(paragraph, r"\[\^thieu\]")
    expected = sorted(
        [(c, UNCLOSED) for c in unclosed]
        + [(c, "lỗi: chú thích '[^thieu]' chưa có nội dung") for c in undefined]
    )
    found = [(int(p.split(":")[1]), p.split(": ", 1)[1]) for p in problems]
    assert len(found) == 600
    for (column, message), (at, text) in zip(expected, found, strict=True):
        assert at == column and text.startswith(message), (column, at, text)


def test_a_paragraph_over_several_lines_places_each_problem_on_its_line(tmp_path):
    paragraph = "Dòng một [[ho_so [[ho_so_truc_tuyen]]\nrồi dòng hai [^khong\n  và ba [[x"
    code, problems = validate(tmp_path, (PARAGRAPH, paragraph))
    assert code == 1
    assert problems == [
        f"{PARAGRAPH_LINE}:10: {UNCLOSED}",
        f"{PARAGRAPH_LINE + 1}:14: {UNCLOSED_NOTE}",
        f"{PARAGRAPH_LINE + 2}:9: {UNCLOSED}",
    ]


def test_problems_in_a_footnote_stand_after_its_label(tmp_path):
    note = "[^ctr553]: Chương trình [[x và [[ho_so_truc_tuyen]] [[y"
    code, problems = validate(tmp_path, ("[^ctr553]: Chương trình", note))
    line = 49
    text = "[^ctr553]: Chương trình [[x và [[ho_so_truc_tuyen]] [[y Chuyển đổi số"
    assert code == 1
    expected = [c for c in columns_of(text, r"\[\[[xy]")]
    assert problems == [f"{line}:{c}: {UNCLOSED}" for c in expected]


def test_runs_of_brackets_are_neither_links_nor_footnotes(tmp_path):
    paragraph = (
        "Mở " + "[" * 9 + " rồi " + "[^" * 50 + " và " + "^[" * 50 + " [[[ho_so_truc_tuyen]]"
    )
    code, problems = validate(tmp_path, (PARAGRAPH, paragraph))
    assert code == 1
    unclosed = [p for p in problems if p.endswith(UNCLOSED)]
    assert [int(p.split(":")[1]) for p in unclosed] == [4, 6, 8, 10]  # [[ [[ [[ [[ [
    notes = [int(p.split(":")[1]) for p in problems if p.endswith(UNCLOSED_NOTE)]
    expected = columns_of(paragraph, r"\[\^")
    assert notes == expected and len(notes) == 50 + 49  # [^[^… and ^[^[…
    assert len(problems) == len(unclosed) + len(notes) + 1
    assert "'[[[ho_so_truc_tuyen]]': mã chỉ tiêu" in problems[-1]  # read as typed


def test_thousands_of_markers_in_the_front_matter_each_at_its_column(tmp_path):
    summary = "số năm 2024\n  signer"
    typed = "số năm 2024" + " [[" * 3_000 + "\n  signer"
    code, problems = validate(tmp_path, (summary, typed))
    assert code == 1
    line = 11
    source = (tmp_path / REPORT).read_text(encoding="utf-8").split("\n")[line - 1]
    expected = [f"{line}:{c}: {UNCLOSED}" for c in columns_of(source, r"\[\[")]
    assert len(expected) == 3_000 and problems == expected


def test_a_footnote_marker_cut_short_is_located_by_validate(tmp_path):
    """``[^`` without its ``]`` was only refused by the last check of ``render``, which
    names the template, not the report's line (found by the fuzz test)."""
    code, problems = validate(tmp_path, (PARAGRAPH, "Xem [^ghi chu và [^ctr553]."))
    assert code == 1
    assert problems == [f"{PARAGRAPH_LINE}:5: {UNCLOSED_NOTE}"]


def test_an_inline_footnote_is_text_not_a_crash(tmp_path):
    """``^[…]`` (another Markdown's inline footnote) ended in "lỗi không mong đợi"."""
    root = example_workspace(tmp_path, report=((PARAGRAPH, "Ghi chú ^[liền dòng] ở đây."),))
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["render", str(root / REPORT), "--data", str(root / "data"), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    from .helpers import body_lines

    assert "Ghi chú ^[liền dòng] ở đây." in body_lines(out / f"BaoCao_2024_{EXAMPLE_ID}.docx")


def test_the_reference_benchmark_counts_what_it_plants(tmp_path):
    """``benchmarks/references.py`` keeps working (its times are never asserted)."""
    from benchmarks.references import SHAPES, validate_once, workspace

    for index, shape in enumerate(SHAPES):
        root = workspace(tmp_path / str(index), shape.piece, 30)
        _wall, errors = validate_once(root)
        assert errors == 30 * shape.errors_per_piece, shape.name


def test_a_units_summary_without_units_is_located_by_validate(tmp_path):
    """It passed validate and stopped render with an unlocated line (found by the fuzz
    test)."""
    code, problems = validate(tmp_path, (PARAGRAPH, "[[units:summary]]"))
    assert code == 1
    assert problems == [
        f"{PARAGRAPH_LINE}:1: lỗi: '[[units:summary]]' so sánh các đơn vị báo cáo, nhưng dữ "
        "liệu năm 2024 có ít hơn hai đơn vị trong 'units'"
    ]


def test_line_breaks_of_windows_and_old_macs_keep_lines_and_columns(tmp_path):
    """A report saved with CR LF or CR alone: markdown-it breaks lines at each, and so do
    the positions (a lone CR ended in "lỗi không mong đợi", found by the fuzz test)."""
    for index, newline in enumerate(["\r\n", "\r"]):
        root = example_workspace(tmp_path / str(index), report=((PARAGRAPH, "Mở [[x và"),))
        report = root / REPORT
        report.write_bytes(report.read_text(encoding="utf-8").replace("\n", newline).encode())
        result = runner.invoke(app, ["validate", str(report), "--data", str(root / "data")])
        assert result.exit_code == 1, result.output
        assert f"{EXAMPLE_ID}.md:{PARAGRAPH_LINE}:4: {UNCLOSED}" in result.output


def test_a_marker_split_by_emphasis_is_found_by_validate(tmp_path):
    """Bold ``[`` then ``^`` prints ``[^`` all the same: validate sees the text as printed,
    not inline by inline (render refused it with an unlocated line; found by the fuzz
    test)."""
    code, problems = validate(tmp_path, (PARAGRAPH, "Xem **[**^ghi chú và **[**[x"))
    assert code == 1
    assert problems == [
        f"{PARAGRAPH_LINE}: {UNCLOSED_NOTE}",
        f"{PARAGRAPH_LINE}: {UNCLOSED}",
    ]
