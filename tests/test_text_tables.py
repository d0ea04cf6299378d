"""Tables typed as text: a Markdown table in the body of a report, a table typed cell by
cell in a Phụ lục (what ``baocao convert`` writes for the tables of a Word file)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from baocao.cli import app
from baocao.commands.render import render_report
from baocao.commands.validate import validate_report

from .helpers import TEMPLATES, body_lines, example_workspace, footnotes, workspace_at

REPORT = "reports/2024/bao-cao-mau.md"
BODY_TABLE = (
    "| STT | Đơn vị | Tỷ lệ |\n"
    "|---|---|---|\n"
    "| 1 | Sở A | [[ho_so_truc_tuyen]] |\n"
    "| 2 | Sở **B**<br>dòng hai | 12,5%[^ctr553] |\n"
    "| 3 | a \\| b \\<br> c | |\n"
)
TEXT_TABLE = """      - heading: III. BẢNG GÕ SẴN
        table:
          headers: [STT, Nội dung, Kết quả]
          rows:
            - {group: Nhóm một, number: I}
            - ["1", "Dòng một", "12 xã\\n[[ho_so_truc_tuyen]]"]
            - [2, Dòng hai, ""]
      - heading: II. NHIỆM VỤ"""


def _workspace(tmp_path, body: str = BODY_TABLE, table: str = TEXT_TABLE):
    return example_workspace(
        tmp_path,
        report=(
            ("- Mục tiêu đến năm 2025 là [[ho_so_truc_tuyen|target:2025]].\n", f"- x\n\n{body}"),
            ("      - heading: II. NHIỆM VỤ", table),
        ),
    )


def _render(root, tmp_path):
    return render_report(root / REPORT, TEMPLATES, tmp_path / "out", workspace=workspace_at(root))


def test_a_markdown_table_in_the_body_prints_as_a_word_table(tmp_path):
    root = _workspace(tmp_path)
    written = _render(root, tmp_path)
    report = written[0].path
    lines = body_lines(report)
    start = lines.index("| STT | Đơn vị | Tỷ lệ |")
    assert lines[start : start + 4] == [
        "| STT | Đơn vị | Tỷ lệ |",
        "| 1 | Sở A | 88,18% |",
        "| 2 | Sở B / dòng hai | 12,5%[^2] |",
        "| 3 | a | b <br> c |  |",
    ]
    assert [n for n, _text in footnotes(report)] == [1, 2]


def test_a_table_typed_cell_by_cell_prints_in_the_appendix(tmp_path):
    root = _workspace(tmp_path)
    written = _render(root, tmp_path)
    lines = body_lines(written[1].path)
    start = lines.index("III. BẢNG GÕ SẴN")
    assert lines[start + 1 : start + 5] == [
        "| STT | Nội dung | Kết quả |",
        "| I | Nhóm một |",
        "| 1 | Dòng một | 12 xã / 88,18% |",
        "| 2 | Dòng hai |  |",
    ]


def test_a_row_wider_than_the_header_is_refused_at_its_line(tmp_path):
    root = _workspace(tmp_path, body="| a | b |\n|---|---|\n| 1 | 2 | 3 |\n")
    problems = [str(p) for p in validate_report(root / REPORT, workspace_at(root)).problems]
    assert any("dòng bảng có 3 ô, hàng tiêu đề có 2 ô" in p for p in problems), problems


def test_a_text_row_of_another_width_is_refused(tmp_path):
    table = TEXT_TABLE.replace('[2, Dòng hai, ""]', "[2, Dòng hai]")
    root = _workspace(tmp_path, table=table)
    problems = [str(p) for p in validate_report(root / REPORT, workspace_at(root)).problems]
    assert any("dòng 3 của bảng có 2 ô, hàng tiêu đề có 3 ô" in p for p in problems), problems


@pytest.mark.parametrize("cell", ["1.5", "true"])
def test_a_cell_yaml_reads_as_no_text_is_refused(tmp_path, cell):
    table = TEXT_TABLE.replace('[2, Dòng hai, ""]', f"[2, Dòng hai, {cell}]")
    root = _workspace(tmp_path, table=table)
    assert validate_report(root / REPORT, workspace_at(root)).errors


def test_validate_accepts_both_tables(tmp_path, monkeypatch):
    root = _workspace(tmp_path)
    monkeypatch.chdir(root)
    result = CliRunner().invoke(app, ["validate", "2024"])
    assert result.exit_code == 0, result.output
    assert "0 lỗi, 0 cảnh báo" in result.output


def test_a_problem_in_a_cell_is_located_at_its_line_and_column(tmp_path):
    body = (
        "| STT | Đơn vị | Tỷ lệ |\n"
        "|---|---|---|\n"
        "| 1 | [[ho_so_truc_tuyen]] | [^ctr553] |\n"
        "| 2 [[khong_co_chi_tieu]] | [^ctr553] [[khong_co_chi_tieu]] | [^khong_co] |\n"
    )
    root = _workspace(tmp_path, body=body)
    problems = validate_report(root / REPORT, workspace_at(root)).problems
    text = root.joinpath(REPORT).read_text(encoding="utf-8").split("\n")
    row = next(i for i, line in enumerate(text, start=1) if line.startswith("| 2 [["))
    line = text[row - 1]
    places = {p.column for p in problems if p.is_error and p.line == row}
    second = line.index("[[khong_co", line.index("[^ctr553]"))
    expected = {line.index("[[khong_co") + 1, second + 1, line.index("[^khong_co") + 1}
    assert places == expected, [str(p) for p in problems]
