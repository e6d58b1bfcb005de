"""'okrlint explain RULE': what one rule checks, why it matters, how to fix it, its options
and its examples, in the reader's language."""

from __future__ import annotations

from pathlib import Path

import click

from okrlint.cli.app import cli
from okrlint.cli.settings import MESSAGE_CHOICES, reading_language


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
    click.echo(explanation(found, reading_language(messages, config)), nl=False)


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
