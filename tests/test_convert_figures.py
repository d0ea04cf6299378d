"""``baocao convert --figures``: each figure of the prose becomes a metric of the year
file and the prose cites it; what is no figure (years, dates, document numbers,
clause numbers, ranks, periods, bare numbers) stays text; without ``--figures`` every
figure stays text."""

from __future__ import annotations

import difflib

import pytest
import yaml

from baocao.convert.content import Block, Converted, Span, Summary
from baocao.convert.figures import find_figures
from baocao.convert.markdown import inline

from .convert_fixtures import typed_by_hand
from .helpers import clean_copy


def cited(text: str, bold: bool = False) -> tuple[str, list]:
    """``text`` as one paragraph after ``find_figures``: its Markdown and the metrics."""
    converted = Converted({}, [Block("paragraph", [Span(text, bold)])], {}, Summary())
    metrics = find_figures(converted, "2024-03-05", {"ty_le_ho_so_truc_tuyen"})
    return inline(converted.blocks[0].spans), metrics


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        (
            "Tỷ lệ hồ sơ trực tuyến đạt 88,18%.",
            "Tỷ lệ hồ sơ trực tuyến đạt [[ty_le_ho_so_truc_tuyen_2]].",
        ),
        (
            "Tỷ lệ hồ sơ trực tuyến đạt 88,18% (605.172/686.283).",
            "Tỷ lệ hồ sơ trực tuyến đạt [[ty_le_ho_so_truc_tuyen_2|counts]].",
        ),
        (
            "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 72,5% (12.345/17.028 hồ sơ).",
            "Tỷ lệ hồ sơ giải quyết đúng hạn đạt [[ty_le_ho_so_giai_quyet]] "
            "([[ty_le_ho_so_giai_quyet|fraction]] hồ sơ).",
        ),
        ("Có 8/11 huyện đã kết nối.", "Có [[so_huyen|fraction]] huyện đã kết nối."),
        (
            "Kinh phí thực hiện là 1.250 triệu đồng.",
            "Kinh phí thực hiện là [[kinh_phi_thuc_hien]].",
        ),
        ("Tổ chức 12 lớp tập huấn cho cán bộ.", "Tổ chức [[so_lop_tap_huan]] tập huấn cho cán bộ."),
        ("Có 1.245 thành viên.", "Có [[so_thanh_vien]]."),
        ("Có 05 xã đạt chuẩn.", "Có [[so_xa|pad]] đạt chuẩn."),
        ("Tỷ lệ đạt 85,50%.", "Tỷ lệ đạt [[ty_le]]."),
    ],
)
def test_a_figure_becomes_a_reference(text, markdown):
    found, metrics = cited(text)
    assert found == markdown
    assert len(metrics) == len({m.id for m in metrics}) >= 1
    assert all(m.quote == text and m.as_of == "2024-03-05" for m in metrics)


@pytest.mark.parametrize(
    "text",
    [
        "Thực hiện Kế hoạch số 1247/KH-UBND ngày 05/3/2024 của UBND tỉnh.",
        "Theo Nghị định 30/2020/NĐ-CP, khoản 2 Điều 5.",
        "Năm 2024 tỉnh xếp thứ 12/63 cả nước.",
        "Trong 6 tháng đầu năm, quý I, ngày 05 tháng 3 năm 2024.",
        "Giai đoạn 2021-2025 có 12 và 15.",
        "Tính đến tháng 3/2024 có kết quả.",
        "Mã số 1234 của hồ sơ.",
    ],
)
def test_what_is_no_figure_stays_text(text):
    found, metrics = cited(text)
    assert "[[" not in found and metrics == []


def test_a_figure_in_bold_stays_bold_and_reads_back():
    found, metrics = cited("Có 45 doanh nghiệp dùng hóa đơn điện tử.", bold=True)
    assert found == "**Có [[so_doanh_nghiep_dung_hoa_don]] dùng hóa đơn điện tử.**"
    assert metrics[0].value == 45 and metrics[0].unit == "doanh nghiệp"


