"""Shared test helpers: build input files next to assertions, read documents back,
copy the repository's own workspace without what a user's trial left in it."""

from __future__ import annotations

import functools
import shutil
import subprocess
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
WORKSPACE_FOLDERS = ("data", "reports", "templates", "examples", "schema")
"""The folders of the repository's own workspace that tests read."""


@functools.cache
def tracked_files(root: Path = ROOT) -> frozenset[Path] | None:
    """The checkout's files under version control; ``None`` when ``root`` is not a git
    checkout (an unpacked source archive: then every file counts)."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z"], cwd=root, capture_output=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    return frozenset(root / name for name in listed.decode("utf-8").split("\0") if name)


def shipped(pattern: str) -> list[Path]:
    """The repository's files matching ``pattern`` (a glob from its root), leaving out
    what is not part of it: the year, reports and files that trying the README's
    commands in the checkout leaves behind (``data/2025.yaml``, ``reports/2025/``…)."""
    files = tracked_files()
    return [p for p in sorted(ROOT.glob(pattern)) if p.is_file() and (files is None or p in files)]


def clean_copy(target: Path, folders: tuple[str, ...] = WORKSPACE_FOLDERS) -> Path:
    """The repository's own ``folders`` copied under ``target``, as a fresh checkout has
    them; ``target`` returned."""
    for folder in folders:
        for path in shipped(f"{folder}/**/*"):
            copy = target / path.relative_to(ROOT)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, copy)
    return target


CODE_FOLDERS = ("src", "tests")
"""Where a developer's new files count before ``git add``: a build ships all of src/."""


def repository_copy(target: Path) -> Path:
    """The repository's files (those under version control, as they are in the working
    tree, and the code not yet added in src/ and tests/) copied to ``target`` and added
    to a git index of its own, so the copy tells its own files from what is made in it
    afterwards; skipped without git."""
    import pytest

    files = tracked_files()
    if files is None or shutil.which("git") is None:
        pytest.skip("needs a git checkout and git")
    new = subprocess.run(
        ["git", "ls-files", "-z", "--others", "--exclude-standard", *CODE_FOLDERS],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    for path in sorted(files | {ROOT / name for name in new.split("\0") if name}):
        if path.is_file():
            copy = target / path.relative_to(ROOT)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, copy)
    for command in (["git", "init", "-q"], ["git", "add", "-A"]):
        subprocess.run(command, cwd=target, check=True, capture_output=True)
    return target


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


LIBREOFFICE_ALLOWED = "BAOCAO_TEST_MARKED_LIBREOFFICE"
"""Set by conftest.py while a test marked ``libreoffice`` runs."""


def libreoffice(*needed: str, tools: tuple[str, ...] = ()) -> str:
    """LibreOffice's ``soffice`` for a test marked ``libreoffice``, which is skipped, with
    the reason, when LibreOffice, a component of it ("Writer", "Calc") or one of the
    command-line ``tools`` (pdfinfo, pdftotext) is missing. A test that is not marked
    fails here: ``python -m pytest -m "not libreoffice"`` must leave out every test that
    runs LibreOffice."""
    import os

    import pytest

    from baocao.commands.machine import components
    from baocao.commands.pdf import find_soffice

    if os.environ.get(LIBREOFFICE_ALLOWED) != "1":
        pytest.fail("this test runs LibreOffice: mark it @pytest.mark.libreoffice")
    soffice = find_soffice()
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    found = components(soffice) or {}
    for component in needed:
        if not found.get(component, True):
            package = f"libreoffice-{component.lower()}-nogui"
            pytest.skip(f"LibreOffice {component} is not installed (Debian: {package})")
    for tool in tools:
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (Debian: poppler-utils)")
    return soffice


def converts_to_pdf(path: Path, tmp_path: Path) -> None:
    """LibreOffice (Calc for a spreadsheet, Writer otherwise) opens ``path`` and prints
    it to a PDF; see ``libreoffice`` for when it is skipped."""
    soffice = libreoffice("Calc" if path.suffix == ".xlsx" else "Writer")
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


def rolled_over_with_form(root: Path) -> Path:
    """The example workspace at ``root`` (the working directory) rolled over to 2025,
    with a blank form of 2025 in ``blank.xlsx``."""
    from typer.testing import CliRunner

    from baocao.cli import app

    shutil.copytree(EXAMPLES / "data", root / "data")
    shutil.copytree(EXAMPLES / "reports", root / "reports")
    runner = CliRunner()
    assert runner.invoke(app, ["new", "2025"]).exit_code == 0
    result = runner.invoke(app, ["form", "2025", "--output", "blank.xlsx"])
    assert result.exit_code == 0, result.output
    return root
