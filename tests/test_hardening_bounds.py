"""Issue 16, every run bounded: a template cannot make baocao build something huge.

Each case goes through ``baocao render`` over an out folder holding a previous pair
of documents: exit code 1, a Vietnamese message naming the template and the part,
the folder untouched. Each is refused before the huge thing is built: the most
memory Python holds during the run stays far below what the unguarded run would
take (gigabytes, or a MemoryError after minutes).
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from baocao.render.strict import TAG

from .hardening import TEMPLATES, declare_size, paragraph, peak_memory, rezip, templates_with
from .helpers import body_lines
from .issue16 import REPORT_FILE, cli, render_args, render_refused, year_file

MiB = 2**20
MOST_MEMORY = 128 * MiB
"""A refused run stays under this; each unguarded one would need gigabytes."""

TOO_LONG = "mẫu tạo ra chuỗi hoặc danh sách quá dài ở "
TAGS = {
    "format_filter": (
        "{{ '%0600000000d'|format(1) }}",
        TOO_LONG + "bộ lọc format (600.000.378 phần tử, tối đa 5.000.000)",
    ),
    "center_filter": (
        "{{ 'x'|center(2000000000) }}",
        TOO_LONG + "bộ lọc center (2.000.000.000 phần tử, tối đa 5.000.000)",
    ),
    "replace_chain": (
        "{{ ('x' * 1000)|replace('x', 'x' * 1000)|replace('x', 'x' * 1000) }}",
        TOO_LONG + "bộ lọc replace (1.000.000.000 phần tử",
    ),
    "indent_filter": ("{{ 'x'|indent(2000000000, true) }}", TOO_LONG + "bộ lọc indent"),
    "join_filter": (
        "{% set s = 'x' * 4000000 %}{{ ([s] * 1000)|join }}",
        TOO_LONG + "bộ lọc join",
    ),
    "batch_filter": ("{{ [1]|batch(2000000000, 0)|list }}", TOO_LONG + "bộ lọc batch"),
    "slice_filter": (
        "{{ [1]|slice(2000000000)|list }}",
        "mẫu chia danh sách thành quá nhiều phần ở bộ lọc slice (2.000.000.000, tối đa 100.000)",
    ),
    "roman_filter": ("{{ (10**15)|la_ma }}", TOO_LONG + "bộ lọc la_ma"),
    "string_filter": (
        "{% set s = 'x' * 4000000 %}{{ ([s] * 1000)|string }}",
        TOO_LONG + "bộ lọc string",
    ),
    "center_method": ("{{ 'x'.center(2000000000) }}", TOO_LONG + "phương thức center"),
    "ljust_method": ("{{ 'x'.ljust(2000000000) }}", TOO_LONG + "phương thức ljust"),
    "join_method": (
        "{% set s = 'x' * 4000000 %}{{ ''.join([s] * 1000) }}",
        TOO_LONG + "phương thức join",
    ),
    "format_method": ("{{ '{:>2000000000}'.format(1) }}", TOO_LONG + "phương thức format"),
    "format_nested_width": (
        "{{ '{:{w}}'.format(1, w=2000000000) }}",
        TOO_LONG + "phương thức format",
    ),
    "to_bytes_method": ("{{ (1).to_bytes(2000000000, 'big') }}", TOO_LONG + "phương thức to_bytes"),
    "list_doubling": (
        "{% set l = [1] %}{% for i in range(64) %}{{ l.extend(l) or '' }}{% endfor %}",
        TOO_LONG + "phương thức extend",
    ),
    "percent_width": ("{{ '%0999999999d' % 1 }}", TOO_LONG + "phép % (1.000.000.343 phần tử"),
    "percent_star": ("{{ '%*d' % (2000000000, 1) }}", TOO_LONG + "phép %"),
    "repeat": ("{{ 'x' * 2000000000 }}", TOO_LONG + "phép * (2.000.000.000 phần tử"),
    "concat": (
        "{% set s = 'x' * 4000000 %}{{ s ~ s ~ s ~ s ~ s ~ s ~ s ~ s }}",
        TOO_LONG + "phép nối ~ (32.000.000 phần tử",
    ),
    "printed_in_a_loop": (
        "{% set s = 'x' * 4000000 %}{% for i in range(100000) %}{{ s }}{% endfor %}",
        "mẫu viết ra quá nhiều chữ (hơn 50.000.000 ký tự trong một văn bản",
    ),
}


@pytest.mark.parametrize("name", sorted(TAGS))
def test_a_template_building_something_huge_is_refused_before_it_is_built(tmp_path, name):
    tag, message = TAGS[name]
    templates = templates_with(tmp_path / "templates", body=paragraph(f"Số: {tag}."))
    year = year_file(tmp_path / "data")
    result, peak = peak_memory(lambda: render_refused(tmp_path, year, "--templates", templates))
    assert "BaoCao.docx (word/document.xml): " + message in result.output
    assert f"thẻ: {TAG.findall(tag)[0]}" in result.output  # the first tag on the line
    assert peak < MOST_MEMORY


def test_html_and_debugging_filters_are_gone(tmp_path):
    templates = templates_with(tmp_path / "templates", body=paragraph("{{ doc.type|tojson }}"))
    result = render_refused(tmp_path, year_file(tmp_path / "data"), "--templates", templates)
    assert "BaoCao.docx (word/document.xml): mẫu dùng bộ lọc không có: 'tojson'" in result.output


def test_filters_and_methods_within_the_bounds_still_work(tmp_path):
    body = paragraph(
        "{{ '%s|%05d' % ('a', 3) }} {{ '{a}-{b:>3}'.format(a=1, b='x') }} "
        "{{ 'a b'|replace(' ', '_') }} {{ [1, 2]|join(', ') }} [{{ 'x'|center(5) }}] "
        "{{ 'ab' ~ 1 }} {{ [[1], [2]]|sum(start=[]) }} {{ 4|la_ma }} {{ 'x'.ljust(3) }}|"
    )
    templates = templates_with(tmp_path / "templates", body=body)
    out = tmp_path / "out"
    arguments = render_args(year_file(tmp_path / "data"))
    result = cli("render", *arguments, "--out", out, "--templates", templates)
    assert result.exit_code == 0, result.output
    first = body_lines(out / REPORT_FILE)[0]
    assert first == "a|00003 1-  x a_b 1, 2 [  x  ] ab1 [1, 2] IV x  |"


def test_the_last_resort_message_is_vietnamese_and_says_whom_to_tell(tmp_path):
    templates = templates_with(tmp_path / "templates", body=paragraph("{{ 1 // 0 }}"))
    result = render_refused(tmp_path, year_file(tmp_path / "data"), "--templates", templates)
    assert "BaoCao.docx (word/document.xml): mẫu gặp lỗi khi chạy: phép chia cho 0" in result.output
    assert "báo lỗi cho người phát triển kèm tệp mẫu và tệp dữ liệu" in result.output
    assert "ZeroDivisionError" not in result.output


# -- the template's zip ------------------------------------------------------------------


def _template(folder: Path, members: dict[str, object]) -> Path:
    """A copy of the shipped templates whose BÁO CÁO has ``members`` replaced or added."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(TEMPLATES / "PhuLuc.docx", folder / "PhuLuc.docx")
    rezip(TEMPLATES / "BaoCao.docx", folder / "BaoCao.docx", members)
    return folder


