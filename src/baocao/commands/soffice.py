"""One LibreOffice process converting Word files to PDF, watched while it runs.

``soffice --convert-to`` takes many files and works through them in the order given:
for each it loads the file, prints ``convert <file> -> <pdf> using filter : …`` and
writes the PDF, or prints ``Error: source file could not be loaded`` and goes on. Those
lines are the only news of its progress, so they are read as it prints them: the
n-th such line means the file before it is finished. A run that prints nothing for
``timeout`` seconds is taken as hung on the file it was working on; its whole process
group (soffice starts oosplash and soffice.bin) is killed, as on Ctrl+C or any other
exception while waiting.
"""

from __future__ import annotations

import contextlib
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

CONVERTED = "convert "
NOT_LOADED = "Error: source file could not be loaded"
WARNING = "Warning:"
POLL = 0.25
"""Seconds between looks at the clock while waiting (Ctrl+C is seen in between)."""

PDF_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
"""PDF/A-2b: every font embedded, ready for a digital signature (LibreOffice 7.4+
reads export options written as JSON after the filter name)."""

Lines = queue.Queue[str | None]
"""The lines LibreOffice prints, then ``None`` when its output ends."""
Reached = Callable[[int, bool], None]
"""Told ``(index, loaded)`` when LibreOffice reaches the file at ``index``: loaded and
being written as PDF, or not loadable. Every file before it is finished."""


@dataclass(frozen=True)
class Finish:
    """How a run ended: how many files it reached, its exit code (``None`` when it was
    killed for taking too long) and the last line it printed that was not news of a
    file or a warning."""

    reached: int
    code: int | None
    detail: str = ""


class NotStarted(Exception):
    """The program could not be started (missing, not executable)."""


def command(soffice: str, sources: list[Path], outdir: Path, profile: Path) -> list[str]:
    """The command line converting ``sources`` into ``outdir``, with its own user
    profile: two LibreOffice processes sharing a profile block each other or fail."""
    return [
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
        str(outdir),
        *(str(source) for source in sources),
    ]


def run(arguments: list[str], timeout: float, reached: Reached) -> Finish:
    """Run LibreOffice, telling ``reached`` of each file it reaches; kill it when it
    reaches nothing for ``timeout`` seconds (or on any exception, Ctrl+C included)."""
    try:
        process = subprocess.Popen(
            arguments,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=sys.platform != "win32",
        )
    except OSError as exc:
        raise NotStarted(exc.strerror or str(exc)) from exc
    assert process.stdout is not None
    lines: Lines = queue.Queue()
    reader = threading.Thread(target=_read, args=(process.stdout, lines), daemon=True)
    reader.start()
    try:
        return _watch(process, lines, timeout, reached)
    except BaseException:
        kill(process)
        raise
    finally:
        reader.join(timeout=5)
        process.stdout.close()


def _watch(
    process: subprocess.Popen[bytes], lines: Lines, timeout: float, reached: Reached
) -> Finish:
    """Follow the run to its end, or kill it when it reaches no file for ``timeout``."""
    count, detail = 0, ""
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            kill(process)
            return Finish(count, None, detail)
        try:
            line = lines.get(timeout=min(POLL, left))
        except queue.Empty:
            continue
        if line is None:
            break
        if line.startswith(NOT_LOADED) or (line.startswith(CONVERTED) and " -> " in line):
            count += 1
            reached(count - 1, line.startswith(CONVERTED))
            deadline = time.monotonic() + timeout
        elif line and not line.startswith(WARNING):
            detail = line
    try:
        code = process.wait(timeout=max(deadline - time.monotonic(), POLL))
    except subprocess.TimeoutExpired:
        kill(process)
        return Finish(count, None, detail)
    return Finish(count, code, detail)


def _read(stream: IO[bytes], lines: Lines) -> None:
    try:
        for raw in stream:
            lines.put(raw.decode("utf-8", "replace").strip())
    except (OSError, ValueError):
        pass  # the pipe closed under us: the process was killed
    finally:
        lines.put(None)


def kill(process: subprocess.Popen[bytes]) -> None:
    """Stop LibreOffice and every process it started."""
    with contextlib.suppress(OSError):
        if sys.platform == "win32":
            subprocess.run(
                ["taskkill", "/F", "/T", "/PID", str(process.pid)],
                capture_output=True,
                check=False,
            )
            process.kill()
        else:
            os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(Exception):
        process.wait(timeout=10)


@contextlib.contextmanager
def terminate_as_exit() -> Iterator[None]:
    """While converting, SIGTERM (``kill``, a closed session) ends the program as an
    exception does, so that LibreOffice is stopped and its folders removed; by default
    Python would die at once and leave both behind. Only from the main thread, and only
    when nobody else handles SIGTERM."""
    term = getattr(signal, "SIGTERM", None)
    main = threading.current_thread() is threading.main_thread()
    if term is None or not main or signal.getsignal(term) is not signal.SIG_DFL:
        yield
        return

    def stop(number: int, _frame: object) -> None:
        raise SystemExit(128 + number)

    signal.signal(term, stop)
    try:
        yield
    finally:
        signal.signal(term, signal.SIG_DFL)
