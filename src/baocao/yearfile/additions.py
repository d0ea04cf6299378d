"""Year files written for ``baocao convert``: a new, minimal one for a year that has
none, or an existing one with a source and metrics added after the last ones (every
other byte kept, as ``lines.LineEditor`` edits)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..load.yaml_careful import parse_yaml
from .lines import LineEditor, scalar

INDENT = 2


@dataclass(frozen=True)
class NewMetric:
    """A figure read from a document's prose, as the metric the year file gets: one
    observation, its source the document, its quote the sentence it stood in."""

    id: str
    name: str
    unit: str
    as_of: str
    quote: str
    decimals: int | None = None
    allow_over_100: bool = False
    value: int | float | None = None
    numerator: int | float | None = None
    denominator: int | float | None = None


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


def taken_ids(text: str | None, path: str) -> tuple[set[str], set[str]]:
    """The ids of the metrics and of the sources a year file's ``text`` has (none when
    there is no file, or it cannot be read: validation says why)."""
    if text is None:
        return set(), set()
    try:
        data = parse_yaml(text, path).data
    except Exception:  # noqa: BLE001 - an unreadable file is validation's to report
        return set(), set()
    if not isinstance(data, dict):
        return set(), set()
    metrics = data.get("metrics")
    sources = data.get("sources")
    metric_ids = (
        {str(m["id"]) for m in metrics or [] if isinstance(m, dict) and "id" in m}
        if isinstance(metrics, list)
        else set()
    )
    return metric_ids, {str(k) for k in sources} if isinstance(sources, dict) else set()


def with_figures(text: str, path: str, metrics: list[NewMetric], source_id: str, title: str) -> str:
    """``text`` with the source ``source_id`` (named ``title``) and ``metrics`` added
    after the last source and the last metric; unchanged when there is no metric."""
    if not metrics:
        return text
    editor = LineEditor(text, parse_yaml(text, path))
    source = [f"{source_id}: {json.dumps(title, ensure_ascii=False)}"]
    _append(editor, "sources", source, item=False)
    lines = [line for metric in metrics for line in ["", *metric_lines(metric, source_id)]]
    _append(editor, "metrics", lines[1:], item=True)
    result = editor.result()
    return result if result.endswith("\n") else result + "\n"


def _append(editor: LineEditor, key: str, lines: list[str], item: bool) -> None:
    """``lines`` (written at no indentation) added to the mapping or list ``key``: after
    its last entry, in place of an empty ``{}`` or ``[]``, or as a new key at the end."""
    node = editor.node((key,))
    if node and not editor.is_flow((key,)):
        last = list(node)[-1] if isinstance(node, dict) else len(node) - 1
        if item:
            start, column = editor.item_start((key, last))
            stop = editor.end(start, column)
        else:
            _line, stop, column = editor.key_span((key, last))
        pad = " " * column
        spacer = [""] if item else []
        editor.replace(stop, stop, [*spacer, *(pad + line if line else "" for line in lines)])
        return
    block = [f"{key}:", *(" " * INDENT + line if line else "" for line in lines)]
    if node is not None or key in (editor.node(()) or {}):
        start, stop, _column = editor.key_span((key,))
        editor.replace(start, stop, block)
        return
    end = len(editor.lines)
    while end > 0 and not editor.lines[end - 1].strip():
        end -= 1
    editor.replace(end, end, ["", *block])


def metric_lines(metric: NewMetric, source_id: str) -> list[str]:
    """The YAML of ``metric`` as an item of ``metrics`` (its dash at no indentation)."""
    lines = [
        f"- id: {metric.id}",
        f"  name: {scalar(metric.name)}",
        f"  unit: {scalar(metric.unit)}",
    ]
    if metric.decimals is not None:
        lines.append(f"  decimals: {metric.decimals}")
    if metric.allow_over_100:
        lines.append("  allow_over_100: true")
    lines += ["  observations:", f"    - as_of: {scalar(metric.as_of)}"]
    for key in ("value", "numerator", "denominator"):
        number = getattr(metric, key)
        if number is not None:
            lines.append(f"      {key}: {number!r}")
    lines.append(
        f"      source: {{ref: {source_id}, quote: {json.dumps(metric.quote, ensure_ascii=False)}}}"
    )
    return lines
