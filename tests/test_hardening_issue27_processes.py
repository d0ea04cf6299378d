"""Issue 27, real processes: ten renders of one year into one folder at once, and a
render stopped by SIGTERM while it writes.

Each run removed every temporary file of its documents before writing, so a run
deleted the live temporary of another and two to seven of ten failed with "đường dẫn
không tồn tại"; now only the temporaries of a run that is gone are removed. SIGTERM
(a task manager, a stopping service) killed the process mid-write and left its
temporary behind; now it stops the run as Ctrl+C does.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
from docx import Document

from .helpers import EXAMPLE_ID, example_workspace

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX processes and signals")

RUNS = 10
NAMES = (f"BaoCao_2024_{EXAMPLE_ID}.docx", f"PhuLuc_2024_{EXAMPLE_ID}.docx")
RENDER = [sys.executable, "-m", "baocao", "render", "2024", "--out", "out", "--jobs", "1"]


def leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".~baocao"))


def test_ten_renders_of_one_year_into_one_folder_at_once_all_succeed(tmp_path):
    root = example_workspace(tmp_path)
    alone = subprocess.run(RENDER, cwd=root, capture_output=True, text=True)
    assert alone.returncode == 0, alone.stderr
    expected = {name: (root / "out" / name).read_bytes() for name in NAMES}
    for name in NAMES:
        (root / "out" / name).unlink()
    runs = [
        subprocess.Popen(RENDER, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        for _ in range(RUNS)
    ]
    outputs = [run.communicate(timeout=600)[0].decode("utf-8") for run in runs]
    failed = [out for run, out in zip(runs, outputs, strict=True) if run.returncode != 0]
    assert failed == []
    assert all("không tồn tại" not in out and "lỗi" not in out for out in outputs)
    for name in NAMES:
        written = (root / "out" / name).read_bytes()
        assert written == expected[name]  # the same data: the same bytes, whole
        assert Document(str(root / "out" / name)).paragraphs
    assert leftovers(root / "out") == []


STOPPED_WHILE_WRITING = """\
import os, signal, sys

real_fsync = os.fsync


def fsync(descriptor):
    real_fsync(descriptor)  # the document is in its temporary file: now a SIGTERM
    os.kill(os.getpid(), signal.SIGTERM)


os.fsync = fsync
sys.argv = ["baocao", *sys.argv[1:]]
from baocao.cli.app import main

main()
"""


def test_sigterm_while_writing_leaves_the_old_documents_and_no_temporary(tmp_path):
    root = example_workspace(tmp_path)
    assert subprocess.run(RENDER, cwd=root, capture_output=True).returncode == 0
    before = {name: (root / "out" / name).read_bytes() for name in NAMES}
    (root / "reports" / "2024" / f"{EXAMPLE_ID}.md").write_text(
        (root / "reports" / "2024" / f"{EXAMPLE_ID}.md")
        .read_text(encoding="utf-8")
        .replace("báo cáo như sau", "báo cáo như sau đây"),
        encoding="utf-8",
    )
    stopped = subprocess.run(
        [sys.executable, "-c", STOPPED_WHILE_WRITING, *RENDER[3:]],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert stopped.returncode not in (0, -signal.SIGTERM), stopped.stderr  # not killed
    assert "Traceback" not in stopped.stderr
    assert {name: (root / "out" / name).read_bytes() for name in NAMES} == before
    assert leftovers(root / "out") == []
