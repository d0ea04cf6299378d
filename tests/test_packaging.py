"""The wheel carries what an installed baocao needs, and nothing of the build nor of a
user's trial: built from a checkout where the README's commands left a 2025 year, a
``ws/`` workspace and output files, it ships only the starter files it lists."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import zipfile
from pathlib import Path

from baocao.commands.init import STARTER

from .helpers import build_file_tree, repository_copy, shipped

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def section(name: str) -> str:
    """The text of one ``[section]`` of pyproject.toml (read as text: Python 3.10 has no
    tomllib)."""
    found = re.search(rf"^\[{re.escape(name)}\]\n(.*?)(?=^\[|\Z)", PYPROJECT, re.M | re.S)
    assert found, name
    return found.group(1)


def listing(name: str) -> list[str]:
    """The quoted strings of ``name = [...]`` in pyproject.toml."""
    found = re.search(rf"^{name} = \[(.*?)^\]", PYPROJECT, re.M | re.S)
    assert found, name
    return re.findall(r'"([^"]+)"', found.group(1))


WORKSPACE = "baocao/_resources/workspace/"
LEFT_BY_A_TRIAL = {
    "data/2025.yaml": "year: 2025\n",
    "reports/2025/chuyen-doi-so.md": "---\nyear: 2025\n---\n",
    "reports/2024/nhap.md": "---\nyear: 2024\n---\n",
    "ws/data/2024.yaml": "year: 2024\n",
    "so_sanh.csv": "a,b\n",
    "out/BaoCao_2024_chuyen-doi-so.docx": "",
    "templates/Mau_rieng.docx": "",
}


def test_the_wheel_of_a_used_checkout_ships_only_the_listed_starter_files(tmp_path):
    checkout = repository_copy(tmp_path / "checkout")
    build_file_tree(checkout, LEFT_BY_A_TRIAL)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path), "."],
        cwd=checkout,
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("baocao-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    starter = {name.removeprefix(WORKSPACE) for name in names if name.startswith(WORKSPACE)}
    assert starter == {*STARTER, "README.md", ".vscode/settings.json"}
    data = {name for name in names if not name.startswith(("baocao/", "baocao-"))}
    assert data == set(), data  # nothing outside the package and its metadata
    assert not any("Mau_rieng" in name or "2025.yaml" in name for name in names)
    for needed in (
        "baocao/_templates/BaoCao.docx",
        "baocao/_templates/PhuLuc.docx",
        "baocao/_resources/year.schema.json",
        "baocao/_resources/report.schema.json",
        "baocao/_resources/examples/data/2024.yaml",
        "baocao/_resources/examples/reports/2024/bao-cao-mau.md",
        "baocao/py.typed",
        "baocao/workspace.py",
    ):
        assert needed in names
    packaged = zipfile.ZipFile(wheel).read("baocao/_resources/year.schema.json")
    assert packaged == (ROOT / "schema" / "year.schema.json").read_bytes()
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("METADATA")))
    version = re.search(rb"^Version: (.+)$", metadata, re.M).group(1).decode()
    from baocao import __version__

    assert version == __version__  # one version: the package's own


def test_the_listed_starter_files_are_the_repositorys_years_and_reports():
    lines = section("tool.hatch.build.targets.wheel.force-include")
    included = dict(re.findall(r'^"([^"]+)" = "([^"]+)"$', lines, re.M))
    listed = {
        source for source, target in included.items() if target.startswith(WORKSPACE + "data/")
    }
    listed |= {s for s, t in included.items() if t.startswith(WORKSPACE + "reports/")}
    assert listed == set(STARTER)
    for source in STARTER:
        assert included[source] == WORKSPACE + source
    repository = {p.relative_to(ROOT).as_posix() for p in shipped("data/*.yaml")}
    repository |= {p.relative_to(ROOT).as_posix() for p in shipped("reports/*/*.md")}
    assert repository == set(STARTER)


def test_babel_is_for_the_tests_only():
    """The package never imports babel; one test checks the separators against it."""
    assert listing("dependencies") and not any(
        d.startswith("babel") for d in listing("dependencies")
    )
    assert any(d.startswith("babel") for d in listing("test"))
    for path in (ROOT / "src" / "baocao").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                assert not any(a.name.split(".")[0] == "babel" for a in node.names), path
            if isinstance(node, ast.ImportFrom) and node.module:
                assert node.module.split(".")[0] != "babel", path
