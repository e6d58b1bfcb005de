"""Where a run's reports go: which format goes to standard output and which to files
(``--format NAME[:FILE]``, ``--output``), and never over a file the run reads or over
another output of the same run."""

from __future__ import annotations

import os
from pathlib import Path

import click

from okrlint.errors import OkrlintError


def default_format() -> str:
    from okrlint.ci import default_format as for_this_ci
    from okrlint.reporters import formatter_names

    return for_this_ci(formatter_names())


def parse_formats(formats: tuple[str, ...], output: str | None) -> list[tuple[str, str | None]]:
    """``--format text --format html:report.html`` -> [(text, None), (html, report.html)]."""
    from okrlint.reporters import formatter_names

    names = formatter_names()
    result: list[tuple[str, str | None]] = []
    for spec in formats or ("text",):
        name, _, dest = spec.partition(":")
        if name not in names:
            raise click.BadParameter(
                f"unknown format {name!r} (choose from {', '.join(names)})", param_hint="--format"
            )
        result.append((name, dest or None))
    unplaced = [i for i, (_, dest) in enumerate(result) if dest is None]
    if output:
        if len(unplaced) != 1:
            raise click.BadParameter(
                "--output needs exactly one --format without its own ':FILE'",
                param_hint="--output",
            )
        result[unplaced[0]] = (result[unplaced[0]][0], output)
    elif len(unplaced) > 1:
        raise click.BadParameter(
            "only one format can go to stdout; give the others a file, e.g. html:report.html",
            param_hint="--format",
        )
    return result


def refuse_outputs_on_inputs(outputs: list[tuple[str, str]], inputs: list[tuple[str, str]]) -> None:
    """Stop before a report or baseline would overwrite a file okrlint reads (a checked file,
    a config file, a baseline in use) or another output of the same run.

    ``outputs`` and ``inputs`` are (what, path) pairs, "what" as the message names it.
    """
    if not outputs:  # nothing written: no need to resolve every checked path
        return
    from okrlint.i18n import _

    read = {_resolved(path): what for path, what in reversed(inputs)}
    seen: dict[Path, str] = {}
    for what, dest in outputs:
        target = _resolved(dest)
        if target in read:
            message = _("refusing to write {what} over {other}", what=what, other=read[target])
            raise OkrlintError(message, dest)
        if target in seen:
            message = _(
                "{what} and {other} would go to the same file", what=what, other=seen[target]
            )
            raise OkrlintError(message, dest)
        seen[target] = what


def _resolved(path: str | Path) -> Path:
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError, ValueError):
        return Path(os.path.abspath(path))


def read_files(report, config) -> list[tuple[str, str]]:
    """Every file the run read: the checked files and the cascade's context files."""
    from okrlint.alignment import context_files
    from okrlint.i18n import _

    checked = [f.path for f in report.files]
    context = [(str(p), _("a cascade context file")) for p in context_files(config, checked)]
    return [*((p, _("a checked file")) for p in checked), *context]


def write_report(rendered: str | bytes, dest: str) -> None:
    """A report (text, or UTF-8 bytes) into its file; a file that cannot be written is an
    input-style error."""
    from okrlint.i18n import _

    try:
        if isinstance(rendered, bytes):
            Path(dest).write_bytes(rendered)
        else:
            Path(dest).write_text(rendered, encoding="utf-8")
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise OkrlintError(_("cannot write report: {reason}", reason=reason), dest) from None
