"""'okrlint schema': the JSON Schema of the YAML format, for editors."""

from __future__ import annotations

import click

from okrlint.cli.app import cli


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the YAML format (for editor completion and validation)."""
    import json

    from okrlint.readers.schema import json_schema

    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))
