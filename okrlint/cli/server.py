"""'okrlint server': starts the language server for editors over stdin and stdout."""

from __future__ import annotations

import click

from okrlint.cli.app import cli


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
