"""Many forms into one set of figures and task updates, or the conflicts between them.

Two forms giving one metric different figures for the same date, one task different
texts, or one new source different names, are errors naming both files and cells;
so is a form giving another figure than the one another agency sent in an earlier
import (recorded in ``collected``). The same agency sending again corrects its own
figure; the office's own form (no agency) corrects anyone's. Identical answers from
several forms are one answer, recorded as the first form's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..collection.agencies import AgencyIndex
from ..errors import Problem
from ..excel.read_form import FormContent
from ..metrics.printing import observation_text
from ..model.agencies import Collected
from ..model.year import Metric, Observation, YearData
from ..yearfile.observations import Entry
from ..yearfile.tasks import TaskUpdate

NAME_LIMIT = 70


@dataclass
class ReadForm:
    """One form as read, with the agency it came from."""

    path: Path
    content: FormContent

    @property
    def agency(self) -> str | None:
        record = self.content.record
        return record.agency if record else None


@dataclass
class Merged:
    entries: list[Entry] = field(default_factory=list)
    tasks: list[TaskUpdate] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)
    default_quotes: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def merge(forms: Sequence[ReadForm], data: YearData) -> Merged:
    merged = Merged()
    index = AgencyIndex(data.agencies)
    _merge_entries(forms, merged, index)
    _merge_tasks(forms, merged, index)
    _merge_sources(forms, merged)
    for form in forms:
        merged.default_quotes.update(form.content.default_quotes)
    for entry in merged.entries:
        _against_earlier(entry, merged, index)
    return merged


def _label(name: str) -> str:
    return f"«{name[: NAME_LIMIT - 1]}…»" if len(name) > NAME_LIMIT else f"«{name}»"


def _who(index: AgencyIndex, collected: Collected | None) -> str:
    return index.label(collected.agency) if collected else "biểu mẫu chung"


def _shown(metric: Metric, entry: Entry) -> str:
    try:
        return observation_text(metric, entry.observation("biểu mẫu"))
    except Exception:  # noqa: BLE001 - a figure the reader refused is reported there
        return str(entry.value)


def _merge_entries(forms: Sequence[ReadForm], merged: Merged, index: AgencyIndex) -> None:
    first: dict[tuple[str, str], Entry] = {}
    for form in forms:
        for entry in form.content.entries:
            key = (entry.metric.id, entry.as_of)
            earlier = first.get(key)
            if earlier is None:
                first[key] = entry
                merged.entries.append(entry)
            elif earlier.figure != entry.figure:
                merged.problems.append(
                    Problem(
                        entry.where,
                        None,
                        None,
                        f"{_label(entry.metric.name)}: hai biểu mẫu ghi hai số liệu khác nhau "
                        f"cho thời điểm {entry.as_of}: {earlier.where} "
                        f"({_who(index, earlier.collected)}) ghi {_shown(entry.metric, earlier)}, "
                        f"{entry.where} ({_who(index, entry.collected)}) ghi "
                        f"{_shown(entry.metric, entry)}: thống nhất một số liệu, sửa biểu mẫu kia "
                        "(hoặc bỏ nó ra khỏi lần nhập này) rồi nhập lại",
                    )
                )


def _against_earlier(entry: Entry, merged: Merged, index: AgencyIndex) -> None:
    """A figure another agency sent in an earlier import, now contradicted."""
    if entry.collected is None:
        return
    metric = entry.metric
    existing = [o for o in metric.observations if o.as_of == entry.as_of]
    if not existing:
        return
    obs: Observation = existing[-1]
    sent = obs.collected
    if sent is None or sent.agency == entry.collected.agency:
        return
    if (obs.value, obs.numerator, obs.denominator) == entry.figure:
        return
    merged.problems.append(
        Problem(
            entry.where,
            None,
            None,
            f"{_label(metric.name)}: biểu mẫu này ghi {_shown(metric, entry)}, khác số liệu "
            f"{index.label(sent.agency)} đã gửi ({observation_text(metric, obs)}, tệp "
            f"{sent.form}{', ô ' + sent.cell if sent.cell else ''}, nhập ngày "
            f"{sent.date:%d/%m/%Y}): thống nhất với {index.label(sent.agency)}; nếu số mới "
            "đúng, xóa số liệu cũ trong tệp dữ liệu rồi nhập lại",
        )
    )


def _merge_tasks(forms: Sequence[ReadForm], merged: Merged, index: AgencyIndex) -> None:
    by_key: dict[str, TaskUpdate] = {}
    cells: dict[tuple[str, str], tuple[str, TaskUpdate]] = {}
    for form in forms:
        for update in form.content.tasks:
            key = update.place.key
            _task_against_earlier(update, merged, index)
            kept = by_key.setdefault(key, update)
            if kept is not update:
                for name, text in update.fields.items():
                    kept.fields.setdefault(name, text)
            else:
                merged.tasks.append(update)
            for name, text in update.fields.items():
                earlier = cells.setdefault((key, name), (text, update))
                if earlier[0] != text:
                    merged.problems.append(_task_conflict(index, update, earlier[1], name))


def _task_conflict(
    index: AgencyIndex, update: TaskUpdate, earlier: TaskUpdate, name: str
) -> Problem:
    column = {"result": "Kết quả thực hiện", "time": "Thời gian thực hiện"}.get(name, "Tiến độ")
    return Problem(
        update.where,
        None,
        None,
        f"{_label(update.place.task.name)}: hai biểu mẫu ghi khác nhau ở cột {column}: "
        f"{earlier.where} ({_who(index, earlier.collected)}) và {update.where} "
        f"({_who(index, update.collected)}): thống nhất một nội dung (hoặc ghi 'collect_from' "
        "cho nhiệm vụ để chỉ một cơ quan báo cáo) rồi nhập lại",
    )


def _task_against_earlier(update: TaskUpdate, merged: Merged, index: AgencyIndex) -> None:
    sent = update.place.task.collected
    if update.collected is None or sent is None or sent.agency == update.collected.agency:
        return
    overwritten = [k for k in update.fields if update.old(k)]
    if overwritten:
        merged.problems.append(
            Problem(
                update.where,
                None,
                None,
                f"{_label(update.place.task.name)}: biểu mẫu này sửa nội dung mà "
                f"{index.label(sent.agency)} đã gửi (tệp {sent.form}, nhập ngày "
                f"{sent.date:%d/%m/%Y}): thống nhất với {index.label(sent.agency)}; nếu nội "
                "dung mới đúng, sửa trong tệp dữ liệu",
            )
        )


def _merge_sources(forms: Sequence[ReadForm], merged: Merged) -> None:
    added: dict[str, Path] = {}
    for form in forms:
        for key, text in form.content.new_sources.items():
            if key not in merged.sources:
                merged.sources[key], added[key] = text, form.path
            elif merged.sources[key] != text:
                merged.problems.append(
                    Problem(
                        str(form.path),
                        None,
                        None,
                        f"nguồn mới '{key}' có hai tên khác nhau: «{merged.sources[key]}» ở "
                        f"{added[key]}, «{text}» ở {form.path}: đặt mã khác cho một nguồn",
                    )
                )
