"""``baocao init``: a working folder that works at once.

It receives the year data and reports shipped with the package, the Word templates,
the JSON Schemas with VS Code settings (so the files are checked while typed) and a
short README. An existing file is never overwritten: it is listed as skipped.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .. import locations
from ..errors import DataFileNotFound, OutputError
from ..files import reason

TEMPLATES = ("BaoCao.docx", "PhuLuc.docx")
SCHEMAS = ("year.schema.json", "report.schema.json")
STARTER = (
    "data/2022.yaml",
    "data/2023.yaml",
    "data/2024.yaml",
    "reports/2022/chuyen-doi-so.md",
    "reports/2023/nganh-tttt.md",
    "reports/2024/cai-cach-hanh-chinh.md",
    "reports/2024/chuyen-doi-so.md",
    "reports/2024/cmcn4-1045.md",
    "reports/2024/cong-van-gui-bo.md",
    "reports/2024/ke-hoach-chuyen-doi-so-2025.md",
    "reports/2024/phu-luc-ke-hoach-2025.md",
)
"""The years and reports a new workspace receives, file by file: the wheel ships these
(``force-include`` of pyproject.toml lists the same), never whatever else a checkout
holds in its data/ and reports/ (a year made while trying the README's commands)."""


@dataclass
class Started:
    folder: Path
    written: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)


def starter_files() -> dict[Path, Path]:
    """Each file of a new workspace (relative path) and where it comes from: the
    installed resources, or the source tree when running from the repository."""
    packaged = locations.RESOURCES / "workspace"
    if packaged.is_dir():
        root, starter = packaged, packaged
        templates, schemas = locations.PACKAGED, locations.RESOURCES
    else:
        root = locations.SOURCE_ROOT
        starter = root / "starter"
        templates, schemas = locations.SOURCE_TREE, root / "schema"
    files = {Path(name): root / name for name in STARTER}
    files[Path("README.md")] = starter / "README.md"
    files[Path(".vscode/settings.json")] = starter / ".vscode" / "settings.json"
    for name in TEMPLATES:
        files[Path("templates") / name] = templates / name
    for name in SCHEMAS:
        files[Path("schema") / name] = schemas / name
    missing = [str(source) for source in files.values() if not source.is_file()]
    if missing:
        raise DataFileNotFound(
            "bản cài đặt baocao thiếu tệp của thư mục mẫu: "
            + ", ".join(missing)
            + ". Hãy cài lại: python -m pip install --force-reinstall baocao"
        )
    return files


def init(folder: Path) -> Started:
    """Copy the starter files into ``folder`` (created if needed), skipping any file
    that already exists there."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"'{folder}' là một tệp, không phải thư mục.")
    started = Started(folder)
    for relative, source in starter_files().items():
        target = folder / relative
        if target.exists():
            started.skipped.append(target)
            continue
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        except OSError as exc:
            raise OutputError(f"không ghi được '{target}': {reason(exc)}") from exc
        started.written.append(target)
    return started
