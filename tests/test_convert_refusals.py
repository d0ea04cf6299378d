"""``baocao convert`` given a file it must not read: not a .docx, an old .doc or an
encrypted .docx, a renamed Excel file, a zip bomb, a part that lies about its size, a
DTD with entities; or a report that already exists. Each ends in one Vietnamese line
naming the file, exit code 1, and nothing is written: the workspace is as it was."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from baocao.cli import app

from .hardening import declare_size, peak_memory, rezip
from .helpers import TEMPLATES, clean_copy
from .test_hardening_issue27_files import DTD_REFUSED, LAUGHS, ZIP_BOMB, external_entity, with_dtd

runner = CliRunner()
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MOST_MEMORY = 128 * 2**20
DOCUMENT = "word/document.xml"


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    root = clean_copy(tmp_path / "ws", ("data", "reports"))
    monkeypatch.chdir(root)
    return root


def source_docx(tmp_path: Path) -> Path:
    """A real .docx to spoil: the shipped template of a report."""
    return TEMPLATES / "BaoCao.docx"


def hostile(kind: str, tmp_path: Path) -> tuple[Path, str]:
    """A file named ``kind``.docx, and the line convert must print for it."""
    target = tmp_path / "vao" / f"{kind}.docx"
    target.parent.mkdir(parents=True, exist_ok=True)
    name = target.name
    resave = "mở bằng Word rồi lưu lại dạng .docx (Tệp › Lưu Như (File › Save As))"
    broken = f"{name}: tệp Word .docx bị hỏng (tệp nén zip bên trong không đọc được): {resave}"
    if kind == "text":
        target.write_text("Báo cáo số 12/BC-UBND\n", encoding="utf-8")
        return target, (
            f"{name}: không phải tệp Word .docx (có thể là tệp chữ hay tệp khác đổi đuôi): {resave}"
        )
    if kind == "html":
        target.write_text("\ufeff<html><body>Báo cáo</body></html>", encoding="utf-8")
        return target, f"{name}: đây là trang web (HTML, XML) đặt tên như tệp Word, không phải"
    if kind == "empty":
        target.write_bytes(b"")
        return target, f"{name}: tệp trống (0 byte), không phải tệp Word .docx"
    if kind in ("old_doc", "encrypted"):
        package = "EncryptedPackage".encode("utf-16-le") if kind == "encrypted" else b""
        target.write_bytes(OLE + bytes(4096) + package)
        return target, (
            f"{name}: đây là tệp Word 97–2003 (.doc) hoặc tệp đặt mật khẩu, không phải .docx: "
            "mở bằng Word, bỏ mật khẩu nếu có, rồi lưu lại dạng .docx"
        )
    if kind == "pdf":
        target.write_bytes(b"%PDF-1.7\n")
        return target, f"{name}: đây là tệp PDF, không phải tệp Word .docx"
    if kind == "rtf":
        target.write_bytes(b"\xef\xbb\xbf {\\rtf1\\ansi B\\'e1o c\\'e1o}")
        return target, f"{name}: đây là tệp RTF, không phải .docx"
    if kind == "broken_zip":
        target.write_bytes(source_docx(tmp_path).read_bytes()[:3000])
        return target, broken
    if kind == "excel":
        with zipfile.ZipFile(target, "w") as package:
            package.writestr("xl/workbook.xml", "<workbook/>")
        return target, f"{name}: tệp nén này không phải văn bản Word (không có {DOCUMENT})"
    source = source_docx(tmp_path)
    if kind == "zip_bomb":
        rezip(source, target, {"word/media/image1.png": 50})
        return target, f"{name} (word/media/image1.png): phần này nén chặt bất thường ("
    if kind == "size_that_lies":
        rezip(source, target, {DOCUMENT: 300})
        declare_size(target, DOCUMENT, 1000)
        return target, (
            f"{name} ({DOCUMENT}): phần này giải nén ra nhiều hơn kích thước khai báo "
            f"(1.000 byte); {ZIP_BOMB}"
        )
    with zipfile.ZipFile(source) as package:
        original = package.read(DOCUMENT)
    dtd, entity = external_entity(tmp_path) if kind == "external_entity" else (LAUGHS, "lol9")
    use = f"<w:p><w:r><w:t>&{entity};</w:t></w:r></w:p>".encode()
    rezip(source, target, {DOCUMENT: with_dtd(original, dtd, b"<w:document", b"<w:body>", use)})
    return target, f"{name} ({DOCUMENT}): {DTD_REFUSED}"


KINDS = [
    "text",
    "empty",
    "html",
    "old_doc",
    "encrypted",
    "pdf",
    "rtf",
    "broken_zip",
    "excel",
    "zip_bomb",
    "size_that_lies",
    "billion_laughs",
    "external_entity",
]


@pytest.mark.parametrize("kind", KINDS)
def test_a_file_convert_must_not_read_is_named_in_one_line_and_nothing_is_written(
    workspace, tmp_path, kind
):
    path, line = hostile(kind, tmp_path)
    before = snapshot(workspace)
    result, peak = peak_memory(lambda: runner.invoke(app, ["convert", str(path)]))
    output = " ".join(result.output.split())
    assert result.exit_code == 1, result.output
    assert line in output, output
    assert output.count(path.name) == 1, output
    assert "lỗi không mong đợi" not in output and "BI-MAT" not in output
    assert "Traceback" not in result.output
    assert snapshot(workspace) == before
    assert peak < MOST_MEMORY


def test_a_missing_file_is_named(workspace, tmp_path):
    result = runner.invoke(app, ["convert", str(tmp_path / "khong-co.docx")])
    output = " ".join(result.output.split())
    assert result.exit_code != 0
    assert "khong-co.docx" in output and "lỗi không mong đợi" not in output
