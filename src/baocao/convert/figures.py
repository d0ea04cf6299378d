"""Figures of the prose as metrics (``--figures``).

A figure is a Vietnamese number the way an official document prints it (``.`` groups
thousands, ``,`` starts the decimals) in one of four forms: a percentage (``88,18%``),
a percentage with its counts (``88,18% (605.172/686.283)``, also ``(12.345/17.028 hồ
sơ)``), a fraction followed by what it counts (``8/11 huyện``) or an amount with its
unit (``1.250 triệu đồng``, ``12 xã``). Each becomes a metric
(``yearfile.additions.NewMetric``) named from the words around it
(``figure_words``), and the prose cites it: ``[[id]]``, ``[[id|counts]]``, ``[[id]]
([[id|fraction]] hồ sơ)``, ``[[id|fraction]] huyện``.

What is no figure stays text: years (``2024``), dates (``05/3/2024``, ``ngày 05
tháng 3``), periods (``6 tháng``, ``quý I``), document numbers (``số 1247/KH-UBND``,
``30/2020/NĐ-CP``), clause and item numbers (``Điều 5``, ``khoản 2``), ranks
(``thứ 12/63``) and bare numbers with no unit. A figure is taken only when baocao
prints its metric back exactly as the document typed it; otherwise it stays text and
the summary says so. Paragraphs, bullets and footnotes are read; headings and tables
are left as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from ..limits import MAX_FIGURE
from ..metrics.printing import format_observation
from ..model.year import Metric
from ..yearfile.additions import NewMetric
from .content import Converted, Spans, Summary
from .figure_words import metric_id, metric_name, sentence, split_unit

NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
INTEGER = r"\d{1,3}(?:\.\d{3})+|\d+"
WORDS = r"(?:\s[^\W\d_]+){1,3}"
FIGURE = re.compile(
    r"(?<![\w./,\-–])"
    rf"(?:(?P<rate>{NUMBER})%"
    rf"(?:\s\((?P<top>{INTEGER})/(?P<bottom>{INTEGER})(?P<counted>{WORDS})?\))?"
    rf"|(?P<num>{INTEGER})/(?P<den>{INTEGER})(?![\w/.,\-–])(?P<funit>{WORDS})"
    rf"|(?P<amount>{NUMBER})(?P<unit>{WORDS}))"
)
NOT_BEFORE = re.compile(
    r"\b(?:(?<!tổng\s)số|ngày|tháng|quý|năm|thứ|điều|khoản|điểm|mục|phần|chương|lục|lần|"
    r"khóa|đợt|kỳ|giai đoạn|bước|tầng|phòng|lô|tổ|ấp|khu|đường|quốc lộ|tỉnh lộ|"
    r"nghị định|quyết định|thông tư|nghị quyết|chỉ thị|công văn|kế hoạch|"
    r"chương trình|luật)\s*$",
    re.IGNORECASE,
)
"""The words before a number that make it a name, a date or a citation."""
LEFT_AS_TEXT = "giữ là chữ: baocao không in lại đúng như vậy"


@dataclass
class _Prose:
    """One paragraph's text and where it is, while its figures are taken."""

    text: str
    where: str
    as_of: str
    taken: set[str]
    metrics: list[NewMetric]
    summary: Summary
    previous_end: int = 0


def find_figures(converted: Converted, as_of: str, taken: set[str]) -> list[NewMetric]:
    """Every figure of the prose of ``converted`` as a metric, its text replaced by a
    reference to it (``converted`` is changed); ``taken``: ids the year file has."""
    taken = set(taken)
    metrics: list[NewMetric] = []

    def cited(spans: Spans, where: str) -> Spans:
        text = "".join(s.text for s in spans if not s.mark and s.ref is None)
        prose = _Prose(text, where, as_of, taken, metrics, converted.summary)
        return _cited(spans, prose)

    for block in converted.blocks:
        if block.kind in ("paragraph", "bullet"):
            block.spans = cited(block.spans, block.where)
    for label, paragraphs in converted.notes.items():
        converted.notes[label] = [cited(spans, f"chú thích {label}") for spans in paragraphs]
    return metrics


def _cited(spans: Spans, prose: _Prose) -> Spans:
    out: Spans = []
    offset = 0
    for span in spans:
        if span.mark or span.ref is not None or not span.text:
            out.append(span)
            continue
        cursor = 0
        for found in FIGURE.finditer(span.text):
            pieces = _figure(found, offset + found.start(), prose)
            if pieces is None:
                continue
            out.append(replace(span, text=span.text[cursor : found.start()]))
            for piece in pieces:
                is_ref = piece.startswith("[[")
                out.append(
                    replace(span, text="" if is_ref else piece, ref=piece[2:-2] if is_ref else None)
                )
            cursor = found.end()
            prose.previous_end = offset + found.end()
        out.append(replace(span, text=span.text[cursor:]))
        offset += len(span.text)
    return [s for s in out if s.mark or s.ref is not None or s.text]


