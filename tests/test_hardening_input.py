"""Text from the data reaches the document exactly as typed (issue 6, Input).

Escaping, Jinja delimiters and docxtpl's own markers in every place text is
printed (body, tables, header block, page header, footnotes of a document with
several sections), characters XML cannot hold refused with file, line and field,
and decomposed Vietnamese (NFD) rendered exactly as composed (NFC).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from baocao.cli import app
from baocao.commands.render import render_report
from baocao.commands.validate import validate_report
from baocao.errors import DataError
from baocao.load.year_file import load_year
from baocao.yearfile.migrate import escape

from .hardening import (
    TEMPLATES,
    example_data,
    example_report,
    paragraph,
    templates_with,
    write_report,
    write_year,
)
from .helpers import body_lines, example_workspace, footnotes, header_texts, workspace_at

runner = CliRunner()

TRICKY = (
    "Bross & Co <b>\"x\"</b> 'y' {{ 7*7 }} {% if true %}z{% endif %} "
    "{_{ a }_} {_% b %_} {# c #} ]]> &amp; <w:p>"
)


def tricky_workspace(root: Path, text: str = TRICKY) -> Path:
    """The example with ``text`` in every kind of place the documents print: the front
    matter and the data as typed, the Markdown body escaped (``migrate.escape``)."""
    data = example_data()
    data["task_lists"][0]["items"][0]["name"] = text
    write_year(root / "data", data)
    front, _body = example_report()
    front["document"]["summary"] = text
    front["document"]["agency"] = text.upper()  # the decree writes agencies in capitals
    appendix = front["appendices"][0]
    appendix["parts"][0]["heading"] = text
    appendix["parts"][0]["paragraphs"] = [f"{text}[^ctr553]"]
    second = {"title": "PHỤ LỤC THỨ HAI", "parts": [{"paragraphs": [f"{text}[^ctr553]"]}]}
    front["appendices"].append(second)  # several sections: footnotes still rendered once
    body = (
        f"{escape(text)}[^ctr553]\n\n# KẾT QUẢ\n\nTrên đây là báo cáo.\n\n"
        f"[^ctr553]: {escape(text)}\n"
    )
    write_report(root, front, body)
    return root


def _render(root: Path, templates: Path, out: Path):
    report = root / "reports" / "2024" / "bao-cao-mau.md"
    return render_report(report, templates, out, workspace=workspace_at(root))


@pytest.fixture(scope="module")
def tricky_docs(tmp_path_factory):
    root = tricky_workspace(tmp_path_factory.mktemp("tricky"))
    templates = templates_with(root / "templates", header=paragraph("{{ doc.summary }}"))
    written = _render(root, templates, root / "out")
    return {f.kind: f.path for f in written}


def test_body_prints_special_text_verbatim(tricky_docs):
    lines = body_lines(tricky_docs["BÁO CÁO"])
    # the trích yếu, printed by the template (broken into lines between words)
    assert TRICKY in [line.replace("\n", " ") for line in lines]
    assert f"{TRICKY}[^1]" in lines  # a paragraph of runs built from the data
    assert any(TRICKY.upper() in line and line.startswith("|") for line in lines)  # header


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


def test_nfd_files_render_the_same_bytes_as_nfc(tmp_path):
    nfc = tricky_workspace(tmp_path / "nfc", "Báo cáo Sở Thông tin và Truyền thông, ước đạt 97,14%")
    nfd = tmp_path / "nfd"
    for path in nfc.rglob("*.*"):
        copy = nfd / path.relative_to(nfc)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_text(unicodedata.normalize("NFD", path.read_text(encoding="utf-8")), "utf-8")
        assert copy.read_bytes() != path.read_bytes()
    one = _render(nfc, TEMPLATES, tmp_path / "out_nfc")
    two = _render(nfd, TEMPLATES, tmp_path / "out_nfd")
    for first, second in zip(one, two, strict=True):
        assert first.path.read_bytes() == second.path.read_bytes()


def test_nfd_typed_as_escapes_is_composed_in_keys_and_values(tmp_path):
    from baocao.load.yaml_careful import parse_yaml

    parsed = parse_yaml('"Vie\\u0302\\u0323t": "Nam Bo\\u0323\\u0302"\n', "x.yaml")
    assert parsed.data == {"Việt": "Nam Bộ"}
    key, value = next(iter(parsed.data.items()))
    assert unicodedata.is_normalized("NFC", key) and unicodedata.is_normalized("NFC", value)


def problems(path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_year(path)
    return [str(p) for p in caught.value.problems]


def report_problems(root: Path) -> list[str]:
    report = root / "reports" / "2024" / "bao-cao-mau.md"
    return [str(p) for p in validate_report(report, workspace_at(root)).all_problems]


def test_raw_control_characters_are_refused_with_line_column_and_field(tmp_path):
    path = write_year(tmp_path, example_data())
    text = path.read_text(encoding="utf-8").replace("Hồ sơ thủ tục", "Hồ\x0bsơ thủ tục")
    path.write_text(text, encoding="utf-8")
    lines = text.split("\n")
    name = next(i for i, t in enumerate(lines, 1) if "Hồ\x0bsơ" in t)
    column = lines[name - 1].index("\x0b") + 1
    assert problems(path) == [
        f"{path}:{name}:{column}: lỗi: 'metrics[0].name' có ký tự U+000B (ký tự điều khiển) "
        "mà tệp Word không chứa được; hãy xóa ký tự này",
    ]


def test_control_characters_in_a_report_are_refused_where_they_are(tmp_path):
    root = example_workspace(
        tmp_path,
        report=(("Nguyễn Thanh Hải", "Nguyễn\x07Thanh Hải"), ("báo cáo như sau", "báo\x01cáo")),
    )
    report = root / "reports" / "2024" / "bao-cao-mau.md"
    assert report_problems(root) == [
        f"{report}:14:17: lỗi: 'document.signer.name' có ký tự U+0007 (ký tự điều khiển) "
        "mà tệp Word không chứa được; hãy xóa ký tự này",
    ]
    body_only = example_workspace(tmp_path / "b", report=(("báo cáo như sau", "báo\x01cáo"),))
    [found] = report_problems(body_only)
    assert found.startswith(f"{body_only}/reports/2024/bao-cao-mau.md:37:33: lỗi: có ký tự U+0001")


@pytest.mark.parametrize(
    ("escape", "code"), [("\\x07", "U+0007 (ký tự điều khiển)"), ("\\uFFFE", "U+FFFE")]
)
def test_escaped_invalid_characters_are_refused_at_their_value(tmp_path, escape, code):
    summary = "summary: Tình hình thực hiện"
    root = example_workspace(tmp_path, report=((summary, f'summary: "Tình{escape} hình"\n  x: '),))
    [found] = report_problems(root)
    assert found.startswith(f"{root}/reports/2024/bao-cao-mau.md:11:")
    assert f"'document.summary' có ký tự {code}" in found


def test_lone_surrogate_escape_is_refused_with_its_line(tmp_path):
    root = example_workspace(tmp_path, report=(("place: An Giang", 'place: "An \\ud800Giang"'),))
    [found] = report_problems(root)
    assert found.startswith(f"{root}/reports/2024/bao-cao-mau.md:9:")
    assert "surrogate" in found


def test_cli_refuses_control_characters_without_writing(tmp_path, monkeypatch):
    root = example_workspace(tmp_path, report=(("place: An Giang", "place: An\x01Giang"),))
    monkeypatch.chdir(root)
    result = runner.invoke(app, ["render", "2024", "--out", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    assert "U+0001 (ký tự điều khiển)" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()
