"""Read a report file: YAML front matter, then the body in Markdown (``load.body``).

The result keeps, for every block and every reference or footnote marker, its line
and column in the file, so that a problem found later can point at it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from ..errors import DataError, Problem
from ..files import resolved
from ..model.report import ReportSettings
from ..xmlchars import UNREADABLE_RAW_CHARS, refusal
from .body import BodyBlock, Inline, NoteDefinition, parse_body
from .text import read_text
from .yaml_careful import Parsed, parse_yaml
from .year_file import validation_problems

__all__ = [
    "FRONT_MATTER_FENCE",
    "REPORT_ID",
    "BodyBlock",
    "Inline",
    "Markers",
    "NoteDefinition",
    "Prose",
    "ReportSource",
    "parse_body",
    "read_report",
]

REPORT_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
FRONT_MATTER_FENCE = "---"


@dataclass(frozen=True)
class Prose:
    """The inlines of a block or a footnote, with the lines of the file they come from:
    from ``column`` of ``line`` (after a footnote's ``[^label]:``) to ``end_line``."""

    inlines: list[Inline]
    line: int
    end_line: int
    column: int = 1


class Markers:
    """Where each ``[[`` and ``[^`` of some prose stands in the file, handed out left to
    right: text read back from Markdown loses its columns, so a marker found in it takes
    the next place of its kind. Building and handing out are linear in the prose."""

    KINDS = {"[[": re.compile(r"\[\["), "[^": re.compile(r"\[\^")}

    def __init__(self, lines: list[str], prose: Prose) -> None:
        self.places: dict[str, list[tuple[int, int]]] = {kind: [] for kind in self.KINDS}
        last = min(max(prose.line, prose.end_line), len(lines))
        for index in range(prose.line - 1, last):
            start = prose.column - 1 if index == prose.line - 1 else 0
            for kind, pattern in self.KINDS.items():
                for found in pattern.finditer(lines[index], start):
                    self.places[kind].append((index + 1, found.start() + 1))
        self.next = dict.fromkeys(self.KINDS, 0)

    def skip_past(self, line: int, column: int) -> None:
        """Forget the places up to ``column`` of ``line`` (a reference's own brackets)."""
        for kind, places in self.places.items():
            index = self.next[kind]
            while index < len(places) and places[index] <= (line, column):
                index += 1
            self.next[kind] = index

    def take(self, kind: str) -> tuple[int, int] | None:
        """The place of the next ``kind`` marker (``[[`` or ``[^``), if any is left."""
        index = self.next[kind]
        if index >= len(self.places[kind]):
            return None
        self.next[kind] = index + 1
        return self.places[kind][index]


@dataclass
class ReportSource:
    """A report file as written: settings, body blocks and footnote definitions."""

    path: str
    id: str
    settings: ReportSettings
    front: Parsed
    blocks: list[BodyBlock] = field(default_factory=list)
    notes: dict[str, NoteDefinition] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list, repr=False)
    addressee_line: int | None = None
    """The line of a "Kính gửi" typed as the body's first paragraph (read as ``to``)."""

    def locate(self, text: str, from_line: int) -> tuple[int, int]:
        """Line and column of ``text`` at or after ``from_line`` (1-based), else that line."""
        for index in range(max(from_line - 1, 0), len(self.lines)):
            found = self.lines[index].find(text)
            if found >= 0:
                return index + 1, found + 1
        return from_line, 1

    def inlines(self) -> Iterator[list[Inline]]:
        """The inlines of every body block, then of every footnote: all the prose."""
        for block in self.blocks:
            yield from block.all_inlines()
        for note in self.notes.values():
            yield note.inlines

    def prose(self) -> Iterator[Prose]:
        """``inlines()`` with the lines each comes from (a footnote after its label, a
        table's cell from where it starts)."""
        for block in self.blocks:
            yield Prose(block.inlines, block.line, block.end_line or block.line)
            for row, places in zip(block.rows, block.cell_places, strict=True):
                for cell, (line, column) in zip(row, places, strict=True):
                    yield Prose(cell, line, line, column)
        for label, note in self.notes.items():
            first = self.lines[note.line - 1] if 0 < note.line <= len(self.lines) else ""
            column = first.find(f"[^{label}]:") + len(label) + 5
            yield Prose(note.inlines, note.line, note.end_line or note.line, max(column, 1))

    @property
    def year(self) -> int:
        assert self.settings.year is not None
        return self.settings.year


