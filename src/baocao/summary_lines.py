"""Where the trích yếu and the agency's name break when longer than one line.

Word breaks them at the last word that fits, which splits phrases ("giai | đoạn",
"ĐỒNG | THÁP") and can leave one word alone on the last line. An official breaks
them between phrases, into lines of about the same length. This chooses that break,
measuring the text with the font's own widths; a line break typed in the data
(``summary: |-``) is always kept as it is.
"""

from __future__ import annotations

from . import layout

SUMMARY_WIDTH_MM = layout.text_width() - 10
"""The summary is centred with some room on each side."""
PHRASE_STARTS = ("và", "về", "của", "trên", "tại", "theo", "giai", "định", "năm", "đến", "trong")
"""A line may well begin with these: they start a phrase."""
PHRASE_ENDS = ("và", "về", "của", "trên", "tại", "theo", "giai", "định", "phương", "nhiệm")
"""A line should not end with these: the phrase goes on."""


def break_summary(summary: str) -> str:
    """``summary`` with line breaks where an official would put them (none if it fits)."""
    if "\n" in summary:
        return summary
    size = layout.ELEMENTS["summary"].size.default
    total = layout.text_length(summary, size, bold=True)
    if total <= SUMMARY_WIDTH_MM:
        return summary
    if total - layout.text_length(" ", size, bold=True) > 2 * SUMMARY_WIDTH_MM:
        return summary  # no break fits it on two lines; also keeps this linear in its length
    best: tuple[float, int] | None = None
    for space in (i for i, char in enumerate(summary) if char == " "):
        first, second = summary[:space], summary[space + 1 :]
        if not first.strip() or not second.strip() or " " not in second.strip():
            continue  # never one word alone on a line
        widths = [layout.text_length(line, size, bold=True) for line in (first, second)]
        if max(widths) > SUMMARY_WIDTH_MM:
            continue
        before, after = first.split()[-1], second.split()[0]
        cost = abs(widths[0] - widths[1])
        if after.casefold() in PHRASE_STARTS:
            cost -= 40
        if before.casefold() in PHRASE_ENDS:
            cost += 80
        if after[0].isupper():
            cost += 80  # inside a name: "tỉnh | An Giang"
        if best is None or cost < best[0]:
            best = (cost, space)
    if best is None:
        return summary
    return f"{summary[: best[1]]}\n{summary[best[1] + 1 :]}"


PLACE_STARTS = ("TỈNH", "THÀNH", "HUYỆN", "QUẬN", "THỊ", "XÃ", "PHƯỜNG", "ĐẶC")
"""An agency's second line may well begin with the place it serves."""


def break_agency(name: str, element: str) -> str:
    """The agency (or parent agency) line broken into two balanced lines, before the
    place it serves when it can ("ỦY BAN NHÂN DÂN" / "TỈNH ĐỒNG THÁP"), when it is
    wider than the header's column (none if it fits or no break fits)."""
    if "\n" in name:
        return name
    spec = layout.ELEMENTS[element]
    size, bold = spec.size.default, bool(spec.bold)
    width = layout.header_columns()[0]
    if layout.text_length(name, size, bold) <= width:
        return name
    best: tuple[float, int] | None = None
    for space in (i for i, char in enumerate(name) if char == " "):
        first, second = name[:space].rstrip(), name[space + 1 :].lstrip()
        if " " not in first or " " not in second:
            continue  # never one word alone on a line
        widths = [layout.text_length(line, size, bold) for line in (first, second)]
        if max(widths) > width:
            continue
        cost = abs(widths[0] - widths[1])
        if second.split()[0].upper() in PLACE_STARTS:
            cost -= 40
        if best is None or cost < best[0]:
            best = (cost, space)
    if best is None:
        return name
    return f"{name[: best[1]].rstrip()}\n{name[best[1] + 1 :].lstrip()}"
