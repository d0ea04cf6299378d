"""Forms filled the way an agency fills them (openpyxl typing into the yellow cells),
for the collection round of ``conftest.round_ws``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from baocao.cli import app
from baocao.excel.form_layout import DATA_SHEET, FIRST_ROW, TASKS_SHEET, cell, task_cell

runner = CliRunner()
FORMS = Path("out") / "BieuMau_2025"


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def rows_by_id(sheet, key_cell: Callable[[int], str], first: int) -> dict[str, int]:
    return {
        sheet[key_cell(r)].value: r
        for r in range(first, sheet.max_row + 1)
        if sheet[key_cell(r)].value
    }


def fill(
    agency: str,
    figures: dict[str, dict[str, object]] | None = None,
    tasks: dict[str, dict[str, object]] | None = None,
    folder: str = "da_nhan",
    edit: Callable[..., None] | None = None,
) -> Path:
    """``folder/BieuMau_2025_<agency>.xlsx``: the agency's blank form with ``figures``
    typed in the row of each metric id and ``tasks`` in the row of each task key."""
    book = load_workbook(FORMS / f"BieuMau_2025_{agency}.xlsx")
    sheet = book[DATA_SHEET]
    rows = rows_by_id(sheet, lambda r: cell("id", r), FIRST_ROW)
    for metric_id, typed in (figures or {}).items():
        for key, value in typed.items():
            sheet[cell(key, rows[metric_id])] = value
    if tasks:
        task_sheet = book[TASKS_SHEET]
        task_rows = rows_by_id(task_sheet, lambda r: task_cell("key", r), FIRST_ROW)
        for task_key, typed in tasks.items():
            for key, value in typed.items():
                task_sheet[task_cell(key, task_rows[task_key])] = value
    if edit is not None:
        edit(book, rows)
    target = Path(folder) / f"BieuMau_2025_{agency}.xlsx"
    target.parent.mkdir(parents=True, exist_ok=True)
    book.save(target)
    return target


def refused(*paths: str) -> str:
    """An import that must be refused, leaving the year file byte for byte."""
    year = Path("data") / "2025.yaml"
    before = year.read_bytes()
    code, output = invoke("import", "2025", *paths)
    assert code == 1, output
    assert "chưa ghi tệp nào" in output
    assert year.read_bytes() == before
    return output
