"""Where the trích yếu and the agency's name break when longer than one line.

Word breaks them at the last word that fits, which splits phrases ("giai | đoạn",
"ĐỒNG | THÁP") and can leave one word alone on the last line. An official breaks
them between phrases, into lines of about the same length. This chooses that break,
measuring the text with the font's own widths; a line break typed in the data
(``summary: |-``) is always kept as it is.
"""

from __future__ import annotations

from collections.abc import Callable

from .. import decree30

SUMMARY_WIDTH_MM = decree30.text_width() - 10
"""The summary is centred with some room on each side."""
PHRASE_STARTS = ("và", "về", "của", "trên", "tại", "theo", "giai", "định", "năm", "đến", "trong")
"""A line may well begin with these: they start a phrase."""
PHRASE_ENDS = ("và", "về", "của", "trên", "tại", "theo", "giai", "định", "phương", "nhiệm")
"""A line should not end with these: the phrase goes on."""


def break_summary(summary: str) -> str:
    """``summary`` with line breaks where an official would put them (none if it fits)."""
    if "\n" in summary:
        return summary
    size = decree30.ELEMENTS["summary"].size.default
    return _two_lines(summary, size, True, SUMMARY_WIDTH_MM, _summary_cost, lone_first=True)


def break_letter_summary(summary: str) -> str:
    """A công văn's "V/v …" broken into balanced lines in the header's left column."""
    if "\n" in summary:
        return summary
    size = decree30.ELEMENTS["letter_summary"].size.default
    width = decree30.header_columns()[0]
    return _two_lines(summary, size, False, width, _summary_cost, lone_first=True)


WORDS = frozenset(
    (
        "thực hiện",
        "chuyển đổi",
        "kết quả",
        "báo cáo",
        "hành chính",
        "thủ tục",
        "nhiệm vụ",
        "phương hướng",
        "triển khai",
        "đánh giá",
        "xây dựng",
        "phát triển",
        "công nghệ",
        "thông tin",
        "truyền thông",
        "dữ liệu",
        "dịch vụ",
        "chiến lược",
        "kế hoạch",
        "tình hình",
        "ủy ban",
        "nhân dân",
        "cải cách",
        "chính quyền",
        "kinh tế",
        "xã hội",
        "công nghiệp",
        "cách mạng",
        "quốc gia",
        "trực tuyến",
        "điện tử",
        "giai đoạn",
    )
)
"""Words of two syllables a line should not split ("thực | hiện")."""


def _summary_cost(before: str, after: str) -> float:
    cost = 0.0
    if f"{before} {after}".casefold() in WORDS:
        cost += 60
    if after.casefold() in PHRASE_STARTS:
        cost -= 40
    if before.casefold() in PHRASE_ENDS:
        cost += 80
    if after[0].isupper():
        cost += 80  # inside a name: "tỉnh | An Giang"
    return cost


PLACE_STARTS = ("TỈNH", "THÀNH", "HUYỆN", "QUẬN", "THỊ", "XÃ", "PHƯỜNG", "ĐẶC")
"""An agency's second line may well begin with the place it serves."""


def break_agency(name: str, element: str) -> str:
    """The agency (or parent agency) line broken into two balanced lines, before the
    place it serves when it can ("ỦY BAN NHÂN DÂN" / "TỈNH ĐỒNG THÁP"), when it is
    wider than the header's column (none if it fits or no break fits)."""
    if "\n" in name:
        return name
    spec = decree30.ELEMENTS[element]
    width = decree30.header_columns()[0]
    return _two_lines(name, spec.size.default, bool(spec.bold), width, _agency_cost)


def _agency_cost(_before: str, after: str) -> float:
    return -40.0 if after.upper() in PLACE_STARTS else 0.0


def _two_lines(
    text: str,
    size: float,
    bold: bool,
    width: float,
    phrase_cost: Callable[[str, str], float],
    lone_first: bool = False,
) -> str:
    """``text`` on two lines of about the same width, each fitting ``width``, at the
    space ``phrase_cost`` (of the words either side) prefers; as it is if it fits on
    one line or on no two. Never one word alone on the second line (nor on the first,
    unless ``lone_first``)."""
    total = decree30.text_length(text, size, bold)
    if total <= width:
        return text
    if total - decree30.text_length(" ", size, bold) > 2 * width:
        return text  # no break fits it on two lines; also keeps this linear in its length
    best: tuple[float, int] | None = None
    for space in (i for i, char in enumerate(text) if char == " " and text[i + 1 : i + 2] != " "):
        first, second = text[:space].rstrip(), text[space + 1 :].lstrip()
        if not first or " " not in second or (" " not in first and not lone_first):
            continue
        widths = [decree30.text_length(line, size, bold) for line in (first, second)]
        if max(widths) > width:
            continue
        cost = abs(widths[0] - widths[1]) + phrase_cost(first.split()[-1], second.split()[0])
        if best is None or cost < best[0]:
            best = (cost, space)
    if best is None:
        return text
    return f"{text[: best[1]]}\n{text[best[1] + 1 :]}"
