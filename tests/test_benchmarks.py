"""The benchmark scripts keep working (their times are never asserted)."""

from __future__ import annotations

import sys

import pytest

from benchmarks import run
from benchmarks.appendix import measure_rows
from benchmarks.targets import Limit, Probe, Ratio, Shell, Target, print_targets, run_once

from .helpers import shipped


def test_one_small_measurement_runs(tmp_path):
    result = measure_rows(100, tmp_path, quick=True)
    assert set(result) >= {"context", "ours", "docxtpl", "python-docx", "floor", "xml_mb"}
    assert all(result[k] > 0 for k in ("context", "ours", "docxtpl", "python-docx", "floor"))


def test_the_targets_table_says_which_hold_and_by_how_much_one_does_not():
    lines: list[str] = []
    print_targets(
        [
            Target("fast enough", 0.2, 0.3, "1.5 × floor 0.200", spread=(0.19, 0.25)),
            Target("too slow", 0.6, 0.3, "1.5 × floor 0.200", why="imports"),
            Target("skipped", None, 15.0, "not measured (--quick)"),
        ],
        lines.append,
    )
    fast, slow, over, skipped = lines[2:]
    assert " yes " in fast and " NO " in slow and " - " in skipped
    assert "0.200 s (0.190–0.250)" in fast
    assert "×2.00 over the limit. imports" in over


def test_a_row_makes_its_limit_from_the_medians_of_its_floor():
    measured = {"cmd": [0.31, 0.2, 0.4], "a": [0.1, 0.2, 0.3], "b": [1.0, 1.0, 5.0]}
    ratio = Ratio("x", "cmd", floor=("a", "b"), times=1.5, plus=0.1).target(measured)
    assert (ratio.measured, ratio.spread) == (0.31, (0.2, 0.4))
    assert ratio.limit == pytest.approx(1.5 * (0.2 + 1.0) + 0.1)
    assert ratio.basis == "1.5 × a + b 1.200 + 0.1"
    named = Ratio("y", "cmd", floor=("a",), times=150, describe="1.5 × 100 × a").target(measured)
    assert (named.limit, named.basis) == (pytest.approx(30.0), "1.5 × 100 × a 0.200")
    limit = Limit("z", "b", 2.0).target(measured)
    assert (limit.measured, limit.holds) == (1.0, True)


def test_a_probe_reports_the_number_it_prints_and_a_failure_stops():
    assert run_once(Probe([sys.executable, "-c", "print('warm'); print(0.25)"])) == 0.25
    with pytest.raises(SystemExit, match="exited 1: hỏng"):
        run_once(Shell([sys.executable, "-c", "import sys; sys.exit('hỏng')"]))


def test_run_includes_every_module_that_defines_targets(tmp_path, monkeypatch):
    package = tmp_path / "benchfake"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "synthetic.py").write_text("def targets(quick): raise AssertionError\n", "utf-8")
    (package / "helpers.py").write_text("X = 1\n", encoding="utf-8")
    (package / "zeta.py").write_text(
        "from benchmarks.targets import Target\n"
        "def targets(quick):\n"
        "    return [Target('zeta', 1.0 if quick else 2.0, 1.5, 'limit')]\n",
        encoding="utf-8",
    )
    (package / "startup.py").write_text("import khong_co_module\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    found = list(run.target_modules(package, "benchfake"))
    assert [name for name, _measure in found] == ["startup", "zeta"]  # ORDER first
    broken, zeta = (run.run_module(name, measure, True) for name, measure in found)
    assert [t.name for t in broken] == ["startup: failed"]
    assert "khong_co_module" in broken[0].basis
    assert [(t.name, t.measured, t.holds) for t in zeta] == [("zeta", 1.0, True)]
    only = list(run.target_modules(package, "benchfake", only=["zeta"]))
    assert [name for name, _measure in only] == ["zeta"]


def test_the_validate_floor_reads_the_files_validate_reads(in_repo):
    from benchmarks.startup import floor_code

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
