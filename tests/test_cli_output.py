"""How much the commands print (issue 26): each problem once, many of one kind as one
line with the next step, ``--quiet`` and ``--verbose``; and the small untruths of the
output (``migrate`` with nothing to migrate, the hint after ``new``, ``render --help``,
``diff`` on a narrow screen)."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from baocao.cli import app
from baocao.cli.output import GROUP_AT, ProblemPrinter, Verbosity, condensed
from baocao.errors import Problem, Severity

from .helpers import clean_copy

runner = CliRunner()
PENDING = "chỉ tiêu còn chờ số liệu năm 2025"


@pytest.fixture()
def rolled(tmp_path, monkeypatch):
    """The repository's own workspace rolled over to 2025, as working directory."""
    clean_copy(tmp_path, ("data", "reports"))
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["new", "2025"])
    assert result.exit_code == 0, result.output
    return tmp_path


def warning(line: int, group: str = "g", path: str = "a.yaml") -> Problem:
    return Problem(path, line, 3, f"vấn đề ở dòng {line}", Severity.WARNING, group)


def test_a_kind_met_often_in_a_file_is_one_line_at_its_first_place():
    many = [warning(n) for n in range(10, 10 + GROUP_AT)]
    few = [warning(n, path="b.yaml") for n in range(1, GROUP_AT)]
    alone = Problem("a.yaml", 5, 1, "lỗi riêng")
    lines = condensed([many[0], alone, *many[1:], *few])
    assert lines[0].line == 10 and lines[0].message.startswith(f"{GROUP_AT} g (dòng 10, 11")
    assert lines[1] is alone
    assert lines[2:] == few  # fewer than GROUP_AT stay one a line


def test_the_printer_prints_a_problem_once_and_quiet_keeps_errors_only():
    printer = ProblemPrinter(Verbosity.NORMAL)
    shared = warning(1, group="")
    assert printer.shown([shared]) == [shared]
    assert printer.shown([shared]) == []  # the second report of the same year
    quiet = ProblemPrinter(Verbosity.QUIET)
    error = Problem("a.yaml", 2, 1, "sai")
    assert quiet.shown([shared, error]) == [error]
    verbose = ProblemPrinter(Verbosity.VERBOSE)
    assert len(verbose.shown([warning(n) for n in range(GROUP_AT + 1)])) == GROUP_AT + 1


