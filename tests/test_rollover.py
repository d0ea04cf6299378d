"""baocao init and baocao new: a workspace that works at once, a year rolled over."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from baocao.cli import app
from baocao.commands.validate import validate_report
from baocao.errors import OutputError
from baocao.rules.period import stale_years
from baocao.rules.year import validate
from baocao.workspace import Workspace
from baocao.yearfile import rollover

from .helpers import clean_copy

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def rolled(tmp_path, monkeypatch):
    clean_copy(tmp_path, ("data", "reports"))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["new", "2025"])
    assert result.exit_code == 0, result.output
    return tmp_path


def test_init_creates_a_workspace_and_never_overwrites(tmp_path):
    runner = CliRunner()
    first = runner.invoke(app, ["init", str(tmp_path / "ws")])
    assert first.exit_code == 0, first.output
    for needed in (
        "data/2024.yaml",
        "reports/2024/chuyen-doi-so.md",
        "templates/BaoCao.docx",
        "schema/year.schema.json",
        ".vscode/settings.json",
        "README.md",
    ):
        assert (tmp_path / "ws" / needed).is_file(), needed
    mine = tmp_path / "ws" / "README.md"
    mine.write_text("của tôi", encoding="utf-8")
    second = runner.invoke(app, ["init", str(tmp_path / "ws")])
    assert second.exit_code == 0
    assert mine.read_text(encoding="utf-8") == "của tôi"
    assert "Bỏ qua" in second.output and "README.md" in second.output


def test_new_keeps_what_defines_a_metric_and_awaits_the_figure(rolled):
    text = (rolled / "data" / "2025.yaml").read_text(encoding="utf-8")
    old = (ROOT / "data" / "2024.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == old.splitlines()[0]  # the schema comment stays first
    data = Workspace().load("2025")
    assert data.year == 2025
    before = Workspace().load("2024")
    assert [m.id for m in data.metrics] == [m.id for m in before.metrics]
    metric = data.metric("ho_so_truc_tuyen")
    assert metric is not None and metric.pending and metric.observations == []
    assert metric.evaluation is None and metric.result is None
    assert [t.year for t in metric.targets] == [
        t.year for t in before.metric("ho_so_truc_tuyen").targets if t.year >= 2025
    ]
    # section comments survive in their places
    assert text.count("# ----- ") == old.count("# ----- ")
    assert "# Chỉ tiêu. Mục tiêu 2025, 2030" in text


def test_comments_after_a_reset_task_stay_before_the_next_section(tmp_path):
    """A comment heading the next section hangs, for ruamel, off the last task's
    progress: resetting the task must not take it along."""
    text = (
        "year: 2024\n"
        "task_lists:\n"
        "  - id: ds\n"
        "    items:\n"
        "      - name: Việc một\n"
        "        time: Năm 2024\n"
        "        progress: Đang thực hiện\n"
        "\n"
        "# ---- Đơn vị báo cáo ----\n"
        "units:\n"
        "  - id: ag\n"
    )
    rolled_text = rollover.roll_data(text, 2025)
    assert "progress" not in rolled_text
    assert rolled_text.index("Việc một") < rolled_text.index("# ---- Đơn vị báo cáo ----")
    assert rolled_text.index("# ---- Đơn vị báo cáo ----") < rolled_text.index("units:")


def test_new_resets_progress_except_done_tasks(rolled):
    data = Workspace().load("2025")
    before = Workspace().load("2024")
    from baocao.prose.resolve import is_done, tasks_of

    for old, new in zip(before.task_lists, data.task_lists, strict=True):
        pairs = list(zip(tasks_of(old), tasks_of(new), strict=True))
        for was, now in pairs:
            assert now.name == was.name
            assert now.progress == (was.progress if is_done(was) else None)
        assert any(is_done(was) for was, _ in pairs) or all(n.progress is None for _, n in pairs)


def test_new_resets_the_document_and_moves_summary_and_headings(rolled):
    text = (rolled / "reports" / "2025" / "chuyen-doi-so.md").read_text(encoding="utf-8")
    assert (
        "    Kết quả thực hiện chuyển đổi số năm 2025\n    và phương hướng, nhiệm vụ năm 2026\n"
        in text
    )
    assert "# KẾT QUẢ THỰC HIỆN CHUYỂN ĐỔI SỐ NĂM 2025" in text
    assert "# PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026" in text
    assert "  date: 2025          # báo cáo gốc (seed 001) không ghi ngày" in text
    assert "name: Nguyễn Thanh Hải" in text and '"Lưu: VT"' in text
    source = validate_report(rolled / "reports" / "2025" / "chuyen-doi-so.md").source
    assert source is not None and source.settings.document.number is None


def test_new_moves_the_target_column_of_the_year_gone_by(rolled):
    """A district trial: the 2025 Phụ lục had an empty "Chỉ tiêu năm 2024" column."""
    text = (rolled / "reports" / "2025" / "chuyen-doi-so.md").read_text(encoding="utf-8")
    assert "columns: [stt, name, target:2025, lead, partners, result, evaluation, note]" in text
    assert '"target:2025": Chỉ tiêu năm 2025, lead:' in text
    assert "columns: [stt, name, target:2025, target:2030, result, evaluation, note]" in text
    assert "target:2024" not in text
    from baocao.yearfile.rollover import roll_report

    typed = "---\nyear: 2024\nappendices:\n  - title: X\n    parts:\n      - table:\n"
    typed += "          columns: [stt, target:2024, target:2025]\n          rows: []\n---\n"
    assert "columns: [stt, target:2025]" in roll_report(typed, 2024, 2025)
    skipped = typed.replace("target:2025]", "target:2030]").replace(
        "columns:", "headers: {target:2024: Chỉ tiêu năm 2024}\n          columns:"
    )
    two_years = roll_report(skipped, 2024, 2026)  # the new year's column, not 2024 + 2
    assert "columns: [stt, target:2026, target:2030]" in two_years
    assert "target:2026: Chỉ tiêu năm 2026" in two_years
    assert "columns: [stt, target:2025]" in roll_report(
        typed.replace("target:2024", "target:2023"), 2024, 2025
    )


def test_validate_warns_of_a_target_column_of_a_year_gone_by(tmp_path):
    from .helpers import example_workspace, workspace_at

    columns = "columns: [stt, name, target:2025, target:2030, result, evaluation, note]"
    root = example_workspace(tmp_path, report=((columns, columns.replace("2025", "2023")),))
    checked = validate_report(root / "reports" / "2024" / "bao-cao-mau.md", workspace_at(root))
    assert [str(p).split(": ", 1)[1] for p in checked.all_problems] == [
        "cảnh báo: cột 'target:2023' là mục tiêu của năm đã qua trong báo cáo năm 2024 (cột "
        "chép từ năm trước?); dùng 'target:2024' hoặc năm sau"
    ]


def test_new_refuses_an_existing_year(rolled):
    before = (rolled / "data" / "2025.yaml").read_bytes()
    result = CliRunner().invoke(app, ["new", "2025", "--from", "2024"])
    assert result.exit_code == 1
    assert "không ghi đè" in result.output.casefold()
    assert (rolled / "data" / "2025.yaml").read_bytes() == before
    with pytest.raises(OutputError):
        rollover.plan(Workspace(), 2025, 2024)


def test_validate_lists_waiting_figures_and_stale_years_with_lines(rolled):
    result = CliRunner().invoke(app, ["validate", "2025", "--verbose"])
    lines = result.output.splitlines()
    waiting = [x for x in lines if "còn chờ số liệu năm 2025" in x]
    assert len(waiting) == len(Workspace().load("2025").metrics) + sum(
        len(u.metrics) for u in Workspace().load("2025").units[1:]
    )
    assert all(x.startswith("data/2025.yaml:") and ": cảnh báo:" in x for x in waiting)
    stale = [x for x in lines if "'năm 2024' trong báo cáo năm 2025" in x]
    assert any(x.startswith("reports/2025/chuyen-doi-so.md:") for x in stale)
    assert result.exit_code == 0  # warnings only


def test_a_target_of_a_metric_still_waiting_for_its_figure_prints(rolled):
    """A district trial: [[id|target:2025]] on a pending metric crashed validate."""
    report = rolled / "reports" / "2025" / "chuyen-doi-so.md"
    text = report.read_text(encoding="utf-8")
    typed = "[[ho_so_truc_tuyen|counts]]"
    report.write_text(text.replace(typed, typed + ", mục tiêu [[ho_so_truc_tuyen|target:2025]]", 1))
    result = CliRunner().invoke(app, ["validate", "2025"])
    assert result.exit_code == 0, result.output
    assert "target:2025" not in result.output
    draft = CliRunner().invoke(app, ["render", "2025", "--report", "chuyen-doi-so", "--draft"])
    assert draft.exit_code == 0, draft.output
    from docx import Document

    body = "\n".join(
        p.text for p in Document(rolled / "out" / "BaoCao_2025_chuyen-doi-so.docx").paragraphs
    )
    assert "[CHỜ SỐ LIỆU: Hồ sơ (thủ tục hành chính) giải quyết trực tuyến], mục tiêu 50%" in body


def test_render_refuses_a_waiting_figure_and_a_draft_marks_it(rolled):
    runner = CliRunner()
    refused = runner.invoke(app, ["render", "2025", "--report", "chuyen-doi-so"])
    assert refused.exit_code == 1
    assert not list((rolled / "out").glob("*2025*")) if (rolled / "out").exists() else True
    draft = runner.invoke(app, ["render", "2025", "--report", "chuyen-doi-so", "--draft"])
    assert draft.exit_code == 0, draft.output
    from docx import Document

    body = "\n".join(
        p.text for p in Document(rolled / "out" / "BaoCao_2025_chuyen-doi-so.docx").paragraphs
    )
    assert "[CHỜ SỐ LIỆU: " in body


def test_pending_metric_warns_and_filled_one_passes(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    base = """year: 2025
sources: {s: nguồn}
metrics:
  - id: a
    name: Chỉ tiêu A
    unit: "%"
{rest}
"""
    (data / "2025.yaml").write_text(base.replace("{rest}", "    pending: true"), encoding="utf-8")
    checked = validate("2025", data_dir=data)
    assert [p.line for p in checked.warnings] == [7]
    assert "còn chờ số liệu năm 2025" in checked.warnings[0].message
    filled = "    observations:\n      - {as_of: '2025', value: 50, source: {ref: s, quote: '50%'}}"
    (data / "2025.yaml").write_text(base.replace("{rest}", filled), encoding="utf-8")
    assert validate("2025", data_dir=data).problems == []
    (data / "2025.yaml").write_text(base.replace("{rest}", ""), encoding="utf-8")
    assert "pending: true" in validate("2025", data_dir=data).errors[0].message


@pytest.mark.parametrize(
    ("text", "stale"),
    [
        ("Trong năm 2024, tỉnh đã triển khai", ["năm 2024"]),
        ("đến tháng 12/2024 đạt", []),  # "đến": a point of comparison
        ("Tính đến hết tháng 12/2024", []),
        ("số liệu tháng 12/2024 cho thấy", ["tháng 12/2024"]),
        ("tăng so với năm 2024", []),
        ("so với các năm 2020, 2021", []),
        ("trong khi năm 2023 tỷ lệ này còn thấp", []),
        ("Kế hoạch số 1254/KH-UBND ngày 29/12/2023 của UBND tỉnh", []),
        ("Quyết định ngày 29 tháng 12 năm 2023", []),
        ("Chương trình năm 2024-2025", []),
        ("nhiệm vụ năm 2025 và năm 2026", []),
    ],
)
def test_stale_years_in_prose(text, stale):
    assert [w for _o, w in stale_years(text, 2025)] == stale


def test_a_year_and_its_figure_vouch_for_each_other(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "2025.yaml").write_text(
        """year: 2025
