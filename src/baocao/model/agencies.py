"""The agencies of a year file, and the record of a figure or task update they sent.

A province's report gathers figures from dozens of agencies; every metric and task
names its lead (``lead``) in words. ``agencies`` lists them once, each with a short
name, so that every form, table and message calls an agency the same way, and a
lead typed another way is found (``rules.agencies``).
"""

from datetime import date

from pydantic import Field

from .base import Identifier, Strict


class Agency(Strict):
    """An agency that leads metrics or tasks and answers a collection round."""

    id: Identifier
    name: str = Field(min_length=1)
    short_name: str | None = None

    @property
    def label(self) -> str:
        """The short name, or the name when there is none."""
        return self.short_name or self.name


class Collected(Strict):
    """Where an imported figure or task update came from: the agency, its form (file
    name and cell) and the day it was imported."""

    agency: Identifier
    form: str = Field(min_length=1)
    cell: str | None = None
    date: date
