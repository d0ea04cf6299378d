"""``baocao new 2025``: a new year's data and reports from the year before.

The data file is edited round-trip (ruamel.yaml) so its comments and key order
survive: every metric keeps what defines it (id, name, unit, definition, parts,
targets…) and loses what belonged to last year (observations, evaluation, result,
note), marked ``pending: true``; tasks not done lose their progress and result.
Each report is copied with its document settings reset (number blank, date the new
year) and the years of its summary, appendix titles and headings moved on by one;
its prose is left as it was, for ``baocao validate`` to point at what still names
last year.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DataError, DataFileNotFound, OutputError, Problem
from ..files import reason
from ..load.report_file import FRONT_MATTER_FENCE
from ..prose.resolve import is_done
from ..workspace import Workspace

LAST_YEARS = ("observations", "evaluation", "result", "note")
"""A metric's keys that describe last year's figure, not the metric."""
TASK_PROGRESS = ("progress", "result", "evaluation")
YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")
HEADING = re.compile(r"^ {0,3}#{1,6}\s")
TARGET_COLUMN = re.compile(r"target:(\d{4})")


@dataclass
class Rollover:
    """What ``new`` writes: the data file and each report, as text."""

    source_year: int
    year: int
    data_path: Path
    data_text: str
    reports: dict[Path, str] = field(default_factory=dict)


def latest_before(workspace: Workspace, year: int) -> int:
    """The latest year before ``year`` that has a data file."""
    earlier = [int(y) for y in workspace.years() if int(y) < year]
    if not earlier:
        raise DataFileNotFound(
            f"không có tệp dữ liệu năm nào trước năm {year} trong '{workspace.data}' "
            "(chạy 'baocao init' để có dữ liệu mẫu, hoặc chỉ rõ --from NĂM)"
        )
    return max(earlier)


def plan(workspace: Workspace, year: int, source_year: int | None = None) -> Rollover:
    """Everything ``new`` would write, refusing before anything is written when the new
    year already has a data file or a report."""
    source_year = source_year or latest_before(workspace, year)
    if source_year == year:
        raise DataError([Problem(str(year), None, None, "năm nguồn và năm mới trùng nhau")])
    source = workspace.year_path(str(source_year))
    if not source.is_file():
        raise DataFileNotFound(f"không tìm thấy tệp dữ liệu '{source}'")
    target = workspace.year_path(str(year))
    existing = [target] if target.exists() else []
    existing += (
        workspace.report_paths(str(year)) if (workspace.reports / str(year)).is_dir() else []
    )
    if existing:
        raise OutputError(
            f"năm {year} đã có: " + ", ".join(str(p) for p in existing) + ". Không ghi đè; "
            "xóa hoặc đổi tên các tệp này nếu muốn tạo lại."
        )
    planned = Rollover(source_year, year, target, roll_data(_read(source), year))
    for path in workspace.report_paths(str(source_year)):
        name = report_name(path.stem, year - source_year) + path.suffix
        planned.reports[workspace.reports / str(year) / name] = roll_report(
            _read(path), source_year, year
        )
    return planned


def apply(planned: Rollover) -> list[Path]:
    """Write the planned files (never over an existing one); the paths written."""
    written = []
    for path, text in [(planned.data_path, planned.data_text), *planned.reports.items()]:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with path.open("x", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        except FileExistsError as exc:
            raise OutputError(f"'{path}' đã có, không ghi đè.") from exc
        except OSError as exc:
            raise OutputError(f"không ghi được '{path}': {reason(exc)}") from exc
        written.append(path)
    return written


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8-sig")


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long line the user typed on one line
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _dump(yaml: Any, document: Any) -> str:
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue()


def roll_data(text: str, year: int) -> str:
    """The data file of ``year`` made from last year's ``text`` (see the module)."""
    yaml = _yaml()
    document = yaml.load(text)
    source_year = document.get("year")
    step = year - source_year if isinstance(source_year, int) else 0
    document["year"] = year
    for metric in document.get("metrics") or []:
        if metric.get("observations") or metric.get("pending") or not metric.get("targets"):
            _await_figure(metric, year)  # not a plan's metric with targets only
    for unit in (document.get("units") or [])[1:]:
        for metric in unit.get("metrics") or []:
            _await_figure(metric, year)
    for task_list in document.get("task_lists") or []:
        for item in task_list.get("items") or []:
            for task in item.get("tasks") or [] if "group" in item else [item]:
                _reset_task(task, step)
    return _dump(yaml, document)


def _await_figure(metric: Any, year: int) -> None:
    """Drop last year's figure and judgement; mark the metric as awaiting this year's."""
    keys = list(metric.keys())
    position = next((keys.index(k) for k in LAST_YEARS if k in keys), len(keys))
    trailing = _trailing_comments(metric) if keys and keys[-1] in LAST_YEARS else []
    for key in LAST_YEARS:
        if key in metric:
            del metric[key]
    metric.insert(min(position, len(metric)), "pending", True)
    metric.yaml_add_eol_comment(
        f"chờ số liệu năm {year}: thêm 'observations' rồi xóa dòng này", "pending"
    )
    if trailing:
        _append_comments(metric, trailing)
    targets = metric.get("targets")
    if targets:  # a target of a year gone by no longer applies (kept: this year's, later)
        for index in reversed(range(len(targets))):
            if isinstance(targets[index].get("year"), int) and targets[index]["year"] < year:
                del targets[index]
        if not targets:
            del metric["targets"]


