"""JSON Schemas of a year file and of a report's front matter, for editors that check
YAML while it is typed.

Built from the pydantic models, with the Vietnamese descriptions of ``descriptions``
in place of the models' English docstrings. ``schema/year.schema.json`` and
``schema/report.schema.json`` in the repository are this output; a test keeps them
equal (regenerate with ``baocao schema > schema/year.schema.json`` and ``baocao schema
--report > schema/report.schema.json``).
"""

from __future__ import annotations

import json
from typing import Any

from .descriptions import FIELDS, MODELS

SCHEMA_ID = "https://json-schema.org/draft/2020-12/schema"


def _describe(node: dict[str, Any], model: str) -> None:
    node.pop("title", None)
    if model in MODELS:
        node["description"] = MODELS[model]
    else:
        node.pop("description", None)
    fields = FIELDS.get(model, {})
    for name, prop in node.get("properties", {}).items():
        prop.pop("title", None)
        prop.pop("description", None)
        if name in fields:
            prop["description"] = fields[name]


def build_schema(report: bool = False) -> dict[str, Any]:
    """The JSON Schema of a year file (``YearData``) or, with ``report``, of a report's
    front matter (``ReportSettings``), with Vietnamese descriptions."""
    from .report import ReportSettings
    from .year import YearData

    model = ReportSettings if report else YearData
    schema = model.model_json_schema()
    for name, node in schema.get("$defs", {}).items():
        _describe(node, name)
    _describe(schema, model.__name__)
    if report:
        for name in ("Document", "Attachment"):
            schema["$defs"][name]["properties"]["number"]["anyOf"].append({"type": "integer"})
        one_addressee = {"type": "string", "minLength": 1}
        schema["$defs"]["Document"]["properties"]["to"]["anyOf"].insert(0, one_addressee)
        title = "Phần khai báo của tệp báo cáo baocao"
    else:
        observation = schema["$defs"]["Observation"]["properties"]
        as_of = observation["as_of"]
        observation["as_of"] = {
            "description": as_of.pop("description"),
            "anyOf": [as_of, {"type": "integer"}],
        }
        title = "Tệp dữ liệu năm của baocao"
    return {"$schema": SCHEMA_ID, "title": title, **schema}


def schema_text(report: bool = False) -> str:
    return json.dumps(build_schema(report), ensure_ascii=False, indent=2) + "\n"
