"""Rules on figures: printed rates, rates over 100%, dates, targets, parts, evaluations.

Each rule takes the ``Checker`` and adds located problems; ``rules.year.RULES`` runs them.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from ..errors import Severity
from ..formatting import format_number, format_percent, rate, round_half_up, to_decimal
from ..metrics.evaluation import meets, printed_figure, target_to_judge
from ..metrics.printing import PENDING, rate_decimals, with_unit
from ..model.year import Metric, Observation, period_start
from .agencies import waiting_for
from .checker import Checker

MET = {"Đạt", "Ước đạt"}
PRINTED = re.compile(r"^(-?\d{1,3}(?:\.\d{3})*|-?\d+)(?:,(\d+))?\s*(%?)$")
PRINTED_COUNTS = re.compile(r"^(\d[\d.]*)/(\d[\d.]*)(?:\s+\D.*)?$")
THOUSANDS_DOTS = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+")
"""``12.345`` as a clerk types twelve thousand three hundred and forty-five."""
TYPED_THOUSANDS = re.compile(
    r"(?:value|numerator|denominator):\s*[+-]?\d{1,3}(?:\.\d{3})+(?![\d.])"
)
"""Such a figure anywhere in a year file's text."""


def _year_of(as_of: str) -> int:
    return int(as_of[:4])


def _percent(value: Any, decimals: int) -> str:
    return format_percent(value, decimals, trim=False)


# --- observations: printed figures, rates, dates ---------------------------------


def _parse_printed(text: str) -> tuple[Decimal, int, bool] | None:
    found = PRINTED.match(text.strip())
    if not found:
        return None
    whole, fraction, percent = found.groups()
    number = Decimal(whole.replace(".", "") + ("." + fraction if fraction else ""))
    return number, len(fraction or ""), bool(percent)


def check_thousands_dots(c: Checker) -> None:
    """``numerator: 12.345`` meant as 12345 is read by YAML as twelve point three four
    five: every later check then reports a consequence (a rate of 0,08%), never this.
    How a figure was typed needs the file's positions: they are read only when the text
    holds such a figure somewhere (``1.500`` is the float 1.5, whose digits no longer
    tell)."""
    if not TYPED_THOUSANDS.search(c.parsed.text):
        return
    for at, metric in c.metrics():
        places = [(at + ("targets", i, "value"), t.value) for i, t in enumerate(metric.targets)]
        for index, obs in enumerate(metric.observations):
            where = at + ("observations", index)
            places += [(where + (name,), getattr(obs, name)) for name in FIGURE_FIELDS]
        for where, value in places:
            if not isinstance(value, float):
                continue
            typed = c.parsed.typed(where)
            if typed is None or not THOUSANDS_DOTS.fullmatch(typed):
                continue
            c.add(
                where,
                f"số '{typed}' được đọc là {format_number(value)} (trong tệp YAML, dấu chấm là "
                f"dấu thập phân); nếu dấu chấm ở đây là dấu nghìn, viết {typed.replace('.', '')}",
                Severity.WARNING,
            )


FIGURE_FIELDS = ("value", "numerator", "denominator")


def check_printed(c: Checker) -> None:
    for at, metric, obs in c.observations():
        if obs.printed is None:
            continue
        problem = _printed_problem(metric, obs, obs.printed.strip())
        if problem is not None:
            severity = Severity.WARNING if problem.startswith("không đọc được") else Severity.ERROR
            c.add(at + ("printed",), problem, severity)


