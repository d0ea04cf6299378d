"""``baocao render --pdf``: real conversions through LibreOffice when it is installed
(CI installs it), page count and size read back with pdfinfo; a stand-in soffice for
timeouts and failures; the message when LibreOffice is missing."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from baocao.cli import app
from baocao.commands import pdf

from .helpers import libreoffice

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "reports" / "2024" / "bao-cao-mau.md"
runner = CliRunner()
A4 = (595, 842)


def pdfinfo(path: Path) -> tuple[int, tuple[int, int]]:
    text = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", text, re.M).group(1))
    width, height = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", text, re.M).groups()
    return pages, (round(float(width)), round(float(height)))


@pytest.mark.libreoffice
def test_pdf_of_the_example_portrait_report_and_landscape_appendix(tmp_path):
    libreoffice("Writer", tools=("pdfinfo",))
    result = runner.invoke(app, ["render", str(EXAMPLE), "--pdf", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert f"Đã ghi bản PDF BÁO CÁO: {tmp_path / 'BaoCao_2024_bao-cao-mau.pdf'}" in result.output
    assert f"Đã ghi bản PDF Phụ lục: {tmp_path / 'PhuLuc_2024_bao-cao-mau.pdf'}" in result.output
    assert pdfinfo(tmp_path / "BaoCao_2024_bao-cao-mau.pdf") == (1, A4)
    assert pdfinfo(tmp_path / "PhuLuc_2024_bao-cao-mau.pdf") == (1, A4[::-1])
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "BaoCao_2024_bao-cao-mau.docx",
        "BaoCao_2024_bao-cao-mau.pdf",
        "PhuLuc_2024_bao-cao-mau.docx",
        "PhuLuc_2024_bao-cao-mau.pdf",
    ]


@pytest.mark.libreoffice
def test_pdf_of_several_years_in_parallel_workers(in_repo, tmp_path):
    libreoffice("Writer", tools=("pdfinfo",))
    result = runner.invoke(
        app,
        ["render", "2022", "2024", "-r", "chuyen-doi-so", "--pdf", "--draft", "-j", "2"]
        + ["--out", str(tmp_path)],
    )
    assert result.exit_code == 0, result.output
    for year in (2022, 2024):
        pages, size = pdfinfo(tmp_path / f"BaoCao_{year}_chuyen-doi-so.pdf")
        assert pages > 1 and size == A4
        pages, size = pdfinfo(tmp_path / f"PhuLuc_{year}_chuyen-doi-so.pdf")
        assert pages >= 1 and size == A4[::-1]


def test_without_libreoffice_the_word_files_are_still_written(tmp_path, monkeypatch):
    monkeypatch.setenv("BAOCAO_SOFFICE", str(tmp_path / "khong_co" / "soffice"))
    result = runner.invoke(app, ["render", str(EXAMPLE), "--pdf", "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "Lỗi: Chưa tìm thấy LibreOffice nên chưa tạo được PDF" in result.output
    assert "sudo apt-get install libreoffice-writer-nogui" in result.output
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == [
        "BaoCao_2024_bao-cao-mau.docx",
        "PhuLuc_2024_bao-cao-mau.docx",
    ]


def fake_soffice(tmp_path: Path, body: str) -> str:
    """A stand-in for soffice: a Python script given the same arguments."""
    script = tmp_path / "soffice"
    script.write_text(
        f"#!{sys.executable}\nimport json, os, sys, time, pathlib\nargs = sys.argv[1:]\n{body}",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return str(script)


STAND_IN = """
profile = [a for a in args if a.startswith('-env:UserInstallation=file://')]
assert len(profile) == 1
home = pathlib.Path(profile[0].split('file://')[1])
assert home.is_dir() and not any(home.iterdir()), home
outdir = pathlib.Path(args[args.index('--outdir') + 1])
sources = [pathlib.Path(a) for a in args[args.index('--outdir') + 2 :]]
log = os.environ.get('FAKE_SOFFICE_LOG')
if log:
    with open(log, 'a', encoding='utf-8') as stream:
        stream.write(json.dumps([str(home), [s.name for s in sources]]) + '\\n')