sources: {s: nguồn}
metrics:
  - id: dti
    name: DTI
    unit: hạng
    observations: [{as_of: '2024', value: 5, source: {ref: s, quote: '5'}}]
  - id: b
    name: B
    unit: hồ sơ
    observations: [{as_of: '2025-11', value: 7, source: {ref: s, quote: '7'}}]
""",
        encoding="utf-8",
    )
    report = tmp_path / "reports" / "2025" / "r.md"
    report.parent.mkdir(parents=True)
    front = "---\ndocument: {agency: SỞ, agency_name: Sở, symbol: BC-S, place: An Giang, "
    front += "date: 2025-10-01, summary: Báo cáo, signer: {authority: [GIÁM ĐỐC], name: Lê An}, "
    front += "recipients: ['Lưu: VT, VP']}\n---\n"
    body = "Năm 2024, tỉnh xếp [[dti]].\n\nTỉnh xếp [[dti]].\n\nCó [[b]].\n\nNăm 2024 có [[b]].\n"
    report.write_text(front + body, encoding="utf-8")
    checked = validate_report(report, Workspace(root=tmp_path, data=data))
    found = sorted((p.line, p.message.split(" ")[0]) for p in checked.problems)
    assert found == [(6, "[[dti]]"), (8, "[[b]]"), (10, "'Năm"), (10, "[[b]]")]
