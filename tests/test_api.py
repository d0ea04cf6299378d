import subprocess
import sys
from pathlib import Path

import pytest

import baocao
from baocao.diff import change_text
from baocao.errors import DataError, DraftRequired

ROOT = Path(__file__).resolve().parents[1]


def test_public_api_loads_validates_compares_and_renders(tmp_path):
    example = ROOT / "examples" / "minimal.yaml"
    data = baocao.load_year(example)
    assert data.year == 2024
    assert baocao.validate(example).problems == []
    earlier = data.model_copy(update={"year": 2023})
    comparison = baocao.compare([earlier, data])
    assert {m.id for m in comparison.metrics} == {"ho_so_truc_tuyen", "tai_khoan_thanh_toan"}
    assert {change_text(m.change) for m in comparison.metrics} == {"không đổi"}
    written = baocao.render_year(data, ROOT / "templates", tmp_path)
    assert sorted(f.path.name for f in written) == ["BaoCao_2024.docx", "PhuLuc_2024.docx"]


def test_importing_the_package_loads_nothing_heavy():
    code = (
        "import sys, baocao; heavy = {'docx', 'docxtpl', 'lxml', 'pydantic', 'yaml'};"
        "print(sorted(heavy & set(sys.modules)))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert output == "[]"


def _example(tmp_path: Path, old: str = "", new: str = "") -> Path:
    text = (ROOT / "examples" / "minimal.yaml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "2024.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_render_year_refuses_data_with_errors_and_writes_nothing(tmp_path):
    data = baocao.load_year(_example(tmp_path, 'printed: "88,18%"', 'printed: "90,00%"'))
    out = tmp_path / "out"
    with pytest.raises(DataError) as caught:
        baocao.render_year(data, ROOT / "templates", out)
    assert any("90,00%" in p.message and p.severity == "lỗi" for p in caught.value.problems)
    assert not out.exists()


def test_render_year_writes_data_with_warnings_only_as_a_draft(tmp_path):
    unused = "    ctr553:"
    path = _example(tmp_path, unused, "    thua: Chú thích không dùng.\n" + unused)
    data = baocao.load_year(path)
    out = tmp_path / "out"
    with pytest.raises(DraftRequired) as caught:
        baocao.render_year(data, ROOT / "templates", out)
    assert [p.severity for p in caught.value.problems] == ["cảnh báo"]
    assert not out.exists()
    written = baocao.render_year(data, ROOT / "templates", out, draft=True)
    assert [f.path.name for f in written] == ["BaoCao_2024.docx", "PhuLuc_2024.docx"]


def test_render_year_takes_a_validation_and_refuses_a_failed_one(tmp_path):
    good = baocao.validate(_example(tmp_path))
    written = baocao.render_year(good, ROOT / "templates", tmp_path / "a")
    assert len(written) == 2
    bad = baocao.validate(_example(tmp_path, "year: 2024", "year: 2023"))
    assert bad.errors
    with pytest.raises(DataError):
        baocao.render_year(bad, ROOT / "templates", tmp_path / "b")
    assert not (tmp_path / "b").exists()


def test_rendering_a_validation_formats_no_reference_again(tmp_path, monkeypatch):
    """Validation resolves every [[reference]]; the documents reuse those texts."""
    from baocao import references

    calls: list[tuple[str, str | None]] = []
    original = references.resolve

    def counting(scope, metric_id, fmt, where, earlier=None):
        calls.append((metric_id, fmt))
        return original(scope, metric_id, fmt, where, earlier)

    monkeypatch.setattr(references, "resolve", counting)
    validation = baocao.validate(_example(tmp_path))
    checked = len(calls)
    assert checked > 0
    assert len(set(calls)) == checked
    baocao.render_year(validation, ROOT / "templates", tmp_path / "out")
    assert len(calls) == checked
