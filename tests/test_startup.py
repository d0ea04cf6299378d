"""The commands that write no document start without the docx libraries.

Each command runs in a fresh interpreter (the test process has imported everything
already), then reports which heavy modules it loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("docxtpl", "docx", "lxml", "concurrent.futures.process", "multiprocessing")
PROBE = """
import contextlib, io, json, sys
sys.argv = ["baocao", *json.loads(sys.argv[1])]
from baocao.cli import app
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        app()
    except SystemExit:
        pass
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in {heavy})))
"""


def modules_loaded_by(*args: str) -> list[str]:
    roots = {name.split(".")[0] for name in HEAVY}
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=sorted(roots)), json.dumps(args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    loaded = json.loads(result.stdout)
    return [m for m in loaded if any(m == h or m.startswith(h + ".") for h in HEAVY)]


@pytest.mark.parametrize(
    "args",
    [["--help"], ["render", "--help"], ["validate", "2024"], ["diff", "2023", "2024"]],
    ids=["help", "render-help", "validate", "diff"],
)
def test_command_does_not_import_docx_libraries(args):
    assert modules_loaded_by(*args) == []


def test_render_does_import_them(tmp_path):
    """The probe sees the libraries when they are used (so the test above can fail)."""
    report = "examples/reports/2024/bao-cao-mau.md"
    loaded = modules_loaded_by("render", report, "--out", str(tmp_path))
    assert "docxtpl" in loaded or "lxml" in loaded


def test_importing_the_cli_does_no_work():
    code = (
        "import time; t = time.perf_counter(); import baocao.cli; "
        "import sys; print(sorted(m for m in sys.modules if m.startswith('baocao')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    loaded = set(eval(result.stdout))  # noqa: S307 - our own printed list
    command_line = {m for m in loaded if m == "baocao.cli" or m.startswith("baocao.cli.")}
    assert "baocao.cli.excel" in command_line  # every command's module, its work imported when run
    assert loaded - command_line <= {
        "baocao",
        "baocao.errors",
        "baocao.kiemtra",
        "baocao.kiemtra.status",
        "baocao.limits",
    }


def test_help_does_not_import_rich():
    code = PROBE.replace("{heavy}", "{'rich'}")
    result = subprocess.run(
        [sys.executable, "-c", code, json.dumps(["--help"])],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout) == []


def loaded_by(roots: set[str], *args: str) -> list[str]:
    """The modules of ``roots`` that ``baocao ARGS`` loads, its output sent to a file."""
    code = PROBE.replace("{heavy}", repr(roots))
    result = subprocess.run(
        [sys.executable, "-c", code, json.dumps(args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    "args",
    [["validate", "2024"], ["validate", "2024", "--format", "json"], ["validate", "2099"]],
    ids=["problems", "json", "missing"],
)
def test_validate_to_a_file_or_a_pipe_does_not_import_rich(args):
    assert loaded_by({"rich"}, *args) == []


def test_markdown_is_read_only_with_a_report():
    assert loaded_by({"markdown_it"}, "validate", "data/2024.yaml") == []
    assert loaded_by({"markdown_it"}, "diff", "2023", "2024", "--format", "csv") == []
    assert "markdown_it" in loaded_by({"markdown_it"}, "validate", "2024")
