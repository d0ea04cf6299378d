"""Issue 27 through the command line: an out folder that cannot be one, a year that
could never be rendered, usage errors and system errors in Vietnamese, and YAML
anchors in the year file that ``import`` rewrites."""

from __future__ import annotations

import os
import shutil

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from baocao.cli import app
from baocao.excel.form_layout import DATA_SHEET, FIRST_ROW, cell

from .helpers import EXAMPLE_ID, example_workspace

runner = CliRunner()
UNEXPECTED = "lỗi không mong đợi"


def run(*arguments: object) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in arguments])
    return result.exit_code, " ".join(result.output.split())


# -- the out folder --------------------------------------------------------------------


@pytest.fixture
def ws(tmp_path, monkeypatch):
    root = example_workspace(tmp_path)
    monkeypatch.chdir(root)
    (root / "vong1").symlink_to(root / "vong2")
    (root / "vong2").symlink_to(root / "vong1")
    return root


LOOP = "đường dẫn có liên kết (symlink) trỏ vòng quanh, không dẫn tới đâu"
TOO_LONG = "tên tệp hoặc đường dẫn quá dài (mỗi tên tối đa 255 ký tự)"
LONG = "a" * 300


@pytest.mark.parametrize(
    ("out", "shown", "why"),
    [
        ("vong1", "vong1", LOOP),
        ("vong1/con", "vong1/con", LOOP),
        (LONG, f"{'a' * 60}…{'a' * 60}", TOO_LONG),
        (f"out/{LONG}/con", f"out/{'a' * 56}…{'a' * 56}/con", TOO_LONG),
    ],
    ids=["symlink_loop", "inside_a_loop", "name_of_300", "inside_a_name_of_300"],
)
def test_render_into_a_folder_that_cannot_be_one_is_one_clear_line(ws, out, shown, why):
    code, output = run("render", "2024", "--out", out)
    assert code == 1
    assert output == f"Lỗi: Không tạo được thư mục '{shown}': {why}"
    assert not (ws / "out").exists()


@pytest.mark.parametrize(
    "command",
    [
        ["diff", "2024", "data/../data/2024.yaml", "--format", "csv", "--output"],
        ["export", "2024", "--output"],
        ["form", "2024", "--all", "--output"],
    ],
    ids=["diff", "export", "form"],
)
@pytest.mark.parametrize("where", ["loop", "long"])
def test_writing_a_file_into_a_loop_or_a_long_name_is_one_clear_line(ws, command, where):
    target = "vong1/bang.xlsx" if where == "loop" else f"{LONG}/bang.xlsx"
    code, output = run(*command, target)
    assert code == 1, output
    assert (LOOP if where == "loop" else TOO_LONG) in output
    assert UNEXPECTED not in output and "Errno" not in output


def test_a_report_whose_file_names_are_too_long_says_so(ws):
    name = "b" * 248
    shutil.copy(
        ws / "reports" / "2024" / f"{EXAMPLE_ID}.md", ws / "reports" / "2024" / f"{name}.md"
    )
    code, output = run("render", "2024", "--report", name)
    assert code == 1
    assert f"BaoCao_2024_{name}.docx" not in os.listdir(ws / "out")
    assert TOO_LONG in output and UNEXPECTED not in output


# -- years -----------------------------------------------------------------------------


@pytest.mark.parametrize("year", ["99999", "2101", "1999", "0"])
def test_new_refuses_a_year_that_could_never_be_rendered(ws, year):
    code, output = run("new", year)
    assert code == 2
    bound = "phải từ 2000 trở lên" if int(year) < 2000 else "phải từ 2100 trở xuống"
    assert f"Lỗi: Giá trị không hợp lệ cho 'NĂM': {bound} (tìm thấy: {year})" in output
    assert not (ws / "data" / f"{year}.yaml").exists()
    assert not (ws / "reports" / year).exists()


def test_new_refuses_a_source_year_out_of_range(ws):
    code, output = run("new", "2025", "--from", "1900")
    assert code == 2 and "cho '--from': phải từ 2000 trở lên (tìm thấy: 1900)" in output


