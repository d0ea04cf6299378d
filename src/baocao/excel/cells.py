"""Read one cell of a filled form the way a Vietnamese user meant it, and say so.

A number cell holds a number; a number typed as text (``'8,5``, ``8.5``,
``2.471.745``) is read with the Vietnamese conventions (comma decimal, dot thousands)
and the reading is reported, never applied silently. A percentage is checked against
the cell's format: ``85`` in a cell formatted as % shows 8500% and is refused, as is
a rate in a cell that lost its % format. Nothing here imports openpyxl: a cell is
its value and its number format.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation

from ..formatting import format_number
from ..limits import FIRST_YEAR, LAST_YEAR, MAX_FIGURE, MAX_FIGURE_TEXT

Figure = int | float


@dataclass
class Reading:
    """What a cell holds once read: a figure (or ``None``), an error, or a notice of
    how text was read."""

    value: Figure | str | None = None
    error: str | None = None
    notice: str | None = None


INTEGER = re.compile(r"^\d+$")
THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
VIETNAMESE = re.compile(r"^\d{1,3}(?:\.\d{3})*,\d+$|^\d+,\d+$")
POINT_DECIMAL = re.compile(r"^\d+\.\d+$")
ENGLISH_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+$")
"""``4,950``: four thousand nine hundred and fifty as English writes it."""
DAY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
MONTH = re.compile(r"^(\d{1,2})[/.-](\d{4})$")
ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def figure(number: Decimal) -> Figure:
    """A Decimal as the number a year file holds: an int when whole."""
    number = number.normalize()
    if number == number.to_integral_value():
        return int(number)
    return float(str(number))


def shown(number: Figure | Decimal) -> str:
    return (
        format_number(number, trim=True) if isinstance(number, Decimal) else format_number(number)
    )


def text_number(text: str) -> tuple[Decimal, str] | None:
    """A number typed as text, and how it was read; ``None`` when it is not one."""
    raw = text.strip().replace("\u00a0", " ").replace(" ", "")
    sign = -1 if raw.startswith("-") else 1
    raw = raw.lstrip("+-")
    if INTEGER.match(raw):
        return sign * Decimal(raw), ""
    if THOUSANDS.match(raw):
        how = "dấu chấm là dấu ngăn cách hàng nghìn như cách viết Việt Nam"
        if raw.count(".") == 1:
            how += f"; nếu ý là số thập phân, gõ {raw.replace('.', ',')}"
        return sign * Decimal(raw.replace(".", "")), how
    if VIETNAMESE.match(raw):
        return sign * Decimal(raw.replace(".", "").replace(",", ".")), "dấu phẩy là dấu thập phân"
    if POINT_DECIMAL.match(raw):
        return sign * Decimal(
            raw
        ), "dấu chấm là dấu thập phân (không thể là dấu ngăn cách hàng nghìn)"
    return None


TOO_LARGE = f"số quá lớn (tối đa {MAX_FIGURE_TEXT}): gõ lại số liệu đúng"


def _number(value: object) -> tuple[Decimal | None, str | None, str | None]:
    """(number, how text was read, error) of a raw cell value."""
    if isinstance(value, bool):
        return None, None, f"ô chứa giá trị đúng/sai ({'ĐÚNG' if value else 'SAI'}), không phải số"
    if isinstance(value, datetime | date | time | timedelta):
        return None, None, "ô chứa ngày hoặc giờ, không phải số"
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            return None, None, "ô chứa giá trị vô hạn hoặc không xác định, không phải số"
        if abs(value) > MAX_FIGURE:
            return None, None, TOO_LARGE
        try:
            return Decimal(repr(value)), None, None
        except InvalidOperation:
            return None, None, "ô không chứa một số đọc được"
    if isinstance(value, str):
        return None, None, None
    return None, None, "ô không chứa một số đọc được"


def read_count(value: object, fmt: str, whole: str | None = None) -> Reading:
    """A plain number (a count, a numerator, a rank): a number cell, or text read as one.
    With ``whole`` (the unit counted), a fraction is an error, not a reading."""
    reading = _read_count(value, fmt)
    if whole is None or reading.error or not isinstance(reading.value, float):
        return reading
    return Reading(error=_not_whole(value, reading.value, whole))


def _not_whole(typed: object, read: float, unit: str) -> str:
    """Why a fraction cannot be a count; ``4,950`` may be 4.950 written the English way."""
    counted = f"chỉ tiêu này đếm '{unit}', là số nguyên"
    if isinstance(typed, str):
        english = ENGLISH_THOUSANDS.match(typed.strip())
        if english:
            meant = int(typed.strip().replace(",", ""))
            return (
                f"'{typed.strip()}' là chữ, không rõ là {shown(meant)} hay {shown(read)} "
                f"({counted}): gõ số {meant} vào ô, không gõ dấu phẩy"
            )
        return f"'{typed.strip()}' đọc là {shown(read)}, không phải số nguyên ({counted})"
    return f"ô chứa {shown(read)}, không phải số nguyên ({counted})"


def _read_count(value: object, fmt: str) -> Reading:
    if value is None or (isinstance(value, str) and not value.strip()):
        return Reading()
    if isinstance(value, str):
        parsed = text_number(value)
        if parsed is None or value.strip().endswith("%"):
            return Reading(error=f"'{value}' không phải số (gõ số, không kèm đơn vị hay chữ)")
        number, how = parsed
        if abs(number) > MAX_FIGURE:
            return Reading(error=TOO_LARGE)
        return Reading(figure(number), notice=_read_as(value, shown(number), how))
    typed, _how, error = _number(value)
    if error or typed is None:
        return Reading(error=error)
    number = typed
    if "%" in fmt:
        return Reading(
            error=f"ô được định dạng phần trăm ({shown(number * 100)}%) nhưng chỉ tiêu này "
            "không phải tỷ lệ: gõ lại số, không kèm dấu %"
        )
    return Reading(figure(number))


def read_rate(value: object, fmt: str, allow_over_100: bool) -> Reading:
    """A rate, in percent points as a year file holds it (85,5% → 85.5)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return Reading()
    limit = 1000 if allow_over_100 else 100
    if isinstance(value, str):
        typed = value.strip()
        parsed = text_number(typed.rstrip("%").strip())
        if parsed is None:
            return Reading(error=f"'{value}' không phải tỷ lệ (gõ kèm dấu %, ví dụ 85,5%)")
        number, how = parsed
        if abs(number) > MAX_FIGURE:
            return Reading(error=TOO_LARGE)
        if not typed.endswith("%") and number <= 1:
            return Reading(
                error=f"'{value}' là chữ, không rõ là {shown(number)}% hay "
                f"{shown(number * 100)}%: gõ lại kèm dấu %, ví dụ 85,5%"
            )
        reading = Reading(figure(number), notice=_read_as(value, f"{shown(number)}%", how))
        return _within(reading, number, limit)
    cell_number, _how, error = _number(value)
    if error or cell_number is None:
        return Reading(error=error)
    number = cell_number
    if "%" not in fmt:
        return Reading(
            error=f"ô tỷ lệ không còn định dạng phần trăm: không rõ {shown(number)} là "
            f"{shown(number)}% hay {shown(number * 100)}%; gõ lại kèm dấu %, ví dụ 85,5%"
        )
    points = number * 100
    if points > limit and number > 1:
        return Reading(
            error=f"ô định dạng phần trăm chứa {shown(number)} (hiện là {shown(points)}%): "
            f"nếu là {shown(number)}%, gõ lại {shown(number)}% (có dấu %)"
        )
    return _within(Reading(figure(points)), points, limit)


