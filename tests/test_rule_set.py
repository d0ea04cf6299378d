"""One rule set (issue 23), through the command line: what validate passes, render
writes and kiemtra accepts; what kiemtra missed; messages that named the wrong reason.

Documents of another issuer than the shipped ones (a ministry, the Government, a
district), rendered by ``baocao render``, read back from the .docx and checked by
``baocao kiemtra``; a defect is put into a rendered copy the way a hand edit would.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Length
from typer.testing import CliRunner

from baocao import decree30
from baocao.cli import app

from .hardening import rewrite_docx
from .helpers import clean_copy
from .test_kinds import BODY, document, render

runner = CliRunner()


def on_agency(path: Path, agency: str) -> Path:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH", agency, 1), encoding="utf-8")
    return path


def kiemtra(*paths: Path, fmt: str = "text"):
    return runner.invoke(app, ["kiemtra", *map(str, paths), "--format", fmt])


def rule_under(docx: Path, text: str) -> tuple[float, float]:
    """The length (mm) of the rule drawn under the paragraph(s) ending with ``text``,
    and the width (mm) of the column it is centred in."""
    word = Document(str(docx))
    cells = [c for t in word.tables for row in t.rows for c in row.cells]
    containers = [word, *cells]
    for container in containers:
        paragraphs = container.paragraphs
        for index, paragraph in enumerate(paragraphs[:-1]):
            below = paragraphs[index + 1]
            if paragraph.text.endswith(text) and below.style.name == "BC Rule":
                width = container.width if container is not word else None
                column = Length(width).mm if width else decree30.text_width()
                indent = below.paragraph_format
                return column - indent.left_indent.mm - indent.right_indent.mm, column
    raise AssertionError(f"no rule under «{text}»")


# -- what validate passed and kiemtra rejected --------------------------------------


@pytest.mark.parametrize("agency", ["BỘ Y TẾ", "CHÍNH PHỦ"])
def test_a_short_agency_gets_a_rule_a_third_to_a_half_of_its_name(tmp_path, agency):
    path = on_agency(document(tmp_path, BODY, to="  to: Bộ Nội vụ"), agency)
    result, out = render(path, tmp_path)
    assert result.exit_code == 0, result.output
    [written] = out.glob("*.docx")
    length, _column = rule_under(written, agency)
    name = decree30.text_length(agency, 12, bold=True)
    assert name / 3 <= length <= name / 2
    assert kiemtra(written).exit_code == 0


def test_a_summary_in_capitals_is_refused_by_validate_at_its_line(tmp_path):
    summary = "VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2025"
    path = document(tmp_path, BODY, to="  to: Bộ Nội vụ", summary=summary)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert re.search(r"van-ban\.md:12:\d+: lỗi: .*trích yếu viết chữ thường", result.output)
    rendered, out = render(path, tmp_path)
    assert rendered.exit_code == 1 and not out.exists()


LONG_SUMMARY = (
    "Về việc phê duyệt kế hoạch chuyển đổi số năm 2025 và phương hướng, nhiệm vụ năm 2026"
)
"""Two lines of about 10 cm: a rule of 5,6 cm under them is more than half."""


def test_the_rule_under_a_two_line_summary_follows_its_longest_line(tmp_path):
    path = document(tmp_path, BODY, to="  to: Bộ Nội vụ", summary=LONG_SUMMARY)
    result, out = render(path, tmp_path)
    assert result.exit_code == 0, result.output
    [written] = out.glob("*.docx")
    lines = [p.text for p in Document(str(written)).paragraphs if p.text.strip()]
    start = next(i for i, line in enumerate(lines) if LONG_SUMMARY.startswith(line.split("\n")[0]))
    summary = lines[start].split("\n")
    assert len(summary) == 2  # one paragraph, broken by a line break
    longest = max(decree30.text_length(line, 14, bold=True) for line in summary)
    length, _ = rule_under(written, summary[-1])
    assert longest / 3 <= length <= longest / 2 + 0.5
    assert kiemtra(written).exit_code == 0
    fixed = rewrite_docx(written, tmp_path / "ke_co_dinh.docx", {"word/document.xml": fixed_rule})
    result = kiemtra(fixed)
    assert result.exit_code == 1
    assert "lỗi ke-trich-yeu" in result.output


def fixed_rule(xml: str) -> str:
    """The rule under the trích yếu drawn 5,6 cm long, as the old template did."""
    side = round((decree30.text_width() - 56) / 2 * 1440 / 25.4)
    rules = list(re.finditer(r'<w:pStyle w:val="BCRule"/>.*?<w:ind [^>]*/>', xml))
    last = rules[-1]  # the agency's, the motto's, then the trích yếu's
    drawn = re.sub(r"<w:ind [^>]*/>", f'<w:ind w:left="{side}" w:right="{side}"/>', last.group(0))
    return xml[: last.start()] + drawn + xml[last.end() :]


# -- drafts ---------------------------------------------------------------------------


def headers(docx: Path) -> list[str]:
    word = Document(str(docx))
    section = word.sections[0]
    return [p.text for p in section.first_page_header.paragraphs if p.text.strip()]


def test_a_draft_says_so_at_the_top_of_its_first_page_and_a_final_does_not(tmp_path):
    extra_name = "  draft_mark: Dự thảo lần 2\n"
    path = document(tmp_path, BODY, to="  to: Bộ Nội vụ")
    draft, out = render(path, tmp_path, "--draft")
    assert draft.exit_code == 0, draft.output
    [written] = out.glob("*.docx")
    assert headers(written) == [decree30.DRAFT_MARK]
    result = kiemtra(written)
    assert result.exit_code == 0
    assert "cảnh báo du-thao" in result.output and "đây là bản dự thảo" in result.output
    final = runner.invoke(app, ["render", str(path), "--out", str(tmp_path / "final")])
    assert final.exit_code == 0, final.output
    [signed] = (tmp_path / "final").glob("*.docx")
    assert headers(signed) == []
    assert "đạt du-thao" in kiemtra(signed).output
    text = path.read_text(encoding="utf-8").replace("  signer:\n", extra_name + "  signer:\n", 1)
    path.write_text(text, encoding="utf-8")
    again, _ = render(path, tmp_path, "--draft")
    assert again.exit_code == 0, again.output
    assert headers(written) == ["Dự thảo lần 2"]


def test_a_figure_awaited_in_a_document_not_marked_draft_is_an_error(tmp_path):
    path = document(tmp_path, BODY, to="  to: Bộ Nội vụ")
    result, out = render(path, tmp_path)
    assert result.exit_code == 0, result.output
    [written] = out.glob("*.docx")
    awaited = rewrite_docx(
        written,
        tmp_path / "cho.docx",
        {"word/document.xml": lambda xml: xml.replace("Kính trình.", "[CHỜ SỐ LIỆU: Tỷ lệ].", 1)},
    )
    result = kiemtra(awaited)
    assert result.exit_code == 1
    assert "lỗi du-thao" in result.output and "còn chỗ chờ số liệu" in result.output


# -- what kiemtra missed ------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped_2024(tmp_path_factory) -> Path:
    """The repository's 2024 documents rendered by the command line."""
    root = clean_copy(tmp_path_factory.mktemp("repo"))
    out = root / "out"
    result = runner.invoke(app, ["render", "2024", "--data", str(root / "data"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_tm_under_kt_is_an_error(tmp_path):
    path = document(tmp_path, BODY, to="  to: Bộ Nội vụ")
    text = path.read_text(encoding="utf-8").replace(
        "[TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH]", "[KT. CHỦ TỊCH, TM. ỦY BAN NHÂN DÂN, PHÓ CHỦ TỊCH]"
    )
    path.write_text(text, encoding="utf-8")
    validated = runner.invoke(app, ["validate", str(path)])
    assert validated.exit_code == 1 and "TM." in validated.output
    path.write_text(
        text.replace("[KT. CHỦ TỊCH, TM. ỦY BAN NHÂN DÂN,", "[TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH,"),
        "utf-8",
    )
    result, out = render(path, tmp_path)
    assert result.exit_code == 0, result.output
    [written] = out.glob("*.docx")

    def swap(xml: str) -> str:
        first, second = "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"
        return xml.replace(first, "\0").replace(second, first).replace("\0", second)

    swapped = rewrite_docx(written, tmp_path / "tm_kt.docx", {"word/document.xml": swap})
    result = kiemtra(swapped)
    assert result.exit_code == 1 and "lỗi chu-ky" in result.output


def test_a_long_appendix_table_without_a_repeated_header_row(shipped_2024, tmp_path):
    appendix = shipped_2024 / "PhuLuc_2024_chuyen-doi-so.docx"
    assert "đạt bang-lap-tieu-de" in kiemtra(appendix).output
    plain = rewrite_docx(
        appendix,
        tmp_path / "khong_lap.docx",
        {"word/document.xml": lambda xml: xml.replace("<w:tblHeader/>", "")},
    )
    result = kiemtra(plain)
    assert "cảnh báo bang-lap-tieu-de" in result.output
    assert "dòng tiêu đề không lặp lại" in result.output


@pytest.mark.parametrize("how", ["second", "every"])
def test_appendix_page_numbers_that_do_not_restart(shipped_2024, tmp_path, how):
    appendix = shipped_2024 / "PhuLuc_2024_chuyen-doi-so.docx"

    def unnumbered(xml: str) -> str:
        starts = list(re.finditer(r'<w:pgNumType w:start="1"/>', xml))
        assert len(starts) == 2  # Phụ lục I and Phụ lục II
        for found in reversed(starts if how == "every" else starts[1:]):
            xml = xml[: found.start()] + xml[found.end() :]
        return xml

    broken = rewrite_docx(appendix, tmp_path / "so_trang.docx", {"word/document.xml": unnumbered})
    result = kiemtra(broken)
    assert result.exit_code == 1
    assert "lỗi so-trang-phu-luc" in result.output
    assert "«Phụ lục II»: số trang không bắt đầu lại từ 1" in result.output


def test_an_archive_line_without_the_drafting_unit(tmp_path):
    path = document(tmp_path, BODY, to="  to: Bộ Nội vụ")
    path.write_text(path.read_text(encoding="utf-8").replace("Lưu: VT, KT", "Lưu: VT"), "utf-8")
    validated = runner.invoke(app, ["validate", str(path)])
    assert validated.exit_code == 0
    assert "lưu ý: dòng “- Lưu: VT” thiếu chữ viết tắt tên đơn vị soạn thảo" in validated.output
    result, out = render(path, tmp_path)
    assert result.exit_code == 0, result.output
    [written] = out.glob("*.docx")
    checked = kiemtra(written)
    assert "cảnh báo noi-nhan" in checked.output and "thiếu chữ viết tắt" in checked.output


def test_a_missing_name_under_tm_kt_is_one_warning_not_a_title_taken_for_a_name(tmp_path):
    path = document(tmp_path, BODY, to="  to: Bộ Nội vụ")
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "[TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH]", "[TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH]"
    ).replace("    name: Trần Văn Bình\n", "")
    path.write_text(text, encoding="utf-8")
    result, out = render(path, tmp_path, "--draft")
    assert result.exit_code == 0, result.output
    [written] = out.glob("*.docx")
    checked = kiemtra(written)
    assert checked.exit_code == 0, checked.output
    assert "PHÓ CHỦ TỊCH»: họ tên" not in checked.output
    assert "cảnh báo chu-ky" in checked.output and "chưa có họ tên người ký" in checked.output


# -- messages for the right reason ------------------------------------------------------


def test_an_undefined_numbered_footnote_is_named_as_undefined(tmp_path):
    body = "Tỷ lệ đạt [[ho_so_truc_tuyen|counts]][^1] và năm nay[^2].\n\n[^1]: Theo Sở.\n"
    path = document(tmp_path, body, to="  to: Bộ Nội vụ")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert "chú thích '[^2]' chưa có nội dung" in result.output
    assert "chỉ gồm chữ thường" not in result.output


def test_a_number_typed_with_its_symbol_names_the_number(tmp_path):
    path = document(tmp_path, BODY, to="  to: Bộ Nội vụ")
    path.write_text(
        path.read_text(encoding="utf-8").replace('number: "12"', "number: 653/TTr-UBND"), "utf-8"
    )
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert "'number' chỉ ghi số (653); ký hiệu “TTr-UBND” ghi ở 'symbol'" in result.output


def test_a_footnote_defined_twice_is_an_error_at_both_lines(tmp_path):
    body = "Tỷ lệ đạt [[ho_so_truc_tuyen|counts]][^nguon].\n\n[^nguon]: Theo Sở.\n[^nguon]: Khác.\n"
    path = document(tmp_path, body, to="  to: Bộ Nội vụ")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert "chú thích '[^nguon]' có hai lần nội dung" in result.output
    assert "Theo Sở.Khác" not in result.output
