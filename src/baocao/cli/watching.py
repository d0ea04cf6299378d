"""``baocao render --watch``: render again whenever a data, report or template file
changes, and print only what changed since the last round: the files changed, the
problems that appeared, how many went away, the reports whose failure is new, the
documents whose content changed, and one line of totals.

``WatchSession.step`` is one poll of the loop, so tests drive it without waiting;
``watch`` runs it every second until Ctrl+C.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import BaocaoError, Problem
from . import console
from .common import refusal, report_error
from .output import ProblemPrinter

if TYPE_CHECKING:
    from ..commands.render import RenderJob, ReportOutcome
    from ..commands.watch import Watcher

ProblemKey = tuple[str, str, str]
"""A problem without its line and column, which move as lines are added above it."""


def _key(problem: Problem) -> ProblemKey:
    return problem.path, problem.severity.value, problem.message


@dataclass
class Round:
    """What one round of renders left: its problems, each report's failure ("" when
    it succeeded) and a digest of each document written."""

    problems: dict[ProblemKey, Problem] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)
    documents: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, outcomes: list[ReportOutcome]) -> Round:
        done = cls()
        for outcome in outcomes:
            for problem in outcome.problems:
                done.problems.setdefault(_key(problem), problem)
            done.failures[outcome.name] = _failure(outcome) or ""
            for path, _kind in [*outcome.written, *outcome.pdfs]:
                done.documents[path] = _digest(Path(path))
        return done


def _failure(outcome: ReportOutcome) -> str | None:
    return refusal(*outcome.refused) if outcome.refused else outcome.error


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


@dataclass
class WatchSession:
    """The state of ``render --watch`` between two polls."""

    watcher: Watcher
    plan: Callable[[], list[RenderJob]]
    """The jobs to run now (listed again each round: a report may have been added)."""
    run: Callable[[list[RenderJob]], list[ReportOutcome]]
    printer: ProblemPrinter
    last: Round = field(default_factory=Round)

    def step(self) -> bool:
        """One poll: when a file changed, render again and print what changed; whether
        anything did."""
        changed = self.watcher.changes()
        if not changed:
            return False
        console.plain("Đã đổi: " + ", ".join(str(path) for path in changed) + "\n")
        try:
            outcomes = self.run(self.plan())
        except BaocaoError as exc:
            report_error(exc)
            return True
        now = Round.of(outcomes)
        self._print_changes(outcomes, now)
        self.last = now
        return True

    def _print_changes(self, outcomes: list[ReportOutcome], now: Round) -> None:
        appeared = [p for key, p in now.problems.items() if key not in self.last.problems]
        console.problems(ProblemPrinter(self.printer.level).shown(appeared))
        gone = len(self.last.problems.keys() - now.problems.keys())
        if gone and not self.printer.quiet:
            console.plain(f"Đã hết {gone} vấn đề so với lần trước.\n")
        for outcome in outcomes:
            failure = now.failures[outcome.name]
            if failure and failure != self.last.failures.get(outcome.name):
                console.error(f"{outcome.name}: {failure}")
            for path, kind in [] if self.printer.quiet else [*outcome.written, *outcome.pdfs]:
                if now.documents[path] != self.last.documents.get(path):
                    console.wrote(path, kind)
        failed = sum(1 for outcome in outcomes if outcome.failed)
        console.plain(f"{len(outcomes) - failed} văn bản xong, {failed} văn bản lỗi.\n")


pause: Callable[[float], None] = time.sleep
"""How the loop waits between polls (a test replaces it to drive the loop)."""


def watch(session: WatchSession, first: list[ReportOutcome]) -> None:
    """Poll every second, from the ``first`` round's outcomes, until Ctrl+C, which ends
    the watch cleanly."""
    from ..commands.watch import POLL_SECONDS

    session.last = Round.of(first)
    console.plain(
        f"Đang theo dõi {len(session.watcher.seen)} tệp dữ liệu, báo cáo và mẫu: mỗi khi một "
        "tệp được lưu, văn bản được kiểm tra và tạo lại (Ctrl+C để dừng).\n"
    )
    try:
        while True:
            pause(POLL_SECONDS)
            session.step()
    except KeyboardInterrupt:
        console.plain("Đã dừng theo dõi.\n")
