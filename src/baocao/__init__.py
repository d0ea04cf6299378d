"""baocao: Vietnamese digital-transformation reports from YAML.

The public API, loaded on first use so that importing the package stays instant:

- ``load_year(year_or_path)`` → the year's data (raises ``DataError`` listing problems);
- ``validate(year_or_path)`` → every problem found, with file, line and column;
- ``compare(datasets)`` → year-over-year comparison of metrics by id;
- ``render_year(data, templates, out_dir)`` → writes the BÁO CÁO and its Phụ lục.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

_API = {
    "load_year": ("baocao.loader", "load_year"),
    "validate": ("baocao.checks", "validate"),
    "compare": ("baocao.diff", "compare"),
    "render_year": ("baocao.render", "render_year"),
}

__all__ = [*_API, "__version__"]


def __getattr__(name: str) -> Any:
    if name in _API:
        from importlib import import_module

        module, attribute = _API[name]
        return getattr(import_module(module), attribute)
    raise AttributeError(f"module 'baocao' has no attribute {name!r}")
