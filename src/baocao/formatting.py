"""Vietnamese number, percentage and date formatting: small pure functions.

Numbers follow Luật Kế toán (Điều 11) as the official-format guide states:
``.`` groups thousands and ``,`` separates decimals (``2.471.745``, ``59.721,6``),
percentages have no space before ``%``. The two symbols are the law's, written here
rather than read from Babel's ``vi`` locale at every start (which costs more than the
rest of formatting); a test holds them equal to Babel's. Rounding is half-up
(``0,125`` → ``0,13``), as people round by hand, never Python's half-to-even. Years,
document numbers and codes are text and are never grouped: format them with ``str``,
not with these functions.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

Numeric = int | float | Decimal


class FormatError(ValueError):
    """A value that cannot be printed as a figure (missing, not a number)."""


DECIMAL_SYMBOL = ","
GROUP_SYMBOL = "."


def to_decimal(value: Numeric) -> Decimal:
    """Exact decimal of ``value``; floats go through ``repr`` so 97.14 stays 97.14."""
    if value is None or isinstance(value, bool):
        raise FormatError(f"không có số liệu để định dạng ({value!r})")
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        try:
            return Decimal(repr(value))
        except InvalidOperation as exc:
            raise FormatError(f"không phải là số hữu hạn: {value!r}") from exc
    raise FormatError(f"không phải là số: {value!r}")


def round_half_up(value: Numeric, decimals: int) -> Decimal:
    """Round to ``decimals`` places, halves away from zero."""
    number = to_decimal(value)
    if not number.is_finite():
        raise FormatError(f"không phải là số hữu hạn: {value!r}")
    return number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def format_number(value: Numeric, decimals: int | None = None, trim: bool = False) -> str:
    """``2471745`` → ``2.471.745``; ``59721.6`` → ``59.721,6``.

    With ``decimals`` the value is rounded half-up to that many places and they are
    all shown unless ``trim`` drops trailing zeros; without it the value prints with
    the decimals it has.
    """
    number = to_decimal(value)
    if not number.is_finite():
        raise FormatError(f"không phải là số hữu hạn: {value!r}")
    if decimals is not None:
        number = round_half_up(number, decimals)
    if trim or decimals is None:
        number = _trim(number)
    if number == 0:
        number = abs(number)
    text = f"{number:,f}"
    return text.replace(",", "\0").replace(".", DECIMAL_SYMBOL).replace("\0", GROUP_SYMBOL)


def format_percent(value: Numeric, decimals: int | None = None, trim: bool = True) -> str:
    """``97.14`` → ``97,14%``; ``100`` → ``100%``. The value is already in percent."""
    return format_number(value, decimals, trim=trim) + "%"


def rate(numerator: Numeric, denominator: Numeric) -> Decimal:
    """``numerator / denominator`` in percent, exact enough for any printed precision."""
    top, bottom = to_decimal(numerator), to_decimal(denominator)
    if bottom == 0:
        raise FormatError("mẫu số bằng 0")
    return top * 100 / bottom


def format_ratio(numerator: Numeric, denominator: Numeric, decimals: int = 2) -> str:
    """``605172, 686283`` → ``88,18% (605.172/686.283)``."""
    percent = format_percent(rate(numerator, denominator), decimals)
    return f"{percent} ({format_number(numerator)}/{format_number(denominator)})"


def _trim(number: Decimal) -> Decimal:
    if number == number.to_integral_value():
        return number.quantize(Decimal(1))
    return number.normalize()


def _day_month(day: int, month: int) -> tuple[str, str]:
    """Day padded below 10; month padded only for 1 and 2 (Nghị định 30/2020)."""
    return f"{day:02d}", (f"{month:02d}" if month < 3 else str(month))


def format_date(value: date) -> str:
    """``2025-01-05`` → ``ngày 05 tháng 01 năm 2025``; ``2019-06-29`` → ``... tháng 6 ...``."""
    if not isinstance(value, date):
        raise FormatError(f"không phải là ngày: {value!r}")
    day, month = _day_month(value.day, value.month)
    return f"ngày {day} tháng {month} năm {value.year}"


def format_short_date(value: date) -> str:
    """``2022-04-26`` → ``26/4/2022``, the form used in citations."""
    if not isinstance(value, date):
        raise FormatError(f"không phải là ngày: {value!r}")
    day, month = _day_month(value.day, value.month)
    return f"{day}/{month}/{value.year}"


BLANK = "\u00a0" * 6
"""The gap left for a number or a day that is filled in by hand at registration."""


def format_pending_date(year: int) -> str:
    """The date line of a document not dated yet: ``ngày      tháng      năm 2024``."""
    return f"ngày{BLANK}tháng{BLANK}năm {year}"


def format_as_of(as_of: str) -> str:
    """``2024-11-23`` → ``23/11/2024``; ``2024-10`` → ``10/2024``; ``2024`` → ``2024``."""
    parts = as_of.split("-")
    if len(parts) == 3:
        return format_short_date(date(int(parts[0]), int(parts[1]), int(parts[2])))
    if len(parts) == 2:
        return f"{_day_month(1, int(parts[1]))[1]}/{parts[0]}"
    return parts[0]


def to_roman(number: int) -> str:
    """``4`` → ``IV``: group rows and appendix numbers."""
    if number <= 0:
        raise FormatError(f"số La Mã phải dương: {number}")
    numerals = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ]
    out = []
    for size, letters in numerals:
        count, number = divmod(number, size)
        out.append(letters * count)
    return "".join(out)


def to_letter(number: int) -> str:
    """``1`` → ``a``: third-level headings ``a)``, ``b)``, … ``đ)`` (no f, j, w, z)."""
    letters = "abcdđeghiklmnopqrstuvxy"
    if not 1 <= number <= len(letters):
        raise FormatError(f"không có chữ cái cho mục thứ {number}")
    return letters[number - 1]


FILTERS = {
    "so": format_number,
    "phan_tram": format_percent,
    "ty_le": format_ratio,
    "ngay": format_date,
    "ngay_ngan": format_short_date,
    "la_ma": to_roman,
}
"""The Jinja filters templates may use: ``{{ x|so }}``, ``{{ d|ngay }}``…"""
