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
    messages = "auto"

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

from okrlint import linear
from okrlint.errors import ConfigError, OkrlintError
from okrlint.i18n import Message, _, pgettext, with_guess
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
    # the language of okrlint's messages: "en", "nb", or "auto" (None): each file's own
    messages: str | None = None
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    rule_settings: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    custom_rules: str | None = None  # a folder of YAML rules, relative to the config file
    cache_dir: str | None = None
    max_file_size: int = 5_000_000  # bytes
    source: str | None = None  # the file this came from, None for defaults
    # where each value came from ("default", a file path, or "command line")
    origins: Mapping[str, str] = field(default_factory=dict)
    extra: Mapping[str, Any] = field(default_factory=dict)  # sections other issues add
    # where each key is in the config file (line, column), for errors that point at it
    positions: Mapping[tuple[str, ...], tuple[int, int]] = field(
        default_factory=dict, compare=False, repr=False
    )

    @property
    def root(self) -> Path:
        return Path(self.source).resolve().parent if self.source else Path.cwd()

    def at(self, *keys: str) -> tuple[int | None, int | None]:
        """The line and column of a key in the config file (``at("rules", "kr-vague")``),
        else of the table around it; (None, None) when unknown."""
        return position_of(self.positions, keys)

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
    raise ConfigError(
        _("'{key}' must be a list of strings, got {kind}", key=key, kind=_type_name(value)), where
    )


def _severity(key: str, value: Any, where: str) -> Severity:
    if not isinstance(value, str):
        raise ConfigError(_must_be_a_string(key, value), where)
    try:
        return Severity.parse(value)
    except ValueError:
        raise ConfigError(unknown_severity(f"'{key}'", value), where) from None


def unknown_severity(setting: str, value: str) -> Message:
    return _(
        "{setting}: unknown severity {value} (choose from {choices})",
        setting=setting,
        value=repr(value),
        choices=", ".join(s.value for s in Severity),
    )


def _must_be_a_string(key: str, value: Any) -> Message:
    return _("'{key}' must be a string, got {kind}", key=key, kind=_type_name(value))


