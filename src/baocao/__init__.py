"""baocao: Vietnamese digital-transformation reports from YAML."""

__version__ = "0.1.0"
