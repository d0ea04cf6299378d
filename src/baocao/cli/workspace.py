"""``baocao init`` and ``baocao new``: start a workspace, roll a year over."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..limits import FIRST_YEAR, LAST_YEAR
from . import console
from .common import DataOption, workspace_for


def init(
    folder: Annotated[
        Path,
        typer.Argument(help="Thư mục làm việc (mặc định: thư mục hiện tại).", metavar="THƯ_MỤC"),
    ] = Path("."),
) -> None:
    """Tạo thư mục làm việc dùng được ngay: dữ liệu và báo cáo mẫu, mẫu Word, lược đồ và
    cài đặt cho VS Code, hướng dẫn ngắn. Không ghi đè tệp đã có."""
    from ..commands.init import init as start

    started = start(folder)
    for path in started.written:
        console.wrote(str(path), "tệp mới")
    for path in started.skipped:
        console.plain(f"Bỏ qua (đã có, không ghi đè): {path}\n")
    shown = f'"{folder}"' if " " in str(folder) else str(folder)  # as a shell needs it
    console.plain(
        f"Xong: {len(started.written)} tệp mới, {len(started.skipped)} tệp đã có được giữ nguyên."
        f"\nTiếp theo: cd {shown} rồi chạy: baocao render 2024\n"
    )


def new(
    year: Annotated[
        int,
        typer.Argument(help="Năm mới, ví dụ 2025.", metavar="NĂM", min=FIRST_YEAR, max=LAST_YEAR),
    ],
    source: Annotated[
        int | None,
        typer.Option(
            "--from",
            help="Năm làm gốc (mặc định: năm gần nhất trước NĂM có tệp dữ liệu).",
            metavar="NĂM",
            show_default=False,
            min=FIRST_YEAR,
            max=LAST_YEAR,
        ),
    ] = None,
    data_dir: DataOption = None,
) -> None:
    """Tạo dữ liệu và các báo cáo của năm mới từ năm trước: giữ chỉ tiêu, mục tiêu, nhiệm
    vụ, người ký, nơi nhận; bỏ số liệu năm cũ (chỉ tiêu chờ số liệu); không ghi đè năm đã có."""
    from ..yearfile import rollover

    workspace = workspace_for(data_dir)
    planned = rollover.plan(workspace, year, source)
    for path in rollover.apply(planned):
        console.wrote(str(path), "tệp mới")
    console.plain(
        f"Đã tạo năm {year} từ năm {planned.source_year}. Mỗi chỉ tiêu đang chờ số liệu "
        f"('pending: true'). Tiếp theo:\n"
        f"  baocao form {year}      tạo biểu mẫu Excel để điền số liệu "
        f"(rồi baocao import {year} out/BieuMau_{year}.xlsx)\n"
        f"  baocao validate {year}  xem những gì còn cần điền, sửa (câu còn ghi năm cũ…)\n"
    )