def _within(reading: Reading, points: Decimal, limit: int) -> Reading:
    if points < 0:
        return Reading(error=f"tỷ lệ âm ({shown(points)}%)")
    if points > limit:
        more = "" if limit > 100 else " (chỉ tiêu này không được vượt 100%)"
        return Reading(error=f"tỷ lệ {shown(points)}% lớn hơn {limit}%{more}")
    return reading


def _read_as(typed: str, meant: str, how: str) -> str:
    detail = f" ({how})" if how else ""
    return f"ô chứa chữ '{typed}', không phải số: đã đọc là {meant}{detail}"


def read_as_of(value: object, year: int) -> Reading:
    """The date of a figure: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; empty: the year."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return Reading(str(year))
    if isinstance(value, datetime | date):
        day = value.date() if isinstance(value, datetime) else value
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            return Reading(
                error=f"ngày {day.day:02d}/{day.month:02d}/{day.year} không hợp lý "
                "(có thể đã gõ một số vào ô ngày): gõ dạng 31/12/2025"
            )
        return Reading(day.isoformat())
    if isinstance(value, int) and not isinstance(value, bool) and FIRST_YEAR <= value <= LAST_YEAR:
        return Reading(str(value))
    if not isinstance(value, str):
        return Reading(error="ô không chứa một ngày đọc được: gõ dạng 31/12/2025")
    typed = value.strip()
    found = DAY.match(typed)
    if found:
        day_, month, year_ = (int(p) for p in found.groups())
        return _day(typed, year_, month, day_)
    found = MONTH.match(typed)
    if found and 1 <= int(found.group(1)) <= 12:
        month, year_ = int(found.group(1)), int(found.group(2))
        return _checked_year(Reading(f"{year_}-{month:02d}"), year_, typed)
    found = ISO.match(typed)
    if found:
        year_ = int(found.group(1))
        if found.group(3):
            return _day(typed, year_, int(found.group(2)), int(found.group(3)))
        if found.group(2) and not 1 <= int(found.group(2)) <= 12:
            return Reading(error=f"'{typed}' không phải ngày: tháng không tồn tại")
        return _checked_year(Reading(typed), year_, typed)
    return Reading(error=f"'{typed}' không phải ngày: gõ dạng ngày/tháng/năm, ví dụ 31/12/{year}")


def _day(typed: str, year: int, month: int, day: int) -> Reading:
    try:
        found = date(year, month, day)
    except ValueError:
        return Reading(error=f"'{typed}' không phải ngày: ngày không tồn tại")
    reading = Reading(found.isoformat())
    if not typed[:4].isdigit():
        reading.notice = (
            f"ô chứa chữ '{typed}', không phải ngày: đã đọc là ngày {day:02d} tháng "
            f"{month:02d} năm {year} (ngày/tháng/năm)"
        )
    return _checked_year(reading, year, typed)


def _checked_year(reading: Reading, year: int, typed: str) -> Reading:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return Reading(error=f"'{typed}' không phải ngày hợp lý (năm {year})")
    return reading