def _printed_problem(metric: Metric, obs: Observation, printed: str) -> str | None:
    """Why ``printed`` disagrees with the observation's figures, if it does."""
    counts = PRINTED_COUNTS.match(printed)
    if counts and obs.numerator is not None and obs.denominator is not None:
        top, bottom = (Decimal(g.replace(".", "")) for g in counts.groups())
        if (top, bottom) != (to_decimal(obs.numerator), to_decimal(obs.denominator)):
            return (
                f"số in ra không khớp với tử số và mẫu số (in {printed}, tử số và mẫu số là "
                f"{format_number(obs.numerator)}/{format_number(obs.denominator)})"
            )
        return None
    parsed = _parse_printed(printed)
    if parsed is None:
        return (
            f"không đọc được số trong 'printed' (tìm thấy '{printed}', "
            "cần dạng như 88,18%, 2.471.745 hoặc 179/188)"
        )
    shown, decimals, _ = parsed
    if obs.numerator is not None and obs.denominator is not None and metric.is_rate:
        computed = rate(obs.numerator, obs.denominator)
        if round_half_up(computed, decimals) != shown:
            return (
                f"tỷ lệ in ra không khớp với tử số và mẫu số (in {printed}, "
                f"tính được {_percent(computed, max(decimals + 1, 2))} từ "
                f"{format_number(obs.numerator)}/{format_number(obs.denominator)})"
            )
    elif obs.value is not None and round_half_up(obs.value, decimals) != shown:
        return f"số in ra không khớp với value (in {printed}, value là {format_number(obs.value)})"
    return None


def check_rates_over_100(c: Checker) -> None:
    for at, metric, obs in c.observations():
        if not metric.is_rate or metric.allow_over_100:
            continue
        if obs.numerator is not None and obs.denominator is not None:
            computed = rate(obs.numerator, obs.denominator)
            where, shown = at + ("numerator",), _percent(computed, rate_decimals(metric))
        elif obs.value is not None:
            computed = to_decimal(obs.value)
            where, shown = at + ("value",), format_percent(obs.value)
        else:
            continue
        if computed > 100:
            c.add(
                where,
                f"tỷ lệ lớn hơn 100% ({shown}; nếu đúng như vậy, "
                f"đặt 'allow_over_100: true' cho chỉ tiêu '{metric.id}')",
            )
    for at, metric in c.all_metrics():
        if not metric.is_rate or metric.allow_over_100:
            continue
        for index, target in enumerate(metric.targets):
            if target.value is not None and target.value > 100:
                c.add(
                    at + ("targets", index, "value"),
                    f"mục tiêu tỷ lệ lớn hơn 100% ({format_percent(target.value)}; nếu đúng "
                    f"như vậy, đặt 'allow_over_100: true' cho chỉ tiêu '{metric.id}')",
                )


def check_as_of(c: Checker) -> None:
    """Figures dated after the report's year, or a judged metric (with a target or an
    evaluation) whose figures all predate it, are flagged."""
    year = c.data.year
    today = date.today()
    for at, metric in c.metrics():
        judged = metric.evaluation is not None or bool(metric.targets)
        has_current = any(_year_of(o.as_of) == year for o in metric.observations)
        for index, obs in enumerate(metric.observations):
            obs_year = _year_of(obs.as_of)
            if period_start(obs.as_of) > today:
                c.add(
                    at + ("observations", index, "as_of"),
                    f"thời điểm số liệu ở sau hôm nay (as_of: {obs.as_of}, hôm nay "
                    f"{today:%d/%m/%Y}): số liệu chưa thể có, kiểm tra lại ngày",
                )
            elif obs_year > year or (obs_year < year and judged and not has_current):
                c.add(
                    at + ("observations", index, "as_of"),
                    f"thời điểm số liệu không thuộc năm báo cáo (as_of: {obs.as_of}, "
                    f"năm báo cáo {year})",
                    Severity.WARNING,
                    group=f"số liệu có thời điểm không thuộc năm báo cáo {year}",
                )


def check_pending(c: Checker) -> None:
    """A figure still awaited (``pending: true``) is a warning at its line: a draft
    prints a marker in its place, a document to be signed waits for the figure."""
    for at, metric in c.all_metrics():
        if not metric.pending:
            continue
        if any(_year_of(o.as_of) == c.data.year for o in metric.observations):
            message = (
                f"chỉ tiêu '{metric.id}' đã có số liệu năm {c.data.year} nhưng vẫn ghi "
                "'pending: true': xóa dòng này để văn bản in số liệu"
            )
        else:
            awaited = waiting_for(c, metric.lead, metric.collect_from)
            message = (
                f"chỉ tiêu '{metric.id}' ({metric.name}) còn chờ số liệu năm {c.data.year}"
                + (f" của {awaited}" if awaited else "")
                + ": thêm số liệu vào 'observations' rồi xóa dòng 'pending: true' (bản nháp "
                f"in '[{PENDING}: …]' ở chỗ của số liệu)"
            )
        c.add(at + ("pending",), message, Severity.WARNING, group=_pending_group(c.data.year))


