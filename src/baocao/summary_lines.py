"""Where the trích yếu breaks when it is longer than one line.

Word breaks it at the last word that fits, which splits phrases ("giai | đoạn",
"phương | hướng") and can leave one word alone on the last line. An official breaks
it between phrases, into lines of about the same length. This chooses that break,
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
