"""What baocao prints is the text as typed."""

from __future__ import annotations

from baocao.cli import console


def test_text_that_looks_like_markup_or_an_emoji_code_is_printed_as_typed(capsys):
    console.error("giờ :smile: và [red]x[/red] :thumbs_up:")
    assert capsys.readouterr().err.strip() == "Lỗi: giờ :smile: và [red]x[/red] :thumbs_up:"
