"""The command line. It wires readers, engine and reporters and owns exit codes:

0  nothing at or above the fail level
1  findings at or above the fail level
2  usage, config or input error (never a traceback)

Heavy modules (spaCy, the language layer, Jinja2) are imported inside the
commands that need them, so ``okrlint --help`` and ``okrlint rules`` stay fast.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from pathlib import Path

import click

from okrlint import __version__
from okrlint.errors import OkrlintError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SEVERITIES = ("info", "warning", "error")
MESSAGE_CHOICES = ("en", "nb", "auto")


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    """``--select A,B --select C`` -> (A, B, C)."""
    return tuple(p.strip() for v in values for p in v.split(",") if p.strip())


def use_color(stream, no_color: bool) -> bool:
    if no_color or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


class OkrlintGroup(click.Group):
    def list_commands(self, ctx):  # in the order a newcomer needs them
        order = [
            "check",
            "review",
            "rules",
            "explain",
            "analyse",
            "tree",
            "schema",
            "init",
            "config",
            "server",
        ]
        known = super().list_commands(ctx)
        return [c for c in order if c in known] + [c for c in known if c not in order]


@click.group(
    cls=OkrlintGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, "-V", "--version", prog_name="okrlint")
def cli() -> None:
    """Check OKR documents (Objectives and Key Results) for the anti-patterns that make
    them hard to act on: objectives that are really key results, key results without a
    number, baseline or target, vague words, activities posing as results, and more.

    Reads YAML, Markdown and plain text, in English and Norwegian Bokmål.

    \b
    Examples:
      okrlint check okrs/                 check every OKR file under okrs/
      okrlint check draft.md              review one draft
      cat draft.txt | okrlint check -     read from stdin
      okrlint check --text "Øke salget"   check one draft key result
      okrlint rules                       list the rules
      okrlint explain OKR201              what a rule checks and how to fix it
      okrlint analyse "Cut churn to 3 %"  what okrlint reads in a text

    Exit status: 0 clean, 1 findings at or above --fail-level, 2 usage, config or input error.
    """


def _load_config(config_path: str | None, paths: tuple[str, ...]):
    from okrlint.config import find_config, load_config_file
    from okrlint.i18n import _

    if config_path:
        found = load_config_file(Path(config_path))
        if found is None:
            message = _("{path} has no [tool.okrlint] section", path=config_path)
            raise OkrlintError(message, config_path)
        return found
    start = next((Path(p) for p in paths if p != "-"), Path.cwd())
    return find_config(start if start.exists() else Path.cwd())


def _parse_formats(formats: tuple[str, ...], output: str | None) -> list[tuple[str, str | None]]:
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
def check(
    paths,
    formats,
    output,
    select,
    extend_select,
    ignore,
    language,
    messages,
    fail_level,
    exit_zero,
    fail_under,
    allow_empty,
    statistics,
    quiet,
    no_color,
    config_path,
    stdin_filename,
    text,
    force_exclude,
    baseline_file,
    write_baseline,
    progress,
    no_cache,
    cache_dir,
    jobs,
):
    """Check OKR files, folders or stdin ('-').

    A folder expands to its OKR files: *.okr.yaml, *.okr.yml, *.okr.md, *.okr.txt,
    *.okr.csv, *.okr.tsv, *.okr.xlsx and files of those kinds under a folder named okrs/ or
    OKR/ (change with 'include' in config). With no PATHS, the current folder is checked.
    """
    from okrlint.i18n import _
    from okrlint.model import Severity
    from okrlint.reporters import render
    from okrlint.reporters.text import statistics as stats_table
    from okrlint.runner import RunOptions
    from okrlint.runner import check as run_check

    if text is not None and paths:
        raise click.UsageError("--text takes no PATHS: check either the text or files")
    paths = ("-",) if text is not None else paths or (".",)
    config = _load_config(config_path, paths)
    config = config.with_overrides(
        select=_split(select) or None,
        extend_select=(config.extend_select + _split(extend_select)) if extend_select else None,
        ignore=(config.ignore + _split(ignore)) if ignore else None,
        fail_level=Severity.parse(fail_level) if fail_level else None,
        language=language,
        messages=messages,
    )
    targets = _parse_formats(formats or (_default_format(),), output)
    written = [(_("the {format} report", format=name), dest) for name, dest in targets if dest]
    if write_baseline:
        written.append((_("the baseline"), write_baseline))
    # --write-baseline records afresh and reads no baseline: rewriting the one in use is fine
    used_baseline = None if write_baseline else baseline_file or _configured_baseline(config)
    inputs = [(p, _("a checked file")) for p in paths if p != "-"]
    inputs += [(config.source, _("the config file"))] if config.source else []
    inputs += [(used_baseline, _("the baseline in use"))] if used_baseline else []
    _refuse_outputs_on_inputs(written, inputs)
    bar = _progress_bar(progress)
    options = RunOptions(
        stdin_filename=stdin_filename,
        language=language,
        force_exclude=force_exclude,
        progress=bar,
        use_cache=not no_cache,
        cache_dir=cache_dir,
        jobs=jobs,
        text=text,
    )
    try:
        report = run_check(paths, config, options)
    finally:
        if bar is not None:
            bar.close()
    _refuse_outputs_on_inputs(written, _read_files(report, config))
    if write_baseline:
        return _write_baseline(report, Path(write_baseline), paths)
    report, stale = _apply_baseline(report, baseline_file, config)

    text_on_stdout = False
    for name, dest in targets:
        if dest is None:
            color = use_color(sys.stdout, no_color)
            rendered = render(name, report, color=color)
            if quiet and name == "text":
                rendered = (
                    "".join(line + "\n" for line in rendered.splitlines() if line and ":" in line)
                    if report.findings
                    else ""
                )
            click.echo(rendered, nl=False)
            text_on_stdout = text_on_stdout or name == "text"
        else:
            rendered = render(name, report, color=False)
            try:
                Path(dest).write_text(rendered, encoding="utf-8")
            except OSError as exc:
                reason = exc.strerror or str(exc)
                raise OkrlintError(
                    _("cannot write report: {reason}", reason=reason), dest
                ) from None
    if not text_on_stdout:
        for f in report.findings:
            if f.code == "OKR000":
                _echo_input_error(f, report.language_of(f))
    _no_objectives_notices(report)
    if statistics:
        click.echo(stats_table(report))
        _baseline_statistics(report, stale)
    _job_summary(report)
    if not report.files and not allow_empty and _nothing_to_check(paths, config, report.language):
        return EXIT_ERROR
    if report.has_errors:
        return EXIT_ERROR
    if _below_score(report, fail_under):
        return EXIT_FINDINGS
    if exit_zero:
        return EXIT_OK
    return report.exit_code


def _refuse_outputs_on_inputs(
    outputs: list[tuple[str, str]], inputs: list[tuple[str, str]]
) -> None:
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


def _read_files(report, config) -> list[tuple[str, str]]:
    """Every file the run read: the checked files and the cascade's context files."""
    from okrlint.alignment import context_files
    from okrlint.i18n import _

    checked = [f.path for f in report.files]
    context = [(str(p), _("a cascade context file")) for p in context_files(config, checked)]
    return [*((p, _("a checked file")) for p in checked), *context]


