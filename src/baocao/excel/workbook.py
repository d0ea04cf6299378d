"""Open a workbook a user gives to ``baocao import``: measured and looked at before
openpyxl reads any of it, and every way openpyxl can fail on a damaged or hostile
file turned into one message naming the file (and the part).

Two checks come first: ``zipguard`` (zip bombs, DTDs), then the worksheets' XML is
streamed once for what would make openpyxl build far more than the file holds: a
cell or a merged range in a row far below any form (openpyxl's reader visits every
row up to the last), and merged ranges covering millions of cells (openpyxl builds
an object for each merged cell: ``A1:XFD1048576`` would take hundreds of gigabytes).
"""

from __future__ import annotations

import re
import warnings
import zipfile
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import iterparse

from ..errors import DataError, Problem
from ..limits import MAX_MERGED_CELLS, MAX_SHEET_ROWS
from ..zipguard import EXCEL, ArchiveRefused, NotAnArchive, check_archive

RESAVE = "tệp .xls cũ hoặc .ods hãy mở rồi lưu lại dạng Excel Workbook (.xlsx)"
REFERENCE = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")
WORKSHEETS = "xl/worksheets/"


def load_guarded(path: Path) -> Any:
    """The workbook at ``path`` (values, not formulas), or ``DataError`` saying why not."""
    from openpyxl import load_workbook

    try:
        check_archive(path, EXCEL)
    except NotAnArchive as exc:
        message = f"không đọc được tệp Excel: không phải tệp .xlsx, hoặc tệp bị hỏng; {RESAVE}"
        raise DataError([Problem(str(path), None, None, message)]) from exc
    except ArchiveRefused as exc:
        where = f"{path} ({exc.part})" if exc.part else str(path)
        raise DataError([Problem(where, None, None, exc.reason)]) from exc
    try:
        _check_extent(path)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl's English notes on what it skips
            return load_workbook(path, data_only=True)
    except DataError:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever openpyxl trips on, the file is unreadable
        message = f"không đọc được tệp Excel: nội dung bên trong bị hỏng; {RESAVE}"
        raise DataError([Problem(str(path), None, None, message)]) from exc


def _check_extent(path: Path) -> None:
    """Refuse a worksheet using rows past ``MAX_SHEET_ROWS``, or merged ranges covering
    more than ``MAX_MERGED_CELLS`` cells in all."""
    merged = 0
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if not (name.startswith(WORKSHEETS) and name.endswith(".xml")):
                continue
            with package.open(name) as stream:
                for _event, element in iterparse(stream):
                    tag = element.tag.rpartition("}")[2]
                    if tag == "c":
                        _check_row(path, name, element.get("r"))
                    elif tag == "mergeCell":
                        merged += _merged_area(path, name, element.get("ref"))
                        if merged > MAX_MERGED_CELLS:
                            raise _refused(
                                path,
                                name,
                                f"các vùng gộp ô phủ hơn {_count(MAX_MERGED_CELLS)} ô: bỏ gộp ô "
                                "(Merge & Center) ở các vùng lớn rồi lưu lại",
                            )
                    if tag in ("c", "row", "mergeCell"):
                        element.clear()


def _row_of(reference: str | None) -> tuple[int, int] | None:
    """(column, row) of ``B12``; ``None`` for anything else."""
    found = REFERENCE.fullmatch(reference or "")
    if found is None:
        return None
    column = 0
    for letter in found.group(1).upper():
        column = column * 26 + ord(letter) - ord("A") + 1
    return column, int(found.group(2))


def _check_row(path: Path, part: str, reference: str | None) -> None:
    place = _row_of(reference)
    if place is not None and place[1] > MAX_SHEET_ROWS:
        raise _refused(
            path,
            part,
            f"ô {reference} ở dòng {_count(place[1])}, quá xa (biểu mẫu dùng tối đa "
            f"{_count(MAX_SHEET_ROWS)} dòng): xóa các dòng thừa ở cuối trang tính rồi lưu lại",
        )


def _merged_area(path: Path, part: str, ref: str | None) -> int:
    first, _, last = (ref or "").partition(":")
    start, end = _row_of(first), _row_of(last or first)
    if start is None or end is None:
        return 0
    _check_row(path, part, last or first)
    return (abs(end[0] - start[0]) + 1) * (abs(end[1] - start[1]) + 1)


def _count(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def _refused(path: Path, part: str, message: str) -> DataError:
    return DataError([Problem(f"{path} ({part})", None, None, message)])
