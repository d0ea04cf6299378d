"""Rules on agencies: the list names each agency once, every lead is found in it, and
the agencies asked for a figure (``collect_from``) and those it came from exist.

A year without ``agencies`` is not checked: the list is needed only for a collection
round (``baocao form --by-agency``), and leads stay free text until then.
"""

from __future__ import annotations

from ..collection.agencies import normal, split_names, task_places
from ..errors import Severity
from ..load.yaml_positions import PathKey
from ..load.year_file import closest
from .checker import Checker


def check_agency_list(c: Checker) -> None:
    ids: dict[str, int] = {}
    names: dict[str, str] = {}
    for index, agency in enumerate(c.data.agencies):
        at: PathKey = ("agencies", index)
        if agency.id in ids:
            c.add(at + ("id",), f"mã cơ quan '{agency.id}' bị lặp (đã có ở mục {ids[agency.id]})")
        ids.setdefault(agency.id, index + 1)
        for key, name in (("name", agency.name), ("short_name", agency.short_name)):
            if not name:
                continue
            seen = names.get(normal(name))
            if seen is not None and seen != agency.id:
                c.add(at + (key,), f"tên '{name}' đã dùng cho cơ quan '{seen}'")
            names.setdefault(normal(name), agency.id)


def check_leads(c: Checker) -> None:
    """A lead not in ``agencies`` is a warning: its figures go to no agency's form."""
    if not c.data.agencies:
        return
    index = c.agencies
    places: list[tuple[PathKey, str | None]] = [
        (("metrics", i, "lead"), m.lead) for i, m in enumerate(c.data.metrics)
    ]
    places += [(("task_lists", i, "lead"), t.lead) for i, t in enumerate(c.data.task_lists)]
    places += [(p.path + ("lead",), p.task.lead) for p in task_places(c.data)]
    for at, lead in places:
        for name in split_names(lead):
            if index.find(name) is None:
                c.add(
                    at,
                    f"cơ quan chủ trì '{name}' không có trong danh sách 'agencies'"
                    f"{_suggestion(c, name)}: viết đúng tên hoặc tên ngắn trong danh sách, "
                    "hoặc thêm cơ quan này vào 'agencies'",
                    Severity.WARNING,
                )


def check_collection(c: Checker) -> None:
    """``collect_from`` names agencies of the list; ``collected`` an agency that exists."""
    index = c.agencies
    declared: list[tuple[PathKey, list[str]]] = [
        (("metrics", i, "collect_from"), m.collect_from) for i, m in enumerate(c.data.metrics)
    ]
    declared += [(p.path + ("collect_from",), p.task.collect_from) for p in task_places(c.data)]
    for at, names in declared:
        for position, name in enumerate(names):
            if index.find(name) is None:
                c.add(
                    at + (position,),
                    f"'collect_from' ghi cơ quan '{name}' không có trong danh sách 'agencies'"
                    f"{_suggestion(c, name)}",
                )
    records: list[tuple[PathKey, str]] = [
        (at + ("collected", "agency"), obs.collected.agency)
        for at, _metric, obs in c.observations()
        if obs.collected is not None
    ]
    records += [
        (p.path + ("collected", "agency"), p.task.collected.agency)
        for p in task_places(c.data)
        if p.task.collected is not None
    ]
    for at, agency_id in records:
        if agency_id not in index.by_id:
            c.add(
                at,
                f"số liệu nhập từ biểu mẫu của cơ quan '{agency_id}', nay không còn trong "
                "danh sách 'agencies'",
                Severity.WARNING,
            )


def _suggestion(c: Checker, name: str) -> str:
    choices = [a.name for a in c.data.agencies] + [
        a.short_name for a in c.data.agencies if a.short_name
    ]
    near = closest(name, choices)
    return f" (gần giống: '{near}')" if near else ""


def waiting_for(c: Checker, lead: str | None, collect_from: list[str]) -> str:
    """The agencies a pending figure waits for, as a message says them: short names
    from the list, or the lead as written."""
    names = collect_from or split_names(lead)
    if not names:
        return ""
    index = c.agencies
    shown = []
    for name in names:
        agency = index.find(name)
        shown.append(agency.label if agency else name)
    return "; ".join(dict.fromkeys(shown))
