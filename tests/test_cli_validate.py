"""``baocao validate``, ``baocao schema`` and the validation ``baocao render`` runs first."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from baocao.cli import app
from baocao.model.schema import schema_text

from .conftest import ROOT
from .helpers import build_file_tree, shipped

MINIMAL = (ROOT / "examples" / "data" / "2024.yaml").read_text(encoding="utf-8")
REPORT = (ROOT / "examples" / "reports" / "2024" / "bao-cao-mau.md").read_text(encoding="utf-8")
BROKEN = MINIMAL.replace('printed: "88,18%"', 'printed: "88,81%"')
BROKEN_REPORT = REPORT.replace("[^ctr553]\n", "[^ctr55]\n", 1)
REPORT_PATH = "reports/2024/bao-cao-mau.md"
RATE = (
    "data/2024.yaml:22:18: lỗi: tỷ lệ in ra không khớp với tử số và mẫu số "
    "(in 88,81%, tính được 88,181% từ 605.172/686.283)"
)
FOOTNOTE = (
    f"{REPORT_PATH}:35:77: lỗi: chú thích '[^ctr55]' chưa có nội dung "
    "(thêm dòng '[^ctr55]: …' cuối báo cáo); có phải ý bạn là '[^ctr553]'?"
)
UNUSED = f"{REPORT_PATH}:49:1: cảnh báo: chú thích '[^ctr553]' không được dùng ở đâu"


def workspace(root, data: str = MINIMAL, report: str = REPORT) -> None:
    build_file_tree(root, {"data/2024.yaml": data, REPORT_PATH: report})


runner = CliRunner()


def test_validate_reports_every_problem_and_exits_1(tmp_path, monkeypatch):
    workspace(tmp_path, BROKEN, BROKEN_REPORT)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["validate", "2024"])
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines() == [RATE, FOOTNOTE, UNUSED, "2 lỗi, 1 cảnh báo"]


def test_a_repeated_key_does_not_hide_the_other_problems(tmp_path, monkeypatch):
    """A province trial took three rounds to see four mistakes: the repeated key hid the
    rest. The first value is kept and every later check still runs, at the right lines."""
    repeated = BROKEN.replace("    unit: ", "    unit: '%'\n    unit: ", 1)
    workspace(tmp_path, repeated, BROKEN_REPORT)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["validate", "2024"])
    assert result.exit_code == 1, result.output
    shifted = RATE.replace(":22:18:", ":23:18:")
    assert result.stdout.splitlines()[1:] == [shifted, FOOTNOTE, UNUSED, "3 lỗi, 1 cảnh báo"]
    assert "khóa 'unit' bị lặp" in result.stdout.splitlines()[0]


def test_validate_clean_file_exits_0(tmp_path, monkeypatch):
    build_file_tree(tmp_path, {"data/2024.yaml": MINIMAL})
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["validate", "data/2024.yaml"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "0 lỗi, 0 cảnh báo: dữ liệu hợp lệ\n"


def test_warnings_fail_only_under_strict(tmp_path, monkeypatch):
    workspace(tmp_path, report=REPORT.replace("[^ctr553]\n", "\n", 1))
    monkeypatch.chdir(tmp_path)
    relaxed = runner.invoke(app, ["validate", "2024"])
    assert relaxed.exit_code == 0, relaxed.output
    assert relaxed.stdout.splitlines()[-1] == "0 lỗi, 1 cảnh báo"
    strict = runner.invoke(app, ["validate", "2024", "--strict"])
    assert strict.exit_code == 1, strict.output


def test_several_years_in_one_run(tmp_path, monkeypatch):
    workspace(tmp_path, BROKEN, BROKEN_REPORT)
    build_file_tree(tmp_path, {"data/2023.yaml": BROKEN.replace("year: 2024", "year: 2023")})
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["validate", "2023", "2024"])
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines()[-1] == "3 lỗi, 3 cảnh báo"


def test_json_format(tmp_path, monkeypatch):
    workspace(tmp_path, BROKEN, BROKEN_REPORT)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["validate", "2024", "--format", "json"])
    assert result.exit_code == 1, result.output
    rows = json.loads(result.stdout)
    assert rows[0] == {
        "file": "data/2024.yaml",
        "line": 22,
        "column": 18,
        "severity": "lỗi",
        "level": "error",
        "message": RATE.split(": lỗi: ", 1)[1],
    }
    assert [r["level"] for r in rows] == ["error", "error", "warning"]


@pytest.mark.parametrize(
    "command",
    [
        ["validate", "2099"],
        ["diff", "2023", "2099"],
        ["compare", "2099"],
    ],
)
def test_a_missing_data_file_exits_1_in_every_command(tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    missing = runner.invoke(app, command)
    assert missing.exit_code == 1, missing.output
    assert "không tìm thấy tệp dữ liệu" in missing.output.lower()
    assert "data/2099.yaml" in missing.output
    assert "Traceback" not in missing.output


def test_usage_mistakes_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["validate", "2024", "--format", "xml"]).exit_code == 2
    assert runner.invoke(app, ["validate"]).exit_code == 2


def test_syntax_error_is_one_located_problem(tmp_path, monkeypatch):
    build_file_tree(
        tmp_path, {"data/2024.yaml": MINIMAL.replace("    name: Hồ sơ", "    name Hồ sơ", 1)}
    )
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["validate", "2024"])
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines()[0] == (
        "data/2024.yaml:12:5: lỗi: lỗi cú pháp YAML: thiếu dấu ':' sau khóa"
    )


def test_render_refuses_invalid_data_with_the_same_messages(tmp_path, monkeypatch):
    workspace(tmp_path, BROKEN, BROKEN_REPORT)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["render", "2024", "--draft", "--out", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    for line in (RATE, FOOTNOTE, UNUSED):
        assert line in result.output
    assert "chưa ghi tệp nào" in result.output
    assert not (tmp_path / "out").exists()


def test_render_refuses_warnings_without_draft(tmp_path, monkeypatch):
    workspace(tmp_path, report=REPORT.replace("[^ctr553]\n", "\n", 1))
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["render", "2024", "--out", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    assert "dùng --draft để tạo bản nháp" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("arguments", "name"), [([], "year.schema.json"), (["--report"], "report.schema.json")]
)
def test_schema_command_matches_the_committed_schema(arguments, name):
    result = runner.invoke(app, ["schema", *arguments])
    assert result.exit_code == 0, result.output
    committed = (ROOT / "schema" / name).read_text(encoding="utf-8")
    assert result.stdout == committed, f"chạy: baocao schema {' '.join(arguments)} > schema/{name}"
    assert result.stdout == schema_text(bool(arguments))


def test_shipped_data_points_editors_at_the_schema():
    for path in shipped("data/*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/year.schema.json", path


def test_validate_does_not_import_docx_libraries(in_repo):
    code = (  # the command line leaves with os._exit after running the exit handlers
        "import atexit, runpy, sys\n"
        "sys.argv = ['baocao', 'validate', 'examples/data/2024.yaml']\n"
        "def report():\n"
        "    top = {m.split('.')[0] for m in sys.modules}\n"
        "    print(sorted(top & {'docx', 'docxtpl', 'lxml'}))\n"
        "atexit.register(report)\n"
        "runpy.run_module('baocao', run_name='__main__')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=in_repo, check=True
    )
    assert done.stdout.splitlines()[-1] == "[]", done.stdout + done.stderr


def test_an_unforeseen_error_is_reported_in_vietnamese_not_as_a_traceback(tmp_path, monkeypatch):
    from baocao.commands import validate as checks

    def broken(*args, **kwargs):
        raise RuntimeError("hỏng")

    workspace(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(checks, "validate", broken)
    monkeypatch.delenv("BAOCAO_DEBUG", raising=False)
    result = runner.invoke(app, ["validate", "2024"])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "Lỗi: lỗi không mong đợi (hỏng); hãy báo lỗi cho người phát triển kèm tệp dữ liệu"
    )
    monkeypatch.setenv("BAOCAO_DEBUG", "1")
    debugging = runner.invoke(app, ["validate", "2024"])
    assert isinstance(debugging.exception, RuntimeError)


def test_a_footnote_line_without_its_colon_says_to_add_it(tmp_path, monkeypatch):
    typed = REPORT + "\nMột câu có chú thích[^nguon].\n\n[^nguon] Theo số liệu của Sở.\n"
    build_file_tree(tmp_path, {"data/2024.yaml": MINIMAL, REPORT_PATH: typed})
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["validate", "2024"])
    line = typed.splitlines().index("[^nguon] Theo số liệu của Sở.") + 1
    assert result.exit_code == 1
    assert (
        f"{REPORT_PATH}:{line}:1: lỗi: chú thích '[^nguon]' chưa có nội dung (thêm dòng "
        "'[^nguon]: …' cuối báo cáo); nếu đây là nội dung chú thích, thêm dấu ':' ngay sau "
        "']': '[^nguon]: …'"
    ) in " ".join(result.output.split())
    cited = typed.splitlines().index("Một câu có chú thích[^nguon].") + 1
    [at_cite] = [m for m in result.output.splitlines() if m.startswith(f"{REPORT_PATH}:{cited}:")]
    assert "chưa có nội dung" in at_cite and "ngay sau" not in at_cite


def test_a_footnote_cited_twice_is_a_notice_at_the_second_citation(tmp_path, monkeypatch):
    typed = REPORT + "\nCâu một[^nguon].\n\nCâu hai[^nguon].\n\n[^nguon]: Theo số liệu của Sở.\n"
    build_file_tree(tmp_path, {"data/2024.yaml": MINIMAL, REPORT_PATH: typed})
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["validate", "2024"])
    lines = typed.splitlines()
    first, second = lines.index("Câu một[^nguon].") + 1, lines.index("Câu hai[^nguon].") + 1
    assert result.exit_code == 0, result.output
    assert (
        f"{REPORT_PATH}:{second}:8: lưu ý: chú thích '[^nguon]' đã được gọi ở dòng {first}: "
        "văn bản sẽ có thêm một chú thích cùng nội dung"
    ) in " ".join(result.output.split())
    assert f"{REPORT_PATH}:{first}:" not in result.output


def test_the_colon_hint_follows_the_line_not_the_paragraph(tmp_path, monkeypatch):
    """Under another footnote's text, Markdown reads the line as more of that footnote;
    in the middle of a sentence, a missing footnote is no footnote line."""
    typed = (
        REPORT
        + "\nCâu có chú thích[^mot] và[^hai].\n\nGiữa câu [[ho_so_truc_tuyen]][^ba] nữa.\n\n"
        + "[^mot]: Chú thích một.\n[^hai] Chú thích hai, thiếu dấu hai chấm.\n"
    )
    build_file_tree(tmp_path, {"data/2024.yaml": MINIMAL, REPORT_PATH: typed})
    monkeypatch.chdir(tmp_path)
    output = runner.invoke(app, ["validate", "2024"]).output
    lines = typed.splitlines()
    hint = "thêm dấu ':' ngay sau ']'"
    under = lines.index("[^hai] Chú thích hai, thiếu dấu hai chấm.") + 1
    middle = lines.index("Giữa câu [[ho_so_truc_tuyen]][^ba] nữa.") + 1
    by_line = {m.split(":")[1]: m for m in output.splitlines() if m.startswith(REPORT_PATH)}
    assert hint in by_line[str(under)] and by_line[str(under)].startswith(
        f"{REPORT_PATH}:{under}:1:"
    )
    assert "chưa có nội dung" in by_line[str(middle)] and hint not in by_line[str(middle)]
