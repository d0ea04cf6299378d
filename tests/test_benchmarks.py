"""The benchmark script keeps working (its times are never asserted)."""

from __future__ import annotations

from benchmarks.run import measure_rows

from .helpers import shipped


def test_one_small_measurement_runs(tmp_path):
    result = measure_rows(100, tmp_path, quick=True)
    assert set(result) >= {"context", "ours", "docxtpl", "python-docx", "floor", "xml_mb"}
    assert all(result[k] > 0 for k in ("context", "ours", "docxtpl", "python-docx", "floor"))


def test_the_targets_table_says_which_hold_and_by_how_much_one_does_not():
    from benchmarks.targets import Target, print_targets

    lines: list[str] = []
    print_targets(
        [
            Target("fast enough", 0.2, 0.3, "1.5 × floor 0.200"),
            Target("too slow", 0.6, 0.3, "1.5 × floor 0.200", why="imports"),
            Target("skipped", None, 15.0, "not measured (--quick)"),
        ],
        lines.append,
    )
    fast, slow, over, skipped = lines[2:]
    assert " yes " in fast and " NO " in slow and " - " in skipped
    assert "×2.00 over the limit. imports" in over


def test_the_validate_floor_reads_the_files_validate_reads(in_repo):
    from benchmarks.targets import floor_code

    read: list[str] = []
    real_open = open

    def spying_open(name, *args, **kwargs):
        read.append(str(name))
        return real_open(name, *args, **kwargs)

    exec(floor_code("2024"), {"open": spying_open})
    assert sorted(read) == sorted(
        [f"data/{year}.yaml" for year in (2022, 2023, 2024)]
        + [f"reports/2024/{p.name}" for p in shipped("reports/2024/*.md")]
    )
