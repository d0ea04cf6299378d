"""Pydantic models of a report: the issued document's settings, its prose sections
and its appendices with their tables (pure data, no I/O)."""

from datetime import date
from typing import Annotated, Literal

from pydantic import (
    BeforeValidator,
    Discriminator,
    Field,
    Tag,
    field_validator,
    model_validator,
)

from ..limits import FIRST_YEAR, LAST_YEAR
from .base import Identifier, Strict, _kind_by_key, no_entries, no_items


def _number_as_text(raw: object) -> object:
    """A document number is text: ``number: 12`` typed bare is kept as ``12``."""
    return str(raw) if isinstance(raw, int) and not isinstance(raw, bool) else raw


DocumentNumber = Annotated[str | None, BeforeValidator(_number_as_text)]


class Signer(Strict):
    """Authority lines (``KT. GIÁM ĐỐC`` / ``PHÓ GIÁM ĐỐC``) and the signer's name; the
    name may be left out while it is not known, the signing space stays."""

    authority: list[str] = Field(min_length=1)
    name: str | None = Field(default=None, min_length=1)


class Document(Strict):
    """Metadata of the issued document (Nghị định 30/2020/NĐ-CP, Phụ lục I)."""

    parent_agency: str | None = Field(default=None, min_length=1)
    """The governing body above the issuer; absent when the issuer is itself the
    highest (a UBND tỉnh issues under its own name)."""
    agency: str = Field(min_length=1)
    agency_name: str = Field(min_length=1)
    number: DocumentNumber = None
    symbol: str = Field(min_length=1)
    place: str = Field(min_length=1)
    date: date | Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)]
    """A full date, or only the year while the document awaits its date."""
    type: str = "BÁO CÁO"
    summary: str = Field(min_length=1)
    """The trích yếu; a line break in it (YAML ``|-``) is kept as the line break."""
    signer: Signer | None = None
    """Required for a report; an appendix-only document is signed with its parent."""
    recipients: list[str] = Field(default_factory=no_items)
    to: list[Annotated[str, Field(min_length=1)]] | None = None
    """"Kính gửi": who the document is addressed to, one or several (a tờ trình, a
    report to a higher body, a công văn; Phụ lục I, Phần I, mục II.9)."""
    draft_mark: str | None = Field(default=None, min_length=1, max_length=40, pattern=r"^[^\n]+$")
    """What a draft (``render --draft``) prints at the top left of its first page, in
    place of "DỰ THẢO": ``Dự thảo lần 2``. A final document prints none."""

    @field_validator("to", mode="before")
    @classmethod
    def _one_addressee(cls, raw: object) -> object:
        """``to: Bộ Nội vụ`` is one addressee, as a list of one."""
        return [raw] if isinstance(raw, str) else raw


class Attachment(Strict):
    """The document an appendix-only report is attached to: ``(Kèm theo Kế hoạch số
    …/KH-UBND ngày … của Ủy ban nhân dân tỉnh)``."""

    type: str = Field(min_length=1)
    number: DocumentNumber = None
    symbol: str = Field(min_length=1)
    date: date | Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)]
    agency_name: str = Field(min_length=1)


class GroupRow(Strict):
    group: str = Field(min_length=1)


class MetricRow(Strict):
    """A table row showing one metric, or several stacked (tỉnh / huyện / xã)."""

    metric: Identifier | list[Identifier]
    label: str | None = None
    result: str | None = None
    note: str | None = None

    @property
    def metric_ids(self) -> list[str]:
        return [self.metric] if isinstance(self.metric, str) else list(self.metric)


Row = Annotated[
    Annotated[GroupRow, Tag("group")] | Annotated[MetricRow, Tag("metric")],
    Discriminator(_kind_by_key("group", "group", "metric")),
]

COLUMN_PATTERN = r"^(stt|name|result|evaluation|note|lead|partners|time|progress|target:\d{4})$"


