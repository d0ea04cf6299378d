"""Issue 16: --pdf stops LibreOffice and removes its folders on every exit path."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from baocao.commands import pdf
from baocao.commands import soffice as libreoffice

from .hardening import dead_pid, temporary_name
from .issue16 import cli, good_out, year_file
from .test_pdf import fake_soffice

# The stand-in starts a grandchild (as soffice starts oosplash) and waits for ever.
HANGS = (
    "import subprocess\n"
    "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)'])\n"
    "time.sleep(600)\n"
)


@pytest.mark.parametrize("timeout", ["inf", "1e12", "nan", "0", "-5"])
def test_an_absurd_timeout_is_a_usage_error(tmp_path, timeout):
    out = tmp_path / "out"
    files = good_out(out)
    result = cli(
        "render", year_file(tmp_path / "data"), "--out", out, "--pdf", "--pdf-timeout", timeout
    )
    assert result.exit_code == 2, result.output
    assert "'--pdf-timeout': phải là số giây từ 1 đến 3600" in result.output
    assert {p: p.read_bytes() for p in files} == files


@pytest.mark.skipif(sys.platform == "win32", reason="a shebang script stands in for soffice")
def test_ctrl_c_during_a_conversion_stops_libreoffice_and_removes_its_folders(
    tmp_path, monkeypatch
):
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    soffice = fake_soffice(tmp_path, HANGS)
    out = tmp_path / "out"
    out.mkdir()
    source = out / "BaoCao_2024.docx"
    source.write_bytes(b"PK")
    started: list[int] = []
    original = libreoffice._watch

    def interrupted(process, *args, **kwargs):
        started.append(process.pid)
        raise KeyboardInterrupt  # Ctrl+C while waiting for LibreOffice

    monkeypatch.setattr(libreoffice, "_watch", interrupted)
    with pytest.raises(KeyboardInterrupt):
        pdf.convert(source, soffice, timeout=600)
    monkeypatch.setattr(libreoffice, "_watch", original)
    with pytest.raises(ProcessLookupError):
        os.killpg(started[0], 0)  # the whole group is gone, grandchild included
    assert sorted(p.name for p in out.iterdir()) == ["BaoCao_2024.docx"]
    assert list(temp.iterdir()) == []


TERMINATED = """
import sys
from pathlib import Path
from baocao.commands import pdf
from baocao.commands import soffice as libreoffice
pdf.convert_all([Path(sys.argv[1]), Path(sys.argv[2])], sys.argv[3], timeout=600)
"""

WAITS = (
    "import subprocess\n"
    "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)'])\n"
    "pathlib.Path(os.environ['FAKE_SOFFICE_PIDS']).write_text(f'{os.getpid()} {child.pid}')\n"
    "time.sleep(600)\n"
)


def dead(pid: int) -> bool:
    """The process has ended (a zombie, killed but not yet reaped by init, counts)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    stat = Path(f"/proc/{pid}/stat")
    return stat.is_file() and stat.read_text().rsplit(")", 1)[1].split()[0] == "Z"


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM and process groups are POSIX")
def test_sigterm_during_a_conversion_stops_libreoffice_and_removes_its_folders(tmp_path):
    temp = tmp_path / "temp"
    temp.mkdir()
    pids = tmp_path / "pids"
    out = tmp_path / "out"
    out.mkdir()
    sources = [out / "BaoCao_2024.docx", out / "PhuLuc_2024.docx"]
    for source in sources:
        source.write_bytes(b"PK")
    environment = {**os.environ, "TMPDIR": str(temp), "FAKE_SOFFICE_PIDS": str(pids)}
    soffice = fake_soffice(tmp_path, WAITS)
    command = [sys.executable, "-c", TERMINATED, *map(str, sources), soffice]
    with subprocess.Popen(command, env=environment, stderr=subprocess.PIPE) as converting:
        while not pids.is_file() or not pids.read_text():  # until LibreOffice has started
            with contextlib.suppress(subprocess.TimeoutExpired):
                converting.wait(timeout=0.05)
                raise AssertionError(converting.stderr.read())
        converting.send_signal(signal.SIGTERM)
        assert converting.wait(timeout=60) == 128 + signal.SIGTERM
    assert all(dead(int(pid)) for pid in pids.read_text().split())  # stand-in and its child
    assert sorted(p.name for p in out.iterdir()) == ["BaoCao_2024.docx", "PhuLuc_2024.docx"]
    assert list(temp.iterdir()) == []


def test_a_staging_folder_left_by_a_killed_run_is_removed(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    source = out / "BaoCao_2024.docx"
    source.write_bytes(b"PK")
    prefix = ".~baocao-pdf-BaoCao_2024-"
    left = out / f"{temporary_name(prefix, dead_pid())}k1ll3d"
    left.mkdir()
    (left / "BaoCao_2024.pdf").write_bytes(b"%PDF-half")
    other = out / ".~baocao-pdf-PhuLuc_2024-busy"  # another document's, maybe converting now
    busy = out / f"{temporary_name(prefix, os.getppid())}busy"  # converting it right now
    for folder in (other, busy):
        folder.mkdir()
    result = pdf.convert(source, str(tmp_path / "khong_co_soffice"), timeout=5)
    assert result.pdf is None and "không chạy được LibreOffice" in (result.error or "")
    assert not left.exists()
    assert other.exists() and busy.exists()