def _refused(tmp_path: Path, templates: Path) -> str:
    year = year_file(tmp_path / "data")
    result, peak = peak_memory(lambda: render_refused(tmp_path, year, "--templates", templates))
    assert peak < MOST_MEMORY
    return result.output


def test_a_part_of_hundreds_of_megabytes_is_refused_before_it_is_decompressed(tmp_path):
    """300 MiB of zeros as the document: python-docx would read it whole."""
    templates = _template(tmp_path / "templates", {"word/document.xml": 300})
    assert (templates / "BaoCao.docx").stat().st_size < 2 * MiB
    output = _refused(tmp_path, templates)
    assert (
        "BaoCao.docx (word/document.xml): phần này giải nén ra 300 MB, quá giới hạn 64 MB "
        "của một phần; tệp hỏng, hoặc cố ý làm đầy bộ nhớ (zip bomb); hãy dùng lại mẫu gốc"
    ) in " ".join(output.split())


def test_a_part_compressed_beyond_any_word_file_is_refused(tmp_path):
    templates = _template(tmp_path / "templates", {"word/media/image1.png": 50})
    output = " ".join(_refused(tmp_path, templates).split())
    assert "BaoCao.docx (word/media/image1.png): phần này nén chặt bất thường (" in output
    assert "giải nén ra 50 MB; tệp Word thật không quá 200:1)" in output


def test_a_part_larger_than_it_declares_is_refused_before_it_is_decompressed(tmp_path):
    """The directory says 1 000 bytes; zipfile would inflate all 300 MiB in one step."""
    templates = _template(tmp_path / "templates", {"word/document.xml": 300})
    declare_size(templates / "BaoCao.docx", "word/document.xml", 1000)
    output = " ".join(_refused(tmp_path, templates).split())
    assert (
        "BaoCao.docx (word/document.xml): phần này giải nén ra nhiều hơn kích thước khai báo "
        "(1.000 byte); tệp hỏng, hoặc cố ý làm đầy bộ nhớ (zip bomb)"
    ) in output


def test_parts_declaring_more_than_the_total_are_refused(tmp_path):
    noise = random.Random(16).randbytes(400_000)  # does not compress: ratio stays 1:1
    names = [f"word/media/image{n}.png" for n in range(1, 6)]
    templates = _template(tmp_path / "templates", dict.fromkeys(names, noise))
    for name in names:
        declare_size(templates / "BaoCao.docx", name, 60 * MiB)
    output = " ".join(_refused(tmp_path, templates).split())
    assert "BaoCao.docx: các phần giải nén ra hơn 256 MB; tệp hỏng" in output


def test_a_template_that_is_not_a_zip_is_named(tmp_path):
    templates = _template(tmp_path / "templates", {})
    (templates / "BaoCao.docx").write_bytes(b"not a zip " * 100)
    output = " ".join(_refused(tmp_path, templates).split())
    assert (
        "BaoCao.docx: không phải tệp Word .docx (có thể là tệp chữ hay tệp khác đổi đuôi)" in output
    )
