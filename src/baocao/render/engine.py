"""Turn a document's context into the bytes of a .docx: docxtpl in a sandbox, then
footnotes and a reproducible zip. Nothing here reads data, checks it or writes files.

Templates render with autoescaping on, undefined variables as errors and in a
sandboxed Jinja environment, so a template can neither print an empty string
where a figure belongs nor reach Python internals. The rendered XML is parsed
strictly: docxtpl's own re-parse repairs broken XML silently, which would drop
text.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypedDict

from docxtpl import DocxTemplate
from lxml import etree
from markupsafe import Markup

from .. import decree30
from ..documents.types import (
    AppendixContext,
    AppendixShape,
    Block,
    DocumentHeader,
    ReportContext,
)
from ..errors import InvalidText, TemplateError
from ..model.report import ReportSettings
from ..prose.segments import Paragraph
from .addressee import addressee_xml
from .draft import mark_draft
from .package import MalformedPart, finish_package
from .rules import agency_rule, summary_rule
from .sandbox import jinja_environment
from .splice import Fragments
from .strict import StrictDocxTemplate, template_error
from .tables import table_xml
from .xml import InvalidCharacters, paragraph, runs

EMU_PER_MM = 36000
MAX_PROPERTY_CHARS = 255


def document_stamp(settings: ReportSettings) -> date:
    value = settings.document.date
    return value if isinstance(value, date) else date(value, 1, 1)


def _section_break(template: DocxTemplate) -> Markup:
    """A paragraph ending a section that starts the next appendix on page 1."""
    body = template.get_docx().element.body
    properties = body.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sectPr")
    xml = etree.tostring(properties, encoding="unicode")
    return Markup(f"<w:p><w:pPr>{xml}</w:pPr></w:p>")


def _text_width_mm(template: DocxTemplate) -> float:
    section = template.get_docx().sections[0]
    usable: int = section.page_width - section.left_margin - section.right_margin
    return usable / EMU_PER_MM


class BodyRuns(TypedDict):
    kind: str
    runs: Markup


class ReportVariables(TypedDict):
    """What ``BaoCao.docx`` sees: the report context with its text as Word runs."""

    doc: DocumentHeader
    year: int
    body: list[BodyRuns]
    closing: Markup
    addressee: Markup
    agency_rule: Markup
    summary_rule: Markup


class AppendixVariables(TypedDict):
    """What ``PhuLuc.docx`` sees: tables as placeholders spliced in after docxtpl."""

    doc: DocumentHeader
    year: int
    appendices: list[dict[str, Any]]
    section_break: Markup


BODY_STYLES = {
    "heading1": "BCHeading1",
    "heading2": "BCHeading2",
    "heading3": "BCHeading3",
    "heading4": "BCHeading4",
    "bullet": "BCBullet",
    "bullet2": "BCBullet2",
    "part_label": "BCPartLabel",
    "part_title": "BCPartTitle",
}
SPLICED = "spliced"
"""A body block holding every paragraph, spliced in after docxtpl like the tables: a
template whose body loop has a ``b.kind == 'spliced'`` branch renders prose in time
linear in its length (docxtpl's own loop grows faster than the body)."""


def report_variables(
    context: ReportContext, template: DocxTemplate | None = None, fragments: Fragments | None = None
) -> ReportVariables:
    body: list[BodyRuns]
    width = _text_width_mm(template) if template is not None else decree30.text_width()
    if template is not None and fragments is not None and _splices_body(template):
        xml = "".join(_body_xml_of(b, width) for b in context["body"])
        body = [{"kind": SPLICED, "runs": fragments.placeholder(xml)}] if xml else []
    else:
        body = [{"kind": b["kind"], "runs": Markup(runs(b["segments"]))} for b in context["body"]]
    doc = context["doc"]
    placeholder = fragments.placeholder if fragments is not None else Markup
    return {
        "doc": doc,
        "year": context["year"],
        "body": body,
        "closing": Markup(runs(context["closing"])),
        "addressee": placeholder(addressee_xml(doc["to"], width)) if doc["to"] else Markup(""),
        "agency_rule": placeholder(agency_rule(doc["agency"])),
        "summary_rule": placeholder(summary_rule(doc["summary_lines"], width))
        if doc["summary_lines"]
        else Markup(""),
    }


def _body_xml_of(block: Block, width: float) -> str:
    """A body block as WordprocessingML: a paragraph of its style, or a table."""
    table = block.get("table")
    if table is not None:
        return table_xml(table, width)
    return paragraph(block["segments"], BODY_STYLES.get(block["kind"], "BCBody"))


def _splices_body(template: DocxTemplate) -> bool:
    """Whether the template's body loop has the branch for a spliced body."""
    return f"b.kind == '{SPLICED}'" in _body_xml(template)


def _body_xml(template: DocxTemplate) -> str:
    return str(etree.tostring(template.get_docx().element.body, encoding="unicode"))


def check_report_template(template: DocxTemplate, name: str, context: ReportContext) -> None:
    """A template made before a feature this document uses would drop it silently (a
    "Kính gửi", a công văn's "V/v", a part heading): refuse it and say how to update."""
    body = _body_xml(template)
    styles = {style.style_id for style in template.get_docx().styles}
    missing = []
    if context["doc"]["to"] and "addressee" not in body:
        missing.append("“Kính gửi” ({{p addressee }})")
    if context["doc"]["letter_summary"] and "doc.letter_summary" not in body:
        missing.append("trích yếu công văn “V/v …” ({{ doc.letter_summary }})")
    if not context["doc"]["type"] and "if doc.type" not in body:
        missing.append("phần tên loại văn bản có điều kiện ({%p if doc.type %})")
    spliced = f"b.kind == '{SPLICED}'" in body
    for kind in dict.fromkeys(b["kind"] for b in context["body"]):
        if kind == "table":
            if not spliced:
                missing.append("bảng trong nội dung (vòng lặp nội dung dạng 'spliced')")
            continue
        style = BODY_STYLES.get(kind, "BCBody")
        if (spliced and style not in styles) or (not spliced and f"'{kind}'" not in body):
            missing.append(f"kiểu đoạn '{style}' cho đề mục loại '{kind}'")
    if missing:
        raise TemplateError(
            f"mẫu '{name}' được tạo trước khi baocao hỗ trợ: {'; '.join(missing)}. "
            "Lấy mẫu mới bằng 'baocao init THƯ_MỤC_MỚI' (chép templates/ sang), hoặc bỏ "
            "--templates để dùng mẫu cài sẵn"
        )


def appendix_variables(
    context: AppendixContext, template: DocxTemplate, fragments: Fragments
) -> AppendixVariables:
    width = _text_width_mm(template)
    return {
        "doc": context["doc"],
        "year": context["year"],
        "appendices": [_appendix(a, width, fragments) for a in context["appendices"]],
        "section_break": _section_break(template),
    }


def _appendix(appendix: AppendixShape, width: float, fragments: Fragments) -> dict[str, Any]:
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
    return {**appendix, "parts": parts}


def report_document(
    context: ReportContext,
    settings: ReportSettings,
    template: Path,
    identifier: str | None,
    draft_mark: str | None = None,
) -> bytes:
    """The BÁO CÁO as the bytes of a .docx file; a draft's with ``draft_mark`` at the
    top left of its first page."""
    title = f"{settings.document.type} {settings.document.summary}"

    def variables(docx: DocxTemplate, fragments: Fragments) -> ReportVariables:
        check_report_template(docx, template.name, context)
        return report_variables(context, docx, fragments)

    return _render(
        template,
        variables,
        context["footnotes"],
        settings,
        identifier,
        title,
        draft_mark,
    )


def appendix_document(
    context: AppendixContext,
    settings: ReportSettings,
    template: Path,
    identifier: str | None,
    draft_mark: str | None = None,
) -> bytes:
    """The Phụ lục document as the bytes of a .docx file (a draft's marked)."""
    return _render(
        template,
        lambda t, f: appendix_variables(context, t, f),
        context["footnotes"],
        settings,
        identifier,
        appendix_title(context),
        draft_mark,
    )


def _render(
    template_path: Path,
    make_context: Callable[[DocxTemplate, Fragments], Any],
    notes: list[tuple[int, Paragraph]],
    settings: ReportSettings,
    identifier: str | None = None,
    title: str = "",
    draft_mark: str | None = None,
) -> bytes:
    try:
        return _render_docx(
            template_path, make_context, notes, settings, identifier, title, draft_mark
        )
    except InvalidCharacters as exc:
        raise InvalidText(str(exc)) from exc


def _render_docx(
    template_path: Path,
    make_context: Callable[[DocxTemplate, Fragments], Any],
    notes: list[tuple[int, Paragraph]],
    settings: ReportSettings,
    identifier: str | None,
    title: str,
    draft_mark: str | None,
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
    _set_properties(template, settings, title)
    if draft_mark:
        mark_draft(template.docx, draft_mark)
    buffer = io.BytesIO()
    template.save(buffer)
    try:
        stamp = document_stamp(settings)
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


def _set_properties(template: DocxTemplate, settings: ReportSettings, title: str) -> None:
    """Document properties that are true, from the report, never from the clock: the
    dates only when the document has a full date, never a "last printed"."""
    doc = settings.document
    properties = template.docx.core_properties
    properties.title = _property_text(title)
    properties.author = _property_text(doc.agency_name)
    properties.last_modified_by = _property_text(doc.agency_name)
    properties.revision = 1
    properties.language = "vi-VN"
    core = properties._element
    for name in ("created", "modified", "lastPrinted"):
        for found in core.findall(f"{{*}}{name}"):
            core.remove(found)
    if isinstance(doc.date, date):
        stamp = datetime.combine(doc.date, datetime.min.time())
        properties.created = stamp
        properties.modified = stamp


def appendix_title(context: AppendixContext) -> str:
    """``Phụ lục I: … ; Phụ lục II: …``: the Phụ lục document's own title."""
    return "; ".join(f"{a['label']}: {a['title']}" for a in context["appendices"])
