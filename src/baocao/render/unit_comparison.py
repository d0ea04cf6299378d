"""The document of ``baocao compare --format docx``: the units' comparison in the
official style, built with the helpers of ``render.comparison`` (``baocao diff``)."""

from __future__ import annotations

from docx.shared import Pt

from ..metrics.units import UnitComparison
from ..tables import units as export
from .comparison import TITLE_SIZE, _paragraph, _table, finish_document, start_document


def unit_comparison_docx(comparison: UnitComparison) -> bytes:
    """The comparison as a .docx file's bytes; the same comparison gives the same bytes."""
    merged = export.any_merged(comparison)
    note = export.merge_note() if merged else ""
    document = start_document(export.title(comparison), note, centre_note=False)
    units = len(comparison.units)
    weights = [0.8, 5.0, *[2.4] * units, 2.4, *([3.0] if merged else [])]
    for units_of_group, indicators in comparison.groups():
        title = document.add_paragraph()
        title.paragraph_format.space_before = Pt(12)
        title.paragraph_format.space_after = Pt(6)
        _paragraph(title, export.group_title(comparison, units_of_group), TITLE_SIZE, bold=True)
        rows = [export.row(comparison, i) for i in indicators]
        _table(document, ["STT", *export.headers(comparison)], rows, weights)
    return finish_document(document, export.title(comparison), comparison.year)