def _configured_baseline(config) -> str | None:
    configured = config.extra.get("baseline")
    return str(config.root / configured) if isinstance(configured, str) else None


def _echo_input_error(f, lang: str | None = None) -> None:
    """An OKR000 line on stderr; path and message may carry user text, so no control codes."""
    from okrlint.i18n import say
    from okrlint.reporters.sanitize import one_line

    message = one_line(say(f.message, lang or f.language))
    click.echo(f"{one_line(f.path)}:{f.span.line}: OKR000 {message}", err=True)


def _no_objectives_notices(report) -> None:
    """A notice on stderr for each readable file with nothing in it (exit status kept): a
    Markdown page or a text file without OKRs found in a folder is no error, but the user
    should know nothing in it was checked (a named file gets a no-okrs-found finding
    instead). And a note for key results read under no objective (bare text)."""
    from okrlint.i18n import _, say
    from okrlint.reporters.sanitize import one_line

    reported = {f.path for f in report.findings if f.rule == "no-okrs-found"}
    for result in report.files:
        if result.errors:
            continue
        lang = report.file_language(result)
        if not result.objectives and not result.key_results:
            if result.path not in reported:
                notice = say(_("no objectives found"), lang)
                click.echo(f"{one_line(result.path)}: {notice}", err=True)
            continue
        unnamed = sum(
            len(o.key_results) for d in result.documents for o in d.objectives if o.unnamed
        )
        if unnamed:
            note = say(_unnamed_note(result.format, unnamed), lang)
            click.echo(f"{one_line(result.path)}: {note}", err=True)