def test_validate_after_new_groups_the_waiting_figures_and_the_old_years(rolled):
    result = runner.invoke(app, ["validate", "2025"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    [waiting] = [line for line in lines if PENDING in line]
    count = int(re.search(r"cảnh báo: (\d+) chỉ tiêu", waiting).group(1))
    assert count > 100
    assert waiting.startswith("data/2025.yaml:")
    assert "→ điền bằng Excel: baocao form 2025" in waiting
    assert "từng dòng: --verbose" in waiting
    stale = [line for line in lines if "chỗ còn ghi năm cũ" in line]
    assert stale and all(line.startswith("reports/2025/") for line in stale)
    assert len(lines) < 10
    totals = re.fullmatch(r"0 lỗi, (\d+) cảnh báo(?:, (\d+) lưu ý)?", lines[-1])
    assert totals, lines[-1]
    shown = int(totals.group(1)) + int(totals.group(2) or 0)
    verbose = runner.invoke(app, ["validate", "2025", "--verbose"]).output.splitlines()
    assert len(verbose) == shown + 1  # one a problem, and the summary
    each = re.compile(r"còn chờ số liệu năm 2025( của [^:]+)?: thêm số liệu")
    assert sum(bool(each.search(line)) for line in verbose) == count


def test_quiet_prints_the_summary_only_when_there_is_no_error(rolled):
    result = runner.invoke(app, ["validate", "2025", "-q"])
    assert result.exit_code == 0
    assert result.output.splitlines() == [result.output.splitlines()[-1]]
    assert re.fullmatch(r"0 lỗi, \d+ cảnh báo(, \d+ lưu ý)?", result.output.strip())


def test_quiet_and_verbose_together_is_a_usage_error(rolled):
    result = runner.invoke(app, ["validate", "2025", "--quiet", "--verbose"])
    assert result.exit_code == 2
    assert "chỉ dùng một trong hai: --quiet hoặc --verbose" in result.output


def test_render_all_prints_a_years_problems_once_not_once_per_report(rolled, tmp_path):
    result = runner.invoke(app, ["render", "--all", "--out", str(tmp_path / "out"), "-j", "1"])
    assert result.exit_code == 1  # 2025 awaits its figures; the others are written
    lines = result.output.splitlines()
    assert sum(PENDING in line for line in lines) == 1
    reports_2024 = len(list((rolled / "reports" / "2024").glob("*.md")))
    reports_2025 = len(list((rolled / "reports" / "2025").glob("*.md")))
    refusals = [line for line in lines if line.startswith("Lỗi: 2025/")]
    assert len(refusals) == reports_2025  # each 2025 report says why it was not written
    assert len(lines) < 60  # not the 148 figures awaited, once per report
    # 2022 and 2023 lack a signer's name: refused without --draft, like 2025
    assert lines[-1] == f"{reports_2024} văn bản xong, {reports_2025 + 2} văn bản lỗi."


def test_render_quiet_prints_errors_and_the_totals(rolled, tmp_path):
    result = runner.invoke(app, ["render", "2024", "-q", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    reports = len(list((rolled / "reports" / "2024").glob("*.md")))
    assert result.output.splitlines() == [f"{reports} văn bản xong, 0 văn bản lỗi."]
    written = {p.stem.split("_", 2)[2] for p in (tmp_path / "out").glob("*.docx")}
    assert written == {p.stem for p in (rolled / "reports" / "2024").glob("*.md")}


def test_migrate_with_nothing_to_migrate_says_so(rolled):
    before = (rolled / "data" / "2024.yaml").read_bytes()
    result = runner.invoke(app, ["migrate", "2024"])
    assert result.exit_code == 0, result.output
    assert "Không có gì để tách: 'data/2024.yaml' đã ở dạng mới" in result.output
    assert "không hợp lệ" not in result.output
    assert (rolled / "data" / "2024.yaml").read_bytes() == before
    assert not (rolled / "data" / "2024.yaml.bak").exists()


def test_the_hint_after_new_leads_to_the_excel_form(tmp_path, monkeypatch):
    clean_copy(tmp_path, ("data", "reports"))
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["new", "2025"])
    assert "baocao form 2025" in result.output
    assert "baocao import 2025 out/BieuMau_2025.xlsx" in result.output
    assert "baocao validate 2025" in result.output


def test_render_help_says_what_nam_accepts():
    text = " ".join(runner.invoke(app, ["render", "--help"]).output.split())
    assert "đường dẫn tới một tệp báo cáo .md" in text
    assert "tệp YAML" not in text


@pytest.mark.parametrize("command", [["diff", "2023", "2024"], ["compare", "2024"]])
def test_a_narrow_screen_gets_whole_ids_and_the_way_to_excel(in_repo, monkeypatch, command):
    from baocao.cli import console

    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setattr(console, "_consoles", {})
    result = runner.invoke(app, command)
    assert result.exit_code == 0, result.output
    ids = [line.split("mã: ")[1] for line in result.output.splitlines() if "  mã: " in line]
    assert "ho_so_truc_tuyen" in ids or "ho_gia_dinh_cap_quang" in ids
    assert all(re.fullmatch(r"[a-z0-9_]+", i) for i in ids)
    assert f"baocao {' '.join(command)} --format xlsx" in result.output
    assert "┌" not in result.output
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setattr(console, "_consoles", {})
    wide = runner.invoke(app, command)
    assert "┌" in wide.output and "--format xlsx" not in wide.output


def test_the_hint_after_init_can_be_typed_as_shown(tmp_path, monkeypatch):
    """A folder with a space: ``cd thư mục`` would fail in every shell."""
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["init", "thư mục"])
    assert result.exit_code == 0, result.output
    assert 'Tiếp theo: cd "thư mục" rồi chạy: baocao render 2024' in result.output


def test_a_refusal_counts_its_errors_and_warnings_apart_from_notices(capsys):
    from baocao.cli.common import report_error
    from baocao.errors import DataError, Problem, Severity

    problems = [
        Problem("data/2025.yaml", 3, 1, "a"),
        Problem("data/2025.yaml", 4, 1, "b", Severity.WARNING),
        Problem("data/2025.yaml", 5, 1, "c", Severity.NOTICE),
        Problem("data/2025.yaml", 6, 1, "d", Severity.NOTICE),
    ]
    report_error(DataError(problems))
    err = capsys.readouterr().err
    assert "data/2025.yaml:5:1: lưu ý: c" in err
    assert err.rstrip().endswith("Lỗi: dữ liệu không hợp lệ (1 lỗi, 1 cảnh báo), chưa ghi tệp nào.")
