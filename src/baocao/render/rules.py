"""The rules (solid lines) under the issuing agency and under the trích yếu.

The decree sets their length from the text above them: 1/3 to 1/2 of the line (Phụ
lục I, Phần I, mục II.2.b and II.5.b). Their length is measured here for each
document, from the text as it prints (``decree30.text_length``), and drawn as the
template draws a rule: the bottom border of a small paragraph narrowed by indents.
"""

from __future__ import annotations

from .. import decree30

TWIPS_PER_MM = 1440 / 25.4


def rule_xml(text: str, size: float, share: float, width_mm: float, after_pt: int = 0) -> str:
    """A rule centred in ``width_mm``, ``share`` of the longest line of ``text`` long."""
    longest = max(decree30.text_length(line.strip(), size, bold=True) for line in text.split("\n"))
    length = share * min(longest, width_mm)  # a line that wraps is as wide as its column
    side = round((width_mm - length) / 2 * TWIPS_PER_MM)
    border = '<w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/>'
    spacing = f'<w:spacing w:after="{after_pt * 20}"/>' if after_pt else ""
    return (
        f'<w:p><w:pPr><w:pStyle w:val="BCRule"/><w:pBdr>{border}</w:pBdr>{spacing}'
        f'<w:ind w:left="{side}" w:right="{side}"/></w:pPr></w:p>'
    )


def agency_rule(agency: str) -> str:
    element = decree30.ELEMENTS["agency"]
    width = decree30.header_columns()[0]
    return rule_xml(agency, element.size.default, decree30.AGENCY_RULE.default, width)


def summary_rule(summary_lines: str, width_mm: float) -> str:
    element = decree30.ELEMENTS["summary"]
    share = decree30.SUMMARY_RULE.default
    return rule_xml(summary_lines, element.size.default, share, width_mm, after_pt=12)
