"""``baocao form``, ``baocao import`` and ``baocao export``: Excel in and out.

openpyxl is imported inside these commands only, so no other command pays for it.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from . import console
from .common import DataOption, workspace_for

YearArgument = Annotated[
    str,
    typer.Argument(help="Năm, ví dụ 2025 (đọc data/2025.yaml).", show_default=False, metavar="NĂM"),
]


def form(
    year: YearArgument,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Tệp ghi biểu mẫu (mặc định: out/BieuMau_<năm>.xlsx); với --by-agency: thư "
            "mục ghi các biểu mẫu (mặc định: out/BieuMau_<năm>/).",
            metavar="TỆP",
        ),
    ] = None,
    everything: Annotated[
        bool,
        typer.Option("--all", help="Mọi chỉ tiêu, kể cả chỉ tiêu đã có số liệu (điền sẵn)."),
    ] = False,
    by_agency: Annotated[
        bool,
        typer.Option(
            "--by-agency",
            help="Mỗi cơ quan chủ trì một biểu mẫu: chỉ tiêu và nhiệm vụ của cơ quan đó.",
        ),
    ] = False,
    overwrite: Annotated[
        bool,
        typer.Option("--overwrite", help="Thay biểu mẫu đã có (số liệu đã điền trong đó mất)."),
    ] = False,
    data_dir: DataOption = None,
) -> None:
    """Tạo biểu mẫu Excel (.xlsx) để điền số liệu của các chỉ tiêu còn chờ số liệu."""
    if by_agency:
        _agency_forms(year, output, everything, overwrite, data_dir)
        return
    from ..errors import OutputError
    from ..excel.form import build_form
    from ..files import write_atomically

    workspace = workspace_for(data_dir)
    built = build_form(workspace, workspace.load(year), everything)
    target = output or workspace.out / f"BieuMau_{built.year}.xlsx"
    if target.exists() and not overwrite:
        raise OutputError(
            f"đã có tệp '{target}' (có thể đã điền số liệu), chưa ghi gì: nhập nó bằng "
            f"'baocao import {built.year} {target}', hoặc chạy lại với --overwrite để thay "
            "bằng biểu mẫu mới"
        )
    write_atomically(target, built.content)
    console.wrote(str(target), f"biểu mẫu {len(built.metrics)} chỉ tiêu")
    if not built.metrics:
        console.plain(
            f"Năm {built.year} không còn chỉ tiêu nào chờ số liệu; dùng --all để có mọi chỉ tiêu.\n"
        )
    else:
        console.plain(f"Điền các ô màu vàng rồi chạy: baocao import {built.year} {target}\n")


def _agency_forms(
    year: str, folder: Path | None, everything: bool, overwrite: bool, data_dir: Path | None
) -> None:
    from ..commands.collect import plan_agency_forms, write_agency_forms

    workspace = workspace_for(data_dir)
    planned = plan_agency_forms(workspace, year, everything, folder)
    write_agency_forms(planned, overwrite)
    for path, built in planned.forms:
        assert built.agency is not None
        asked = [f"{len(built.metrics)} chỉ tiêu"] if built.metrics else []
        asked += [f"{len(built.tasks)} nhiệm vụ"] if built.tasks else []
        console.wrote(str(path), f"biểu mẫu của {built.agency.label} ({', '.join(asked)})")
    if planned.idle:
        names = ", ".join(a.label for a in planned.idle)
        console.plain(f"Không cần gửi (đã có đủ số liệu, tiến độ): {names}.\n")
    if planned.unassigned_metrics or planned.unassigned_tasks:
        console.plain(
            f"{planned.unassigned_metrics} chỉ tiêu, {planned.unassigned_tasks} nhiệm vụ không có "
            "cơ quan chủ trì (lead) nên không thuộc biểu mẫu nào.\n"
        )
    if planned.forms:
        console.plain(
            f"Gửi mỗi tệp cho cơ quan của nó; nhận lại thì lưu vào một thư mục (ví dụ da_nhan/) "
            f"rồi chạy: baocao import {planned.year} da_nhan/\n"
        )
    else:
        console.plain(f"Năm {planned.year} không còn gì chờ các cơ quan gửi.\n")


def import_form(
    year: YearArgument,
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Các biểu mẫu đã điền (.xlsx), hoặc thư mục chứa chúng.",
            metavar="TỆP_HOẶC_THƯ_MỤC",
            show_default=False,
        ),
    ],
    data_dir: DataOption = None,
) -> None:
    """Đọc các biểu mẫu Excel đã điền và ghi số liệu, tiến độ nhiệm vụ vào tệp dữ liệu năm
    (giữ nguyên ghi chú); có lỗi ở bất kỳ biểu mẫu nào thì báo mọi lỗi và không ghi gì."""
    from ..commands.import_form import apply_import, plan_import

    workspace = workspace_for(data_dir)
    planned = plan_import(workspace, year, files)
    console.problems(planned.notices)
    for read in planned.forms:
        record = read.content.record
        if record is not None and record.agency is not None:
            content = read.content
            sent = [f"{len(content.entries)} số liệu"]
            sent += [f"{len(content.tasks)} nhiệm vụ cập nhật"] if content.tasks else []
            console.plain(
                f"  {record.agency_name or record.agency} ({read.path.name}): {', '.join(sent)}\n"
            )
    if planned.content is None:
        console.plain("Không có gì thay đổi: tệp dữ liệu đã có đúng các số liệu này.\n")
        return
    apply_import(planned)
    for change in planned.changes:
        judged = f"; đánh giá: {change.evaluation}" if change.evaluation else ""
        console.plain(
            f"  {change.metric.name} ({change.as_of}): {change.old} → {change.new}{judged}\n"
        )
    for update in planned.tasks:
        changed = ", ".join(TASK_WORDS[k] for k in update.fields)
        console.plain(f"  nhiệm vụ «{update.place.task.name}»: {changed}\n")
    for source in planned.sources:
        console.plain(f"  nguồn mới: {source}\n")
    what = f"{len(planned.changes)} số liệu" + (
        f", {len(planned.tasks)} nhiệm vụ" if planned.tasks else ""
    )
    console.wrote(str(planned.path), what)
    if planned.warnings:
        console.plain(
            f"Tệp dữ liệu còn {planned.warnings} cảnh báo: chạy 'baocao validate {year}' để xem.\n"
        )


TASK_WORDS = {"result": "kết quả", "time": "thời gian", "progress": "tiến độ"}


class ExportFormat(str, Enum):
    xlsx = "xlsx"
    csv = "csv"
    json = "json"


def export(
    year: YearArgument,
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="xlsx, csv hoặc json.")
    ] = ExportFormat.xlsx,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Tệp ghi kết quả (mặc định: out/ChiTieu_<năm>.<đuôi>).",
            metavar="TỆP",
        ),
    ] = None,
    data_dir: DataOption = None,
) -> None:
    """Xuất bảng chỉ tiêu của một năm (số liệu, mục tiêu, đánh giá) ra Excel, CSV hoặc JSON."""
    from ..excel.tables import indicator_xlsx
    from ..files import write_atomically
    from ..tables.indicators import IndicatorTable, indicator_table, to_csv, to_json

    workspace = workspace_for(data_dir)
    table = indicator_table(workspace.load(year))
    target = output or workspace.out / f"ChiTieu_{table.year}.{fmt.value}"
    writers: dict[ExportFormat, Callable[[IndicatorTable], bytes]] = {
        ExportFormat.xlsx: indicator_xlsx,
        ExportFormat.csv: lambda t: to_csv(t).encode("utf-8-sig"),
        ExportFormat.json: lambda t: to_json(t).encode("utf-8"),
    }
    content = writers[fmt](table)
    write_atomically(target, content)
    console.wrote(str(target), f"bảng chỉ tiêu {fmt.value.upper()}")
