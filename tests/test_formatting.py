from datetime import date
from decimal import Decimal

import pytest

from baocao.formatting import (
    FormatError,
    format_as_of,
    format_date,
    format_number,
    format_pending_date,
    format_percent,
    format_ratio,
    format_short_date,
    round_half_up,
    to_letter,
    to_roman,
)


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (2471745, None, "2.471.745"),  # seed 000: thuê bao di động
        (59721.6, None, "59.721,6"),
        (605172, None, "605.172"),
        (2009961, None, "2.009.961"),
        (0, None, "0"),
        (-307240, None, "-307.240"),
        (12345678901234, None, "12.345.678.901.234"),
        (999, None, "999"),
        (1000, None, "1.000"),
        (97.14, None, "97,14"),
        (0.125, 2, "0,13"),
        (0.135, 2, "0,14"),
        (2.5, 0, "3"),
        (-2.5, 0, "-3"),
        (1.005, 2, "1,01"),
        (95.744680851, 2, "95,74"),
        (100, 2, "100,00"),
        (-0.001, 2, "0,00"),
    ],
)
def test_format_number(value, decimals, expected):
    assert format_number(value, decimals) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (97.14, None, "97,14%"),
        (100, None, "100%"),
        (100, 2, "100%"),
        (42.105, 2, "42,11%"),
        (180.2, 1, "180,2%"),
        (94.87, 1, "94,9%"),
        (50.5, 2, "50,5%"),
    ],
)
def test_format_percent(value, decimals, expected):
    assert format_percent(value, decimals) == expected


@pytest.mark.parametrize(
    ("numerator", "denominator", "decimals", "expected"),
    [
        (605172, 686283, 2, "88,18% (605.172/686.283)"),  # seed 003
        (2723, 6466, 2, "42,11% (2.723/6.466)"),  # seed 003
        (180, 188, 2, "95,74% (180/188)"),
        (179, 188, 1, "95,2% (179/188)"),  # seed prints 94,2% elsewhere: that one is wrong
        (2009961, 1115432, 1, "180,2% (2.009.961/1.115.432)"),
        (5, 5, 2, "100% (5/5)"),
    ],
)
def test_format_ratio(numerator, denominator, decimals, expected):
    assert format_ratio(numerator, denominator, decimals) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2025, 1, 5), "ngày 05 tháng 01 năm 2025"),
        (date(2019, 6, 29), "ngày 29 tháng 6 năm 2019"),
        (date(2024, 10, 22), "ngày 22 tháng 10 năm 2024"),
        (date(2024, 2, 9), "ngày 09 tháng 02 năm 2024"),
        (date(2024, 12, 31), "ngày 31 tháng 12 năm 2024"),
    ],
)
def test_format_date(value, expected):
    assert format_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2022, 4, 26), "26/4/2022"),
        (date(2021, 9, 9), "09/9/2021"),
        (date(2024, 1, 16), "16/01/2024"),
    ],
)
def test_format_short_date(value, expected):
    assert format_short_date(value) == expected


def test_pending_date_leaves_room_for_day_and_month():
    assert (
        format_pending_date(2024) == "ngày\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0tháng"
        "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0năm 2024"
    )


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        ("2024-11-23", "23/11/2024"),
        ("2024-10", "10/2024"),
        ("2024-01", "01/2024"),
        ("2024", "2024"),
    ],
)
def test_format_as_of(as_of, expected):
    assert format_as_of(as_of) == expected


def test_half_up_not_half_even():
    assert round_half_up(0.5, 0) == Decimal("1")
    assert round_half_up(1.5, 0) == Decimal("2")
    assert round_half_up(2.5, 0) == Decimal("3")
    assert round_half_up(2.675, 2) == Decimal("2.68")


@pytest.mark.parametrize("bad", [None, "12", True, float("nan"), float("inf")])
def test_non_numbers_are_refused(bad):
    with pytest.raises(FormatError):
        format_number(bad)


def test_zero_denominator_is_refused():
    with pytest.raises(FormatError):
        format_ratio(1, 0)


def test_roman_and_letters():
    assert [to_roman(n) for n in (1, 2, 3, 4, 9, 14, 40)] == [
        "I",
        "II",
        "III",
        "IV",
        "IX",
        "XIV",
        "XL",
    ]
    assert [to_letter(n) for n in range(1, 8)] == ["a", "b", "c", "d", "đ", "e", "g"]
    with pytest.raises(FormatError):
        to_roman(0)


def test_the_separators_are_babels_vietnamese_ones():
    from babel.numbers import get_decimal_symbol, get_group_symbol

    from baocao.formatting import DECIMAL_SYMBOL, GROUP_SYMBOL

    assert (get_decimal_symbol("vi"), get_group_symbol("vi")) == (DECIMAL_SYMBOL, GROUP_SYMBOL)
