"""The wheel carries what an installed baocao needs, and nothing of the build."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_ships_templates_schema_example_and_types(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path), "."],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("baocao-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "baocao/_templates/BaoCao.docx",
        "baocao/_templates/PhuLuc.docx",
        "baocao/_resources/year.schema.json",
        "baocao/_resources/report.schema.json",
        "baocao/_resources/examples/data/2024.yaml",
        "baocao/_resources/examples/reports/2024/bao-cao-mau.md",
        "baocao/_resources/workspace/data/2024.yaml",
        "baocao/_resources/workspace/reports/2024/chuyen-doi-so.md",
        "baocao/_resources/workspace/README.md",
        "baocao/_resources/workspace/.vscode/settings.json",
        "baocao/py.typed",
        "baocao/workspace.py",
    ):
        assert needed in names
    packaged = zipfile.ZipFile(wheel).read("baocao/_resources/year.schema.json")
    assert packaged == (ROOT / "schema" / "year.schema.json").read_bytes()
