"""Resolve ``[[metric|format]]`` references to formatted Vietnamese text.

A figure is typed once, in ``metrics``; prose and tables name it by id and the
format here prints it. A reference to a metric or a value that does not exist is
an error: a report must never print an empty string where a figure belongs.
"""

from __future__ import annotations

from pathlib import Path

from .errors import UnresolvedReference
from .formatting import FormatError, format_number, format_percent, format_ratio, rate
from .model import Metric, Observation, YearData

FORMATS = ("number", "counts", "numerator", "denominator", "text", "target:YYYY", "change:YYYY")


DEFAULT_RATE_DECIMALS = 2


def rate_decimals(metric: Metric) -> int:
    return DEFAULT_RATE_DECIMALS if metric.decimals is None else metric.decimals


def observation_number(metric: Metric, obs: Observation) -> str:
    """The figure of one observation without its unit: ``88,18`` or ``2.164.505``."""
    if obs.numerator is not None and obs.denominator is not None:
        if metric.is_rate:
            return format_number(
                rate(obs.numerator, obs.denominator), rate_decimals(metric), trim=True
            )
        raise UnresolvedReference(
            f"chỉ tiêu '{metric.id}' có tử số và mẫu số nhưng đơn vị không phải '%'"
        )
    if obs.value is not None:
        return format_number(obs.value, metric.decimals, trim=metric.decimals is None)
    raise UnresolvedReference(f"chỉ tiêu '{metric.id}' không có số liệu (chỉ có: {obs.text!r})")


def with_unit(metric: Metric, number: str) -> str:
    return f"{number}%" if metric.is_rate else f"{number} {metric.unit}"


def observation_text(metric: Metric, obs: Observation) -> str:
    """What a table's result cell shows by default for an observation."""
    if obs.numerator is not None and obs.denominator is not None and metric.is_rate:
        return format_ratio(obs.numerator, obs.denominator, rate_decimals(metric))
    if obs.value is not None:
        return with_unit(metric, observation_number(metric, obs))
    if obs.text:
        return obs.text
    raise UnresolvedReference(f"chỉ tiêu '{metric.id}' không có số liệu")


def target_text(metric: Metric, year: int) -> str | None:
    target = metric.target_for(year)
    if target is None:
        return None
    if target.value is not None:
        if metric.is_rate:
            return format_percent(target.value, metric.decimals)
        return with_unit(metric, format_number(target.value, metric.decimals, trim=True))
    return target.text


def resolve(data: YearData, metric_id: str, fmt: str | None, where: str) -> str:
    """Format ``[[metric_id|fmt]]``; ``where`` names the place for error messages."""
    metric = data.metric(metric_id)
    if metric is None:
        raise UnresolvedReference(f"{where}: không có chỉ tiêu '{metric_id}' trong 'metrics'")
    obs = metric.latest
    try:
        if fmt is not None and fmt.startswith("change:"):
            return change_since(data, metric, int(fmt.split(":", 1)[1]), where)
        return _format(metric, obs, fmt, where)
    except FormatError as exc:
        raise UnresolvedReference(f"{where}: [[{metric_id}]]: {exc}") from exc


def _format(metric: Metric, obs: Observation, fmt: str | None, where: str) -> str:
    if fmt is None:
        return with_unit(metric, observation_number(metric, obs))
    if fmt == "number":
        return observation_number(metric, obs)
    if fmt == "counts":
        if obs.numerator is None or obs.denominator is None:
            raise UnresolvedReference(f"{where}: chỉ tiêu '{metric.id}' không có tử số và mẫu số")
        return format_ratio(obs.numerator, obs.denominator, rate_decimals(metric))
    if fmt in ("numerator", "denominator"):
        value = getattr(obs, fmt)
        if value is None:
            raise UnresolvedReference(f"{where}: chỉ tiêu '{metric.id}' không có {fmt}")
        return format_number(value)
    if fmt == "text":
        if not obs.text:
            raise UnresolvedReference(f"{where}: chỉ tiêu '{metric.id}' không có 'text'")
        return obs.text
    if fmt.startswith("target:"):
        year = int(fmt.split(":", 1)[1])
        text = target_text(metric, year)
        if text is None:
            raise UnresolvedReference(
                f"{where}: chỉ tiêu '{metric.id}' không có mục tiêu năm {year}"
            )
        return text
    raise UnresolvedReference(
        f"{where}: định dạng '{fmt}' không hợp lệ (dùng: {', '.join(FORMATS)})"
    )


def change_since(data: YearData, metric: Metric, year: int, where: str) -> str:
    """``[[metric|change:2022]]``: the comparison clause ``baocao diff`` computes, e.g.
    ``tăng 4,26 điểm phần trăm so với năm 2022 (78,91%)``.

    The earlier figure is this file's own observation dated in that year when there is
    one (a source that states last year's figure beside this year's), otherwise the
    metric in ``<year>.yaml`` in the folder of the current file (``data/`` when the data
    was not loaded from a file), read once per version of that file.
    """
    from .diff import change, comparison_sentence, year_value
    from .errors import DiffError

    label = f"[[{metric.id}|change:{year}]]"
    if year >= data.year:
        raise UnresolvedReference(
            f"{where}: {label}: chỉ so sánh được với một năm trước năm {data.year}"
        )
    base = _earlier_observations(metric, year)
    if base is None:
        base = other_year(data, year, f"{where}: {label}").metric(metric.id)
    if base is None:
        raise UnresolvedReference(
            f"{where}: {label}: không có chỉ tiêu '{metric.id}' trong dữ liệu năm {year}"
        )
    try:
        return comparison_sentence(change(year_value(year, base), year_value(data.year, metric)))
    except DiffError as exc:
        raise UnresolvedReference(f"{where}: {label}: {exc}") from exc


def _earlier_observations(metric: Metric, year: int) -> Metric | None:
    """The metric as observed in ``year`` within this file (a source of this year that
    also gives last year's figure), or None to read ``<year>.yaml``."""
    earlier = [o for o in metric.observations if o.as_of[:4] == str(year)]
    if not earlier:
        return None
    return metric.model_copy(update={"observations": earlier})


_OTHER_YEARS: dict[str, tuple[tuple[int, int], YearData]] = {}


def other_year(data: YearData, year: int, where: str) -> YearData:
    """The data of ``year`` from the folder of ``data``'s file, loaded lazily and cached."""
    from .errors import DataError
    from .loader import load_year

    folder = Path(data.file).parent if data.file else Path("data")
    path = folder / f"{year}.yaml"
    try:
        stat = path.stat()
    except OSError:
        raise UnresolvedReference(
            f"{where}: cần dữ liệu năm {year} để so sánh nhưng không có tệp '{path}'"
        ) from None
    key, stamp = str(path.resolve()), (stat.st_mtime_ns, stat.st_size)
    cached = _OTHER_YEARS.get(key)
    if cached is None or cached[0] != stamp:
        try:
            cached = (stamp, load_year(path))
        except DataError as exc:
            first = exc.problems[0] if exc.problems else path
            raise UnresolvedReference(
                f"{where}: dữ liệu năm {year} không hợp lệ ({len(exc.problems)} lỗi; "
                f"đầu tiên: {first}); chạy 'baocao validate {year}'"
            ) from exc
        _OTHER_YEARS[key] = cached
    found = cached[1]
    if found.year != year:
        raise UnresolvedReference(
            f"{where}: tệp '{path}' ghi 'year: {found.year}', không phải {year}"
        )
    return found
