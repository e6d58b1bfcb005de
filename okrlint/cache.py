"""The findings cache, after ruff's: unchanged files are not parsed, analysed or checked again.

Two kinds of entry live in ``.okrlint_cache/`` (next to the config file, or in the current
folder; ``cache-dir`` in config or ``--cache-dir`` moves it):

* a **file entry** per checked file, keyed by the sha256 of the file's bytes, the okrlint
  version (plus a fingerprint of okrlint's own code and lexicons, so an edited checkout never
  serves stale results), the resolved config and rule set, the display path and any language
  or format override. It holds the parsed documents and the findings of every rule that looks
  at one element at a time.
* a **set entry** per OKR set, keyed by every file key of the run. It holds the findings of
  document rules (``Target.DOCUMENT``): those may read ``RuleContext.documents``, the whole set,
  so their findings are only reused when no file of the set changed.

A re-run over unchanged files therefore reads a few JSON files and never imports spaCy. Values
are JSON (never pickle: a cache folder is not trusted code). Writes go to a temporary file
that is renamed into place, so concurrent runs never see half an entry; an entry that cannot
be read or decoded is a miss. Input read from stdin is never cached.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import math
import os
import stat
import sys
import threading
import types
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import Enum
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import orjson

import okrlint
from okrlint import linear, model
from okrlint.config import Config
from okrlint.errors import OkrlintError
from okrlint.frozen import build_lines
from okrlint.i18n import Message
from okrlint.model import Finding

CACHE_DIR_NAME = ".okrlint_cache"
FORMAT_VERSION = "1"  # bump when the layout of the folder changes (ENTRY_VERSION: an entry)
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by okrlint.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)


# ------------------------------------------------------------------------- values as JSON

# An entry is JSON of plain rows: each model object is the list of its fields in the order
# the dataclass declares them (a Span is [line, column, end, end(, sheet)]), a frozenset a
# sorted list, an enum its value. A Message (a str that knows its catalogue entry) is its
# row as JSON text, "[English text, msgid, plural, count, context, [[name, value], ...]]",
# written once in the entry's "messages" list and named by its index there wherever it is
# used (a message inside another one's values is {"m": <its row's text>}): the findings of
# a file repeat a few messages, and a message that recurs across files is decoded once. The
# type of every field is known from the model, so no object carries a tag: orjson reads an
# entry in one C call and one small function per class rebuilds the objects, checking every
# value's type on the way, so that valid JSON of the wrong shape is a miss, never a crash
# later.
ENTRY_VERSION = 3  # the "entry" key of every entry; bump when the rows change
_MODEL_TYPES: dict[str, type] = {
    name: obj
    for name, obj in vars(model).items()
    if isinstance(obj, type) and dataclasses.is_dataclass(obj) and obj.__module__ == model.__name__
}
_INT_RANGE = range(-(2**63), 2**63)  # what orjson reads back as an int


@cache
def _init_fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if f.init)


def _plain(value: Any, table: dict[str, int] | None = None) -> Any:
    """``value`` as rows of plain JSON data; ValueError for a number JSON cannot carry
    exactly (orjson reads a 20-digit integer as a float and refuses NaN), so that such a
    file is not cached rather than read back changed. With ``table``, a message is its
    index in it (the entry's "messages"), added when new."""
    kind = type(value)
    if kind is str or kind is bool or value is None:
        return value
    if kind is int:
        if value not in _INT_RANGE:
            raise ValueError("an integer too large for the cache")
        return value
    if kind is float:
        if value != value or value in (math.inf, -math.inf):
            raise ValueError("a number the cache cannot hold")
        return value
    if kind is _Span:  # the commonest object, kept small: no sheet but a spreadsheet's
        row = [value.line, value.column, value.end_line, value.end_column]
        return [*row, value.sheet] if value.sheet is not None else row
    if kind is Message:
        values = [[name, _plain(v)] for name, v in value.values]
        row = [str(value), value.msgid, value.plural, value.count, value.context, values]
        text = json.dumps(row, ensure_ascii=False, separators=(",", ":"))
        return {"m": text} if table is None else table.setdefault(text, len(table))
    if kind is tuple or kind is list:
        return [_plain(v, table) for v in value]
    if kind is frozenset or kind is set:
        return sorted((_plain(v, table) for v in value), key=repr)
    if isinstance(value, Enum):
        return value.value
    if _MODEL_TYPES.get(kind.__name__) is kind:
        return [_plain(getattr(value, name), table) for name in _init_fields(kind)]
    raise TypeError(f"cannot cache a {kind.__name__}")


class _Wrong(TypeError):
    """A value of the wrong type in an entry: the entry is a miss."""


def _str(value: Any) -> Any:
    if type(value) is str:
        return value
    if type(value) is dict:  # a field typed str may hold a Message
        return _message(value)
    raise _Wrong


def _int(value: Any) -> Any:
    if type(value) is int:
        return value
    raise _Wrong


def _bool(value: Any) -> Any:
    if type(value) is bool:
        return value
    raise _Wrong


def _float(value: Any) -> Any:
    if type(value) is int or type(value) is float:
        return value
    raise _Wrong


def _number(value: Any) -> Any:  # model.Number: int | float | str
    if type(value) is int or type(value) is float or type(value) is str:
        return value
    raise _Wrong


def _int_pair(value: Any) -> tuple[int, int]:
    if type(value) is list and len(value) == 2:
        first, second = value
        if type(first) is int and type(second) is int:
            return (first, second)
    raise _Wrong


def _span(value: Any) -> model.Span:
    if type(value) is list:
        if len(value) == 4:
            line, column, end_line, end_column = value
        elif len(value) == 5 and type(value[4]) is str:  # a spreadsheet's: its sheet's name
            line, column, end_line, end_column, _sheet = value
        else:
            raise _Wrong
        if type(line) is type(column) is type(end_line) is type(end_column) is int:
            return _Span(*value)
    raise _Wrong


class _Reading(threading.local):
    """The messages of the entry being read, each decoded once (``loads``)."""

    messages: Sequence[Message] = ()


_reading = _Reading()


def _message(value: Any) -> Message:
    if type(value) is int:  # an index into the entry's messages
        messages = _reading.messages
        if 0 <= value < len(messages):
            return messages[value]
        raise _Wrong
    text = value.get("m") if type(value) is dict and len(value) == 1 else None
    if type(text) is not str:
        raise _Wrong
    return _message_of(text)


@lru_cache(maxsize=4096)
def _message_of(text: str) -> Message:
    """A message from its row's JSON text. The same message recurs across files (one rule,
    the same words), so each distinct one is decoded once and then shared, as the frozen
    findings share it."""
    row = orjson.loads(text)
    if type(row) is not list or len(row) != 6:
        raise _Wrong
    english, msgid, plural, count, context, values = row
    if (
        type(english) is not str
        or type(msgid) is not str
        or not (plural is None or type(plural) is str)
        or not (count is None or type(count) is int)
        or not (context is None or type(context) is str)
        or type(values) is not list
    ):
        raise _Wrong
    pairs = []
    for pair in values:
        if type(pair) is not list or len(pair) != 2 or type(pair[0]) is not str:
            raise _Wrong
        name, said = pair
        if type(said) is dict:
            said = _message(said)
        elif type(said) is list:
            said = tuple(said)
        pairs.append((name, said))
    return Message.restore(english, msgid, plural, count, context, tuple(pairs))


def _optional(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def optional(value: Any) -> Any:
        return None if value is None else convert(value)

    return optional


def _tuple_of(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def tuple_of(value: Any) -> Any:
        if type(value) is not list:
            raise _Wrong
        return tuple([convert(v) for v in value]) if value else ()

    return tuple_of


def _fixed_tuple(converts: Sequence[Callable[[Any], Any]]) -> Callable[[Any], Any]:
    size = len(converts)

    def fixed_tuple(value: Any) -> Any:
        if type(value) is not list or len(value) != size:
            raise _Wrong
        return tuple([c(v) for c, v in zip(converts, value, strict=True)])

    return fixed_tuple


def _frozenset_of(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def frozenset_of(value: Any) -> Any:
        if type(value) is not list:
            raise _Wrong
        return frozenset([convert(v) for v in value])

    return frozenset_of


def _enum(enum: type[Enum]) -> Callable[[Any], Any]:
    members = {member.value: member for member in enum}

    def from_value(value: Any) -> Any:
        try:
            return members[value]
        except (KeyError, TypeError):  # an unknown or unhashable value
            raise _Wrong from None

    return from_value


_SCALARS: dict[Any, Callable[[Any], Any]] = {
    str: _str,
    int: _int,
    bool: _bool,
    float: _float,
    model.Span: _span,
}


def _converter(hint: Any) -> Callable[[Any], Any]:
    """The function that rebuilds one field's value from its JSON, checking its type:
    plain classes, enums, model classes, ``X | None``, ``tuple[X, ...]``, ``tuple[X, Y]``
    and ``frozenset[X]``."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        rest = tuple(a for a in args if a is not type(None))
        if set(rest) == {int, float, str}:
            inner = _number
        elif len(rest) == 1:
            inner = _converter(rest[0])
        else:
            raise TypeError(f"no cache row for {hint}")
        return _optional(inner) if len(rest) < len(args) else inner
    if origin is tuple:
        if args == (int, int):  # a highlight: the commonest fixed tuple
            return _int_pair
        if len(args) == 2 and args[1] is Ellipsis:
            return _tuple_of(_converter(args[0]))
        return _fixed_tuple([_converter(a) for a in args])
    if origin is frozenset:
        return _frozenset_of(_converter(args[0]))
    if hint in _SCALARS:
        return _SCALARS[hint]
    if isinstance(hint, type) and issubclass(hint, Enum):
        return _enum(hint)
    if _MODEL_TYPES.get(getattr(hint, "__name__", "")) is hint:
        return _decoder(hint)
    raise TypeError(f"no cache row for {hint}")


def _field_lines(i: int, hint: Any, scope: dict[str, Any]) -> list[str]:
    """The statements that check and rebuild field ``i`` (read as ``v{i}``) of type ``hint``,
    with the common values handled in place and the rest passed to their converter."""
    v = f"v{i}"
    args = typing.get_args(hint)
    if hint is str:  # or a Message, or wrong
        return [f"    if type({v}) is not str: {v} = _message({v})"]
    if args == (str, type(None)):
        return [f"    if {v} is not None and type({v}) is not str: {v} = _message({v})"]
    if hint is int or hint is bool:
        scope[f"k{i}"] = hint
        return [f"    if type({v}) is not k{i}: raise _Wrong"]
    if hint is model.Span:  # four whole numbers: the commonest row of all
        build = build_lines(model.Span, ["a", "b", "c", "d", "None"], scope, "sp")
        return [
            f"    if type({v}) is list and len({v}) == 4:",
            f"        a, b, c, d = {v}",
            "        if type(a) is not int or type(b) is not int or type(c) is not int"
            " or type(d) is not int: raise _Wrong",
            *("    " + line for line in build),
            f"        {v} = sp",
            f"    else: {v} = _span({v})",
        ]
    if isinstance(hint, type) and issubclass(hint, Enum):
        scope[f"m{i}"] = {member.value: member for member in hint}
        return [
            f"    try: {v} = m{i}[{v}]",
            "    except (KeyError, TypeError): raise _Wrong from None",
        ]
    if (
        typing.get_origin(hint) in (typing.Union, types.UnionType)
        and len(args) == 2
        and (type(None) in args)
    ):  # X | None: None, or an X
        scope[f"c{i}"] = _converter(next(a for a in args if a is not type(None)))
        return [f"    if {v} is not None: {v} = c{i}({v})"]
    scope[f"c{i}"] = _converter(hint)
    if typing.get_origin(hint) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return [f"    {v} = () if {v} == [] else c{i}({v})"]  # most are empty
    return [f"    {v} = c{i}({v})"]


@cache
def _decoder(cls: type) -> Callable[[Any], Any]:
    """The function that rebuilds a ``cls`` from its row, checking every value's type.

    Written out as source for each class, one statement per field, as ``dataclasses`` writes
    ``__init__``: a cached re-run rebuilds tens of thousands of findings, and a loop over the
    fields of each, or a call per field, cost a third of the rebuilding. Texts, whole numbers,
    spans, enums and empty tuples, most of the values, are checked in place."""
    hints = typing.get_type_hints(cls)
    names = _init_fields(cls)
    scope: dict[str, Any] = {"_Wrong": _Wrong, "_message": _message, "_span": _span}
    values = ", ".join(f"v{i}" for i in range(len(names)))
    lines = [
        "def decode(row):",
        f"    if type(row) is not list or len(row) != {len(names)}:",
        "        raise _Wrong",
        f"    {values}{',' if len(names) == 1 else ''} = row",
    ]
    for i, name in enumerate(names):
        lines += _field_lines(i, hints[name], scope)
    lines += build_lines(cls, [f"v{i}" for i in range(len(names))], scope, "o")
    lines.append("    return o")
    exec("\n".join(lines), scope)  # our own source, from the model's fields
    return scope["decode"]


_Span = model.Span


def dumps(value: Any) -> bytes:
    """An entry's JSON bytes: ``value`` (a dict) as plain rows, its messages listed once."""
    table: dict[str, int] = {}
    rows = {key: _plain(v, table) for key, v in value.items()}
    plain = {"entry": ENTRY_VERSION, "messages": list(table), **rows}
    return json.dumps(plain, ensure_ascii=False, separators=(",", ":")).encode()


def loads(data: bytes, fields: Mapping[str, Callable[[Any], Any]]) -> dict[str, Any]:
    """The inverse of ``dumps``: ``fields`` names each key of the entry and the function
    that rebuilds its value. Raises on anything ``dumps`` did not write."""
    raw = orjson.loads(data)
    if type(raw) is not dict or raw.get("entry") != ENTRY_VERSION:
        raise _Wrong
    texts = raw.get("messages")
    if type(texts) is not list:
        raise _Wrong
    messages = []
    for text in texts:
        if type(text) is not str:
            raise _Wrong
        messages.append(_message_of(text))
    _reading.messages = messages
    try:
        return {key: convert(raw[key]) for key, convert in fields.items()}
    finally:
        _reading.messages = ()


def findings_of(value: Any) -> tuple[Finding, ...]:
    """Findings from their rows."""
    return _tuple_of(_decoder(Finding))(value)


def documents_of(value: Any) -> tuple[model.Document, ...]:
    """Documents from their rows."""
    return _tuple_of(_decoder(model.Document))(value)


# ------------------------------------------------------------------------------ fingerprints


def _sha(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()


def _tree_stamp(folder: Path) -> list[tuple[str, int, int]]:
    """(relative path, size, mtime) of the code and data files under ``folder``."""
    stamps = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            if name.endswith((".py", ".yaml", ".yml", ".json")):
                path = Path(dirpath, name)
                try:
                    stat = path.stat()
                except OSError:
                    continue
                stamps.append((path.relative_to(folder).as_posix(), stat.st_size, stat.st_mtime_ns))
    return stamps


@cache
def _code_stamp() -> str:
    """okrlint's own code and lexicons: an edited checkout keeps its version number."""
    folders = [Path(okrlint.__file__).parent]
    rules = sys.modules.get("okrlint.rules")
    if rules is not None:
        folders.extend(Path(p) for p in getattr(rules, "__path__", ()))
    return _sha(json.dumps([_tree_stamp(f) for f in folders]))


def code_fingerprint() -> str:
    # read at call time, so a changed version (or a test that sets one) changes every key
    return _sha("okrlint", okrlint.__version__, FORMAT_VERSION, str(ENTRY_VERSION), _code_stamp())


def _module_stamp(module_name: str) -> tuple[str, int, int] | None:
    module = sys.modules.get(module_name)
    file = getattr(module, "__file__", None)
    if not file:
        return None
    try:
        stat = os.stat(file)
    except OSError:
        return None
    return (module_name, stat.st_size, stat.st_mtime_ns)


def _custom_rules_stamp(config: Config) -> list[tuple[str, str]]:
    """The rule files' names and hashes: the files the rules were loaded from and nothing
    else (every entry of the folder used to be read, a named pipe or /dev/zero included)."""
    if not config.custom_rules:
        return []
    from okrlint.custom import rule_files
    from okrlint.files import read_regular_file

    folder = config.root / config.custom_rules
    found = []
    for path in rule_files(folder) if folder.is_dir() else []:
        try:
            found.append((path.name, _sha(read_regular_file(str(path), config.max_file_size))))
        except (OSError, OkrlintError):
            found.append((path.name, "unreadable"))
    return found


def config_fingerprint(config: Config, active: Sequence[Any]) -> str:
    """Everything in the resolved config that can change a finding.

    ``active`` is the engine's list of ActiveRule (rule, severity, options). The files
    the rule checks come from are stamped too, so an upgraded plugin is a new rule set.
    ``fail-level``, ``include`` and ``exclude`` change which files run and the exit
    status, never a file's findings, so they are left out.
    """
    rules = [
        [
            item.rule.code,
            item.rule.name,
            item.rule.target.value,
            item.rule.origin,
            item.severity.value,
            sorted((str(k), repr(v)) for k, v in item.options.items()),
            _module_stamp(getattr(item.rule.check, "__module__", "") or ""),
        ]
        for item in active
    ]
    data = {
        "rules": rules,
        "per_file_ignores": sorted((k, list(v)) for k, v in config.per_file_ignores.items()),
        "root": str(config.root),  # per-file-ignores match paths relative to it
        "language": config.language,
        "extra": repr(sorted(config.extra.items(), key=lambda kv: kv[0])),
        "custom_rules": _custom_rules_stamp(config),
    }
    return _sha(json.dumps(data, sort_keys=True, default=repr))


# ----------------------------------------------------------------------------------- entries


@dataclasses.dataclass(frozen=True)
class FileEntry:
    """What one checked file produced: its documents and its per-element findings."""

    format: str | None
    language: str | None
    language_source: str | None
    errors: int
    documents: tuple[model.Document, ...]
    findings: tuple[Finding, ...]


def _optional_text(value: Any) -> str | None:
    if value is None or type(value) is str:
        return value
    raise _Wrong


_FILE_ENTRY = {
    "format": _optional_text,
    "language": _optional_text,
    "language_source": _optional_text,
    "errors": _int,
    "documents": documents_of,
    "findings": findings_of,
}
_SET_ENTRY = {"findings": findings_of}


class Cache:
    """A folder of entries; every failure to read or write one is silently a miss."""

    def __init__(self, folder: Path, code_fp: str, config_fp: str) -> None:
        self.folder = folder
        self._salt = _sha(code_fp, config_fp)
        self._ready = False
        self._dirs: set[Path] = set()  # folders of entries already checked to be real folders
        self._shards: dict[str, str] = {}  # the same, for reading: a shard's name -> its path
        self.hits = 0
        self.misses = 0

    # keys
    def file_key(self, display: str, data: bytes, overrides: Iterable[str | None] = ()) -> str:
        marks = [o or "" for o in overrides]
        return _sha("file", self._salt, display, *marks, hashlib.sha256(data).digest())

    def set_key(self, file_keys: Iterable[str]) -> str:
        return _sha("set", self._salt, *file_keys)

    # file entries
    def load_file(self, key: str) -> FileEntry | None:
        try:
            raw = self._read(key, _FILE_ENTRY)
            entry = FileEntry(**raw)
        except Exception:  # a bad entry of any shape is a miss, never a failed run
            self.misses += 1
            return None
        self.hits += 1
        return entry

    def store_file(self, key: str, entry: FileEntry) -> None:
        self._write(
            key,
            {
                "format": entry.format,
                "language": entry.language,
                "language_source": entry.language_source,
                "errors": entry.errors,
                "documents": entry.documents,
                "findings": entry.findings,
            },
        )

    # set entries
    def load_findings(self, key: str) -> tuple[Finding, ...] | None:
        try:
            return self._read(key, _SET_ENTRY)["findings"]
        except Exception:
            return None

    def store_findings(self, key: str, findings: Sequence[Finding]) -> None:
        self._write(key, {"findings": tuple(findings)})

    # the folder
    def _path(self, key: str) -> Path:
        return self.folder / f"v{FORMAT_VERSION}" / key[:2] / f"{key[2:]}.json"

    def _read(self, key: str, fields: Mapping[str, Callable[[Any], Any]]) -> dict[str, Any]:
        """The entry's values; raises (OSError, ValueError, ...) when missing or damaged."""
        shard = self._shards.get(key[:2])
        if shard is None:  # a folder of entries, once found a real folder, is not checked again
            shard = os.path.join(self.folder, f"v{FORMAT_VERSION}", key[:2])
            if not _is_real_dir(shard):
                raise FileNotFoundError(shard)
            self._shards[key[:2]] = shard
        return loads(_read_own_file(os.path.join(shard, f"{key[2:]}.json")), fields)

    def _write(self, key: str, value: Any) -> None:
        path = self._path(key)
        try:
            self._prepare()
            if path.parent not in self._dirs:
                _make_real_dirs(self.folder, path.parent)
                self._dirs.add(path.parent)
            data = dumps(value)
            # mkstemp creates a new file (O_EXCL) in a folder checked to be no symlink, and
            # os.replace renames over a link rather than through it: nothing lands outside.
            import tempfile  # a run served from the cache writes nothing: no need of it

            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(data)
                os.replace(tmp, path)  # atomic: readers see the old entry or the new one
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except (OSError, ValueError, TypeError, RecursionError):
            # a read-only or full disk, or a value JSON cannot hold, only makes the next run
            # slower
            return

    def _prepare(self) -> None:
        if self._ready:
            return
        self.folder.parent.mkdir(parents=True, exist_ok=True)  # the user's own path up to it
        _make_real_dirs(self.folder.parent, self.folder)
        for name, text in ((".gitignore", GITIGNORE), ("CACHEDIR.TAG", CACHEDIR_TAG)):
            _create_new_file(self.folder / name, text)
        self._ready = True


# ------------------------------------------------------------------------ folder safety
#
# The cache folder is the only place okrlint writes on its own, so it is checked before use:
# it must be a dedicated folder (never the project, the current folder or a folder above
# them, never a folder holding files okrlint did not write, never one where okrlint looks for
# OKR files), no part of it may be a symlink, and ``clean`` removes only the entries okrlint's
# own layout names, never a whole tree.

GITIGNORE = "# Created by okrlint automatically.\n*\n"
_MAX_ENTRY_BYTES = 256 * 1024 * 1024
_LAYOUT_TOP = linear.compile(r"v[0-9]+\Z")
_LAYOUT_SHARD = linear.compile(r"[0-9a-f]{2}\Z")
_LAYOUT_ENTRY = linear.compile(r"(?:[0-9a-f]{62}|\.tmp-[A-Za-z0-9_]+)\.json\Z")


def _is_real_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def _make_real_dirs(base: Path, folder: Path) -> None:
    """Create ``folder`` (and the folders between ``base`` and it); raise OSError when any of
    them is a symlink or not a folder, so that no write is redirected elsewhere."""
    try:
        parts = folder.relative_to(base).parts
    except ValueError:
        parts = (folder.name,)
        base = folder.parent
    current = base
    for part in parts:
        current = current / part
        with contextlib.suppress(FileExistsError):
            os.mkdir(current)
        if not _is_real_dir(current):
            raise NotADirectoryError(f"{current} is not a real folder")


def _create_new_file(path: Path, text: str) -> None:
    """Write a new file; an existing file or symlink (dangling or not) is left as it is."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, 0o644)
    except FileExistsError:
        return
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)


def _read_own_file(path: Path | str, limit: int = _MAX_ENTRY_BYTES) -> bytes:
    """The bytes of a regular file that is no symlink, of at most ``limit`` bytes."""
    from okrlint.files import read_at_most

    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            raise ValueError(f"{path} is not a cache entry")
        return read_at_most(fd, limit + 1, info.st_size)
    finally:
        os.close(fd)


def _is_our_tag(folder: Path) -> bool:
    try:
        return _read_own_file(folder / "CACHEDIR.TAG", 4096).decode("utf-8") == CACHEDIR_TAG
    except (OSError, ValueError):
        return False


def _foreign_names(folder: Path) -> list[str]:
    """Names at the top of ``folder`` that okrlint's layout does not account for."""
    ours = {"CACHEDIR.TAG", ".gitignore"}
    return sorted(
        name
        for name in os.listdir(folder)
        if name not in ours and not (_LAYOUT_TOP.match(name) and _is_real_dir(folder / name))
    )


def _protected_folders(config: Config) -> list[tuple[Path, str]]:
    """Folders the cache must never be, nor be above: they hold the user's files."""
    found = [(Path.cwd().resolve(), "the current folder"), (config.root, "the project folder")]
    for folder in (config.root, *config.root.parents):
        if any((folder / marker).exists() for marker in (".git", ".hg", ".svn")):
            found.append((folder, "the repository's top folder"))
            break
    home = Path.home()
    if home.is_dir():
        found.append((home.resolve(), "your home folder"))
    return found


def check_cache_folder(
    folder: Path, config: Config, where: str | None = None, named: str | None = None
) -> None:
    """Raise OkrlintError unless ``folder`` is safe to hold okrlint's cache.

    ``where`` is the config file that named the folder (None: the command line or default),
    ``named`` the folder as the user wrote it.
    """
    from okrlint.errors import ConfigError
    from okrlint.files import matches_any

    def refuse(problem: str) -> ConfigError:
        advice = "choose a folder of its own, such as .okrlint_cache"
        at = config.at("cache-dir") if where else (None, None)  # the key that named it
        return ConfigError(f"cache folder '{named or folder}' {problem}; {advice}", where, *at)

    if folder.is_symlink():
        raise refuse("is a symbolic link")
    resolved = folder.resolve()
    for protected, what in _protected_folders(config):
        if resolved == protected or resolved in protected.parents:
            relation = "is" if resolved == protected else "is above"
            raise refuse(f"{relation} {what}, and okrlint never mixes its cache with your files")
    try:
        relative = resolved.relative_to(config.root).as_posix()
    except ValueError:
        relative = None
    if relative is not None and any(
        matches_any(f"{relative}/okrs.{ext}", config.include) for ext in ("yaml", "md", "txt")
    ):
        raise refuse(
            "lies where okrlint looks for OKR files ('include'), and its .gitignore would hide "
            "them from git"
        )
    if not resolved.exists():
        return
    if not resolved.is_dir():
        raise refuse("exists and is not a folder")
    foreign = _foreign_names(resolved)
    if foreign or (os.listdir(resolved) and not _is_our_tag(resolved)):
        example = f" (such as {foreign[0]!r})" if foreign else ""
        raise refuse(f"holds files okrlint did not write{example}")


@dataclasses.dataclass(frozen=True)
class Cleaned:
    removed: int  # entries and markers deleted
    left: tuple[str, ...]  # paths (relative to the folder) okrlint did not write: kept
    folder_removed: bool


def clean(folder: Path) -> Cleaned | None:
    """Delete the entries okrlint wrote in ``folder``, found through its tag and its own
    layout, never following a symlink; None when ``folder`` is no okrlint cache."""
    if folder.is_symlink() or not _is_real_dir(folder) or not _is_our_tag(folder):
        return None
    removed = 0
    left: list[str] = []

    def unlink(path: Path) -> None:
        nonlocal removed
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed += 1

    for top in sorted(os.scandir(folder), key=lambda e: e.name):
        if top.name == "CACHEDIR.TAG":
            continue
        if top.name == ".gitignore":
            if _own_text(Path(top.path)) == GITIGNORE:
                unlink(Path(top.path))
            else:
                left.append(top.name)
        elif _LAYOUT_TOP.match(top.name) and top.is_dir(follow_symlinks=False):
            left.extend(_clean_version(Path(top.path), unlink))
        else:
            left.append(top.name)
    unlink(folder / "CACHEDIR.TAG")  # a folder with the tag is skipped by backups: drop it
    if left:
        return Cleaned(removed, tuple(left), False)
    with contextlib.suppress(OSError):
        folder.rmdir()
    return Cleaned(removed, (), not folder.exists())


def _clean_version(top: Path, unlink: Callable[[Path], None]) -> list[str]:
    left: list[str] = []
    for shard in sorted(os.scandir(top), key=lambda e: e.name):
        if not (_LAYOUT_SHARD.match(shard.name) and shard.is_dir(follow_symlinks=False)):
            left.append(f"{top.name}/{shard.name}")
            continue
        for entry in sorted(os.scandir(shard.path), key=lambda e: e.name):
            if _LAYOUT_ENTRY.match(entry.name) and entry.is_file(follow_symlinks=False):
                unlink(Path(entry.path))
            else:
                left.append(f"{top.name}/{shard.name}/{entry.name}")
        with contextlib.suppress(OSError):
            os.rmdir(shard.path)
    with contextlib.suppress(OSError):
        top.rmdir()
    return left


def _own_text(path: Path) -> str | None:
    try:
        return _read_own_file(path, 4096).decode("utf-8")
    except (OSError, ValueError):
        return None


def cache_folder(config: Config, override: str | None = None) -> Path:
    """``--cache-dir``, else ``cache-dir`` from config (relative to the config file), else
    ``.okrlint_cache`` next to the config file (or in the current folder)."""
    if override:
        return Path(override)
    if config.cache_dir:
        return config.root / config.cache_dir
    return config.root / CACHE_DIR_NAME


def open_cache(config: Config, active: Sequence[Any], override: str | None = None) -> Cache:
    """The run's cache; raises OkrlintError when its folder is not safe to write in."""
    folder = cache_folder(config, override)
    if override:
        check_cache_folder(folder, config, None, override)
    else:
        check_cache_folder(folder, config, config.source, config.cache_dir)
    return Cache(folder, code_fingerprint(), config_fingerprint(config, active))
