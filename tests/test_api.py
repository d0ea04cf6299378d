import subprocess
import sys
from pathlib import Path

import baocao
from baocao.diff import change_text

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