def _unnamed_note(fmt: str | None, count: int):
    from okrlint.i18n import ngettext

    if fmt == "text":
        return ngettext(
            "read {n} line as a key result (no 'Objective:' line or heading found)",
            "read {n} lines as key results (no 'Objective:' line or heading found)",
            count,
        )
    return ngettext(
        "read {n} key result under no objective (no objective column or heading above it)",
        "read {n} key results under no objective (no objective column or heading above them)",
        count,
    )


def _nothing_to_check(paths: tuple[str, ...], config, lang: str) -> bool:
    """The folders given expanded to no file at all: say so on stderr, with what was looked
    for and what would find the OKRs that are there, and return True (exit 2: a CI check
    that checks nothing must not pass). Files named one by one, as pre-commit names them,
    may all be excluded (--force-exclude) without a word: then this returns False."""
    from okrlint import i18n
    from okrlint.files import look_around
    from okrlint.i18n import _
    from okrlint.reporters.sanitize import one_line

    folders = [p for p in paths if p != "-" and Path(p).is_dir()]
    if not folders:
        return False
    found = look_around(folders, config)
    where = ", ".join(repr(one_line(f)) for f in folders)

    def say(*parts) -> None:
        click.echo("".join(i18n.say(part, lang) for part in parts), err=True)

    say(_("okrlint: error: no OKR files found in {where}, so nothing was checked", where=where))
    say("  ", _("looked for {what}", what=_include_words(config)))
    shown = found.okr_files[:SHOWN_FILES]
    if shown:
        more = len(found.okr_files) - len(shown)
        files = ", ".join(one_line(f) for f in shown)
        if more:
            files = _("{files} and {n} more", files=files, n=more)
        say("  ", _("these hold OKRs but are not included: {files}", files=files))
        say("  ", _("to check them, add to {config}:", config=_config_name(config)))
        for line in _include_setting(config, found.patterns):
            click.echo(f"      {line}", err=True)
    for path, what in found.unread[:SHOWN_FILES]:
        click.echo(f"  {one_line(path)}: {i18n.say(what, lang)}", err=True)
    if found.excluded:
        shown_excluded = ", ".join(one_line(f) for f in found.excluded[:SHOWN_FILES])
        say("  ", _("left out by 'exclude': {files}", files=shown_excluded))
    if not (found.okr_files or found.unread or found.excluded):
        say("  ", _("the folders hold no file okrlint reads with objectives in it"))
    say("  ", _("(name files to check them; --allow-empty lets a run on no files pass)"))
    return True


SHOWN_FILES = 5


def _include_words(config):
    """What 'include' looks for, in words: the default's two kinds of pattern summed up."""
    from okrlint.config import DEFAULT_INCLUDE
    from okrlint.i18n import _

    if config.include != DEFAULT_INCLUDE:
        where = _display_path(config.origins.get("include") or config.source or "config")
        return _(
            "{patterns} ('include' in {where})", patterns=", ".join(config.include), where=where
        )
    names = [p for p in DEFAULT_INCLUDE if "/" not in p]
    folders = dict.fromkeys(p.split("/", 1)[0] + "/" for p in DEFAULT_INCLUDE if "/" in p)
    suffixes = dict.fromkeys(p.rsplit("*", 1)[1] for p in DEFAULT_INCLUDE if "/" in p)
    return _(
        "{names} files, and {suffixes} files under a folder named {folders} "
        "(the default 'include')",
        names=_and(names),
        suffixes=_and(list(suffixes)),
        folders=_or(list(folders)),
    )


