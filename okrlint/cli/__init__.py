"""The command line: the ``okrlint`` command's entry points. It wires readers, engine and
reporters (one module per command beside this one) and owns the exit statuses: ``main`` and
``run`` turn every way out of a command into 0, 1 or 2, never a traceback.

Heavy modules (spaCy, the language layer, Jinja2) are imported inside the commands that
need them, so ``okrlint --help`` and ``okrlint rules`` stay fast.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys

import click

# Each command module adds its command to the group as it is imported.
from okrlint.cli import (  # noqa: F401
    analyse,
    cache,
    check,
    config,
    explain,
    init,
    review,
    rules,
    schema,
    server,
    tree,
)
from okrlint.cli.app import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, cli
from okrlint.cli.terminal import display_path
from okrlint.errors import OkrlintError

__all__ = ["EXIT_ERROR", "EXIT_FINDINGS", "EXIT_OK", "cli", "main", "run"]


def main(argv: list[str] | None = None) -> None:
    """Entry point: map every way out to exit status 0, 1 or 2 — never a traceback."""
    # A run builds hundreds of thousands of small objects that hold no reference cycles, and
    # Python's cycle collector walked all of them again and again: a fifth of a large run's
    # time (20 000 key results: 4.4 s -> 3.6 s), with the same peak memory without it.
    # Reference counting still frees everything; the collector is back on before returning.
    collecting = gc.isenabled()
    gc.disable()
    try:
        code = _run(argv)
    finally:
        if collecting:
            gc.enable()
    sys.exit(code if isinstance(code, int) else 0)


def run() -> None:
    """The ``okrlint`` command: ``main``, then leave without tearing the interpreter down.

    Freeing a large run's objects one by one at exit took a tenth of its time; the operating
    system takes the memory back at once. Everything okrlint writes is flushed or closed by
    then (reports, cache entries, worker processes); ``main`` itself still ends with
    SystemExit for callers in the same process.
    """
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else EXIT_ERROR)
    if sys.stdout is None and code in (EXIT_OK, EXIT_FINDINGS):  # started with it closed
        with contextlib.suppress(Exception):
            click.echo(
                "okrlint: error: cannot write the output: standard output is closed", err=True
            )
        code = EXIT_ERROR
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # closed, a reader that went away, a full disk: say nothing more
            if stream is sys.stdout and code in (EXIT_OK, EXIT_FINDINGS):
                code = EXIT_ERROR  # but never claim success for output that was lost
    os._exit(code)


def _error_line(exc: OkrlintError, argv: list[str] | None) -> str:
    """``okrlint: error: …`` in the language the run was asked to speak (--messages), else
    the user's locale: an error that stops a run belongs to no document."""
    from okrlint.i18n import LANGUAGES, _, language_of_locale, say

    args = list(sys.argv[1:] if argv is None else argv)
    lang = language_of_locale(os.environ) or "en"
    for i, arg in enumerate(args):
        value = arg.partition("=")[2] if arg.startswith("--messages=") else None
        if arg == "--messages" and i + 1 < len(args):
            value = args[i + 1]
        if value in LANGUAGES:
            lang = value
    return say(_("okrlint: error: {problem}", problem=exc.said(lang)), lang)


def _run(argv: list[str] | None) -> int | object:
    try:
        code = cli.main(args=argv, prog_name="okrlint", standalone_mode=False)
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except click.exceptions.Abort:
        click.echo("okrlint: aborted", err=True)
        code = EXIT_ERROR
    except click.ClickException as exc:
        exc.show()
        code = EXIT_ERROR
    except OkrlintError as exc:
        if exc.path and os.path.isabs(exc.path):  # a config found by walking up: say it short
            exc.path = display_path(exc.path)
        click.echo(_error_line(exc, argv), err=True)
        code = EXIT_ERROR
    except BrokenPipeError:
        sys.stderr.close()
        code = EXIT_ERROR
    except OSError as exc:  # standard output on a full disk or a dead terminal
        with contextlib.suppress(Exception):
            click.echo(f"okrlint: error: cannot write the output: {exc.strerror or exc}", err=True)
        code = EXIT_ERROR
    except KeyboardInterrupt:
        click.echo("okrlint: interrupted", err=True)
        code = EXIT_ERROR
    except Exception as exc:  # a bug in okrlint: one line, exit 2, traceback only on request
        if os.environ.get("OKRLINT_DEBUG"):
            raise
        click.echo(
            f"okrlint: internal error: {type(exc).__name__}: {exc} "
            "(set OKRLINT_DEBUG=1 for a traceback, and please report it)",
            err=True,
        )
        code = EXIT_ERROR
    return code