def _trailing_comments(node: Any) -> list[Any]:
    """The comment tokens (blank lines, the next section's heading) that ruamel keeps
    at the end of ``node``'s last value, detached so that deleting it loses none."""
    from ruamel.yaml.comments import CommentedBase, CommentedMap, CommentedSeq

    found: list[Any] = []
    if isinstance(node, CommentedMap) and node:
        last: Any = list(node.keys())[-1]
        slot = 2
    elif isinstance(node, CommentedSeq) and node:
        last, slot = len(node) - 1, 0
    else:
        return found
    value = node[last]
    if isinstance(value, CommentedBase):
        found += _trailing_comments(value)
    entry = node.ca.items.get(last)
    if entry and len(entry) > slot and entry[slot] is not None:
        found.append(entry[slot])
        entry[slot] = None
    end = getattr(node.ca, "end", None)
    if end:
        found += list(end)
        node.ca.end = []
    return found


def _append_comments(node: Any, tokens: list[Any]) -> None:
    """Put ``tokens`` back after a metric or task: on its last key's end-of-line comment."""
    last = list(node.keys())[-1]
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    text = "".join((" " * t.column if t.value.startswith("#") else "") + t.value for t in tokens)
    entry = node.ca.items.setdefault(last, [None, None, None, None])
    if entry[2] is None:
        entry[2] = CommentToken(
            text if text.startswith("\n") else "\n" + text, CommentMark(0), None
        )
        return
    token = entry[2]
    token.value = token.value.rstrip("\n") + "\n" + text


def _reset_task(task: Any, step: int) -> None:
    """A task not done starts the year again: its progress and result go, and the
    years of its deadline move on ("Quý II/2024" → "Quý II/2025"). The form an update
    came from (``collected``) belongs to last year's round, done or not."""
    from ..model.year import Task

    done = is_done(Task(name="_", progress=task.get("progress")))
    dropped = ("collected",) if done else (*TASK_PROGRESS, "collected")
    if not done and "time" in task and step > 0:
        task["time"] = _moved(task["time"], step)
    keys = list(task.keys())
    trailing = _trailing_comments(task) if keys and keys[-1] in dropped else []
    for key in dropped:
        if key in task:
            del task[key]
    if trailing and task:
        _append_comments(task, trailing)


def report_name(stem: str, step: int) -> str:
    """A report named for its year ("ke-hoach-cds-2024") is named for the new one."""
    for _ in range(max(step, 0)):
        stem = shift_years(stem)
    return stem


def shift_years(text: str) -> str:
    """Every year 20XX in ``text`` moved on by one (in one pass: 2024→2025, 2025→2026)."""
    return YEAR.sub(lambda m: str(int(m.group(1)) + 1), text)


def roll_report(text: str, source_year: int, year: int) -> str:
    """A report of ``year`` from last year's file: number blank, date the new year,
    years of the summary, appendix titles and headings moved on; signer, recipients
    and prose kept."""
    lines = text.split("\n")
    closing = next(
        (i for i in range(1, len(lines)) if lines[i].strip() == FRONT_MATTER_FENCE), None
    )
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE or closing is None:
        raise DataError([Problem("", 1, 1, "tệp báo cáo thiếu phần khai báo giữa hai dòng '---'")])
    yaml = _yaml()
    front = yaml.load("\n".join(lines[1:closing]))
    step = year - source_year
    if "year" in front:
        front["year"] = year
    document = front.get("document")
    if document is not None:
        if "number" in document:
            document["number"] = None
        if "date" in document:
            document["date"] = year
        if "summary" in document:
            document["summary"] = _moved(document["summary"], step)
    for appendix in front.get("appendices") or []:
        if "title" in appendix:
            appendix["title"] = _moved(appendix["title"], step)
        for part in appendix.get("parts") or []:
            if "heading" in part:
                part["heading"] = _moved(part["heading"], step)
            if isinstance(part.get("table"), dict):
                _move_target_columns(part["table"], year)
    body = [_moved(line, step) if HEADING.match(line) else line for line in lines[closing:]]
    return "\n".join([lines[0], _dump(yaml, front).rstrip("\n"), *body])


def _move_target_columns(table: Any, year: int) -> None:
    """A column of a year gone by (``target:2024``, "Chỉ tiêu năm 2024") becomes the new
    year's, unless the table has that column already; later years (2030) stay."""
    columns = table.get("columns")
    if not isinstance(columns, list):
        return
    headers = table.get("headers") if isinstance(table.get("headers"), dict) else None
    for index in reversed(range(len(columns))):
        column = columns[index]
        found = TARGET_COLUMN.fullmatch(column) if isinstance(column, str) else None
        if found is None or int(found.group(1)) >= year:
            continue
        old = found.group(1)
        moved = _with_year(column, old, year)
        if moved in columns:
            del columns[index]
            if headers is not None and column in headers:
                del headers[column]
            continue
        columns[index] = moved
        if headers is not None and column in headers:
            key = next(k for k in headers if k == column)
            position = list(headers).index(column)
            title = _with_year(headers[column], old, year)
            headers.insert(position, _with_year(key, old, year), title)
            del headers[column]


def _with_year(value: Any, old: str, year: int) -> Any:
    """``value`` with the year ``old`` written as ``year``, keeping its YAML style."""
    if not isinstance(value, str):
        return value
    return _restyled(value, re.sub(rf"(?<!\d){old}(?!\d)", str(year), value))


def _moved(value: Any, step: int) -> Any:
    """``value`` with its years moved on ``step`` years, keeping its YAML style."""
    if not isinstance(value, str):
        return value
    text = value
    for _ in range(step):
        text = shift_years(text)
    return _restyled(value, text)


def _restyled(value: str, text: str) -> str:
    """``text`` as the same kind of YAML string as ``value`` (quoted, folded…)."""
    return type(value)(text) if type(value) is not str else text