def _and(items: list[str]):
    from okrlint.i18n import _

    if len(items) < 2:
        return "".join(items)
    return _("{items} and {last}", items=", ".join(items[:-1]), last=items[-1])


def _or(items: list[str]):
    from okrlint.i18n import _

    if len(items) < 2:
        return "".join(items)
    return _("{items} or {last}", items=", ".join(items[:-1]), last=items[-1])


def _config_name(config) -> str:
    return _display_path(config.source) if config.source else "pyproject.toml"


def _include_setting(config, patterns: tuple[str, ...]) -> list[str]:
    """The lines of config that would find the files: extend-include keeps what is there."""
    import json

    listed = ", ".join(json.dumps(p, ensure_ascii=False) for p in patterns)
    if config.source and not config.source.endswith(".toml"):
        return [f"extend-include: [{listed}]"]
    return ["[tool.okrlint]", f"extend-include = [{listed}]"]


def _below_score(report, fail_under: int | None) -> bool:
    """--fail-under: the overall quality score is below the bar (said on stderr)."""
    from okrlint.i18n import _, say

    score = report.overall_score
    if fail_under is None or score is None or score >= fail_under:
        return False
    said = _("quality score {score} is below --fail-under {bar}", score=score, bar=fail_under)
    click.echo(f"okrlint: {say(said, report.language)}", err=True)
    return True


@cli.command(params=list(check.params))
@click.pass_context
def review(ctx: click.Context, **options):
    """Review a draft: each objective and key result with a mark, the findings and hints
    under it, the scores, and the three most useful fixes.

    Takes the same options as 'check'; --format adds outputs to files, e.g.
    'okrlint review draft.md --format html:review.html'.
    """
    options["formats"] = ("review", *options["formats"])
    return ctx.invoke(check, **options)


def _default_format() -> str:
    from okrlint.ci import default_format
    from okrlint.reporters import formatter_names

    return default_format(formatter_names())


def _progress_bar(progress: bool | None):
    from okrlint.progress import ProgressBar, progress_bar

    if progress is None:
        return progress_bar(sys.stderr)
    return ProgressBar(sys.stderr) if progress else None


def _write_baseline(report, target: Path, paths: tuple[str, ...]) -> int:
    """Record every finding; exit 0 unless an input could not be read (then 2)."""
    from okrlint import baseline
    from okrlint.i18n import _, ngettext, say

    for f in report.findings:
        if f.code == "OKR000":
            _echo_input_error(f, report.language_of(f))
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


def _apply_baseline(report, baseline_file: str | None, config):
    """The report without the findings the baseline records, and the stale entry count.

    ``--baseline`` wins over the config's ``baseline`` key (a path relative to the config).
    """
    from dataclasses import replace

    from okrlint import baseline

    if baseline_file is None:
        configured = config.extra.get("baseline")
        if configured is None:
            return report, 0
        if not isinstance(configured, str):
            raise OkrlintError("'baseline' must be a path to a baseline file", config.source)
        baseline_file = str(config.root / configured)
    recorded = baseline.load(Path(baseline_file))
    filtered = baseline.apply(report.findings, recorded, [f.path for f in report.files])
    extra = {**report.extra, "baseline": {"matched": filtered.matched, "stale": filtered.stale}}
    return replace(report, findings=filtered.findings, extra=extra), filtered.stale


def _baseline_statistics(report, stale: int) -> None:
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


