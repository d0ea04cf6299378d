"""Word documents: the only package that imports docxtpl, python-docx and lxml.

The engine is imported on first use, so that ``render.output`` (atomic writes, used
for CSV and JSON too) does not load the docx libraries.
"""

from __future__ import annotations

from typing import Any

__all__ = ["RenderedFile", "output_names", "render_report"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import engine

        return getattr(engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