def _figure(found: re.Match[str], start: int, prose: _Prose) -> list[str] | None:
    """What replaces ``found``: references (``[[…]]``) and text; ``None`` when it is no
    figure, or its metric does not print back as typed."""
    before = prose.text[max(0, start - 40) : start]
    if NOT_BEFORE.search(before):
        return None
    if found.group("rate") is not None:
        return _rate(found, start, prose)
    if found.group("num") is not None:
        unit, rest = split_unit(found.group("funit"))
        if unit is None or _year_like(found.group("den")):
            return None
        figures = {
            "numerator": _number(found.group("num")),
            "denominator": _number(found.group("den")),
        }
        pad = found.group("num").startswith("0") or found.group("den").startswith("0")
        typed = found.group()[: -len(found.group("funit"))]
        end = start + len(found.group()) - len(rest)
        ref = _metric(unit, figures, {"fraction": typed}, pad, (start, end), prose)
        return None if ref is None else [ref["fraction"], found.group("funit")]
    unit, rest = split_unit(found.group("unit"))
    if unit is None or _year_like(found.group("amount")):
        return None
    amount = found.group("amount")
    typed = found.group()[: len(found.group()) - len(rest)]
    pad = amount.startswith("0") and "," not in amount
    place = (start, start + len(typed))
    ref = _metric(unit, {"value": _number(amount)}, {"": typed}, pad, place, prose)
    return None if ref is None else [ref[""], rest]


def _rate(found: re.Match[str], start: int, prose: _Prose) -> list[str] | None:
    typed = found.group()
    rate = found.group("rate")
    figures: dict[str, Any] = {"value": _number(rate)}
    wanted = {"": typed}
    counted = found.group("counted") or ""
    if found.group("top") is not None:
        figures = {
            "numerator": _number(found.group("top")),
            "denominator": _number(found.group("bottom")),
        }
        fraction = f"{found.group('top')}/{found.group('bottom')}"
        wanted = {"": f"{rate}%", "fraction": fraction} if counted else {"counts": typed}
    decimals = len(rate.partition(",")[2])
    for choice in dict.fromkeys((None, decimals)):
        refs = _metric("%", figures, wanted, False, (start, start + len(typed)), prose, choice)
        if refs is None:
            continue
        if counted:
            return [refs[""], " (", refs["fraction"], f"{counted})"]
        return [next(iter(refs.values()))]
    prose.summary.note(prose.where, f"số “{typed}” {LEFT_AS_TEXT}")
    return None


def _metric(
    unit: str,
    figures: dict[str, Any],
    wanted: dict[str, str],
    pad: bool,
    place: tuple[int, int],
    prose: _Prose,
    decimals: int | None = None,
) -> dict[str, str] | None:
    """The references (``[[…]]``) to a new metric of ``figures`` in each format of
    ``wanted`` (``""`` the default one), when each prints as typed there; ``place``:
    where the figure (with its unit) starts and ends in the paragraph."""
    start, end = place
    if any(abs(v) > MAX_FIGURE for v in figures.values()) or figures.get("denominator") == 0:
        return None
    over = unit == "%" and _percent(figures) > 100
    name = metric_name(unit, prose.text, start, end, prose.previous_end)
    raw = {"id": "x", "name": name, "unit": unit, "allow_over_100": over, "decimals": decimals}
    observation = {"as_of": prose.as_of, **figures, "source": {"ref": "x", "quote": "x"}}
    try:
        metric = Metric.model_validate({**raw, "observations": [observation]})
        obs = metric.observations[0]
        printed = {fmt: format_observation(metric, obs, fmt or None, "", pad) for fmt in wanted}
    except Exception:  # noqa: BLE001 - a figure baocao cannot hold stays text
        return None
    if printed != wanted:
        return None
    new_id = metric_id(name, prose.taken)
    prose.taken.add(new_id)
    quote = sentence(prose.text, start)
    prose.metrics.append(
        NewMetric(
            new_id,
            name,
            unit,
            prose.as_of,
            quote,
            decimals=decimals,
            allow_over_100=over,
            **figures,
        )
    )
    flag = "|pad" if pad else ""
    return {fmt: f"[[{new_id}{'|' + fmt if fmt else ''}{flag}]]" for fmt in wanted}


def _percent(figures: dict[str, Any]) -> float:
    if "value" in figures:
        return float(figures["value"])
    return 100 * float(figures["numerator"]) / float(figures["denominator"])


def _counts(top: str, bottom: str) -> dict[str, Any]:
    return {"numerator": _number(top), "denominator": _number(bottom)}


def _number(typed: str) -> int | float:
    plain = typed.replace(".", "").replace(",", ".")
    return float(plain) if "." in plain else int(plain)


def _year_like(typed: str) -> bool:
    """A bare four-digit number a year could be (a count of 2.024 is typed grouped)."""
    return typed.isdigit() and len(typed) == 4 and 1900 <= int(typed) <= 2100