def _job_summary(report) -> None:
    """On GitHub Actions: append a Markdown summary to $GITHUB_STEP_SUMMARY (never fatal)."""
    from okrlint.ci import write_job_summary

    try:
        write_job_summary(report)
    except OkrlintError as exc:
        click.echo(f"okrlint: warning: {exc}", err=True)


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
)
@click.option(
    "--messages",
    type=click.Choice(MESSAGE_CHOICES),
    help="Language of the summaries: en or nb (default: 'messages' or 'language' in config, "
    "else your locale). JSON stays English.",
)
def rules(fmt: str, messages: str | None) -> None:
    """List the rules: code, name, default severity and what each checks."""
    import json

    from okrlint.config import find_config
    from okrlint.i18n import _, say, translate
    from okrlint.perfile import load_rules

    config = find_config(Path.cwd())
    found = load_rules(config)
    lang = _reading_language(messages, config)
    if fmt == "json":
        data = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity.value,
                "target": r.target.value,
                "enabled": r.enabled,
                "summary": r.summary,
                "origin": r.origin,
            }
            for r in found
        ]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if fmt == "markdown":
        click.echo(rules_markdown(found, lang))
        return
    off = " " + say(_("(off)"), lang)
    rows = [
        (
            r.code,
            r.name,
            r.severity.value + ("" if r.enabled else off),
            translate(r.summary, lang),
        )
        for r in found
    ]
    widths = [max(len(row[i]) for row in rows) if rows else 4 for i in range(3)]
    # Translators: the column headings of 'okrlint rules'
    head = tuple(say(h, lang) for h in (_("CODE"), _("NAME"), _("SEVERITY"), _("SUMMARY")))
    widths = [max(w, len(h)) for w, h in zip(widths, head, strict=False)]
    for row in (head, *rows):
        click.echo(
            "  ".join(c.ljust(w) for c, w in zip(row[:3], widths, strict=True)) + "  " + row[3]
        )


def rules_markdown(found, lang: str = "en") -> str:
    from okrlint.i18n import _, say, translate

    heads = (_("Code"), _("Name"), _("Severity"), _("What it flags"))
    lines = ["| " + " | ".join(say(h, lang) for h in heads) + " |", "|---|---|---|---|"]
    off = " " + say(_("(off by default)"), lang)
    for r in found:
        severity = r.severity.value + ("" if r.enabled else off)
        lines.append(f"| `{r.code}` | `{r.name}` | {severity} | {translate(r.summary, lang)} |")
    return "\n".join(lines)


def _reading_language(messages: str | None, config) -> str:
    """The language of 'explain' and 'rules', which read no document: --messages, else
    'messages' or 'language' in config, else the user's locale, else English."""
    from okrlint.i18n import LANGUAGES, language_of_locale

    for choice in (messages, config.messages, config.language):
        if choice in LANGUAGES:
            return choice
    return language_of_locale(os.environ) or "en"


@cli.command()
@click.argument("rule")
@click.option(
    "--messages",
    type=click.Choice(MESSAGE_CHOICES),
    help="Language of the explanation: en or nb (default: 'messages' or 'language' in config, "
    "else your locale).",
)
def explain(rule: str, messages: str | None) -> None:
    """Show what a rule checks, why it matters, how to fix it, and its examples."""
    from okrlint.config import find_config
    from okrlint.perfile import load_rules
    from okrlint.registry import find_rule, suggest_rule

    config = find_config(Path.cwd())
    known = load_rules(config)
    found = find_rule(known, rule)
    if found is None:
        close = suggest_rule(known, rule)
        hint = f"did you mean '{close}'? " if close else ""
        raise click.BadParameter(
            f"no rule {rule!r}; {hint}'okrlint rules' lists them", param_hint="RULE"
        )
    click.echo(explanation(found, _reading_language(messages, config)), nl=False)