def _string(key: str, value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise ConfigError(_must_be_a_string(key, value), where)
    return value


MAX_FILE_SIZE = 1_000_000_000  # bytes: the largest max-file-size okrlint accepts
CONFIG_SIZE_LIMIT = 10_000_000  # bytes: a config file larger than this is refused unread
MAX_NESTING = 20  # levels of tables and lists in a config file; okrlint's own use a few


def _file_size(key: str, value: Any, where: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_FILE_SIZE:
        return value
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        shown = _("a number of more than 19 digits")
    else:
        shown = repr(value)
    limit = f"{MAX_FILE_SIZE:,}".replace(",", " ")
    raise ConfigError(
        _(
            "'{key}' must be a whole number of bytes from 1 to {limit}, got {shown}",
            key=key,
            limit=limit,
            shown=shown,
        ),
        where,
    )


def _per_file_ignores(key: str, value: Any, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise ConfigError(
            _(
                "'{key}' must be a table of glob = [codes], got {kind}",
                key=key,
                kind=_type_name(value),
            ),
            where,
        )
    return {str(k): _str_list(f"{key}.{k}", v, where) for k, v in value.items()}


def _rules_table(key: str, value: Any, where: str) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise ConfigError(_("'{key}' must be a table of tables, one per rule", key=key), where)
    return {str(k): dict(v) for k, v in value.items()}


_KEYS = {
    "select": ("select", _str_list),
    "extend-select": ("extend_select", _str_list),
    "ignore": ("ignore", _str_list),
    "per-file-ignores": ("per_file_ignores", _per_file_ignores),
    "fail-level": ("fail_level", _severity),
    "language": ("language", _string),
    "messages": ("messages", _string),
    "include": ("include", _str_list),
    "extend-include": ("include", _str_list),  # added to include (the default, if unset)
    "exclude": ("exclude", _str_list),
    "extend-exclude": ("exclude", _str_list),
    "rules": ("rule_settings", _rules_table),
    "custom-rules": ("custom_rules", _string),
    "cache-dir": ("cache_dir", _string),
    "max-file-size": ("max_file_size", _file_size),
}

# Sections owned by other parts of okrlint, validated where they are used.
EXTRA_SECTIONS = ("alignment", "levels", "baseline")


def _type_name(value: Any) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


_TYPE_NAMES = {
    dict: pgettext("config value", "a table"),
    list: pgettext("config value", "a list"),
    str: pgettext("config value", "a string"),
    bool: pgettext("config value", "a boolean"),
}


def check_values(data: Any, where: str, limit: int = MAX_NESTING) -> None:
    """Refuse what no setting can hold: nesting deeper than ``limit`` levels, and a NUL
    character in any text (no path or name has one; the operating system refuses it)."""
    stack = [(data, 0, "")]
    while stack:  # iterative: the value may be nested as deep as its parser allows
        value, depth, key = stack.pop()
        if depth > limit:
            raise ConfigError(
                _("'{key}' is nested deeper than {limit} levels", key=key, limit=limit), where
            )
        if isinstance(value, str):
            if "\x00" in value:
                raise ConfigError(_("'{key}' holds a NUL character", key=key), where)
        elif isinstance(value, dict):
            for k, v in value.items():
                name = f"{key}.{k}" if key else str(k)
                if "\x00" in str(k):
                    raise ConfigError(
                        _("the key {name} holds a NUL character", name=repr(name)), where
                    )
                stack.append((v, depth + 1, name))
        elif isinstance(value, list | tuple):
            stack.extend((v, depth + 1, key) for v in value)


def parse_config(
    data: Mapping[str, Any],
    source: str | None,
    positions: Mapping[tuple[str, ...], tuple[int, int]] | None = None,
) -> Config:
    """The Config of a ``[tool.okrlint]`` table; ``positions`` (of each key in the file) put
    an error at its key's line and column."""
    positions = positions or {}
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
            message = _("unknown config key '{key}'", key=str(raw_key))
            line, column = position_of(positions, (str(raw_key),))
            raise ConfigError(with_guess(message, close[0] if close else None), where, line, column)
        attr, convert = _KEYS[key]
        try:
            converted = convert(key, value, where)
        except ConfigError as exc:
            line, column = position_of(positions, (str(raw_key),))
            raise ConfigError(exc.message, where, line, column) from None
        if key == "extend-include":
            extend_include += converted
            continue
        if attr == "exclude" and attr in values:
            converted = values[attr] + converted
        values[attr] = converted
    if "language" in values and values["language"] not in ("en", "nb"):
        raise ConfigError(
            _("'language' must be 'en' or 'nb', got {value}", value=repr(values["language"])),
            where,
            *position_of(positions, ("language",)),
        )
    if "messages" in values and values["messages"] not in ("en", "nb", "auto"):
        raise ConfigError(
            _(
                "'messages' must be 'en', 'nb' or 'auto', got {value}",
                value=repr(values["messages"]),
            ),
            where,
            *position_of(positions, ("messages",)),
        )
    if extend_include:
        values["include"] = values.get("include", DEFAULT_INCLUDE) + extend_include
    origins = {attr: where for attr in values}
    return Config(**values, source=source, origins=origins, extra=extra, positions=positions)


def load_config_file(path: Path) -> Config | None:
    """The okrlint config in ``path``; None for a pyproject.toml without [tool.okrlint]."""
    from okrlint.files import read_own_file

    try:
        raw = read_own_file(str(path), CONFIG_SIZE_LIMIT, "config")
    except OkrlintError as exc:  # unreadable, a named pipe, a device, many megabytes
        raise ConfigError(exc.message, str(path)) from None
    if path.name.endswith(".toml"):
        try:
            text = raw.decode("utf-8")
            data = tomllib.loads(text)
        except UnicodeDecodeError as exc:
            raise ConfigError(_invalid_utf8(exc.start), str(path)) from None
        except tomllib.TOMLDecodeError as exc:
            raise _toml_error(exc, str(path)) from None
        except RecursionError:
            raise ConfigError(_TOO_DEEP, str(path)) from None
        except ValueError:  # Python reads no integer of more than 4 300 digits
            raise ConfigError(
                _("invalid TOML: a number of thousands of digits"), str(path)
            ) from None
        section = data.get("tool", {}).get("okrlint")
        if section is None:
            return None if path.name == "pyproject.toml" else Config(source=str(path))
        positions = toml_positions(text, ("tool", "okrlint"))
        if not isinstance(section, dict):
            line, column = position_of(toml_positions(text, ("tool",)), ("okrlint",))
            raise ConfigError(_("[tool.okrlint] must be a table"), str(path), line, column)
        return parse_config(section, str(path), positions)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(_invalid_utf8(exc.start), str(path)) from None
    data = safe_yaml(text, str(path)) or {}
    if not isinstance(data, dict):
        raise ConfigError(_("the config must be a mapping of keys"), str(path))
    return parse_config(data, str(path), yaml_positions(text, str(path)))


_TOML_AT = linear.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def _toml_error(exc: tomllib.TOMLDecodeError, path: str) -> ConfigError:
    """tomllib says where in its message ("… (at line 6, column 8)"); the error carries it."""
    message = str(exc)
    at = _TOML_AT.search(message)
    if at is None:
        return ConfigError(_("invalid TOML: {problem}", problem=message), path)
    return ConfigError(
        _("invalid TOML: {problem}", problem=message[: at.start()]),
        path,
        int(at.group(1)),
        int(at.group(2)),
    )


def _invalid_utf8(offset: int) -> Message:
    return _("invalid UTF-8 at byte {offset}", offset=str(offset))


_TOO_DEEP = _("nesting deeper than {limit} levels", limit=MAX_NESTING)


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
            column = mark.column + 1 if mark is not None else None
            raise ConfigError(
                _("invalid YAML: {problem}", problem=str(exc)), where, line, column
            ) from None
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


# ------------------------------------------------------------- where a key is in the file

Position = tuple[int, int]  # 1-based line and column of a key (or a table's name)

_TOML_TABLE = linear.compile(r"[ \t]*\[\[?[ \t]*(?P<name>[^\]#]+?)[ \t]*\]\]?[ \t]*(?:#.*)?")
_TOML_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_TOML_KEY = linear.compile(
    rf"(?P<indent>[ \t]*)(?P<key>{_TOML_KEY_PART}(?:[ \t]*\.[ \t]*{_TOML_KEY_PART})*)[ \t]*="
)
_TOML_PARTS = linear.compile(_TOML_KEY_PART)


def _toml_key(dotted: str) -> tuple[str, ...]:
    parts = []
    for part in _TOML_PARTS.findall(dotted):
        if part[:1] == '"':
            part = part[1:-1].encode("utf-8").decode("unicode_escape", "replace")
        elif part[:1] == "'":
            part = part[1:-1]
        parts.append(part)
    return tuple(parts)


def toml_positions(text: str, section: tuple[str, ...] = ()) -> dict[tuple[str, ...], Position]:
    """Where each key and table of a TOML text starts, by its path below ``section``
    (``("tool", "okrlint")`` in pyproject.toml). tomllib keeps no positions; this reads
    table headers and ``key =`` lines, skipping values that span lines (arrays, inline
    tables, multi-line strings). Keys inside an inline table are not found: their table's
    key stands for them."""
    found: dict[tuple[str, ...], Position] = {}
    table: tuple[str, ...] = ()
    depth, open_string = 0, None  # a value that goes on past its line
    for number, line in enumerate(text.split("\n"), 1):
        start = 0
        if depth == 0 and open_string is None:
            header = _TOML_TABLE.fullmatch(line)
            key = None if header else _TOML_KEY.match(line)
            if header:
                table = _toml_key(header.group("name"))
                _record(found, table, section, (number, header.start("name") + 1))
                continue
            if key:
                path = table + _toml_key(key.group("key"))
                _record(found, path, section, (number, len(key.group("indent")) + 1))
                start = key.end()
        depth, open_string = _rest_of_value(line, start, depth, open_string)
    return found


def _record(found, path: tuple[str, ...], section: tuple[str, ...], where: Position) -> None:
    if path[: len(section)] == section and len(path) > len(section):
        found.setdefault(path[len(section) :], where)


def _rest_of_value(line: str, i: int, depth: int, open_string: str | None):
    """Brackets still open and a multi-line string still open after this line."""
    n = len(line)
    while i < n:
        if open_string is not None:
            end = line.find(open_string, i)
            if end == -1:
                return depth, open_string
            i, open_string = end + 3, None
            continue
        c = line[i]
        if c == "#":
            break
        if line.startswith(('"""', "'''"), i):
            open_string = line[i : i + 3]
            i += 3
        elif c == '"':
            i += 1
            while i < n and line[i] != '"':
                i += 2 if line[i] == "\\" else 1
            i += 1
        elif c == "'":
            end = line.find("'", i + 1)
            i = n if end == -1 else end + 1
        else:
            depth += c in "[{"
            depth -= c in "]}"
            i += 1
    return max(depth, 0), open_string


def yaml_positions(text: str, where: str = "<config>") -> dict[tuple[str, ...], Position]:
    """Where each key of a YAML text starts, by its path of mapping keys. Composed with the
    document reader's limits; a node reached again through an alias is not walked again."""
    import yaml

    from okrlint.readers.yaml_reader import compose_documents

    found: dict[tuple[str, ...], Position] = {}
    try:
        root = next(iter(compose_documents(where, text)), None)
    except OkrlintError:
        return found
    seen: set[int] = set()
    stack = [(root, ())]
    while stack:
        node, path = stack.pop()
        if not isinstance(node, yaml.MappingNode) or id(node) in seen or len(path) > 20:
            continue
        seen.add(id(node))
        for key, value in node.value:
            here = (*path, str(key.value))
            found.setdefault(here, (key.start_mark.line + 1, key.start_mark.column + 1))
            stack.append((value, here))
    return found


def _normal(keys: tuple[str, ...]) -> tuple[str, ...]:
    return (keys[0].replace("_", "-"), *keys[1:]) if keys else keys


def position_of(
    positions: Mapping[tuple[str, ...], Position], keys: tuple[str, ...]
) -> tuple[int | None, int | None]:
    """The line and column of a key, else of the nearest table or key around it."""
    keys = tuple(str(k) for k in keys)
    while keys:
        found = positions.get(keys) or positions.get(_normal(keys))
        if found:
            return found
        keys = keys[:-1]
    return None, None


def located(config: Config, message: str, *keys: str) -> ConfigError:
    """A ConfigError at the key's place in the config file, when the value came from one."""
    return ConfigError(message, config.source, *config.at(*keys))
