"""Where baocao finds its templates."""

from __future__ import annotations

from pathlib import Path

PACKAGED = Path(__file__).resolve().parent / "_templates"
SOURCE_TREE = Path(__file__).resolve().parents[2] / "templates"


def templates_dir(explicit: Path | None = None) -> Path:
    """``--templates`` if given, else ``./templates`` when it holds the templates (so a
    user's restyled copy wins), else the copy installed with the package."""
    if explicit is not None:
        return explicit
    for candidate in (Path("templates"), PACKAGED, SOURCE_TREE):
        if (candidate / "BaoCao.docx").is_file():
            return candidate
    return PACKAGED
