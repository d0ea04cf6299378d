"""Year files written for ``baocao convert``: a new, minimal one for a year that has
none, or an existing one with a source and metrics added after the last ones (every
other byte kept, as ``lines.LineEditor`` edits)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from .lines import scalar


def source_title(document: dict[str, Any], file_name: str) -> str:
    """How ``sources`` names a converted document: ``Báo cáo số 12/BC-STTTT ngày
    05/3/2024 của Sở …: <trích yếu> (tệp BaoCao.docx)``."""
    kind = str(document.get("type", "")).capitalize()
    number = f"{document.get('number') or '…'}/{document.get('symbol', '')}"
    when = document.get("date")
    day = f" ngày {when.day}/{when.month}/{when.year}" if isinstance(when, date) else ""
    summary = " ".join(str(document.get("summary", "")).split())
    agency = document.get("agency_name", "")
    return f"{kind} số {number}{day} của {agency}: {summary} (tệp {file_name})"


def new_year_text(year: int, sources: dict[str, str]) -> str:
    """A year file with its year, the sources given and no metric yet."""
    lines = [
        "# yaml-language-server: $schema=../schema/year.schema.json",
        f"# Dữ liệu năm {year}, tạo bởi baocao convert.",
        f"year: {year}",
        "",
        "sources:",
    ]
    lines += [f"  {key}: {json.dumps(title, ensure_ascii=False)}" for key, title in sources.items()]
    lines += ["", "metrics: []", ""]
    return "\n".join(lines)


def quoted(text: str) -> str:
    return scalar(text)


def with_figures(
    text: str, path: str, figures: list[Any], source_id: str, title: str
) -> tuple[str, str, list[str]]:
    return text, source_id, []
