"""A report written in Markdown, read back from the Word file: a UBND's own report
(no parent agency, three authority lines), prose with colons, bold and italic,
footnotes with figures, four heading levels numbered as the report asks, lists."""

from __future__ import annotations

from docx import Document

from baocao.commands.render import render_report

from .helpers import TEMPLATES, W, body_lines, build_file_tree, footnotes, workspace_at

DATA = """\
year: 2024
sources:
  s: "Báo cáo số 1045/BC-UBND ngày 22/10/2024"
metrics:
  - id: ioc_cap_huyen
    name: Huyện đã ra mắt IOC cấp huyện
    unit: "%"
    decimals: 0
    observations:
      - {as_of: "2024-10", numerator: 8, denominator: 11, source: {ref: s, quote: "08/11"}}
  - id: van_ban_qppl
    name: Văn bản quy phạm pháp luật đang xây dựng
    unit: văn bản
    observations:
      - {as_of: "2024-10", value: 6, source: {ref: s, quote: "06 văn bản"}}
  - id: chi_so_766
    name: Điểm Bộ chỉ số phục vụ người dân, doanh nghiệp
    unit: điểm
    kind: score
    out_of: 100
    observations:
      - {as_of: "2024-10", value: 84.34, source: {ref: s, quote: "84,34/100 điểm"}}
  - id: xep_hang_766
    name: Xếp hạng Bộ chỉ số phục vụ người dân, doanh nghiệp
    unit: hạng
    kind: rank
    out_of: 63
    observations:
      - {as_of: "2024-10", value: 6, source: {ref: s, quote: "06/63"}}
"""

REPORT = """\
---
document:
  agency: |-
    ỦY BAN NHÂN DÂN
    TỈNH AN GIANG
  agency_name: Ủy ban nhân dân tỉnh An Giang
  number: "1045"
  symbol: BC-UBND
  place: An Giang
  date: 2024-10-22
  summary: |-
    Tình hình và kết quả thực hiện Chiến lược quốc gia
    về Cách mạng công nghiệp lần thứ tư
  signer:
    authority: [TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH]
    name: Lê Văn Phước
  recipients: [Bộ Kế hoạch và Đầu tư, "Lưu: VT"]
numbering: [I., "1.1.", (1), a)]
leading_zero: true
---
UBND tỉnh báo cáo như sau: cụ thể, **Quyết định** số 2289/QĐ-TTg được *triển khai đầy đủ*.[^qd]

# VỀ CHỈ ĐẠO TRIỂN KHAI

## Tình hình thực hiện các định hướng

### Nâng cao chất lượng thể chế

Tỉnh đang xây dựng [[van_ban_qppl]]; có [[ioc_cap_huyen|fraction]] huyện đã ra mắt IOC.

#### Về dịch vụ công

An Giang đạt [[chi_so_766]], xếp hạng [[xep_hang_766]].

- Ý thứ nhất: như sau;
  + ý con;
- Ý thứ hai.

1. Việc một.
2. Việc hai.

Trên đây là báo cáo của Ủy ban nhân dân tỉnh An Giang.

[^qd]: Quyết định số 2289/QĐ-TTg; đến nay **[[ioc_cap_huyen|fraction]]** huyện có IOC.
"""


def rendered(tmp_path):
    root = build_file_tree(tmp_path, {"data/2024.yaml": DATA, "reports/2024/cmcn4.md": REPORT})
    report = root / "reports" / "2024" / "cmcn4.md"
    written = render_report(report, TEMPLATES, tmp_path / "out", workspace=workspace_at(root))
    [path] = [f.path for f in written]
    return path


def test_prose_renders_exactly_as_written(tmp_path):
    path = rendered(tmp_path)
    lines = body_lines(path)
    start = lines.index("BÁO CÁO")
    summary = "Tình hình và kết quả thực hiện Chiến lược quốc gia"
    assert lines[start + 1] == f"{summary}\nvề Cách mạng công nghiệp lần thứ tư"
    body = lines[lines.index(next(x for x in lines if x.startswith("UBND tỉnh báo cáo"))) :]
    assert body[:13] == [
        "UBND tỉnh báo cáo như sau: cụ thể, Quyết định số 2289/QĐ-TTg được triển khai đầy đủ.[^1]",
        "I. VỀ CHỈ ĐẠO TRIỂN KHAI",
        "1.1. Tình hình thực hiện các định hướng",
        "(1) Nâng cao chất lượng thể chế",
        "Tỉnh đang xây dựng 06 văn bản; có 08/11 huyện đã ra mắt IOC.",
        "a) Về dịch vụ công",
        "An Giang đạt 84,34/100, xếp hạng 06/63.",
        "- Ý thứ nhất: như sau;",
        "+ ý con;",
        "- Ý thứ hai.",
        "1. Việc một.",
        "2. Việc hai.",
        "Trên đây là báo cáo của Ủy ban nhân dân tỉnh An Giang./.",
    ]
    assert footnotes(path) == [(1, "Quyết định số 2289/QĐ-TTg; đến nay 08/11 huyện có IOC.")]


