"""What a baseline does to a run of 'check': ``--write-baseline`` records today's findings
instead of reporting them; ``--baseline`` (or ``baseline`` in config) hides the findings it
records and counts the entries that have gone stale."""

from __future__ import annotations

from pathlib import Path

import click

from okrlint.cli.app import EXIT_ERROR, EXIT_OK
from okrlint.cli.terminal import echo_input_error
from okrlint.errors import OkrlintError


def configured_baseline(config) -> str | None:
    """The config's ``baseline`` key as a path, relative to the config file."""
    configured = config.extra.get("baseline")
    return str(config.root / configured) if isinstance(configured, str) else None


def write_baseline(report, target: Path, paths: tuple[str, ...]) -> int:
    """Record every finding; exit 0 unless an input could not be read (then 2)."""
    from okrlint import baseline
    from okrlint.i18n import _, ngettext, say

    for f in report.findings:
        if f.code == "OKR000":
            echo_input_error(f, report.language_of(f))
    recorded = baseline.build(report.findings, target)
    baseline.write(recorded, target, [*paths, *(f.path for f in report.files)])
    files = len({key.path for key in recorded.entries})
    wrote = _(
        "Wrote {findings} in {files} to {target}; check with --baseline {target} to see only "
        "new ones.",
        findings=ngettext("{n} finding", "{n} findings", recorded.total),
        files=ngettext("{n} file", "{n} files", files),
        target=str(target),
    )
    click.echo(say(wrote, report.language))
    return EXIT_ERROR if report.has_errors else EXIT_OK


def apply_baseline(report, baseline_file: str | None, config):
    """The report without the findings the baseline records, and the stale entry count.

    ``--baseline`` wins over the config's ``baseline`` key (a path relative to the config).
    """
    if baseline_file is None:
        configured = config.extra.get("baseline")
        if configured is None:
            return report, 0
        if not isinstance(configured, str):
            raise OkrlintError("'baseline' must be a path to a baseline file", config.source)
        baseline_file = str(config.root / configured)
    from dataclasses import replace  # with a baseline in use only

    from okrlint import baseline

    recorded = baseline.load(Path(baseline_file))
    filtered = baseline.apply(report.findings, recorded, [f.path for f in report.files])
    extra = {**report.extra, "baseline": {"matched": filtered.matched, "stale": filtered.stale}}
    return replace(report, findings=filtered.findings, extra=extra), filtered.stale


def baseline_statistics(report, stale: int) -> None:
    """--statistics: how many findings the baseline hid, and how many entries are stale."""
    from okrlint.i18n import ngettext, say

    used = report.extra.get("baseline")
    if used is None:
        return
    hidden = ngettext(
        "{n} known finding hidden by the baseline",
        "{n} known findings hidden by the baseline",
        used["matched"],
    )
    click.echo(say(hidden, report.language))
    if stale:
        old = ngettext(
            "{n} baseline entry is stale (fixed since; write the baseline again)",
            "{n} baseline entries are stale (fixed since; write the baseline again)",
            stale,
        )
        click.echo(say(old, report.language))
