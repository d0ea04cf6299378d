"""Help screens and usage errors are in Vietnamese, including typer's own words."""

import pytest
from typer.testing import CliRunner

from baocao.cli import app
from baocao.cli.i18n import translate_error

from .helpers import build_file_tree

runner = CliRunner()


def test_main_help_is_vietnamese():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert result.output.startswith("Cách dùng: baocao [TÙY_CHỌN] LỆNH [ĐỐI_SỐ]...")
    assert "Tùy chọn:" in result.output
    assert "Lệnh:" in result.output
    assert "Hiện hướng dẫn này rồi thoát." in result.output
    for english in ("Usage", "Options", "Commands", "Show this message"):
        assert english not in result.output


def test_command_help_is_vietnamese():
    result = runner.invoke(app, ["render", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert "Đối số:" in text
    assert "[mặc định: 180.0]" in text
    assert "list[str]" not in text
    result = runner.invoke(app, ["validate", "--help"])  # render's NĂM is optional (--all)
    text = " ".join(result.output.split())
    assert "[bắt buộc]" in text
    assert "list[str]" not in text


def test_usage_errors_are_vietnamese_with_exit_2():
    result = runner.invoke(app, ["render"])
    assert result.exit_code == 2
    assert "Lỗi: Thiếu đối số NĂM." in result.output
    assert "Xem hướng dẫn: 'baocao render -h'." in result.output

    result = runner.invoke(app, ["render", "2024", "--khong-co"])
    assert result.exit_code == 2
    assert "Lỗi: Không có tùy chọn --khong-co." in result.output

    result = runner.invoke(app, ["khong-co"])
    assert result.exit_code == 2
    assert "Lỗi: Không có lệnh 'khong-co'." in result.output


def test_unknown_messages_pass_through_unchanged():
    assert translate_error("Something new.") == "Something new."
    assert (
        translate_error("Invalid value for '--format': 'pdf'")
        == "Giá trị không hợp lệ cho '--format': 'pdf'"
    )


def test_did_you_mean_is_vietnamese():
    result = runner.invoke(app, ["rendr", "2024"])
    assert result.exit_code == 2
    assert "Lỗi: Không có lệnh 'rendr'. Có phải ý bạn là 'render'?" in result.output
    assert "Did you mean" not in result.output
    option = runner.invoke(app, ["render", "2024", "--quite"])
    assert "Lỗi: Không có tùy chọn --quite (có phải ý bạn là --out hoặc --quiet?)." in (
        option.output
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["new", "1999"], "Giá trị không hợp lệ cho 'NĂM': phải từ 2000 trở lên (tìm thấy: 1999)"),
        (
            ["new", "3000"],
            "Giá trị không hợp lệ cho 'NĂM': phải từ 2100 trở xuống (tìm thấy: 3000)",
        ),
        (["new", "abc"], "Giá trị không hợp lệ cho 'NĂM': phải là số nguyên (tìm thấy: 'abc')"),
        (["render", "2024", "-j", "0"], "phải từ 1 trở lên (tìm thấy: 0)"),
        (["render", "2024", "--pdf-timeout", "x"], "phải là số (tìm thấy: 'x')"),
        (["validate", "2024", "-f", "xml"], "'xml' không hợp lệ: dùng 'text' hoặc 'json'"),
        (["export", "2024", "-f", "pdf"], "'pdf' không hợp lệ: dùng 'xlsx', 'csv' hoặc 'json'"),
    ],
)
def test_a_refused_value_is_explained_in_vietnamese(args, message):
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in result.output
    for english in ("Input should", "Value error", "is not one of", "https://"):
        assert english not in result.output


def test_number_bounds_in_help_are_vietnamese():
    text = " ".join(runner.invoke(app, ["render", "--help"]).output.split())
    assert "[tối thiểu 1]" in text
    assert "x>=" not in text


def test_version():
    from baocao import __version__

    for option in ("--version", "-V"):
        result = runner.invoke(app, [option])
        assert result.exit_code == 0
        assert result.output == f"baocao {__version__}\n"


def test_shell_completion_is_on_in_vietnamese(tmp_path, monkeypatch):
    text = " ".join(runner.invoke(app, ["--help"]).output.split())
    assert "--install-completion Cài tự hoàn thành lệnh" in text
    assert "--show-completion In mã tự hoàn thành lệnh" in text
    assert "Install completion" not in text
    from baocao.cli.common import complete_year

    build_file_tree(tmp_path, {"data/2024.yaml": "", "reports/2025/a.md": "", "data/x.yaml": ""})
    monkeypatch.chdir(tmp_path / "reports")
    assert complete_year("") == ["2024", "2025"]
    assert complete_year("2025") == ["2025"]


def test_a_pydantic_error_that_escapes_is_told_in_vietnamese(tmp_path, monkeypatch):
    """A model error raised where no loader catches it: never pydantic's English dump
    with its web address."""
    from baocao.model.year import Observation
    from baocao.workspace import Workspace

    def broken(self, year_or_path):
        Observation(as_of="2024-13", value=1, source={"ref": "x", "quote": "q"})

    monkeypatch.setattr(Workspace, "load", broken)
    result = runner.invoke(app, ["export", "2024"])
    assert result.exit_code == 1
    assert "lỗi không mong đợi (" in result.output
    assert "'as_of': ngày không tồn tại: '2024-13'" in result.output
    for english in ("https://", "validation error", "For further information"):
        assert english not in result.output
