"""The loader: YAML structure problems, each with its line, column and a Vietnamese message."""

from __future__ import annotations

from pathlib import Path

import pytest

from baocao.errors import DataError
from baocao.limits import MAX_FILE_BYTES
from baocao.load.yaml_careful import Parsed
from baocao.load.year_file import load_file_with_positions, load_year

from .conftest import ROOT
from .helpers import build_file_tree

MINIMAL = (ROOT / "examples" / "data" / "2024.yaml").read_text(encoding="utf-8")


def problems_of(tmp_path, *replacements: tuple[str, str], text: str | None = None) -> list[str]:
    text = MINIMAL if text is None else text
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    build_file_tree(tmp_path, {"2024.yaml": text})
    with pytest.raises(DataError) as caught:
        load_year(tmp_path / "2024.yaml")
    return [f"{p.line}:{p.column}: {p.message}" for p in caught.value.problems]


def test_load_with_positions_returns_model_and_positions(tmp_path):
    build_file_tree(tmp_path, {"2024.yaml": MINIMAL})
    data, parsed = load_file_with_positions(tmp_path / "2024.yaml")
    assert isinstance(parsed, Parsed)
    assert data.metrics[1].id == "tai_khoan_thanh_toan"
    assert parsed.locate(("metrics", 1, "id")) == (25, 9)
    assert parsed.locate_in(("task_lists", 0, "items", 0, "result"), "[[") == (48, 22)


def test_an_escape_followed_by_a_combining_mark_is_read_as_typed(tmp_path):
    """Composing the text (NFC) must not join an escape's last letter with the mark that
    follows it: ``\\u00ca`` then U+0301 is Ê then the acute, read as Ế."""
    name = MINIMAL.split("name: ", 1)[1].split("\n", 1)[0]
    text = MINIMAL.replace(f"name: {name}", 'name: "L\\u00ca\u0301N \\u00e9\u0301"', 1)
    build_file_tree(tmp_path, {"2024.yaml": text})
    data = load_year(tmp_path / "2024.yaml")
    assert data.metrics[0].name == "L\u1ebeN \u00e9\u0301"


def test_unknown_key_suggests_a_field_of_the_right_model(tmp_path):
    assert problems_of(tmp_path, ('    unit: "%"\n    targets', '    unitt: "%"\n    targets')) == [
        "13:5: khóa không hợp lệ 'unitt', có phải ý bạn là 'unit'? (chỉ tiêu 'ho_so_truc_tuyen')"
    ]
    assert problems_of(
        tmp_path, ("        progress: Hoàn thành", "        progres: Hoàn thành")
    ) == [
        "50:9: khóa không hợp lệ 'progres', có phải ý bạn là 'progress'? "
        "(danh sách nhiệm vụ 'nhiem_vu_mau')"
    ]
    assert problems_of(tmp_path, ("value: 50, plan:", "value: 50, plann:")) == [
        "15:33: khóa không hợp lệ 'plann', có phải ý bạn là 'plan'? (chỉ tiêu 'ho_so_truc_tuyen')"
    ]


def test_number_written_as_text_shows_how_to_write_it(tmp_path):
    assert problems_of(tmp_path, ("numerator: 605172", 'numerator: "605.172"')) == [
        "20:20: 'metrics[0].observations[0].numerator' (chỉ tiêu 'ho_so_truc_tuyen') "
        "phải là số, không phải chữ "
        "(tìm thấy '605.172', hãy viết 605172: dấu chấm thập phân, "
        "không dấu chấm phân cách nghìn, không dấu %)"
    ]
    assert problems_of(tmp_path, ("value: 50, plan", 'value: "97,14%", plan')) == [
        "15:29: 'metrics[0].targets[0].value' (chỉ tiêu 'ho_so_truc_tuyen') "
        "phải là số, không phải chữ "
        "(tìm thấy '97,14%', hãy viết 97.14: dấu chấm thập phân, "
        "không dấu chấm phân cách nghìn, không dấu %)"
    ]


def test_impossible_dates(tmp_path):
    assert problems_of(tmp_path, ('as_of: "2024"', 'as_of: "2024-13"')) == [
        "19:16: 'metrics[0].observations[0].as_of' (chỉ tiêu 'ho_so_truc_tuyen'): "
        "ngày không tồn tại: '2024-13'"
    ]


