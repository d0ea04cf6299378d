"""``baocao kiemtra TỆP.docx…``: check each file, print every rule, exit 1 on any error
or a missing file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..errors import Severity
from ..kiemtra.status import Status
from . import console
from .common import ProblemFormat
from .console import escape

if TYPE_CHECKING:
    from ..kiemtra import FileReport

KINDS = {
    "văn bản": "văn bản có phần đầu theo Nghị định 30",
    "phụ lục": "Phụ lục tách riêng",
    "khác": "không có phần đầu văn bản (bảng, tài liệu khác)",
}
COLOURS = {
    Status.PASSED: "green",
    Status.ERROR: "red",
    Status.WARNING: "yellow",
    Status.UNCHECKED: "dim",
}


def kiemtra(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Tệp Word (.docx), thư mục (mọi tệp .docx trong đó) hoặc mẫu tên như out/*.docx.",
            metavar="TỆP",
        ),
    ],
    fmt: Annotated[ProblemFormat, typer.Option("--format", "-f", help="text hoặc json.")] = (
        ProblemFormat.text
    ),
) -> None:
    """Kiểm tra thể thức tệp Word bất kỳ theo Nghị định 30/2020/NĐ-CP."""
    raise typer.Exit(code=run(files, fmt))


def run(paths: list[Path], fmt: ProblemFormat = ProblemFormat.text) -> int:
    """Check ``paths`` (folders and wildcard patterns expanded); 0 when no error, 1 when a
    rule fails, a file is unreadable or a name matches no file."""
    from ..errors import DataFileNotFound
    from ..kiemtra import check
    from ..load.paths import named_files

    files: list[Path] = []
    missing = []
    for path in paths:
        try:
            files += named_files([path], ".docx", "tệp Word .docx")
        except DataFileNotFound as exc:
            missing.append(path)
            console.error(str(exc))
    reports = [check(path) for path in dict.fromkeys(files)]
    if fmt is ProblemFormat.json:
        console.plain(json.dumps(as_json(reports), ensure_ascii=False, indent=2) + "\n")
    else:
        for report in reports:
            print_report(report)
        console.out.print(summary(reports))
    if missing:
        return 1
    return 1 if any(r.error or r.count(Severity.ERROR) for r in reports) else 0


def print_report(report: FileReport) -> None:
    """Failed rules with each finding, then passed rules, then those not checked and why."""
    out = console.out
    out.print(f"[bold]{escape(str(report.path))}[/bold]")
    if report.error:
        out.print(f"  [red]lỗi[/red]: {escape(report.error)}")
        out.print()
        return
    out.print(f"  [dim]Loại: {escape(KINDS.get(report.kind, report.kind))}[/dim]")
    failed = [r for r in report.results if r.status in (Status.ERROR, Status.WARNING)]
    for result in failed:
        colour = COLOURS[result.status]
        rule = result.rule
        out.print(
            f"  [{colour}]{result.status}[/{colour}] [bold]{rule.id}[/bold]: "
            f"{escape(rule.text)} [dim]({escape(rule.clause)})[/dim]"
        )
        for violation in result.violations:
            mark = " [yellow](cảnh báo)[/yellow]" if violation.severity != result.status else ""
            out.print(f"      - {escape(violation.where)}: {escape(violation.detail)}{mark}")
    for result in report.results:
        if result.status is Status.PASSED:
            out.print(f"  [green]đạt[/green] {result.rule.id}: {escape(result.rule.text)}")
    reasons: dict[str, list[str]] = {}
    for result in report.results:
        if result.status is Status.UNCHECKED:
            reasons.setdefault(result.reason, []).append(result.rule.id)
    for reason, ids in reasons.items():
        out.print(f"  [yellow]{Status.UNCHECKED}[/yellow] {', '.join(ids)}: {escape(reason)}")
    out.print()


def summary(reports: list[FileReport]) -> str:
    errors = sum(r.count(Severity.ERROR) + (1 if r.error else 0) for r in reports)
    warnings = sum(r.count(Severity.WARNING) for r in reports)
    statuses = [result.status for r in reports for result in r.results]
    passed = statuses.count(Status.PASSED)
    unchecked = statuses.count(Status.UNCHECKED)
    files = len(reports)
    return (
        f"Tổng kết: {files} tệp, {errors} lỗi, {warnings} cảnh báo; "
        f"{passed} quy tắc đạt, {unchecked} quy tắc không kiểm tra được."
    )


def as_json(reports: list[FileReport]) -> dict[str, Any]:
    files = []
    for report in reports:
        results = [
            {
                "rule": r.rule.id,
                "text": r.rule.text,
                "clause": r.rule.clause,
                "severity": r.rule.severity.value,
                "status": r.status.value,
                "reason": r.reason or None,
                "findings": [
                    {"where": v.where, "detail": v.detail, "severity": str(v.severity)}
                    for v in r.violations
                ],
            }
            for r in report.results
        ]
        files.append(
            {
                "file": str(report.path),
                "kind": report.kind,
                "error": report.error or None,
                "results": results,
            }
        )
    return {"files": files, "summary": summary(reports)}
