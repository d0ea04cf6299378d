"""``baocao kiemtra``: each hand-made document breaks one rule and gets exactly that finding."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from docx.enum.style import WD_STYLE_TYPE
from typer.testing import CliRunner

from baocao.cli import app
from baocao.kiemtra import check
from baocao.kiemtra.status import Status
from tests.kiemtra_fixtures import (
    add_landscape_section,
    district_report_with_mistakes,
    save,
    typed_report,
)

runner = CliRunner()


def findings(path) -> dict[str, list[tuple[str, str]]]:
    """Rule id → (where, detail) of every rule that did not pass or was not checked."""
    report = check(path)
    assert not report.error, report.error
    return {
        r.rule.id: [(v.where, v.detail) for v in r.violations]
        for r in report.results
        if r.status in (Status.ERROR, Status.WARNING)
    }


def only(path) -> tuple[str, str, str]:
    found = findings(path)
    assert len(found) == 1, found
    (rule_id, violations), *_ = found.items()
    assert len(violations) == 1, violations
    return rule_id, *violations[0]


def test_a_correct_hand_typed_report_passes(tmp_path):
    report = check(save(typed_report(), tmp_path / "dung.docx"))
    statuses = {r.rule.id: r.status for r in report.results}
    assert report.kind == "văn bản"
    assert {s for s in statuses.values()} == {Status.PASSED, Status.UNCHECKED}
    assert statuses["phu-luc"] == Status.UNCHECKED
    assert statuses["ke-tieu-ngu"] == Status.PASSED


def test_a_district_report_signed_for_the_committee_passes(tmp_path):
    """No parent agency, a two-line bold agency name, TM. / KT. / deputy title."""
    document = typed_report(
        parent=(),
        agency=("ỦY BAN NHÂN DÂN", "HUYỆN CHÂU THÀNH"),
        number="Số: 12/BC-UBND",
        authority=("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
        signer="Trần Văn Bình",
    )
    assert findings(save(document, tmp_path / "huyen.docx")) == {}


def test_signer_with_an_academic_title_and_a_bare_kt(tmp_path):
    path = save(
        typed_report(authority=("KT. GIÁM ĐỐC",), signer="ThS. Nguyễn Văn An"), tmp_path / "k.docx"
    )
    found = findings(path)
    assert set(found) == {"chu-ky"}
    details = [detail for _where, detail in found["chu-ky"]]
    assert details == [
        "sau dòng “KT. …” phải có chức vụ của cấp phó ký thay",
        "không ghi học hàm, học vị trước họ tên người ký",
    ]


def test_left_margin_of_25_mm(tmp_path):
    rule_id, where, detail = only(save(typed_report(left_margin=25), tmp_path / "le.docx"))
    assert rule_id == "le-trang"
    assert where == "phần (section) 1, trang dọc"
    assert detail == "lề trái 25,0 mm (phải 30–35 mm)"


def test_arial_in_one_run_through_a_style(tmp_path):
    document = typed_report()
    style = document.styles.add_style("Trích dẫn", WD_STYLE_TYPE.CHARACTER)
    style.font.name = "Arial"
    paragraph = next(p for p in document.paragraphs if p.text.startswith("Tỷ lệ"))
    paragraph.runs[0].style = style
    rule_id, where, detail = only(save(document, tmp_path / "arial.docx"))
    assert rule_id == "phong-chu"
    assert where.startswith("đoạn ") and "«Tỷ lệ hồ sơ giải quyết" in where
    assert detail.endswith("dùng “Arial” (đặt ở kiểu “Trích dẫn”)")


def test_a_theme_font_is_resolved_through_the_document_defaults(tmp_path):
    document = typed_report()
    paragraph = next(p for p in document.paragraphs if p.text.startswith("Tỷ lệ"))
    paragraph.style = document.styles["Heading 1"]
    found = findings(save(document, tmp_path / "theme.docx"))
    (where, detail), *_ = found["phong-chu"]
    assert "«Tỷ lệ hồ sơ" in where
    assert "kiểu “Heading 1”, phông của chủ đề" in detail


def test_day_not_padded_and_march_padded(tmp_path):
    path = save(typed_report(date="An Giang, ngày 5 tháng 03 năm 2024"), tmp_path / "ngay.docx")
    rule_id, where, detail = only(path)
    assert rule_id == "ngay-thang"
    assert where == (
        "phần đầu văn bản (bảng 1), dòng 2, ô phải, đoạn 1 «An Giang, ngày 5 tháng 03 năm 2024»"
    )
    assert "đúng là “ngày 05 tháng 3”" in detail


def test_no_rule_under_the_motto(tmp_path):
    rule_id, where, detail = only(save(typed_report(motto_rule=False), tmp_path / "ke.docx"))
    assert rule_id == "ke-tieu-ngu"
    assert where.endswith("dòng 1, ô phải, đoạn 2 «Độc lập - Tự do - Hạnh phúc»")
    assert detail == "không có đường kẻ dưới tiêu ngữ"


def test_motto_with_the_wrong_hyphens(tmp_path):
    path = save(typed_report(motto="Độc lập – Tự do – Hạnh phúc"), tmp_path / "gach.docx")
    found = findings(path)
    assert set(found) == {"tieu-ngu"}
    (where, detail), *_ = found["tieu-ngu"]
    assert where.endswith("ô phải, đoạn 2 «Độc lập – Tự do – Hạnh phúc»")
    assert "gạch ngắn “-”" in detail


def test_page_number_on_page_one(tmp_path):
    path = save(typed_report(first_page_number=True), tmp_path / "trang1.docx")
    rule_id, where, detail = only(path)
    assert rule_id == "so-trang-dau"
    assert where.startswith("đầu trang của phần (section) 1")
    assert detail.startswith("trang 1 có số trang")


def test_recipient_list_without_the_archive_line(tmp_path):
    path = save(typed_report(recipients=["- UBND tỉnh;", "- Sở Tài chính."]), tmp_path / "l.docx")
    rule_id, where, detail = only(path)
    assert rule_id == "noi-nhan"
    assert where.endswith("ô trái, đoạn 3 «- Sở Tài chính.»")
    assert detail == "dòng cuối không phải “- Lưu: VT, ….”"


def test_number_below_ten_without_its_zero(tmp_path):
    rule_id, where, detail = only(save(typed_report(number="Số: 5/BC-STTTT"), tmp_path / "s.docx"))
    assert rule_id == "so-ky-hieu"
    assert where.endswith("dòng 2, ô trái, đoạn 1 «Số: 5/BC-STTTT»")
    assert detail.startswith("số nhỏ hơn 10 phải có số 0")


def test_content_without_its_final_mark(tmp_path):
    body = ["Nội dung báo cáo.", "Trên đây là báo cáo quý I năm 2024."]
    rule_id, where, detail = only(save(typed_report(body=body), tmp_path / "ket.docx"))
    assert rule_id == "ket-thuc"
    assert "«Trên đây là báo cáo quý I năm 2024.»" in where


def test_landscape_section_with_portrait_margins(tmp_path):
    document = typed_report()
    add_landscape_section(document, margins={"top": 20, "bottom": 20, "left": 30, "right": 15})
    rule_id, where, detail = only(save(document, tmp_path / "ngang.docx"))
    assert rule_id == "le-trang"
    assert where == "phần (section) 2, trang ngang"
    assert detail.endswith("trang ngang đang để lề của trang dọc (lề 30 mm phải ở trên)")


def test_a_landscape_section_with_rotated_margins_passes(tmp_path):
    document = typed_report()
    add_landscape_section(document)
    assert findings(save(document, tmp_path / "ngang.docx")) == {}


def test_a_document_without_header_block_is_not_failed_on_rules_it_cannot_check(tmp_path):
    document = typed_report()
    header_table = document.tables[0]._tbl
    header_table.getparent().remove(header_table)
    report = check(save(document, tmp_path / "khong_dau.docx"))
    statuses = {r.rule.id: r for r in report.results}
    assert report.kind == "khác"
    for rule_id in ("quoc-hieu", "tieu-ngu", "ngay-thang", "noi-nhan", "ket-thuc"):
        assert statuses[rule_id].status == Status.UNCHECKED
        assert "không có phần đầu văn bản" in statuses[rule_id].reason
    assert statuses["le-trang"].status == Status.PASSED


def test_cli_text_output_and_exit_code(tmp_path):
    path = save(typed_report(motto_rule=False), tmp_path / "ke.docx")
    result = runner.invoke(app, ["kiemtra", str(path)])
    assert result.exit_code == 1, result.output
    assert "lỗi ke-tieu-ngu: Dưới tiêu ngữ có đường kẻ liền" in result.output
    assert "(Phụ lục I, Phần I, mục II.1)" in result.output
    assert "không có đường kẻ dưới tiêu ngữ" in result.output
    assert (
        "không kiểm tra được phu-luc, so-trang-phu-luc, bang-lap-tieu-de: tệp không có Phụ lục"
        in result.output
    )
    from baocao.kiemtra import RULES

    unchecked = 5  # no Kính gửi, no parts, no Phụ lục (three rules)
    assert result.output.rstrip().splitlines()[-1] == (
        f"Tổng kết: 1 tệp, 1 lỗi, 0 cảnh báo; {len(RULES) - 1 - unchecked} quy tắc đạt, "
        f"{unchecked} quy tắc không kiểm tra được."
    )


def test_cli_json_and_a_correct_file_exits_0(tmp_path):
    path = save(typed_report(), tmp_path / "dung.docx")
    result = runner.invoke(app, ["kiemtra", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    (entry,) = data["files"]
    assert entry["kind"] == "văn bản"
    rule = next(r for r in entry["results"] if r["rule"] == "ngay-thang")
    assert rule["status"] == "đạt" and rule["clause"] == "Phụ lục I, Phần I, mục II.4"
    assert rule["severity"] == "lỗi" and rule["findings"] == []


def test_cli_missing_and_unreadable_files(tmp_path):
    broken = tmp_path / "hong.docx"
    broken.write_text("không phải tệp Word", encoding="utf-8")
    result = runner.invoke(app, ["kiemtra", str(broken)])
    assert result.exit_code == 1
    assert "hong.docx: không phải tệp Word .docx (có thể là tệp chữ hay tệp khác đổi đuôi)" in (
        " ".join(result.output.split())
    )
    result = runner.invoke(app, ["kiemtra", str(tmp_path / "khong_co.docx")])
    assert result.exit_code == 1
    assert "không tìm thấy tệp" in result.output


OLD_WORD = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
"""The first sector of a Word 97–2003 file (an OLE2 container)."""


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        (
            "cu.doc",
            OLD_WORD,
            "cu.doc: đây là tệp Word 97–2003 (.doc) hoặc tệp đặt mật khẩu, không phải .docx: "
            "mở bằng Word, bỏ mật khẩu nếu có, rồi lưu lại dạng .docx (Tệp › Lưu Như",
        ),
        ("mat-khau.docx", OLD_WORD, "mat-khau.docx: đây là tệp Word 97–2003 (.doc) hoặc tệp"),
        ("in.docx", b"%PDF-1.7\n", "in.docx: đây là tệp PDF, không phải tệp Word .docx"),
        ("rtf.docx", b"{\\rtf1\\ansi x}", "rtf.docx: đây là tệp RTF, không phải .docx"),
    ],
)
def test_cli_names_what_a_file_that_is_no_docx_is(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    result = runner.invoke(app, ["kiemtra", str(path)])
    assert result.exit_code == 1
    assert reason in " ".join(result.output.split())


def test_cli_says_an_excel_workbook_is_no_word_document(tmp_path, in_repo):
    workbook = tmp_path / "bieu_mau.docx"  # renamed, or given by mistake
    assert runner.invoke(app, ["form", "2024", "--output", str(workbook)]).exit_code == 0
    result = runner.invoke(app, ["kiemtra", str(workbook)])
    assert result.exit_code == 1
    assert (
        "bieu_mau.docx: không phải tệp Word (.docx): đây là bảng tính Excel; kiemtra chỉ đọc "
        "văn bản Word .docx"
    ) in " ".join(result.output.split())


def test_cli_expands_a_folder_and_a_wildcard_itself(tmp_path, monkeypatch):
    """The Windows command prompt passes ``*.docx`` as typed: kiemtra expands it."""
    folder = tmp_path / "van ban"
    folder.mkdir()
    save(typed_report(), folder / "b.docx")
    save(typed_report(), folder / "a.docx")
    (folder / "~$a.docx").write_bytes(b"Word's lock file")
    (folder / "ghi chu.txt").write_text("không phải văn bản", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for named in (["van ban/*.docx"], ["van ban"], ["van ban", "van ban/a.docx"]):
        result = runner.invoke(app, ["kiemtra", *named, "--format", "json"])
        assert result.exit_code == 0, result.output
        files = [Path(entry["file"]).name for entry in json.loads(result.output)["files"]]
        assert files == ["a.docx", "b.docx"], named
    result = runner.invoke(app, ["kiemtra", "van ban/*.doc", "van ban/a.docx"])
    assert result.exit_code == 1
    assert "không có tệp Word .docx nào khớp với 'van ban/*.doc'" in result.output
    assert "Tổng kết: 1 tệp" in result.output


@pytest.mark.parametrize("rule_id", ["le-trang", "ke-tieu-ngu", "so-trang-dau", "noi-nhan"])
def test_every_rule_has_a_clause_and_a_severity(rule_id):
    from baocao.kiemtra import RULES

    rule = next(r for r in RULES if r.id == rule_id)
    assert rule.clause.startswith("Phụ lục I") or rule.clause == "thực tế"
    assert rule.severity in (Status.ERROR, Status.WARNING)


def test_the_readme_example_is_what_the_command_prints(tmp_path, monkeypatch):
    """The README shows the real output for the hand-typed district report."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    shown = re.search(
        r"\(`baocao kiemtra BaoCao_huyen.docx`\):\n\n```text\n(.*?)\n```", readme, re.S
    )
    assert shown, "README has the kiemtra example"
    save(district_report_with_mistakes(), tmp_path / "BaoCao_huyen.docx")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["kiemtra", "BaoCao_huyen.docx"])
    assert result.exit_code == 1
    assert result.output.rstrip("\n") == shown.group(1)


