"""The package's house plan: folders by capability, in layers.

Each module imports only from a lower layer or from its own folder (a module at the
root of the package is its own folder; the root modules of the base layer may import
each other). Two folders of one layer never import each other: the Word engine and
the checker of Word files stand side by side. Third-party libraries stay in their
folder (typer in ``cli``, rich in ``cli.console``, docx and lxml in ``render`` and
``kiemtra``, openpyxl in ``excel``…). Imports inside functions count too: a lazy
import is still an arrow. A module in no layer fails the test, so a new folder must
choose its place.

The checks read a folder given to them, so the tests at the end can inject a wrong
import into a copy of the package and see each check fail.
"""

from __future__ import annotations

import ast
import shutil
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "baocao"

LAYERS: list[tuple[str, set[str]]] = [
    (
        "base",
        {
            "errors",
            "formatting",
            "xmlchars",
            "locations",
            "decree30",
            "files",
            "limits",
            "zipguard",
        },
    ),
    ("model", {"model"}),
    ("load", {"load"}),
    ("workspace", {"workspace"}),
    ("metrics", {"metrics"}),
    ("collection", {"collection"}),
    ("prose", {"prose"}),
    ("tables", {"tables"}),
    ("documents", {"documents"}),
    ("rules", {"rules"}),
    ("yearfile", {"yearfile"}),
    ("excel", {"excel"}),
    ("word", {"render", "kiemtra"}),
    ("convert", {"convert"}),
    ("commands", {"commands", "__init__"}),
    ("cli", {"cli"}),
    ("entry", {"__main__"}),
]
BASE = LAYERS[0][1]

THIRD_PARTY: dict[str, set[str]] = {
    "typer": {"cli"},
    "click": {"cli"},
    "rich": {"cli.console"},
    "docx": {"render", "kiemtra"},
    "docxtpl": {"render"},
    "lxml": {"render", "kiemtra"},
    "jinja2": {"render"},
    "markupsafe": {"render"},
    "openpyxl": {"excel"},
    "pydantic": {"model", "load"},
    "yaml": {"load"},
    "markdown_it": {"load"},
    "mdit_py_plugins": {"load"},
    "ruamel": {"yearfile"},
}
"""Each library, and the folders (or modules) that may import it."""


def module_name(path: Path, package: Path) -> str:
    parts = path.relative_to(package).with_suffix("").parts
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


def folder_of(module: str) -> str:
    return module.split(".")[0]


def layer_of(module: str) -> int:
    top = folder_of(module)
    for index, (_name, members) in enumerate(LAYERS):
        if top in members:
            return index
    raise AssertionError(f"module baocao.{module} belongs to no layer in tests/test_layers.py")


def imports_of(path: Path, package: Path) -> tuple[set[str], set[str]]:
    """The baocao modules and the third-party top-level modules ``path`` imports,
    anywhere in its body."""
    module = module_name(path, package)
    is_init = path.name == "__init__.py"
    parts = module.split(".")
    own_package = [] if module == "__init__" else (parts if is_init else parts[:-1])
    ours: set[str] = set()
    theirs: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = own_package[: len(own_package) - (node.level - 1)]
                target = ".".join([*base, *(node.module.split(".") if node.module else [])])
                names = [f"{target}.{a.name}" if target else a.name for a in node.names]
                modules = {n for n in names if _is_module(n, package)}
                ours.update(modules)
                if target and len(modules) < len(names):
                    ours.add(target)  # a name defined in ``target`` itself
            elif node.module and node.module.split(".")[0] == "baocao":
                ours.add(node.module.removeprefix("baocao").lstrip(".") or "__init__")
            elif node.module:
                theirs.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("baocao."):
                    ours.add(alias.name.removeprefix("baocao."))
                else:
                    theirs.add(alias.name.split(".")[0])
    ours = {name for name in ours if name and name != module}
    return ours, {name for name in theirs if name not in sys.stdlib_module_names}


