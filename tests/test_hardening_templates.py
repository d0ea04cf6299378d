"""Templates run sandboxed, strict and bounded (issue 6, Templates).

Each malicious template is the shipped BaoCao.docx with one paragraph added: it
is refused with a Vietnamese message naming the template, the part and the tag,
and nothing is written.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from baocao.cli import app
from baocao.commands.render import render_report
from baocao.errors import TemplateError
from baocao.render.sandbox import GuardedEnvironment

from .hardening import EXAMPLE_REPORT, paragraph, templates_with

runner = CliRunner()

MALICIOUS = {
    "reads_a_file": (
        "{% include '/etc/passwd' %}",
        "mẫu làm việc không được phép: mẫu không được đọc tệp khác ('/etc/passwd')",
    ),
    "imports_a_file": (
        "{% from '/etc/hosts' import x %}",
        "mẫu không được đọc tệp khác ('/etc/hosts')",
    ),
    "walks_class": (
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "truy cập thuộc tính nội bộ '__class__' của đối tượng 'str'",
    ),
    "reaches_globals": (
        "{{ cycler.__init__.__globals__.os.system('id') }}",
        "truy cập thuộc tính nội bộ '__init__' của đối tượng 'type'",
    ),
    "loops_forever": (
        "{% for i in range(100000) %}{% for j in range(100000) %}"
        "{% for k in range(100000) %}{% endfor %}{% endfor %}{% endfor %}",
        "vòng lặp của mẫu chạy quá 1.000.000 lần",
    ),
    "recurses_forever": (
        "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
        "mẫu gọi đệ quy quá sâu",
    ),
    "doubles_a_string": (
        "{% set ns = namespace(s='xx') %}{% for i in range(64) %}"
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}",
        "mẫu tạo ra chuỗi hoặc danh sách quá dài",
    ),
    "repeats_a_string": ("{{ 'x' * 10**10 }}", "mẫu tạo ra chuỗi hoặc danh sách quá dài"),
    "huge_power": ("{{ 10 ** (10 ** 8) }}", "mẫu tạo ra số quá lớn"),
    "writes_lorem_ipsum": ("{{ lipsum(10**7) }}", "không có trong dữ liệu: 'lipsum'"),
    "divides_by_zero": ("{{ 1/0 }}", "mẫu gặp lỗi khi chạy: phép chia cho 0 (division by zero)"),
}


@pytest.mark.parametrize("name", sorted(MALICIOUS))
def test_malicious_template_is_refused(tmp_path, name):
    tag, message = MALICIOUS[name]
    templates = templates_with(tmp_path / "templates", body=paragraph(tag))
    started = time.monotonic()
    with pytest.raises(TemplateError) as caught:
        render_report(EXAMPLE_REPORT, templates, tmp_path / "out")
    assert time.monotonic() - started < 30
    text = str(caught.value)
    assert text.startswith("BaoCao.docx (word/document.xml): ")
    assert message in text
    assert not (tmp_path / "out").exists()


def test_undefined_name_names_template_part_tag_and_text(tmp_path):
    body = paragraph("Kính gửi: {{ doc.co_quan_nhan }} để biết.")
    templates = templates_with(tmp_path / "templates", body=body)
    with pytest.raises(TemplateError) as caught:
        render_report(EXAMPLE_REPORT, templates, tmp_path / "out")
    assert str(caught.value) == (
        "BaoCao.docx (word/document.xml): mẫu dùng tên không có trong dữ liệu: 'co_quan_nhan'\n"
        "    thẻ: {{ doc.co_quan_nhan }}\n"
        "    gần: «Kính gửi: … để biết.»"
    )


def test_undefined_name_in_a_page_header_is_located_there(tmp_path):
    header = paragraph("Trang {{ so_trang }}")
    templates = templates_with(tmp_path / "templates", header=header)
    with pytest.raises(TemplateError) as caught:
        render_report(EXAMPLE_REPORT, templates, tmp_path / "out")
    assert str(caught.value).startswith(
        "BaoCao.docx (word/header2.xml): mẫu dùng tên không có trong dữ liệu: 'so_trang'\n"
        "    thẻ: {{ so_trang }}"
    )


def test_syntax_error_shows_the_tag(tmp_path):
    templates = templates_with(tmp_path / "templates", body=paragraph("Số {{ doc.number_line"))
    with pytest.raises(TemplateError) as caught:
        render_report(EXAMPLE_REPORT, templates, tmp_path / "out")
    assert "BaoCao.docx (word/document.xml): lỗi cú pháp mẫu" in str(caught.value)
    assert "thẻ: {{ doc.number_line" in str(caught.value)


@pytest.mark.parametrize("part", ["body", "header"])
def test_rendered_xml_that_is_not_well_formed_is_an_error_not_a_repair(tmp_path, part):
    """`|safe` lets a template author write raw XML: broken XML is refused, with the
    part and the text near the fault, where docxtpl would drop the paragraph."""
    bad = paragraph("Đoạn {{ '</w:t><w:p>'|safe }} hỏng")
    templates = templates_with(tmp_path / "templates", **{part: bad})
    with pytest.raises(TemplateError) as caught:
        render_report(EXAMPLE_REPORT, templates, tmp_path / "out")
    text = str(caught.value)
    name = "word/document.xml" if part == "body" else "word/header2.xml"
    assert text.startswith(f"BaoCao.docx ({name}): XML sau khi điền mẫu không hợp lệ (")
    assert "gần: «" in text and "⟨lỗi ở đây⟩" in text


def test_cli_reports_a_template_error_without_traceback(tmp_path):
    templates = templates_with(tmp_path / "templates", body=paragraph("{{ ''.__class__ }}"))
    result = runner.invoke(
        app,
        [
            "render",
            str(EXAMPLE_REPORT),
            "--templates",
            str(templates),
            "--out",
            str(tmp_path / "o"),
        ],
    )
    assert result.exit_code == 1, result.output
    assert "mẫu làm việc không được phép" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "o").exists()


def test_iteration_budget_is_per_document_and_allows_real_loops():
    environment = GuardedEnvironment(max_iterations=50)
    template = environment.from_string("{% for i in range(10) %}{{ i }}{% endfor %}")
    assert template.render() == "0123456789"
    for _ in range(4):
        template.render()
    with pytest.raises(Exception, match="vòng lặp của mẫu chạy quá 50 lần"):
        template.render()
    environment.reset_budget()
    assert template.render() == "0123456789"


def test_values_are_escaped_by_the_environment_not_rendered():
    environment = GuardedEnvironment()
    out = environment.from_string("<w:t>{{ v }}</w:t>").render(v="{{ 7*7 }} & <x> \"'")
    assert out == "<w:t>&#123;&#123; 7*7 &#125;&#125; &amp; &lt;x&gt; &#34;&#39;</w:t>"


def test_shipped_templates_render_within_the_budget(tmp_path):
    root = Path(__file__).resolve().parents[1]
    report = root / "reports" / "2024" / "chuyen-doi-so.md"
    written = render_report(report, root / "templates", tmp_path)
    assert len(written) == 2
