"""A type name typed without its accents (``TO TRINH``): refused by validate and by
kiemtra's ``ten-loai``, in the document and in the one an appendix is attached to,
instead of a misspelt title that every check passed."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from baocao.cli import app

from .test_kinds import BODY, document, errors_of, render, runner


@pytest.mark.parametrize("typed", ["TO TRINH", "TỜ TRINH", "Tờ trinh"])
def test_a_type_name_typed_without_its_accents_is_an_error_before_it_is_printed(tmp_path, typed):
    path = document(tmp_path, BODY, type=typed, to="  to: Bộ Nội vụ")
    line = path.read_text(encoding="utf-8").splitlines().index(f"  type: {typed}") + 1
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert (
        f"van-ban.md:{line}:9: lỗi: tên loại “{typed.upper()}” viết sai hoặc thiếu dấu: "
        "đúng là “TỜ TRÌNH” (Phụ lục III, mục I)"
    ) in " ".join(result.output.split())
    rendered, out = render(path, tmp_path)
    assert rendered.exit_code == 1 and not list(out.glob("*.docx"))


def test_the_type_of_the_document_an_appendix_is_attached_to_is_spelled_too(in_repo, tmp_path):
    shipped = Path("reports/2024/phu-luc-ke-hoach-2025.md").read_text(encoding="utf-8")
    root = tmp_path / "ws"
    (root / "reports" / "2024").mkdir(parents=True)
    (root / "data").mkdir()
    (root / "data" / "2024.yaml").write_bytes(Path("data/2024.yaml").read_bytes())
    path = root / "reports" / "2024" / "phu-luc.md"
    path.write_text(shipped.replace("  type: Kế hoạch\n", "  type: Ke hoach\n", 1), "utf-8")
    line = path.read_text(encoding="utf-8").splitlines().index("  type: Ke hoach") + 1
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert (
        f"phu-luc.md:{line}:9: lỗi: tên loại “KE HOACH” viết sai hoặc thiếu dấu: đúng là “KẾ HOẠCH”"
    ) in " ".join(result.output.split())


def test_kiemtra_finds_a_type_name_printed_without_its_accents(tmp_path):
    path = document(tmp_path, BODY, to="  to: Bộ Nội vụ")
    result, out = render(path, tmp_path)
    assert result.exit_code == 0, result.output
    written = out / "ToTrinh_2024_van-ban.docx"
    word = Document(str(written))
    title = next(p for p in word.paragraphs if p.text == "TỜ TRÌNH")
    for run in title.runs:
        run.text = run.text.replace("TỜ TRÌNH", "TO TRINH")
    word.save(str(written))
    [violation] = errors_of(written)["ten-loai"]
    assert "tên loại “TO TRINH” viết sai hoặc thiếu dấu: đúng là “TỜ TRÌNH”" in violation.detail
