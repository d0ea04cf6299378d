"""Word documents: the only package that imports docxtpl, python-docx and lxml.

The engine turns a document's context into the bytes of a .docx file and nothing
more: what is rendered, checked and written is decided in ``commands.render``. It is
imported on first use, so that loading this package costs nothing.
"""

from __future__ import annotations

from typing import Any

__all__ = ["appendix_document", "report_document"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import engine

        return getattr(engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
