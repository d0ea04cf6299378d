"""PDF copies of the Word documents, made by LibreOffice in headless mode.

Every Word file of a run is converted by one LibreOffice process (``soffice``): it
starts once, which costs more than converting a report. What that run could not
convert is tried again alone, so one broken document never costs the others their
PDF; a file on which LibreOffice hangs (no news for the timeout, in seconds per file)
is reported and not tried again. Files not reached when LibreOffice hung or crashed go
into a new run.

Everything LibreOffice writes (its user profile, the PDFs) stays in one temporary
folder, removed on every way out (SIGTERM included); each PDF is then written beside
its Word file atomically (``files``), so a failed conversion never leaves half a file.
Failures are returned per file, never raised: the Word files are already written when
this runs.
"""

from __future__ import annotations

import contextlib
import math
import os
import shutil
import tempfile
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..errors import OutputError
from ..files import abandoned, reason, write_atomically
from ..limits import MAX_PDF_TIMEOUT, MIN_PDF_TIMEOUT, STALE_TEMPORARY_SECONDS
from . import soffice as libreoffice

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
PDF_FILTER = libreoffice.PDF_FILTER
MIN_TIMEOUT = MIN_PDF_TIMEOUT
MAX_TIMEOUT = MAX_PDF_TIMEOUT
NOT_OPENED = "LibreOffice không mở được tệp này (tệp hỏng, hoặc không phải tệp Word)"
OLD_STAGING = ".~baocao-pdf-"
"""Staging folders that earlier versions made beside the documents."""


@dataclass(frozen=True)
class PdfResult:
    """One conversion: the Word file, and either the PDF written or why not."""

    source: str
    pdf: str | None
    error: str | None = None


class PdfProgress(Protocol):
    """Told what the conversion is doing, to show it while it runs."""

    def converting(self, source: Path) -> None:
        """LibreOffice has opened ``source`` and is writing its PDF."""

    def finished(self, result: PdfResult) -> None:
        """One file is done, converted or not."""


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


def timeout_problem(value: float) -> str | None:
    """What is wrong with ``--pdf-timeout``: a number of seconds from 1 to 3600 (not
    ``inf``, ``nan``, 1e12); ``None`` when it is right."""
    if not math.isfinite(value) or not MIN_TIMEOUT <= value <= MAX_TIMEOUT:
        return f"phải là số giây từ {MIN_TIMEOUT:g} đến {MAX_TIMEOUT:g} (tìm thấy: {value:g})"
    return None


def convert(source: Path, soffice: str, timeout: float = DEFAULT_TIMEOUT) -> PdfResult:
    """Convert one .docx into ``<name>.pdf`` beside it."""
    return convert_all([source], soffice, timeout)[0]


def convert_all(
    sources: Sequence[Path],
    soffice: str,
    timeout: float = DEFAULT_TIMEOUT,
    progress: PdfProgress | None = None,
) -> list[PdfResult]:
    """Convert every .docx into ``<name>.pdf`` beside it, in one LibreOffice run when
    all goes well; one result per source, in their order."""
    unique = list(dict.fromkeys(sources))
    for source in unique:
        _remove_old_staging(source)
    done: dict[Path, PdfResult] = {}
    try:
        work = Path(tempfile.mkdtemp(prefix="baocao-pdf-"))
    except OSError as exc:
        failed = f"không tạo được thư mục tạm cho LibreOffice: {reason(exc)}"
        return [PdfResult(str(source), None, failed) for source in sources]
    try:
        with libreoffice.terminate_as_exit():
            task = _Task(soffice, timeout, work, progress, done)
            runs = deque(_distinct_names(unique))
            while runs:
                alone, unreached = _Batch(runs.popleft(), task).run()
                if unreached:
                    runs.appendleft(unreached)
                runs.extend([source] for source in alone)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return [done[source] for source in sources]


@dataclass
class _Task:
    """What every run of one conversion shares, and the results so far."""

    soffice: str
    timeout: float
    work: Path
    progress: PdfProgress | None
    done: dict[Path, PdfResult]

    def finished(self, result: PdfResult) -> None:
        self.done[Path(result.source)] = result
        if self.progress is not None:
            self.progress.finished(result)


def _distinct_names(sources: list[Path]) -> list[list[Path]]:
    """``sources`` in as few runs as can share one output folder: LibreOffice names a
    PDF after its document, so two ``BaoCao.docx`` of different folders go apart (and
    ``baocao.docx``: Windows and macOS do not tell the two names apart)."""
    runs: list[list[Path]] = []
    names: list[set[str]] = []
    for source in sources:
        name = source.stem.casefold()
        index = next((i for i, taken in enumerate(names) if name not in taken), len(runs))
        if index == len(runs):
            runs.append([])
            names.append(set())
        runs[index].append(source)
        names[index].add(name)
    return runs