def explanation(found, lang: str) -> str:
    """What 'okrlint explain' prints: the rule's header, summary, documentation, options and
    examples, in ``lang``. okrlint's own rules are said from the catalogue; a plugin's or a
    YAML rule's documentation is printed as its author wrote it."""
    import textwrap

    from okrlint.i18n import _, pgettext, say, translate
    from okrlint.rule import ARTICLE

    severity = say(pgettext("severity", found.severity.value), lang)
    if found.enabled:
        state = say(_("on by default"), lang)
    else:
        state = say(_("off by default (enable with --extend-select)"), lang)
    lines = [f"{found.code} {found.name} [{severity}, {state}]", ""]
    lines += [translate(found.summary, lang), ""]
    doc = found.doc.strip()
    first, _newline, rest = doc.partition("\n")
    if first.strip() == found.summary.strip():  # the docs open with the summary: say it once
        doc = rest.strip()
    if lang == "en" or found.origin != "okrlint":
        lines += [doc, ""] if doc else []
    else:
        for title, paragraphs in found.doc_parts():
            indent = "    " if title else ""
            if title:
                lines.append(translate(title, lang) + ":")
            for paragraph in paragraphs:
                if not title and paragraph == found.summary:
                    continue
                said = translate(paragraph, lang)
                lines += textwrap.wrap(
                    said,
                    76,
                    initial_indent=indent,
                    subsequent_indent=indent,
                    break_long_words=False,
                    break_on_hyphens=False,
                )
                lines.append("")
    if "the article" in found.doc.lower():  # named once, with its title and address
        lines += [say(_("The article quoted above: {article}", article=ARTICLE), lang), ""]
    if found.options:
        table = f"[tool.okrlint.rules.{found.name}]"
        lines.append(say(_("Options (in {table}):", table=table), lang))
        lines += [f"  {key} = {value!r}" for key, value in found.options.items()]
        lines.append("")
    examples = [ex for ex in found.examples if not ex.document]
    if examples:
        lines.append(say(_("Examples:"), lang))
        # Translators: a rule's examples are marked bad (must be flagged) or good (must not)
        marks = {True: say(_("bad"), lang), False: say(_("good"), lang)}
        width = max(len(m) for m in marks.values())
        lines += [f"  {marks[ex.bad]:<{width}} ({ex.lang})  {ex.text}" for ex in examples]
    return "\n".join(lines) + "\n"


@cli.command()
@click.argument("texts", nargs=-1, required=True)
@click.option(
    "--language",
    "-l",
    type=click.Choice(["en", "nb"]),
    help="Language of the texts (default: detected from them).",
)
def analyse(texts: tuple[str, ...], language: str | None) -> None:
    """Show what okrlint reads in objective or key result TEXTS: what each number is (a
    quantity, a date, an identifier, an ordinal or a placeholder) and why, the change from
    a baseline to a target, the direction, the reason clause and the vague words. '-' reads
    one text per line from stdin.

    \b
    Example:
      okrlint analyse "Improve check-in time from 6 to 9 minutes" "Pass the ISO 27001 audit"
    """
    from okrlint.language import analyse_texts, detect_language
    from okrlint.language.explain import describe
    from okrlint.reporters.sanitize import one_line

    items = [t for text in texts for t in (_stdin_lines() if text == "-" else [text])]
    lang = language or detect_language("\n".join(items))
    for n, analysis in enumerate(analyse_texts(lang, items)):
        if n:
            click.echo("")
        click.echo("\n".join(one_line(line) for line in describe(analysis)))


