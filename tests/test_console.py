"""What baocao prints is the text as typed."""

from __future__ import annotations

import re

from baocao.cli import console


def test_text_that_looks_like_markup_or_an_emoji_code_is_printed_as_typed(capsys):
    console.error("giờ :smile: và [red]x[/red] :thumbs_up:")
    assert capsys.readouterr().err.strip() == "Lỗi: giờ :smile: và [red]x[/red] :thumbs_up:"


def test_lines_on_a_terminal_are_the_same_text_in_colour(capsys, monkeypatch):
    from rich.console import Console

    from baocao.errors import Problem, Severity

    items = [
        Problem("a.md", 3, 5, "lỗi [red]x[/red]"),
        Problem("b.md", None, None, "cảnh báo", Severity.WARNING),
    ]

    def printed() -> tuple[str, str]:
        console.problem_lines(items)
        console.validation_summary(1, 1)
        console.error("hỏng [b]")
        console.wrote("out/a.docx", "BÁO CÁO")
        captured = capsys.readouterr()
        return captured.out, captured.err

    plain = printed()
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.delenv("NO_COLOR")
    for stderr in (False, True):
        terminal = Console(stderr=stderr, force_terminal=True, color_system="standard")
        monkeypatch.setitem(console._consoles, stderr, terminal)
    coloured = printed()
    assert all("\x1b[31m" in text for text in coloured)  # red: an error
    strip = re.compile(r"\x1b\[[0-9;]*m")
    assert tuple(strip.sub("", text) for text in coloured) == plain
    assert plain[0].splitlines() == [
        "a.md:3:5: lỗi: lỗi [red]x[/red]",
        "b.md: cảnh báo: cảnh báo",
        "1 lỗi, 1 cảnh báo",
        "Đã ghi BÁO CÁO: out/a.docx",
    ]
    assert plain[1] == "Lỗi: hỏng [b]\n"
