"""How the command line shows things to the person at the terminal: colour only on a
terminal that wants it, paths relative to the current folder, and an input that could not
be read as one line on stderr, free of control codes."""

from __future__ import annotations

import os
from pathlib import Path

import click


def use_color(stream, no_color: bool) -> bool:
    if no_color or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def display_path(path: str) -> str:
    try:
        return Path(path).resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path


def echo_input_error(f, lang: str | None = None) -> None:
    """An OKR000 line on stderr; path and message may carry user text, so no control codes."""
    from okrlint.i18n import say
    from okrlint.reporters.sanitize import one_line

    message = one_line(say(f.message, lang or f.language))
    click.echo(f"{one_line(f.path)}:{f.span.line}: OKR000 {message}", err=True)
