"""Helpers of the hardening tests: year files with chosen text, edited templates."""

from __future__ import annotations

import io
import shutil
import struct
import tracemalloc
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import yaml

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "data" / "2024.yaml"
EXAMPLE_REPORT = ROOT / "examples" / "reports" / "2024" / "bao-cao-mau.md"
TEMPLATES = ROOT / "templates"


def example_data() -> dict:
    return yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


def example_report() -> tuple[dict, str]:
    """The example report's front matter (as data) and Markdown body."""
    text = EXAMPLE_REPORT.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def write_report(root: Path, front: dict, body: str, name: str = "bao-cao-mau") -> Path:
    """A report file ``reports/2024/<name>.md`` under ``root``."""
    folder = root / "reports" / "2024"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.md"
    matter = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=10**6)
    path.write_text(f"---\n{matter}---\n{body}", encoding="utf-8")
    return path


def write_year(folder: Path, data: dict, name: str = "2024.yaml") -> Path:
    """``data`` as a YAML year file (strings double-quoted where they need escapes)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6)
    path.write_text(text, encoding="utf-8")
    return path


def rewrite_docx(source: Path, target: Path, edit: dict[str, callable]) -> Path:
    """Copy ``source`` to ``target`` changing the named parts with ``edit[name](text)``."""
    with zipfile.ZipFile(source) as package:
        members = [(info, package.read(info)) for info in package.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in members:
            if info.filename in edit:
                data = edit[info.filename](data.decode("utf-8")).encode("utf-8")
            out.writestr(info, data)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(buffer.getvalue())
    return target


def paragraph(text: str) -> str:
    """A template paragraph holding ``text`` (a Jinja tag, typically), XML-escaped."""
    return f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def templates_with(folder: Path, body: str = "", header: str = "") -> Path:
    """A copy of the shipped templates whose BÁO CÁO starts with the ``body`` XML and
    whose page header (from page 2) ends with the ``header`` XML."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(TEMPLATES / "PhuLuc.docx", folder / "PhuLuc.docx")
    edits = {}
    if body:
        edits["word/document.xml"] = lambda xml: xml.replace("<w:body>", "<w:body>" + body, 1)
    if header:
        edits["word/header2.xml"] = lambda xml: xml.replace("</w:hdr>", header + "</w:hdr>", 1)
    rewrite_docx(TEMPLATES / "BaoCao.docx", folder / "BaoCao.docx", edits)
    return folder


MiB = 2**20


def rezip(source: Path, target: Path, members: dict[str, object]) -> Path:
    """A copy of the zip ``source`` at ``target`` with ``members`` replaced or added:
    bytes, or a number of MiB of zeros written in small steps (the test stays light)."""
    with zipfile.ZipFile(source) as package:
        kept = {
            i.filename: package.read(i) for i in package.infolist() if i.filename not in members
        }
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in kept.items():
            out.writestr(name, data)
        for name, content in members.items():
            if isinstance(content, bytes):
                out.writestr(name, content)
                continue
            with out.open(name, "w") as part:
                for _ in range(int(content)):  # type: ignore[call-overload]
                    part.write(bytes(MiB))
    return target


def declare_size(path: Path, member: str, size: int) -> None:
    """Make the zip's directory declare ``size`` bytes for ``member`` (as a forged
    file would)."""
    data = bytearray(path.read_bytes())
    entry = data.find(b"PK\x01\x02")
    name = member.encode()
    while entry >= 0:
        length = struct.unpack_from("<H", data, entry + 28)[0]
        if data[entry + 46 : entry + 46 + length] == name:
            struct.pack_into("<L", data, entry + 24, size)
            break
        entry = data.find(b"PK\x01\x02", entry + 4)
    else:
        raise AssertionError(member)
    path.write_bytes(bytes(data))


def peak_memory(run):
    """What ``run()`` returns, and the most memory Python held while it ran."""
    tracemalloc.start()
    try:
        result = run()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def dead_pid() -> int:
    """The id of a process that has ended (a run killed before it cleaned up)."""
    import subprocess
    import sys

    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def temporary_name(prefix: str, pid: int, host: str | None = None) -> str:
    """A temporary's name as ``baocao.files`` gives it, owned by ``pid`` on ``host``."""
    from baocao.files import HOST

    return f"{prefix}p{pid}h{host or HOST}."
