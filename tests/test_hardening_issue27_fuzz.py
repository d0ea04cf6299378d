"""Issue 27, fuzzing: random Markdown reports through ``render``, random forms through
``import``. Whatever comes in, the answer is a located error (a problem naming its
file, and its line or cell when there is one) or a correct result, never an
unexpected error nor a traceback.

A Markdown report is built from pieces of Markdown and of baocao's own syntax
(references, footnotes, markers cut short, headings, lists, HTML, code, links);
rendered as a draft, it gives documents that python-docx opens, holding no raw
``[[`` or ``[^``, or located problems and no file. A form is the blank form of the
example year, edited the way hands and programs edit workbooks (any value in any
cell, rows deleted or inserted, cells merged, sheets renamed or removed, headers
changed) and sometimes damaged as bytes; imported, it updates a year file that then
validates, or it reports located problems and leaves the year file as it was.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import date, datetime
from pathlib import Path

from docx import Document
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from lxml import etree
from openpyxl import load_workbook
from openpyxl.utils.exceptions import IllegalCharacterError
from typer.testing import CliRunner

from baocao.cli import app
from baocao.excel.form_layout import COLUMNS, DATA_SHEET, FIRST_ROW, META_SHEET, SOURCES_SHEET

from .helpers import EXAMPLE_ID, EXAMPLES, W, body_lines, example_workspace

runner = CliRunner()
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
LOCATED = re.compile(r"^\S.*: (lỗi|cảnh báo|lưu ý): \S", re.MULTILINE)
"""A problem line: ``file[:line[:column]] (or file!sheet!cell): lỗi: message``."""


def no_crash(output: str) -> None:
    assert "lỗi không mong đợi" not in output, output
    assert "Traceback" not in output, output


# -- Markdown reports -------------------------------------------------------------------

MARKDOWN = [
    "# ",
    "## ",
    "#### ",
    "##### ",
    "- ",
    "+ ",
    "1. ",
    "  - ",
    "**",
    "*",
    "_",
    "`",
    "```",
    "    ",
    "> ",
    "---",
    "| a | b |",
    "\\",
    "\\[",
    "&amp;",
    "&#91;",
    "<b>",
    "</i>",
    "[a](http://x)",
    "![x](y.png)",
    "^[ghi chú liền]",
    "[",
    "]",
    "[[",
    "]]",
    "[^",
    "[^ctr553]",
    "[^khong_co]",
    "[^ctr553]: Chú thích.",
    "[[ho_so_truc_tuyen]]",
    "[[ho_so_truc_tuyen|counts]]",
    "[[ho_so_truc_tuyen|target:2025]]",
    "[[tai_khoan_thanh_toan|number|pad]]",
    "[[tasks:nhiem_vu_mau|done]]",
    "[[units:summary]]",
    "[[khong_co]]",
    "[[Ho So]]",
    "[[ho_so_truc_tuyen",
    "năm 2023",
    "Việt Nam",
    "Ủy ban nhân dân",
    "{{ x }}",
    "{%p if x %}",
    " ",
    "\n",
    "\n\n",
]
markdown = st.lists(st.sampled_from(MARKDOWN) | st.text(max_size=6), max_size=40).map("".join)


def printed_text(path: Path) -> str:
    """The paragraphs of a document's parts (body, headers, footers, footnotes), one a
    line, each the text of its runs joined."""
    with zipfile.ZipFile(path) as package:
        parts = [package.read(n) for n in package.namelist() if n.startswith("word/")]
    lines = []
    for xml in parts:
        if xml.lstrip().startswith(b"<"):
            for paragraph in etree.fromstring(xml).iter(f"{W}p"):
                lines.append("".join(t.text or "" for t in paragraph.iter(f"{W}t")))
    return "\n".join(lines)


@FUZZ
@given(body=markdown)
def test_a_random_markdown_report_renders_or_fails_located(tmp_path_factory, body):
    root = example_workspace(tmp_path_factory.mktemp("md"))
    report = root / "reports" / "2024" / f"{EXAMPLE_ID}.md"
    text = report.read_text(encoding="utf-8")
    closing = "Trên đây là báo cáo mẫu"
    report.write_text(text.replace(closing, f"{body}\n\n{closing}", 1), encoding="utf-8")
    out = root / "out"
    result = runner.invoke(
        app, ["render", str(report), "--data", str(root / "data"), "--out", str(out), "--draft"]
    )
    no_crash(result.output)
    if result.exit_code != 0:
        assert LOCATED.search(result.output), result.output
        assert not out.exists() or not list(out.iterdir())
        return
    for path in sorted(out.glob("*.docx")):
        Document(str(path))
        written = printed_text(path)
        assert "[[" not in written and "[^" not in written, written
    assert any("Trên đây là báo cáo mẫu" in line for line in body_lines(next(out.glob("BaoCao*"))))


# -- forms ---------------------------------------------------------------------------------

VALUES = st.one_of(
    st.none(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(
        [
            "8,5",
            "85%",
            "85,5 %",
            "1.234,5",
            "2.471.745",
            "0,5",
            "abc",
            "",
            "  ",
            "=1+1",
            "#N/A",
            "phu_luc_2024",
            "nguon_moi",
            "31/12/2025",
            "12/2025",
            "2025",
            "2025-02-30",
            "1e308",
            "9" * 40,
            "ho_so_truc_tuyen",
            "Việt Nam",
        ]
    ),
    st.text(max_size=12),
    st.booleans(),
    st.dates(date(1900, 1, 1), date(2200, 1, 1)),
    st.datetimes(datetime(1900, 1, 1), datetime(2200, 1, 1)),
    st.times(),
)
LETTERS = [column.letter for column in COLUMNS]
edit = st.one_of(
    st.tuples(
        st.just("cell"),
        st.sampled_from([DATA_SHEET, SOURCES_SHEET, META_SHEET]),
        st.sampled_from(LETTERS),
        st.integers(1, FIRST_ROW + 4),
        VALUES,
    ),
    st.tuples(st.just("delete_rows"), st.integers(1, FIRST_ROW + 2), st.integers(1, 2)),
    st.tuples(st.just("insert_rows"), st.integers(1, FIRST_ROW + 2), st.integers(1, 2)),
    st.tuples(st.just("merge"), st.sampled_from(LETTERS), st.integers(FIRST_ROW, FIRST_ROW + 2)),
    st.tuples(st.just("rename"), st.sampled_from([DATA_SHEET, SOURCES_SHEET, META_SHEET])),
    st.tuples(st.just("remove"), st.sampled_from([DATA_SHEET, SOURCES_SHEET, META_SHEET])),
)
damage = st.one_of(
    st.none(),
    st.tuples(st.just("truncate"), st.floats(0, 1)),
    st.tuples(st.just("bytes"), st.floats(0, 1), st.binary(min_size=1, max_size=16)),
    st.tuples(st.just("drop"), st.integers(0, 20)),
)


def apply_edit(book, change) -> None:
    kind = change[0]
    if kind == "cell":
        _kind, sheet, letter, row, value = change
        if sheet in book.sheetnames:
            target = book[sheet][f"{letter}{row}"]
            if type(target).__name__ != "MergedCell":
                with suppress(IllegalCharacterError):  # no workbook holds control characters
                    target.value = value
    elif DATA_SHEET not in book.sheetnames and kind in ("delete_rows", "insert_rows", "merge"):
        return
    elif kind in ("delete_rows", "insert_rows"):
        getattr(book[DATA_SHEET], kind)(change[1], change[2])
    elif kind == "merge":
        book[DATA_SHEET].merge_cells(f"{change[1]}{change[2]}:{change[1]}{change[2] + 1}")
    elif kind == "rename" and change[1] in book.sheetnames:
        book[change[1]].title = f"{change[1]} 2"
    elif kind == "remove" and change[1] in book.sheetnames and len(book.sheetnames) > 1:
        book.remove(book[change[1]])


def damaged(content: bytes, how) -> bytes:
    if how is None:
        return content
    if how[0] == "truncate":
        return content[: int(len(content) * how[1])]
    if how[0] == "bytes":
        at = int(len(content) * how[1])
        return content[:at] + how[2] + content[at + len(how[2]) :]
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        members = package.infolist()
        dropped = members[how[1] % len(members)].filename
        kept = [(m, package.read(m)) for m in members if m.filename != dropped]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for member, data in kept:
            out.writestr(member, data)
    return buffer.getvalue()


@contextmanager
def inside(folder: Path) -> Iterator[None]:
    """``folder`` as the working directory (``new`` writes the reports there)."""
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def form_workspace(root: Path) -> Path:
    """The example year rolled over to 2025 under ``root``, and its blank form."""
    shutil.copytree(EXAMPLES / "data", root / "data")
    shutil.copytree(EXAMPLES / "reports", root / "reports")
    with inside(root):
        result = runner.invoke(app, ["new", "2025"])
        assert result.exit_code == 0, result.output
        result = runner.invoke(app, ["form", "2025", "--output", "blank.xlsx"])
        assert result.exit_code == 0, result.output
    return root / "blank.xlsx"


@FUZZ
@given(edits=st.lists(edit, max_size=8), harm=damage)
def test_a_random_form_imports_or_fails_located(tmp_path_factory, edits, harm):
    root = tmp_path_factory.mktemp("form")
    blank = form_workspace(root)
    book = load_workbook(blank)
    for change in edits:
        apply_edit(book, change)
    buffer = io.BytesIO()
    try:
        book.save(buffer)
    except ValueError:  # openpyxl will not save it (only a hidden sheet left): no form
        assume(False)
    form = root / "form.xlsx"
    form.write_bytes(damaged(buffer.getvalue(), harm))
    year = root / "data" / "2025.yaml"
    before = year.read_bytes()
    with inside(root):
        result = runner.invoke(app, ["import", "2025", "form.xlsx"])
        no_crash(result.output)
        if result.exit_code != 0:
            assert LOCATED.search(result.output) and "form.xlsx" in result.output, result.output
            assert year.read_bytes() == before
            return
        checked = runner.invoke(app, ["validate", "2025"])
    no_crash(checked.output)
    assert re.search(r"^0 lỗi, \d+ cảnh báo", checked.output, re.MULTILINE), checked.output


def test_the_form_fuzzer_reaches_both_outcomes(tmp_path):
    """The blank form imports (nothing to change), a truncated one is refused."""
    blank = form_workspace(tmp_path)
    (tmp_path / "half.xlsx").write_bytes(blank.read_bytes()[:2000])
    with inside(tmp_path):
        assert runner.invoke(app, ["import", "2025", "blank.xlsx"]).exit_code == 0
        refused = runner.invoke(app, ["import", "2025", "half.xlsx"])
    assert refused.exit_code == 1 and LOCATED.search(refused.output)
