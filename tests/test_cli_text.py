"""Help screens and usage errors are in Vietnamese, including typer's own words."""

from typer.testing import CliRunner

from baocao.cli import app
from baocao.cli.i18n import translate_error

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
