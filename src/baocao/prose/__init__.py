"""Prose that cites figures: the grammar of ``[[…]]`` and ``[^…]`` (``grammar``), a
reference resolved to Vietnamese text (``resolve``), and text split into segments
with every figure formatted (``segments``)."""
