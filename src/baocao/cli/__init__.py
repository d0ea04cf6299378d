"""The command line: typer and rich live here and nowhere else in the package."""

from .app import app, main

__all__ = ["app", "main"]
