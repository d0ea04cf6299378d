"""Issue 16: every message about a year file is Vietnamese, located and short."""

from __future__ import annotations

from pathlib import Path

import pytest

from .hardening import EXAMPLE
from .issue16 import cli, render_refused, year_file

SOURCE = EXAMPLE.read_text(encoding="utf-8")
CHANGE = "đạt [[ho_so_truc_tuyen|change:2023]]"


def raw_year(folder: Path, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "2024.yaml"
    path.write_bytes(data)
    return path


def test_a_utf16_file_is_named_with_how_to_save_it_as_utf8(tmp_path):
    year = raw_year(tmp_path / "data", SOURCE.encode("utf-16"))
    result = cli("validate", year)
    assert result.exit_code == 1, result.output
    assert f"{year}:1:1: lỗi: tệp được lưu dạng UTF-16 (Unicode), không phải UTF-8" in result.output
    assert "Notepad" in result.output and "Save with Encoding" in result.output
    render_refused(tmp_path, year)


def test_a_windows_1258_file_gives_line_and_column_not_a_byte_offset(tmp_path):
    data = SOURCE.encode("utf-8").replace("Hồ sơ".encode(), "Hô".encode("cp1258"))
    year = raw_year(tmp_path / "data", data)
    result = cli("validate", year)
    assert result.exit_code == 1, result.output
    assert f"{year}:12:12: lỗi: tệp không phải UTF-8 (byte 0xF4)" in result.output
    assert "Windows-1258" in result.output and "Notepad" in result.output
    assert "vị trí" not in result.output


@pytest.mark.parametrize(("char", "name"), [("\u2028", "LINE SEPARATOR"), ("\x85", "NEL")])
def test_an_odd_line_break_is_refused_where_it_is(tmp_path, char, name):
    """YAML counts U+2028 and U+0085 as new lines: the next line's ':' went 'missing'."""
    year = year_file(tmp_path / "data", "name: Hồ sơ", f"name: Hồ{char}sơ")
    result = cli("validate", year)
    assert result.exit_code == 1, result.output
    assert f"{year}:12:13: lỗi: 'metrics[0].name' có ký tự xuống dòng đặc biệt " in result.output
    assert f"U+{ord(char):04X} ({name}" in result.output
    assert "thiếu dấu ':'" not in result.output
    render_refused(tmp_path, year)


@pytest.mark.parametrize(
    ("old", "new", "where", "reason"),
    [
        ("    name: Hồ", "\tname: Hồ", ":12:1:", "không dùng phím Tab để thụt lề"),
        ("year: 2024", "year: [" + "[" * 1100 + "]" * 1101, ":3:", "lồng quá sâu"),
        ("year: 2024", "year: 2024\n  x: 1", ":4:4:", "không được có dấu ':' ở đây"),
        ("year: 2024", "year: `2024", ":3:7:", "có ký tự không được đứng đầu giá trị"),
        ("year: 2024", "year: - 2024", ":3:7:", "không được bắt đầu danh sách"),
    ],
)
def test_yaml_syntax_reasons_are_vietnamese(tmp_path, old, new, where, reason):
    year = year_file(tmp_path / "data", old, new)
    result = cli("validate", year)
    assert result.exit_code == 1, result.output
    assert f"{year}{where}" in result.output
    assert reason in result.output
    for english in ("found", "exceeded", "expected", "not allowed", "Error"):
        assert english not in result.output


def test_a_date_with_a_time_is_shown_as_typed_not_as_python(tmp_path):
    year = year_file(tmp_path / "data", "date: 2024-12-13", "date: 2024-12-13T10:00:00")
    result = cli("validate", year)
    assert result.exit_code == 1, result.output
    assert f"{year}:10:9: lỗi: 'document.date' phải là ngày hợp lệ dạng YYYY-MM-DD" in result.output
    assert "(tìm thấy: '2024-12-13 10:00:00')" in result.output
    assert "datetime" not in result.output


def test_a_huge_line_is_not_echoed_whole(tmp_path):
    long = "x" * 1_900_000
    year = year_file(tmp_path / "data", "name: Hồ sơ", f"name: Hồ {long}: sơ")
    result = cli("validate", year)
    assert result.exit_code == 1, result.output
    assert f"{year}:12:1900014: lỗi: lỗi cú pháp YAML: không được có dấu ':' ở đây" in result.output
    assert len(result.output) < 2000
    assert "…" in result.output


def test_a_huge_value_is_not_echoed_whole(tmp_path):
    year = year_file(tmp_path / "data", 'unit: "%"', "unit: [" + "1, " * 300_000 + "1]")
    result = cli("validate", year)
    assert result.exit_code == 1, result.output
    assert (
        "'metrics[0].unit' (chỉ tiêu 'ho_so_truc_tuyen') phải là chữ (tìm thấy: một danh sách)"
        in result.output
    )
    assert len(result.output) < 2000


def test_an_unreadable_year_file_is_a_located_error(tmp_path, monkeypatch):
    year = year_file(tmp_path / "data")
    original = Path.read_bytes

    def refuse(path: Path) -> bytes:
        if path.name == "2024.yaml":
            raise PermissionError(13, "Permission denied")
        return original(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = cli("validate", year)
    assert result.exit_code == 1, result.output
    assert f"{year}: lỗi: không đọc được tệp (không có quyền đọc)" in result.output
    render_refused(tmp_path, year)


def test_an_earlier_year_that_is_not_a_file_is_a_located_error(tmp_path):
    """``change:2023`` with data/2023.yaml a folder exited 2 and hid every other problem."""
    data = tmp_path / "data"
    year = year_file(data, "đạt [[ho_so_truc_tuyen|counts]]", CHANGE)
    (data / "2023.yaml").mkdir()
    result = cli("validate", year, "--data", data)
    assert result.exit_code == 1, result.output
    assert f"{year}:43:39: lỗi: " in result.output
    assert "dữ liệu năm 2023 không hợp lệ" in result.output
    assert "đây là một thư mục, không phải tệp dữ liệu YAML" in result.output
    render_refused(tmp_path, year)


def test_an_earlier_year_that_cannot_be_read_is_a_located_error(tmp_path, monkeypatch):
    data = tmp_path / "data"
    year = year_file(data, "đạt [[ho_so_truc_tuyen|counts]]", CHANGE)
    year_file(data, "year: 2024", "year: 2023", name="2023.yaml")
    original = Path.read_bytes

    def refuse(path: Path) -> bytes:
        if path.name == "2023.yaml":
            raise PermissionError(13, "Permission denied")
        return original(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = cli("validate", year, "--data", data)
    assert result.exit_code == 1, result.output
    assert f"{year}:43:39: lỗi: " in result.output
    assert "không đọc được tệp (không có quyền đọc)" in result.output
