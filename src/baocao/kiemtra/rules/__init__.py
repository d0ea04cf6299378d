"""The rules, one module per part of the document; importing them registers them."""

from . import appendix, body, draft, header, page, sections

__all__ = ["appendix", "body", "draft", "header", "page", "sections"]
