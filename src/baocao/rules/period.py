"""Rules on a report's period: prose copied from last year, figures of another time.

A report of 2025 begins as a copy of the 2024 one (``baocao new``), so a sentence
that still names 2024 or one of its months as the current period ("năm 2024",
"tháng 12/2024") is flagged where it stands; so is a printed figure dated outside
the report's year, or after the report's own date. A year named in a comparison
("so với năm 2024", "trong khi năm 2023"), in a citation date ("ngày 29 tháng 12
năm 2023") or through ``[[x|change:2024]]`` is not stale.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date

from ..errors import Severity, UnresolvedReference
from ..load.report_file import Inline, ReportSource
from ..load.yaml_positions import PathKey
from ..metrics.printing import format_observation
from ..model.year import Metric, Observation, YearData, period_start
from ..prose.grammar import ReferenceSyntaxError, parse

Add = Callable[..., None]

PERIOD = re.compile(
    r"\b(?P<what>[Nn]ăm\s+(?P<year>\d{4})|[Tt]háng\s+(?P<month>\d{1,2})\s*/\s*(?P<myear>\d{4}))"
)
"""``năm 2024`` or ``tháng 12/2024`` (the month written with its year)."""

COMPARISON = re.compile(
    r"(?:so\s+với(?:\s+các)?|so|cùng\s+kỳ|trong\s+khi|từ|kể\s+từ|trước|đến|tới|sau|hơn|như|bằng)"
    r"(?:\s+(?:cuối|đầu|giữa|hết|cả))?\s*$",
    re.IGNORECASE,
)
"""Words just before a year that make it a point of comparison, not the period."""
RANGE = re.compile(r"\s*[-–]\s*\d{4}")
"""``năm 2022-2023``: a span of years, named as such."""
CITATION = re.compile(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s*$", re.IGNORECASE)
"""``ngày 29 tháng 12`` before ``năm 2023``: the date of a cited document."""
DOCUMENT_NAMED = re.compile(
    r"\b(?:hiến pháp|bộ luật|luật|pháp lệnh|nghị quyết|nghị định|quyết định|chỉ thị|"
    r"thông tư|kế hoạch|chương trình|chiến lược|đề án|quy hoạch|công ước)\b[^.;:!?]*$",
    re.IGNORECASE,
)
"""``Luật phòng, chống tham nhũng năm 2018``: a document named by its year, not the
period (its name would change if the year did)."""

FRONT_TEXTS: tuple[PathKey, ...] = (("document", "summary"),)


def stale_years(text: str, year: int) -> Iterator[tuple[int, str]]:
    """``(offset, words)`` of each earlier period ``text`` names as if it were current."""
    for found in PERIOD.finditer(text):
        named = int(found.group("year") or found.group("myear"))
        if named >= year or RANGE.match(text, found.end()):
            continue
        before = text[max(0, found.start() - 40) : found.start()]
        if COMPARISON.search(before) or CITATION.search(before):
            continue
        if DOCUMENT_NAMED.search(text[max(0, found.start() - 160) : found.start()]):
            continue
        yield found.start(), found.group("what")


def _message(words: str, year: int) -> str:
    return (
        f"'{words}' trong báo cáo năm {year}: câu chép từ năm trước? Sửa thành năm {year}, "
        "hoặc viết rõ là so sánh (ví dụ 'so với năm …', [[mã|change:NĂM]])"
    )


def _stale_group(year: int) -> str:
    return (
        f"chỗ còn ghi năm cũ như năm hiện tại trong báo cáo năm {year}: sửa thành năm {year}, "
        "hoặc viết rõ là so sánh như 'so với năm …', [[mã|change:NĂM]]"
    )


def check_period(source: ReportSource, data: YearData, add: Add) -> None:
    """Every stale year in the body and the summary, every figure of another time.

    Within one block a year and a figure vouch for each other: "Năm 2022, tỉnh xếp
    hạng [[dti_xep_hang]]" names the year of the figure it prints, so neither is stale.
    """
    year = source.settings.year or data.year
    seen: set[tuple[int | None, int | None]] = set()
    years: dict[str, int | None] = {}  # by reference: a report cites one figure many times
    late: dict[str, str | None] = {}
    for block in source.blocks:
        text = "".join(i.text for i in block.inlines if i.kind == "text")
        named = {int(m.group("year") or m.group("myear")) for m in PERIOD.finditer(text)}
        figures = []
        for inline in block.inlines:
            if inline.kind == "ref":
                if inline.text not in years:
                    years[inline.text] = _printed_year(inline, data)
                figures.append((inline, years[inline.text]))
        dated = {y for _i, y in figures if y is not None}
        for inline in block.inlines:
            if inline.kind != "text":
                continue
            for _offset, words in stale_years(inline.text, year):
                where = source.locate(words, inline.line)
                if _named_year(words) not in dated and where not in seen:
                    seen.add(where)
                    add(*where, _message(words, year), Severity.WARNING, _stale_group(year))
        for inline, printed in figures:
            if printed is not None and printed != year and printed not in named:
                add(
                    inline.line,
                    inline.column,
                    f"[[{inline.text}]] in số liệu năm {printed}, không thuộc năm báo cáo "
                    f"{year} (nếu đúng là số liệu năm {printed}, ghi rõ 'năm {printed}' "
                    "trong câu)",
                    Severity.WARNING,
                    f"số liệu in ra không thuộc năm báo cáo {year}",
                )
            elif printed is not None:
                if inline.text not in late:
                    late[inline.text] = _after_date(inline, source, data)
                message = late[inline.text]
                if message:
                    add(inline.line, inline.column, message, Severity.WARNING)
    for at in FRONT_TEXTS + _appendix_texts(source):
        value = _front_text(source.front.data, at)
        if not isinstance(value, str):
            continue
        for _offset, words in stale_years(value, year):
            found = source.front.locate_in(at, words)
            line, column = found or (None, None)
            add(line, column, _message(words, year), Severity.WARNING, _stale_group(year))


def _named_year(words: str) -> int:
    return int(re.findall(r"\d{4}", words)[-1])


def _appendix_texts(source: ReportSource) -> tuple[PathKey, ...]:
    found: list[PathKey] = []
    for a, appendix in enumerate(source.settings.appendices):
        found.append(("appendices", a, "title"))
        for p, _part in enumerate(appendix.parts):
            found.append(("appendices", a, "parts", p, "heading"))
    return tuple(found)


def _front_text(node: object, at: PathKey) -> object:
    for key in at:
        if isinstance(node, dict):
            node = node.get(key)
        elif isinstance(node, list) and isinstance(key, int) and key < len(node):
            node = node[key]
        else:
            return None
    return node


def _current_metric(inline: Inline, data: YearData) -> Metric | None:
    """The metric whose latest figure ``inline`` prints (not a target nor a change)."""
    try:
        reference = parse(inline.text)
    except ReferenceSyntaxError:
        return None  # reported by the reference rules
    fmt = reference.fmt or ""
    if reference.metric is None or fmt.startswith(("target:", "change:")):
        return None
    metric = data.metric(reference.metric)
    if metric is None or metric.pending or not metric.observations:
        return None
    return metric


def _printed_year(inline: Inline, data: YearData) -> int | None:
    metric = _current_metric(inline, data)
    return int(metric.latest.as_of[:4]) if metric is not None else None


YEAR_FIGURES_FROM = (10, 1)
"""A figure for a whole year is known, as the year's estimate, from its last quarter:
year-end reports are written from October (practice of the seed reports); a report of
the first six months cannot print it."""


def known_from(as_of: str) -> date:
    """The first day a figure ``as_of`` could be printed: a day's figure from that day,
    a month's from its first day, a year's from 1 October of that year."""
    start = period_start(as_of)
    if len(as_of) == 4:
        return date(start.year, *YEAR_FIGURES_FROM)
    return start


def _after_date(inline: Inline, source: ReportSource, data: YearData) -> str | None:
    """Why a figure could not be known on the report's date (its observation is known
    only after that date, see ``known_from``, and no earlier observation gives the same
    figure), or ``None``."""
    metric = _current_metric(inline, data)
    signed = source.settings.document.date
    if metric is None or not isinstance(signed, date):
        return None
    latest = metric.latest
    if known_from(latest.as_of) <= signed:
        return None
    fmt = parse(inline.text).fmt
    printed = _printed(metric, latest, fmt)
    known = [o for o in metric.observations if known_from(o.as_of) <= signed]
    if any(_printed(metric, o, fmt) == printed for o in known):
        return None  # the same figure was already known on that date
    day = f"{signed.day:02d}/{signed.month:02d}/{signed.year}"
    if len(latest.as_of) == 4:
        return (
            f"[[{inline.text}]] in số liệu cả năm {latest.as_of}, chưa thể có vào ngày của báo "
            f"cáo ({day}): số liệu cả năm chỉ có từ quý IV của năm đó"
        )
    return f"[[{inline.text}]] in số liệu thời điểm {latest.as_of}, sau ngày của báo cáo ({day})"


def _printed(metric: Metric, obs: Observation, fmt: str | None) -> str | None:
    """What the reference prints from ``obs`` (``None`` when it cannot print it)."""
    try:
        return format_observation(metric, obs, fmt, "")
    except UnresolvedReference:
        return None
