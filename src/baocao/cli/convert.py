"""``baocao convert TỆP.docx``: a Word file as a report of the workspace, and the
summary of what was recognised and what was not."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..limits import FIRST_YEAR, LAST_YEAR
from . import console
from .common import DataOption, workspace_for

if TYPE_CHECKING:
    from ..commands.convert import Plan
    from ..convert.content import Summary


def convert(
    file: Annotated[
        Path,
        typer.Argument(help="Tệp Word (.docx) cần chuyển.", metavar="TỆP.docx", show_default=False),
    ],
    appendix: Annotated[
        Path | None,
        typer.Argument(
            help="Tệp Phụ lục (.docx), khi Phụ lục là một tệp riêng.",
            metavar="[PHỤ_LỤC.docx]",
            show_default=False,
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            min=FIRST_YEAR,
            max=LAST_YEAR,
            metavar="NĂM",
            help="Năm của số liệu (thư mục reports/NĂM/, tệp data/NĂM.yaml); mặc định: năm "
            "ở dòng ngày tháng của văn bản.",
            show_default=False,
        ),
    ] = None,
    report_id: Annotated[
        str | None,
        typer.Option(
            "--id",
            metavar="MÃ",
            help="Mã (tên tệp .md) của báo cáo; mặc định: theo tên tệp Word.",
            show_default=False,
        ),
    ] = None,
    figures: Annotated[
        bool,
        typer.Option(
            "--figures",
            help="Đưa các số liệu trong câu chữ vào data/NĂM.yaml thành chỉ tiêu, câu chữ "
            "gọi chúng bằng [[mã]]; không có tùy chọn này, số liệu giữ nguyên là chữ.",
        ),
    ] = False,
    data_dir: DataOption = None,
) -> None:
    """Chuyển một văn bản Word (.docx) có sẵn thành tệp báo cáo reports/NĂM/MÃ.md (phần
    khai báo, đề mục, chú thích, bảng, Phụ lục), để tạo lại bằng baocao render; không
    ghi đè tệp đã có."""
    from ..commands.convert import apply, plan

    workspace = workspace_for(data_dir)
    result = plan(
        file,
        workspace,
        year=year,
        report_id=report_id,
        figures=figures,
        appendix=appendix,
    )
    apply(result)
    print_result(result)


def print_result(result: Plan) -> None:
    console.wrote(str(result.report_path), "báo cáo")
    if result.data_text is not None:
        kind = "dữ liệu (tệp mới)" if result.created_data else "dữ liệu (thêm chỉ tiêu)"
        console.wrote(str(result.data_path), kind)
    print_summary(result.converted.summary, len(result.figures))
    out = console.out
    errors = sum(1 for p in result.problems if p.is_error)
    shown = [p for p in result.problems if not p.is_error]
    for problem in shown:
        out.print(f"  [yellow]{console.escape(str(problem))}[/yellow]")
    out.print(f"Kiểm tra báo cáo: {errors} lỗi, {len(shown)} cảnh báo hay lưu ý.")
    out.print(
        "Tiếp theo: mở tệp .md xem lại phần khai báo, rồi "
        f"[bold]baocao render {result.year} --report {result.report_id}[/bold] và so văn bản "
        "tạo ra với tệp gốc (baocao kiemtra kiểm tra thể thức)."
    )


def print_summary(summary: Summary, figures: int) -> None:
    from ..convert.content import RECOGNISED

    out = console.out
    counts = dict(summary.counts)
    if figures:
        counts["số liệu"] = figures
    found = [f"{counts[name]} {name}" for name in RECOGNISED if counts.get(name)]
    out.print(f"Nhận ra: {', '.join(found) or 'không có nội dung'}.")
    if summary.header:
        out.print("Phần đầu và phần ký:")
        for name, value in summary.header.items():
            out.print(f"  {console.escape(name)}: {console.escape(value)}")
    if summary.missing:
        out.print(
            "[yellow]Chưa tìm thấy trong văn bản (đã điền tạm, hãy sửa trong tệp .md):[/yellow] "
            + console.escape(", ".join(summary.missing))
        )
    if summary.notes:
        out.print("Đã đổi khi chuyển:")
        for item in summary.notes:
            out.print(f"  - {console.escape(item.where)}: {console.escape(item.message)}")
    if summary.unrecognised:
        out.print("[yellow]Không nhận ra (không có trong báo cáo, hãy xem lại):[/yellow]")
        for item in summary.unrecognised:
            out.print(f"  - {console.escape(item.where)}: {console.escape(item.message)}")
