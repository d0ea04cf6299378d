"""Issue 16: --pdf stops LibreOffice and removes its folders on every exit path."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

import pytest

from baocao.commands import pdf

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
    original = subprocess.Popen.communicate

    def interrupted(self, *args, **kwargs):
        if not started:
            started.append(self.pid)
            raise KeyboardInterrupt  # Ctrl+C while waiting for LibreOffice
        return original(self, *args, **kwargs)

    monkeypatch.setattr(subprocess.Popen, "communicate", interrupted)
    with pytest.raises(KeyboardInterrupt):
        pdf.convert(source, soffice, timeout=600)
    with pytest.raises(ProcessLookupError):
        os.killpg(started[0], 0)  # the whole group is gone, grandchild included
    assert sorted(p.name for p in out.iterdir()) == ["BaoCao_2024.docx"]
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
