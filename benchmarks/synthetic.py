"""A synthetic workspace: the example with ``rows`` indicators in one Phụ lục table."""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "data" / "2024.yaml"
EXAMPLE_REPORT = ROOT / "examples" / "reports" / "2024" / "bao-cao-mau.md"
GROUP_EVERY = 50


def year_dict(rows: int) -> dict:
    """The example year with ``rows`` metrics."""
    base = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    template = base["metrics"][0]
    metrics = []
    for index in range(rows):
        metric = copy.deepcopy(template)
        metric["id"] = f"chi_tieu_{index}"
        metric["name"] = f"Tỷ lệ hồ sơ trực tuyến của đơn vị số {index} (xã, phường & thị trấn)"
        observation = metric["observations"][0]
        observation["numerator"] = 1000 + index
        observation["denominator"] = 2000 + index
        observation.pop("printed", None)
        metrics.append(metric)
    base["metrics"] = metrics
    base["task_lists"][0]["items"][0]["result"] = "Đạt [[chi_tieu_0]]"
    return base


def table_rows(rows: int) -> list[dict]:
    """The Phụ lục rows: the ``rows`` metrics in groups of fifty."""
    out: list[dict] = []
    for index in range(rows):
        if index % GROUP_EVERY == 0:
            out.append({"group": f"Nhóm chỉ tiêu số {index // GROUP_EVERY + 1} & <xã>"})
        out.append({"metric": f"chi_tieu_{index}", "note": f"Ghi chú <{index}>"})
    return out


def report_text(rows: list[dict]) -> str:
    """The example report with ``rows`` in its first table, citing ``chi_tieu_0``."""
    _, front_text, body = EXAMPLE_REPORT.read_text(encoding="utf-8").split("---\n", 2)
    front = yaml.safe_load(front_text)
    appendix = front["appendices"][0]
    appendix["parts"] = [appendix["parts"][0]]
    appendix["parts"][0]["table"]["rows"] = rows
    matter = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=10**6)
    return f"---\n{matter}---\n{body.replace('ho_so_truc_tuyen', 'chi_tieu_0')}"


def workspace(root: Path, rows: int, data: dict | None = None) -> Path:
    """A workspace under ``root`` with ``rows`` indicators; returns the report file."""
    (root / "data").mkdir(parents=True, exist_ok=True)
    year = yaml.safe_dump(data or year_dict(rows), allow_unicode=True, sort_keys=False, width=10**6)
    (root / "data" / "2024.yaml").write_text(year, encoding="utf-8")
    report = root / "reports" / "2024" / "bao-cao-mau.md"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(report_text(table_rows(rows)), encoding="utf-8")
    return report


def validated(root: Path, rows: int, data: dict | None = None):
    """The synthetic report validated, its documents' contexts built."""
    from baocao.commands.validate import validate_report
    from baocao.workspace import Workspace

    report = workspace(root, rows, data)
    checked = validate_report(report, Workspace(root=root, data=root / "data"))
    assert not checked.errors, checked.errors[:3]
    return checked


def prose_workspace(root: Path, paragraphs: int) -> Path:
    """The example workspace whose report has ``paragraphs`` more paragraphs, each with a
    figure, bold text and a footnote; returns the report file."""
    (root / "data").mkdir(parents=True, exist_ok=True)
    (root / "data" / "2024.yaml").write_text(EXAMPLE.read_text(encoding="utf-8"), "utf-8")
    text = EXAMPLE_REPORT.read_text(encoding="utf-8")
    body = "\n\n".join(
        f"Đoạn {i}: tỷ lệ [[ho_so_truc_tuyen]], **đạt** mục tiêu.[^ctr553]"
        for i in range(paragraphs)
    )
    closing = "Trên đây là báo cáo mẫu"
    report = root / "reports" / "2024" / "bao-cao-mau.md"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(text.replace(closing, f"{body}\n\n{closing}", 1), encoding="utf-8")
    return report
