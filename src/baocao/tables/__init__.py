"""Comparisons and indicator lists as tables of text: cells, CSV, JSON, Markdown
(``years``, ``units``, ``indicators``). Their Word and Excel forms live in ``render``
and ``excel``."""
