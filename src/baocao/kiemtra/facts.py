"""Layout facts read from a .docx: what the rules look at, with no XML left in it."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import decree30
from .styles import Value


@dataclass
class Run:
    text: str
    ascii_font: Value
    hansi_font: Value
    size: Value
    bold: bool
    italic: bool
    note: str | None = None
    """The id of the footnote this run marks (``w:footnoteReference``)."""
    raised: bool = False
    """Set as superscript (``w:vertAlign``), e.g. a footnote mark typed by hand."""

    def font_for_text(self) -> Value:
        """The slot Word uses: hAnsi as soon as the text has a Vietnamese letter."""
        return self.hansi_font if any(ord(c) > 127 for c in self.text) else self.ascii_font


@dataclass
class Paragraph:
    text: str
    runs: list[Run]
    container: str
    number: int
    style: str
    section: int
    align: str | None = None
    first_line: float = 0.0
    left: float = 0.0
    right: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0
    line: float | None = None
    line_rule: str = "auto"
    border_bottom: bool = False
    shapes: list[float] = field(default_factory=list)
    width: float = 0.0
    fields: list[str] = field(default_factory=list)
    numbering: tuple[str, int] | None = None
    """Word's automatic number of the paragraph: ``(numId, level)`` of numbering.xml,
    set on the paragraph or by its style."""
    outline: int | None = None
    """The outline level (0 for Heading 1), set on the paragraph or by its style."""
    note: str | None = None
    """For a paragraph of a footnote: the footnote's id."""
    boxes: list[str] = field(default_factory=list)
    """Text of the text boxes anchored in the paragraph (not part of its text)."""
    pictures: int = 0
    """Pictures, charts and diagrams drawn in the paragraph."""

    @property
    def stripped(self) -> str:
        return " ".join(self.text.split())

    @property
    def where(self) -> str:
        words = self.stripped
        if words:
            quote = f" «{words[:40]}{'…' if len(words) > 40 else ''}»"
        elif "PAGE" in self.fields:
            quote = " «số trang»"
        else:
            quote = " (hình)" if self.pictures else " (dòng trống)"
        head = f"{self.container}, " if self.container else ""
        return f"{head}đoạn {self.number}{quote}"

    @property
    def text_runs(self) -> list[Run]:
        return [run for run in self.runs if run.text.strip()]

    def sizes(self) -> set[float]:
        return {run.size.value for run in self.text_runs}

    def all_bold(self) -> bool:
        return bool(self.text_runs) and all(run.bold for run in self.text_runs)

    def any_bold(self) -> bool:
        return any(run.bold for run in self.text_runs)

    def all_italic(self) -> bool:
        return bool(self.text_runs) and all(run.italic for run in self.text_runs)

    def any_italic(self) -> bool:
        return any(run.italic for run in self.text_runs)

    def is_rule(self) -> bool:
        """A line drawn under a text: an empty paragraph with a bottom border, a shape,
        or typed underscores."""
        return not self.stripped.strip("_") and (
            self.border_bottom or bool(self.shapes) or "_" in self.stripped
        )

    def rule_length(self) -> float | None:
        """Length in mm of the line this paragraph draws (border, shape or underscores)."""
        if self.shapes:
            return max(self.shapes)
        if self.border_bottom:
            return self.width
        if "_" in self.stripped:
            size = max(self.sizes() or {12.0})
            return decree30.text_length(self.stripped, size)
        return None


@dataclass
class Cell:
    paragraphs: list[Paragraph]
    width: float
    span: int = 1
    """Grid columns the cell spans (``w:gridSpan``)."""


@dataclass
class Table:
    number: int
    rows: list[list[Cell]]
    indent: float
    width: float
    section: int
    label: str = ""
    repeated_rows: int = 0
    """How many rows at the top repeat on every page the table runs onto (``tblHeader``)."""

    @property
    def text(self) -> str:
        return "\n".join(p.text for row in self.rows for c in row for p in c.paragraphs)

    def paragraphs(self) -> list[Paragraph]:
        return [p for row in self.rows for cell in row for p in cell.paragraphs]


@dataclass
class Section:
    number: int
    width: float
    height: float
    landscape_flag: bool
    margins: dict[str, float]
    title_page: bool
    page_start: int | None
    header: list[Paragraph]
    first_header: list[Paragraph]
    footer: list[Paragraph]
    first_footer: list[Paragraph]

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    @property
    def text_width(self) -> float:
        return self.width - self.margins["left"] - self.margins["right"]

    @property
    def label(self) -> str:
        return f"phần (section) {self.number}, trang {'ngang' if self.landscape else 'dọc'}"


Block = Paragraph | Table


@dataclass(frozen=True)
class NumberLevel:
    """One level of a list in numbering.xml: its number format (``decimal``,
    ``upperRoman``, ``lowerLetter``, ``bullet``…), its text (``%1.``, ``%1.%2.``,
    ``-``) and where it starts."""

    format: str
    text: str
    start: int = 1


@dataclass
class Revisions:
    """What Word keeps besides the text: tracked changes and comments."""

    inserted: int = 0
    deleted: int = 0
    moved: int = 0
    formatted: int = 0
    comments: int = 0

    @property
    def changes(self) -> int:
        return self.inserted + self.deleted + self.moved + self.formatted


@dataclass
class DocumentFacts:
    sections: list[Section]
    blocks: list[Block]
    footnotes: list[Paragraph]
    numbering: dict[str, dict[int, NumberLevel]] = field(default_factory=dict)
    """Each list of numbering.xml (``numId``) with its levels, overrides applied; the
    abstract list a ``numId`` uses is named by ``list_of``."""
    list_of: dict[str, str] = field(default_factory=dict)
    """The counter of each ``numId``: its abstract list (``abstractNumId``), as lists
    sharing one count on together, unless it starts a level again (``startOverride``)."""
    revisions: Revisions = field(default_factory=Revisions)
    endnotes: int = 0

    def paragraphs(self) -> list[Paragraph]:
        """Every paragraph of the body, tables included, in order."""
        out: list[Paragraph] = []
        for block in self.blocks:
            out.extend(block.paragraphs() if isinstance(block, Table) else [block])
        return out

    def tables(self) -> list[Table]:
        return [block for block in self.blocks if isinstance(block, Table)]

    def all_paragraphs(self) -> list[Paragraph]:
        """Body, headers, footers and footnotes."""
        framing: list[Paragraph] = []  # a header repeated by several sections: once
        for section in self.sections:
            for part in (section.header, section.first_header, section.footer):
                framing.extend(p for p in part if p not in framing)
        return self.paragraphs() + framing + self.footnotes
