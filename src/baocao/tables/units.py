"""A comparison of reporting units as text: the cells every output shares, then CSV,
JSON and Markdown. Cells are lists of lines; nothing here imports rich or docx."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..formatting import round_half_up
from ..metrics.units import NOT_ENOUGH, Indicator, Side, UnitComparison, join_names
from ..metrics.years import places_of
from ..model.year import Unit
from .years import _md_table, md_text, safe_row

Cell = list[str]
MERGED_HEADER = "Tỉnh hợp nhất"
NOT_REPORTED = "Không báo cáo"
NOT_EVALUATED = "Chưa đánh giá"
"""A unit's figure with no evaluation: said, as the evaluation the data allows for it."""
MERGE_NOTE = (
    "Cột “{merged}”: tỷ lệ chung của các đơn vị, tính trên tổng số của các đơn vị (không "
    "lấy trung bình cộng các tỷ lệ); ô ghi “{missing}” khi có đơn vị chưa báo cáo đủ số liệu "
    "để tính."
)


def title(comparison: UnitComparison) -> str:
    names = join_names([u.name for u in comparison.units])
    return f"So sánh chỉ tiêu năm {comparison.year} giữa {names}"


def merge_note() -> str:
    return MERGE_NOTE.format(merged=MERGED_HEADER, missing=NOT_ENOUGH)


def gap_header(comparison: UnitComparison) -> str:
    units = comparison.units
    if len(units) == 2:
        return f"Chênh lệch ({units[0].label} - {units[1].label})"
    return "Chênh lệch (cao nhất - thấp nhất)"


def any_merged(comparison: UnitComparison) -> bool:
    """Whether the merged column has a figure anywhere (else every output leaves it out)."""
    return comparison.has_merged


def headers(comparison: UnitComparison, merged: bool | None = None) -> list[str]:
    merged = any_merged(comparison) if merged is None else merged
    labels = [u.label for u in comparison.units]
    return ["Chỉ tiêu", *labels, gap_header(comparison), *([MERGED_HEADER] if merged else [])]


def group_title(comparison: UnitComparison, units: tuple[Unit, ...]) -> str:
    names = join_names([u.name for u in units])
    if len(units) == len(comparison.units):
        return f"Chỉ tiêu {names} cùng báo cáo"
    return f"Chỉ tiêu chỉ {names} báo cáo"


def side_cell(side: Side) -> Cell:
    """What a unit reported: its figure, then its evaluation. A figure with no evaluation
    says so ("Chưa đánh giá"), as the rows evaluated so do, rather than leave the reader
    to guess whether the evaluation was left out."""
    if not side.reported:
        return [NOT_REPORTED]
    if not side.text:
        return [side.evaluation or "Không có số liệu"]
    return [side.text, side.evaluation or NOT_EVALUATED]


def gap_cell(comparison: UnitComparison, indicator: Indicator) -> Cell:
    text = indicator.gap.text(signed=len(comparison.units) == 2)
    if text:
        return [text]
    reason = indicator.gap.reason
    return [f"Không so sánh được ({reason})"] if reason and reason != NOT_ENOUGH else []


def row(comparison: UnitComparison, indicator: Indicator, merged: bool | None = None) -> list[Cell]:
    """``Chỉ tiêu | each unit | Chênh lệch | Tỉnh hợp nhất`` (the last when any merges)."""
    merged = any_merged(comparison) if merged is None else merged
    sides = [side_cell(s) for s in indicator.sides]
    last = [[indicator.merged.text]] if merged else []
    return [[indicator.name], *sides, gap_cell(comparison, indicator), *last]


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _shown(side: Side) -> Decimal | None:
    """A unit's figure as documents print it (rates from counts are kept exact inside)."""
    if side.value is None or side.value.value is None:
        return None
    return round_half_up(side.value.value, places_of(side.value))


def _side_json(side: Side) -> dict[str, Any]:
    counts = side.counts
    return {
        "unit": side.unit.id,
        "reported": side.reported,
        "metric": side.metric.id if side.metric else None,
        "value": _number(_shown(side)),
        "numerator": counts[0] if counts else None,
        "denominator": counts[1] if counts else None,
        "text": side.text or None,
        "evaluation": side.evaluation,
    }


def to_json(comparison: UnitComparison) -> str:
    indicators = []
    for indicator in comparison.indicators:
        merged = indicator.merged
        indicators.append(
            {
                "id": indicator.id,
                "name": indicator.name,
                "reported_by": [u.id for u in indicator.reporting],
                "sides": [_side_json(s) for s in indicator.sides],
                "gap": {
                    "value": _number(
                        indicator.gap.change.rounded if indicator.gap.change else None
                    ),
                    "text": indicator.gap.text(signed=len(comparison.units) == 2) or None,
                    "reason": indicator.gap.reason,
                },
                "merged": {
                    "value": _number(merged.value),
                    "numerator": merged.numerator,
                    "denominator": merged.denominator,
                    "text": merged.text,
                    "reason": merged.reason,
                },
            }
        )
    document = {
        "year": comparison.year,
        "units": [{"id": u.id, "name": u.name, "label": u.label} for u in comparison.units],
        "indicators": indicators,
    }
    import json

    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def to_csv(comparison: UnitComparison) -> str:
    """One row per indicator; written with a byte-order mark by the CLI for Excel."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    head = ["Mã chỉ tiêu", "Nhóm", *headers(comparison)]
    writer.writerow(safe_row(head))
    for units, indicators in comparison.groups():
        group = group_title(comparison, units)
        for indicator in indicators:
            cells = row(comparison, indicator)
            writer.writerow(safe_row([indicator.id, group, *["\n".join(c) for c in cells]]))
    return buffer.getvalue()


def to_markdown(comparison: UnitComparison) -> str:
    lines = [f"# {md_text(title(comparison))}", ""]
    for units, indicators in comparison.groups():
        lines += [f"## {md_text(group_title(comparison, units))}", ""]
        rows = [[[f"`{i.id}`"], *row(comparison, i)] for i in indicators]
        lines += _md_table(["Mã", *headers(comparison)], rows)
        lines.append("")
    lines.append(merge_note())
    return "\n".join(lines) + "\n"