def test_metrics_carry_their_figures_and_names():
    _found, metrics = cited("Tỷ lệ hồ sơ trực tuyến đạt 88,18% (605.172/686.283); cấp xã đạt 120%.")
    first, second = metrics
    assert (first.name, first.unit, first.numerator, first.denominator) == (
        "Tỷ lệ hồ sơ trực tuyến",
        "%",
        605172,
        686283,
    )
    assert first.value is None and not first.allow_over_100
    assert (second.name, second.value, second.allow_over_100) == ("Cấp xã", 120, True)


def converted_workspace(tmp_path, monkeypatch, *arguments: str):
    from typer.testing import CliRunner

    from baocao.cli import app

    document, _expected = typed_by_hand()
    source = tmp_path / "BaoCao quý I.docx"
    document.save(str(source))
    root = clean_copy(tmp_path / "ws", ("data",))
    monkeypatch.chdir(root)
    before = (root / "data" / "2024.yaml").read_text(encoding="utf-8")
    result = CliRunner().invoke(app, ["convert", str(source), *arguments])
    assert result.exit_code == 0, result.output
    return root, before, result.output


def test_with_figures_the_year_file_gets_the_source_and_the_metrics(tmp_path, monkeypatch):
    root, before, output = converted_workspace(tmp_path, monkeypatch, "--figures")
    after = (root / "data" / "2024.yaml").read_text(encoding="utf-8")
    changes = difflib.SequenceMatcher(None, before.split("\n"), after.split("\n"), False)
    assert {tag for tag, *_ in changes.get_opcodes()} == {"equal", "insert"}  # lines added
    data = yaml.safe_load(after)
    ours = [m for m in data["metrics"] if m.get("observations")]
    added = [m for m in ours if m["observations"][0]["source"]["ref"] == "baocao_quy_i"]
    assert len(added) >= 8 and "baocao_quy_i" in data["sources"]
    assert f"{len(added)} số liệu" in output
    report = (root / "reports" / "2024" / "baocao-quy-i.md").read_text(encoding="utf-8")
    assert all(f"[[{m['id']}" in report for m in added)


def test_without_figures_they_stay_text(tmp_path, monkeypatch):
    root, before, _output = converted_workspace(tmp_path, monkeypatch)
    assert (root / "data" / "2024.yaml").read_text(encoding="utf-8") == before
    report = (root / "reports" / "2024" / "baocao-quy-i.md").read_text(encoding="utf-8")
    assert "[[" not in report and "72,5% (12.345/17.028 hồ sơ)" in report


def test_a_year_without_a_file_gets_a_new_one_with_the_metrics(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from baocao.cli import app

    document, _expected = typed_by_hand()
    source = tmp_path / "BaoCao quý I.docx"
    document.save(str(source))
    root = tmp_path / "ws"
    (root / "data").mkdir(parents=True)
    monkeypatch.chdir(root)
    runner = CliRunner()
    result = runner.invoke(app, ["convert", str(source), "--figures"])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load((root / "data" / "2024.yaml").read_text(encoding="utf-8"))
    assert list(data["sources"]) == ["baocao_quy_i"] and len(data["metrics"]) >= 8
    checked = runner.invoke(app, ["validate", "2024"])
    assert checked.exit_code == 0 and "0 lỗi" in checked.output, checked.output


def test_names_and_units_read_from_a_commune_s_sentences():
    _found, metrics = cited(
        "Lắp đặt 40 camera tại 8 ấp. Công an xã tiếp nhận 27 vụ trộm cắp tài sản."
    )
    assert [(m.name, m.unit) for m in metrics] == [
        ("Số camera lắp đặt", "camera"),
        ("Số ấp", "ấp"),
        ("Số vụ trộm cắp tài", "vụ"),
    ]
