"""``baocao diff``: the terminal table and every output format, read back."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Length
from typer.testing import CliRunner

from baocao.cli import app

from .diff_years import build_years
from .helpers import body_lines

runner = CliRunner()


@pytest.fixture
def work(tmp_path, monkeypatch):
    """A folder holding data/2022.yaml, 2023.yaml and 2024.yaml, as working directory."""
    build_years(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_terminal_table(work, golden):
    result = runner.invoke(app, ["diff", "2022", "2024"])
    assert result.exit_code == 0, result.output
    golden("diff_2022_2024.txt", result.output)


def test_series_has_one_column_per_year(work):
    result = runner.invoke(app, ["diff", "2022", "2023", "2024"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "So sánh chỉ tiêu các năm 2022, 2023 và 2024"
    header = [cell.strip() for cell in lines[2].split("│")[1:-1]]
    assert header == [
        "Chỉ tiêu",
        "Năm 2022",
        "Năm 2023",
        "Năm 2024",
        "Thay đổi so với năm 2022",
        "Đánh giá",
    ]
    assert "1 chỉ tiêu có trong cả 3 năm; 7 chỉ tiêu chỉ có trong một số năm." in lines


def test_csv_output_read_back(work):
    result = runner.invoke(
        app, ["diff", "2022", "2024", "--format", "csv", "--output", "so_sanh.csv"]
    )
    assert result.exit_code == 0, result.output
    assert result.output == "Đã ghi bảng so sánh CSV: so_sanh.csv\n"
    raw = (work / "so_sanh.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a byte-order mark: Excel reads UTF-8 diacritics
    with open(work / "so_sanh.csv", encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    by_id = {row["Mã chỉ tiêu"]: row for row in rows}
    assert by_id["thue_bao_di_dong"]["Năm 2022"] == "2.471.745 thuê bao"
    assert by_id["thue_bao_di_dong"]["Năm 2024"] == "2.164.505 thuê bao"
    assert by_id["thue_bao_di_dong"]["Thời điểm số liệu năm 2024"] == "12/2024"
    assert by_id["thue_bao_di_dong"]["Thay đổi so với năm 2022"] == "-307.240 thuê bao (-12,43%)"
    assert by_id["thue_bao_di_dong"]["Xu hướng"] == "giảm"
    assert by_id["ho_gia_dinh_cap_quang"]["Thay đổi so với năm 2022"] == "+4,26 điểm phần trăm"
    assert by_id["dnnvv_su_dung_nen_tang_so"]["Đánh giá"] == "Đạt → Ước đạt"
    assert by_id["tram_bts"]["Thay đổi so với năm 2022"] == ""
    assert by_id["tram_bts"]["Ghi chú"] == (
        "không so sánh được: định nghĩa khác nhau giữa năm 2022 và năm 2024"
    )
    assert by_id["hai_long_tthc"]["Ghi chú"] == "chỉ có trong năm 2024"
    assert by_id["hai_long_tthc"]["Năm 2022"] == ""
    assert list(by_id)[-2:] == ["hai_long_tthc", "ioc_linh_vuc"]


def test_json_output_read_back(work):
    result = runner.invoke(app, ["diff", "2022", "2024", "-f", "json", "-o", "so_sanh.json"])
    assert result.exit_code == 0, result.output
    document = json.loads((work / "so_sanh.json").read_text(encoding="utf-8"))
    assert document["years"] == [2022, 2024]
    metrics = {m["id"]: m for m in document["metrics"]}
    subscribers = metrics["thue_bao_di_dong"]
    assert [v["value"] for v in subscribers["values"]] == [2471745, 2164505]
    assert [v["as_of"] for v in subscribers["values"]] == ["2022", "2024-12"]
    assert subscribers["change"] == {
        "from": 2022,
        "to": 2024,
        "comparable": True,
        "reason": None,
        "absolute": -307240,
        "unit": "thuê bao",
        "percent": -12.43,
        "direction": "giảm",
        "text": "giảm 307.240 thuê bao (12,43%)",
        "sentence": "giảm 307.240 thuê bao (12,43%) so với năm 2022",
    }
    households = metrics["ho_gia_dinh_cap_quang"]["change"]
    assert (households["absolute"], households["unit"], households["percent"]) == (
        4.26,
        "điểm phần trăm",
        None,
    )
    assert metrics["ho_so_truc_tuyen"]["values"][1]["numerator"] == 605172
    assert metrics["dnnvv_su_dung_nen_tang_so"]["evaluation_change"] == "Đạt → Ước đạt"
    assert metrics["tram_bts"]["change"]["comparable"] is False
    assert [p["id"] for p in document["partial"]] == ["hai_long_tthc", "ioc_linh_vuc"]


def test_json_series_has_steps(work):
    result = runner.invoke(app, ["diff", "2022", "2023", "2024", "--format", "json"])
    assert result.exit_code == 0, result.output
    households = json.loads(result.output)["metrics"][0]
    assert [s["text"] for s in households["steps"]] == ["không đổi", "tăng 4,26 điểm phần trăm"]


def test_markdown_output(work):
    result = runner.invoke(app, ["diff", "2022", "2024", "--format", "md"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "# So sánh chỉ tiêu năm 2022 và năm 2024"
    assert lines[4] == (
        "| `thue_bao_di_dong` | Thuê bao điện thoại di động | 2.471.745 thuê bao<br>(2022) "
        "| 2.164.505 thuê bao<br>(12/2024) | giảm 307.240 thuê bao (12,43%) |  |"
    )
    assert "## Chỉ tiêu chỉ có trong một số năm" in lines


def test_docx_output_read_back(work):
    result = runner.invoke(app, ["diff", "2022", "2024", "--format", "docx", "-o", "so_sanh.docx"])
    assert result.exit_code == 0, result.output
    assert result.output == "Đã ghi bảng so sánh Word: so_sanh.docx\n"
    lines = body_lines(work / "so_sanh.docx")
    assert lines[0] == "SO SÁNH CHỈ TIÊU NĂM 2022 VÀ NĂM 2024"
    assert lines[2] == (
        "| STT | Chỉ tiêu | Năm 2022 | Năm 2024 | Thay đổi so với năm 2022 | Đánh giá |"
    )
    assert lines[3] == (
        "| 1 | Thuê bao điện thoại di động | 2.471.745 thuê bao / (2022) "
        "| 2.164.505 thuê bao / (12/2024) | giảm 307.240 thuê bao (12,43%) |  |"
    )
    assert "Chỉ tiêu chỉ có trong một số năm" in lines
    document = Document(str(work / "so_sanh.docx"))
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert section.page_width > section.page_height
    assert (
        document.tables[0]
        .rows[0]
        ._tr.trPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader")
        is not None
    )
    fonts = {run.font.name for p in document.paragraphs for run in p.runs}
    fonts |= {
        run.font.name
        for table in document.tables
        for cell in table._cells
        for p in cell.paragraphs
        for run in p.runs
    }
    assert fonts == {"Times New Roman"}


def test_the_stt_column_holds_its_bold_heading_on_one_line(work):
    from baocao import decree30
    from baocao.render.comparison import CELL_MARGINS_MM, WEIGHTS, column_widths

    needed = decree30.text_length("STT", 12, bold=True) + CELL_MARGINS_MM
    result = runner.invoke(
        app, ["diff", "2022", "2023", "2024", "--format", "docx", "-o", "d.docx"]
    )
    assert result.exit_code == 0, result.output
    first = Document(str(work / "d.docx")).tables[0].rows[0].cells[0]
    assert first.text == "STT" and first.width.mm >= needed
    ten_years = [WEIGHTS["stt"], WEIGHTS["name"], *[WEIGHTS["year"]] * 10, WEIGHTS["change"]]
    widths = column_widths("STT", 148, ten_years)
    text_width = decree30.text_width(landscape=True)
    assert text_width * ten_years[0] / sum(ten_years) < needed  # its share would break it
    assert Length(widths[0]).mm >= needed
    assert abs(Length(sum(widths)).mm - text_width) < 0.1


def test_docx_is_reproducible_and_defaults_to_out(work):
    first = runner.invoke(app, ["diff", "2022", "2024", "--format", "docx"])
    assert first.exit_code == 0, first.output
    path = work / "out" / "SoSanh_2022_2024.docx"
    content = path.read_bytes()
    runner.invoke(app, ["diff", "2022", "2024", "--format", "docx"])
    assert path.read_bytes() == content


def test_format_follows_the_output_suffix(work):
    result = runner.invoke(app, ["diff", "2022", "2024", "-o", "so_sanh.json"])
    assert result.exit_code == 0, result.output
    assert json.loads((work / "so_sanh.json").read_text(encoding="utf-8"))["years"] == [2022, 2024]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["2024"], "cần ít nhất hai năm để so sánh."),
        (["2024", "2024"], "mỗi năm chỉ nêu một lần."),
        (["2022", "2024", "-o", "bang.txt"], "bảng chỉ in ra màn hình"),
        (["2022", "2024", "--format", "ods"], "ods"),  # xlsx is a format now (issue 15)
    ],
)
def test_usage_errors_exit_2(work, arguments, message):
    result = runner.invoke(app, ["diff", *arguments])
    assert result.exit_code == 2
    assert message in result.output


def test_missing_year_file_exits_1(work):
    result = runner.invoke(app, ["diff", "2021", "2020", "2024"])
    assert result.exit_code == 1
    assert result.output == (
        "data/2021.yaml: lỗi: không tìm thấy tệp dữ liệu\n"
        "data/2020.yaml: lỗi: không tìm thấy tệp dữ liệu\n"
        "Lỗi: dữ liệu không hợp lệ (2 lỗi, 0 cảnh báo), chưa ghi tệp nào.\n"
    )


def test_diff_does_not_import_docx_libraries(work):
    script = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from baocao.cli import app\n"
        "for fmt in ('table', 'csv', 'json', 'md'):\n"
        "    result = CliRunner().invoke(app, ['diff', '2022', '2024', '--format', fmt])\n"
        "    assert result.exit_code == 0, result.output\n"
        "heavy = ('docx', 'docxtpl', 'lxml')\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in heavy)\n"
        "print(loaded)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=work, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_shipped_years(in_repo):
    result = runner.invoke(app, ["diff", "2022", "2024", "--format", "json"])
    assert result.exit_code == 0, result.output
    metrics = {m["id"]: m for m in json.loads(result.output)["metrics"]}
    assert metrics["thue_bao_di_dong"]["change"]["sentence"] == (
        "giảm 307.240 thuê bao (12,43%) so với năm 2022"
    )
    table = runner.invoke(app, ["diff", "2022", "2023", "2024"])
    assert table.exit_code == 0, table.output
    assert table.output.startswith("So sánh chỉ tiêu các năm 2022, 2023 và 2024\n")


def test_two_files_of_the_same_year_are_compared_named_by_file(tmp_path, monkeypatch):
    """Two sources of one year (an earlier and a later count of 2024), named by file."""
    build_years(tmp_path / "truoc", (2024,))
    second = build_years(tmp_path / "sau", (2024,)) / "2024.yaml"
    second.write_text(
        second.read_text(encoding="utf-8").replace("value: 2164505", "value: 2200000"),
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    names = ["truoc/data/2024.yaml", "sau/data/2024.yaml"]
    result = runner.invoke(app, ["diff", *names, "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(result.output.splitlines()))
    assert rows[0][3:5] == ["truoc/data/2024.yaml", "Thời điểm số liệu truoc/data/2024.yaml"]
    assert rows[0][7] == "Thay đổi so với truoc/data/2024.yaml"
    subscribers = next(row for row in rows if row[0] == "thue_bao_di_dong")
    assert subscribers[3] == "2.164.505 thuê bao" and subscribers[5] == "2.200.000 thuê bao"
    assert subscribers[7] == "+35.495 thuê bao (+1,64%)"
    table = runner.invoke(app, ["diff", *names])
    assert "So sánh chỉ tiêu năm 2024 giữa các nguồn" in " ".join(table.output.split())


def test_the_library_needs_names_for_two_files_of_one_year(tmp_path):
    from baocao.load.year_file import load_year
    from baocao.metrics.years import DiffError, compare

    data = load_year(build_years(tmp_path, (2024,)) / "2024.yaml")
    with pytest.raises(DiffError, match="đặt tên từng tệp"):
        compare([data, data])
    assert compare([data, data], names=["a", "b"]).columns == ("a", "b")
