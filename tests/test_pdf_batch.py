"""Issue 28: every Word file of a run converted by one LibreOffice process, and what it
could not convert tried again alone; a stand-in soffice logs each process it is run as."""

from __future__ import annotations

import contextlib
import io
import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from rich.console import Console
from typer.testing import CliRunner

from baocao.cli import app
from baocao.cli import console as console_module
from baocao.commands import pdf

from .test_pdf import EXAMPLE, STAND_IN, fake_soffice

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="a shebang script stands in for soffice"
)


@pytest.fixture
def soffice(tmp_path, monkeypatch):
    """The stand-in, and the list of the runs it made (the files each was given)."""
    log = tmp_path / "runs.log"
    monkeypatch.setenv("FAKE_SOFFICE_LOG", str(log))

    def runs() -> list[list[str]]:
        lines = log.read_text(encoding="utf-8").splitlines() if log.is_file() else []
        return [json.loads(line)[1] for line in lines]

    return fake_soffice(tmp_path, STAND_IN), runs


def documents(folder: Path, *names: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_bytes(b"PK")
    return [folder / name for name in names]


class Recorder:
    def __init__(self) -> None:
        self.events: list[tuple[str, str]] = []

    def converting(self, source: Path) -> None:
        self.events.append(("converting", source.name))

    def finished(self, result: pdf.PdfResult) -> None:
        self.events.append(("finished", Path(result.source).name))


def test_every_file_in_one_libreoffice_run(tmp_path, soffice):
    program, runs = soffice
    sources = documents(tmp_path / "out", "a.docx", "b.docx", "c.docx")
    recorder = Recorder()
    results = pdf.convert_all(sources, program, timeout=30, progress=recorder)
    assert runs() == [["a.docx", "b.docx", "c.docx"]]
    assert [r.pdf for r in results] == [str(s.with_suffix(".pdf")) for s in sources]
    assert all(s.with_suffix(".pdf").read_bytes().startswith(b"%PDF-") for s in sources)
    assert recorder.events == [
        ("converting", "a.docx"),
        ("finished", "a.docx"),
        ("converting", "b.docx"),
        ("finished", "b.docx"),
        ("converting", "c.docx"),
        ("finished", "c.docx"),
    ]


def test_a_file_libreoffice_cannot_open_is_tried_again_alone(tmp_path, soffice):
    program, runs = soffice
    sources = documents(tmp_path, "a.docx", "khong-mo.docx", "c.docx")
    results = pdf.convert_all(sources, program, timeout=30)
    assert runs() == [["a.docx", "khong-mo.docx", "c.docx"], ["khong-mo.docx"]]
    assert [r.pdf is not None for r in results] == [True, False, True]
    assert results[1].error == (
        "LibreOffice không mở được tệp này (tệp hỏng, hoặc không phải tệp Word)"
    )


def test_a_crash_loses_no_other_file(tmp_path, soffice):
    """LibreOffice dies on the second file: the third goes into a new run, the second
    is tried alone and reported with LibreOffice's own last words."""
    program, runs = soffice
    sources = documents(tmp_path, "a.docx", "hong.docx", "c.docx")
    results = pdf.convert_all(sources, program, timeout=30)
    assert runs() == [["a.docx", "hong.docx", "c.docx"], ["c.docx"], ["hong.docx"]]
    assert [r.pdf is not None for r in results] == [True, False, True]
    assert results[1].error == "LibreOffice kết thúc với mã lỗi 1: hỏng tệp"


def test_a_hung_file_is_stopped_once_and_the_others_converted(tmp_path, soffice):
    program, runs = soffice
    sources = documents(tmp_path, "a.docx", "treo.docx", "c.docx")
    results = pdf.convert_all(sources, program, timeout=1)
    assert runs() == [["a.docx", "treo.docx", "c.docx"], ["c.docx"]]  # not tried again
    assert [r.pdf is not None for r in results] == [True, False, True]
    assert results[1].error.startswith("LibreOffice chạy quá 1 giây, đã dừng")
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf") == ["a.pdf", "c.pdf"]


def test_documents_of_the_same_name_in_two_folders_go_in_two_runs(tmp_path, soffice):
    program, runs = soffice
    first = documents(tmp_path / "mot", "BaoCao.docx", "x.docx")
    second = documents(tmp_path / "hai", "baocao.docx")  # the same name on Windows
    results = pdf.convert_all([*first, *second], program, timeout=30)
    assert runs() == [["BaoCao.docx", "x.docx"], ["baocao.docx"]]
    assert [r.pdf for r in results] == [
        str(tmp_path / "mot" / "BaoCao.pdf"),
        str(tmp_path / "mot" / "x.pdf"),
        str(tmp_path / "hai" / "baocao.pdf"),
    ]


def test_a_missing_program_fails_every_file_at_once(tmp_path):
    sources = documents(tmp_path, "a.docx", "b.docx")
    results = pdf.convert_all(sources, str(tmp_path / "khong_co_soffice"), timeout=30)
    assert [r.pdf for r in results] == [None, None]
    assert all(r.error.startswith("không chạy được LibreOffice (") for r in results)


def test_render_of_a_year_converts_after_every_word_file_in_one_run(
    in_repo, tmp_path, soffice, monkeypatch
):
    program, runs = soffice
    monkeypatch.setenv("BAOCAO_SOFFICE", program)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["render", "2022", "2024", "--draft", "--pdf", "-j", "2", "--out", str(out)]
    )
    words = sorted(p.name for p in out.glob("*.docx"))
    assert sorted(runs()[0]) == words  # the first run was given every Word file
    assert sorted(p.stem for p in out.glob("*.pdf")) == [
        Path(name).stem for name in words if not name.startswith("PhuLuc")
    ]
    assert result.exit_code == 1
    assert "LibreOffice kết thúc với mã lỗi 1: hỏng tệp" in result.output


