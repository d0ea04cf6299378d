"""``baocao render --watch``: which files a render reads, and which of them changed.

The files are polled: each poll lists them again (a report added to the year is
watched from then on) and compares each one's modification time and size with the
previous poll. Polling needs nothing but the standard library, behaves the same on
Windows, macOS and Linux, on network drives and in synced folders where change
notifications are unreliable, and costs one ``stat`` per file: a workspace has tens
of files, so a poll a second is nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .. import locations
from ..workspace import Workspace

Stamp = tuple[int, int]
"""A file's modification time (nanoseconds) and size."""

POLL_SECONDS = 1.0


def watched_files(workspace: Workspace, names: list[str], templates: Path) -> list[Path]:
    """What rendering ``names`` (years, report files) reads: every year file of the data
    folder (a ``[[…|change:2023]]`` reads another year), the reports, the templates."""
    files = _matching(workspace.data, ".yaml")
    for name in names:
        if name.isdigit():
            files += workspace.report_paths(name)
            continue
        report = Path(name)
        files.append(report)
        own = report.resolve().parent.parent
        if own.name == locations.REPORTS.name:
            files += _matching(own.parent / locations.DATA, ".yaml")
    files += _matching(templates, ".docx")
    return list(dict.fromkeys(files))


def _matching(folder: Path, suffix: str) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix == suffix and p.is_file())


def stamps(paths: Iterable[Path]) -> dict[Path, Stamp]:
    """Each file's stamp; a file that vanished between listing and ``stat`` is left out."""
    found = {}
    for path in paths:
        try:
            status = os.stat(path)
        except OSError:
            continue
        found[path] = (status.st_mtime_ns, status.st_size)
    return found


@dataclass
class Watcher:
    """The files ``list_files`` names, as stamped at the last poll."""

    list_files: Callable[[], list[Path]]
    seen: dict[Path, Stamp] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.seen = stamps(self.list_files())

    def changes(self) -> list[Path]:
        """The files added, removed or modified since the last poll (then forgotten)."""
        now = stamps(self.list_files())
        changed = [p for p in now.keys() | self.seen.keys() if now.get(p) != self.seen.get(p)]
        self.seen = now
        return sorted(changed)
