"""Read Word documents back for the round-trip tests of ``baocao convert``: what a
reader sees (header fields, paragraphs with their level, footnotes, table rows), and
how much of one document another recovers, category by category.

Documents are read with ``kiemtra``'s reader and structure, the way ``baocao kiemtra``
sees any .docx; text is compared NFC-normalised, spaces as one.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from baocao.kiemtra.facts import DocumentFacts, Paragraph, Table
from baocao.kiemtra.reader import read
from baocao.kiemtra.structure import locate

CATEGORIES = ("header fields", "paragraphs", "headings", "footnotes", "table rows")
STYLE_LEVELS = {
    "BC Heading 1": "heading",
    "BC Heading 2": "heading",
    "BC Heading 3": "heading",
    "BC Heading 4": "heading",
    "BC Part Label": "part",
    "BC Part Title": "part",
    "BC Bullet": "bullet",
    "BC Bullet 2": "bullet2",
    "BC Appendix Heading": "appendix heading",
}


def text(value: str) -> str:
    return unicodedata.normalize("NFC", " ".join(value.replace("\u00a0", " ").split()))


@dataclass
class View:
    """What a reader sees in a document (or a document and its Phụ lục)."""

    header: dict[str, str] = field(default_factory=dict)
    paragraphs: list[tuple[str, str]] = field(default_factory=list)
    """``(level, text)``: level from the paragraph's style (``heading``, ``bullet``…)."""
    footnotes: list[str] = field(default_factory=list)
    rows: list[tuple[str, ...]] = field(default_factory=list)

    def headings(self) -> list[tuple[str, str]]:
        return [p for p in self.paragraphs if p[0] in ("heading", "part")]

    def __add__(self, other: View) -> View:
        return View(
            {**self.header, **other.header},
            self.paragraphs + other.paragraphs,
            self.footnotes + other.footnotes,
            self.rows + other.rows,
        )


def view(path: Path, level_of: dict[str, str] | None = None) -> View:
    """The view of the .docx at ``path``; ``level_of`` names levels by style name."""
    facts = read(path)
    structure = locate(facts)
    found = View(footnotes=_footnotes(facts))
    header, signature = structure.header, structure.signature
    skip: set[int] = set()
    if header is not None:
        skip.add(id(header.table))
        found.header.update(
            {
                "agency": " ".join(text(p.text) for p in header.agency_lines),
                "parent agency": " ".join(text(p.text) for p in header.parent),
                "number": text(header.number.text) if header.number else "",
                "place and date": text(header.date.text) if header.date else "",
                "letter summary": " ".join(text(p.text) for p in header.letter_summary),
            }
        )
        found.header["type"] = text(structure.type.text) if structure.type else ""
        found.header["summary"] = " ".join(text(p.text) for p in structure.summary)
        found.header["addressee"] = " ".join(text(p.text) for p in structure.addressee)
        used = [structure.type, *structure.summary, *structure.addressee]
        skip.update(id(p) for p in used if p is not None)
    if signature is not None:
        found.header["recipients"] = " ".join(text(p.text) for p in signature.recipients)
        found.header["authority"] = " / ".join(text(p.text) for p in signature.authority)
        found.header["signer"] = text(signature.signer.text) if signature.signer else ""
        skip.update(id(b) for b in facts.blocks if isinstance(b, Table) and b.label)
    levels = {**STYLE_LEVELS, **(level_of or {})}
    for block in facts.blocks:
        if id(block) in skip:
            continue
        if isinstance(block, Table):
            found.rows.extend(_rows(block))
        elif text(block.text):
            level = levels.get(block.style, "paragraph")
            found.paragraphs.append((level, _bullet_mark(level, text(block.text))))
    return found


def _bullet_mark(level: str, line: str) -> str:
    """A bullet's mark as the decree's practice writes it: ``–``, ``•`` typed by hand
    read as ``-`` (the list's mark, not its text)."""
    if level.startswith("bullet") and line[:2] in ("– ", "— ", "• "):
        return "- " + line[2:]
    return line


def _rows(table: Table) -> list[tuple[str, ...]]:
    rows = []
    for row in table.rows:
        cells = [" ".join(text(p.text) for p in cell.paragraphs if text(p.text)) for cell in row]
        rows.append(tuple(c for c in cells if c))
    return [r for r in rows if r]


def _footnotes(facts: DocumentFacts) -> list[str]:
    notes: dict[str, list[Paragraph]] = {}
    for paragraph in facts.footnotes:
        notes.setdefault(paragraph.note or "", []).append(paragraph)
    return [" ".join(text(p.text) for p in ps if text(p.text)) for ps in notes.values()]


def share(original: list, again: list) -> tuple[int, int]:
    """How many items of ``original`` ``again`` holds in the same order, of how many."""
    matcher = difflib.SequenceMatcher(None, original, again, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()), len(original)


def recovered(original: View, again: View) -> dict[str, tuple[int, int]]:
    """Per category: the items of ``original`` that ``again`` recovers, of how many."""
    fields = [k for k, v in original.header.items() if v]
    same = sum(1 for k in fields if again.header.get(k) == original.header[k])
    return {
        "header fields": (same, len(fields)),
        "paragraphs": share(original.paragraphs, again.paragraphs),
        "headings": share(original.headings(), again.headings()),
        "footnotes": share(original.footnotes, again.footnotes),
        "table rows": share(original.rows, again.rows),
    }


def percent(pair: tuple[int, int]) -> str:
    found, total = pair
    return "-" if total == 0 else f"{100 * found / total:.1f}% ({found}/{total})"
