"""The data models, pure data with no I/O: a year file (``year``), a report's front
matter (``report``), what both share (``base``) and their JSON Schemas (``schema``)."""
