"""Issue 27, formula injection: every workbook baocao writes holds the user's text as
text, never as a formula, in every column that can carry it.

The year files give every piece of user text (metric names, units, targets written
as text, figures written as text, quotes, source titles, reporting units' names and
short names, the folder a year file sits in) its own formula, some behind a tab or a
carriage return that the loader strips. Each writer (``export``, ``diff``,
``compare``, ``form``) is run through the CLI; its workbook must hold no formula and
no error value, each formula must be there as a string cell (with Excel's quote
prefix), in the column it belongs to. ``compare --format md`` escapes HTML like
``diff --format md``.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from baocao.cli import app

runner = CliRunner()

STARTS = ["=", "\t=", "\r=", "+", "-", "@"]
FIELDS = [
    "source_title",
    "rate_name",
    "target_text",
    "target_plan",
    "rate_quote",
    "count_name",
    "count_unit",
    "count_quote",
    "text_name",
    "text_unit",
    "text_figure",
    "first_unit_name",
    "first_unit_short",
    "second_unit_name",
    "second_unit_short",
    "second_rate_name",
    "second_only_name",
]


def typed(field: str) -> str:
    """What the year file holds for ``field``: a formula, maybe behind a tab or a CR."""
    start = STARTS[FIELDS.index(field) % len(STARTS)]
    return f'{start}HYPERLINK("http://x.invalid/{field}","{field}")'


def shown(field: str) -> str:
    """``typed(field)`` as read (the loader strips a leading tab or carriage return)."""
    return typed(field).strip()


def year_text(year: int) -> str:
    q = {field: json.dumps(typed(field)) for field in FIELDS}
    return f"""\
year: {year}
sources:
  s: {q["source_title"]}
metrics:
  - id: ty_le
    name: {q["rate_name"]}
    unit: "%"
    evaluation: Đạt
    targets:
      - {{year: {year}, text: {q["target_text"]}, plan: {q["target_plan"]}}}
    observations:
      - {{as_of: "{year}", numerator: 90, denominator: 100,
         source: {{ref: s, quote: {q["rate_quote"]}}}}}
  - id: so_luong
    name: {q["count_name"]}
    unit: {q["count_unit"]}
    evaluation: Chưa đạt
    observations:
      - {{as_of: "{year}-06-30", value: 5, source: {{ref: s, quote: {q["count_quote"]}}}}}
  - id: chu
    name: {q["text_name"]}
    unit: {q["text_unit"]}
    observations:
      - {{as_of: "{year}", text: {q["text_figure"]}, source: {{ref: s, quote: "x"}}}}
units:
  - {{id: mot, name: {q["first_unit_name"]}, short_name: {q["first_unit_short"]}}}
  - id: hai
    name: {q["second_unit_name"]}
    short_name: {q["second_unit_short"]}
    metrics:
      - id: ty_le
        name: {q["second_rate_name"]}
        unit: "%"
        evaluation: Chưa đạt
        source: {{ref: s, quote: "01"}}
        observations:
          - {{as_of: "{year}", numerator: 10, denominator: 50, source: {{ref: s, quote: "10/50"}}}}
      - id: rieng
        name: {q["second_only_name"]}
        unit: "%"
        evaluation: Đạt
        source: {{ref: s, quote: "02"}}
