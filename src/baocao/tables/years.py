"""A comparison as text: table cells shared by every output, and CSV, JSON, Markdown.

Cells are lists of lines so that each output joins them its own way (a new line in
the terminal and in Word, ``<br>`` in Markdown). Nothing here imports rich or docx.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from ..formatting import format_as_of
from ..metrics.years import (
    Change,
    Comparison,
    MetricComparison,
    PartialMetric,
    YearValue,
    amount_text,
    change_text,
    comparison_sentence,
)

Cell = list[str]


def years_text(years: Sequence[int | str]) -> str:
    """``2022 và 2024``; ``2022, 2023 và 2024``."""
    names = [str(y) for y in years]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} và {names[-1]}"


def title(comparison: Comparison) -> str:
    if comparison.labels:
        sources = years_text(comparison.labels)
        return f"So sánh chỉ tiêu năm {comparison.years[0]} giữa các nguồn {sources}"
    years = comparison.years
    if len(years) == 2:
        return f"So sánh chỉ tiêu năm {years[0]} và năm {years[1]}"
    return f"So sánh chỉ tiêu các năm {years_text(years)}"


def summary(comparison: Comparison) -> str:
    """One line under the table: how many metrics were compared, and what was left apart."""
    what = "nguồn" if comparison.labels else "năm"
    count = len(comparison.years)
    every = f"cả hai {what}" if count == 2 else f"cả {count} {what}"
    parts = [f"{len(comparison.metrics)} chỉ tiêu có trong {every}"]
    if comparison.not_comparable:
        parts.append(f"{len(comparison.not_comparable)} chỉ tiêu không so sánh được")
    if comparison.partial:
        parts.append(f"{len(comparison.partial)} chỉ tiêu chỉ có trong một số {what}")
    return "; ".join(parts) + "."


def as_of_text(value: YearValue) -> str:
    return f"({format_as_of(value.as_of)})"


def change_header(comparison: Comparison) -> str:
    return f"Thay đổi so với {comparison.since}"


def headers(comparison: Comparison) -> list[str]:
    return ["Chỉ tiêu", *comparison.columns, change_header(comparison), "Đánh giá"]


def present_in(comparison: Comparison, metric: PartialMetric) -> str:
    """``năm 2022 và 2024``, or the files' names, for a metric found in some only."""
    if comparison.labels:
        return years_text([comparison.labels[v.column] for v in metric.values])
    return f"năm {years_text(metric.years)}"


def row(metric: MetricComparison) -> list[Cell]:
    values = [[v.text, as_of_text(v)] for v in metric.values]
    evaluation = [metric.evaluation_text] if metric.evaluation_text else []
    return [[metric.name], *values, [change_text(metric.change)], evaluation]


PARTIAL_HEADERS = ["Chỉ tiêu", "Có số liệu năm", "Số liệu"]
PARTIAL_TITLE = "Chỉ tiêu chỉ có trong một số năm"


def partial_row(metric: PartialMetric, comparison: Comparison | None = None) -> list[Cell]:
    where = present_in(comparison, metric) if comparison else years_text(metric.years)
    return [
        [metric.name],
        [where.removeprefix("năm ")],
        [f"{v.text} ({format_as_of(v.as_of)})" for v in metric.values],
    ]


def _signed(change: Change) -> str:
    return amount_text(change, signed=True) if change.comparable else ""


def to_csv(comparison: Comparison) -> str:
    """One row per metric (those found in only some years last, with a note).

    Written with a byte-order mark by the CLI so that Excel reads the diacritics.
    """
    head = ["Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị"]
    for column in comparison.columns:
        head += [column, f"Thời điểm số liệu {column[0].lower()}{column[1:]}"]
    head += [change_header(comparison), "Xu hướng", "Đánh giá", "Ghi chú"]
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(safe_row(head))
    for metric in comparison.metrics:
        cells = [metric.id, metric.name, metric.unit]
        for value in metric.values:
            cells += [value.text, format_as_of(value.as_of)]
        change = metric.change
        note = f"không so sánh được: {change.reason}" if change.reason else ""
        cells += [_signed(change), change.direction or "", metric.evaluation_text, note]
        writer.writerow(safe_row(cells))
    for partial in comparison.partial:
        by_column = {v.column: v for v in partial.values}
        cells = [partial.id, partial.name, partial.values[-1].metric.unit]
        for index in range(len(comparison.columns)):
            found = by_column.get(index)
            cells += [found.text, format_as_of(found.as_of)] if found else ["", ""]
        note = f"chỉ có trong {present_in(comparison, partial)}"
        writer.writerow(safe_row([*cells, "", "", "", note]))
    return buffer.getvalue()


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _value_json(value: YearValue) -> dict[str, Any]:
    obs = value.observation
    return {
        "year": value.year,
        "as_of": value.as_of,
        "value": _number(value.value),
        "numerator": obs.numerator,
        "denominator": obs.denominator,
        "text": value.text,
        "unit": value.metric.unit,
        "definition": value.metric.definition,
        "evaluation": value.evaluation,
    }


