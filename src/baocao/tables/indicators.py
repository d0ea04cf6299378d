"""``baocao export 2024``: a year's indicator table, as CSV or JSON (``excel.tables``
writes it as .xlsx).

One row per metric: id, name, unit, this year's target, the latest figure (a number;
a rate also with its counts), its date, the evaluation and the source.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from typing import Any

from ..metrics.printing import observation_text, target_text
from ..model.year import Metric, YearData
from .years import safe_row

HEADERS = [
    ("Mã chỉ tiêu", 22),
    ("Chỉ tiêu", 50),
    ("Đơn vị", 10),
    ("Mục tiêu", 14),
    ("Số liệu", 14),
    ("Tử số", 13),
    ("Mẫu số", 13),
    ("Thời điểm", 12),
    ("Số liệu như văn bản in", 26),
    ("Đánh giá", 12),
    ("Nguồn", 20),
]


@dataclass
class IndicatorTable:
    year: int
    metrics: list[Metric] = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"Bảng chỉ tiêu năm {self.year}"


def indicator_table(data: YearData) -> IndicatorTable:
    return IndicatorTable(data.year, list(data.metrics))


def _figure(metric: Metric) -> Any:
    if not metric.observations:
        return None
    obs = metric.latest
    if obs.numerator is not None and obs.denominator is not None and metric.is_rate:
        from ..formatting import rate

        return rate(obs.numerator, obs.denominator)
    return obs.value


def record(metric: Metric, year: int) -> dict[str, Any]:
    obs = metric.latest if metric.observations else None
    target = metric.target_for(year)
    printed = ""
    if metric.pending or obs is None:
        printed = "chờ số liệu"
    else:
        try:
            printed = observation_text(metric, obs)
        except Exception:  # noqa: BLE001 - an observation with neither figure nor text
            printed = ""
    return {
        "id": metric.id,
        "name": metric.name,
        "unit": metric.unit,
        "target": target.value if target and target.value is not None else None,
        "target_text": target_text(metric, year),
        "value": _figure(metric) if not metric.pending else None,
        "numerator": obs.numerator if obs else None,
        "denominator": obs.denominator if obs else None,
        "as_of": obs.as_of if obs and not metric.pending else None,
        "printed": printed,
        "evaluation": metric.evaluation,
        "source": obs.source.ref if obs else None,
    }


def to_csv(table: IndicatorTable) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(safe_row([h for h, _w in HEADERS]))
    for metric in table.metrics:
        r = record(metric, table.year)
        cells = [r["id"], r["name"], r["unit"], r["target_text"] or "", r["printed"]]
        writer.writerow(
            safe_row(
                cells[:4]
                + [
                    "" if r["value"] is None else str(r["value"]),
                    "" if r["numerator"] is None else str(r["numerator"]),
                    "" if r["denominator"] is None else str(r["denominator"]),
                    r["as_of"] or "",
                    r["printed"],
                    r["evaluation"] or "",
                    r["source"] or "",
                ]
            )
        )
    return buffer.getvalue()


def to_json(table: IndicatorTable) -> str:
    records = []
    for metric in table.metrics:
        r = record(metric, table.year)
        r["value"] = None if r["value"] is None else float(r["value"])
        records.append(r)
    body = {"year": table.year, "title": table.title, "metrics": records}
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"
