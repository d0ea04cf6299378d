"""A workspace: where a user's data, reports, templates and output live.

Defaults to today's layout under the workspace's root (``data/``, ``reports/``,
``templates/``, ``out/``); a ``baocao.yaml`` at the root may move any of them, and
command-line options override both. The command line finds the root from the current
folder as git finds its repository (``find_root``), so every command works from any
subfolder of a workspace. The workspace also loads year files
and keeps them, keyed by path, size and modification time, so that a year read for
a ``[[…|change:YYYY]]`` reference is parsed once per run.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import locations
from .errors import DataError, DataFileNotFound, Problem, SettingsError, UnresolvedReference
from .files import resolved
from .load.text import read_text
from .load.yaml_careful import Parsed, parse_yaml
from .load.year_file import load_file_with_positions
from .model.year import YearData

YEAR_FILE = re.compile(r"^\d{4}\.yaml$")
SETTINGS_KEYS = {"data": "data", "reports": "reports", "templates": "templates", "out": "out"}

Loaded = tuple[YearData, Parsed]


@dataclass
class Workspace:
    """The folders of one workspace, and the year files loaded from them."""

    root: Path = Path(".")
    data: Path = locations.DATA
    reports: Path = locations.REPORTS
    templates: Path | None = None
    """``None``: the workspace's ``templates/`` when it has them, else the packaged ones."""
    out: Path = locations.OUT
    data_chosen: bool = False
    """The data folder was named (option or settings file): reports use it, wherever
    they are; otherwise a report inside another workspace uses that one's data."""
    _years: dict[str, tuple[tuple[int, int], Loaded]] = field(default_factory=dict, repr=False)

    @classmethod
    def open(
        cls,
        root: Path = Path("."),
        *,
        data: Path | None = None,
        templates: Path | None = None,
        out: Path | None = None,
    ) -> Workspace:
        """The workspace at ``root``: its settings file, then the options given here."""
        settings = read_settings(root)
        found = {key: root / value for key, value in settings.items()}
        return cls(
            root=root,
            data=data if data is not None else found.get("data", root / locations.DATA),
            reports=found.get("reports", root / locations.REPORTS),
            templates=templates if templates is not None else found.get("templates"),
            out=out if out is not None else found.get("out", root / locations.OUT),
            data_chosen=data is not None or "data" in found,
        )

    @classmethod
    def find(cls, start: Path = Path("."), *, data: Path | None = None) -> Workspace:
        """The workspace ``start`` belongs to (see ``find_root``)."""
        return cls.open(find_root(start), data=data)

    def templates_dir(self) -> Path:
        if self.templates is not None:
            return self.templates
        return locations.templates_dir(local=self.root / locations.TEMPLATES)

    def year_path(self, year_or_path: str | Path) -> Path:
        """``2024`` → ``<data>/2024.yaml``; anything that looks like a path is kept."""
        return locations.year_path(year_or_path, self.data)

    def years(self) -> list[str]:
        """Every year that has a ``YYYY.yaml`` file in the data folder, oldest first."""
        if not self.data.is_dir():
            return []
        return sorted(
            p.stem for p in self.data.iterdir() if YEAR_FILE.match(p.name) and p.is_file()
        )

    def data_for(self, report: Path, year: int) -> Path:
        """The year file a report uses: its own workspace's when the report sits in
        ``<root>/reports/<year>/`` of another workspace and no data folder was named."""
        if report.parent.parent.name != locations.REPORTS.name:
            report = resolved(report)  # a bare file name typed inside reports/<year>/
        if not self.data_chosen and report.parent.parent.name == locations.REPORTS.name:
            own = report.parents[2] / locations.DATA / f"{year}.yaml"
            if own.is_file():
                return own
        return self.data / f"{year}.yaml"

    def report_paths(self, year: str) -> list[Path]:
        """The report files of ``year`` (``reports/2024/*.md``), by name."""
        folder = self.reports / year
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.iterdir() if p.suffix == ".md" and p.is_file())

    def report_years(self) -> list[str]:
        """Every year that has a folder of reports, oldest first."""
        if not self.reports.is_dir():
            return []
        return sorted(p.name for p in self.reports.iterdir() if p.name.isdigit() and p.is_dir())

    def reports_for(self, names: list[str], only: str | None = None) -> list[Path]:
        """Report files for command-line names: a year (all its reports, or the one
        whose id is ``only``) or a path to a report file."""
        found: list[Path] = []
        for name in names:
            if name.isdigit():
                paths = self.report_paths(name)
                if not paths:
                    raise DataFileNotFound(
                        f"không có báo cáo nào của năm {name} "
                        f"(tệp .md trong '{self.reports / name}')" + self._old_form_hint(name)
                    )
                if only is not None:
                    paths = [p for p in paths if p.stem == only]
                    if not paths:
                        known = ", ".join(p.stem for p in self.report_paths(name))
                        raise DataFileNotFound(
                            f"năm {name} không có báo cáo '{only}' (có: {known})"
                        )
                found += paths
            elif name.endswith(".md"):
                path = Path(name)
                if not path.is_file():
                    raise DataFileNotFound(f"Không tìm thấy tệp báo cáo: {path}")
                found.append(path)
            else:
                raise DataFileNotFound(
                    f"'{name}' không phải một năm hay một tệp báo cáo .md: mỗi báo cáo nay là "
                    f"một tệp Markdown trong '{self.reports}/NĂM/'"
                )
        return list(dict.fromkeys(found))

    def _old_form_hint(self, year: str) -> str:
        """A year file of the old form still holds its report: say how to move it."""
        path = self.year_path(year)
        try:
            holds_report = path.is_file() and "\nreport:" in path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return ""
        if not holds_report:
            return ""
        return f"; tệp '{path}' còn phần 'report:' kiểu cũ: chạy 'baocao migrate {year}' để tách"

    def load_with_positions(self, year_or_path: str | Path) -> Loaded:
        """The year's data and its parsed file; ``DataError`` / ``DataFileNotFound``."""
        path = self.year_path(year_or_path)
        key = str(resolved(path))
        try:
            stat = path.stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            stamp = (-1, -1)
        cached = self._years.get(key)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        loaded = load_file_with_positions(path)
        self._years[key] = (stamp, loaded)
        return loaded

    def load(self, year_or_path: str | Path) -> YearData:
        return self.load_with_positions(year_or_path)[0]

    def earlier_years(self, current: Path | None) -> Callable[[int, str], YearData]:
        """The lookup ``[[…|change:YYYY]]`` uses: ``YYYY.yaml`` beside ``current`` (the
        file being read), or in the data folder when the data came from no file."""
        folder = current.parent if current is not None else self.data

        def lookup(year: int, where: str) -> YearData:
            path = folder / f"{year}.yaml"
            if not path.exists():
                raise UnresolvedReference(
                    f"{where}: cần dữ liệu năm {year} để so sánh nhưng không có tệp '{path}'"
                )
            try:
                found = self.load(path)
            except DataError as exc:
                first = exc.problems[0] if exc.problems else path
                raise UnresolvedReference(
                    f"{where}: dữ liệu năm {year} không hợp lệ ({len(exc.problems)} lỗi; "
                    f"đầu tiên: {first}); chạy 'baocao validate {year}'"
                ) from exc
            if found.year != year:
                raise UnresolvedReference(
                    f"{where}: tệp '{path}' ghi 'year: {found.year}', không phải {year}"
                )
            return found

        return lookup