# -- English reasons -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "reason"),
    [
        (["new", "abc"], "'NĂM': phải là số nguyên (tìm thấy: 'abc')"),
        (["render", "2024", "--jobs", "0"], "'--jobs' / '-j': phải từ 1 trở lên"),
        (["render", "2024", "--jobs", "x"], "'--jobs' / '-j': phải là số nguyên (tìm thấy: 'x')"),
        (["render", "2024", "--pdf-timeout", "x"], "'--pdf-timeout': phải là số (tìm thấy: 'x')"),
        (
            ["export", "2024", "--format", "zz"],
            "'--format' / '-f': 'zz' không hợp lệ: dùng 'xlsx', 'csv' hoặc 'json'",
        ),
    ],
    ids=["integer", "minimum", "not_integer", "not_number", "choice"],
)
def test_usage_errors_give_their_reason_in_vietnamese(ws, arguments, reason):
    code, output = run(*arguments)
    assert code == 2
    assert f"Giá trị không hợp lệ cho {reason}" in output
    assert "Input should" not in output and "is not one of" not in output


def test_a_system_error_no_code_foresaw_is_named_in_vietnamese(ws):
    from baocao.files import os_error_message, reason

    assert reason(OSError(71, "Protocol error")) == "lỗi của hệ điều hành (EPROTO)"
    error = OSError(28, "No space left on device", "out/BaoCao.docx")
    assert os_error_message(error) == "không đọc ghi được 'out/BaoCao.docx': ổ đĩa đã đầy"


# -- anchors in the year file import rewrites -------------------------------------------

ANCHORED = '{ref: phu_luc_2024, line: 163, quote: "88,18% (605.172/686.283)"}'
USED = '{ref: phu_luc_2024, line: 431, quote: "180,2% (2.009.961/1.115.432)"}'


def anchored_workspace(tmp_path, monkeypatch, used: bool):
    edits = [(f"source: {ANCHORED}", f"source: &nguon {ANCHORED}")]
    if used:
        edits.append((f"source: {USED}", "source: *nguon"))
    root = example_workspace(tmp_path, data=tuple(edits))
    monkeypatch.chdir(root)
    code, output = run("form", "2024", "--all", "--output", "bieu_mau.xlsx")
    assert code == 0, output
    return root


def typed(root, metric_id: str, numerator: int) -> None:
    book = load_workbook(root / "bieu_mau.xlsx")
    sheet = book[DATA_SHEET]
    for row in range(FIRST_ROW, sheet.max_row + 1):
        if sheet[cell("id", row)].value == metric_id:
            sheet[cell("numerator", row)] = numerator
    book.save(root / "bieu_mau.xlsx")


def test_import_refuses_to_rewrite_an_anchor_used_elsewhere_and_says_where(tmp_path, monkeypatch):
    root = anchored_workspace(tmp_path, monkeypatch, used=True)
    before = (root / "data" / "2024.yaml").read_bytes()
    lines = before.decode("utf-8").splitlines()
    anchor = next(n for n, line in enumerate(lines, 1) if "&nguon" in line)
    alias = next(n for n, line in enumerate(lines, 1) if "*nguon" in line)
    typed(root, "ho_so_truc_tuyen", 605000)
    code, output = run("import", "2024", "bieu_mau.xlsx")
    assert code == 1
    assert (
        f"data/2024.yaml:{anchor}:17: lỗi: số liệu cần ghi nằm trong phần có neo YAML '&nguon' "
        f"mà dòng {alias} gọi lại ('*nguon'): ghi vào đây sẽ đổi cả những chỗ đó, nên chưa ghi gì"
    ) in output
    assert "bí danh" not in output  # not the alias error of a file that was never written
    assert (root / "data" / "2024.yaml").read_bytes() == before


def test_import_beside_an_anchor_keeps_it(tmp_path, monkeypatch):
    root = anchored_workspace(tmp_path, monkeypatch, used=True)
    typed(root, "tai_khoan_thanh_toan", 2009000)  # the metric whose source is the alias
    code, output = run("import", "2024", "bieu_mau.xlsx")
    assert code == 0, output
    text = (root / "data" / "2024.yaml").read_text(encoding="utf-8")
    assert f"source: &nguon {ANCHORED}" in text and "numerator: 2009000" in text
    assert run("validate", "2024")[0] == 0


def test_import_says_before_writing_that_an_unused_anchor_goes(tmp_path, monkeypatch):
    root = anchored_workspace(tmp_path, monkeypatch, used=False)
    typed(root, "ho_so_truc_tuyen", 605000)
    code, output = run("import", "2024", "bieu_mau.xlsx")
    assert code == 0, output
    notice = "data/2024.yaml:23:17: lưu ý: neo YAML '&nguon' nằm trong số liệu cũ được thay"
    assert output.index(notice) < output.index("Đã ghi")
    assert "&nguon" not in (root / "data" / "2024.yaml").read_text(encoding="utf-8")
