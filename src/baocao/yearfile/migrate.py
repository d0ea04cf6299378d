"""``baocao migrate``: move the ``report:`` section of an old year file into a report
file of its own (Markdown with YAML front matter), leaving the data file as data.

The front matter copies the old ``document`` and ``appendices`` blocks line for line
(comments kept); the prose becomes Markdown: numbered sections become headings,
bullet lists stay lists, footnotes move to the end in Markdown's own syntax. The
result is read back and compared, text for text, before anything is written; the
old data file is kept beside the new one as ``.bak``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DataError, OutputError, Problem
from ..load.report_file import REPORT_ID
from ..load.text import read_text
from ..load.yaml_careful import parse_yaml

MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>&#!|~])")
LINE_START = re.compile(r"^(\s*)([-+*>#]|\d+[.)])(\s|$)")
KEEP = re.compile(r"\[\[[^\[\]\n]*\]\]|\[\^[^\[\]\n]*\]")
DEFAULT_ID = "bao-cao"


@dataclass(frozen=True)
class Migration:
    data_path: Path
    report_path: Path
    backup_path: Path
    data_text: str
    report_text: str


def plan(data_path: Path, reports: Path, report_id: str = DEFAULT_ID) -> Migration | None:
    """What ``migrate`` would write, without writing (``DataError`` when it cannot);
    ``None`` when the file has no ``report:`` section: it is already of the new form."""
    if not REPORT_ID.match(report_id):
        raise DataError(
            [
                Problem(
                    str(data_path),
                    None,
                    None,
                    f"mã báo cáo '{report_id}' chỉ được gồm chữ thường không dấu, số và dấu '-' "
                    "(ví dụ --id chuyen-doi-so): mã này đặt tên cho tệp .md và các tệp Word",
                )
            ]
        )
    text = read_text(data_path)
    parsed = parse_yaml(text, str(data_path))
    if not isinstance(parsed.data, dict):
        raise DataError([Problem(str(data_path), None, None, "tệp không phải bảng khóa: giá trị")])
    if "report" not in parsed.data:
        return None
    year = parsed.data.get("year")
    if not isinstance(year, int):
        raise DataError([Problem(str(data_path), None, None, "tệp không ghi 'year'")])
    lines = text.split("\n")
    top = sorted((line, key) for (key,), (line, _c) in _keys_at(parsed.key_positions, ()) if key)
    start = next(line for line, key in top if key == "report")
    end = next((line for line, key in top if line > start), len(lines) + 1)
    report = parsed.data["report"]
    blocks = _child_blocks(parsed.key_positions, lines, start, end)
    front = ["---", f"year: {year}", *_dedent(blocks.get("document", [])), ""]
    if "appendices" in blocks:
        front += _dedent(blocks["appendices"])
    front = [*_trim_blank(front), "---", ""]
    body = _body(report)
    head = lines[: start - 1]
    while head and head[-1].lstrip().startswith("#"):
        head = head[:-1]  # the comment introducing the report section goes with it
    data_lines = _trim_blank(head + lines[end - 1 :])
    target = reports / str(year) / f"{report_id}.md"
    return Migration(
        data_path,
        target,
        data_path.with_name(data_path.name + ".bak"),
        "\n".join(data_lines) + "\n",
        "\n".join(front) + "\n".join(body) + "\n",
    )


def _keys_at(
    positions: dict[tuple[Any, ...], tuple[int, int]], parent: tuple[Any, ...]
) -> list[tuple[tuple[Any, ...], tuple[int, int]]]:
    return [
        (key[len(parent) :], where)
        for key, where in positions.items()
        if len(key) == len(parent) + 1 and key[: len(parent)] == parent
    ]


def _child_blocks(
    positions: dict[tuple[Any, ...], tuple[int, int]], lines: list[str], start: int, end: int
) -> dict[str, list[str]]:
    children = sorted((where[0], key[0]) for key, where in _keys_at(positions, ("report",)))
    blocks = {}
    for index, (line, key) in enumerate(children):
        stop = children[index + 1][0] if index + 1 < len(children) else end
        blocks[key] = lines[line - 1 : stop - 1]
    return blocks


def _dedent(block: list[str]) -> list[str]:
    return [line[2:] if line.startswith("  ") else line.lstrip() for line in block]


def _trim_blank(lines: list[str]) -> list[str]:
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return lines


def escape(text: str) -> str:
    """Markdown for ``text`` printed as typed: special characters escaped, references
    and footnote markers kept as they are."""
    pieces = []
    position = 0
    for match in KEEP.finditer(text):
        pieces.append(MARKDOWN_SPECIAL.sub(r"\\\1", text[position : match.start()]))
        pieces.append(match.group(0))
        position = match.end()
    pieces.append(MARKDOWN_SPECIAL.sub(r"\\\1", text[position:]))
    escaped = "".join(pieces)
    return LINE_START.sub(lambda m: f"{m.group(1)}{_escape_mark(m.group(2))}{m.group(3)}", escaped)


def _escape_mark(mark: str) -> str:
    if mark[-1] in ".)":
        return mark[:-1] + "\\" + mark[-1]
    return "\\" + mark


def _body(report: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for paragraph in [*report.get("grounds", []), *report.get("opening", [])]:
        out += [escape(paragraph), ""]
    for section in report.get("sections", []):
        _section(section, 1, out)
    closing = report.get("closing")
    if closing:
        out += [escape(closing), ""]
    notes = report.get("footnotes") or {}
    for key, value in notes.items():
        out.append(f"[^{key}]: {escape(value)}")
    return _trim_blank(out)


def _section(section: dict[str, Any], level: int, out: list[str]) -> None:
    title = section["title"]
    if level == 1:
        title = _upper_outside_references(title)
    out += [f"{'#' * level} {escape(title)}", ""]
    for block in section.get("body", []):
        if isinstance(block, str):
            out += [escape(block), ""]
        else:
            marker = block.get("marker", "-")
            marker = "*" if marker == "•" else marker
            out += [f"{marker} {escape(item)}" for item in block["bullets"]]
            out.append("")
    if section.get("unit_comparison"):
        out += ["[[units:summary]]", ""]
    for child in section.get("sections", []):
        _section(child, level + 1, out)


def _upper_outside_references(text: str) -> str:
    pieces = []
    position = 0
    for match in KEEP.finditer(text):
        pieces.append(text[position : match.start()].upper())
        pieces.append(match.group(0))
        position = match.end()
    pieces.append(text[position:].upper())
    return "".join(pieces)


def apply(migration: Migration) -> None:
    """Write the report and the data file (the old one kept as ``.bak``); refuses to
    replace a report file or a backup that exists."""
    from ..files import write_atomically

    if migration.report_path.exists():
        raise OutputError(
            f"đã có tệp '{migration.report_path}': không ghi đè (đặt mã khác bằng --id)"
        )
    if migration.backup_path.exists():
        raise OutputError(
            f"đã có bản lưu '{migration.backup_path}': không ghi đè; hãy đổi tên hoặc chuyển "
            "nó đi rồi chạy lại"
        )
    write_atomically(migration.backup_path, migration.data_path.read_bytes())
    write_atomically(migration.report_path, migration.report_text.encode("utf-8"))
    write_atomically(migration.data_path, migration.data_text.encode("utf-8"))
