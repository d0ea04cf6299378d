"""``baocao render --watch``: the files it watches, what counts as a change, and the loop
driven poll by poll (``watching.pause`` replaced: no test waits for the clock)."""

from __future__ import annotations

import os
import sys

import pytest
from typer.testing import CliRunner

from baocao.cli import app, watching
from baocao.commands.watch import Watcher, watched_files
from baocao.workspace import Workspace

from .helpers import TEMPLATES, build_file_tree, example_workspace

runner = CliRunner()
REPORT = "reports/2024/bao-cao-mau.md"
SIGNER = "    name: Nguyễn Thanh Hải\n"


def saving(monkeypatch, *saves) -> None:
    """The watch's pause stands in for the user: each pause (of one second) makes the
    next save, then the user presses Ctrl+C."""
    pending = iter(saves)

    def pause(seconds):
        assert seconds == 1.0
        save = next(pending, None)
        if save is None:
            raise KeyboardInterrupt  # Ctrl+C
        save()

    monkeypatch.setattr(watching, "pause", pause)


def touch(path, text: str | None = None) -> None:
    """Write ``text`` (or keep the content) and move the modification time on by a
    second, as a save a second later would."""
    if text is not None:
        path.write_text(text, encoding="utf-8")
    stamp = path.stat().st_mtime_ns + 1_000_000_000
    os.utime(path, ns=(stamp, stamp))


def test_a_change_an_addition_and_a_removal_are_each_seen_once(tmp_path):
    build_file_tree(tmp_path, {"a.yaml": "1", "b.yaml": "2"})
    listed = lambda: sorted(tmp_path.glob("*.yaml"))  # noqa: E731
    watcher = Watcher(listed)
    assert watcher.changes() == []
    touch(tmp_path / "a.yaml")
    assert watcher.changes() == [tmp_path / "a.yaml"]
    assert watcher.changes() == []  # seen: not reported again
    (tmp_path / "b.yaml").unlink()
    (tmp_path / "c.yaml").write_text("3", encoding="utf-8")
    assert watcher.changes() == [tmp_path / "b.yaml", tmp_path / "c.yaml"]


def test_the_watched_files_are_what_a_render_reads(tmp_path):
    example_workspace(tmp_path)
    build_file_tree(tmp_path, {"data/2023.yaml": "", "data/ghi_chu.txt": "", "out/x.docx": ""})
    workspace = Workspace.open(tmp_path)
    files = watched_files(workspace, ["2024"], TEMPLATES)
    assert tmp_path / "data" / "2023.yaml" in files  # [[…|change:2023]] reads it
    assert tmp_path / REPORT in files
    assert TEMPLATES / "BaoCao.docx" in files
    assert not any(p.suffix == ".txt" or "out" in p.parts for p in files)
    build_file_tree(tmp_path, {"reports/2024/moi.md": ""})
    assert tmp_path / "reports" / "2024" / "moi.md" in watched_files(workspace, ["2024"], TEMPLATES)


def test_render_watch_renders_again_on_each_save_and_prints_only_what_changed(
    tmp_path, monkeypatch
):
    example_workspace(tmp_path)
    monkeypatch.chdir(tmp_path)
    report = tmp_path / REPORT
    signed = report.read_text(encoding="utf-8")
    saving(
        monkeypatch,
        lambda: None,  # a poll with nothing saved
        lambda: touch(report, signed.replace(SIGNER, "")),  # the signer's name removed
        lambda: touch(report, signed),  # and put back
        lambda: touch(tmp_path / "data" / "2024.yaml"),  # saved unchanged
    )
    result = runner.invoke(
        app, ["render", "2024", "--watch", "--templates", str(TEMPLATES), "--out", "out"]
    )
    assert result.exit_code == 0, result.output
    first, *rounds = result.output.split("Đã đổi: ")
    assert "Đã ghi BÁO CÁO: out/BaoCao_2024_bao-cao-mau.docx" in first
    assert "Đang theo dõi" in first and "(Ctrl+C để dừng)" in first
    unsigned, resigned, unchanged = rounds
    assert unsigned.startswith(f"{REPORT}\n")
    assert "chưa có tên người ký" in unsigned
    assert "Lỗi: 2024/bao-cao-mau: dữ liệu có 1 cảnh báo, chưa ghi tệp nào" in unsigned
    assert unsigned.rstrip().endswith("0 văn bản xong, 1 văn bản lỗi.")
    assert "Đã hết 1 vấn đề so với lần trước." in resigned
    assert "Đã ghi BÁO CÁO: out/BaoCao_2024_bao-cao-mau.docx" in resigned
    assert unchanged.splitlines() == [
        "data/2024.yaml",
        "1 văn bản xong, 0 văn bản lỗi.",  # same documents, same problems: nothing else
        "Đã dừng theo dõi.",
    ]


def test_a_failure_while_watching_is_reported_and_the_watch_goes_on(tmp_path, monkeypatch):
    example_workspace(tmp_path)
    monkeypatch.chdir(tmp_path)
    report = tmp_path / REPORT
    saving(monkeypatch, lambda: report.unlink(), lambda: touch(report, "---\nyear: 2024\n"))
    result = runner.invoke(app, ["render", "2024", "--watch", "--templates", str(TEMPLATES)])
    assert result.exit_code == 0, result.output
    removed, broken = result.output.split("Đã đổi: ")[1:]
    assert "không có báo cáo nào của năm 2024" in removed
    assert "reports/2024/bao-cao-mau.md:" in broken and "lỗi" in broken
    assert result.output.rstrip().endswith("Đã dừng theo dõi.")


@pytest.mark.skipif(sys.platform == "win32", reason="a shebang script stands in for soffice")
def test_render_watch_with_pdf_converts_again_on_each_save(tmp_path, monkeypatch):
    from .test_pdf import STAND_IN, fake_soffice

    example_workspace(tmp_path / "ws")
    monkeypatch.chdir(tmp_path / "ws")
    log = tmp_path / "runs.log"
    monkeypatch.setenv("FAKE_SOFFICE_LOG", str(log))
    monkeypatch.setenv(
        "BAOCAO_SOFFICE",
        fake_soffice(tmp_path, STAND_IN.replace("'PhuLuc' in source.name or ", "")),
    )
    saving(monkeypatch, lambda: touch(tmp_path / "ws" / "data" / "2024.yaml"))
    result = runner.invoke(
        app, ["render", "2024", "--watch", "--pdf", "--templates", str(TEMPLATES), "--out", "out"]
    )
    assert result.exit_code == 0, result.output
    runs = log.read_text(encoding="utf-8").splitlines()
    assert len(runs) == 2  # the first render, then the save
    assert all("BaoCao_2024_bao-cao-mau.docx" in run for run in runs)
    assert "Đã ghi bản PDF BÁO CÁO: out/BaoCao_2024_bao-cao-mau.pdf" in result.output
    assert (tmp_path / "ws" / "out" / "BaoCao_2024_bao-cao-mau.pdf").is_file()
