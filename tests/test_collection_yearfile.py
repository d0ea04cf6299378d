"""Figures and task updates written into a year file's text: only the lines that change,
every other byte as typed, and the result read back as written."""

from __future__ import annotations

from datetime import date

from baocao.collection.agencies import task_places
from baocao.load.yaml_careful import parse_yaml
from baocao.load.year_file import year_data
from baocao.model.agencies import Collected
from baocao.yearfile.lines import LineEditor, scalar, text_lines
from baocao.yearfile.observations import Entry, write_figures
from baocao.yearfile.rollover import roll_data
from baocao.yearfile.tasks import TaskUpdate, write_tasks

YEAR = """\
year: 2025
sources:
  bc: "Báo cáo"   # nguồn chính
agencies:
  - {id: so_a, name: Sở A}
metrics:
  - id: ty_le
    name: Tỷ lệ
    unit: "%"
    targets: [{year: 2025, value: 80}]
    evaluation: Chưa đạt   # năm trước
    observations:
      - as_of: "2025-06"
        value: 70
        source: {ref: bc, quote: "70%"}
task_lists:
  - id: nv
    title: Nhiệm vụ
    source: {ref: bc, quote: "Phụ lục"}
    items:
      - {name: "Việc một", time: "2025", collect_from: [Sở A]}
      - name: Việc hai   # giữ ghi chú này
        progress: Đang làm
      # nhóm sau
      - group: Nhóm
        tasks:
          - name: Việc ba
"""
ORIGIN = Collected(agency="so_a", form="BieuMau.xlsx", cell="Nhiệm vụ!I4", date=date(2025, 3, 2))


def edited(updates: list[TaskUpdate] | None = None, entries: list[Entry] | None = None) -> str:
    parsed = parse_yaml(YEAR, "2025.yaml")
    data = year_data(parsed)
    editor = LineEditor(YEAR, parsed)
    if entries:
        write_figures(editor, data, entries, {e.where: "Biểu mẫu" for e in entries})
    if updates:
        write_tasks(editor, updates)
    return editor.result()


def places():
    return list(task_places(year_data(parse_yaml(YEAR, "2025.yaml"))))


def test_a_task_on_one_line_becomes_a_block_of_its_keys():
    first = places()[0]
    text = edited([TaskUpdate(first, "x", {"progress": "Xong: 3/3 việc\ndòng hai"}, ORIGIN)])
    assert (
        "      - name: Việc một\n"
        '        time: "2025"\n'
        "        collect_from: [Sở A]\n"
        "        progress: |-\n"
        "          Xong: 3/3 việc\n"
        "          dòng hai\n"
        '        collected: {agency: so_a, form: "BieuMau.xlsx", cell: Nhiệm vụ!I4, '
        "date: 2025-03-02}\n"
    ) in text
    task = year_data(parse_yaml(text, "x")).task_lists[0].items[0]
    assert task.progress == "Xong: 3/3 việc\ndòng hai" and task.collect_from == ["Sở A"]
    assert task.time == "2025"  # still text, not the number 2025


def test_a_task_in_block_keeps_its_comments_and_other_keys():
    second, third = places()[1:]
    text = edited(
        [
            TaskUpdate(second, "x", {"progress": "Hoàn thành", "result": "Có: 5 văn bản"}),
            TaskUpdate(third, "y", {"time": "Quý II/2025"}),
        ]
    )
    assert "      - name: Việc hai   # giữ ghi chú này\n        progress: Hoàn thành\n" in text
    assert '        result: "Có: 5 văn bản"\n      # nhóm sau\n' in text
    assert "          - name: Việc ba\n            time: Quý II/2025\n" in text
    assert text.replace("Hoàn thành", "Đang làm").count("\n") == YEAR.count("\n") + 2


def test_a_figure_replaces_its_date_and_the_evaluation_follows_it():
    data = year_data(parse_yaml(YEAR, "2025.yaml"))
    entry = Entry(data.metrics[0], "f!G4", "2025-06", value=85, source="bc", collected=ORIGIN)
    text = edited(entries=[entry])
    assert "    evaluation: Đạt\n    observations:\n" in text
    assert "Chưa đạt" not in text
    assert "        value: 85\n" in text and "value: 70" not in text
    assert '  bc: "Báo cáo"   # nguồn chính\n' in text


def test_plain_text_stays_plain_and_the_rest_is_quoted():
    assert scalar("Hoàn thành") == "Hoàn thành"
    for typed in ("2025", "yes", "a: b", "#1", "- gạch", "2025-01-02", "=", " lề"):
        assert scalar(typed).startswith('"'), typed
    assert text_lines("progress", "một\n  hai", 4) == [
        "    progress: |-",
        "      một",
        "        hai",
    ]
    assert text_lines("progress", " một\nhai", 4) == ['    progress: " một\\nhai"']


def test_a_new_year_forgets_where_last_years_updates_came_from():
    second, third = places()[1:]
    text = edited(
        [
            TaskUpdate(second, "x", {"progress": "Hoàn thành"}, ORIGIN),
            TaskUpdate(third, "y", {"progress": "Đang làm dở"}, ORIGIN),
        ]
    )
    assert text.count("collected:") == 2
    rolled = roll_data(text, 2026)
    assert "collected" not in rolled
    assert "progress: Hoàn thành" in rolled  # a task done stays done
    assert "Đang làm dở" not in rolled