class _Batch:
    """One LibreOffice run over some files, and what became of each.

    LibreOffice works through the files in order, so the files before ``settled`` are
    finished (or set aside to be tried again alone) and the one at ``settled``, if
    any, is the one it is working on."""

    def __init__(self, sources: list[Path], task: _Task) -> None:
        self.sources = sources
        self.task = task
        self.outdir = task.work / "pdf"
        self.alone = len(sources) == 1
        self.retry: list[Path] = []
        self.settled = 0

    def run(self) -> tuple[list[Path], list[Path]]:
        """Convert; returns the files to try again alone and those never reached."""
        task = self.task
        profile = task.work / "profile"
        try:
            for folder in (self.outdir, profile):
                shutil.rmtree(folder, ignore_errors=True)  # the last run's
                folder.mkdir()
        except OSError as exc:
            self._all_failed(f"không tạo được thư mục tạm cho LibreOffice: {reason(exc)}")
            return [], []
        command = libreoffice.command(task.soffice, self.sources, self.outdir, profile)
        try:
            end = libreoffice.run(command, task.timeout, self._reached)
        except libreoffice.NotStarted as exc:
            self._all_failed(f"không chạy được LibreOffice ({task.soffice}): {exc}")
            return [], []
        finally:
            shutil.rmtree(profile, ignore_errors=True)
        self._end(end)
        return self.retry, self.sources[self.settled :]

    def _all_failed(self, why: str) -> None:
        """LibreOffice could not run at all: no other run would do better."""
        for source in self.sources[self.settled :]:
            self._finish(PdfResult(str(source), None, why))

    def _reached(self, index: int, loaded: bool) -> None:
        """LibreOffice is at ``sources[index]``: the file before it is written."""
        if self.settled < index:
            self._place(self.sources[index - 1])
        if not loaded:
            self._fail(self.sources[index], NOT_OPENED)
        elif self.task.progress is not None:
            self.task.progress.converting(self.sources[index])

    def _end(self, end: libreoffice.Finish) -> None:
        """Settle the file LibreOffice was working on when it stopped, if any, and the
        one it hung or crashed on while opening it."""
        killed = end.code is None
        if end.code == 0:
            self._settle_by_output()
            return
        if self.settled < end.reached:
            current = self.sources[self.settled]
            if end.code == 0 or (killed and _complete_pdf(self._produced(current))):
                self._place(current)
            elif killed:
                self._timed_out(current)
                return
            else:
                self._fail(current, _exit_reason(end))
                return
        if end.reached < len(self.sources) and (end.code != 0 or end.reached == 0):
            opening = self.sources[end.reached]
            if killed:
                self._timed_out(opening)  # hung while opening it
            else:
                self._fail(opening, _exit_reason(end))

    def _settle_by_output(self) -> None:
        """LibreOffice ended well: each file not settled yet has its PDF, or failed. Its
        news of each file is not needed (``soffice.exe`` on Windows may print none)."""
        for source in self.sources[self.settled :]:
            if _complete_pdf(self._produced(source)):
                self._place(source)
            else:
                self._fail(source, "LibreOffice không tạo ra tệp PDF")

    def _produced(self, source: Path) -> Path:
        return self.outdir / f"{source.stem}.pdf"

    def _place(self, source: Path) -> None:
        """Write the PDF LibreOffice made of ``source`` beside it."""
        produced = self._produced(source)
        if not _looks_like_pdf(produced):
            self._fail(source, "LibreOffice không tạo ra tệp PDF")
            return
        target = source.with_suffix(".pdf")
        try:
            write_atomically(target, produced.read_bytes())
        except OutputError as exc:
            self._finish(PdfResult(str(source), None, str(exc)))
        except OSError as exc:
            reason = f"không đọc được tệp PDF LibreOffice đã tạo: {exc.strerror or exc}"
            self._finish(PdfResult(str(source), None, reason))
        else:
            self._finish(PdfResult(str(source), str(target)))
        finally:
            with contextlib.suppress(OSError):
                produced.unlink()

    def _fail(self, source: Path, reason: str) -> None:
        """``source`` failed in this run: to be tried again alone, or reported if it was."""
        if self.alone:
            self._finish(PdfResult(str(source), None, reason))
        else:
            self.settled += 1
            self.retry.append(source)

    def _timed_out(self, source: Path) -> None:
        limit = self.task.timeout
        reason = (
            f"LibreOffice chạy quá {limit:g} giây, đã dừng; văn bản dài (Phụ lục hàng "
            f"trăm trang) cần lâu hơn: chạy lại với --pdf-timeout (tối đa {MAX_TIMEOUT:g} giây)"
        )
        self._finish(PdfResult(str(source), None, reason))

    def _finish(self, result: PdfResult) -> None:
        self.settled += 1
        self.task.finished(result)


def _exit_reason(end: libreoffice.Finish) -> str:
    if end.code in (0, None):
        return "LibreOffice không tạo ra tệp PDF"
    detail = f": {end.detail}" if end.detail else ""
    return f"LibreOffice kết thúc với mã lỗi {end.code}{detail}"


def _remove_old_staging(source: Path) -> None:
    """Staging folders of this document left beside it by an earlier version's run
    that was killed."""
    prefix = f"{OLD_STAGING}{source.stem}-"
    with contextlib.suppress(OSError):
        for entry in source.parent.iterdir():
            if entry.name.startswith(prefix) and entry.is_dir() and not entry.is_symlink():
                rest, modified = entry.name[len(prefix) :], entry.stat().st_mtime
                if abandoned(rest, modified, MAX_PDF_TIMEOUT + STALE_TEMPORARY_SECONDS):
                    shutil.rmtree(entry, ignore_errors=True)


def _looks_like_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            return stream.read(5) == b"%PDF-"
    except OSError:
        return False


def _complete_pdf(path: Path) -> bool:
    """A PDF written to its end (``%%EOF`` in its last bytes), not cut off by a kill."""
    try:
        with path.open("rb") as stream:
            stream.seek(max(0, path.stat().st_size - 1024))
            return _looks_like_pdf(path) and b"%%EOF" in stream.read()
    except OSError:
        return False