def _stdin_lines() -> list[str]:
    lines = click.get_text_stream("stdin").read().splitlines()
    return [line.strip() for line in lines if line.strip()]


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the YAML format (for editor completion and validation)."""
    import json

    from okrlint.readers.schema import json_schema

    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


@cli.command()
@click.option(
    "--language",
    type=click.Choice(["en", "nb"]),
    help="Language of the starter (default: config, else nb for a Norwegian locale, else en).",
)
@click.option(
    "--name",
    metavar="NAME",
    help="File name (default: okrs.okr.yaml; '.okr.yaml' is added when missing).",
)
def init(language: str | None, name: str | None) -> None:
    """Write a commented starter OKR file into the current folder (never overwrites)."""
    from okrlint.config import find_config
    from okrlint.starter import default_language, write_starter

    language = language or default_language(find_config(Path.cwd()).language)
    written = write_starter(Path.cwd(), name, language)
    click.echo(f"Wrote {written.name}. Edit it, then run: okrlint check {written.name}")


@cli.group("config")
def config_group() -> None:
    """Inspect the configuration okrlint uses."""


@config_group.command("show")
@click.argument("path", required=False, type=click.Path(path_type=str))
@click.option("--config", "config_path", metavar="FILE", help="Use this config file.")
@click.option("--select", multiple=True, metavar="RULES", help="As for 'check'.")
@click.option("--extend-select", multiple=True, metavar="RULES", help="As for 'check'.")
@click.option("--ignore", multiple=True, metavar="RULES", help="As for 'check'.")
@click.option("--fail-level", type=click.Choice(SEVERITIES), help="As for 'check'.")
@click.option("--language", type=click.Choice(["en", "nb"]), help="As for 'check'.")
def config_show(path, config_path, select, extend_select, ignore, fail_level, language) -> None:
    """Print the resolved configuration for PATH (default: the current folder) and where
    each value came from: a default, a config file, or the command line."""
    from okrlint.model import Severity

    config = _load_config(config_path, (path,) if path else ())
    config = config.with_overrides(
        select=_split(select) or None,
        extend_select=(config.extend_select + _split(extend_select)) if extend_select else None,
        ignore=(config.ignore + _split(ignore)) if ignore else None,
        fail_level=Severity.parse(fail_level) if fail_level else None,
        language=language,
    )
    click.echo(_render_config(config), nl=False)


def _toml_value(value) -> str:
    import json
    from enum import Enum

    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        pairs = ", ".join(f"{json.dumps(str(k))} = {_toml_value(v)}" for k, v in value.items())
        return "{ " + pairs + " }" if pairs else "{}"
    items = [_toml_value(v) for v in value]
    one_line = "[" + ", ".join(items) + "]"
    if len(one_line) <= 60:
        return one_line
    return "[\n" + "".join(f"    {item},\n" for item in items) + "]"


def _origin(config, attr: str) -> str:
    where = config.origins.get(attr)
    if where is None:
        return "default"
    return where if where == "command line" else _display_path(where)


def _display_path(path: str) -> str:
    try:
        return Path(path).resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path


def _render_config(config) -> str:
    """TOML as it would sit under [tool.okrlint], each value commented with its origin."""
    from dataclasses import fields

    source = _display_path(config.source) if config.source else None
    head = f"# config file: {source}" if source else "# no config file found: built-in defaults"
    lines = [head, ""]
    skip = {"source", "origins", "extra", "rule_settings", "positions"}
    for item in fields(config):
        if item.name in skip:
            continue
        key, value = item.name.replace("_", "-"), getattr(config, item.name)
        origin = _origin(config, item.name)
        if value is None:
            lines.append(f"{'# ' + key + ' is not set':<32}  # {origin}")
            continue
        first, *rest = f"{key} = {_toml_value(value)}".split("\n")
        lines += [f"{first:<32}  # {origin}", *rest]
    for section, value in config.extra.items():
        lines += ["", f"{section} = {_toml_value(value)}  # {source}"]
    for rule, table in config.rule_settings.items():
        lines += ["", f"[rules.{rule}]  # {_origin(config, 'rule_settings')}"]
        lines += [f"{k} = {_toml_value(v)}" for k, v in table.items()]
    return "\n".join(lines) + "\n"


@cli.group("cache")
def cache_group() -> None:
    """Manage the cache of results for unchanged files."""


@cache_group.command("clean")
@click.option("--config", "config_path", metavar="FILE", help="Use this config file.")
@click.option("--cache-dir", metavar="DIR", envvar="OKRLINT_CACHE_DIR", help="As for 'check'.")
def cache_clean(config_path: str | None, cache_dir: str | None) -> None:
    """Remove the cache: only the entries okrlint wrote, found through its CACHEDIR.TAG and
    its own layout. Anything else in the folder is left where it is, and symlinks are never
    followed."""
    from okrlint.cache import cache_folder, clean

    folder = cache_folder(_load_config(config_path, ()), cache_dir)
    shown = _display_path(str(folder))
    if not folder.exists() and not folder.is_symlink():
        click.echo(f"no cache at {shown}")
        return
    cleaned = clean(folder)
    if cleaned is None:
        raise OkrlintError(
            f"{shown} is not an okrlint cache (no CACHEDIR.TAG from okrlint); left alone"
        )
    if cleaned.folder_removed:
        click.echo(f"removed {shown}")
        return
    entries = "entry" if cleaned.removed == 1 else "entries"
    click.echo(
        f"removed {cleaned.removed} cache {entries} from {shown}; left {len(cleaned.left)} "
        f"file(s) okrlint did not write, such as {cleaned.left[0]!r}"
    )


@cli.command()
@click.option(
    "--stdio", is_flag=True, help="Talk over stdin and stdout (the default; editors may pass it)."
)
def server(stdio: bool) -> int:
    """Run the language server for editors (LSP over stdin/stdout): diagnostics as you
    type, the rule's documentation on hover, quick fixes and suppressions as code actions.

    Start it from the editor, not by hand; the README has the set-up for VS Code, Neovim
    and Helix. It checks the files a folder check would (include and exclude in config)
    and never writes a file itself.
    """
    from okrlint.server.protocol import serve

    return serve()


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "--language",
    type=click.Choice(["en", "nb"]),
    help="Language of the input (default: from the file, config, or detected).",
)
@click.option(
    "--config", "config_path", metavar="FILE", help="Use this config file instead of searching."
)
def tree(paths, language, config_path):
    """Show the cascade: company objectives, the key results teams build on, and the team
    objectives under them, with each objective's finding count and score.

    Files matched by 'alignment.include' in config join the tree (marked 'not checked').
    """
    from okrlint.alignment import OkrSet, context_files, read_context
    from okrlint.runner import RunOptions
    from okrlint.runner import check as run_check

    paths = paths or (".",)
    config = _load_config(config_path, paths).with_overrides(language=language)
    report = run_check(paths, config, RunOptions(language=language))
    documents = [d for f in report.files for d in f.documents]
    context = read_context(context_files(config, [f.path for f in report.files]), config)
    for line in tree_lines(OkrSet([*documents, *context]), report):
        click.echo(line)
    for f in report.findings:
        if f.code == "OKR000":
            _echo_input_error(f)
    return EXIT_ERROR if report.has_errors else EXIT_OK


def tree_lines(the_set, report) -> list[str]:
    """The tree as indented text, two spaces per level."""
    from okrlint.alignment import tree_rows
    from okrlint.score import element_key, locate

    checked = {f.path for f in report.files}
    # findings per element (kind, line and column): two objectives on one line are two
    placed = locate([d for f in report.files for d in f.documents], report.findings)
    scores = getattr(report, "scores", None) if _has_scores() else None
    lines = []
    for row in tree_rows(the_set):
        node, pad = row.node, "  " * row.depth
        if node.element is not node.objective:
            lines.append(f"{pad}↳ key result {node.element.id or ''}: {node.element.text}")
            continue
        objective, doc = node.objective, node.document
        about = ", ".join(x for x in (objective.level, objective.owner or doc.owner) if x)
        text = "(key results under no objective)" if objective.unnamed else objective.text
        head = f"{pad}{objective.id + ': ' if objective.id else ''}{text}"
        where = f"{doc.path}:{objective.span.line}"
        if objective.span.sheet is not None:
            where += f" (sheet '{objective.span.sheet}')"
        if doc.path not in checked:
            tail = "not checked"
        else:
            elements = (objective, *objective.key_results, *objective.actions)
            count = sum(len(placed.get(element_key(doc.path, e), ())) for e in elements)
            tail = f"{count} finding{'' if count == 1 else 's'}"
            found = scores.objective(doc.path, objective) if scores else None
            if found is not None:
                tail += f", score {found.score}"
        lines.append(f"{head}  ({about + '; ' if about else ''}{where}; {tail})")
        if row.note:
            lines.append(f"{pad}  ! {row.note}")
    return lines


def _has_scores() -> bool:
    from importlib.util import find_spec

    return find_spec("okrlint.score") is not None


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
            exc.path = _display_path(exc.path)
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
