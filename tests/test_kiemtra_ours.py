"""What this tool renders passes its own checker, also once LibreOffice has rewritten it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from baocao.commands.render import render_report
from baocao.kiemtra import check
from baocao.kiemtra.status import Status

from .helpers import libreoffice, shipped, workspace_at

ROOT = Path(__file__).resolve().parents[1]
SOURCES = {
    **{p.relative_to(ROOT / "reports").as_posix(): p for p in shipped("reports/*/*.md")},
    "example": ROOT / "examples" / "reports" / "2024" / "bao-cao-mau.md",
}
NOT_APPLICABLE = {"phu-luc", "so-trang-phu-luc", "bang-lap-tieu-de", "kinh-gui", "phan-chuong"}
"""Rules a main document may leave unchecked: no appendix in it, no "Kính gửi", no parts."""


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    out = tmp_path_factory.mktemp("kiemtra")
    documents = {}
    for name, source in SOURCES.items():
        workspace = workspace_at(source.parents[2])
        written_files = render_report(
            source, ROOT / "templates", out / name, draft=True, workspace=workspace
        )
        for written in written_files:
            kind = "Phụ lục" if written.kind == "Phụ lục" else "main"
            documents[(name, kind)] = written.path
    return documents


def errors(path: Path) -> dict[str, list]:
    report = check(path)
    assert not report.error
    return {r.rule.id: r.violations for r in report.results if r.status == Status.ERROR}


@pytest.mark.parametrize("name", SOURCES)
def test_our_report_passes(rendered, name):
    if (name, "main") not in rendered:
        pytest.skip("an appendix-only document")
    path = rendered[(name, "main")]
    assert errors(path) == {}
    report = check(path)
    assert report.kind == "văn bản"
    unchecked = {r.rule.id for r in report.results if r.status == Status.UNCHECKED}
    assert {"phu-luc", "so-trang-phu-luc"} <= unchecked <= NOT_APPLICABLE


@pytest.mark.parametrize("name", SOURCES)
def test_our_appendix_passes(rendered, name):
    key = (name, "Phụ lục")
    if key not in rendered:
        pytest.skip("no appendix for this source")
    report = check(rendered[key])
    assert errors(rendered[key]) == {}
    statuses = {r.rule.id: r.status for r in report.results}
    assert report.kind == "phụ lục"
    assert statuses["phu-luc"] == Status.PASSED
    assert statuses["so-trang-phu-luc"] == Status.PASSED
    assert statuses["quoc-hieu"] == Status.UNCHECKED


@pytest.mark.libreoffice
def test_a_copy_saved_by_libreoffice_still_passes(rendered, tmp_path):
    soffice = libreoffice("Writer")
    source = rendered[("2024/chuyen-doi-so.md", "main")]
    profile = tmp_path / "profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(tmp_path / "lo"),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    copy = tmp_path / "lo" / source.name
    assert errors(copy) == {}
    assert check(copy).kind == "văn bản"


@pytest.mark.parametrize(
    "command", [["diff", "2022", "2024"], ["compare", "2024"]], ids=["diff", "compare"]
)
def test_our_comparison_documents_pass(in_repo, tmp_path, command):
    """The landscape tables of ``diff``/``compare --format docx``: landscape margins, the
    page number centred in the header from page 2 (these were an error and a warning)."""
    from typer.testing import CliRunner

    from baocao.cli import app

    target = tmp_path / "so_sanh.docx"
    result = CliRunner().invoke(app, [*command, "--format", "docx", "--output", str(target)])
    assert result.exit_code == 0, result.output
    assert errors(target) == {}
    statuses = {r.rule.id: r.status for r in check(target).results}
    assert statuses["le-trang"] == statuses["so-trang"] == statuses["so-trang-dau"] == Status.PASSED
    assert Status.WARNING not in statuses.values()
