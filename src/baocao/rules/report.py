"""The rules of a report file, checked against its year's data: every reference,
marker, heading, table and setting, each problem at its line and column in the
report file."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from .. import decree30
from ..documents.numbering import HeadingNumbers, starts_with_number
from ..documents.report import number_line, recipient_lines
from ..errors import Problem, Severity, UnresolvedReference
from ..load.messages import unknown_metric
from ..load.report_file import Inline, Markers, Prose, ReportSource
from ..load.yaml_positions import PathKey
from ..model.report import TextTable
from ..model.year import YearData
from ..prose.grammar import ReferenceSyntaxError, citations, parse, scan
from ..prose.segments import YearReferences
from .layout import check_layout
from .period import check_period
from .task_claims import check_task_claims

MARKDOWN_TABLE = re.compile(r"\|\s*:?-{3,}")
HTML_TAG = re.compile(r"(?<!\\)</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?>")
r"""An HTML tag typed as such (``\<b>`` is text the user chose to print)."""
MAX_HEADING_LEVEL = 4


def check_report(source: ReportSource, data: YearData, references: YearReferences) -> list[Problem]:
    """Every located problem of ``source`` (the documents are not built here)."""
    problems: list[Problem] = []

    def add(
        line: int | None,
        column: int | None,
        message: str,
        severity: Severity = Severity.ERROR,
        group: str = "",
    ) -> None:
        problems.append(Problem(source.path, line, column, message, severity, group))

    settings = source.settings
    if settings.year != data.year:
        add(*_front(source, ("year",)), f"năm {settings.year} nhưng dữ liệu là năm {data.year}")
    leading_zero = settings.leading_zero
    used: dict[str, int] = {}
    for prose in source.prose():
        _check_prose(source, prose, references, leading_zero, add, used)
    for label, note in source.notes.items():
        if label not in used:
            add(note.line, 1, f"chú thích '[^{label}]' không được dùng ở đâu", Severity.WARNING)
    _check_headings(source, add)
    _check_front_text(source, references, add)
    _check_tables(source, data, add)
    check_layout(source, data, add)
    _check_document(source, data, add)
    _check_appendix_subtitles(source, add)
    check_period(source, data, add)
    check_task_claims(source, data, add)
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))


def _check_prose(
    source: ReportSource,
    prose: Prose,
    references: YearReferences,
    leading_zero: bool,
    add: Any,
    used: dict[str, int],
) -> None:
    """The problems of the references and markers of ``prose``, each at its place in the
    file; each footnote label it uses goes into ``used`` with the line of its first use."""
    markers = Markers(source.lines, prose)
    for item in _text_runs(prose.inlines):
        if isinstance(item, tuple):
            _check_text(item, markers, prose, add, source.notes, source.lines)
        elif item.kind == "note":
            if item.text in used:
                add(
                    item.line,
                    item.column,
                    _cited_again(item.text, used[item.text]),
                    Severity.NOTICE,
                )
            else:
                used[item.text] = item.line or 0
            markers.skip_past(item.line, item.column + len(item.text) + 2)
        elif item.kind == "ref":
            markers.skip_past(item.line, item.column + len(item.text) + 3)
            message = _reference_problem(item.text, references, leading_zero)
            if message:
                add(item.line, item.column, message)


def _cited_again(label: str, first: int) -> str:
    """A footnote cited a second time prints a second footnote with the same text: Word
    lets one footnote have one mark."""
    return (
        f"chú thích '[^{label}]' đã được gọi ở dòng {first}: văn bản sẽ có thêm một chú thích "
        "cùng nội dung (mỗi chú thích của Word chỉ có một chỗ gọi)"
    )


TextRun = tuple[str, set[int]]
"""The text of consecutive text inlines, and the offsets where a later one starts."""


def _text_runs(inlines: list[Inline]) -> Iterator[Inline | TextRun]:
    """``inlines`` with each run of text inlines joined: bold ``[`` then plain ``[``
    prints ``[[`` all the same."""
    pieces: list[str] = []
    starts: set[int] = set()
    length = 0
    for inline in inlines:
        if inline.kind == "text":
            if pieces:
                starts.add(length)
            pieces.append(inline.text)
            length += len(inline.text)
            continue
        if pieces:
            yield "".join(pieces), starts
        pieces, starts, length = [], set(), 0
        yield inline
    if pieces:
        yield "".join(pieces), starts


def _check_text(
    run: TextRun,
    markers: Markers,
    prose: Prose,
    add: Any,
    defined: Iterable[str],
    lines: list[str],
) -> None:
    text, starts = run
    for found in scan(text):
        if found.note is None and not found.error:
            continue
        marker = text[found.start : found.start + 2]
        split = found.start + 1 in starts  # ``[`` and ``^`` of two inlines: not in the file
        where = None if split else markers.take(marker)
        message = found.error or _undefined_note(found.note or "", defined)
        if not found.error and where and _opens_its_line(lines, where, found.note or ""):
            message += (
                f"; nếu đây là nội dung chú thích, thêm dấu ':' ngay sau ']': '[^{found.note}]: …'"
            )
        add(*(where or (prose.line, None)), message)


def _opens_its_line(lines: list[str], where: tuple[int, int], label: str) -> bool:
    """The marker at ``where`` opens its line and a space follows it: a footnote's text
    typed without the ``:`` of ``[^label]: …`` (Markdown then reads it as a marker in
    a paragraph, or as more text of the footnote above)."""
    line, column = where
    if not 0 < line <= len(lines):
        return False
    text = lines[line - 1]
    return not text[: column - 1].strip() and text[column - 1 :].startswith(f"[^{label}] ")


def _undefined_note(label: str, defined: Iterable[str] = ()) -> str:
    import difflib

    close = difflib.get_close_matches(label, list(defined), n=1, cutoff=0.6)
    hint = f"; có phải ý bạn là '[^{close[0]}]'?" if close else ""
    return f"chú thích '[^{label}]' chưa có nội dung (thêm dòng '[^{label}]: …' cuối báo cáo){hint}"


def _reference_problem(inner: str, references: YearReferences, leading_zero: bool) -> str | None:
    try:
        reference = parse(inner)
    except ReferenceSyntaxError as exc:
        return str(exc)
    if reference.block is not None:
        if len(references.data.units) < 2:
            return (
                f"'{reference.typed}' so sánh các đơn vị báo cáo, nhưng dữ liệu năm "
                f"{references.data.year} có ít hơn hai đơn vị trong 'units'"
            )
        return None
    try:
        references.year.reference(reference, reference.typed, leading_zero)
    except UnresolvedReference as exc:
        return str(exc)
    return None


def _front(source: ReportSource, loc: PathKey, key: bool = False) -> tuple[int | None, int | None]:
    found = source.front.locate(loc, key=key) or source.front.locate(loc)
    return found if found else (None, None)


def _check_headings(source: ReportSource, add: Any) -> None:
    numbers = HeadingNumbers(list(source.settings.numbering))
    for block in source.blocks:
        text = "".join(i.text for i in block.inlines if i.kind == "text")
        if block.kind == "paragraph" and MARKDOWN_TABLE.search(text):
            add(
                block.line,
                1,
                "bảng Markdown viết sai nên in thành chữ: để một dòng trống trước bảng, "
                "hàng thứ hai là | --- | --- | với đúng số cột của hàng tiêu đề",
            )
        raw = source.lines[block.line - 1] if 0 < block.line <= len(source.lines) else ""
        if HTML_TAG.search(text) and HTML_TAG.search(raw):
            add(
                block.line,
                1,
                "thẻ HTML (<b>, <i>…) được in nguyên văn: dùng **đậm**, *nghiêng*",
                Severity.WARNING,
            )
        if block.kind != "heading":
            continue
        if block.level > MAX_HEADING_LEVEL:
            add(block.line, 1, f"chỉ có {MAX_HEADING_LEVEL} cấp đề mục (# đến ####)")
        title = "".join(i.text for i in block.inlines if i.kind == "text")
        style = numbers.style(block.level)
        levels = len(source.settings.numbering)
        if (
            block.level > levels
            and block.level <= MAX_HEADING_LEVEL
            and not starts_with_number(title)
        ):
            add(
                block.line,
                1,
                f"đề mục cấp {block.level} nhưng 'numbering' chỉ có {levels} cấp: đề mục in "
                "không có số; thêm kiểu số cho cấp này (hoặc none)",
                Severity.WARNING,
            )
        if style != "none" and starts_with_number(title):
            add(
                block.line,
                1,
                f"đề mục '{title[:40]}' đã có số ở đầu, lại được đánh số tự động "
                f"('{style}'): bỏ số trong đề mục, hoặc đặt cấp {block.level} của "
                "'numbering' là none",
                Severity.WARNING,
            )
    if source.settings.kind == "report" and (
        not source.blocks or source.blocks[-1].kind != "paragraph"
    ):
        add(None, None, "báo cáo nên kết thúc bằng một đoạn văn (ví dụ 'Trên đây là báo cáo…')")


def _check_front_text(source: ReportSource, references: YearReferences, add: Any) -> None:
    """References in the front matter (summary, recipients, appendix headings and
    paragraphs) resolve like the body's; markers only where a paragraph can hold one."""
    front = source.front
    for cited in citations(front.data):
        found, whole = cited.found, cited.whole
        message = None
        if found.error is not None:
            message = found.error
        elif found.note is not None:
            if "paragraphs" not in cited.at and not _in_text_cell(cited.at):
                message = f"chú thích '{whole}' chỉ đặt trong đoạn văn hoặc ô bảng gõ sẵn chữ"
            elif found.note not in source.notes:
                message = _undefined_note(found.note, source.notes)
        elif found.reference is not None:
            message = _reference_problem(whole[2:-2], references, source.settings.leading_zero)
        if message:
            line, column = front.locate_in(cited.at, whole, cited.occurrence) or (None, None)
            add(line, column, message)


def _in_text_cell(at: tuple[str | int, ...]) -> bool:
    """A cell of a text table: ``appendices[a].parts[p].table.rows[r][c]``."""
    return len(at) == 8 and at[4] == "table" and at[5] == "rows" and isinstance(at[7], int)


def _check_tables(source: ReportSource, data: YearData, add: Any) -> None:
    task_lists = {t.id for t in data.task_lists}
    for a, appendix in enumerate(source.settings.appendices):
        for p, part in enumerate(appendix.parts):
            if part.table is None:
                continue
            at: PathKey = ("appendices", a, "parts", p, "table")
            table = part.table
            if isinstance(table, TextTable):
                continue
            if table.task_list is not None and table.task_list not in task_lists:
                add(
                    *_front(source, at + ("task_list",)),
                    f"không có danh sách nhiệm vụ '{table.task_list}' trong 'task_lists' "
                    "của dữ liệu năm",
                )
            for r, row in enumerate(table.rows):
                for i, metric_id in enumerate(getattr(row, "metric_ids", [])):
                    if data.metric(metric_id) is None:
                        where = at + ("rows", r, "metric")
                        if not isinstance(getattr(row, "metric", None), str):
                            where += (i,)
                        add(
                            *_front(source, where),
                            unknown_metric(metric_id, data.metric_ids()),
                        )
            if (part.unit_comparison or part.unit_sections) and len(data.units) < 2:
                add(*_front(source, at), "cần ít nhất hai đơn vị trong 'units' của dữ liệu năm")
            for c, column in enumerate(table.columns):
                if column.startswith("target:") and int(column[7:]) < data.year:
                    add(
                        *_front(source, at + ("columns", c)),
                        f"cột '{column}' là mục tiêu của năm đã qua trong báo cáo năm {data.year} "
                        f"(cột chép từ năm trước?); dùng 'target:{data.year}' hoặc năm sau",
                        Severity.WARNING,
                    )


def _check_appendix_subtitles(source: ReportSource, add: Any) -> None:
    """The "(Kèm theo …)" line is printed under every Phụ lục's title: typed again as a
    subtitle it would print twice, the second time not in italics."""
    for index, appendix in enumerate(source.settings.appendices):
        if appendix.subtitle and appendix.subtitle.lstrip().startswith("(Kèm theo"):
            add(
                *_front(source, ("appendices", index, "subtitle")),
                "dòng '(Kèm theo …)' được in tự động dưới tiêu đề Phụ lục, theo số và ngày "
                "của văn bản: bỏ 'subtitle' này để dòng không in hai lần",
                Severity.WARNING,
            )


def _check_document(source: ReportSource, data: YearData, add: Any) -> None:
    doc = source.settings.document
    at = ("document",)
    value = doc.date
    year = value.year if isinstance(value, date) else value
    if year not in (data.year, data.year + 1):
        add(
            *_front(source, at + ("date",)),
            f"ngày văn bản không thuộc năm báo cáo hoặc năm sau (năm {year}, "
            f"năm báo cáo {data.year})",
            Severity.WARNING,
        )
    kind = decree30.kind_of(doc.type)
    if problem := decree30.type_problem(doc.type):
        add(*_front(source, at + ("type",)), f"{problem} ({decree30.ABBREVIATIONS_CLAUSE})")
    attached = source.settings.attached_to
    if attached is not None and (problem := decree30.type_problem(attached.type)):
        where = _front(source, ("attached_to", "type"))
        add(*where, f"{problem} ({decree30.ABBREVIATIONS_CLAUSE})")
    problem = decree30.number_problem(number_line(doc), kind)
    if doc.number and "/" in doc.number:
        number, _, symbol = doc.number.partition("/")
        add(
            *_front(source, at + ("number",)),
            f"'number' chỉ ghi số ({number.strip()}); ký hiệu “{symbol.strip()}” ghi ở 'symbol'",
        )
    elif problem:
        add(*_front(source, at + ("symbol",)), f"số và ký hiệu: {problem}")
    for key in ("parent_agency", "agency"):
        for line in (getattr(doc, key) or "").split("\n"):
            if problem := decree30.agency_problem(line.strip()):
                add(*_front(source, at + (key,)), problem)
                break
    if problem := decree30.summary_problem(doc.summary, kind):
        add(*_front(source, at + ("summary",)), problem)
    if source.settings.kind == "report":
        lines = recipient_lines(doc.recipients)
        for index, line in enumerate(lines):
            problem = decree30.recipient_problem(line, index == len(lines) - 1)
            if problem:
                where = _front(source, at + ("recipients", index))
                add(*where, f"nơi nhận '{line}': {problem}")
        if lines and (archive := decree30.archive_problem(lines[-1])):
            add(*_front(source, at + ("recipients", len(lines) - 1)), archive, Severity.NOTICE)
    if source.settings.kind == "report" and doc.signer is not None:
        problem = decree30.authority_problem(doc.signer.authority)
        if problem:
            add(*_front(source, at + ("signer", "authority")), f"thẩm quyền ký: {problem}")
        if doc.signer.name and (problem := decree30.signer_problem(doc.signer.name)):
            add(
                *_front(source, at + ("signer", "name")), f"{problem} ({decree30.SIGNATURE_CLAUSE})"
            )
    if source.settings.kind == "report" and doc.signer is not None and not doc.signer.name:
        add(
            *_front(source, at + ("signer",)),
            "chưa có tên người ký ('signer.name'): bản nháp được, văn bản chính thức thì không",
            Severity.WARNING,
        )
