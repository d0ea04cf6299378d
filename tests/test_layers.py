"""The package's layers: each module imports only from its own layer or those below.

Imports inside functions count too (a lazy import is still an arrow). A module that
is not listed here fails the test, so a new module must choose its layer.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "baocao"

LAYERS: list[tuple[str, set[str]]] = [
    ("base", {"errors", "xmlchars", "locations", "formatting", "layout"}),
    ("model", {"model_base", "report_model", "model", "errorloc", "messages", "refsyntax"}),
    (
        "load",
        {
            "plain_yaml",
            "yaml_positions",
            "yaml_located",
            "loader",
            "schema",
            "workspace",
            "markdown_reader",
        },
    ),
    ("metrics", {"metric_text", "diff", "units", "diff_export", "units_export"}),
    ("prose", {"references", "prose", "shapes", "numbering"}),
    ("rules", {"figures", "checks"}),
    ("documents", {"context", "table_context", "unit_context", "summary_lines"}),
    ("report rules", {"report_period", "task_claims", "report_checks"}),
    ("word", {"render", "kiemtra"}),
    (
        "commands",
        {
            "batch",
            "migrate",
            "rollover",
            "starter",
            "__init__",
            "xlsx_layout",
            "xlsx_cells",
            "year_update",
            "xlsx_form",
            "xlsx_import",
            "form_import",
            "xlsx_tables",
            "indicator_export",
        },
    ),
    (
        "terminal",
        {
            "console",
            "cli_text",
            "cli_common",
            "cli_compare",
            "cli_kiemtra",
            "cli_year",
            "cli_excel",
            "cli",
            "__main__",
        },
    ),
]


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


def layer_of(module: str) -> int:
    top = module.split(".")[0]
    for index, (_name, members) in enumerate(LAYERS):
        if top in members:
            return index
    raise AssertionError(f"module baocao.{module} belongs to no layer in tests/test_layers.py")


def imported(path: Path) -> set[str]:
    """The baocao modules ``path`` imports, anywhere in its body."""
    module = module_name(path)
    package = module.split(".")[:-1] if path.name != "__init__.py" else module.split(".")
    if path.name == "__init__.py" and module == "__init__":
        package = []
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                target = ".".join([*base, *(node.module.split(".") if node.module else [])])
                names = [f"{target}.{a.name}" if target else a.name for a in node.names]
                found.update(n for n in names if _is_module(n))
                if target:
                    found.add(target)
            elif node.module and node.module.startswith("baocao"):
                found.add(node.module.removeprefix("baocao").lstrip(".") or "__init__")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("baocao."):
                    found.add(alias.name.removeprefix("baocao."))
    return {name for name in found if name and name != module}


def _is_module(dotted: str) -> bool:
    path = PACKAGE.joinpath(*dotted.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def graph() -> dict[str, set[str]]:
    return {module_name(p): imported(p) for p in sorted(PACKAGE.rglob("*.py"))}


def test_every_module_imports_only_from_its_layer_or_below():
    wrong = []
    for module, targets in graph().items():
        for target in targets:
            if layer_of(target) > layer_of(module):
                low, high = LAYERS[layer_of(module)][0], LAYERS[layer_of(target)][0]
                wrong.append(f"baocao.{module} ({low}) imports baocao.{target} ({high})")
    assert wrong == []


def test_no_import_circles():
    edges = graph()
    state: dict[str, int] = {}
    circles: list[list[str]] = []

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for target in sorted(edges.get(module, ())):
            if target not in edges:
                continue
            if state.get(target) == 1:
                circles.append([*trail[trail.index(target) :], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[module] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])
    assert circles == []


def test_the_layer_test_sees_lazy_imports():
    """cli.py imports the Word layer only inside commands: those arrows are seen."""
    assert "render.comparison" in imported(PACKAGE / "cli_compare.py")
    assert "render.engine" in imported(PACKAGE / "render" / "__init__.py")
    assert layer_of("render.engine") > layer_of("checks")