def find_root(start: Path = Path(".")) -> Path:
    """The root of the workspace that ``start`` is in: ``start`` itself when it has a
    ``baocao.yaml``, a ``data/`` or a ``reports/`` folder, else the nearest folder above
    it that has a ``baocao.yaml``, or both ``data/`` and ``reports/`` (a folder above
    needs both, so a ``data`` folder in a home directory is not taken for one); when no
    folder qualifies, ``start``. A folder above is given relative to ``start`` (``..``,
    ``../..``), so the paths built on it print as short as the user would type them."""
    if _is_root(start, alone=True):
        return start
    here = start.resolve()
    for folder in here.parents:
        if _is_root(folder, alone=False):
            return start / os.path.relpath(folder, here)
    return start


def _is_root(folder: Path, alone: bool) -> bool:
    if (folder / locations.SETTINGS_FILE).is_file():
        return True
    has_data = (folder / locations.DATA).is_dir()
    has_reports = (folder / locations.REPORTS).is_dir()
    return (has_data or has_reports) if alone else (has_data and has_reports)


def read_settings(root: Path) -> dict[str, str]:
    """The folders named in ``<root>/baocao.yaml`` (none when the file is absent)."""
    path = root / locations.SETTINGS_FILE
    if not path.is_file():
        return {}
    parsed = parse_yaml(read_text(path), str(path))
    if parsed.data is None:
        return {}
    problems = []
    if not isinstance(parsed.data, dict):
        problems.append(Problem(str(path), 1, 1, "tệp cài đặt phải là một bảng khóa: giá trị"))
        raise SettingsError(problems)
    settings = {}
    for key, value in parsed.data.items():
        line, column = parsed.locate((key,), key=True) or (None, None)
        if key not in SETTINGS_KEYS:
            known = ", ".join(SETTINGS_KEYS)
            problems.append(
                Problem(str(path), line, column, f"khóa không hợp lệ '{key}' (dùng: {known})")
            )
        elif not isinstance(value, str) or not value.strip():
            line, column = parsed.locate((key,)) or (line, column)
            problems.append(
                Problem(str(path), line, column, f"'{key}' phải là đường dẫn tới một thư mục")
            )
        else:
            settings[key] = value.strip()
    if problems:
        raise SettingsError(problems)
    return settings