def _change_json(change: Change) -> dict[str, Any]:
    return {
        "from": change.base.year,
        "to": change.current.year,
        "comparable": change.comparable,
        "reason": change.reason,
        "absolute": _number(change.rounded),
        "unit": change.unit if change.comparable else None,
        "percent": _number(change.percent),
        "direction": change.direction,
        "text": change_text(change),
        "sentence": comparison_sentence(change) if change.comparable else None,
    }


def to_json(comparison: Comparison) -> str:
    metrics = []
    for metric in comparison.metrics:
        entry = {
            "id": metric.id,
            "name": metric.name,
            "unit": metric.unit,
            "values": [_value_json(v) for v in metric.values],
            "change": _change_json(metric.change),
            "evaluation_change": metric.evaluation_change,
        }
        if len(metric.steps) > 1:
            entry["steps"] = [_change_json(step) for step in metric.steps]
        metrics.append(entry)
    partial = [
        {
            "id": p.id,
            "name": p.name,
            "years": list(p.years),
            "values": [_value_json(v) for v in p.values],
        }
        for p in comparison.partial
    ]
    document = {
        "years": list(comparison.years),
        "columns": list(comparison.columns),
        "metrics": metrics,
        "partial": partial,
    }
    import json

    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SIGNED_AMOUNT = re.compile(r"[-+]\d[\d.,]*%?( [^=@|!]*)?")
"""``-307.240 thuê bao (-12,43%)``, ``+4,26 điểm phần trăm``: a signed figure, no formula."""


def spreadsheet_safe(cell: Any) -> Any:
    """A CSV cell a spreadsheet shows as text: one starting like a formula (``=``,
    ``+``, ``-``, ``@``, tab, carriage return) gets a leading ``'``, as spreadsheet-safe
    CSV writers do, unless it is a signed figure."""
    if not isinstance(cell, str) or not cell.startswith(FORMULA_START):
        return cell
    return cell if SIGNED_AMOUNT.fullmatch(cell) else "'" + cell


def safe_row(cells: list[Any]) -> list[Any]:
    return [spreadsheet_safe(cell) for cell in cells]


def md_text(text: str) -> str:
    """Text in a Markdown table cell or heading: no raw HTML, no line break that would
    end the row, no ``|`` that would start a cell."""
    escaped = html.escape(text, quote=False).replace("|", "\\|")
    return "<br>".join(escaped.splitlines()) if "\n" in text or "\r" in text else escaped


def _md_cell(lines: Cell) -> str:
    return "<br>".join(md_text(line) for line in lines)


def _md_table(head: list[str], rows: list[list[Cell]]) -> list[str]:
    lines = ["| " + " | ".join(md_text(h) for h in head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(_md_cell(c) for c in cells) + " |" for cells in rows]
    return lines


def to_markdown(comparison: Comparison) -> str:
    lines = [f"# {md_text(title(comparison))}", ""]
    head = ["Mã", *headers(comparison)]
    rows = [[[f"`{m.id}`"], *row(m)] for m in comparison.metrics]
    lines += _md_table(head, rows)
    lines += ["", md_text(summary(comparison))]
    if comparison.partial:
        lines += ["", f"## {PARTIAL_TITLE}", ""]
        partial_rows = [[[f"`{p.id}`"], *partial_row(p, comparison)] for p in comparison.partial]
        lines += _md_table(["Mã", *PARTIAL_HEADERS], partial_rows)
    return "\n".join(lines) + "\n"