def test_bold_italic_and_heading_styles(tmp_path):
    document = Document(str(rendered(tmp_path)))
    paragraphs = {p.text: p for p in document.paragraphs}
    opening = next(p for text, p in paragraphs.items() if text.startswith("UBND tỉnh"))
    styled = {run.text: (run.bold, run.italic) for run in opening.runs}
    assert styled["Quyết định"] == (True, None)
    assert styled["triển khai đầy đủ"] == (None, True)
    styles = [
        paragraphs[text].style.name
        for text in (
            "I. VỀ CHỈ ĐẠO TRIỂN KHAI",
            "1.1. Tình hình thực hiện các định hướng",
            "(1) Nâng cao chất lượng thể chế",
            "a) Về dịch vụ công",
        )
    ]
    # The style follows the number, not the depth: (1) at level 3 prints italic and a)
    # at level 4 upright, as the decree prints a point (Phụ lục I, Phần I, mục V).
    assert styles == ["BC Heading 1", "BC Heading 2", "BC Heading 4", "BC Heading 3"]
    fourth = document.styles["BC Heading 4"].font
    third = document.styles["BC Heading 3"].font
    assert (fourth.bold, fourth.italic) == (False, True)
    assert (third.bold, third.italic) == (False, False)


def test_a_ubnd_report_has_no_parent_agency_line_and_three_authority_lines(tmp_path):
    path = rendered(tmp_path)
    document = Document(str(path))
    header = document.tables[0]
    left = [p.text for p in header.cell(0, 0).paragraphs if p.text.strip()]
    assert left == ["ỦY BAN NHÂN DÂN\nTỈNH AN GIANG"]  # the issuer alone, on two lines
    cells = [p.text for row in header.rows for cell in row.cells for p in cell.paragraphs]
    assert "Số: 1045/BC-UBND" in cells
    body = document.element.body
    text = "".join(t.text or "" for t in body.iter(f"{W}t"))
    for line in ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn Phước"):
        assert line in text
    assert "An Giang, ngày 22 tháng 10 năm 2024" in text


def test_target_columns_are_titled_as_the_seeds_title_them(tmp_path):
    from .helpers import example_workspace, render_example

    columns = "columns: [stt, name, target:2025, target:2030, result, evaluation, note]"
    root = example_workspace(
        tmp_path / "ws", report=((columns, "columns: [stt, name, target:2024, target:2025]"),)
    )
    written = {f.kind: f.path for f in render_example(root, tmp_path / "out", draft=True)}
    header = "| STT | Nội dung | Chỉ tiêu năm 2024 | Mục tiêu đến 2025 |"
    assert header in body_lines(written["Phụ lục"])


def test_leading_zero_pads_counts_in_the_appendix_as_in_the_body(tmp_path):
    """A district trial: '04/11' in the body but '4/11' in the Phụ lục of one report."""
    from .helpers import example_workspace, render_example

    count = (
        "  - id: he_thong_dung_chung\n    name: Hệ thống dùng chung\n    unit: hệ thống\n"
        '    observations:\n      - {as_of: "2024", value: 4, source: {ref: phu_luc_2024, '
        'quote: "04 hệ thống"}}\n\ntask_lists:'
    )
    root = example_workspace(
        tmp_path / "ws",
        data=(("\ntask_lists:", "\n" + count),),
        report=(
            ("year: 2024\n", "year: 2024\nleading_zero: true\n"),
            (
                "            - metric: ho_so_truc_tuyen\n",
                "            - metric: ho_so_truc_tuyen\n"
                "            - metric: he_thong_dung_chung\n",
            ),
        ),
    )
    written = {f.kind: f.path for f in render_example(root, tmp_path / "out")}
    rows = [line for line in body_lines(written["Phụ lục"]) if "Hệ thống dùng chung" in line]
    assert rows and "| 04 hệ thống |" in rows[0], rows
