"""Word documents: the only package that imports docxtpl, python-docx and lxml."""

from .engine import RenderedFile, render_year

__all__ = ["RenderedFile", "render_year"]
