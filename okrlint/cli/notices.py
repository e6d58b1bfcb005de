"""What a run that checked nothing says on stderr: a notice for each readable file with no
objectives in it, a note for key results read under no objective, and, when the folders
given hold no OKR file at all, what was looked for and the setting that would find the
OKR files that are there."""

from __future__ import annotations

from pathlib import Path

import click

from okrlint.cli.terminal import display_path

SHOWN_FILES = 5  # files named in a notice; the rest are counted


def no_objectives_notices(report) -> None:
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


def nothing_to_check(paths: tuple[str, ...], config, lang: str) -> bool:
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


def _include_words(config):
    """What 'include' looks for, in words: the default's two kinds of pattern summed up."""
    from okrlint.config import DEFAULT_INCLUDE
    from okrlint.i18n import _

    if config.include != DEFAULT_INCLUDE:
        where = display_path(config.origins.get("include") or config.source or "config")
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
    return display_path(config.source) if config.source else "pyproject.toml"


def _include_setting(config, patterns: tuple[str, ...]) -> list[str]:
    """The lines of config that would find the files: extend-include keeps what is there."""
    import json

    listed = ", ".join(json.dumps(p, ensure_ascii=False) for p in patterns)
    if config.source and not config.source.endswith(".toml"):
        return [f"extend-include: [{listed}]"]
    return ["[tool.okrlint]", f"extend-include = [{listed}]"]
