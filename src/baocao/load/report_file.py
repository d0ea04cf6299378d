"""Read a report file: YAML front matter, then the body in Markdown.

The body is parsed by markdown-it (CommonMark, raw HTML off) with the footnote
plugin; ``[[…]]`` references are read by a rule of our own before emphasis, so an
id with underscores is never taken for italics. The result keeps, for every block
and every reference or footnote marker, its line and column in the file, so that
a problem found later can point at it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from ..errors import DataError, Problem
from ..model.report import ReportSettings
from ..xmlchars import UNREADABLE_RAW_CHARS, refusal
from .text import read_text
from .yaml_careful import Parsed, parse_yaml
from .year_file import validation_problems

REPORT_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
DUPLICATE = "\x00duplicate"
"""The label being read is a second definition of a footnote, reported once."""
FRONT_MATTER_FENCE = "---"

InlineKind = Literal["text", "ref", "note", "break"]
BlockKind = Literal["heading", "paragraph", "bullet", "ordered", "table"]


@dataclass(frozen=True)
class Inline:
    """A piece of a line: text, a ``[[reference]]``, a ``[^note]`` marker or a line break."""

    kind: InlineKind
    text: str
    bold: bool = False
    italic: bool = False
    line: int = 0
    column: int = 0


@dataclass
class BodyBlock:
    """A heading (``level`` 1…), a paragraph, a list item (``level`` = nesting), or a
    table (``rows`` of cells, the header row first; a cell's ``<br>`` is a line break)."""

    kind: BlockKind
    inlines: list[Inline]
    line: int
    level: int = 1
    marker: str = ""
    rows: list[list[list[Inline]]] = field(default_factory=list)

    def all_inlines(self) -> Iterator[list[Inline]]:
        """The block's own inlines, then those of each of its cells."""
        yield self.inlines
        for row in self.rows:
            yield from row


@dataclass
class NoteDefinition:
    inlines: list[Inline]
    line: int


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

    @property
    def year(self) -> int:
        assert self.settings.year is not None
        return self.settings.year


def _markdown() -> Any:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    md = MarkdownIt("commonmark", {"html": False}).use(footnote_plugin).enable("table")
    md.disable(["html_block", "html_inline", "image", "code", "fence"])
    md.core.ruler.disable("footnote_tail")  # keeps definitions no marker in the body uses
    md.inline.ruler.before("link", "baocao_reference", _reference_rule)
    md.inline.ruler.before("link", "baocao_break", _break_rule)
    return md


BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
"""``<br>`` typed as such: a line break, the one way to break a line in a table's cell
(``\\<br>`` is text)."""


def _break_rule(state: Any, silent: bool) -> bool:
    found = BREAK_TAG.match(state.src, state.pos)
    if found is None:
        return False
    if not silent:
        state.push("hardbreak", "br", 0)
    state.pos = found.end()
    return True


def _reference_rule(state: Any, silent: bool) -> bool:
    """``[[…]]`` on one line becomes one token, whatever it holds (checked later)."""
    start = state.pos
    if not state.src.startswith("[[", start):
        return False
    end = state.src.find("]]", start + 2)
    newline = state.src.find("\n", start + 2)
    nested = state.src.find("[[", start + 2)
    if end < 0 or (0 <= newline < end) or (0 <= nested < end):
        return False
    if not silent:
        token = state.push("baocao_reference", "", 0)
        token.content = state.src[start + 2 : end]
    state.pos = end + 2
    return True


def read_report(path: Path, report_id: str | None = None) -> ReportSource:
    """Read and check the form of a report file; ``DataError`` with every problem."""
    text = read_text(path)
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
    folder = path.resolve().parent.name
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


def parse_body(
    lines: list[str], first: int, path: str
) -> tuple[list[BodyBlock], dict[str, NoteDefinition], list[Problem]]:
    """Blocks and footnote definitions of the Markdown after the front matter.

    ``first`` is the index of the body's first line in ``lines`` (0-based)."""
    parser = _BodyParser(lines, first, path)
    for token in _markdown().parse("\n".join(lines[first:])):
        parser.take(token)
    return parser.blocks, parser.notes, parser.problems


class _BodyParser:
    """Markdown-it's tokens, one by one, into blocks and footnote definitions."""

    def __init__(self, lines: list[str], first: int, path: str):
        self.lines, self.first, self.path = lines, first, path
        self.problems: list[Problem] = []
        self.blocks: list[BodyBlock] = []
        self.notes: dict[str, NoteDefinition] = {}
        self.lists: list[tuple[str, str]] = []
        self.item_numbers: list[str] = []
        self.note_label: str | None = None
        self.pending: tuple[BlockKind, int, str] | None = None
        self.table: BodyBlock | None = None

    def line_of(self, token: Any) -> int:
        return self.first + (token.map[0] if token.map else 0) + 1

    def take(self, token: Any) -> None:
        kind = token.type
        if self.table is not None:
            self._table_token(token)
        elif kind == "heading_open":
            self.pending = ("heading", int(token.tag[1:]), token.markup)
        elif kind in ("bullet_list_open", "ordered_list_open"):
            list_kind = "bullet" if kind == "bullet_list_open" else "ordered"
            self.lists.append((list_kind, token.markup))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
        elif kind == "list_item_open":
            self.item_numbers.append(token.info or "")
        elif kind == "list_item_close":
            self.item_numbers.pop()
        elif kind == "footnote_reference_open":
            self._note_opens(token)
        elif kind == "footnote_reference_close":
            self.note_label = None
        elif kind == "paragraph_open" and self.pending is None:
            if self.lists:
                list_kind, markup = self.lists[-1]
                number = self.item_numbers[-1]
                marker = markup if list_kind == "bullet" else f"{number}{markup}"
                self.pending = (list_kind, len(self.lists), marker)  # type: ignore[assignment]
            else:
                self.pending = ("paragraph", 1, "")
        elif kind == "inline":
            self._inline(token)
        elif kind == "table_open":
            self.table = BodyBlock("table", [], self.line_of(token))
            self._check_row_widths(token)
        elif kind in ("hr", "blockquote_open"):
            what = {"hr": "đường kẻ ngang", "blockquote_open": "trích dẫn '>'"}[kind]
            self.problems.append(
                Problem(self.path, self.line_of(token), 1, f"không hỗ trợ {what} trong báo cáo")
            )

    def _note_opens(self, token: Any) -> None:
        self.note_label = token.meta["label"]
        if self.note_label in self.notes:
            line = self.line_of(token)
            message = (
                f"chú thích '[^{self.note_label}]' có hai lần nội dung (dòng "
                f"{self.notes[self.note_label].line} và dòng {line}): giữ một"
            )
            self.problems.append(Problem(self.path, line, 1, message))
            self.note_label = DUPLICATE

    def _inlines_of(self, token: Any) -> tuple[list[Inline], int]:
        line = self.line_of(token)
        source = self.lines[line - 1 : self.first + (token.map[1] if token.map else 0)]
        return _inlines(token.children or [], source, line, self.path, self.problems), line

    def _inline(self, token: Any) -> None:
        inlines, line = self._inlines_of(token)
        label = self.note_label
        if label is DUPLICATE:
            pass
        elif label is not None:
            if label in self.notes:
                self.notes[label].inlines += [Inline("break", "\n"), *inlines]
            else:
                self.notes[label] = NoteDefinition(inlines, line)
        elif self.pending is not None:
            block_kind, level, marker = self.pending
            self.blocks.append(BodyBlock(block_kind, inlines, line, level, marker))
        self.pending = None

    def _table_token(self, token: Any) -> None:
        assert self.table is not None
        if token.type == "tr_open":
            self.table.rows.append([])
        elif token.type == "inline":
            self.table.rows[-1].append(self._inlines_of(token)[0])
        elif token.type == "table_close":
            self.blocks.append(self.table)
            self.table = None

    def _check_row_widths(self, token: Any) -> None:
        """Markdown drops the cells of a row beyond the header's: text lost, refused."""
        start, stop = token.map or (0, 0)
        rows = self.lines[self.first + start : self.first + stop]
        width = _cell_count(rows[0]) if rows else 0
        for offset, row in enumerate(rows[2:], start=2):
            count = _cell_count(row)
            if count > width:
                self.problems.append(
                    Problem(
                        self.path,
                        self.first + start + offset + 1,
                        1,
                        f"dòng bảng có {count} ô, hàng tiêu đề có {width} ô: ô thừa không "
                        "được in; thêm cột ở hàng tiêu đề (và hàng | --- |) hoặc bỏ ô thừa",
                    )
                )


UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def _cell_count(row: str) -> int:
    """Cells of a Markdown table row: its unescaped ``|``, the outer ones left out."""
    text = row.strip()
    pipes = len(UNESCAPED_PIPE.findall(text))
    cells = pipes + 1
    if text.startswith("|"):
        cells -= 1
    if text.endswith("|") and not text.endswith("\\|") and len(text) > 1:
        cells -= 1
    return cells


def _inlines(
    children: list[Any], source: list[str], line: int, path: str, problems: list[Problem]
) -> list[Inline]:
    """The inline tokens of one block, each reference and marker with its position."""
    out: list[Inline] = []
    bold = italic = False
    cursor = _Cursor(source, line)
    for child in children:
        kind = child.type
        if kind == "text" or kind == "code_inline":
            out.append(Inline("text", child.content, bold, italic, line))
        elif kind == "softbreak":
            out.append(Inline("text", " ", bold, italic))
        elif kind == "hardbreak":
            out.append(Inline("break", "\n"))
        elif kind in ("strong_open", "strong_close"):
            bold = kind == "strong_open"
        elif kind in ("em_open", "em_close"):
            italic = kind == "em_open"
        elif kind == "baocao_reference":
            at_line, column = cursor.find(f"[[{child.content}]]")
            out.append(Inline("ref", child.content, bold, italic, at_line, column))
        elif kind == "footnote_ref":
            label = child.meta["label"]
            at_line, column = cursor.find(f"[^{label}]")
            out.append(Inline("note", label, bold, italic, at_line, column))
        elif kind in ("link_open", "link_close"):
            continue
        else:
            problems.append(Problem(path, line, 1, f"không hỗ trợ '{child.markup or kind}'"))
    return out


class _Cursor:
    """Finds successive pieces of a block in its source lines, left to right."""

    def __init__(self, lines: list[str], first_line: int):
        self.lines = lines
        self.first_line = first_line
        self.row = 0
        self.column = 0

    def find(self, needle: str) -> tuple[int, int]:
        for row in range(self.row, len(self.lines)):
            start = self.column if row == self.row else 0
            found = self.lines[row].find(needle, start)
            if found >= 0:
                self.row, self.column = row, found + len(needle)
                return self.first_line + row, found + 1
        return self.first_line, 1
