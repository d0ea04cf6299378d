"""Every document the tool writes opens in Word without repair: an OOXML validator
(openxml-audit, Microsoft 365 rules) finds no error in any shipped report, appendix
or comparison table; the templates carry no python-docx leftovers."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

from typer.testing import CliRunner

from baocao.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def audit(folder: Path) -> list[dict]:
    """The validator's verdict on every .docx in ``folder``, one file per run (its
    recursive mode gave unsteady verdicts when files were checked together)."""
    found = []
    for path in sorted(folder.glob("*.docx")):
        done = subprocess.run(
            [sys.executable, "-m", "openxml_audit", "-f", "microsoft365", "-o", "json", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode in (0, 1), done.stderr
        found += json.loads(done.stdout)
    return found


def test_every_rendered_document_passes_an_ooxml_validator(in_repo, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["render", "--all", "--draft", "--out", str(out), "-j", "1"])
    assert result.exit_code == 0, result.output
    for command, name in (
        (["diff", "2022", "2024", "--format", "docx"], "SoSanh.docx"),
        (["compare", "2024", "--format", "docx"], "SoSanhDonVi.docx"),
    ):
        made = runner.invoke(app, [*command, "--output", str(out / name)])
        assert made.exit_code == 0, made.output
    documents = sorted(out.glob("*.docx"))
    assert len(documents) >= 10
    reports = audit(out)
    assert sorted(Path(r["file"]).name for r in reports) == [p.name for p in documents]
    failed = [(r["file"], r["errors"][:3]) for r in reports if r["error_count"]]
    assert failed == []
    assert all(r["verdict"]["prediction"] == "opens-clean" for r in reports)


def test_templates_carry_only_what_is_used():
    for name in ("BaoCao.docx", "PhuLuc.docx"):
        with zipfile.ZipFile(ROOT / "templates" / name) as package:
            names = set(package.namelist())
            styles = package.read("word/styles.xml").decode("utf-8")
            app_xml = package.read("docProps/app.xml").decode("utf-8")
            settings = package.read("word/settings.xml").decode("utf-8")
        assert "word/stylesWithEffects.xml" not in names
        assert not [n for n in names if n.startswith("customXml/") or "thumbnail" in n]
        assert styles.count("<w:style ") < 50
        assert "BCHeading4" in styles and "FootnoteText" in styles
        assert "Macintosh" not in app_xml and "<Application>baocao</Application>" in app_xml
        assert "proofState" not in settings
