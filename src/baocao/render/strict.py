"""docxtpl made strict: every rendered part parsed strictly, errors located.

docxtpl re-parses what Jinja rendered with ``recover=True``, which silently drops
broken markup (and the text in it), and renders a footnotes part once per section,
so that text from the data is rendered as a template again. ``StrictDocxTemplate``
parses the body, every header and footer and the footnotes strictly, renders each
part once, and turns whatever goes wrong while a part renders into a
``TemplateError`` naming the template, the part, the tag and the text around it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import jinja2
from docx.opc.part import Part
from docxtpl import DocxTemplate
from lxml import etree

from ..errors import BaocaoError, TemplateError
from .package import MalformedPart
from .sandbox import GuardedEnvironment, LimitExceeded, Unprintable
from .template_guard import check_template
from .xml import InvalidCharacters
from .xml_errors import syntax_reason

FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
MARKUP = re.compile(r"<[^>]+>")
NEAR_CHARS = 160
UNSAFE = re.compile(r"access to attribute '([^']+)' of '([^']+)' object is unsafe")
STRICT_PARSER = etree.XMLParser(recover=False, resolve_entities=False, huge_tree=True)
RANGE_TOO_BIG = "Range too big"
NO_FILTER = re.compile(r"No filter named '([^']+)'")
RUNTIME: dict[type[BaseException], str] = {
    ZeroDivisionError: "phép chia cho 0",
    TypeError: "phép tính hay hàm dùng sai kiểu giá trị (ví dụ cộng chữ với số)",
    OverflowError: "số quá lớn",
    ValueError: "giá trị không hợp lệ cho phép tính hay bộ lọc",
    LookupError: "không có phần tử hay khóa này",
}


class PartError(Exception):
    """Rendering one part of a template failed; carries where, for the message."""

    def __init__(self, part: str, cause: BaseException, tag: str | None, near: str) -> None:
        super().__init__(str(cause))
        self.part, self.cause, self.tag, self.near = part, cause, tag, near


# docxtpl ships no types, so DocxTemplate is Any: mypy --strict refuses a subclass of it
class StrictDocxTemplate(DocxTemplate):  # type: ignore[misc]
    """docxtpl with strict parsing of every rendered part and located errors."""

    def init_docx(self, reload: bool = True) -> None:
        """The template's zip is measured before python-docx decompresses it."""
        loads = not self.docx or (self.is_rendered and reload)
        if loads and isinstance(self.template_file, (str, os.PathLike)):
            check_template(Path(self.template_file))
        super().init_docx(reload)

    def render(
        self,
        context: dict[str, Any],
        jinja_env: jinja2.Environment | None = None,
        autoescape: bool = False,
    ) -> None:
        if isinstance(jinja_env, GuardedEnvironment):
            jinja_env.reset_budget()
        super().render(context, jinja_env, autoescape)

    def patch_xml(self, src_xml: str) -> str:
        """Tags are checked before docxtpl's clean-up, which can swallow text between an
        unclosed tag and the next ``{%p`` paragraph and leave broken XML behind."""
        kind = re.search(r"<w:(hdr|ftr|footnotes|document)\b", src_xml)
        name = {"hdr": "word/header", "ftr": "word/footer", "footnotes": "word/footnotes.xml"}
        part = name.get(kind.group(1), "word/document.xml") if kind else "word/document.xml"
        _check_closed_tags(part, src_xml)
        return str(super().patch_xml(src_xml))

    def render_xml_part(
        self,
        src_xml: str,
        part: Part,
        context: dict[str, Any],
        jinja_env: jinja2.Environment | None = None,
    ) -> str:
        name = str(getattr(part, "partname", "word/document.xml")).lstrip("/")
        try:
            xml: str = super().render_xml_part(src_xml, part, context, jinja_env)
        except (BaocaoError, PartError):
            raise
        except Exception as exc:  # noqa: BLE001 - whatever a template does is its error
            # docxtpl put each paragraph on its own line before handing it to Jinja
            lines = re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml).splitlines()
            tag, near = _where(exc, lines)
            raise PartError(name, exc, tag, near) from exc
        _parse_strictly(name, xml)
        return xml

    def render_footnotes(
        self, context: dict[str, Any], jinja_env: jinja2.Environment | None = None
    ) -> None:
        """Each footnotes part rendered once (docxtpl renders it once per section)."""
        for part in self.docx.part.package.parts:
            if part.content_type != FOOTNOTES_TYPE:
                continue
            blob = part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob
            xml = self.render_xml_part(self.patch_xml(blob), part, context, jinja_env)
            part._blob = xml.encode("utf-8")


UNCLOSED = {"{{": "}}", "{%": "%}"}


def _check_closed_tags(name: str, xml: str) -> None:
    """A tag opened in a paragraph is closed in it. Jinja would read on to the next
    closing mark, across paragraphs and docxtpl's own tags, and report the wrong place."""
    for paragraph in re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S):
        text = MARKUP.sub("", paragraph)
        for opening, closing in UNCLOSED.items():
            start = text.find(opening)
            while start >= 0:
                end = text.find(closing, start + 2)
                if end < 0:
                    tag = text[start:].strip()
                    cause = jinja2.TemplateSyntaxError(
                        f"thẻ '{opening}' chưa được đóng bằng '{closing}' trong cùng đoạn", 1
                    )
                    raise PartError(name, cause, tag, " ".join(text.split())[:NEAR_CHARS])
                start = text.find(opening, end + 2)