def _pending_group(year: int) -> str:
    return (
        f"chỉ tiêu còn chờ số liệu năm {year} → điền bằng Excel: baocao form {year}, "
        "hoặc thêm vào 'observations' và xóa 'pending: true'"
    )


def check_targets(c: Checker) -> None:
    for at, metric in c.metrics():
        seen: set[int] = set()
        for index, target in enumerate(metric.targets):
            where = at + ("targets", index, "year")
            if target.year in seen:
                c.add(where, f"chỉ tiêu '{metric.id}' có hai mục tiêu cho năm {target.year}")
            seen.add(target.year)
            if target.year < c.data.year:
                c.add(
                    where,
                    f"mục tiêu cho năm đã qua (năm {target.year}, năm báo cáo {c.data.year})",
                    Severity.WARNING,
                )


# --- metrics: parts and evaluations ----------------------------------------------


def check_parts(c: Checker) -> None:
    for at, metric in c.metrics():
        parts: list[Metric] = []
        for index, part_id in enumerate(metric.parts):
            part = c.data.metric(part_id)
            if part_id == metric.id:
                c.add(
                    at + ("parts", index), f"chỉ tiêu '{metric.id}' không thể là phần của chính nó"
                )
            elif part is None:
                c.add(at + ("parts", index), f"không có chỉ tiêu '{part_id}' trong 'metrics'")
            else:
                parts.append(part)
        if len(parts) != len(metric.parts) or not parts:
            continue  # a missing part is reported above
        if metric.is_rate or any(p.is_rate for p in parts):
            continue  # rates do not add up
        for index, obs in enumerate(metric.observations):
            if obs.value is None:
                continue
            values = []
            for part in parts:
                match = next((o for o in part.observations if o.as_of == obs.as_of), None)
                if match is None or match.value is None:
                    break
                values.append(to_decimal(match.value))
            else:
                total = sum(values, Decimal(0))
                if total != to_decimal(obs.value):
                    terms = " + ".join(format_number(v) for v in values)
                    c.add(
                        at + ("observations", index, "value"),
                        f"tổng các phần không bằng tổng của chỉ tiêu '{metric.id}' "
                        f"({' + '.join(p.id for p in parts)} = {terms} = "
                        f"{format_number(total)}, tổng ghi {format_number(obs.value)})",
                    )


def check_evaluations(c: Checker) -> None:
    for at, metric in c.metrics():
        if metric.evaluation is None or not metric.observations:
            continue
        where = at + ("evaluation",)
        latest = metric.latest
        figure = printed_figure(metric, latest)
        if metric.evaluation == "Chưa có số liệu":
            if figure is not None and _year_of(latest.as_of) == c.data.year:
                c.add(
                    where,
                    f"đánh giá 'Chưa có số liệu' nhưng chỉ tiêu có số liệu năm {c.data.year} "
                    f"({_shown(metric, figure)})",
                )
            continue
        target = target_to_judge(metric, c.data.year)
        if metric.evaluation in MET | {"Chưa đạt"} and not any(
            _year_of(o.as_of) >= c.data.year for o in metric.observations
        ):
            c.add(
                where,
                f"đánh giá '{metric.evaluation}' nhưng không có số liệu năm {c.data.year} "
                "(dùng 'Chưa đánh giá' hoặc 'Chưa có số liệu')",
            )
            continue
        if figure is None or target is None or target.value is None:
            continue
        goal = to_decimal(target.value)
        met = meets(metric, figure, goal)
        expected = "Đạt" if met else "Chưa đạt"
        if (metric.evaluation in MET) != met and metric.evaluation != "Chưa đánh giá":
            relation = "đạt" if met else "chưa đạt"
            c.add(
                where,
                f"đánh giá không khớp với mục tiêu và kết quả (ghi '{metric.evaluation}', "
                f"kết quả {_shown(metric, figure)} {relation} mục tiêu "
                f"{_shown(metric, goal)} năm {target.year}: cần '{expected}')",
            )


def _shown(metric: Metric, number: Decimal) -> str:
    if metric.is_rate:
        return format_percent(number)
    return with_unit(metric, format_number(number))
