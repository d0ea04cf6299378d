"""``baocao kiemtra-may``: is this machine ready, as ``quarto check`` or ``flutter
doctor`` answer for theirs.

Each check returns ``Finding``s: LibreOffice (Writer for the PDF copies, Calc to open
the Excel forms), the Times New Roman font that Nghị định 30 asks for (without it
LibreOffice draws the PDF with a substitute), and the workspace the current folder
is in, every year of it validated. Nothing here prints: the command line does.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from ..errors import BaocaoError, Severity
from ..workspace import Workspace, find_root
from .pdf import find_soffice

TIMES = "Times New Roman"
SUBSTITUTE = "Liberation Serif"
"""The free font LibreOffice puts in Times New Roman's place: the same width for every
letter, so lines and pages break where Word breaks them; the letters look different."""

COMPONENTS = {"Writer": "swlo", "Calc": "sclo"}
"""LibreOffice's program libraries of each component (``libswlo.so``, ``swlo.dll``,
``libswlo.dylib``): installed only with that component."""

INSTALL = {
    "Writer": "sudo apt-get install libreoffice-writer-nogui",
    "Calc": "sudo apt-get install libreoffice-calc-nogui",
}
DOWNLOAD = "https://www.libreoffice.org/download/"
FONT_FILES = {
    TIMES: ("times.ttf", "Times New Roman.ttf", "Times_New_Roman.ttf"),
    SUBSTITUTE: ("LiberationSerif-Regular.ttf",),
}
"""The regular face of each font, as it is named in the font folders."""


class Status(str, Enum):
    OK = "đạt"
    WARNING = "cảnh báo"
    ERROR = "lỗi"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Finding:
    status: Status
    subject: str
    detail: str


def check_machine(start: Path = Path(".")) -> list[Finding]:
    """Every finding, in the order a user reads them."""
    python = f"{platform.python_version()} ({sys.platform})"
    return [
        Finding(Status.OK, "Python", python),
        *check_libreoffice(find_soffice()),
        check_font(font_families()),
        *check_workspace(start),
    ]


def check_libreoffice(soffice: str | None) -> list[Finding]:
    """LibreOffice and each component baocao uses."""
    if soffice is None:
        return [
            Finding(
                Status.WARNING,
                "LibreOffice",
                "chưa cài: tệp Word vẫn được tạo, nhưng chưa tạo được PDF (--pdf). Cài: "
                f"{INSTALL['Writer']} {INSTALL['Calc'].split()[-1]} (Ubuntu/Debian), hoặc "
                f"tải tại {DOWNLOAD} (Windows, macOS); LibreOffice ở chỗ khác: đặt biến môi "
                "trường BAOCAO_SOFFICE là đường dẫn tới tệp soffice",
            )
        ]
    found = components(soffice)
    if found is None:
        return [Finding(Status.OK, "LibreOffice", f"{soffice} (không xác định được thành phần)")]
    findings = [Finding(Status.OK, "LibreOffice", soffice)]
    uses = {
        "Writer": "tạo PDF từ tệp Word (render --pdf)",
        "Calc": "mở biểu mẫu Excel (baocao form) khi máy không có Excel",
    }
    for name, present in found.items():
        if present:
            findings.append(Finding(Status.OK, f"LibreOffice {name}", f"có, để {uses[name]}"))
        else:
            findings.append(
                Finding(
                    Status.WARNING,
                    f"LibreOffice {name}",
                    f"chưa cài, cần để {uses[name]}: {INSTALL[name]} (Ubuntu/Debian), hoặc "
                    f"cài đủ LibreOffice từ {DOWNLOAD}",
                )
            )
    return findings


def components(soffice: str) -> dict[str, bool] | None:
    """Which components the LibreOffice of ``soffice`` has, read from its program
    folder; ``None`` when that folder holds neither (a wrapper script, a snap)."""
    program = Path(soffice).resolve().parent
    folders = [program, program.parent / "Frameworks"]
    found = {
        name: any(
            (folder / f"{prefix}{stem}{suffix}").is_file()
            for folder in folders
            for prefix, suffix in (("lib", ".so"), ("", ".dll"), ("lib", ".dylib"))
        )
        for name, stem in COMPONENTS.items()
    }
    return found if any(found.values()) else None


def font_families() -> set[str] | None:
    """The font families installed, as fontconfig lists them (the fonts LibreOffice
    uses on Linux); ``None`` where there is no fontconfig (Windows, most Macs)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return _families_from_files(_font_folders())
    try:
        listed = subprocess.run(
            [fc_list, ":", "family"], capture_output=True, text=True, timeout=30, check=True
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return {name.strip() for line in listed.splitlines() for name in line.split(",")}


def _font_folders() -> list[Path]:
    windows = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    home = Path.home()
    return [
        windows,
        Path(os.environ.get("LOCALAPPDATA", home)) / "Microsoft" / "Windows" / "Fonts",
        Path("/Library/Fonts"),
        Path("/System/Library/Fonts/Supplemental"),
        home / "Library" / "Fonts",
    ]


def _families_from_files(folders: Iterable[Path]) -> set[str] | None:
    """The families of ``FONT_FILES`` whose file is in one of ``folders``; ``None``
    when no folder exists (nowhere to look)."""
    existing = [folder for folder in folders if folder.is_dir()]
    if not existing:
        return None
    names = {entry.lower() for folder in existing for entry in _names(folder)}
    return {
        family
        for family, files in FONT_FILES.items()
        if any(file.lower() in names for file in files)
    }


def _names(folder: Path) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:
        return []


def check_font(families: set[str] | None) -> Finding:
    if families is None:
        return Finding(Status.WARNING, f"phông {TIMES}", "không xác định được phông đã cài")
    if TIMES in families:
        return Finding(Status.OK, f"phông {TIMES}", "có")
    if SUBSTITUTE in families:
        detail = (
            f"chưa cài: bản PDF dùng {SUBSTITUTE} thay thế (cùng độ rộng chữ nên dòng, trang "
            "ngắt như trong Word, nhưng nét chữ khác)"
        )
    else:
        detail = (
            "chưa cài, cả phông thay thế cùng độ rộng cũng không có: bản PDF dùng một phông "
            "khác nên dòng và trang ngắt khác, bố cục xê dịch so với Word"
        )
    return Finding(
        Status.WARNING,
        f"phông {TIMES}",
        f"{detail}. Tệp Word không đổi: mở trên máy có {TIMES} vẫn đúng. Cài phông "
        f"(Ubuntu/Debian: sudo apt-get install ttf-mscorefonts-installer) để PDF đúng thể thức",
    )


def check_workspace(start: Path) -> list[Finding]:
    """The workspace the folder ``start`` is in, and every year of it validated."""
    root = find_root(start)
    try:
        workspace = Workspace.open(root)
    except BaocaoError as exc:
        return [Finding(Status.ERROR, "thư mục làm việc", f"baocao.yaml không hợp lệ: {exc}")]
    years = sorted(set(workspace.years()) | set(workspace.report_years()))
    if not years:
        return [
            Finding(
                Status.WARNING,
                "thư mục làm việc",
                f"không thấy dữ liệu ở '{root.resolve()}' hay thư mục cha (cần data/ và "
                "reports/): tạo thư mục mẫu bằng 'baocao init ws' rồi 'cd ws'",
            )
        ]
    findings = [Finding(Status.OK, "thư mục làm việc", str(root.resolve()))]
    return findings + [_year_finding(workspace, year) for year in years]


def _year_finding(workspace: Workspace, year: str) -> Finding:
    from ..errors import DataFileNotFound
    from .validate import problems_of

    subject = f"năm {year}"
    reports = len(workspace.report_paths(year))
    try:
        problems = problems_of(year, workspace)
    except DataFileNotFound as exc:
        return Finding(Status.ERROR, subject, str(exc))
    errors = sum(1 for p in problems if p.is_error)
    warnings = sum(1 for p in problems if p.severity is Severity.WARNING)
    counted = f"dữ liệu và {reports} báo cáo"
    if not errors and not warnings:
        return Finding(Status.OK, subject, f"{counted} hợp lệ")
    status = Status.ERROR if errors else Status.WARNING
    return Finding(
        status, subject, f"{counted}: {errors} lỗi, {warnings} cảnh báo → baocao validate {year}"
    )
