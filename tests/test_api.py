import subprocess
import sys

import pytest

import baocao
from baocao.errors import DataError, DraftRequired
from baocao.metrics.years import change_text

from .helpers import (
    EXAMPLE_DATA,
    EXAMPLE_ID,
    TEMPLATES,
    example_workspace,
    render_example,
    workspace_at,
)


def test_public_api_loads_validates_compares_and_renders(tmp_path):
    data = baocao.load_year(EXAMPLE_DATA)
    assert data.year == 2024
    assert baocao.validate(EXAMPLE_DATA).problems == []
    earlier = data.model_copy(update={"year": 2023})
    comparison = baocao.compare([earlier, data])
    assert {m.id for m in comparison.metrics} == {"ho_so_truc_tuyen", "tai_khoan_thanh_toan"}
    assert {change_text(m.change) for m in comparison.metrics} == {"không đổi"}
    root = example_workspace(tmp_path / "ws")
    written = render_example(root, tmp_path / "out")
    assert sorted(f.path.name for f in written) == [
        f"BaoCao_2024_{EXAMPLE_ID}.docx",
        f"PhuLuc_2024_{EXAMPLE_ID}.docx",
    ]


def test_importing_the_package_loads_nothing_heavy():
    code = (
        "import sys, baocao; heavy = {'docx', 'docxtpl', 'lxml', 'pydantic', 'yaml'};"
        "print(sorted(heavy & set(sys.modules)))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert output == "[]"


def test_render_report_refuses_data_with_errors_and_writes_nothing(tmp_path):
    root = example_workspace(tmp_path, data=(('printed: "88,18%"', 'printed: "90,00%"'),))
    out = tmp_path / "out"
    with pytest.raises(DataError) as caught:
        render_example(root, out)
    assert any("90,00%" in p.message and p.severity == "lỗi" for p in caught.value.problems)
    assert not out.exists()


def test_render_report_refuses_a_report_with_errors(tmp_path):
    root = example_workspace(tmp_path, report=(("[[ho_so_truc_tuyen|counts]]", "[[khong_co]]"),))
    with pytest.raises(DataError) as caught:
        render_example(root, tmp_path / "out")
    [problem] = caught.value.problems
    assert problem.path.endswith(f"{EXAMPLE_ID}.md")
    assert (problem.line, problem.column) == (43, 39)
    assert "không có chỉ tiêu 'khong_co'" in problem.message
    assert not (tmp_path / "out").exists()


def test_render_report_writes_a_report_with_warnings_only_as_a_draft(tmp_path):
    root = example_workspace(
        tmp_path, report=(("[^ctr553]: ", "[^thua]: Không dùng.\n[^ctr553]: "),)
    )
    out = tmp_path / "out"
    with pytest.raises(DraftRequired) as caught:
        render_example(root, out)
    assert [p.severity for p in caught.value.problems] == ["cảnh báo"]
    assert not out.exists()
    written = render_example(root, out, draft=True)
    assert len(written) == 2


def test_render_report_takes_a_validation_and_refuses_a_failed_one(tmp_path):
    root = example_workspace(tmp_path / "a")
    report = root / "reports" / "2024" / f"{EXAMPLE_ID}.md"
    good = baocao.validate_report(report, workspace_at(root))
    assert baocao.render_report(good, TEMPLATES, tmp_path / "out_a")
    bad_root = example_workspace(tmp_path / "b", data=(("year: 2024", "year: 2023"),))
    bad_report = bad_root / "reports" / "2024" / f"{EXAMPLE_ID}.md"
    bad = baocao.validate_report(bad_report, workspace_at(bad_root))
    assert bad.errors
    with pytest.raises(DataError):
        baocao.render_report(bad, TEMPLATES, tmp_path / "out_b")
    assert not (tmp_path / "out_b").exists()


def test_rendering_a_validation_formats_no_reference_again(tmp_path, monkeypatch):
    """Validation resolves every [[reference]]; the documents reuse those texts."""
    from baocao.prose import resolve as references

    calls: list[tuple[str, str | None]] = []
    original = references.resolve

    def counting(scope, metric_id, fmt, where, earlier=None, pad=False):
        calls.append((metric_id, fmt))
        return original(scope, metric_id, fmt, where, earlier, pad)

    monkeypatch.setattr(references, "resolve", counting)
    root = example_workspace(tmp_path)
    report = root / "reports" / "2024" / f"{EXAMPLE_ID}.md"
    validation = baocao.validate_report(report, workspace_at(root))
    checked = len(calls)
    assert checked > 0
    assert len(set(calls)) == checked
    baocao.render_report(validation, TEMPLATES, tmp_path / "out")
    assert len(calls) == checked
