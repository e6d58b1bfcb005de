"""The command line. It wires readers, engine and reporters and owns exit codes:

0  nothing at or above the fail level
1  findings at or above the fail level
2  usage, config or input error (never a traceback)

Heavy modules (spaCy, the language layer, Jinja2) are imported inside the
commands that need them, so ``okrlint --help`` and ``okrlint rules`` stay fast.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from okrlint import __version__
from okrlint.errors import OkrlintError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SEVERITIES = ("info", "warning", "error")


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
        order = ["check", "review", "rules", "explain", "tree", "schema", "init", "config"]
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
      okrlint rules                       list the rules
      okrlint explain OKR201              what a rule checks and how to fix it

    Exit status: 0 clean, 1 findings at or above --fail-level, 2 usage, config or input error.
    """


def _load_config(config_path: str | None, paths: tuple[str, ...]):
    from okrlint.config import find_config, load_config_file

    if config_path:
        found = load_config_file(Path(config_path))
        if found is None:
            raise OkrlintError(f"{config_path} has no [tool.okrlint] section", config_path)
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
    help="Output format: text (default) or json. "
    "Repeat to write several, e.g. --format text --format json:okrlint.json.",
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
    "--fail-level",
    type=click.Choice(SEVERITIES),
    help="Lowest severity that makes the exit status 1 (default: warning).",
)
@click.option(
    "--exit-zero",
    is_flag=True,
    help="Exit 0 even when there are findings (input errors still exit 2).",
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
    "--force-exclude",
    is_flag=True,
    help="Apply config 'exclude' patterns to files named on the command line too (for pre-commit).",
)
def check(
    paths,
    formats,
    output,
    select,
    extend_select,
    ignore,
    language,
    fail_level,
    exit_zero,
    statistics,
    quiet,
    no_color,
    config_path,
    stdin_filename,
    force_exclude,
):
    """Check OKR files, folders or stdin ('-').

    A folder expands to its OKR files: *.okr.yaml, *.okr.yml, *.okr.md, *.okr.txt and
    anything under a folder named okrs/ or OKR/ (change with 'include' in config). With no
    PATHS, the current folder is checked.
    """
    from okrlint.model import Severity
    from okrlint.reporters import render
    from okrlint.reporters.text import statistics as stats_table
    from okrlint.runner import RunOptions
    from okrlint.runner import check as run_check

    paths = paths or (".",)
    config = _load_config(config_path, paths)
    config = config.with_overrides(
        select=_split(select) or None,
        extend_select=(config.extend_select + _split(extend_select)) if extend_select else None,
        ignore=(config.ignore + _split(ignore)) if ignore else None,
        fail_level=Severity.parse(fail_level) if fail_level else None,
        language=language,
    )
    targets = _parse_formats(formats, output)
    options = RunOptions(
        stdin_filename=stdin_filename, language=language, force_exclude=force_exclude
    )
    report = run_check(paths, config, options)

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
                raise OkrlintError(f"cannot write report: {exc.strerror or exc}", dest) from None
    if not text_on_stdout:
        for f in report.findings:
            if f.code == "OKR000":
                click.echo(f"{f.path}:{f.span.line}: OKR000 {f.message}", err=True)
    if statistics:
        click.echo(stats_table(report))
    if report.has_errors:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_OK
    return report.exit_code


@cli.command()
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def rules(fmt: str) -> None:
    """List the rules: code, name, default severity and what each checks."""
    import json

    from okrlint.config import find_config
    from okrlint.runner import load_rules

    found = load_rules(find_config(Path.cwd()))
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
        click.echo(rules_markdown(found))
        return
    rows = [
        (r.code, r.name, r.severity.value + ("" if r.enabled else " (off)"), r.summary)
        for r in found
    ]
    widths = [max(len(row[i]) for row in rows) if rows else 4 for i in range(3)]
    head = ("CODE", "NAME", "SEVERITY", "SUMMARY")
    widths = [max(w, len(h)) for w, h in zip(widths, head, strict=False)]
    for row in (head, *rows):
        click.echo(
            "  ".join(c.ljust(w) for c, w in zip(row[:3], widths, strict=True)) + "  " + row[3]
        )


def rules_markdown(found) -> str:
    lines = ["| Code | Name | Severity | What it flags |", "|---|---|---|---|"]
    for r in found:
        severity = r.severity.value + ("" if r.enabled else " (off by default)")
        lines.append(f"| `{r.code}` | `{r.name}` | {severity} | {r.summary} |")
    return "\n".join(lines)


@cli.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Show what a rule checks, why it matters, how to fix it, and its examples."""
    from okrlint.config import find_config
    from okrlint.registry import find_rule
    from okrlint.runner import load_rules

    found = find_rule(load_rules(find_config(Path.cwd())), rule)
    if found is None:
        raise click.BadParameter(f"no rule {rule!r}; 'okrlint rules' lists them", param_hint="RULE")
    state = "on by default" if found.enabled else "off by default (enable with --extend-select)"
    click.echo(f"{found.code} {found.name} [{found.severity.value}, {state}]\n")
    click.echo(f"{found.summary}\n")
    click.echo(found.doc.strip() + "\n")
    if found.options:
        click.echo("Options (in [tool.okrlint.rules." + found.name + "]):")
        for key, value in found.options.items():
            click.echo(f"  {key} = {value!r}")
        click.echo("")
    if found.examples:
        click.echo("Examples:")
        for ex in found.examples:
            if ex.document:
                continue
            mark = "bad " if ex.bad else "good"
            click.echo(f"  {mark} ({ex.lang})  {ex.text}")


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the YAML format (for editor completion and validation)."""
    import json

    from okrlint.readers.schema import json_schema

    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


def main(argv: list[str] | None = None) -> None:
    """Entry point: map every way out to exit status 0, 1 or 2 — never a traceback."""
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
        click.echo(f"okrlint: error: {exc}", err=True)
        code = EXIT_ERROR
    except BrokenPipeError:
        sys.stderr.close()
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
    sys.exit(code if isinstance(code, int) else 0)
