"""Figures of the prose as metrics (``--figures``): placeholder."""

from __future__ import annotations

from typing import Any

from .content import Converted


def find_figures(converted: Converted, year: int, source_id: str) -> list[Any]:
    return []
