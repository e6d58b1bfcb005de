"""Configuration: ``[tool.okrlint]`` in ``pyproject.toml`` or a ``.okrlint.yaml``.

The first of these found walking up from the checked file's folder (or the
current folder for stdin) is used; ``--config`` names one explicitly. Keys
are the ruff vocabulary (``select``, ``ignore``, ``extend-select``,
``per-file-ignores``, ``fail-level``); per-rule severity and options live in a
table per rule::

    [tool.okrlint]
    select = ["OKR1", "OKR2"]
    ignore = ["kr-activity"]
    fail-level = "error"
    language = "nb"

    [tool.okrlint.rules.objective-key-result-count]
    severity = "error"
    max = 4
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from okrlint.errors import ConfigError
from okrlint.model import Severity

CONFIG_FILES = ("pyproject.toml", ".okrlint.yaml", ".okrlint.yml")

OKR_EXTENSIONS = ("yaml", "yml", "md", "txt", "csv", "tsv", "xlsx")
DEFAULT_INCLUDE = (
    *(f"*.okr.{ext}" for ext in OKR_EXTENSIONS),
    *(f"okrs/**/*.{ext}" for ext in OKR_EXTENSIONS),
    *(f"OKR/**/*.{ext}" for ext in OKR_EXTENSIONS),
)


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] | None = None  # None: every rule that is on by default
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    fail_level: Severity = Severity.WARNING
    language: str | None = None
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    rule_settings: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    custom_rules: str | None = None  # a folder of YAML rules, relative to the config file
    spacy_model: str | None = None
    cache_dir: str | None = None
    max_file_size: int = 5_000_000  # bytes
    source: str | None = None  # the file this came from, None for defaults
    # where each value came from ("default", a file path, or "command line")
    origins: Mapping[str, str] = field(default_factory=dict)
    extra: Mapping[str, Any] = field(default_factory=dict)  # sections other issues add

    @property
    def root(self) -> Path:
        return Path(self.source).resolve().parent if self.source else Path.cwd()

    def with_overrides(self, **values: Any) -> Config:
        present = {k: v for k, v in values.items() if v is not None}
        origins = dict(self.origins)
        origins.update({k: "command line" for k in present})
        return replace(self, **present, origins=origins)


# key in the file -> (attribute, converter)
def _str_list(key: str, value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"'{key}' must be a list of strings, got {_type_name(value)}", where)


def _severity(key: str, value: Any, where: str) -> Severity:
    if not isinstance(value, str):
        raise ConfigError(f"'{key}' must be a string, got {_type_name(value)}", where)
    try:
        return Severity.parse(value)
    except ValueError as exc:
        raise ConfigError(f"'{key}': {exc}", where) from None


def _string(key: str, value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"'{key}' must be a string, got {_type_name(value)}", where)
    return value


MAX_FILE_SIZE = 1_000_000_000  # bytes: the largest max-file-size okrlint accepts
MAX_NESTING = 20  # levels of tables and lists in a config file; okrlint's own use a few


def _file_size(key: str, value: Any, where: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_FILE_SIZE:
        return value
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        shown = "a number of more than 19 digits"
    else:
        shown = repr(value)
    limit = f"{MAX_FILE_SIZE:,}".replace(",", " ")
    raise ConfigError(
        f"'{key}' must be a whole number of bytes from 1 to {limit}, got {shown}", where
    )


def _per_file_ignores(key: str, value: Any, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise ConfigError(
            f"'{key}' must be a table of glob = [codes], got {_type_name(value)}", where
        )
    return {str(k): _str_list(f"{key}.{k}", v, where) for k, v in value.items()}


def _rules_table(key: str, value: Any, where: str) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise ConfigError(f"'{key}' must be a table of tables, one per rule", where)
    return {str(k): dict(v) for k, v in value.items()}


_KEYS = {
    "select": ("select", _str_list),
    "extend-select": ("extend_select", _str_list),
    "ignore": ("ignore", _str_list),
    "per-file-ignores": ("per_file_ignores", _per_file_ignores),
    "fail-level": ("fail_level", _severity),
    "language": ("language", _string),
    "include": ("include", _str_list),
    "extend-include": ("include", _str_list),  # added to include (the default, if unset)
    "exclude": ("exclude", _str_list),
    "extend-exclude": ("exclude", _str_list),
    "rules": ("rule_settings", _rules_table),
    "custom-rules": ("custom_rules", _string),
    "spacy-model": ("spacy_model", _string),
    "cache-dir": ("cache_dir", _string),
    "max-file-size": ("max_file_size", _file_size),
}

# Sections owned by other parts of okrlint, validated where they are used.
EXTRA_SECTIONS = ("alignment", "levels", "baseline")


def _type_name(value: Any) -> str:
    return {dict: "a table", list: "a list", str: "a string", bool: "a boolean"}.get(
        type(value), type(value).__name__
    )


def check_values(data: Any, where: str, limit: int = MAX_NESTING) -> None:
    """Refuse what no setting can hold: nesting deeper than ``limit`` levels, and a NUL
    character in any text (no path or name has one; the operating system refuses it)."""
    stack = [(data, 0, "")]
    while stack:  # iterative: the value may be nested as deep as its parser allows
        value, depth, key = stack.pop()
        if depth > limit:
            raise ConfigError(f"'{key}' is nested deeper than {limit} levels", where)
        if isinstance(value, str):
            if "\x00" in value:
                raise ConfigError(f"'{key}' holds a NUL character", where)
        elif isinstance(value, dict):
            for k, v in value.items():
                name = f"{key}.{k}" if key else str(k)
                if "\x00" in str(k):
                    raise ConfigError(f"the key {name!r} holds a NUL character", where)
                stack.append((v, depth + 1, name))
        elif isinstance(value, list | tuple):
            stack.extend((v, depth + 1, key) for v in value)


def parse_config(data: Mapping[str, Any], source: str | None) -> Config:
    where = source or "<config>"
    check_values(data, where)
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    extend_include: tuple[str, ...] = ()
    for raw_key, value in data.items():
        key = str(raw_key).replace("_", "-")
        if key in EXTRA_SECTIONS:
            extra[key] = value
            continue
        if key not in _KEYS:
            close = difflib.get_close_matches(key, [*_KEYS, *EXTRA_SECTIONS], n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise ConfigError(f"unknown config key '{raw_key}'{hint}", where)
        attr, convert = _KEYS[key]
        converted = convert(key, value, where)
        if key == "extend-include":
            extend_include += converted
            continue
        if attr == "exclude" and attr in values:
            converted = values[attr] + converted
        values[attr] = converted
    if "language" in values and values["language"] not in ("en", "nb"):
        raise ConfigError(f"'language' must be 'en' or 'nb', got {values['language']!r}", where)
    if extend_include:
        values["include"] = values.get("include", DEFAULT_INCLUDE) + extend_include
    origins = {attr: where for attr in values}
    return Config(**values, source=source, origins=origins, extra=extra)


def load_config_file(path: Path) -> Config | None:
    """The okrlint config in ``path``; None for a pyproject.toml without [tool.okrlint]."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read config: {exc.strerror}", str(path)) from None
    if path.name.endswith(".toml"):
        try:
            data = tomllib.loads(raw.decode("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"invalid TOML: {exc}", str(path)) from None
        except RecursionError:
            raise ConfigError(_TOO_DEEP, str(path)) from None
        except ValueError:  # Python reads no integer of more than 4 300 digits
            raise ConfigError("invalid TOML: a number of thousands of digits", str(path)) from None
        section = data.get("tool", {}).get("okrlint")
        if section is None:
            return None if path.name == "pyproject.toml" else Config(source=str(path))
        if not isinstance(section, dict):
            raise ConfigError("[tool.okrlint] must be a table", str(path))
        return parse_config(section, str(path))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"invalid YAML: {exc}", str(path)) from None
    data = safe_yaml(text, str(path)) or {}
    if not isinstance(data, dict):
        raise ConfigError("the config must be a mapping of keys", str(path))
    return parse_config(data, str(path))


_TOO_DEEP = f"nesting deeper than {MAX_NESTING} levels"


def safe_yaml(text: str, where: str) -> Any:
    """The first YAML document of ``text`` as Python values, composed with the document
    reader's limits: no tags constructed, nesting and alias expansion bounded (an alias bomb
    once filled 2.5 GB here), every problem one ``OkrlintError`` with its line."""
    import yaml  # only for a YAML file: 'okrlint rules' and 'explain' start faster without

    from okrlint.readers.yaml_reader import compose_documents

    for root in compose_documents(where, text):
        loader = yaml.SafeLoader("")
        try:
            return loader.construct_document(root)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            raise ConfigError(f"invalid YAML: {exc}", where, line) from None
        finally:
            loader.dispose()
    return None


def find_config(start: Path) -> Config:
    """Walk up from ``start`` to the first folder with an okrlint config."""
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for candidate_dir in (folder, *folder.parents):
        for name in CONFIG_FILES:
            candidate = candidate_dir / name
            if candidate.is_file():
                found = load_config_file(candidate)
                if found is not None:
                    return found
    return Config()
