"""'okrlint init': a commented starter OKR file in the current folder, in the user's
language, never over an existing file."""

from __future__ import annotations

from pathlib import Path

import click

from okrlint.cli.app import cli


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
