"""baocao: Vietnamese digital-transformation reports from YAML.

The public API, loaded on first use so that importing the package stays instant:

- ``load_year(year_or_path)`` → a year's data (raises ``DataError`` listing problems);
- ``validate(year_or_path)`` → every problem of a year's data, with file, line, column;
- ``validate_report(path)`` → a report file checked with its year's data;
- ``compare(datasets)`` → year-over-year comparison of metrics by id;
- ``render_report(report, templates, out_dir, draft=False)`` → writes the report's
  BÁO CÁO and Phụ lục; validates first and writes nothing for an invalid report or
  data (``report`` may be the result of ``validate_report``, whose work is reused);
- ``Workspace.open(root)`` → where a workspace's data, reports, templates and output
  live (``baocao.yaml`` at its root may move them); loads and caches years.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

_API = {
    "load_year": ("baocao.load.year_file", "load_year"),
    "validate": ("baocao.rules.year", "validate"),
    "compare": ("baocao.metrics.years", "compare"),
    "validate_report": ("baocao.commands.validate", "validate_report"),
    "render_report": ("baocao.commands.render", "render_report"),
    "Workspace": ("baocao.workspace", "Workspace"),
}

__all__ = [*_API, "__version__"]


def __getattr__(name: str) -> Any:
    if name in _API:
        from importlib import import_module

        module, attribute = _API[name]
        return getattr(import_module(module), attribute)
    raise AttributeError(f"module 'baocao' has no attribute {name!r}")
