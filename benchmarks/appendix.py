"""One Phụ lục whose table has 100 … 20 000 indicator rows (``benchmarks/synthetic.py``),
rendered in-process four ways from the same cells: baocao (building the context from
the data, then the document), plain docxtpl (the same template restyled with a
``{%tr for %}`` row loop, autoescape on), python-docx adding the rows one by one, and
the floor: baocao's own finished ``document.xml`` and other parts written straight
into a zip. Then the peak memory (resident set, in a fresh process) of the 10 000-row
render, ours and docxtpl's.

Times are the best of a few repeats; read the ratios.
"""

from __future__ import annotations

import gc
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

from benchmarks.synthetic import validated  # noqa: E402
from benchmarks.targets import Target  # noqa: E402

ROWS = (100, 1_000, 10_000, 20_000)
TEMPLATES = ROOT / "templates"
HEADER = (
    f"  {'rows':>6} {'MB xml':>6} | {'context':>8} {'render':>7} {'total':>7} | "
    f"{'docxtpl':>8} {'py-docx':>8} {'floor':>6} | {'r/docxtpl':>9} "
    f"{'r/py-docx':>9} {'r/floor':>7} {'total/docxtpl':>13}"
)
SLOW_WHY = (
    "the zip floor is a small part; the rest is writing every cell as escaped XML in "
    "Python (about 70 000 cells) and the strict parse of the whole document.xml that "
    "guards against corrupt output (issue 6), both linear in rows"
)


def best(function, repeats: int) -> float:
    """The fastest of ``repeats`` runs, collected as the command line collects (its
    thresholds), the objects made before it set aside as a fresh process has none: a
    collection would otherwise go through every workspace measured before."""
    from baocao.cli.app import GC_THRESHOLD

    times = []
    previous = gc.get_threshold()
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)
    try:
        for _ in range(repeats):
            start = time.perf_counter()
            function()
            times.append(time.perf_counter() - start)
    finally:
        gc.set_threshold(*previous)
        gc.unfreeze()
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
    repeats = 3 if rows <= 1_000 else 2  # the baselines: docxtpl takes seconds
    template = TEMPLATES / source.settings.appendix_template
    context = build_appendix(source, data, references)

    def ours() -> bytes:
        return engine.appendix_document(context, source.settings, template, None)

    result = {"rows": rows}
    result["context"] = best(lambda: build_appendix(source, data, references), 3)
    result["ours"] = best(ours, 3)
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
        [sys.executable, "-m", "benchmarks.appendix", kind, str(rows)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def ratio(numerator: float | None, denominator: float | None) -> str:
    if numerator is None or denominator is None or denominator == 0:
        return "-"
    return f"{numerator / denominator:.2f}"


def row_line(rows: int, r: dict) -> str:
    total = r["context"] + r["ours"]
    return (
        f"  {rows:>6} {r['xml_mb']:>6.1f} | {seconds(r['context']):>8} "
        f"{seconds(r['ours']):>7} {seconds(total):>7} | {seconds(r['docxtpl']):>8} "
        f"{seconds(r['python-docx']):>8} {seconds(r['floor']):>6} | "
        f"{ratio(r['ours'], r['docxtpl']):>9} {ratio(r['ours'], r['python-docx']):>9} "
        f"{ratio(r['ours'], r['floor']):>7} {ratio(total, r['docxtpl']):>13}"
    )


def rows_table(quick: bool) -> dict[int, dict]:
    """Measure and print each size, as it goes."""
    print("Phụ lục with N indicator rows, in-process (best of repeats, seconds):")
    print(HEADER)
    print("  " + "-" * (len(HEADER) - 2))
    results = {}
    with tempfile.TemporaryDirectory(prefix="baocao-bench-") as folder:
        for rows in ROWS:
            if quick and rows > 10_000:
                continue
            results[rows] = measure_rows(rows, Path(folder), quick)
            print(row_line(rows, results[rows]), flush=True)
    print("  render: the document from its context (templates, tables, package); context: the")
    print("  cells from the year's data (numbers, references); r/x: render time / baseline x.")
    return results


def print_memory() -> None:
    print("Peak memory of a 10 000-row render (resident set added, fresh process):")
    for kind in ("ours", "docxtpl"):
        peak = peak_memory(kind, 10_000)
        if peak is None:
            print("  (needs a POSIX system)")
            return
        added = max(0, peak["after"] - peak["before"]) / 2**20
        print(f"  {kind:<8} +{added:6.1f} MiB (process peak {peak['after'] / 2**20:.1f} MiB)")


def targets(quick: bool) -> list[Target]:
    results = rows_table(quick)
    print_memory()
    ten = results[10_000]
    found = [
        Target(
            "10 000 rows: render the Phụ lục",
            ten["ours"],
            0.5,
            f"limit (zip floor {ten['floor']:.3f})",
            why=SLOW_WHY,
        )
    ]
    if 20_000 in results:
        growth = (results[20_000]["ours"] + results[20_000]["context"]) / (
            ten["ours"] + ten["context"]
        )
        found.append(Target("rows 10 000 → 20 000: growth", growth, 2.2, "linear ×2", unit="×"))
    return found


if __name__ == "__main__":
    memory_probe(sys.argv[1], int(sys.argv[2]))
