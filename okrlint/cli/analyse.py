"""'okrlint analyse TEXT…': what the language layer reads in a text, said plainly: each
number and what it is, the change, the direction, the reason clause, the vague words."""

from __future__ import annotations

import click

from okrlint.cli.app import cli


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
