"""PDF copies of the Word documents, made by LibreOffice in headless mode.

Every conversion runs its own ``soffice`` process with its own temporary user
profile (``-env:UserInstallation``): two LibreOffice processes sharing a profile
block each other or fail, and worker processes convert years side by side. Each
conversion has a timeout after which its whole process group is killed, and the
PDF is written to a temporary folder next to the target, then moved into place, so
a failed conversion never leaves half a file. Failures are returned per file, never
raised: the Word files are already written when this runs.
"""

from __future__ import annotations

import contextlib
import math
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..files import abandoned, owned
from ..files import reason as system_reason
from ..limits import MAX_PDF_TIMEOUT, MIN_PDF_TIMEOUT, STALE_TEMPORARY_SECONDS

DEFAULT_TIMEOUT = 180.0
ENVIRONMENT_VARIABLE = "BAOCAO_SOFFICE"
INSTALL_HINT = (
    "Chưa tìm thấy LibreOffice nên chưa tạo được PDF (các tệp Word vẫn được ghi). "
    "Cài LibreOffice rồi chạy lại lệnh: trên Ubuntu/Debian "
    "'sudo apt-get install libreoffice-writer-nogui', trên Windows hoặc macOS tải tại "
    "https://www.libreoffice.org/download/ (hoặc đặt biến môi trường BAOCAO_SOFFICE là "
    "đường dẫn tới tệp soffice)."
)
KNOWN_PLACES = (
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)


@dataclass(frozen=True)
class PdfResult:
    """One conversion: the Word file, and either the PDF written or why not."""

    source: str
    pdf: str | None
    error: str | None = None


def find_soffice() -> str | None:
    """The LibreOffice program: ``$BAOCAO_SOFFICE``, ``soffice`` on the PATH, or a
    usual install location; ``None`` when LibreOffice is not installed."""
    explicit = os.environ.get(ENVIRONMENT_VARIABLE)
    if explicit:
        return explicit if Path(explicit).is_file() else shutil.which(explicit)
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((place for place in KNOWN_PLACES if Path(place).is_file()), None)


def convert(
    source: Path, soffice: str, timeout: float = DEFAULT_TIMEOUT, out_dir: Path | None = None
) -> PdfResult:
    """Convert one .docx into ``out_dir`` (default: beside it) as ``<name>.pdf``."""
    target_dir = out_dir or source.parent
    target = target_dir / f"{source.stem}.pdf"
    prefix = f".~baocao-pdf-{source.stem}-"
    _remove_leftovers(target_dir, prefix)
    try:
        staging = Path(tempfile.mkdtemp(prefix=owned(prefix), dir=target_dir))
    except OSError as exc:
        why = system_reason(exc)
        return PdfResult(str(source), None, f"không ghi được vào '{target_dir}': {why}")
    profile = Path(tempfile.mkdtemp(prefix="baocao-libreoffice-"))
    try:
        error = _run(soffice, source, staging, profile, timeout)
        produced = staging / target.name
        if error is None and not _looks_like_pdf(produced):
            error = "LibreOffice không tạo ra tệp PDF"
        if error is not None:
            return PdfResult(str(source), None, error)
        os.replace(produced, target)
        return PdfResult(str(source), str(target))
    except OSError as exc:
        return PdfResult(str(source), None, f"không ghi được '{target}': {system_reason(exc)}")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(profile, ignore_errors=True)


PDF_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
"""PDF/A-2b: every font embedded, ready for a digital signature (LibreOffice 7.4+
reads export options written as JSON after the filter name)."""

MIN_TIMEOUT = MIN_PDF_TIMEOUT
MAX_TIMEOUT = MAX_PDF_TIMEOUT


def timeout_problem(value: float) -> str | None:
    """What is wrong with ``--pdf-timeout``: a number of seconds from 1 to 3600 (not
    ``inf``, ``nan``, 1e12); ``None`` when it is right."""
    if not math.isfinite(value) or not MIN_TIMEOUT <= value <= MAX_TIMEOUT:
        return f"phải là số giây từ {MIN_TIMEOUT:g} đến {MAX_TIMEOUT:g} (tìm thấy: {value:g})"
    return None


def _remove_leftovers(folder: Path, prefix: str) -> None:
    """Staging folders of this document left by a run that was killed (not those of a
    run converting it right now)."""
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            if entry.name.startswith(prefix) and entry.is_dir() and not entry.is_symlink():
                rest, modified = entry.name[len(prefix) :], entry.stat().st_mtime
                if abandoned(rest, modified, MAX_PDF_TIMEOUT + STALE_TEMPORARY_SECONDS):
                    shutil.rmtree(entry, ignore_errors=True)


def _run(soffice: str, source: Path, staging: Path, profile: Path, timeout: float) -> str | None:
    command = [
        soffice,
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--invisible",
        "--nologo",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        PDF_FILTER,
        "--outdir",
        str(staging),
        str(source),
    ]
    own_group = sys.platform != "win32"
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=own_group,
        )
    except OSError as exc:
        return f"không chạy được LibreOffice ({soffice}): {system_reason(exc)}"
    try:
        _out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(process)
        return (
            f"LibreOffice chạy quá {timeout:g} giây, đã dừng; văn bản dài (Phụ lục hàng trăm "
            f"trang) cần lâu hơn: chạy lại với --pdf-timeout (tối đa {MAX_TIMEOUT:g} giây)"
        )
    except BaseException:  # Ctrl+C, a crash: never leave LibreOffice running
        _kill(process)
        raise
    if process.returncode != 0:
        detail = err.decode("utf-8", "replace").strip().splitlines()
        reason = f": {detail[-1]}" if detail else ""
        return f"LibreOffice kết thúc với mã lỗi {process.returncode}{reason}"
    return None


def _kill(process: subprocess.Popen[bytes]) -> None:
    """Stop the conversion and every process it started (soffice forks oosplash)."""
    with contextlib.suppress(OSError):
        if sys.platform != "win32":
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    with contextlib.suppress(Exception):
        process.communicate(timeout=10)


def _looks_like_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            return stream.read(5) == b"%PDF-"
    except OSError:
        return False
