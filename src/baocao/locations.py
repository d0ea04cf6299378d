"""Where things live by default: a workspace's folders and the packaged resources."""

from __future__ import annotations

from pathlib import Path

DATA = Path("data")
REPORTS = Path("reports")
TEMPLATES = Path("templates")
OUT = Path("out")
SETTINGS_FILE = "baocao.yaml"
"""Optional settings at a workspace's root: folders for data, reports, templates, out."""

PACKAGED = Path(__file__).resolve().parent / "_templates"
SOURCE_TREE = Path(__file__).resolve().parents[2] / "templates"
REPORT_TEMPLATE = "BaoCao.docx"
RESOURCES = Path(__file__).resolve().parent / "_resources"
"""Installed with the wheel: the schemas, and the starter workspace under ``workspace/``
(``data/``, ``reports/``, ``README.md``, ``.vscode/``) that ``baocao init`` copies."""
SOURCE_ROOT = Path(__file__).resolve().parents[2]
"""The repository, when baocao runs from its source tree (an editable install)."""


def year_path(year_or_path: str | Path, data: Path = DATA) -> Path:
    """``2024`` → ``<data>/2024.yaml``; anything that looks like a path is kept."""
    text = str(year_or_path)
    return data / f"{text}.yaml" if text.isdigit() else Path(text)


def templates_dir(explicit: Path | None = None, local: Path = TEMPLATES) -> Path:
    """``--templates`` if given, else ``local`` when it holds the templates (so a user's
    restyled copy wins), else the copy installed with the package."""
    if explicit is not None:
        return explicit
    for candidate in (local, PACKAGED, SOURCE_TREE):
        if (candidate / REPORT_TEMPLATE).is_file():
            return candidate
    return PACKAGED
