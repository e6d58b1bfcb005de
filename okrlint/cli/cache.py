"""'okrlint cache clean': removes the cache of results for unchanged files, and only the
entries okrlint wrote there."""

from __future__ import annotations

import click

from okrlint.cli.app import cli
from okrlint.cli.settings import load_config
from okrlint.cli.terminal import display_path
from okrlint.errors import OkrlintError


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

    folder = cache_folder(load_config(config_path, ()), cache_dir)
    shown = display_path(str(folder))
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
