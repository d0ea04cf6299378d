"""The data models, pure data with no I/O: a year file (``year``), a report's front
matter (``report``), what both share (``base``) and their JSON Schemas (``schema``).

``base``, ``year`` and ``report`` have no ``from __future__ import annotations``: their
annotations are objects already when pydantic builds the models at every start of the
command line, instead of strings it would evaluate one by one (a class naming itself in
a method's annotation writes it in quotes)."""
