"""``baocao status``: where the collection round stands, agency by agency."""

from __future__ import annotations

import re
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from . import console
from .common import DataOption, workspace_for
from .excel import YearArgument

DAY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


class StatusFormat(str, Enum):
    table = "table"
    xlsx = "xlsx"
    csv = "csv"


def parse_deadline(text: str | None) -> date | None:
    """``15/03/2025`` or ``2025-03-15``; a usage error otherwise."""
    if text is None:
        return None
    typed = text.strip()
    found = DAY.match(typed)
    try:
        if found:
            day, month, year = (int(part) for part in found.groups())
            return date(year, month, day)
        return date.fromisoformat(typed)
    except ValueError:
        raise typer.BadParameter(
            f"'{text}' không phải ngày: gõ dạng ngày/tháng/năm, ví dụ 15/03/2025"
        ) from None


def status(
    year: YearArgument,
    deadline: Annotated[
        str | None,
        typer.Option(
            "--deadline",
            help="Hạn gửi (ví dụ 15/03/2025): cơ quan còn thiếu sau hạn được ghi quá hạn.",
            metavar="NGÀY",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        StatusFormat,
        typer.Option("--format", "-f", help="table (màn hình), xlsx hoặc csv."),
    ] = StatusFormat.table,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Tệp ghi kết quả (mặc định: out/TinhHinh_<năm>.<đuôi>).",
            metavar="TỆP",
        ),
    ] = None,
    data_dir: DataOption = None,
) -> None:
    """Mỗi cơ quan: chỉ tiêu, nhiệm vụ được giao, đã gửi, còn chờ; quá hạn khi có --deadline."""
    from ..commands.collect import round_now
    from ..files import write_atomically
    from ..tables.status import to_csv

    due = parse_deadline(deadline)
    workspace = workspace_for(data_dir)
    found = round_now(workspace, year)
    today = date.today()
    if fmt == StatusFormat.table:
        console.status_table(found, due, today)
        return
    if fmt == StatusFormat.xlsx:
        from ..excel.status import status_xlsx

        content = status_xlsx(found, due, today)
    else:
        content = to_csv(found, due, today).encode("utf-8-sig")
    target = output or workspace.out / f"TinhHinh_{found.year}.{fmt.value}"
    write_atomically(target, content)
    console.wrote(str(target), f"tình hình gửi số liệu {fmt.value.upper()}")
