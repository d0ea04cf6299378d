"""Shared test helpers: build input files next to assertions, read documents back."""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def build_file_tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def _paragraph_text(element) -> str:
    """Text of a paragraph with footnote references shown as [^n]."""
    parts = []
    for node in element.iter(f"{W}t", f"{W}footnoteReference", f"{W}tab", f"{W}br"):
        if node.tag == f"{W}t":
            parts.append(node.text or "")
        elif node.tag == f"{W}footnoteReference":
            parts.append(f"[^{node.get(qn('w:id'))}]")
        elif node.tag == f"{W}tab":
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def body_lines(path: Path) -> list[str]:
    """The body in order: paragraphs, and table rows as ``| cell | cell |``."""
    document = Document(str(path))
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == f"{W}p":
            text = _paragraph_text(child)
            if text.strip():
                lines.append(text)
        elif child.tag == f"{W}tbl":
            for row in child.iter(f"{W}tr"):
                cells = []
                for cell in row.iter(f"{W}tc"):
                    texts = [_paragraph_text(p) for p in cell.iter(f"{W}p")]
                    cells.append(" / ".join(t for t in texts if t.strip()))
                lines.append("| " + " | ".join(cells) + " |")
    return lines


def footnotes(path: Path) -> list[tuple[int, str]]:
    with zipfile.ZipFile(path) as package:
        if "word/footnotes.xml" not in package.namelist():
            return []
        root = etree.fromstring(package.read("word/footnotes.xml"))
    notes = []
    for note in root.iter(f"{W}footnote"):
        number = int(note.get(f"{W}id"))
        if number > 0:
            text = "".join(t.text or "" for t in note.iter(f"{W}t")).strip()
            notes.append((number, text))
    return notes


def header_texts(path: Path) -> list[str]:
    document = Document(str(path))
    texts = []
    for section in document.sections:
        for header in (section.first_page_header, section.header):
            texts.append(" ".join(p.text for p in header.paragraphs).strip())
    return texts


def golden_text(path: Path) -> str:
    """What golden files hold: body, headers and footnotes, NFC-normalised."""
    lines = ["# body", *body_lines(path), "# headers", *header_texts(path), "# footnotes"]
    lines += [f"[^{n}] {text}" for n, text in footnotes(path)]
    return unicodedata.normalize("NFC", "\n".join(lines) + "\n")


ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "templates"
EXAMPLES = ROOT / "examples"
EXAMPLE_DATA = EXAMPLES / "data" / "2024.yaml"
EXAMPLE_REPORT = EXAMPLES / "reports" / "2024" / "bao-cao-mau.md"
EXAMPLE_ID = "bao-cao-mau"


def _edited(path: Path, edits: tuple[tuple[str, str], ...]) -> str:
    text = path.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def example_workspace(
    root: Path,
    data: tuple[tuple[str, str], ...] = (),
    report: tuple[tuple[str, str], ...] = (),
) -> Path:
    """The example workspace (data/2024.yaml, reports/2024/bao-cao-mau.md) copied under
    ``root``, each ``(old, new)`` replaced once in the data file or the report."""
    build_file_tree(
        root,
        {
            "data/2024.yaml": _edited(EXAMPLE_DATA, data),
            f"reports/2024/{EXAMPLE_ID}.md": _edited(EXAMPLE_REPORT, report),
        },
    )
    return root


def workspace_at(root: Path, **folders: Path):
    from baocao.workspace import Workspace

    return Workspace(root=root, data=root / "data", reports=root / "reports", **folders)


def render_example(root: Path, out: Path, templates: Path = TEMPLATES, draft: bool = False):
    """Render the example report of the workspace at ``root`` into ``out``."""
    from baocao.commands.render import render_report

    report = root / "reports" / "2024" / f"{EXAMPLE_ID}.md"
    return render_report(report, templates, out, draft=draft, workspace=workspace_at(root))


def converts_to_pdf(path: Path, tmp_path: Path) -> None:
    """LibreOffice opens ``path`` and prints it to a PDF (skipped without LibreOffice)."""
    import subprocess

    import pytest

    from baocao.commands.pdf import find_soffice

    soffice = find_soffice()
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    subprocess.run(
        [
            str(soffice),
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    assert (tmp_path / "pdf" / f"{path.stem}.pdf").stat().st_size > 1000
