"""The front matter as YAML text, in the order and style of the shipped reports.

Written by hand rather than dumped, so that keys come in a report's usual order, a
trích yếu keeps its line breaks as a ``|-`` block, and every value reads back as the
text it was: values are quoted whenever YAML could take them for something else (a
number, a date, ``true``), as ``yearfile.lines.scalar`` decides. A table's row is one
line of quoted cells.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from ..yearfile.lines import scalar, text_lines

DOCUMENT_ORDER = (
    "parent_agency",
    "agency",
    "agency_name",
    "type",
    "number",
    "symbol",
    "place",
    "date",
    "summary",
    "to",
    "signer",
    "recipients",
    "draft_mark",
)
FRONT_ORDER = (
    "year",
    "kind",
    "document",
    "attached_to",
    "numbering",
    "leading_zero",
    "appendix_numbering",
    "appendices",
)


def ordered(mapping: dict[str, Any], order: tuple[str, ...]) -> dict[str, Any]:
    known = {key: mapping[key] for key in order if key in mapping}
    return {**known, **{k: v for k, v in mapping.items() if k not in known}}


def front_matter(front: dict[str, Any], comments: list[str]) -> str:
    """The front matter between its two ``---`` lines, ``comments`` at its top."""
    front = ordered(front, FRONT_ORDER)
    if "document" in front:
        front["document"] = ordered(front["document"], DOCUMENT_ORDER)
    lines = ["---", *(f"# {line}" for line in comments)]
    lines += mapping_lines(front, 0)
    lines.append("---")
    return "\n".join(lines) + "\n"


def value_text(value: Any) -> str:
    """A value on the line of its key (nothing for ``None``)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return scalar(str(value))


def mapping_lines(mapping: dict[str, Any], indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for key, value in mapping.items():
        if isinstance(value, dict):
            if not value:
                lines.append(f"{pad}{key}: {{}}")
                continue
            lines.append(f"{pad}{key}:")
            lines += mapping_lines(value, indent + 2)
        elif isinstance(value, list):
            if not value:
                lines.append(f"{pad}{key}: []")
                continue
            lines.append(f"{pad}{key}:")
            lines += sequence_lines(value, indent + 2)
        elif isinstance(value, str) and "\n" in value:
            lines += text_lines(key, value, indent)
        else:
            lines.append(f"{pad}{key}: {value_text(value)}".rstrip())
    return lines


def sequence_lines(items: list[Any], indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for item in items:
        if isinstance(item, dict):
            inner = mapping_lines(item, indent + 2) or [f"{pad}  {{}}"]
            lines.append(f"{pad}- {inner[0].lstrip()}")
            lines += inner[1:]
        elif isinstance(item, list):
            cells = ", ".join(json.dumps(str(cell), ensure_ascii=False) for cell in item)
            lines.append(f"{pad}- [{cells}]")
        elif isinstance(item, str) and "\n" in item:
            lines.append(f"{pad}- {json.dumps(item, ensure_ascii=False)}")
        else:
            lines.append(f"{pad}- {value_text(item)}".rstrip())
    return lines
