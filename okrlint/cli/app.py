"""The ``okrlint`` command as the shell sees it: its help, its version, the order ``--help``
lists the subcommands in (the order a newcomer needs them), and the exit statuses:

0  nothing at or above the fail level
1  findings at or above the fail level
2  usage, config or input error (never a traceback)

Every command module adds its command to the group here.
"""

from __future__ import annotations

import click

from okrlint import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

COMMAND_ORDER = (
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
)


class OkrlintGroup(click.Group):
    def list_commands(self, ctx):
        known = super().list_commands(ctx)
        return [c for c in COMMAND_ORDER if c in known] + [
            c for c in known if c not in COMMAND_ORDER
        ]


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
