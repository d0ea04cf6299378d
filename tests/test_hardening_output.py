"""Nothing lost: atomic writes, clear messages, reproducible bytes (issue 6, Output)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from baocao import files as output
from baocao.cli import app
from baocao.commands.render import render_report
from baocao.errors import OutputError, TemplateError

from .hardening import EXAMPLE_REPORT, TEMPLATES, paragraph, rewrite_docx, templates_with
from .helpers import example_workspace, render_example

runner = CliRunner()
OLD = b"the report the user had before"
REPORT_FILE = "BaoCao_2024_bao-cao-mau.docx"
APPENDIX_FILE = "PhuLuc_2024_bao-cao-mau.docx"


def old_files(folder: Path) -> dict[Path, bytes]:
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        folder / REPORT_FILE: OLD + b" 1",
        folder / APPENDIX_FILE: OLD + b" 2",
    }
    for path, data in files.items():
        path.write_bytes(data)
    return files


def assert_untouched(folder: Path, files: dict[Path, bytes]) -> None:
    for path, data in files.items():
        assert path.read_bytes() == data
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in files)


def render_cli(out: Path, *extra: str):
    return runner.invoke(app, ["render", str(EXAMPLE_REPORT), "--out", str(out), *extra])


def test_a_render_failing_midway_leaves_the_previous_documents(tmp_path):
    """The BÁO CÁO renders, the Phụ lục template fails: neither old file is replaced."""
    out = tmp_path / "out"
    files = old_files(out)
    templates = templates_with(tmp_path / "templates")
    rewrite_docx(
        TEMPLATES / "PhuLuc.docx",
        templates / "PhuLuc.docx",
        {"word/document.xml": lambda x: x.replace("<w:body>", "<w:body>" + paragraph("{{ x }}"))},
    )
    with pytest.raises(TemplateError):
        render_report(EXAMPLE_REPORT, templates, out)
    assert_untouched(out, files)


@pytest.mark.parametrize("failing", ["write", "fsync", "replace_second"])
def test_a_failing_write_leaves_the_previous_documents(tmp_path, monkeypatch, failing):
    out = tmp_path / "out"
    files = old_files(out)
    if failing == "fsync":
        monkeypatch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(28, "full")))
    elif failing == "write":
        real = os.fdopen

        class Full:
            def __init__(self, *args, **kwargs):
                self.stream = real(*args, **kwargs)

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.stream.close()

            def write(self, data):
                self.stream.write(data[: len(data) // 2])  # a half-written file
                raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "fdopen", Full)
    else:
        real_replace = os.replace
        calls = []

        def replace(source, target):
            calls.append(target)
            if len(calls) == 2:
                raise OSError(5, "Input/output error")
            real_replace(source, target)

        monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OutputError) as caught:
        render_report(EXAMPLE_REPORT, TEMPLATES, out)
    if failing == "replace_second":
        # the BÁO CÁO was already replaced, whole; the Phụ lục is the old one
        assert zipfile.is_zipfile(out / REPORT_FILE)
        assert "lỗi đọc ghi ổ đĩa" in str(caught.value)
        files[out / REPORT_FILE] = (out / REPORT_FILE).read_bytes()
    else:
        assert "ổ đĩa đã đầy" in str(caught.value)
    assert_untouched(out, files)


def test_an_interrupted_write_leaves_the_previous_document_and_no_temporary(tmp_path, monkeypatch):
    out = tmp_path / "out"
    files = old_files(out)

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        render_report(EXAMPLE_REPORT, TEMPLATES, out)
    assert_untouched(out, files)


def test_read_only_target_is_a_clear_error_through_the_cli(tmp_path):
    out = tmp_path / "out"
    files = old_files(out)
    report = out / REPORT_FILE
    report.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    result = render_cli(out)
    assert result.exit_code == 1, result.output
    assert f"Không ghi được '{report}': tệp chỉ cho phép đọc." in result.output
    assert "Traceback" not in result.output
    assert_untouched(out, files)


def test_locked_target_is_a_clear_error_through_the_cli(tmp_path, monkeypatch):
    """Word on Windows locks an open document: replacing it raises PermissionError."""
    out = tmp_path / "out"
    files = old_files(out)

    def locked(source, target):
        raise PermissionError(13, "The process cannot access the file", str(target))

    monkeypatch.setattr(os, "replace", locked)
    result = render_cli(out)
    assert result.exit_code == 1, result.output
    assert (
        f"Không ghi được '{out / REPORT_FILE}': tệp đang mở trong Word hoặc không có "
        "quyền ghi. Hãy đóng tệp rồi chạy lại."
    ) in result.output
    assert "Traceback" not in result.output
    assert_untouched(out, files)


def test_read_only_folder_is_a_clear_error_through_the_cli(tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(output.tempfile, "mkstemp", denied)
    result = render_cli(out)
    assert result.exit_code == 1, result.output
    assert f"Không ghi được vào thư mục '{out}': không có quyền ghi" in result.output
    assert "Traceback" not in result.output
    assert list(out.iterdir()) == []


def test_folder_that_cannot_be_created_is_a_clear_error_through_the_cli(tmp_path):
    blocker = tmp_path / "ghi_chu.txt"
    blocker.write_text("một tệp, không phải thư mục", encoding="utf-8")
    out = blocker / "out"
    result = render_cli(out)
    assert result.exit_code == 1, result.output
    assert f"Không tạo được thư mục '{out}': " in result.output
    assert "Traceback" not in result.output
    assert blocker.read_text(encoding="utf-8") == "một tệp, không phải thư mục"


def test_a_folder_named_like_the_target_is_a_clear_error(tmp_path):
    out = tmp_path / "out"
    (out / REPORT_FILE).mkdir(parents=True)
    result = render_cli(out)
    assert result.exit_code == 1, result.output
    assert "đã có một thư mục trùng tên" in result.output


def test_missing_output_folders_are_created(tmp_path):
    out = tmp_path / "a" / "b" / "c"
    result = render_cli(out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        REPORT_FILE,
        APPENDIX_FILE,
    ]


def test_rendering_twice_gives_identical_bytes_and_replaces_cleanly(tmp_path):
    first = {
        f.path.name: f.path.read_bytes() for f in render_report(EXAMPLE_REPORT, TEMPLATES, tmp_path)
    }
    again = {
        f.path.name: f.path.read_bytes() for f in render_report(EXAMPLE_REPORT, TEMPLATES, tmp_path)
    }
    assert first == again
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(first)


RENDER = (
    "import sys; from pathlib import Path; "
    "from baocao.commands.render import render_report; "
    "render_report(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))"
)


def test_another_process_clock_zone_and_folder_give_identical_bytes(tmp_path):
    """Nothing from the clock, the time zone, the locale or the folder enters the file."""
    here = render_report(EXAMPLE_REPORT, TEMPLATES, tmp_path / "here")
    elsewhere = tmp_path / "there" / "deeper"
    environment = {**os.environ, "TZ": "America/Los_Angeles", "LANG": "C", "LC_ALL": "C"}
    environment.pop("SOURCE_DATE_EPOCH", None)
    subprocess.run(
        [sys.executable, "-c", RENDER, str(EXAMPLE_REPORT), str(TEMPLATES), str(elsewhere)],
        check=True,
        cwd=tmp_path,
        env=environment,
    )
    for written in here:
        assert (elsewhere / written.path.name).read_bytes() == written.path.read_bytes()


def test_zip_members_have_fixed_order_times_and_modes(tmp_path):
    for written in render_report(EXAMPLE_REPORT, TEMPLATES, tmp_path):
        with zipfile.ZipFile(written.path) as package:
            infos = package.infolist()
        names = [i.filename for i in infos]
        assert names[:2] == ["[Content_Types].xml", "_rels/.rels"]
        assert names[2:] == sorted(names[2:])
        assert {i.date_time for i in infos} == {(2024, 12, 13, 0, 0, 0)}
        assert {i.external_attr for i in infos} == {0o644 << 16}


def test_document_properties_come_from_the_data(tmp_path):
    CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
    DC = "{http://purl.org/dc/elements/1.1/}"
    TERMS = "{http://purl.org/dc/terms/}"
    for written in render_report(EXAMPLE_REPORT, TEMPLATES, tmp_path):
        with zipfile.ZipFile(written.path) as package:
            core = etree.fromstring(package.read("docProps/core.xml"))
            app_xml = package.read("docProps/app.xml")
        with zipfile.ZipFile(TEMPLATES / (written.path.stem.split("_")[0] + ".docx")) as t:
            assert app_xml == t.read("docProps/app.xml")  # nothing machine-dependent added
        values = {e.tag: (e.text or "") for e in core}
        titles = {
            "BaoCao": "BÁO CÁO Tình hình thực hiện một số chỉ tiêu chuyển đổi số năm 2024",
            "PhuLuc": "Phụ lục I: KẾT QUẢ MỘT SỐ CHỈ TIÊU",
        }
        assert values[f"{DC}title"] == titles[written.path.stem.split("_")[0]]
        assert f"{CP}lastPrinted" not in values  # never printed: no date of printing
        assert values[f"{DC}creator"] == "Sở Thông tin và Truyền thông"
        assert values[f"{CP}lastModifiedBy"] == "Sở Thông tin và Truyền thông"
        assert values[f"{TERMS}created"] == "2024-12-13T00:00:00Z"
        assert values[f"{TERMS}modified"] == "2024-12-13T00:00:00Z"
        assert values[f"{CP}revision"] == "1"


def test_a_document_dated_by_its_year_only_claims_no_creation_date(tmp_path):
    root = example_workspace(tmp_path / "ws", report=(("date: 2024-12-13", "date: 2024"),))
    for written in render_example(root, tmp_path / "out"):
        with zipfile.ZipFile(written.path) as package:
            core = package.read("docProps/core.xml").decode("utf-8")
        assert "created" not in core and "modified" not in core and "lastPrinted" not in core