class Table(Strict):
    """A table of metrics (``rows``) or of a task list (``task_list``)."""

    columns: list[Annotated[str, Field(pattern=COLUMN_PATTERN)]] = Field(min_length=2)
    headers: dict[str, str] = Field(default_factory=no_entries)
    numbering: Literal["roman", "decimal"] = "roman"
    rows: list[Row] = Field(default_factory=no_items)
    task_list: Identifier | None = None

    @model_validator(mode="after")
    def _one_source(self) -> "Table":
        if bool(self.rows) == bool(self.task_list):
            raise ValueError("bảng cần có đúng một trong hai: rows hoặc task_list")
        return self


def _cell_as_text(raw: object) -> object:
    """A cell typed as a bare whole number (``- [1, Tỷ lệ…]``) is its digits; a bare
    decimal is refused by the text type, since YAML reads ``1.5`` where ``1,5`` is meant."""
    return str(raw) if isinstance(raw, int) and not isinstance(raw, bool) else raw


CellText = Annotated[str, BeforeValidator(_cell_as_text)]


class TextGroupRow(Strict):
    """A group row of a text table: its title across the row, after its number."""

    group: str = Field(min_length=1)
    number: CellText | None = None


TextRow = Annotated[
    Annotated[TextGroupRow, Tag("group")] | Annotated[list[CellText], Tag("cells")],
    Discriminator(_kind_by_key("group", "group", "cells")),
]


class TextTable(Strict):
    """A table typed as text, cell by cell (a table kept from a Word document): a header
    row, then rows of cells; a line break in a cell starts a new paragraph."""

    headers: list[CellText] = Field(min_length=1)
    rows: list[TextRow] = Field(default_factory=no_items)

    @model_validator(mode="after")
    def _rows_as_wide_as_headers(self) -> "TextTable":
        for index, row in enumerate(self.rows, start=1):
            if isinstance(row, list) and len(row) != len(self.headers):
                raise ValueError(
                    f"dòng {index} của bảng có {len(row)} ô, hàng tiêu đề có "
                    f"{len(self.headers)} ô: mỗi dòng có đúng số ô của hàng tiêu đề "
                    '(ô trống viết "")'
                )
        return self


AnyTable = Annotated[
    Annotated[Table, Tag("metrics")] | Annotated[TextTable, Tag("text")],
    Discriminator(_kind_by_key("columns", "metrics", "text")),
]


class AppendixPart(Strict):
    heading: str | None = None
    subheading: str | None = None
    table: AnyTable | None = None
    paragraphs: list[str] = Field(default_factory=no_items)
    unit_sections: bool = False
    """One generated section per unit after the first (``units``), numbered on."""
    unit_comparison: bool = False
    """The generated table comparing the units' indicators, after ``paragraphs``."""


class Appendix(Strict):
    title: str = Field(min_length=1)
    subtitle: str | None = None
    parts: list[AppendixPart] = Field(min_length=1)


NUMBERING_STYLES = (
    "Phần I",
    "Chương I",
    "Mục 1",
    "Điều 1.",
    "I.",
    "1.",
    "1.1.",
    "a)",
    "(1)",
    "-",
    "+",
    "none",
)
"""Per heading level: a part, chapter or section (the word and its number on a line of
their own, the title under it: Phụ lục I, Phần I, mục II.6.đ), an article, Roman,
Arabic, Arabic under the parent's number, letter, Arabic in parentheses, a dash, a
plus, or no number (the title carries its own)."""
DEFAULT_NUMBERING = ["I.", "1.", "a)", "(1)"]

NumberStyle = Literal[
    "Phần I", "Chương I", "Mục 1", "Điều 1.", "I.", "1.", "1.1.", "a)", "(1)", "-", "+", "none"
]