def test_kiemtra_help_does_not_import_the_docx_libraries():
    from tests.test_startup import modules_loaded_by

    assert modules_loaded_by("kiemtra", "--help") == []


def test_control_characters_of_a_hostile_file_never_reach_the_terminal(tmp_path):
    """A part's name is the file's text: an escape sequence in it would clear or retitle
    the terminal when kiemtra names the part it refuses."""
    import zipfile

    from baocao.cli.console import escape

    path = tmp_path / "doc.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("word/\x1b[2J\x1b]0;pwned\x07doc.xml", "<!DOCTYPE x><x/>")
    result = runner.invoke(app, ["kiemtra", str(path)])
    assert result.exit_code == 1
    assert "word/[2J]0;pwneddoc.xml" in result.output  # what is left is plain text
    assert not any(ord(c) < 32 and c not in "\n\t" for c in result.output)
    assert escape("a\x1b[31mb\x9bc\td") == "a[31mbc\td"  # rich's path too


WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


@pytest.mark.parametrize(
    ("content_type", "reason"),
    [
        (
            "application/vnd.ms-word.document.macroEnabled.main+xml",
            "không phải văn bản Word .docx: đây là văn bản Word có macro (.docm); mở bằng Word "
            "rồi lưu lại dạng .docx",
        ),
        (
            "application/vnd.ms-visio.drawing.main+xml",
            "không phải tệp Word (.docx): đây là bản vẽ Visio",
        ),
    ],
)
def test_cli_names_an_office_file_of_another_kind_by_its_content_not_its_folder(
    tmp_path, content_type, reason
):
    import zipfile

    from .helpers import TEMPLATES

    folder = tmp_path / "template"  # a folder name kiemtra must not read as the kind
    folder.mkdir()
    path = folder / "van-ban.docx"
    with zipfile.ZipFile(TEMPLATES / "BaoCao.docx") as source:
        parts = {name: source.read(name) for name in source.namelist()}
    types = parts["[Content_Types].xml"].decode("utf-8").replace(WORD_MAIN, content_type)
    parts["[Content_Types].xml"] = types.encode("utf-8")
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    result = runner.invoke(app, ["kiemtra", str(path)])
    assert result.exit_code == 1
    assert f"van-ban.docx: {reason}" in " ".join(result.output.split())
