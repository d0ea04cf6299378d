"""``baocao kiemtra-may``: is this machine ready to make the documents?"""

from __future__ import annotations

import typer

from . import console


def kiemtra_may() -> None:
    """Kiểm tra máy đã sẵn sàng chưa: LibreOffice (Writer để tạo PDF, Calc để mở biểu mẫu
    Excel), phông Times New Roman, và thư mục làm việc (dữ liệu, báo cáo của từng năm)."""
    from .. import __version__
    from ..commands.machine import Status, check_machine

    findings = check_machine()
    console.plain(f"baocao {__version__}\n")
    for finding in findings:
        console.finding(str(finding.status), finding.subject, finding.detail)
    errors = sum(1 for f in findings if f.status is Status.ERROR)
    warnings = sum(1 for f in findings if f.status is Status.WARNING)
    if errors:
        verdict = f"{errors} lỗi, {warnings} cảnh báo: sửa các lỗi trên trước khi tạo văn bản."
    elif warnings:
        verdict = f"0 lỗi, {warnings} cảnh báo: tạo được văn bản; xem các cảnh báo trên."
    else:
        verdict = "Máy đã sẵn sàng."
    console.plain(verdict + "\n")
    if errors:
        raise typer.Exit(code=1)
