"""Speed and scale of baocao, measured beside its baselines in one run.

    python benchmarks/run.py            # everything (a few minutes: python-docx is slow)
    python benchmarks/run.py --quick    # skips 20 000 rows, 50 000 metrics, python-docx
                                        # above 1 000 rows, and uses smaller prose

Prints, in order:

- in-process time to render a Phụ lục whose table has 100 … 20 000 indicator rows
  (``benchmarks/synthetic.py``), split into building the context from the data and
  rendering the document, and beside it, in the same run and from the same cells:
  plain docxtpl (the same template restyled with a ``{%tr for %}`` row loop,
  autoescape on), python-docx adding the rows one by one, and the floor: baocao's own
  finished ``document.xml`` and other parts written straight into a zip;
- prose: a report of N and 10 × N paragraphs, each with a figure and a footnote;
- the peak memory (resident set, in a fresh process) of the 10 000-row render;
- the targets (``benchmarks/targets.py``): ``--help``, ``validate`` and ``render`` from
  the shell beside their floors, year files of 1 … 50 000 metrics through the command
  line (time, peak memory, cost per metric), prose growth; each with its limit and
  whether it holds, and by how much and why when it does not.

Times are medians or the best of a few repeats; machines here are shared, so read the
ratios.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import targets  # noqa: E402
from benchmarks.synthetic import validated  # noqa: E402

ROWS = (100, 1_000, 10_000, 20_000)
TEMPLATES = ROOT / "templates"


# --- one Phụ lục, four ways ----------------------------------------------------------


def best(function, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def cell_text(cell: list) -> str:
    return "\n".join("".join(s for s in p if isinstance(s, str)) for p in cell)


def plain_rows(table: dict) -> list[list[str]]:
    return [[cell_text(cell) for cell in row["cells"]] for row in table["rows"]]


def docxtpl_template(columns: int, folder: Path) -> Path:
    """PhuLuc.docx (styles, landscape section, headers) with its body replaced by a title
    and a table whose one body row loops with ``{%tr for %}``."""
    from docx import Document

    document = Document(str(TEMPLATES / "PhuLuc.docx"))
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("sectPr"):
            body.remove(child)
    document.add_paragraph("{{ title }}", style="BC Title")
    table = document.add_table(rows=4, cols=columns)
    for index, cell in enumerate(table.rows[0].cells):
        cell.text = f"{{{{ headers[{index}] }}}}"
    table.rows[1].cells[0].text = "{%tr for row in rows %}"
    for index, cell in enumerate(table.rows[2].cells):
        cell.text = f"{{{{ row[{index}] }}}}"
        cell.paragraphs[0].style = document.styles["BC Table Text"]
    table.rows[3].cells[0].text = "{%tr endfor %}"
    path = folder / "docxtpl_PhuLuc.docx"
    document.save(str(path))
    return path


def render_docxtpl(template: Path, headers: list[str], rows: list[list[str]]) -> bytes:
    from docxtpl import DocxTemplate

    document = DocxTemplate(str(template))
    context = {"title": "PHỤ LỤC", "headers": headers, "rows": rows}
    document.render(context, autoescape=True)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render_python_docx(headers: list[str], rows: list[list[str]]) -> bytes:
    from docx import Document

    document = Document(str(TEMPLATES / "PhuLuc.docx"))
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("sectPr"):
            body.remove(child)
    document.add_paragraph("PHỤ LỤC", style="BC Title")
    table = document.add_table(rows=1, cols=len(headers))
    for cell, title in zip(table.rows[0].cells, headers, strict=True):
        cell.text = title
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def zip_floor(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members.items():
            target.writestr(name, data)
    return buffer.getvalue()


def measure_rows(rows: int, folder: Path, quick: bool) -> dict:
    from baocao.documents.report import build_appendix
    from baocao.render import engine

    checked = validated(folder / f"ws{rows}", rows)
    source, data = checked.require()
    assert checked.year is not None and checked.year.references is not None
    references = checked.year.references
    repeats = 3 if rows <= 1_000 else 2
    template = TEMPLATES / source.settings.appendix_template
    context = build_appendix(source, data, references)

    def ours() -> bytes:
        return engine.appendix_document(context, source.settings, template, None)

    result = {"rows": rows}
    result["context"] = best(lambda: build_appendix(source, data, references), repeats)
    result["ours"] = best(ours, repeats)
    table = context["appendices"][0]["parts"][0]["table"]
    headers, cells = table["headers"], plain_rows(table)
    baseline = docxtpl_template(len(headers), folder)
    result["docxtpl"] = best(lambda: render_docxtpl(baseline, headers, cells), repeats)
    if quick and rows > 1_000:
        result["python-docx"] = None
    else:
        result["python-docx"] = best(lambda: render_python_docx(headers, cells), 1)
    with zipfile.ZipFile(io.BytesIO(ours())) as package:
        members = {name: package.read(name) for name in package.namelist()}
    result["floor"] = best(lambda: zip_floor(members), repeats)
    result["xml_mb"] = len(members["word/document.xml"]) / 1e6
    return result


# --- prose, from the shell -----------------------------------------------------------


def measure_prose(paragraphs: int, folder: Path) -> float:
    """``baocao render`` from the shell of the example report with ``paragraphs`` more
    paragraphs (validation included), as a user runs it."""
    from benchmarks.synthetic import prose_workspace

    report = prose_workspace(folder / f"prose{paragraphs}", paragraphs)
    root = report.parents[2]
    args = ["render", str(report.relative_to(root)), "--out", str(root / "out")]
    return targets.baocao(args, cwd=root, runs=1)


# --- peak memory, each in a fresh process --------------------------------------------


def memory_probe(kind: str, rows: int) -> None:
    """Child process: print the resident set before one render and its peak during it."""
    from baocao.render import engine

    folder = Path(tempfile.mkdtemp())
    checked = validated(folder / "ws", rows)
    source, _data = checked.require()
    context = checked.appendix
    assert context is not None
    table = context["appendices"][0]["parts"][0]["table"]
    headers, cells = table["headers"], plain_rows(table)
    baseline = docxtpl_template(len(headers), folder)
    before = _resident()
    if kind == "ours":
        template = TEMPLATES / source.settings.appendix_template
        engine.appendix_document(context, source.settings, template, None)
    else:
        render_docxtpl(baseline, headers, cells)
    after = _peak()
    shutil.rmtree(folder, ignore_errors=True)
    print(json.dumps({"before": before, "after": after}))


def _resident() -> int:
    """The resident set now, and the peak counter reset to it (Linux), in bytes."""
    status = Path("/proc/self/status")
    if status.is_file():
        Path("/proc/self/clear_refs").write_text("5")  # reset VmHWM to the current VmRSS
        return _status_kib("VmRSS") * 1024
    return _peak()


def _peak() -> int:
    if Path("/proc/self/status").is_file():
        return _status_kib("VmHWM") * 1024
    import resource

    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, else KiB
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


def peak_memory(kind: str, rows: int) -> dict | None:
    if os.name != "posix":
        return None
    result = subprocess.run(
        [sys.executable, __file__, "--memory-probe", kind, str(rows)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


# --- the table -----------------------------------------------------------------------


def seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def ratio(numerator: float | None, denominator: float | None) -> str:
    if numerator is None or denominator is None or denominator == 0:
        return "-"
    return f"{numerator / denominator:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the slowest measurements")
    parser.add_argument("--runs", type=int, default=5, help="shell runs per command")
    parser.add_argument("--memory-probe", nargs=2, metavar=("KIND", "ROWS"), help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.memory_probe:
        memory_probe(options.memory_probe[0], int(options.memory_probe[1]))
        return

    load = f", load average {os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else ""
    print(f"baocao benchmarks: Python {sys.version.split()[0]}, {os.cpu_count()} CPU{load}")
    out = Path(tempfile.mkdtemp(prefix="baocao-bench-"))
    print(f"\nStarting from the shell (median of {options.runs} runs) ...", flush=True)
    goals = targets.startup_targets(out, options.runs)

    print("\nPhụ lục with N indicator rows, in-process (best of repeats, seconds):")
    header = (
        f"  {'rows':>6} {'MB xml':>6} | {'context':>8} {'render':>7} {'total':>7} | "
        f"{'docxtpl':>8} {'py-docx':>8} {'floor':>6} | {'r/docxtpl':>9} "
        f"{'r/py-docx':>9} {'r/floor':>7} {'total/docxtpl':>13}"
    )
    print(header)
    print("  " + "-" * (len(header) - 2))
    results = {}
    folder = Path(tempfile.mkdtemp(prefix="baocao-bench-"))
    for rows in ROWS:
        if options.quick and rows > 10_000:
            continue
        r = measure_rows(rows, folder, options.quick)
        results[rows] = r
        total = r["context"] + r["ours"]
        print(
            f"  {rows:>6} {r['xml_mb']:>6.1f} | {seconds(r['context']):>8} "
            f"{seconds(r['ours']):>7} {seconds(total):>7} | {seconds(r['docxtpl']):>8} "
            f"{seconds(r['python-docx']):>8} {seconds(r['floor']):>6} | "
            f"{ratio(r['ours'], r['docxtpl']):>9} {ratio(r['ours'], r['python-docx']):>9} "
            f"{ratio(r['ours'], r['floor']):>7} {ratio(total, r['docxtpl']):>13}",
            flush=True,
        )
    print("  render: the document from its context (templates, tables, package); context: the")
    print("  cells from the year's data (numbers, references); r/x: render time / baseline x.")
    if 10_000 in results and 20_000 in results:
        growth = results[20_000]["ours"] / results[10_000]["ours"]
        print(
            f"  growth 10 000 → 20 000 rows: render ×{growth:.2f}, total "
            f"×{(results[20_000]['ours'] + results[20_000]['context']) / (results[10_000]['ours'] + results[10_000]['context']):.2f} "  # noqa: E501
            f"(linear: ×2.00; target ≤ ×2.2)"
        )
    if 10_000 in results:
        ours = results[10_000]["ours"]
        floor = results[10_000]["floor"]
        print(f"  10 000 rows: render {ours:.3f} s (target < 0.5 s)")
        if ours >= 0.5:
            print(
                f"  why: the zip floor alone is {floor:.3f} s; the rest is writing every cell as\n"
                "  escaped XML in Python (about 70 000 cells) and the strict parse of the whole\n"
                "  document.xml that guards against corrupt output (issue 6), both linear in rows."
            )

    print(
        "\nProse: a report of N paragraphs (each a figure, bold text and a footnote), "
        "rendered from the shell:"
    )
    sizes = (2_000, 20_000) if options.quick else (10_000, 100_000)
    times = {n: measure_prose(n, folder) for n in sizes}
    small, large = sizes
    for n in sizes:
        print(f"  {n:>7} paragraphs  {times[n]:7.2f} s")
    growth = times[large] / times[small]
    factor = large // small
    print(f"  growth ×{factor}: ×{growth:.2f} (linear: ×{factor}; target ≤ ×{1.3 * factor:.0f})")

    print("\nPeak memory of a 10 000-row render (resident set added, fresh process):")
    for kind in ("ours", "docxtpl"):
        peak = peak_memory(kind, 10_000)
        if peak is None:
            print("  (needs a POSIX system)")
            break
        added = max(0, peak["after"] - peak["before"]) / 2**20
        print(f"  {kind:<8} +{added:6.1f} MiB (process peak {peak['after'] / 2**20:.1f} MiB)")
    print("\nYear files of 1 … 50 000 metrics from the shell ...", flush=True)
    goals += targets.scale_targets(folder, options.quick)
    goals.append(targets.prose_target(times))
    print("\nTargets: each measure beside its limit, from its floor or baseline in this run")
    targets.print_targets(goals)
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
