"""What templates see of the reporting units (``units``), as plain data.

- one Phụ lục section per unit after the first, laid out as the source report lays it
  out: STT, indicator, evaluation with the figure where there is one;
- the comparison table (indicator, each unit, gap, merged figure), grouped by which
  units report the indicator;
- the generated comparison paragraphs of the BÁO CÁO.
"""

from __future__ import annotations

from decimal import Decimal

from ..formatting import to_roman
from ..metrics.printing import observation_text
from ..metrics.units import Indicator, UnitComparison, compare_units, join_names
from ..model.report import Appendix
from ..model.year import UnitMetric, YearData
from ..prose.segments import Footnotes, Paragraph, TextBuilder, YearReferences
from ..tables.units import any_merged, group_title, headers, merge_note, row
from .types import Cell, Part, Row, TableShape

SECTION_COLUMNS = ["stt", "name", "evaluation"]
SECTION_HEADERS = ["STT", "Chỉ tiêu", "Đánh giá"]
LARGEST_GAPS = 3


def evaluation_text(metric: UnitMetric) -> str:
    """``Chưa đạt (năm 2024 đạt tỷ lệ [[…]])``: the evaluation, then the result or figure."""
    detail = metric.result
    if detail is None and metric.figure is not None:
        detail = observation_text(metric, metric.figure)
    if metric.evaluation and detail:
        return f"{metric.evaluation} ({detail})"
    return metric.evaluation or detail or ""


def unit_parts(
    data: YearData,
    references: YearReferences,
    footnotes: Footnotes,
    first_number: int,
    where: str,
) -> list[Part]:
    """One part per unit after the first, headed ``II. TỈNH …`` from ``first_number``."""
    parts: list[Part] = []
    for offset, unit in enumerate(data.units[1:]):
        index = data.units.index(unit)
        text = TextBuilder(references.for_unit(index), footnotes)
        rows: list[Row] = []
        for number, metric in enumerate(unit.metrics, start=1):
            place = f"units[{index}].metrics[{number - 1}]"
            cells: list[Cell] = [
                [[f"{number:02d}"]],
                text.paragraphs(metric.name, f"{place}.name"),
                text.paragraphs(evaluation_text(metric), f"{place}.result"),
            ]
            rows.append({"group": False, "cells": cells})
        parts.append(
            {
                "heading": f"{to_roman(first_number + offset)}. {unit.name.upper()}",
                "subheading": None,
                "paragraphs": [],
                "table": {"columns": SECTION_COLUMNS, "headers": SECTION_HEADERS, "rows": rows},
            }
        )
    return parts


def comparison_columns(comparison: UnitComparison, merged: bool = True) -> list[str]:
    units = [f"unit:{u.id}" for u in comparison.units]
    return ["stt", "name", *units, "gap", *(["merged"] if merged else [])]


def comparison_table(data: YearData) -> TableShape:
    """The comparison as a Phụ lục table: Roman group rows, numbered indicator rows."""
    comparison = compare_units(data)
    merged = any_merged(comparison)
    columns = comparison_columns(comparison, merged)
    rows: list[Row] = []
    for group_number, (units, indicators) in enumerate(comparison.groups(), start=1):
        title = group_title(comparison, units)
        cells: list[Cell] = [[[to_roman(group_number)]], [[title]]]
        cells += [[] for _ in columns[2:]]
        rows.append({"group": True, "cells": cells})
        for number, indicator in enumerate(indicators, start=1):
            lines = [[str(number)], *row(comparison, indicator, merged)]
            line_cells: list[Cell] = [[[line] for line in cell] for cell in lines]
            rows.append({"group": False, "cells": line_cells})
    return {"columns": columns, "headers": ["STT", *headers(comparison, merged)], "rows": rows}


def comparison_part(data: YearData, part: Part) -> Part:
    """A part with ``unit_comparison``: its own heading and paragraphs, a note on the
    merged column when it has figures, then the table."""
    notes: list[Paragraph] = [[merge_note()]] if any_merged(compare_units(data)) else []
    paragraphs = [*part["paragraphs"], *notes]
    return {**part, "paragraphs": paragraphs, "table": comparison_table(data)}


# --- the BÁO CÁO's comparison paragraphs ---------------------------------------------


def inline(name: str) -> str:
    """A name inside a sentence: ``Tỷ lệ hồ sơ`` → ``tỷ lệ hồ sơ``; ``GRDP`` unchanged."""
    if len(name) > 1 and name[0].isupper() and not name[1].isupper():
        return name[0].lower() + name[1:]
    return name


def sentence(text: str) -> str:
    return text[0].upper() + text[1:] if text else text


