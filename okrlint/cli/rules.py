"""'okrlint rules': the table of rules (code, name, default severity, what each flags) as
text, JSON or the Markdown table the README carries."""

from __future__ import annotations

from pathlib import Path

import click

from okrlint.cli.app import cli
from okrlint.cli.settings import MESSAGE_CHOICES, reading_language


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
    lang = reading_language(messages, config)
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
