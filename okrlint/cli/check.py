"""'okrlint check': one run over files, folders, stdin or ``--text``, from the options the
user gave to the reports it writes and its exit status. Everything the command was asked to
do arrives as one ``CheckOptions``; 'review' runs the same with the review format first."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import click

from okrlint.cli.app import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, cli
from okrlint.cli.baseline import (
    apply_baseline,
    baseline_statistics,
    configured_baseline,
    write_baseline,
)
from okrlint.cli.notices import no_objectives_notices, nothing_to_check
from okrlint.cli.outputs import (
    default_format,
    parse_formats,
    read_files,
    refuse_outputs_on_inputs,
    write_report,
)
from okrlint.cli.settings import MESSAGE_CHOICES, SEVERITIES, Overrides, load_config
from okrlint.cli.terminal import echo_input_error, use_color
from okrlint.errors import OkrlintError


@dataclass(frozen=True)
class CheckOptions:
    """Every option of 'check' (and 'review'), as click parsed it; the field names are the
    options' names (``--fail-level`` -> ``fail_level``)."""

    paths: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    output: str | None = None
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    language: str | None = None
    messages: str | None = None
    fail_level: str | None = None
    exit_zero: bool = False
    fail_under: int | None = None
    allow_empty: bool = False
    statistics: bool = False
    quiet: bool = False
    no_color: bool = False
    config_path: str | None = None
    stdin_filename: str | None = None
    text: str | None = None
    force_exclude: bool = False
    baseline_file: str | None = None
    write_baseline: str | None = None
    progress: bool | None = None
    no_cache: bool = False
    cache_dir: str | None = None
    jobs: int | None = None

    @property
    def overrides(self) -> Overrides:
        return Overrides(
            select=self.select,
            extend_select=self.extend_select,
            ignore=self.ignore,
            fail_level=self.fail_level,
            language=self.language,
            messages=self.messages,
        )


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "--format",
    "-f",
    "formats",
    multiple=True,
    metavar="NAME[:FILE]",
    help="Output format: text (default), json, sarif, github, gitlab, junit, html or review. "
    "Repeat to write several, e.g. --format text --format html:report.html.",
)
@click.option("--output", "-o", metavar="FILE", help="Write the report to FILE instead of stdout.")
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help="Only these rules (codes, prefixes or names; comma-separated).",
)
@click.option(
    "--extend-select", multiple=True, metavar="RULES", help="Rules to add to the selection."
)
@click.option("--ignore", multiple=True, metavar="RULES", help="Rules to skip.")
@click.option(
    "--language",
    type=click.Choice(["en", "nb"]),
    help="Language of the input (default: from the file, config, or detected).",
)
@click.option(
    "--messages",
    type=click.Choice(MESSAGE_CHOICES),
    help="Language of okrlint's messages: en, nb, or auto (default: each file's own language; "
    "the summary in the language of most files; also 'messages' in config).",
)
@click.option(
    "--fail-level",
    type=click.Choice(SEVERITIES),
    help="Lowest severity that makes the exit status 1 (default: warning).",
)
@click.option(
    "--exit-zero",
    is_flag=True,
    help="Exit 0 even when there are findings (input errors still exit 2).",
)
@click.option(
    "--fail-under",
    type=click.IntRange(0, 100),
    metavar="N",
    help="Exit 1 when the overall quality score (0-100) is below N, even with --exit-zero.",
)
@click.option(
    "--allow-empty",
    is_flag=True,
    help="Exit 0 when the folders given hold no OKR file (default: exit 2, with what was "
    "looked for), e.g. for a repository that has no OKRs yet.",
)
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule.")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only, no summary.")
@click.option("--no-color", is_flag=True, help="Never colour the output (also: NO_COLOR=1).")
@click.option(
    "--config",
    "config_path",
    metavar="FILE",
    help="Use this config file instead of searching for one.",
)
@click.option(
    "--stdin-filename",
    metavar="NAME",
    help="The file name to report for input read from stdin ('-').",
)
@click.option(
    "--text",
    "text",
    metavar="TEXT",
    help="Check this text instead of files, as if it came on stdin: "
    "okrlint check --text 'Øke salget med flere kunder'.",
)
@click.option(
    "--force-exclude",
    is_flag=True,
    help="Apply config 'exclude' patterns to files named on the command line too (for pre-commit).",
)
@click.option(
    "--baseline",
    "baseline_file",
    metavar="FILE",
    help="Report only findings not recorded in this baseline (see --write-baseline).",
)
@click.option(
    "--write-baseline",
    metavar="FILE",
    help="Record today's findings in FILE and exit 0, to adopt okrlint without fixing "
    "everything first.",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar on stderr (default: on a terminal, for over 20 files, not in CI).",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Neither read nor write the cache of results for unchanged files.",
)
@click.option(
    "--cache-dir",
    metavar="DIR",
    envvar="OKRLINT_CACHE_DIR",
    help="Where to keep the cache (default: .okrlint_cache next to the config file; "
    "also OKRLINT_CACHE_DIR).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    metavar="N",
    help="Check files in N processes, at most one per core; 0 means one per core "
    "(default: one per core for large inputs, else 1).",
)
def check(**params) -> int:
    """Check OKR files, folders or stdin ('-').

    A folder expands to its OKR files: *.okr.yaml, *.okr.yml, *.okr.md, *.okr.txt,
    *.okr.csv, *.okr.tsv, *.okr.xlsx and files of those kinds under a folder named okrs/ or
    OKR/ (change with 'include' in config). With no PATHS, the current folder is checked.
    """
    return check_files(CheckOptions(**params))


