"""``baocao kiemtra``: check any Word document against Nghị định 30/2020/NĐ-CP.

``reader`` turns a .docx into layout facts (sections, tables, paragraphs with fonts,
sizes, bold and italic resolved as Word does); ``structure`` finds the parts of the
document (header table, type, summary, body, signature table, appendices); the
``rules`` package checks them against :mod:`baocao.decree30`; ``check`` runs them on
one file. The checker is loaded on first use (it imports python-docx), so that
``kiemtra.status`` costs nothing.
"""

from __future__ import annotations

from typing import Any

__all__ = ["RULES", "FileReport", "check"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import run

        return getattr(run, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
