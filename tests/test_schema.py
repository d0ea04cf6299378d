"""The JSON Schemas editors check the files with: every key described for what it means
where it stands, and every file the repository ships valid against them."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from baocao.cli import app
from baocao.model.schema import build_schema

from .helpers import shipped

ROOT = Path(__file__).resolve().parents[1]
MIRRORS = {"UnitMetric": "Metric"}
"""A model that repeats another's fields with the same meaning."""


def properties(schema: dict) -> dict[tuple[str, str], dict]:
    """Every (model, field) of a schema: its top-level model and its ``$defs``."""
    models = {schema.get("title", ""): schema, **schema.get("$defs", {})}
    return {
        (model, field): prop
        for model, node in models.items()
        for field, prop in node.get("properties", {}).items()
    }


@pytest.fixture(scope="module")
def both() -> dict[tuple[str, str], dict]:
    return {**properties(build_schema()), **properties(build_schema(report=True))}


def test_every_key_has_a_description(both):
    empty = [f"{model}.{field}" for (model, field), p in both.items() if not p.get("description")]
    assert empty == []


def test_no_two_keys_share_a_description_unless_one_model_repeats_the_other(both):
    by_text = defaultdict(list)
    for (model, field), prop in both.items():
        by_text[prop["description"]].append((MIRRORS.get(model, model), field))
    shared = {text: places for text, places in by_text.items() if len(set(places)) > 1}
    assert shared == {}


def test_a_key_means_what_it_means_in_its_own_model(both):
    """The descriptions the issue found copied from another field."""
    assert "thành phần" not in both[("Appendix", "parts")]["description"]
    assert "tệp" not in both[("Target", "year")]["description"]
    assert "appendix" not in both[("Metric", "kind")]["description"]
    assert "Số văn bản" not in both[("HeadingLevel", "number")]["description"]
    assert both[("UnitMetric", "same_as")]["description"]


def as_an_editor_reads(text: str) -> dict:
    """YAML as the editor's checker sees it: a date is the text of a date."""
    return json.loads(json.dumps(yaml.safe_load(text), default=str))


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return as_an_editor_reads(text.split("\n---", 1)[0].removeprefix("---\n"))


@pytest.mark.parametrize("path", shipped("reports/*/*.md"), ids=lambda p: p.name)
def test_every_shipped_report_is_valid_against_the_report_schema(path):
    validator = Draft202012Validator(build_schema(report=True))
    assert [e.message for e in validator.iter_errors(front_matter(path))] == []


@pytest.mark.parametrize("path", shipped("data/*.yaml"), ids=lambda p: p.name)
def test_every_shipped_year_is_valid_against_the_year_schema(path):
    validator = Draft202012Validator(build_schema())
    data = as_an_editor_reads(path.read_text(encoding="utf-8"))
    assert [e.message for e in validator.iter_errors(data)] == []


def test_one_addressee_and_a_draft_mark_are_valid_for_the_editor_too():
    validator = Draft202012Validator(build_schema(report=True))
    settings = front_matter(ROOT / "reports" / "2024" / "cong-van-gui-bo.md")
    settings["document"]["to"] = "Bộ Thông tin và Truyền thông"
    settings["document"]["draft_mark"] = "Dự thảo lần 2"
    assert list(validator.iter_errors(settings)) == []
    settings["document"]["draft_mark"] = "Dự thảo\nlần 2"
    assert list(validator.iter_errors(settings))


def test_the_help_presents_every_kind_of_document():
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    summary = " ".join(result.output.split())
    for kind in ("báo cáo", "kế hoạch", "tờ trình", "công văn", "Nghị định 30/2020/NĐ-CP"):
        assert kind in summary
