"""render → convert → render gives the same document back, for every shipped report:
the same header fields, paragraphs (text and level), headings, footnotes and table
rows; the same once the first render has been opened and saved by LibreOffice.

Each test prints the share recovered of each category (run with ``-s`` to see them)
and holds our own documents to all of it.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from baocao.commands.convert import apply, plan
from baocao.commands.render import render_report
from baocao.load.report_file import read_report

from .helpers import TEMPLATES, clean_copy, libreoffice, shipped, workspace_at
from .roundtrip import CATEGORIES, View, percent, recovered, view

REPORTS = [p.relative_to(p.parents[2]).as_posix() for p in shipped("reports/*/*.md")]


def _render(report: Path, out: Path, root: Path) -> list[Path]:
    """Every file of ``report``, as a draft when its data or settings want one."""
    written = render_report(report, TEMPLATES, out, draft=True, workspace=workspace_at(root))
    return [w.path for w in written]


def _views(paths: list[Path]) -> View:
    found = View()
    for path in paths:
        found = found + view(path)
    return found


def _convert_and_render(
    files: list[Path], tmp: Path, year: int, figures: bool = False
) -> list[Path]:
    """``files`` (a document, and its Phụ lục when it is a file of its own) converted
    into a workspace holding the shipped data, then rendered again."""
    root = clean_copy(tmp / "again", ("data",))
    workspace = workspace_at(root)
    main, *rest = files
    appendix = rest[0] if rest else None
    result = plan(main, workspace, year=year, appendix=appendix, figures=figures)
    apply(result)
    source = read_report(result.report_path)
    cited = {
        i.text.split("|")[0] for inlines in source.inlines() for i in inlines if i.kind == "ref"
    }
    assert cited >= set(result.figures)
    return _render(result.report_path, tmp / "out-again", root)


def _files(report: str, tmp: Path) -> tuple[list[Path], int]:
    root = clean_copy(tmp / "first")
    path = root / report
    year = int(path.parent.name)
    return _render(path, tmp / "out-first", root), year


def _print(name: str, shares: dict[str, tuple[int, int]]) -> None:
    print(f"\n{name}: " + "; ".join(f"{c} {percent(shares[c])}" for c in CATEGORIES))


def _all_recovered(shares: dict[str, tuple[int, int]]) -> bool:
    return all(found == total for found, total in shares.values())


@pytest.mark.parametrize("report", REPORTS)
def test_render_convert_render_gives_the_same_document(report, tmp_path):
    first, year = _files(report, tmp_path)
    again = _convert_and_render(first, tmp_path, year)
    shares = recovered(_views(first), _views(again))
    _print(f"render → convert → render, {report}", shares)
    assert _all_recovered(shares), shares
    assert _views(first) == _views(again)


@pytest.mark.parametrize("report", REPORTS)
def test_with_figures_as_metrics_the_same_document(report, tmp_path):
    first, year = _files(report, tmp_path)
    again = _convert_and_render(first, tmp_path, year, figures=True)
    shares = recovered(_views(first), _views(again))
    _print(f"render → convert --figures → render, {report}", shares)
    assert _views(first) == _views(again)


@pytest.mark.libreoffice
@pytest.mark.parametrize("report", REPORTS)
def test_the_same_after_libreoffice_saved_the_first_render(report, tmp_path):
    soffice = libreoffice("Writer")
    first, year = _files(report, tmp_path)
    saved = tmp_path / "saved"
    saved.mkdir()
    for path in first:
        shutil.copyfile(path, tmp_path / f"in-{path.name}")
        subprocess.run(
            [
                soffice,
                "--headless",
                f"-env:UserInstallation=file://{tmp_path}/lo",
                "--convert-to",
                "docx:MS Word 2007 XML",
                "--outdir",
                str(saved),
                str(tmp_path / f"in-{path.name}"),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    resaved = [saved / f"in-{path.name}" for path in first]
    again = _convert_and_render(resaved, tmp_path, year)
    shares = recovered(_views(first), _views(again))
    _print(f"render → LibreOffice → convert → render, {report}", shares)
    assert _all_recovered(shares), shares