"""


FOLDER = "=1+1"
"""A folder whose name is a formula: ``diff`` names its columns after the files."""


@pytest.fixture
def ws(tmp_path, monkeypatch):
    for year in (2023, 2024):
        for folder in ("data", FOLDER):
            path = tmp_path / folder / f"{year}.yaml"
            path.parent.mkdir(exist_ok=True)
            path.write_text(year_text(year), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*arguments: str) -> None:
    result = runner.invoke(app, list(arguments))
    assert result.exit_code == 0, result.output


def string_cells(path: Path) -> dict[str, list[str]]:
    """Column header (or sheet and column letter) → the strings of that column, after
    checking that the workbook holds no formula and no error value anywhere."""
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if name.startswith("xl/worksheets/"):
                xml = package.read(name)
                assert b"<f>" not in xml and b"<f " not in xml and b't="e"' not in xml, name
    columns: dict[str, list[str]] = {}
    for sheet in load_workbook(path).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    assert cell.data_type == "s", (sheet.title, cell.coordinate, cell.value)
                    if cell.value.startswith(("=", "+", "-", "@")):
                        assert cell.quotePrefix, (sheet.title, cell.coordinate)
                    columns.setdefault(f"{sheet.title}!{cell.column_letter}", []).append(cell.value)
    return columns


def column_of(columns: dict[str, list[str]], text: str) -> set[str]:
    return {name for name, values in columns.items() if any(text in v for v in values)}


def where(columns: dict[str, list[str]], field: str) -> set[str]:
    found = column_of(columns, shown(field))
    assert found, f"{field} is in no column"
    return found


def test_export_keeps_every_text_column_as_text(ws):
    run("export", "2024", "--output", "chi_tieu.xlsx")
    columns = string_cells(ws / "chi_tieu.xlsx")
    sheet = "Chỉ tiêu 2024"
    assert where(columns, "rate_name") == {f"{sheet}!B"}
    assert where(columns, "count_name") == where(columns, "text_name") == {f"{sheet}!B"}
    assert where(columns, "count_unit") >= {f"{sheet}!C"}
    assert where(columns, "text_unit") == {f"{sheet}!C"}
    assert where(columns, "target_text") == {f"{sheet}!D"}
    assert where(columns, "text_figure") == {f"{sheet}!I"}  # as the document prints it


def test_diff_keeps_every_text_column_as_text(ws):
    run("diff", "2023", "2024", "--output", "so_sanh.xlsx")
    columns = string_cells(ws / "so_sanh.xlsx")
    for field in ("rate_name", "count_name", "text_name"):
        assert where(columns, field) == {"So sánh!B"}
    assert where(columns, "count_unit") == where(columns, "text_unit") == {"So sánh!C"}
    assert where(columns, "text_figure") == {"So sánh!D", "So sánh!F", "So sánh!K"}  # and note


def test_diff_names_its_columns_after_files_in_a_formula_folder_as_text(ws):
    """Two sources of one year: each column is named after its file."""
    run("diff", f"{FOLDER}/2024.yaml", "data/2024.yaml", "--output", "nguon.xlsx")
    columns = string_cells(ws / "nguon.xlsx")
    named = column_of(columns, f"{FOLDER}/2024.yaml")
    assert {"So sánh!A", "So sánh!D", "So sánh!E", "So sánh!H"} <= named


def test_compare_keeps_every_text_column_as_text(ws):
    run("compare", "2024", "--output", "don_vi.xlsx")
    columns = string_cells(ws / "don_vi.xlsx")
    sheet = "So sánh đơn vị"
    assert f"{sheet}!D" in where(columns, "first_unit_short")  # header of the unit's column
    assert f"{sheet}!F" in where(columns, "second_unit_short")
    assert where(columns, "first_unit_name") >= {f"{sheet}!A", f"{sheet}!B"}  # title, group
    assert f"{sheet}!B" in where(columns, "second_unit_name")
    for field in ("rate_name", "count_name", "second_only_name"):
        assert where(columns, field) == {f"{sheet}!C"}
    assert f"{sheet}!I" in where(columns, "second_unit_short")  # "not reported by …"


def test_form_keeps_every_text_column_as_text(ws):
    run("form", "2024", "--all", "--output", "bieu_mau.xlsx")
    columns = string_cells(ws / "bieu_mau.xlsx")
    columns = {k: v for k, v in columns.items() if not k.startswith("_baocao!")}  # the record
    data, sources = "Số liệu", "Nguồn"
    for field in ("rate_name", "count_name", "text_name"):
        assert where(columns, field) == {f"{data}!C"}
    assert f"{data}!D" in where(columns, "count_unit")
    assert where(columns, "text_unit") >= {f"{data}!D"}
    assert where(columns, "target_text") == {f"{data}!E"}
    assert f"{data}!F" in where(columns, "text_figure")  # last year's figure
    assert where(columns, "rate_quote") == {f"{data}!L"}  # prefilled quote
    assert where(columns, "source_title") == {f"{sources}!B"}


def test_compare_markdown_escapes_html_like_diff(ws):
    text = (ws / "data" / "2024.yaml").read_text(encoding="utf-8")
    tagged = text.replace(json.dumps(typed("first_unit_short")), '"<b>Một</b> | <i>x</i>"')
    tagged = tagged.replace(json.dumps(typed("first_unit_name")), '"tỉnh <script>Một</script>"')
    (ws / "data" / "2024.yaml").write_text(tagged, encoding="utf-8")
    result = runner.invoke(app, ["compare", "2024", "--format", "md"])
    assert result.exit_code == 0, result.output
    assert "<b>" not in result.output and "<script>" not in result.output
    assert "&lt;b&gt;Một&lt;/b&gt; \\| &lt;i&gt;x&lt;/i&gt;" in result.output  # the header
    assert "# So sánh chỉ tiêu năm 2024 giữa tỉnh &lt;script&gt;Một&lt;/script&gt;" in (
        result.output
    )