def _is_module(dotted: str, package: Path) -> bool:
    path = package.joinpath(*dotted.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def graph(package: Path = PACKAGE) -> dict[str, tuple[set[str], set[str]]]:
    return {module_name(p, package): imports_of(p, package) for p in sorted(package.rglob("*.py"))}


def wrong_arrows(package: Path = PACKAGE) -> list[str]:
    """Every import that goes up a layer, or across to another folder of its layer."""
    wrong = []
    for module, (targets, _libraries) in graph(package).items():
        for target in targets:
            low, high = layer_of(module), layer_of(target)
            same_folder = folder_of(module) == folder_of(target)
            both_base = low == high == 0 and {folder_of(module), folder_of(target)} <= BASE
            if high > low:
                wrong.append(
                    f"baocao.{module} ({LAYERS[low][0]}) imports baocao.{target} "
                    f"({LAYERS[high][0]}): upward"
                )
            elif high == low and not same_folder and not both_base:
                wrong.append(f"baocao.{module} imports baocao.{target}: same layer, other folder")
    return sorted(wrong)


def misplaced_libraries(package: Path = PACKAGE) -> list[str]:
    """Every third-party import outside the folders its library belongs to."""
    wrong = []
    for module, (_targets, libraries) in graph(package).items():
        for library in libraries:
            places = THIRD_PARTY.get(library)
            if places is None:
                wrong.append(f"baocao.{module} imports {library}, a library with no place")
            elif not any(module == p or module.startswith(p + ".") for p in places):
                allowed = ", ".join(sorted(places))
                wrong.append(f"baocao.{module} imports {library} (only in {allowed})")
    return sorted(wrong)


def circles(package: Path = PACKAGE) -> list[list[str]]:
    edges = {module: targets for module, (targets, _libraries) in graph(package).items()}
    state: dict[str, int] = {}
    found: list[list[str]] = []

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for target in sorted(edges.get(module, ())):
            if target not in edges:
                continue
            if state.get(target) == 1:
                found.append([*trail[trail.index(target) :], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[module] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])
    return found


def test_every_module_imports_only_from_below_or_its_own_folder():
    assert wrong_arrows() == []


def test_third_party_libraries_stay_in_their_folders():
    assert misplaced_libraries() == []


def test_no_import_circles():
    assert circles() == []


def test_the_package_root_holds_few_modules():
    assert len(list(PACKAGE.glob("*.py"))) <= 12


def test_the_layer_test_sees_lazy_imports():
    """The CLI imports the render pipeline only inside a command: that arrow is seen."""
    targets, _libraries = imports_of(PACKAGE / "cli" / "documents.py", PACKAGE)
    assert "commands.render" in targets
    assert layer_of("commands.render") > layer_of("rules.year")


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "baocao"
    shutil.copytree(PACKAGE, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def inject(package: Path, module: str, line: str) -> None:
    """Add ``line`` inside a function at the end of ``module`` (a lazy import)."""
    path = package.joinpath(*module.split(".")).with_suffix(".py")
    path.write_text(path.read_text(encoding="utf-8") + f"\n\ndef _injected():\n    {line}\n")


@pytest.mark.parametrize(
    ("module", "line", "found"),
    [
        ("model.year", "from ..cli.app import app", "imports baocao.cli.app (cli): upward"),
        ("rules.year", "from ..commands import render", "upward"),
        ("kiemtra.rule", "from ..render import engine", "same layer, other folder"),
        ("render.engine", "from ..kiemtra import check", "same layer, other folder"),
    ],
    ids=["upward", "upward-lazy", "kiemtra-to-render", "render-to-kiemtra"],
)
def test_the_layer_test_fails_on_an_injected_arrow(copy, module, line, found):
    assert wrong_arrows(copy) == []
    inject(copy, module, line)
    wrong = wrong_arrows(copy)
    assert len(wrong) == 1 and found in wrong[0], wrong


@pytest.mark.parametrize(
    ("module", "line"),
    [
        ("rules.year", "import typer"),
        ("documents.report", "from docx import Document"),
        ("commands.render", "from lxml import etree"),
        ("tables.years", "import openpyxl"),
        ("cli.documents", "from rich.table import Table"),
        ("metrics.years", "import numpy"),
    ],
    ids=["typer", "docx", "lxml", "openpyxl", "rich", "unknown"],
)
def test_the_layer_test_fails_on_an_injected_library(copy, module, line):
    assert misplaced_libraries(copy) == []
    inject(copy, module, line)
    wrong = misplaced_libraries(copy)
    assert len(wrong) == 1 and wrong[0].startswith(f"baocao.{module} imports"), wrong


def test_the_layer_test_fails_on_an_injected_circle(copy):
    inject(copy, "load.text", "from . import year_file")
    assert circles(copy)
