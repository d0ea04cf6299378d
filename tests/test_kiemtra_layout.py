"""The official layout as data: the small functions the templates and kiemtra share."""

from __future__ import annotations

import pytest

from baocao import decree30


@pytest.mark.parametrize(
    ("day", "month", "ok"),
    [
        ("05", "3", True),
        ("22", "10", True),
        ("05", "01", True),
        ("29", "02", True),
        ("5", "3", False),
        ("05", "03", False),
        ("05", "1", False),
        ("", "", True),
    ],
)
def test_official_date_form(day, month, ok):
    assert (decree30.date_problem(day, month) is None) is ok


@pytest.mark.parametrize(
    ("line", "ok"),
    [
        ("Số: 05/BC-STTTT", True),
        ("Số: 123/BC-UBND", True),
        ("Số: \u00a0\u00a0\u00a0/BC-STTTT", True),
        ("Số: 5/BC-STTTT", False),
        ("Số: 05 /BC-STTTT", False),
        ("Số: 05/bc-STTTT", False),
        ("Số: 05/KH-STTTT", False),
        ("số 05/BC-STTTT", False),
    ],
)
def test_number_and_symbol(line, ok):
    assert (decree30.number_problem(line, decree30.kind_of("BÁO CÁO")) is None) is ok


@pytest.mark.parametrize(
    ("kind", "line", "ok"),
    [
        ("KẾ HOẠCH", "Số: 12/KH-UBND", True),
        ("KẾ HOẠCH", "Số: 12/BC-UBND", False),
        ("Tờ trình", "Số: 07/TTr-STTTT", True),
        ("THÔNG BÁO", "Số: 07/TB-UBND", True),
        ("CÔNG VĂN", "Số: 1247/STTTT-VP", True),
        ("CÔNG VĂN", "Số: 1247/BC-STTTT", False),
        ("CÔNG VĂN", "Số: 1247/STTTT", False),
        ("BÁO CÁO TÓM TẮT", "Số: 05/BCTT-UBND", True),
    ],
)
def test_the_symbol_follows_the_kind(kind, line, ok):
    """Phụ lục III, mục I: each kind's abbreviation; a công văn has none."""
    assert (decree30.number_problem(line, decree30.kind_of(kind)) is None) is ok


def test_recipients():
    assert decree30.recipient_problem("- UBND tỉnh;", last=False) is None
    assert decree30.recipient_problem("- Lưu: VT, KHTC.", last=True) is None
    assert decree30.recipient_problem("- UBND tỉnh", last=False) == "không kết thúc bằng dấu “;”"
    assert decree30.recipient_problem("- UBND tỉnh.", last=True).startswith("dòng cuối không phải")


def test_authority_prefixes():
    assert (
        decree30.authority_problem(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]) is None
    )
    assert decree30.authority_problem(["TUQ. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"]) is None
    assert "không phải là KT." in decree30.authority_problem(["T/M. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"])


def test_text_length_uses_times_metrics_for_vietnamese_letters():
    assert decree30.text_length("Độc lập", 14, True) == decree30.text_length("Doc lap", 14, True)
    assert round(decree30.text_length(decree30.MOTTO, 13, True), 1) == 55.9


def test_landscape_margins_are_the_portrait_ones_turned():
    assert decree30.text_width() == 165
    assert decree30.text_width(landscape=True) == 257
