"""Issue 27, hostile Office files: a .docx given to ``kiemtra``, an .xlsx given to
``import``, a template given to ``render``.

Each file is small on disk and would take gigabytes, minutes or another file of the
computer if opened naively: a zip bomb, a part that lies about its size, a DTD with
nested entities (billion laughs) or an external entity, a number past any figure,
merged cells or a row that make openpyxl build millions of objects. Each ends in a
Vietnamese line naming the file (and the part or the cell), never in "lỗi không mong
đợi", with little memory; ``kiemtra`` still checks the other files, ``import``
writes nothing.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from baocao.cli import app
from baocao.excel.form_layout import DATA_SHEET, FIRST_ROW, cell

from .hardening import TEMPLATES, declare_size, peak_memory, rezip
from .helpers import rolled_over_with_form

runner = CliRunner()
MOST_MEMORY = 128 * 2**20
UNEXPECTED = "lỗi không mong đợi"
LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol0 "lol">'
    + "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    + "]>"
)
DTD_REFUSED = (
    "phần XML này khai báo DTD (<!DOCTYPE …>), điều tệp Office thật không bao giờ có: có thể "
    "là tệp cố ý làm đầy bộ nhớ (billion laughs) hay đọc trộm tệp khác trên máy (external entity)"
)
ZIP_BOMB = "tệp hỏng, hoặc cố ý làm đầy bộ nhớ (zip bomb)"


def one_line(text: str) -> str:
    return " ".join(text.split())


def with_dtd(xml: bytes, dtd: str, root: bytes, anchor: bytes, use: bytes) -> bytes:
    """``xml`` with ``dtd`` before its ``root`` element and ``use`` (an entity
    reference) right after ``anchor``."""
    start = xml.index(root)
    return xml[:start] + dtd.encode() + xml[start:].replace(anchor, anchor + use, 1)


def external_entity(folder: Path) -> tuple[str, str]:
    """A DTD whose entity ``x`` is a secret file of the computer, and the entity's name."""
    secret = folder / "secret" / "mat_khau.txt"
    secret.parent.mkdir(parents=True, exist_ok=True)
    secret.write_text("BI-MAT-KHONG-DUOC-LO", encoding="utf-8")
    return f'<!DOCTYPE d [<!ENTITY x SYSTEM "{secret.as_uri()}">]>', "x"


# -- kiemtra ---------------------------------------------------------------------------


def hostile_docx(kind: str, tmp_path: Path) -> tuple[Path, str]:
    """A .docx built from the shipped template, and the line ``kiemtra`` must print."""
    source, target = TEMPLATES / "BaoCao.docx", tmp_path / f"{kind}.docx"
    document = "word/document.xml"
    if kind == "zip_bomb":
        rezip(source, target, {"word/media/image1.png": 50})
        return target, f"{target.name} (word/media/image1.png): phần này nén chặt bất thường ("
    if kind == "document_200_mb":
        rezip(source, target, {document: 200})
        return target, (
            f"{target.name} ({document}): phần này giải nén ra 200 MB, quá giới hạn 64 MB của "
            f"một phần; {ZIP_BOMB}"
        )
    if kind == "size_that_lies":
        rezip(source, target, {document: 300})
        declare_size(target, document, 1000)
        return target, (
            f"{target.name} ({document}): phần này giải nén ra nhiều hơn kích thước khai báo "
            f"(1.000 byte); {ZIP_BOMB}"
        )
    with zipfile.ZipFile(source) as package:
        original = package.read(document)
    dtd, entity = external_entity(tmp_path) if kind == "external_entity" else (LAUGHS, "lol9")
    use = f"<w:p><w:r><w:t>&{entity};</w:t></w:r></w:p>".encode()
    rezip(source, target, {document: with_dtd(original, dtd, b"<w:document", b"<w:body>", use)})
    return target, f"{target.name} ({document}): {DTD_REFUSED}"


KINDS = ["zip_bomb", "document_200_mb", "size_that_lies", "billion_laughs", "external_entity"]


@pytest.mark.parametrize("kind", KINDS)
def test_kiemtra_names_a_hostile_docx_in_one_line_and_checks_the_other_files(tmp_path, kind):
    hostile, line = hostile_docx(kind, tmp_path)
    other = shutil.copy(TEMPLATES / "PhuLuc.docx", tmp_path / "khac.docx")
    result, peak = peak_memory(lambda: runner.invoke(app, ["kiemtra", str(hostile), str(other)]))
    output = one_line(result.output)
    assert result.exit_code == 1, result.output
    assert f"lỗi: {line}" in output
    assert UNEXPECTED not in output and "BI-MAT" not in output
    section = result.output.split(str(other))[1]
    assert "Loại:" in section and "đạt" in section  # the other file was checked
    assert "Tổng kết: 2 tệp" in output
    assert peak < MOST_MEMORY


def test_kiemtra_json_carries_the_refusal_of_the_file(tmp_path):
    import json

    hostile, line = hostile_docx("billion_laughs", tmp_path)
    result = runner.invoke(app, ["kiemtra", str(hostile), "--format", "json"])
    assert result.exit_code == 1
    (entry,) = json.loads(result.output)["files"]
    assert entry["error"] == line and entry["results"] == []


def test_render_refuses_a_template_with_a_dtd(tmp_path):
    from .issue16 import render_refused, year_file

    templates = tmp_path / "templates"
    templates.mkdir()
    shutil.copy(TEMPLATES / "PhuLuc.docx", templates / "PhuLuc.docx")
    hostile, _line = hostile_docx("billion_laughs", tmp_path)
    shutil.copy(hostile, templates / "BaoCao.docx")
    result = render_refused(tmp_path, year_file(tmp_path / "data"), "--templates", templates)
    assert f"BaoCao.docx (word/document.xml): {DTD_REFUSED}; hãy dùng lại mẫu gốc" in one_line(
        result.output
    )