def read_report(path: Path, report_id: str | None = None) -> ReportSource:
    """Read and check the form of a report file; ``DataError`` with every problem."""
    text = read_text(path)
    if "\r" in text:  # a line break to markdown-it and YAML, whether CR LF or CR alone
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    name = str(path)
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        raise DataError(
            [Problem(name, 1, 1, "tệp báo cáo phải bắt đầu bằng phần khai báo giữa hai dòng '---'")]
        )
    closing = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if closing is None:
        raise DataError([Problem(name, 1, 1, "thiếu dòng '---' kết thúc phần khai báo")])
    # The fence lines become blank so YAML positions are the file's own lines.
    front_text = "\n".join(["", *lines[1:closing]])
    front = parse_yaml(front_text, name)
    problems: list[Problem] = []
    if not isinstance(front.data, dict):
        raise DataError([Problem(name, 2, 1, "phần khai báo phải là một bảng khóa: giá trị")])
    data = dict(front.data)
    folder = resolved(path).parent.name
    if data.get("year") is None and folder.isdigit():
        data["year"] = int(folder)
    try:
        settings = ReportSettings.model_validate(data)
    except ValidationError as exc:
        problems += validation_problems(exc, front, ReportSettings)
        settings = None
    stem = report_id or path.stem
    if not REPORT_ID.match(stem):
        problems.append(
            Problem(
                name,
                None,
                None,
                f"tên tệp báo cáo '{path.name}' chỉ được gồm chữ thường không dấu, số và dấu '-' "
                "(ví dụ chuyen-doi-so.md): tên này đặt tên cho các tệp Word",
            )
        )
    if settings is not None and settings.year is None:
        problems.append(
            Problem(name, 2, 1, "thiếu 'year' (hoặc đặt tệp trong thư mục mang tên năm)")
        )
    problems += _unreadable(lines, closing + 1, name)
    blocks: list[BodyBlock] = []
    notes: dict[str, NoteDefinition] = {}
    if not problems:
        blocks, notes, body_problems = parse_body(lines, closing + 1, name)
        problems += body_problems
    addressee_line = None
    if settings is not None and not problems:
        first_line = blocks[0].line if blocks else None
        settings, rest, problem = _addressee_from_body(settings, blocks, name)
        problems += [problem] if problem else []
        addressee_line = first_line if len(rest) < len(blocks) else None
        blocks = rest
    if problems or settings is None:
        raise DataError(sorted(problems, key=lambda p: (p.line or 0, p.column or 0)))
    return ReportSource(name, stem, settings, front, blocks, notes, lines, addressee_line)


ADDRESSEE = re.compile(r"^\s*kính gửi\s*:?\s*", re.IGNORECASE)


def _addressee_from_body(
    settings: ReportSettings, blocks: list[BodyBlock], path: str
) -> tuple[ReportSettings, list[BodyBlock], Problem | None]:
    """A first paragraph "Kính gửi: …" (or "Kính gửi:" and a list under it) is the
    document's addressee, printed where the decree places it, not as body text."""
    first = blocks[0] if blocks else None
    if (
        first is None
        or first.kind != "paragraph"
        or any(i.kind in ("ref", "note") for i in first.inlines)
    ):
        return settings, blocks, None
    text = "".join("\n" if i.kind == "break" else i.text for i in first.inlines)
    found = ADDRESSEE.match(text)
    if not found:
        return settings, blocks, None
    names = [line for line in text[found.end() :].split("\n") if line.strip()]
    used = 1
    listed = not names
    while listed and used < len(blocks) and blocks[used].kind == "bullet":
        item = blocks[used]
        if item.level != 1 or any(i.kind in ("ref", "note") for i in item.inlines):
            break
        names.append("".join(i.text for i in item.inlines if i.kind == "text"))
        used += 1
    names = [n.strip() for line in names for n in line.split(";")]
    names = [n.lstrip("-").strip().rstrip(";.").strip() for n in names]
    names = [n for n in names if n]
    if not names:
        return settings, blocks, None
    if settings.document.to is not None:
        message = "“Kính gửi” có ở cả phần khai báo ('document.to') và đầu nội dung: giữ một chỗ"
        return settings, blocks, Problem(path, first.line, 1, message)
    document = settings.document.model_copy(update={"to": names})
    return settings.model_copy(update={"document": document}), blocks[used:], None


def _unreadable(lines: list[str], first: int, path: str) -> list[Problem]:
    """Characters a Word file cannot hold, typed in the body: refused where they are."""
    problems = []
    for index in range(first, len(lines)):
        for match in UNREADABLE_RAW_CHARS.finditer(lines[index]):
            problems.append(Problem(path, index + 1, match.start() + 1, refusal(match.group())))
    return problems
