"""The benchmark script keeps working (its times are never asserted)."""

from __future__ import annotations

from benchmarks.run import measure_rows


def test_one_small_measurement_runs(tmp_path):
    result = measure_rows(100, tmp_path, quick=True)
    assert set(result) >= {"context", "ours", "docxtpl", "python-docx", "floor", "xml_mb"}
    assert all(result[k] > 0 for k in ("context", "ours", "docxtpl", "python-docx", "floor"))
