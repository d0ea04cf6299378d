"""Text from the data reaches the document exactly as typed (issue 6, Input).

Escaping, Jinja delimiters and docxtpl's own markers in every place text is
printed (body, tables, header block, page header, footnotes of a document with
several sections), characters XML cannot hold refused with file, line and field,
and decomposed Vietnamese (NFD) rendered exactly as composed (NFC).
"""

from __future__ import annotations

import unicodedata

import pytest
from typer.testing import CliRunner

from baocao.cli import app
from baocao.errors import DataError
from baocao.loader import load_year
from baocao.render import render_year

from .hardening import TEMPLATES, example_data, paragraph, templates_with, write_year
from .helpers import body_lines, footnotes, header_texts

runner = CliRunner()

TRICKY = (
    "Bross & Co <b>\"x\"</b> 'y' {{ 7*7 }} {% if true %}z{% endif %} "
    "{_{ a }_} {_% b %_} {# c #} ]]> &amp; <w:p>"
)


def tricky_year(text: str = TRICKY) -> dict:
    """The example year with ``text`` in every kind of place the documents print."""
    data = example_data()
    report = data["report"]
    report["document"]["summary"] = text
    report["document"]["agency"] = text
    report["grounds"] = [f"{text}[^ctr553]"]
    report["footnotes"]["ctr553"] = text
    data["task_lists"][0]["items"][0]["name"] = text
    appendix = report["appendices"][0]
    appendix["parts"][0]["heading"] = text
    appendix["parts"][0]["paragraphs"] = [f"{text}[^ctr553]"]
    second = {"title": "PHỤ LỤC THỨ HAI", "parts": [{"paragraphs": [f"{text}[^ctr553]"]}]}
    report["appendices"].append(second)  # several sections: footnotes still rendered once
    return data


@pytest.fixture(scope="module")
def tricky_docs(tmp_path_factory):
    root = tmp_path_factory.mktemp("tricky")
    path = write_year(root, tricky_year())
    templates = templates_with(root / "templates", header=paragraph("{{ doc.summary }}"))
    written = render_year(load_year(path), templates, root / "out")
    return {f.kind: f.path for f in written}


def test_body_prints_special_text_verbatim(tricky_docs):
    lines = body_lines(tricky_docs["BÁO CÁO"])
    assert TRICKY in lines  # the trích yếu, printed by the template's {{ doc.summary }}
    assert f"{TRICKY}[^1]" in lines  # a paragraph of runs built from the data
    assert any(TRICKY in line and line.startswith("|") for line in lines)  # header block


def test_page_header_prints_special_text_verbatim(tricky_docs):
    assert any(TRICKY in text for text in header_texts(tricky_docs["BÁO CÁO"]))


def test_footnotes_print_special_text_verbatim(tricky_docs):
    assert footnotes(tricky_docs["BÁO CÁO"]) == [(1, TRICKY)]
    assert footnotes(tricky_docs["Phụ lục"]) == [(1, TRICKY), (2, TRICKY)]


def test_appendix_with_several_sections_prints_special_text_verbatim(tricky_docs):
    lines = body_lines(tricky_docs["Phụ lục"])
    assert TRICKY in lines  # part heading, through the template
    assert lines.count(f"{TRICKY}[^1]") == 1 and lines.count(f"{TRICKY}[^2]") == 1
    assert any(line.startswith("| 1 | " + TRICKY + " |") for line in lines)  # table cell
    assert not any("49" in line for line in lines)


def test_nfd_file_renders_the_same_bytes_as_nfc(tmp_path):
    data = tricky_year("Báo cáo Sở Thông tin và Truyền thông, ước đạt 97,14%")
    nfc = write_year(tmp_path / "nfc", data)
    nfd = tmp_path / "nfd" / "2024.yaml"
    nfd.parent.mkdir()
    nfd.write_text(unicodedata.normalize("NFD", nfc.read_text(encoding="utf-8")), "utf-8")
    assert nfd.read_bytes() != nfc.read_bytes()
    one = render_year(load_year(nfc), TEMPLATES, tmp_path / "out_nfc")
    two = render_year(load_year(nfd), TEMPLATES, tmp_path / "out_nfd")
    for first, second in zip(one, two, strict=True):
        assert first.path.read_bytes() == second.path.read_bytes()


def test_nfd_typed_as_escapes_is_composed_in_keys_and_values(tmp_path):
    from baocao.loader import parse_yaml

    parsed = parse_yaml('"Vie\\u0302\\u0323t": "Nam Bo\\u0323\\u0302"\n', "x.yaml")
    assert parsed.data == {"Việt": "Nam Bộ"}
    key, value = next(iter(parsed.data.items()))
    assert unicodedata.is_normalized("NFC", key) and unicodedata.is_normalized("NFC", value)


def problems(path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_year(path)
    return [str(p) for p in caught.value.problems]


def test_raw_control_characters_are_refused_with_line_column_and_field(tmp_path):
    path = write_year(tmp_path, example_data())
    text = path.read_text(encoding="utf-8")
    text = text.replace("Nguyễn Thanh Hải", "Nguyễn\x07Thanh Hải")
    text = text.replace("Hồ sơ thủ tục", "Hồ\x0bsơ thủ tục")  # a line break to splitlines()
    path.write_text(text, encoding="utf-8")
    lines = text.split("\n")
    signer = next(i for i, t in enumerate(lines, 1) if "Nguyễn\x07" in t)
    name = next(i for i, t in enumerate(lines, 1) if "Hồ\x0bsơ" in t)
    column = lines[name - 1].index("\x0b") + 1
    assert problems(path) == [
        f"{path}:{name}:{column}: lỗi: 'metrics[0].name' có ký tự U+000B (ký tự điều khiển) "
        "mà tệp Word không chứa được; hãy xóa ký tự này",
        f"{path}:{signer}:{lines[signer - 1].index(chr(7)) + 1}: lỗi: "
        "'report.document.signer.name' có ký tự U+0007 (ký tự điều khiển) "
        "mà tệp Word không chứa được; hãy xóa ký tự này",
    ]


@pytest.mark.parametrize(
    ("escape", "code"), [("\\x07", "U+0007 (ký tự điều khiển)"), ("\\uFFFE", "U+FFFE")]
)
def test_escaped_invalid_characters_are_refused_at_their_value(tmp_path, escape, code):
    path = write_year(tmp_path, example_data())
    text = path.read_text(encoding="utf-8").replace(
        "closing: Trên đây", f'closing: "Trên{escape} đây'
    )
    text = text.replace("Sở Thông tin và Truyền thông.\n", 'Sở Thông tin và Truyền thông."\n', 1)
    path.write_text(text, encoding="utf-8")
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "closing:" in t)
    [found] = problems(path)
    assert found.startswith(f"{path}:{line}:")
    assert f"'report.closing' có ký tự {code}" in found


def test_lone_surrogate_escape_is_refused_with_its_line(tmp_path):
    path = write_year(tmp_path, example_data())
    text = path.read_text(encoding="utf-8").replace("place: An Giang", 'place: "An \\ud800Giang"')
    path.write_text(text, encoding="utf-8")
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "place:" in t)
    [found] = problems(path)
    assert found.startswith(f"{path}:{line}:")
    assert "surrogate" in found


def test_cli_refuses_control_characters_without_writing(tmp_path):
    path = write_year(tmp_path, example_data())
    path.write_text(path.read_text("utf-8").replace("An Giang", "An\x01Giang"), "utf-8")
    result = runner.invoke(app, ["render", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    assert "U+0001 (ký tự điều khiển)" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()