def test_empty_required_field(tmp_path):
    name = "    name: Hồ sơ thủ tục hành chính giải quyết trực tuyến"
    assert problems_of(tmp_path, (name, "    name:")) == [
        "12:10: 'metrics[0].name' (chỉ tiêu 'ho_so_truc_tuyen') không được để trống"
    ]


def test_duplicate_key_is_an_error(tmp_path):
    assert problems_of(
        tmp_path, ("    evaluation: Đạt\n", "    evaluation: Đạt\n    evaluation: Chưa đạt\n")
    ) == ["18:5: khóa 'evaluation' bị lặp (đã có ở dòng 17)"]


def test_python_tags_are_refused(tmp_path):
    assert problems_of(
        tmp_path, ("year: 2024", "year: !!python/object/apply:os.system ['ls']")
    ) == [
        "3:7: không cho phép thẻ YAML '!!python/object/apply:os.system' (chỉ dùng dữ liệu thường)"
    ]


def test_syntax_error_shows_the_line_and_a_caret(tmp_path):
    assert problems_of(tmp_path, ("    name: Hồ sơ", "    name Hồ sơ")) == [
        "12:5: lỗi cú pháp YAML: thiếu dấu ':' sau khóa\n"
        "        name Hồ sơ thủ tục hành chính giải quyết trực tuyến\n"
        "        ^"
    ]


def test_alias_bomb_is_refused(tmp_path):
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for index in range(1, 8):
        previous = chr(ord("a") + index - 1)
        name = chr(ord("a") + index)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]")
    found = problems_of(tmp_path, text="\n".join(lines) + "\n")
    assert found == ["1:4: dùng bí danh (alias) YAML quá nhiều lần"]


def test_file_too_large_is_refused(tmp_path):
    path = tmp_path / "2024.yaml"
    with path.open("wb") as handle:  # a sparse file: the size is what counts
        handle.seek(MAX_FILE_BYTES)
        handle.write(b"\n")
    with pytest.raises(DataError) as caught:
        load_year(tmp_path / "2024.yaml")
    assert "tệp quá lớn" in caught.value.problems[0].message


def test_allowed_values_are_listed_in_vietnamese(tmp_path):
    from baocao.errors import DataError
    from baocao.load.year_file import load_year

    example = Path(__file__).resolve().parents[1] / "examples" / "data" / "2024.yaml"
    text = example.read_text(encoding="utf-8")
    path = tmp_path / "2024.yaml"
    path.write_text(text.replace("evaluation: Đạt", "evaluation: Dat", 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_year(path)
    message = caught.value.problems[0].message
    assert message == (
        "'metrics[0].evaluation' (chỉ tiêu 'ho_so_truc_tuyen') không hợp lệ: 'Dat' "
        "(giá trị cho phép: 'Đạt', 'Chưa đạt', "
        "'Chưa đánh giá', 'Ước đạt' hoặc 'Chưa có số liệu')"
    )


@pytest.mark.parametrize(
    ("loc", "label"),
    [
        (("metrics", 0, "unit"), " (chỉ tiêu 'ho_so')"),
        (
            ("metrics", 1, "observations", 0, "value"),
            " (chỉ tiêu '2024')",
        ),  # an id typed as a number
        (("metrics", 0, "id"), ""),  # the id itself: its own message names it
        (("metrics", 0), ""),
        (("units", 0, "metrics", 0, "unit"), " (chỉ tiêu 'tthc' của đơn vị 'kien_giang')"),
        (("units", 0, "name"), " (đơn vị 'kien_giang')"),
        (("sources", "phu_luc", "title"), " (nguồn 'phu_luc')"),
        (("metrics", 7, "unit"), ""),  # no such item
    ],
)
def test_an_error_names_the_item_it_lies_in_by_id(loc, label):
    from baocao.load.messages import owner_label

    data = {
        "metrics": [{"id": "ho_so"}, {"id": 2024}],
        "units": [{"id": "kien_giang", "metrics": [{"id": "tthc"}]}],
        "sources": {"phu_luc": {"title": "Phụ lục"}},
    }
    assert owner_label(data, loc) == label