def check_files(options: CheckOptions) -> int:
    """The run 'check' and 'review' make: check, write the reports, say the exit status."""
    from okrlint.i18n import _

    if options.text is not None and options.paths:
        raise click.UsageError("--text takes no PATHS: check either the text or files")
    paths = ("-",) if options.text is not None else options.paths or (".",)
    config = options.overrides.apply(load_config(options.config_path, paths))
    targets = parse_formats(options.formats or (default_format(),), options.output)
    written = [(_("the {format} report", format=name), dest) for name, dest in targets if dest]
    if options.write_baseline:
        written.append((_("the baseline"), options.write_baseline))
    # --write-baseline records afresh and reads no baseline: rewriting the one in use is fine
    used_baseline = (
        None if options.write_baseline else options.baseline_file or configured_baseline(config)
    )
    checked = _("a checked file")
    inputs = [(p, checked) for p in paths if p != "-"]
    inputs += [(config.source, _("the config file"))] if config.source else []
    inputs += [(used_baseline, _("the baseline in use"))] if used_baseline else []
    refuse_outputs_on_inputs(written, inputs)
    report = _run(paths, config, options)
    refuse_outputs_on_inputs(written, read_files(report, config))
    if options.write_baseline:
        return write_baseline(report, Path(options.write_baseline), paths)
    report, stale = apply_baseline(report, options.baseline_file, config)
    _write_reports(report, targets, options)
    no_objectives_notices(report)
    if options.statistics:
        from okrlint.reporters.text import statistics as stats_table

        click.echo(stats_table(report))
        baseline_statistics(report, stale)
    _job_summary(report)
    return _exit_status(report, paths, config, options)


def _run(paths: tuple[str, ...], config, options: CheckOptions):
    """The report of checking ``paths``, with a progress bar on stderr when one is wanted."""
    from okrlint.runner import RunOptions
    from okrlint.runner import check as run_check

    bar = _progress_bar(options.progress)
    run_options = RunOptions(
        stdin_filename=options.stdin_filename,
        language=options.language,
        force_exclude=options.force_exclude,
        progress=bar,
        use_cache=not options.no_cache,
        cache_dir=options.cache_dir,
        jobs=options.jobs,
        text=options.text,
    )
    try:
        return run_check(paths, config, run_options)
    finally:
        if bar is not None:
            bar.close()


def _write_reports(report, targets: list[tuple[str, str | None]], options: CheckOptions) -> None:
    """Each report to its file or to stdout; an input error not shown in a text report on
    stdout is said on stderr, so it is never lost in a file or a machine format."""
    from okrlint.reporters import render, render_bytes

    text_on_stdout = False
    same_bytes = os.linesep == "\n"  # no newline translation: bytes are what text would be
    for name, dest in targets:
        if dest is None:
            color = use_color(sys.stdout, options.no_color)
            data = render_bytes(name, report, color=color) if _utf8_stdout() else None
            if data is None:
                data = render(name, report, color=color, quiet=options.quiet)
            click.echo(data, nl=False)
            text_on_stdout = text_on_stdout or name == "text"
        else:
            data = render_bytes(name, report) if same_bytes else None
            write_report(render(name, report, color=False) if data is None else data, dest)
    if not text_on_stdout:
        for f in report.findings:
            if f.code == "OKR000":
                echo_input_error(f, report.language_of(f))


def _utf8_stdout() -> bool:
    """Whether bytes written to stdout's buffer read the same as its text would: UTF-8,
    with no newline translation."""
    import codecs

    encoding = getattr(sys.stdout, "encoding", None)
    if os.linesep != "\n" or not encoding or getattr(sys.stdout, "buffer", None) is None:
        return False
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def _exit_status(report, paths: tuple[str, ...], config, options: CheckOptions) -> int:
    if (
        not report.files
        and not options.allow_empty
        and nothing_to_check(paths, config, report.language)
    ):
        return EXIT_ERROR
    if report.has_errors:
        return EXIT_ERROR
    if _below_score(report, options.fail_under):
        return EXIT_FINDINGS
    if options.exit_zero:
        return EXIT_OK
    return report.exit_code


def _below_score(report, fail_under: int | None) -> bool:
    """--fail-under: the overall quality score is below the bar (said on stderr)."""
    from okrlint.i18n import _, say

    score = report.overall_score
    if fail_under is None or score is None or score >= fail_under:
        return False
    said = _("quality score {score} is below --fail-under {bar}", score=score, bar=fail_under)
    click.echo(f"okrlint: {say(said, report.language)}", err=True)
    return True


def _progress_bar(progress: bool | None):
    from okrlint.progress import ProgressBar, progress_bar

    if progress is None:
        return progress_bar(sys.stderr)
    return ProgressBar(sys.stderr) if progress else None


def _job_summary(report) -> None:
    """On GitHub Actions: append a Markdown summary to $GITHUB_STEP_SUMMARY (never fatal)."""
    if not os.environ.get("GITHUB_STEP_SUMMARY"):  # elsewhere there is nothing to import
        return
    from okrlint.ci import write_job_summary

    try:
        write_job_summary(report)
    except OkrlintError as exc:
        click.echo(f"okrlint: warning: {exc}", err=True)