# -- import ----------------------------------------------------------------------------


@pytest.fixture
def ws(tmp_path, monkeypatch):
    """The example workspace rolled over to 2025, as working directory, with its form."""
    monkeypatch.chdir(tmp_path)
    return rolled_over_with_form(tmp_path)


SHEET = "xl/worksheets/sheet1.xml"


def filled(ws: Path, cells: dict[str, object]) -> Path:
    """``form.xlsx``: the blank form with ``cells`` (key → value) typed in the first row."""
    book = load_workbook(ws / "blank.xlsx")
    sheet = book[DATA_SHEET]
    for key, value in cells.items():
        sheet[cell(key, FIRST_ROW)] = value
    book.save(ws / "form.xlsx")
    return ws / "form.xlsx"


def sheet_xml(ws: Path) -> bytes:
    with zipfile.ZipFile(ws / "blank.xlsx") as package:
        return package.read(SHEET)


def hostile_xlsx(kind: str, ws: Path) -> tuple[Path, str]:
    """A form built from the blank one, and the line ``import`` must print."""
    target = ws / "form.xlsx"
    where = f"form.xlsx ({SHEET}): lỗi: "
    if kind == "sheet_of_300_mb":
        rezip(ws / "blank.xlsx", target, {SHEET: 300})
        return target, f"{where}phần này giải nén ra 300 MB, quá giới hạn 64 MB của một phần"
    if kind == "size_that_lies":
        rezip(ws / "blank.xlsx", target, {SHEET: 300})
        declare_size(target, SHEET, 5000)
        return target, f"{where}phần này giải nén ra nhiều hơn kích thước khai báo (5.000 byte)"
    if kind in ("billion_laughs", "external_entity"):
        dtd, entity = external_entity(ws) if kind == "external_entity" else (LAUGHS, "lol9")
        use = f'<row r="99"><c r="C99" t="inlineStr"><is><t>&{entity};</t></is></c></row>'
        xml = with_dtd(sheet_xml(ws), dtd, b"<worksheet", b"<sheetData>", use.encode())
        rezip(ws / "blank.xlsx", target, {SHEET: xml})
        return target, where + DTD_REFUSED
    if kind == "merged_everything":
        xml = sheet_xml(ws).replace(b"<mergeCell ", b'<mergeCell ref="A50:XFD5000"/><mergeCell ', 1)
        rezip(ws / "blank.xlsx", target, {SHEET: xml})
        return target, f"{where}các vùng gộp ô phủ hơn 100.000 ô: bỏ gộp ô (Merge & Center)"
    book = load_workbook(ws / "blank.xlsx")
    book[DATA_SHEET]["B1048576"] = "x"
    book.save(target)
    return target, (
        f"{where}ô B1048576 ở dòng 1.048.576, quá xa (biểu mẫu dùng tối đa 200.000 dòng): xóa "
        "các dòng thừa ở cuối trang tính rồi lưu lại"
    )


XLSX_KINDS = [
    "sheet_of_300_mb",
    "size_that_lies",
    "billion_laughs",
    "external_entity",
    "merged_everything",
    "last_row_of_excel",
]


@pytest.mark.parametrize("kind", XLSX_KINDS)
def test_import_refuses_a_hostile_workbook_naming_it_and_writes_nothing(ws, kind):
    year = (ws / "data" / "2025.yaml").read_bytes()
    _path, line = hostile_xlsx(kind, ws)
    result, peak = peak_memory(lambda: runner.invoke(app, ["import", "2025", "form.xlsx"]))
    output = one_line(result.output)
    assert result.exit_code == 1, result.output
    assert line in output
    assert UNEXPECTED not in output and "BI-MAT" not in output
    assert (ws / "data" / "2025.yaml").read_bytes() == year
    assert peak < MOST_MEMORY


TTHC = "«Hồ sơ thủ tục hành chính giải quyết trực tuyến»"
TOO_LARGE = "số quá lớn (tối đa 10^15): gõ lại số liệu đúng"


@pytest.mark.parametrize(
    ("typed", "wrong"),
    [
        ({"numerator": 1e308, "denominator": 686283}, ["H"]),
        ({"numerator": 1e308, "denominator": 1e308}, ["H", "I"]),
        ({"numerator": "9" * 400, "denominator": 686283}, ["H"]),
        ({"numerator": float("1e16"), "denominator": 5}, ["H"]),
        ({"value": 1e308}, ["G"]),
        ({"value": "9" * 40 + "%"}, ["G"]),
    ],
    ids=["count", "both", "digits", "past_limit", "rate_cell", "rate_text"],
)
def test_a_number_past_any_figure_is_named_by_its_cell_in_vietnamese(ws, typed, wrong):
    year = (ws / "data" / "2025.yaml").read_bytes()
    filled(ws, {**typed, "source": "phu_luc_2024"})
    result = runner.invoke(app, ["import", "2025", "form.xlsx"])
    assert result.exit_code == 1, result.output
    for column in wrong:
        place = f"form.xlsx!{DATA_SHEET}!{column}{FIRST_ROW}: lỗi: {TTHC}: "
        assert place in result.output
    assert UNEXPECTED not in result.output and "Input should" not in result.output
    assert result.output.count(TOO_LARGE) == len(wrong)
    assert (ws / "data" / "2025.yaml").read_bytes() == year
