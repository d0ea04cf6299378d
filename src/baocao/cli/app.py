"""The baocao command line: the typer app, every command registered by name, and the
process's entry point."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer

from . import collection, compare, convert, documents, excel, i18n, kiemtra, machine, workspace
from .common import handled

i18n.install()

SUMMARY = (
    "Soạn văn bản hành chính có số liệu (báo cáo, kế hoạch, tờ trình, công văn… và Phụ lục) "
    "từ dữ liệu YAML, theo thể thức Nghị định 30/2020/NĐ-CP."
)

app = typer.Typer(
    name="baocao",
    help=SUMMARY,
    add_completion=True,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)


def _show_version(asked: bool) -> None:
    if asked:
        from .. import __version__

        typer.echo(f"baocao {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            callback=_show_version,
            is_eager=True,
            help="In phiên bản của baocao rồi thoát.",
        ),
    ] = False,
) -> None:
    """Soạn văn bản hành chính có số liệu từ dữ liệu YAML theo Nghị định 30/2020/NĐ-CP."""


COMMANDS: dict[str, Callable[..., None]] = {
    "validate": documents.validate,
    "schema": documents.schema,
    "render": documents.render,
    "migrate": documents.migrate,
    "convert": convert.convert,
    "diff": compare.diff,
    "compare": compare.compare,
    "init": workspace.init,
    "new": workspace.new,
    "kiemtra": kiemtra.kiemtra,
    "kiemtra-may": machine.kiemtra_may,
    "form": excel.form,
    "import": excel.import_form,
    "status": collection.status,
    "export": excel.export,
}
"""Every command, in the order ``baocao --help`` lists them."""

for name, function in COMMANDS.items():
    app.command(name)(handled(function))


GC_THRESHOLD = (100_000, 50, 100)
"""A short-lived process building many small objects (YAML events, models, XML
strings): collect young objects less often, about a tenth of the run time."""


def main() -> None:
    """Console-script entry point."""
    import gc

    gc.set_threshold(*GC_THRESHOLD)
    _stop_as_on_ctrl_c()
    try:
        app()
    except SystemExit as done:
        _leave(done.code)
        raise


def _stop_as_on_ctrl_c() -> None:
    """SIGTERM (a task manager, a stopping service, ``kill``) and SIGHUP (the terminal
    closed) stop a run as Ctrl+C does: files being written keep their old content and
    the temporary files are removed, instead of the process vanishing mid-write."""
    import signal

    def interrupt(_number: int, _frame: object) -> None:
        raise KeyboardInterrupt

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, interrupt)


def _leave(code: object) -> None:
    """Exit without tearing the interpreter down when nothing else runs: the exit
    handlers run and the output is flushed, but the objects of this short-lived process
    are left to the operating system instead of being freed one by one (about a tenth
    of ``baocao validate``). With another thread or a child process still alive, the
    normal exit waits for them."""
    import atexit
    import os
    import sys
    import threading

    pool = sys.modules.get("multiprocessing")
    if threading.active_count() > 1 or (pool is not None and pool.active_children()):
        return
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    os._exit(code or 0)
