"""Rules on what the decree makes a report's kind drive, and on what its tables print.

"Kính gửi" belongs to a tờ trình, a report to a higher body and a công văn (Phụ lục
I, Phần I, mục II.9.b); every "Phụ lục N" the text cites must be one of the
document's appendices, numbered the way they print; a heading cannot carry a typed
line break; a table cell must be printable from the data, said at the row.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .. import decree30
from ..errors import Severity, UnresolvedReference
from ..formatting import to_roman
from ..load.report_file import ReportSource
from ..load.yaml_positions import PathKey
from ..metrics.printing import no_figure, result_text
from ..model.report import MetricRow, Table
from ..model.year import YearData

Add = Callable[..., None]
CITED_APPENDIX = re.compile(
    r"\bPhụ lục\s+(?:số\s+)?([IVXLCDM]+|\d+)\b"
    r"(?!\s*(?:(?:ban hành\s+)?kèm theo\s+\S+(?:\s+\S+)?\s+số\s*\d|của\s))",
    re.IGNORECASE,
)
""""Phụ lục I", "phụ lục số 1" in the text; not "Phụ lục I kèm theo Quyết định số …" nor
"Phụ lục I của Kế hoạch …", which are another document's."""


def check_layout(source: ReportSource, data: YearData, add: Add) -> None:
    _check_addressee(source, add)
    _check_cited_appendices(source, add)
    _check_heading_breaks(source, add)
    _check_table_rows(source, data, add)


def _front(source: ReportSource, loc: PathKey) -> tuple[int | None, int | None]:
    found = source.front.locate(loc, key=True) or source.front.locate(loc)
    return found if found else (None, None)


def _check_addressee(source: ReportSource, add: Add) -> None:
    doc = source.settings.document
    kind = decree30.kind_of(doc.type)
    typed = source.addressee_line
    if doc.to and not kind.addressed:
        where = (typed, 1) if typed else _front(source, ("document", "to"))
        remedy = "bỏ dòng “Kính gửi” ở đầu nội dung" if typed else "bỏ 'to'"
        add(
            *where,
            f"{kind.name.lower()} không có phần “Kính gửi” (chỉ tờ trình, báo cáo gửi cấp trên "
            f"và công văn có: {decree30.ADDRESSEE_CLAUSE}); {remedy}, hoặc đổi 'type'",
            Severity.WARNING,
        )
    if not doc.to and kind.needs_addressee and source.settings.kind == "report":
        add(
            *_front(source, ("document", "type")),
            f"{kind.name.lower()} cần “Kính gửi” ('document.to', hoặc dòng đầu nội dung "
            f"“Kính gửi: …”) ({decree30.ADDRESSEE_CLAUSE})",
            Severity.WARNING,
        )
    for block in source.blocks:
        text = "".join(i.text for i in block.inlines if i.kind == "text").lstrip()
        if block.kind == "paragraph" and text[:8].casefold() == decree30.ADDRESSEE.casefold():
            add(
                block.line,
                1,
                "“Kính gửi” chỉ đặt ở dòng đầu nội dung (hoặc 'document.to'); ở đây nó in "
                "như một đoạn văn",
                Severity.WARNING,
            )


def _check_cited_appendices(source: ReportSource, add: Add) -> None:
    """ "Phụ lục 1" cited where the appendices print "Phụ lục I", or one that is not there."""
    settings = source.settings
    if not settings.appendices:
        return
    count = len(settings.appendices)
    roman = settings.appendix_numbering == "roman"
    labels = [to_roman(i) if roman else str(i) for i in range(1, count + 1)]
    for block in source.blocks:
        for inline in block.inlines:
            if inline.kind != "text":
                continue
            for found in CITED_APPENDIX.finditer(inline.text):
                cited = found.group(1).upper().lstrip("0") or "0"
                if cited in labels:
                    continue
                line, column = source.locate(found.group(0), inline.line)
                add(line, column, _citation_problem(cited, labels, roman), Severity.WARNING)


def _citation_problem(cited: str, labels: list[str], roman: bool) -> str:
    typed_roman = not cited.isdigit()
    if typed_roman != roman:
        printed = "chữ số La Mã (Phụ lục I)" if roman else "chữ số Ả Rập (Phụ lục 1)"
        return (
            f"“Phụ lục {cited}”: các phụ lục của văn bản này đánh số bằng {printed}; viết như "
            "phụ lục được in (hoặc đặt 'appendix_numbering')"
        )
    return f"“Phụ lục {cited}” không có: văn bản có {', '.join(f'Phụ lục {x}' for x in labels)}"


def _check_heading_breaks(source: ReportSource, add: Add) -> None:
    for block in source.blocks:
        texts = [i.text for i in block.inlines if i.kind == "text"]
        if block.kind == "heading" and texts and texts[-1].rstrip().endswith("\\"):
            add(
                block.line,
                1,
                "dấu '\\' cuối đề mục không xuống dòng được trong đề mục và không được in; "
                "dòng “Phần I”, “Chương I”, “Mục 1” tự đứng riêng khi 'numbering' có kiểu đó",
                Severity.WARNING,
            )


def _check_table_rows(source: ReportSource, data: YearData, add: Add) -> None:
    """A result cell the data cannot fill (a plan's metric with a target only, a figure
    in words where a number is due) is an error at its row, not at the end of the run."""
    for a, appendix in enumerate(source.settings.appendices):
        for p, part in enumerate(appendix.parts):
            table = part.table
            if not isinstance(table, Table) or "result" not in table.columns:
                continue
            for r, row in enumerate(table.rows):
                if not isinstance(row, MetricRow) or row.result is not None:
                    continue
                at: PathKey = ("appendices", a, "parts", p, "table", "rows", r, "metric")
                for metric_id in row.metric_ids:
                    message = _result_problem(data, metric_id)
                    if message:
                        add(*_front(source, at), f"{message}; hoặc ghi 'result' cho dòng này")


def _result_problem(data: YearData, metric_id: str) -> str | None:
    metric = data.metric(metric_id)
    if metric is None:
        return None  # reported by the table rules
    if not metric.observations and not metric.pending:
        return f"cột kết quả (result): {no_figure(metric)}"
    try:
        result_text(metric)
    except UnresolvedReference as exc:
        return f"cột kết quả (result): {exc}"
    return None
