"""A synthetic year: the example file with ``rows`` indicators in one Phụ lục table."""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "data" / "2024.yaml"
GROUP_EVERY = 50


def year_dict(rows: int) -> dict:
    """The example year with ``rows`` metrics, listed in groups of fifty in Phụ lục I."""
    base = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    template = base["metrics"][0]
    metrics = []
    table_rows = []
    for index in range(rows):
        if index % GROUP_EVERY == 0:
            table_rows.append({"group": f"Nhóm chỉ tiêu số {index // GROUP_EVERY + 1} & <xã>"})
        metric = copy.deepcopy(template)
        metric["id"] = f"chi_tieu_{index}"
        metric["name"] = f"Tỷ lệ hồ sơ trực tuyến của đơn vị số {index} (xã, phường & thị trấn)"
        observation = metric["observations"][0]
        observation["numerator"] = 1000 + index
        observation["denominator"] = 2000 + index
        observation.pop("printed", None)
        metrics.append(metric)
        table_rows.append({"metric": metric["id"], "note": f"Ghi chú <{index}>"})
    base["metrics"] = metrics
    base["task_lists"][0]["items"][0]["result"] = "Đạt [[chi_tieu_0]]"
    text = base["report"]["sections"][0]["sections"][0]
    text["body"] = ["Tỷ lệ hồ sơ giải quyết trực tuyến đạt [[chi_tieu_0|counts]]."]
    text["body"].append({"bullets": ["Mục tiêu đến năm 2025 là [[chi_tieu_0|target:2025]]."]})
    appendix = base["report"]["appendices"][0]
    appendix["parts"] = [appendix["parts"][0]]
    appendix["parts"][0]["table"]["rows"] = table_rows
    return base


def year_data(rows: int):
    """``year_dict`` as the model the renderer takes."""
    from baocao.model import YearData

    return YearData.model_validate(year_dict(rows))