def _parse_strictly(name: str, xml: str) -> None:
    """The rendered part must be well formed; if not, say where, in words a user can find."""
    try:
        etree.fromstring(xml.encode("utf-8"), parser=STRICT_PARSER)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (1, 0)
        lines = xml.splitlines() or [""]
        text = lines[min(line, len(lines)) - 1]
        before = re.sub(r"^[^<]*>|<[^>]*$", "", text[max(0, column - 2000) : column])
        after = re.sub(r"^[^<]*>|<[^>]*$", "", text[column : column + 1000])
        before = " ".join(MARKUP.sub(" ", before).split())[-NEAR_CHARS // 2 :]
        after = " ".join(MARKUP.sub(" ", after).split())[: NEAR_CHARS // 2]
        near = f"{before} ⟨lỗi ở đây⟩ {after}"
        problem = MalformedPart(f"XML sau khi điền mẫu không hợp lệ ({syntax_reason(exc)})")
        raise PartError(name, problem, None, near.strip()) from exc


def _line_of(exc: BaseException) -> int | None:
    """The template line an error happened on: Jinja's own, or its rewritten frames."""
    line: int | None = getattr(exc, "lineno", None)
    if line:
        return line
    traceback = exc.__traceback__
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename == "<template>":
            line = traceback.tb_lineno
        traceback = traceback.tb_next
    return line


def _where(exc: BaseException, lines: list[str]) -> tuple[str | None, str]:
    """The tag that failed (the one naming the missing name, if any) and its text."""
    line = _line_of(exc)
    if not line or line > len(lines):
        return None, ""
    text = MARKUP.sub("", lines[line - 1])
    tags = TAG.findall(text)
    names = re.findall(r"'([^']+)'", str(getattr(exc, "message", None) or exc))
    tag = next((t for t in tags for n in names if n in t), tags[0] if tags else None)
    # a statement closing the line is docxtpl's own (the next ``{%p`` paragraph), not text
    shown = re.sub(r"(\{%.*?%\}\s*)+$", "", text)
    near = " ".join(TAG.sub(" … ", shown).split())
    if not near.strip(" …"):
        before = MARKUP.sub("", lines[line - 2]) if line > 1 else ""
        near = " ".join(TAG.sub(" … ", before).split())
    return tag, near[:NEAR_CHARS]


def template_error(template: str, exc: BaseException) -> BaocaoError:
    """The Vietnamese ``TemplateError`` for anything that went wrong in ``template``."""
    if isinstance(exc, BaocaoError):
        return exc
    part, tag, near = "", None, ""
    if isinstance(exc, PartError):
        part, tag, near, exc = exc.part, exc.tag, exc.near, exc.cause
    where = f"{template} ({part})" if part else template
    message = f"{where}: {_reason(exc)}"
    if tag:
        message += f"\n    thẻ: {tag}"
    if near:
        message += f"\n    gần: «{near}»"
    return TemplateError(message)


def _reason(exc: BaseException) -> str:
    text = str(getattr(exc, "message", None) or exc)
    if isinstance(exc, jinja2.TemplateSyntaxError):
        missing = NO_FILTER.search(text)
        if missing:
            return f"mẫu dùng bộ lọc không có: '{missing.group(1)}'"
        return f"lỗi cú pháp mẫu: {text}"
    unsafe = UNSAFE.search(text)
    if unsafe:
        return (
            "mẫu làm việc không được phép: truy cập thuộc tính nội bộ "
            f"'{unsafe.group(1)}' của đối tượng '{unsafe.group(2)}'"
        )
    if isinstance(exc, jinja2.UndefinedError):
        return f"mẫu dùng tên không có trong dữ liệu: {_undefined_name(text)}"
    if isinstance(exc, (LimitExceeded, Unprintable)):
        return str(exc)
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return f"mẫu làm việc không được phép: {text}"
    if isinstance(exc, (MalformedPart, InvalidCharacters)):
        return text
    if isinstance(exc, RecursionError):
        return "mẫu gọi đệ quy quá sâu (macro hay vòng lặp recursive tự gọi mãi?)"
    if isinstance(exc, MemoryError):
        return "mẫu tạo ra dữ liệu quá lớn, không đủ bộ nhớ"
    if isinstance(exc, jinja2.TemplateError):
        return f"lỗi mẫu: {text}"
    return _unexpected(exc, text)


def _unexpected(exc: BaseException, text: str) -> str:
    """The last resort: what the template did, in words, and whom to tell."""
    if RANGE_TOO_BIG in text:
        return "mẫu dùng range() quá lớn (tối đa 100.000 phần tử)"
    kind = next((words for cls, words in RUNTIME.items() if isinstance(exc, cls)), None)
    detail = f"{kind} ({text})" if kind else f"lỗi không lường trước ({text})"
    return (
        f"mẫu gặp lỗi khi chạy: {detail}. Hãy kiểm tra thẻ dưới đây; nếu mẫu đúng, "
        "hãy báo lỗi cho người phát triển kèm tệp mẫu và tệp dữ liệu"
    )


def _undefined_name(text: str) -> str:
    found = re.search(r"has no attribute '([^']+)'", text) or re.search(
        r"'([^']+)' is undefined", text
    )
    return f"'{found.group(1)}'" if found else text
