"""The Markdown reader of report bodies: markdown-it (CommonMark, raw HTML off) with
the footnote plugin and tables, and three rules of baocao's own before the link rule.

``[[…]]`` is read before emphasis, so an id with underscores is never taken for
italics. An ``[[`` or ``[^`` that opens nothing is text at once (an error found by the
checks): markdown-it and the footnote plugin would otherwise look for its end from
every bracket to the end of the line, and a paragraph of ten thousand of them took
seconds (issue 27). Each rule reads at most up to the next bracket or line end, so a
line is read in linear time.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

REFERENCE_TOKEN = re.compile(r"\[\[((?:[^\[\]\n]|\[(?!\[)|\](?!\]))*)\]\]")
"""``[[`` up to the first ``]]``, on one line, with no other ``[[`` inside. The match
stops at the first ``[[``, ``]]`` or line end, so scanning a line is linear."""
NOTE_LABEL = re.compile(r"\[\^[^\s\[\]]+")
"""``[^`` and a footnote label, up to the first space, bracket or line end."""
PENDING_RUN = 256


@lru_cache(maxsize=1)
def markdown_parser() -> Any:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    md = MarkdownIt("commonmark", {"html": False}).use(footnote_plugin).enable("table")
    md.disable(["html_block", "html_inline", "image", "code", "fence"])
    md.disable("footnote_inline", ignoreInvalid=True)  # ``^[…]``: footnotes are [^label]
    md.core.ruler.disable("footnote_tail")  # keeps definitions no marker in the body uses
    md.inline.ruler.before("link", "baocao_reference", _reference_rule)
    md.inline.ruler.before("link", "baocao_note_marker", _note_marker_rule)
    md.inline.ruler.before("link", "baocao_break", _break_rule)
    return md


BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
"""``<br>`` typed as such: a line break, the one way to break a line in a table's cell
(``\\<br>`` is text)."""


def _break_rule(state: Any, silent: bool) -> bool:
    found = BREAK_TAG.match(state.src, state.pos)
    if found is None:
        return False
    if not silent:
        state.push("hardbreak", "br", 0)
    state.pos = found.end()
    return True


def _reference_rule(state: Any, silent: bool) -> bool:
    """``[[…]]`` on one line becomes one token, whatever it holds (checked later). An
    ``[[`` that opens no reference is text (an error found later), never the start of a
    link: markdown-it would look for the end of a link label from every ``[``."""
    if not state.src.startswith("[[", state.pos):
        return False
    found = REFERENCE_TOKEN.match(state.src, state.pos)
    if found is None:
        _literal(state, silent, "[[")
        return True
    if not silent:
        token = state.push("baocao_reference", "", 0)
        token.content = found.group(1)
    state.pos = found.end()
    return True


def _note_marker_rule(state: Any, silent: bool) -> bool:
    """An ``[^`` that opens no marker of a defined footnote is text (an error found
    later): the footnote plugin would look for the end of a label up to the end of the
    line from every ``[^``, and markdown-it for the end of a link from every ``[``."""
    if not state.src.startswith("[^", state.pos):
        return False
    found = NOTE_LABEL.match(state.src, state.pos)
    if found is None or not state.src.startswith("]", found.end()):
        _literal(state, silent, "[^")
        return True
    defined = state.env.get("footnotes", {}).get("refs", {})
    if f":{found.group()[2:]}" in defined:
        return False  # a marker of a footnote: the footnote plugin's
    _literal(state, silent, state.src[state.pos : found.end() + 1])
    return True


def _literal(state: Any, silent: bool, text: str) -> None:
    """``text`` added to markdown-it's pending text, which becomes a text token once it
    is ``PENDING_RUN`` long: each addition copies the pending text, so a long run of
    such pieces would otherwise cost the square of its length."""
    if not silent:
        if len(state.pending) > PENDING_RUN:
            state.pushPending()
        state.pending += text
    state.pos += len(text)
