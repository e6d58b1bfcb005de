"""'okrlint config show': the configuration in force, as TOML for [tool.okrlint] written
by tomli-w, each value commented with where it came from (a default, a config file, or the
command line)."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum

import click

from okrlint.cli.app import cli
from okrlint.cli.settings import SEVERITIES, Overrides, load_config
from okrlint.cli.terminal import display_path


@cli.group("config")
def config_group() -> None:
    """Inspect the configuration okrlint uses."""


@config_group.command("show")
@click.argument("path", required=False, type=click.Path(path_type=str))
@click.option("--config", "config_path", metavar="FILE", help="Use this config file.")
@click.option("--select", multiple=True, metavar="RULES", help="As for 'check'.")
@click.option("--extend-select", multiple=True, metavar="RULES", help="As for 'check'.")
@click.option("--ignore", multiple=True, metavar="RULES", help="As for 'check'.")
@click.option("--fail-level", type=click.Choice(SEVERITIES), help="As for 'check'.")
@click.option("--language", type=click.Choice(["en", "nb"]), help="As for 'check'.")
def config_show(path, config_path, select, extend_select, ignore, fail_level, language) -> None:
    """Print the resolved configuration for PATH (default: the current folder) and where
    each value came from: a default, a config file, or the command line."""
    overrides = Overrides(
        select=select,
        extend_select=extend_select,
        ignore=ignore,
        fail_level=fail_level,
        language=language,
    )
    config = overrides.apply(load_config(config_path, (path,) if path else ()))
    click.echo(_render_config(config), nl=False)


def toml_value(value) -> str:
    """``value`` as TOML. tomli-w writes every string, number, date and key; an array stays
    on one line when that line fits in 60 characters, and a table is written inline, on its
    key's line, where the origin comment goes."""
    import tomli_w

    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, Mapping):
        pairs = ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items())
        return "{ " + pairs + " }" if pairs else "{}"
    if isinstance(value, list | tuple):
        items = [toml_value(v) for v in value]
        one_line = "[" + ", ".join(items) + "]"
        if len(one_line) <= 60:
            return one_line
        return "[\n" + "".join(f"    {item},\n" for item in items) + "]"
    return tomli_w.dumps({"v": value}).removeprefix("v = ").removesuffix("\n")


def toml_key(key: object) -> str:
    """A key as TOML: bare when it can be, else quoted (tomli-w decides)."""
    import tomli_w

    return tomli_w.dumps({str(key): True}).removesuffix(" = true\n")


def _origin(config, attr: str) -> str:
    where = config.origins.get(attr)
    if where is None:
        return "default"
    return where if where == "command line" else display_path(where)


def _render_config(config) -> str:
    """TOML as it would sit under [tool.okrlint], each value commented with its origin."""
    from dataclasses import fields

    source = display_path(config.source) if config.source else None
    head = f"# config file: {source}" if source else "# no config file found: built-in defaults"
    lines = [head, ""]
    skip = {"source", "origins", "extra", "rule_settings", "positions"}
    for item in fields(config):
        if item.name in skip:
            continue
        key, value = item.name.replace("_", "-"), getattr(config, item.name)
        origin = _origin(config, item.name)
        if value is None:
            lines.append(f"{'# ' + key + ' is not set':<32}  # {origin}")
            continue
        first, *rest = f"{key} = {toml_value(value)}".split("\n")
        lines += [f"{first:<32}  # {origin}", *rest]
    for section, value in config.extra.items():
        lines += ["", f"{toml_key(section)} = {toml_value(value)}  # {source}"]
    for rule, table in config.rule_settings.items():
        lines += ["", f"[rules.{toml_key(rule)}]  # {_origin(config, 'rule_settings')}"]
        lines += [f"{toml_key(k)} = {toml_value(v)}" for k, v in table.items()]
    return "\n".join(lines) + "\n"