def recording(stages: list) -> object:
    """Stands in for ``console.progress``: records each stage, its total, its label and
    what its steps were told."""

    @contextlib.contextmanager
    def progress(total: int, label: str):
        told: list[tuple[str, str]] = []
        stages.append((total, label, told))
        yield SimpleNamespace(
            done=lambda text: told.append(("done", text)),
            doing=lambda text: told.append(("doing", text)),
        )

    return progress


def test_the_progress_bar_says_word_files_then_the_pdf_conversion(tmp_path, soffice, monkeypatch):
    program, _runs = soffice
    monkeypatch.setenv("BAOCAO_SOFFICE", program)
    stages: list = []
    monkeypatch.setattr(console_module, "progress", recording(stages))
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["render", str(EXAMPLE), "--pdf", "--out", str(out)])
    assert result.exit_code == 1  # the stand-in fails on the Phụ lục
    (word_total, word_label, word_steps), (pdf_total, pdf_label, pdf_steps) = stages
    assert (word_total, word_label) == (1, "Đang tạo tệp Word của 1 báo cáo")
    assert word_steps == [("done", "Tệp Word: xong 2024/bao-cao-mau")]
    assert (pdf_total, pdf_label) == (2, "Đang mở LibreOffice để chuyển 2 tệp Word sang PDF")
    assert pdf_steps == [
        ("doing", "PDF: đang chuyển BaoCao_2024_bao-cao-mau.docx"),
        ("done", "PDF: xong BaoCao_2024_bao-cao-mau.docx"),
        ("doing", "PDF: đang chuyển PhuLuc_2024_bao-cao-mau.docx"),
        ("doing", "PDF: đang chuyển PhuLuc_2024_bao-cao-mau.docx"),
        ("done", "PDF: lỗi PhuLuc_2024_bao-cao-mau.docx"),
    ]


def test_the_bar_on_a_terminal_shows_each_step(monkeypatch):
    monkeypatch.setenv("TERM", "xterm")  # a dumb terminal gets no bar
    monkeypatch.setenv("FORCE_COLOR", "1")
    screen = io.StringIO()
    terminal = Console(file=screen, force_terminal=True, width=100, color_system=None)
    monkeypatch.setitem(console_module._consoles, True, terminal)
    with console_module.progress(2, "Đang mở LibreOffice [2 tệp]") as steps:
        steps.doing("PDF: đang chuyển [a].docx")
        steps.done("PDF: xong [a].docx")
    drawn = screen.getvalue()
    for text in ("Đang mở LibreOffice [2 tệp]", "PDF: đang chuyển [a].docx", "PDF: xong [a].docx"):
        assert text in drawn  # markup-like brackets shown as typed
    assert "1/2" in drawn


def test_a_libreoffice_that_prints_nothing_still_has_its_pdfs_placed(tmp_path):
    """``soffice.exe`` on Windows may print no news of the files it converts: the PDFs
    in its output folder are what counts once it ends well."""
    silent = STAND_IN.replace("print(f'convert {source}", "0 and print(f'convert {source}")
    program = fake_soffice(tmp_path, silent.replace("'PhuLuc' in source.name or ", ""))
    sources = documents(tmp_path / "out", "a.docx", "b.docx", "khong-mo.docx")
    results = pdf.convert_all(sources, program, timeout=30)
    assert [r.pdf for r in results[:2]] == [str(s.with_suffix(".pdf")) for s in sources[:2]]
    assert results[2].pdf is None and results[2].error == pdf.NOT_OPENED
