"""The body of a report file, in Markdown, read into blocks and footnote definitions.

The body is parsed by markdown-it with the rules of ``load.markdown``. The result
keeps, for every block and every reference or footnote marker, its line and column in
the file, so that a problem found later can point at it; a table keeps its rows of
cells, with the column each cell starts at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from ..errors import Problem
from .markdown import markdown_parser

DUPLICATE = "\x00duplicate"
"""The label being read is a second definition of a footnote, reported once."""

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
    end_line: int = 0
    """The block's last line in the file (0: only ``line`` is known)."""
    rows: list[list[list[Inline]]] = field(default_factory=list)
    cell_places: list[list[tuple[int, int]]] = field(default_factory=list)
    """The line and column where each cell of ``rows`` starts."""

    def all_inlines(self) -> Iterator[list[Inline]]:
        """The block's own inlines, then those of each of its cells."""
        yield self.inlines
        for row in self.rows:
            yield from row


@dataclass
class NoteDefinition:
    inlines: list[Inline]
    line: int
    end_line: int = 0


def parse_body(
    lines: list[str], first: int, path: str
) -> tuple[list[BodyBlock], dict[str, NoteDefinition], list[Problem]]:
    """Blocks and footnote definitions of the Markdown after the front matter.

    ``first`` is the index of the body's first line in ``lines`` (0-based)."""
    parser = _BodyParser(lines, first, path)
    for token in markdown_parser().parse("\n".join(lines[first:])):
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
            line = self.line_of(token)
            self.table = BodyBlock("table", [], line, end_line=line)
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

    def _inlines_of(self, token: Any, column: int = 1) -> tuple[list[Inline], int, int]:
        """The inlines of ``token`` read from ``column`` of its first line; its first
        and last lines."""
        line = self.line_of(token)
        end = max(line, self.first + (token.map[1] if token.map else 0))
        source = self.lines[line - 1 : end]
        children = token.children or []
        inlines = _inlines(children, source, line, self.path, self.problems, column)
        return inlines, line, end

    def _inline(self, token: Any) -> None:
        inlines, line, end = self._inlines_of(token)
        label = self.note_label
        if label is DUPLICATE:
            pass
        elif label is not None:
            if label in self.notes:
                self.notes[label].inlines += [Inline("break", "\n"), *inlines]
                self.notes[label].end_line = end
            else:
                self.notes[label] = NoteDefinition(inlines, line, end)
        elif self.pending is not None:
            block_kind, level, marker = self.pending
            self.blocks.append(BodyBlock(block_kind, inlines, line, level, marker, end))
        self.pending = None

    def _table_token(self, token: Any) -> None:
        assert self.table is not None
        if token.type == "tr_open":
            self.table.rows.append([])
            self.table.cell_places.append([])
        elif token.type == "inline":
            line = self.line_of(token)
            raw = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
            column = _cell_column(raw, len(self.table.rows[-1]))
            inlines, line, end = self._inlines_of(token, column)
            self.table.rows[-1].append(inlines)
            self.table.cell_places[-1].append((line, column))
            self.table.end_line = end
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


def _cell_column(row: str, index: int) -> int:
    """The column (1-based) where cell ``index`` of a Markdown table row starts."""
    pipes = [found.start() for found in UNESCAPED_PIPE.finditer(row)]
    if row.lstrip().startswith("|"):
        index += 1
    if index == 0:
        return len(row) - len(row.lstrip()) + 1
    return pipes[index - 1] + 2 if index - 1 < len(pipes) else 1


def _inlines(
    children: list[Any],
    source: list[str],
    line: int,
    path: str,
    problems: list[Problem],
    column: int = 1,
) -> list[Inline]:
    """The inline tokens of one block (from ``column`` of its first line), each
    reference and marker with its position."""
    out: list[Inline] = []
    bold = italic = False
    cursor = _Cursor(source, line, column - 1)
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

    def __init__(self, lines: list[str], first_line: int, column: int = 0):
        self.lines = lines
        self.first_line = first_line
        self.row = 0
        self.column = column

    def find(self, needle: str) -> tuple[int, int]:
        for row in range(self.row, len(self.lines)):
            start = self.column if row == self.row else 0
            found = self.lines[row].find(needle, start)
            if found >= 0:
                self.row, self.column = row, found + len(needle)
                return self.first_line + row, found + 1
        return self.first_line, 1