def _list(lead: str, lines: list[str]) -> list[tuple[str, str]]:
    """``- lead:`` then one ``+`` line per item, ``;`` between them and ``.`` at the end."""
    items = [line.rstrip(".; ") for line in lines]
    out = [("bullet", f"- {lead}:")]
    for index, item in enumerate(items):
        end = "." if index == len(items) - 1 else ";"
        out.append(("bullet2", f"+ {sentence(item)}{end}"))
    return out


def _figures(indicator: Indicator) -> str:
    parts = [f"{s.unit.name} {s.value.text}" for s in indicator.sides if s.value is not None]
    return ", ".join(parts)


def comparison_appendix(appendices: list[Appendix]) -> str | None:
    """``Phụ lục I``: the appendix holding the comparison table, if any."""
    for index, appendix in enumerate(appendices, start=1):
        if any(part.unit_comparison for part in appendix.parts):
            return f"Phụ lục {to_roman(index)}"
    return None


def summary_blocks(data: YearData, appendices: list[Appendix]) -> list[tuple[str, str]]:
    """``(kind, text)`` blocks: an opening paragraph, ``-`` bullets and ``+`` items."""
    comparison = compare_units(data)
    units = comparison.units
    everyone = join_names([u.name for u in units])
    shared = list(comparison.shared)
    label = comparison_appendix(appendices)
    where = f" (chi tiết tại {label})" if label else ""
    blocks = [
        (
            "paragraph",
            f"Năm {comparison.year}, {everyone} cùng báo cáo {len(shared)} chỉ tiêu{where}. "
            "Kết quả so sánh như sau:",
        )
    ]
    judged = [i for i in shared if all(s.judged for s in i.sides)]
    all_met = [i for i in judged if len(i.met_by) == len(units)]
    if all_met:
        lead = f"Cả {everyone} đều đạt {len(all_met)} chỉ tiêu"
        blocks += _list(lead, [i.name for i in all_met])
    for unit in units:
        only = [i for i in judged if i.met_by == (unit,)]
        if only:
            others = join_names([u.name for u in units if u is not unit])
            lead = f"Chỉ {unit.name} đạt {len(only)} chỉ tiêu ({others} chưa đạt)"
            blocks += _list(lead, [i.name for i in only])
    none_met = [i for i in judged if not i.met_by]
    if none_met:
        lead = f"Cả {everyone} đều chưa đạt {len(none_met)} chỉ tiêu"
        blocks += _list(lead, [i.name for i in none_met])
    blocks += _gap_blocks(comparison)
    merged = _merged_bullet(comparison)
    if merged:
        blocks.append(("bullet", f"- {merged}"))
    partial = _partial_sentence(comparison, f" tại {label}" if label else "")
    if partial:
        blocks.append(("bullet", f"- {partial}"))
    return blocks


def _gap_blocks(comparison: UnitComparison) -> list[tuple[str, str]]:
    with_gap = [i for i in comparison.shared if i.gap.absolute is not None]
    if not with_gap:
        text = "Chưa có chỉ tiêu nào các đơn vị cùng có số liệu để tính chênh lệch."
        return [("bullet", f"- {text}")]
    largest = sorted(with_gap, key=lambda i: abs(Decimal(i.gap.absolute or 0)), reverse=True)
    lines = []
    for indicator in largest[:LARGEST_GAPS]:
        amount = indicator.gap.text(signed=False)
        lines.append(f"{indicator.name}: {_figures(indicator)}, chênh lệch {amount}")
    lead = "Các chỉ tiêu chênh lệch nhiều nhất" if len(lines) > 1 else "Chỉ tiêu có chênh lệch"
    return _list(lead, lines)


def _merged_bullet(comparison: UnitComparison) -> str | None:
    """The rates of the merged province, where every unit gave its counts; nothing
    when none could be computed (a sentence saying so would only be noise)."""
    merged = [i for i in comparison.shared if i.merged.value is not None]
    if not merged:
        return None
    items = "; ".join(f"{inline(i.name)} đạt {i.merged.text}" for i in merged)
    return (
        f"Tính chung các đơn vị (tổng số của các đơn vị, không lấy trung bình các tỷ lệ): {items}."
    )


def _partial_sentence(comparison: UnitComparison, where: str) -> str | None:
    parts = []
    for units, indicators in comparison.groups():
        if len(units) < len(comparison.units):
            names = join_names([u.name for u in units])
            parts.append(f"{len(indicators)} chỉ tiêu chỉ {names} báo cáo")
    if not parts:
        return None
    return f"Ngoài ra, {join_names(parts)} được liệt kê riêng{where}."