class HeadingLevel(Strict):
    """One heading level with a house style of its own: its number, and bold, italic or
    capitals where they differ from what the decree gives that number."""

    number: NumberStyle
    bold: bool | None = None

    @field_validator("number", mode="before")
    @classmethod
    def _arabic_typed_bare(cls, raw: object) -> object:
        """``number: 1.`` is read by YAML as the number 1.0."""
        return "1." if raw == 1 and not isinstance(raw, bool) else raw

    @model_validator(mode="after")
    def _decree_fixed(self) -> "HeadingLevel":
        """A part's, chapter's or section's line and title are bold, upright, the title
        in capitals (Phụ lục I, Phần I, mục II.6.đ): no house style changes them."""
        fixed = self.number in ("Phần I", "Chương I", "Mục 1")
        if fixed and (self.bold is False or self.italic is True or self.caps is False):
            raise ValueError(
                f"dòng “{self.number}” và tiêu đề của nó in đậm, chữ đứng, tiêu đề in hoa "
                "(Nghị định 30/2020, Phụ lục I, Phần I, mục II.6.đ): bỏ bold, italic, caps "
                "của cấp này"
            )
        return self

    italic: bool | None = None
    caps: bool | None = None


Numbering = NumberStyle | HeadingLevel


class ReportSettings(Strict):
    """The YAML front matter of a report file: how the document is issued and laid out."""

    year: int | None = Field(default=None, ge=FIRST_YEAR, le=LAST_YEAR)
    """The year of the data; by default the name of the report's folder (``reports/2024``)."""
    kind: Literal["report", "appendix"] = "report"
    """``appendix``: only the Phụ lục, attached to another document (``attached_to``)."""
    document: Document
    attached_to: Attachment | None = None
    numbering: list[Numbering] = Field(default_factory=lambda: list(DEFAULT_NUMBERING))  # type: ignore[arg-type]
    appendix_numbering: Literal["roman", "arabic"] = "roman"
    """How the appendices are numbered: Phụ lục I, II (the decree's way: Phụ lục I,
    Phần I, mục III.1) or Phụ lục 1, 2."""
    leading_zero: bool = False
    """Counts below 10 printed with a leading zero (``05 nhiệm vụ``, ``08/11``)."""
    template: str = "BaoCao.docx"
    appendix_template: str = "PhuLuc.docx"
    appendices: list[Appendix] = Field(default_factory=no_items)

    @field_validator("numbering", mode="before")
    @classmethod
    def _arabic_typed_bare(cls, raw: object) -> object:
        """``numbering: [I., 1., a)]``: YAML reads a bare ``1.`` as the number 1.0."""
        if isinstance(raw, list):
            return ["1." if item == 1 and not isinstance(item, bool) else item for item in raw]
        return raw

    @model_validator(mode="after")
    def _consistent(self) -> "ReportSettings":
        if self.kind == "appendix" and not self.appendices:
            raise ValueError("văn bản loại 'appendix' cần có 'appendices'")
        if self.kind == "appendix" and self.attached_to is None:
            raise ValueError("văn bản loại 'appendix' cần 'attached_to' (văn bản được kèm theo)")
        if self.kind == "report" and (self.document.signer is None or not self.document.recipients):
            raise ValueError("báo cáo cần 'document.signer' (người ký) và 'document.recipients'")
        return self

    @field_validator("numbering")
    @classmethod
    def _distinct_levels(cls, numbering: list[Numbering]) -> list[Numbering]:
        styles = [number_style(n) for n in numbering]
        repeated = [n for n in styles if n != "none" and styles.count(n) > 1]
        if repeated:
            raise ValueError(
                f"kiểu đánh số '{repeated[0]}' dùng cho hai cấp đề mục; mỗi cấp một kiểu khác nhau"
            )
        return numbering

    def number_styles(self) -> list[str]:
        """The number style of each heading level, whichever way it was typed."""
        return [number_style(level) for level in self.numbering]


def number_style(level: Numbering | str) -> str:
    return level.number if isinstance(level, HeadingLevel) else level
