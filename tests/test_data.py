"""The shipped year files: they load, and every figure is traceable to its seed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from baocao.load.year_file import load_year

from .conftest import SEEDS
from .helpers import shipped

ROOT = Path(__file__).resolve().parents[1]
YEAR_FILES = shipped("data/[0-9][0-9][0-9][0-9].yaml")
SEED_NAME = re.compile(r"\d{3}_[0-9a-f]{16}\.txt")


def collapse(text: str) -> str:
    return " ".join(text.split())


def test_the_three_years_are_shipped():
    assert [p.stem for p in YEAR_FILES] == ["2022", "2023", "2024"]


@pytest.mark.parametrize("path", YEAR_FILES, ids=lambda p: p.name)
def test_year_file_loads_and_matches_its_name(path):
    data = load_year(path)
    assert data.year == int(path.stem)
    assert data.metrics, "a year without metrics"


@pytest.mark.parametrize("path", YEAR_FILES, ids=lambda p: p.name)
def test_metric_ids_are_unique(path):
    ids = [m.id for m in load_year(path).metrics]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("path", YEAR_FILES, ids=lambda p: p.name)
def test_every_figure_has_a_declared_source(path):
    data = load_year(path)
    for metric in data.metrics:
        for observation in metric.observations:
            assert observation.source.ref in data.sources, metric.id
            assert observation.source.quote.strip(), metric.id


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed reports are not beside the repository")
@pytest.mark.parametrize("path", YEAR_FILES, ids=lambda p: p.name)
def test_every_quote_is_in_its_seed_at_its_line(path):
    """The quoted words are in the seed (line breaks ignored), starting near the line given."""
    data = load_year(path)
    seeds = {}
    for ref, description in data.sources.items():
        found = SEED_NAME.search(description)
        assert found, f"source '{ref}' does not name its seed file"
        seeds[ref] = (SEEDS / found.group()).read_text(encoding="utf-8").splitlines()
    missing = []
    for metric_id, source in _sources(data):
        lines = seeds[source.ref]
        quote = collapse(source.quote)
        whole = collapse("\n".join(lines))
        if quote not in whole:
            missing.append((metric_id, source.quote))
            continue
        if source.line is not None:
            start = max(source.line - 3, 0)
            window = collapse("\n".join(lines[start : source.line + 60]))
            if quote not in window:
                missing.append((metric_id, f"not at line {source.line}: {source.quote}"))
    assert missing == []


def _sources(data):
    """Every quoted source: observations of ``metrics``, and of each unit's metrics with
    the indicator's own row (``units[i].metrics[j].source``)."""
    for metric in data.metrics:
        for observation in metric.observations:
            yield metric.id, observation.source
    for unit in data.units[1:]:
        for metric in unit.metrics:
            yield f"{unit.id}.{metric.id}", metric.source
            for observation in metric.observations:
                yield f"{unit.id}.{metric.id}", observation.source


def test_units_of_2024_from_seed_003():
    """Kiên Giang's 15 indicators of seed 003, with the three figures the seed gives."""
    data = load_year(ROOT / "data" / "2024.yaml")
    assert [u.id for u in data.units] == ["an_giang", "kien_giang"]
    unit = data.units[1]
    assert len(unit.metrics) == 15
    figures = {m.id: m.figure.value for m in unit.metrics if m.figure is not None}
    assert figures == {
        "van_ban_dien_tu": 82.89,
        "ho_so_truc_tuyen": 71.8,
        "doanh_nghiep_kcn_nen_tang_so": 44,
    }
    for metric in unit.metrics:
        assert metric.source.ref in data.sources
        assert metric.evaluation and metric.targets, metric.id
