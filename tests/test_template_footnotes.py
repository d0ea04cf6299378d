"""A template that already has a footnotes part (Word adds one when it saves a file)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from baocao.errors import TemplateError
from baocao.render.package import _add_override, _add_relationship, footnotes_xml

from .helpers import example_workspace, footnotes, render_example

ROOT = Path(__file__).resolve().parents[1]


def template_with_footnotes(folder: Path, notes: list[tuple[int, str]]) -> Path:
    folder.mkdir()
    for name in ("BaoCao.docx", "PhuLuc.docx"):
        source = zipfile.ZipFile(ROOT / "templates" / name)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as target:
            for info in source.infolist():
                data = source.read(info.filename)
                if info.filename == "[Content_Types].xml":
                    data = _add_override(data)
                if info.filename == "word/_rels/document.xml.rels":
                    data = _add_relationship(data)
                target.writestr(info.filename, data)
            target.writestr("word/footnotes.xml", footnotes_xml(notes))
        (folder / name).write_bytes(buffer.getvalue())
    return folder


def test_separator_footnotes_of_a_word_saved_template_are_replaced(tmp_path):
    templates = template_with_footnotes(tmp_path / "mau", [])
    written = render_example(example_workspace(tmp_path / "ws"), tmp_path / "out", templates)
    report = next(f.path for f in written if f.kind == "BÁO CÁO")
    assert footnotes(report) == [
        (
            1,
            "Chương trình Chuyển đổi số tỉnh An Giang giai đoạn "
            "2021 - 2025, định hướng đến năm 2030.",
        )
    ]


def test_a_template_with_its_own_footnote_is_refused_not_overwritten(tmp_path):
    templates = template_with_footnotes(tmp_path / "mau", [(1, "Chú thích của người soạn mẫu")])
    with pytest.raises(TemplateError, match="mẫu đã có chú thích cuối trang riêng"):
        render_example(example_workspace(tmp_path / "ws"), tmp_path / "out", templates)
    assert not (tmp_path / "out").exists()
