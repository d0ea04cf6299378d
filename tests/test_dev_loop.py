"""A developer's loop (issue 26): the LibreOffice tests are marked, skipped with a reason
where a component is missing, and installed by CI; a quick run leaves them out."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from baocao.commands import machine, pdf

from . import helpers
from .helpers import LIBREOFFICE_ALLOWED, libreoffice

ROOT = Path(__file__).resolve().parents[1]


def test_an_unmarked_test_may_not_run_libreoffice():
    with pytest.raises(pytest.fail.Exception, match="mark it @pytest.mark.libreoffice"):
        libreoffice("Writer")


def test_a_missing_component_skips_with_the_package_to_install(tmp_path, monkeypatch):
    """A machine with libreoffice-writer-nogui only: the Calc tests are skipped, saying
    why, instead of failing."""
    monkeypatch.setenv(LIBREOFFICE_ALLOWED, "1")
    (tmp_path / "program").mkdir()
    for name in ("soffice", "libswlo.so"):
        (tmp_path / "program" / name).write_text("", encoding="utf-8")
    monkeypatch.setattr(pdf, "find_soffice", lambda: str(tmp_path / "program" / "soffice"))
    assert libreoffice("Writer") == str(tmp_path / "program" / "soffice")
    with pytest.raises(pytest.skip.Exception, match="Calc is not installed.*calc-nogui"):
        libreoffice("Calc")
    with pytest.raises(pytest.skip.Exception, match="Calc"):
        helpers.converts_to_pdf(tmp_path / "t.xlsx", tmp_path)
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    with pytest.raises(pytest.skip.Exception, match="LibreOffice is not installed"):
        libreoffice("Writer")
    assert machine.components(str(tmp_path / "program" / "soffice")) == {
        "Writer": True,
        "Calc": False,
    }


def test_the_quick_run_leaves_out_every_test_that_runs_libreoffice():
    def collected(expression: str) -> set[str]:
        listed = subprocess.run(
            [sys.executable, "-m", "pytest", "--collect-only", "-p", "no:cacheprovider"]
            + ["-o", "addopts=--strict-markers -q", "-m", expression],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return {line for line in listed.splitlines() if "::" in line}

    marked = collected("libreoffice")
    quick = collected("not libreoffice")
    assert marked and quick and not marked & quick
    for needed in (
        "tests/test_pdf.py::test_pdf_of_several_years_in_parallel_workers",
        "tests/test_excel_form.py::test_libreoffice_opens_the_form",
        "tests/test_excel_export.py::test_libreoffice_calc_opens_every_table",
        "tests/test_kiemtra_ours.py::test_a_copy_saved_by_libreoffice_still_passes",
    ):
        assert needed in marked
    assert any(test.startswith("tests/test_table_layout_pdf.py::") for test in marked)


def test_ci_installs_writer_calc_and_poppler_when_one_is_missing():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for package in ("libreoffice-writer-nogui", "libreoffice-calc-nogui", "poppler-utils"):
        assert package in ci
    assert "libsclo.so" in ci and "libswlo.so" in ci  # Calc and Writer are each checked


def test_the_marker_is_registered():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^markers = \[\n    "libreoffice: ', pyproject, re.M)
    assert "--strict-markers" in pyproject