print('Warning: failed to launch javaldx - java may not function correctly', flush=True)
for source in sources:
    if 'khong-mo' in source.name:
        print('Error: source file could not be loaded', file=sys.stderr, flush=True)
        continue
    target = outdir / (source.stem + '.pdf')
    print(f'convert {source} -> {target} using filter : writer_pdf_Export', flush=True)
    if 'treo' in source.name:
        time.sleep(600)
    if 'PhuLuc' in source.name or 'hong' in source.name:
        sys.exit('hỏng tệp')
    target.write_bytes(b'%PDF-1.7 fake\\n%%EOF\\n')
"""
"""A stand-in for ``soffice --convert-to``: converts every file given, in order, as
LibreOffice does and says so; hangs on a name with ``treo``, crashes on ``PhuLuc`` or
``hong``, cannot open ``khong-mo``; logs each run to ``$FAKE_SOFFICE_LOG``."""


@pytest.mark.skipif(sys.platform == "win32", reason="a shebang script stands in for soffice")
def test_failures_are_reported_per_file(tmp_path, monkeypatch):
    monkeypatch.setenv("BAOCAO_SOFFICE", fake_soffice(tmp_path, STAND_IN))
    out = tmp_path / "out"
    result = runner.invoke(app, ["render", str(EXAMPLE), "--pdf", "--out", str(out)])
    assert result.exit_code == 1
    assert f"Đã ghi bản PDF BÁO CÁO: {out / 'BaoCao_2024_bao-cao-mau.pdf'}" in result.output
    assert (
        f"Lỗi: không tạo được PDF từ '{out / 'PhuLuc_2024_bao-cao-mau.docx'}': "
        "LibreOffice kết thúc với mã lỗi 1: hỏng tệp"
    ) in result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "BaoCao_2024_bao-cao-mau.docx",
        "BaoCao_2024_bao-cao-mau.pdf",
        "PhuLuc_2024_bao-cao-mau.docx",
    ]


@pytest.mark.skipif(sys.platform == "win32", reason="a shebang script stands in for soffice")
def test_a_conversion_that_hangs_is_stopped(tmp_path):
    soffice = fake_soffice(tmp_path, "time.sleep(60)\n")
    source = tmp_path / "a.docx"
    source.write_bytes(b"PK")
    result = pdf.convert(source, soffice, timeout=1)
    assert result.pdf is None
    assert result.error.startswith("LibreOffice chạy quá 1 giây, đã dừng; ")
    assert "chạy lại với --pdf-timeout (tối đa 3600 giây)" in result.error
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".~")] == []


@pytest.mark.skipif(sys.platform == "win32", reason="a shebang script stands in for soffice")
def test_each_libreoffice_run_starts_with_an_empty_profile_removed_after(tmp_path, monkeypatch):
    log = tmp_path / "runs.log"
    monkeypatch.setenv("FAKE_SOFFICE_LOG", str(log))
    soffice = fake_soffice(tmp_path, STAND_IN)
    sources = [tmp_path / "a.docx", tmp_path / "hong.docx"]
    for source in sources:
        source.write_bytes(b"PK")
    results = pdf.convert_all(sources, soffice, timeout=30)
    assert [r.pdf for r in results] == [str(tmp_path / "a.pdf"), None]
    runs = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert [files for _profile, files in runs] == [["a.docx", "hong.docx"], ["hong.docx"]]
    profiles = [Path(profile) for profile, _files in runs]  # each empty when it started
    assert not any(p.exists() for p in profiles)


def test_find_soffice_honours_the_environment(tmp_path, monkeypatch):
    program = tmp_path / "soffice"
    program.write_text("", encoding="utf-8")
    monkeypatch.setenv("BAOCAO_SOFFICE", str(program))
    assert pdf.find_soffice() == str(program)
    monkeypatch.setenv("BAOCAO_SOFFICE", os.path.join(str(tmp_path), "khong_co"))
    assert pdf.find_soffice() is None
