"""Pydantic models of a report: the issued document's settings, its prose sections
and its appendices with their tables (pure data, no I/O)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import (
    Discriminator,
    Field,
    Tag,
    field_validator,
    model_validator,
)

from .model_base import Identifier, Strict, _kind_by_key


class Signer(Strict):
    """Authority lines (``KT. GIÁM ĐỐC`` / ``PHÓ GIÁM ĐỐC``) and the signer's name; the
    name may be left out while it is not known, the signing space stays."""

    authority: list[str] = Field(min_length=1)
    name: str | None = Field(default=None, min_length=1)


class Document(Strict):
    """Metadata of the issued document (Nghị định 30/2020/NĐ-CP, Phụ lục I)."""

    parent_agency: str = Field(min_length=1)
    agency: str = Field(min_length=1)
    agency_name: str = Field(min_length=1)
    number: str | None = None
    symbol: str = Field(min_length=1)
    place: str = Field(min_length=1)
    date: date | Annotated[int, Field(ge=2000, le=2100)]
    """A full date, or only the year while the document awaits its date."""
    type: str = "BÁO CÁO"
    summary: str = Field(min_length=1)
    signer: Signer
    recipients: list[str] = Field(min_length=1)

    @field_validator("number", mode="before")
    @classmethod
    def _number_as_text(cls, raw: object) -> object:
        if isinstance(raw, int):
            return str(raw)
        return raw


class Bullets(Strict):
    bullets: list[str] = Field(min_length=1)
    marker: Literal["-", "+", "•"] = "-"


def _block_kind(value: object) -> str:
    return "text" if isinstance(value, str) else "bullets"


Block = Annotated[
    Annotated[str, Tag("text")] | Annotated[Bullets, Tag("bullets")],
    Discriminator(_block_kind),
]


class Section(Strict):
    """A numbered heading (I., 1., a) by depth) with its blocks and subsections."""

    title: str = Field(min_length=1)
    body: list[Block] = Field(default_factory=list)
    unit_comparison: bool = False
    """Append the generated comparison of the reporting units (``units``) after ``body``."""
    sections: list[Section] = Field(default_factory=list)


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
    headers: dict[str, str] = Field(default_factory=dict)
    numbering: Literal["roman", "decimal"] = "roman"
    rows: list[Row] = Field(default_factory=list)
    task_list: Identifier | None = None

    @model_validator(mode="after")
    def _one_source(self) -> Table:
        if bool(self.rows) == bool(self.task_list):
            raise ValueError("bảng cần có đúng một trong hai: rows hoặc task_list")
        return self


class AppendixPart(Strict):
    heading: str | None = None
    subheading: str | None = None
    table: Table | None = None
    paragraphs: list[str] = Field(default_factory=list)
    unit_sections: bool = False
    """One generated section per unit after the first (``units``), numbered on."""
    unit_comparison: bool = False
    """The generated table comparing the units' indicators, after ``paragraphs``."""


class Appendix(Strict):
    title: str = Field(min_length=1)
    subtitle: str | None = None
    parts: list[AppendixPart] = Field(min_length=1)


class Report(Strict):
    document: Document
    grounds: list[str] = Field(default_factory=list)
    opening: list[str] = Field(default_factory=list)
    sections: list[Section] = Field(min_length=1)
    closing: str = Field(min_length=1)
    footnotes: dict[Identifier, str] = Field(default_factory=dict)
    appendices: list[Appendix] = Field(default_factory=list)
