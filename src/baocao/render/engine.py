"""Render a year's documents: context → docxtpl in a sandbox → footnotes → file.

Templates render with autoescaping on, undefined variables as errors and in a
sandboxed Jinja environment, so a template can neither print an empty string
where a figure belongs nor reach Python internals. The rendered XML is parsed
strictly: docxtpl's own re-parse repairs broken XML silently, which would drop
text.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from lxml import etree
from markupsafe import Markup

from ..context import build_appendix, build_report
from ..errors import BaocaoError, TemplateError
from ..model import YearData
from .output import write_files
from .package import MalformedPart, finish_package, render_id
from .sandbox import jinja_environment
from .splice import Fragments
from .strict import StrictDocxTemplate, template_error
from .tables import table_xml
from .xml import InvalidCharacters, runs

REPORT_TEMPLATE = "BaoCao.docx"
APPENDIX_TEMPLATE = "PhuLuc.docx"
EMU_PER_MM = 36000
MAX_PROPERTY_CHARS = 255


@dataclass(frozen=True)
class RenderedFile:
    path: Path
    kind: str


def document_stamp(data: YearData) -> date:
    value = data.report.document.date
    return value if isinstance(value, date) else date(value, 1, 1)


def _section_break(template: DocxTemplate) -> Markup:
    """A paragraph ending a section that starts the next appendix on page 1."""
    body = template.get_docx().element.body
    properties = body.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sectPr")
    xml = etree.tostring(properties, encoding="unicode")
    return Markup(f"<w:p><w:pPr>{xml}</w:pPr></w:p>")


def _text_width_mm(template: DocxTemplate) -> float:
    section = template.get_docx().sections[0]
    usable = section.page_width - section.left_margin - section.right_margin
    return usable / EMU_PER_MM


def _report_context(context: dict[str, Any]) -> dict[str, Any]:
    body = [{"kind": b["kind"], "runs": Markup(runs(b["segments"]))} for b in context["body"]]
    return {**context, "body": body, "closing": Markup(runs(context["closing"]))}


def _appendix_context(
    context: dict[str, Any], template: DocxTemplate, fragments: Fragments
) -> dict[str, Any]:
    width = _text_width_mm(template)
    appendices = []
    for appendix in context["appendices"]:
        parts = [
            {
                **part,
                "paragraphs": [Markup(runs(p)) for p in part["paragraphs"]],
                "table": fragments.placeholder(table_xml(part["table"], width))
                if part["table"]
                else None,
            }
            for part in appendix["parts"]
        ]
        appendices.append({**appendix, "parts": parts})
    return {**context, "appendices": appendices, "section_break": _section_break(template)}


def _render(
    template_path: Path,
    make_context,
    notes: list[tuple[int, str]],
    data: YearData,
    identifier: str | None = None,
) -> bytes:
    if not template_path.is_file():
        raise TemplateError(f"Không tìm thấy mẫu văn bản '{template_path}'")
    template = StrictDocxTemplate(str(template_path))
    fragments = Fragments(template.resolve_listing)
    try:
        template.init_docx()
        context = make_context(template, fragments)
        template.render(context, jinja_env=jinja_environment(), autoescape=True)
    except Exception as exc:  # noqa: BLE001 - sandbox, strict parse: see render/strict.py
        raise template_error(template_path.name, exc) from exc
    _set_properties(template, data)
    buffer = io.BytesIO()
    template.save(buffer)
    try:
        stamp = document_stamp(data)
        return finish_package(buffer.getvalue(), notes, stamp, fragments.splice, identifier)
    except MalformedPart as exc:
        raise TemplateError(f"{template_path.name}: {exc}") from exc


def _property_text(text: str) -> str:
    """Word keeps at most 255 characters in a text property: cut longer text at a word."""
    text = " ".join(text.split())
    if len(text) <= MAX_PROPERTY_CHARS:
        return text
    cut = text[: MAX_PROPERTY_CHARS - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut[100:] else cut) + "…"


def _set_properties(template: DocxTemplate, data: YearData) -> None:
    """Document properties from the data, never from the clock or the machine."""
    doc = data.report.document
    stamp = datetime.combine(document_stamp(data), datetime.min.time())
    properties = template.docx.core_properties
    properties.title = _property_text(f"{doc.type} {doc.summary}")
    properties.author = _property_text(doc.agency_name)
    properties.last_modified_by = _property_text(doc.agency_name)
    properties.created = stamp
    properties.modified = stamp
    properties.last_printed = stamp
    properties.revision = 1
    properties.language = "vi-VN"


def render_year(data: YearData, templates: Path, out_dir: Path) -> list[RenderedFile]:
    """Write the BÁO CÁO and its Phụ lục for ``data`` into ``out_dir``."""
    try:
        report = build_report(data)
        appendix = build_appendix(data) if data.report.appendices else None
    except InvalidCharacters as exc:
        raise BaocaoError(str(exc)) from exc
    outputs: list[tuple[Path, bytes, str]] = []
    used = [templates / REPORT_TEMPLATE, templates / APPENDIX_TEMPLATE]
    identifier = render_id(data.model_dump_json(), used)  # shared: a mixed pair shows
    report_bytes = _render(
        templates / REPORT_TEMPLATE,
        lambda _t, _f: _report_context(report),
        report["footnotes"],
        data,
        identifier,
    )
    outputs.append((out_dir / f"BaoCao_{data.year}.docx", report_bytes, "BÁO CÁO"))
    if appendix is not None:
        appendix_bytes = _render(
            templates / APPENDIX_TEMPLATE,
            lambda t, f: _appendix_context(appendix, t, f),
            appendix["footnotes"],
            data,
            identifier,
        )
        outputs.append((out_dir / f"PhuLuc_{data.year}.docx", appendix_bytes, "Phụ lục"))
    write_files([(path, content) for path, content, _kind in outputs])
    return [RenderedFile(path, kind) for path, _content, kind in outputs]
