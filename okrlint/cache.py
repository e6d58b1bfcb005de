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
import os
import stat
import sys
import tempfile
import types
import typing
from collections.abc import Callable, Iterable, Sequence
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any

import okrlint
from okrlint import linear, model
from okrlint.config import Config
from okrlint.errors import OkrlintError
from okrlint.i18n import Message
from okrlint.model import Finding

CACHE_DIR_NAME = ".okrlint_cache"
FORMAT_VERSION = "1"  # bump when the layout of an entry changes
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by okrlint.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)


# ------------------------------------------------------------------------- values as JSON

# Model objects are written as JSON objects tagged with their class ("@": "Objective"),
# frozensets as {"@s": [...]}. Both directions run inside the json module's C loop (the
# ``default`` and ``object_hook`` callbacks), which keeps a re-run over a thousand cached
# files well under the time Python takes to start spaCy.
_MODEL_TYPES: dict[str, type] = {
    name: obj
    for name, obj in vars(model).items()
    if isinstance(obj, type) and dataclasses.is_dataclass(obj) and obj.__module__ == model.__name__
}
_ENUM_TYPES: dict[str, type[Enum]] = {
    name: obj
    for name, obj in vars(model).items()
    if isinstance(obj, type) and issubclass(obj, Enum) and obj.__module__ == model.__name__
}


@cache
def _init_fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if f.init)


@dataclasses.dataclass(frozen=True)
class _Plan:
    """How to rebuild one model class from its JSON object, worked out once per class."""

    tuples: tuple[str, ...]  # fields holding tuples (JSON gives lists)
    enums: tuple[tuple[str, type[Enum]], ...]  # fields holding enums (JSON gives strings)
    spans: tuple[str, ...]  # fields holding a Span: [line, column, end, end(, sheet)]


@cache
def _plan(cls: type) -> _Plan:
    tuples, enums, spans = [], [], []
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        names = {part.strip() for part in str(f.type).split("|")}
        if any(n.startswith("tuple") for n in names):
            tuples.append(f.name)
        enums.extend((f.name, _ENUM_TYPES[n]) for n in names if n in _ENUM_TYPES)
        if "Span" in names:
            spans.append(f.name)
    return _Plan(tuple(tuples), tuple(enums), tuple(spans))


def _default(value: Any) -> Any:
    cls = type(value)
    if _MODEL_TYPES.get(cls.__name__) is cls:
        data = {name: getattr(value, name) for name in _init_fields(cls)}
        for name in _plan(cls).spans:  # the commonest object, kept small
            span = data[name]
            if type(span) is model.Span:
                data[name] = [span.line, span.column, span.end_line, span.end_column]
                if span.sheet is not None:
                    data[name].append(span.sheet)
        if cls is Finding:  # its message and hint know their catalogue entry: keep it
            for name in ("message", "suggestion"):
                if type(data[name]) is Message:
                    data[name] = _message(data[name])
        data["@"] = cls.__name__
        return data
    if isinstance(value, frozenset | set):
        return {"@s": sorted(value, key=repr)}
    raise TypeError(f"cannot cache a {cls.__name__}")


def _message(message: Message) -> dict:
    """A message as its entry and values (the json module writes a str subclass as a plain
    string, which would lose the translation)."""
    values = [[k, _message(v) if type(v) is Message else v] for k, v in message.values]
    return {"@m": [message.msgid, message.plural, message.count, message.context, values]}


def _hook(data: dict) -> Any:
    tag = data.pop("@", None)
    if tag is None:
        if "@m" in data:  # inner messages were rebuilt first: the hook works inside out
            msgid, plural, count, context, values = data["@m"]
            return Message(msgid, plural, count, context, tuple(map(tuple, values)))
        return frozenset(data["@s"]) if "@s" in data else data
    cls = _MODEL_TYPES[tag]  # an unknown tag raises: the entry is a miss
    spans, tuples, enums = _PLANS[tag]
    for key in spans:
        value = data.get(key)
        if type(value) is list:
            numbers, sheet = value[:4], value[4:]  # a spreadsheet's span names its sheet
            if len(numbers) != 4 or not all(type(n) is int for n in numbers):
                raise TypeError("a span is four whole numbers (and a sheet's name)")
            if sheet and (len(sheet) != 1 or type(sheet[0]) is not str):
                raise TypeError("a span is four whole numbers (and a sheet's name)")
            data[key] = _Span(*value)
    for key in tuples:  # the model holds tuples (of objects or numbers, never of lists)
        value = data.get(key)
        if type(value) is list:
            data[key] = tuple(value)
    for key, enum in enums:
        value = data.get(key)
        if value is not None:
            data[key] = enum(value)
    for key, value in data.items():  # valid JSON of the wrong shape is a miss, not a crash
        if not _CHECKS[tag][key](value):
            raise TypeError(f"{tag}.{key} has the wrong type")
    return cls(**data)


def _checker(hint: Any) -> Callable[[Any], bool]:
    """A fast test that a value from JSON fits a model field's type (after _hook's
    conversions): plain classes, ``X | None``, ``tuple[X, ...]``, ``tuple[X, Y]`` and
    ``frozenset[X]``."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        parts = [_checker(arg) for arg in args]
        return lambda value: any(part(value) for part in parts)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _checker(args[0])
            return lambda value: type(value) is tuple and all(item(v) for v in value)
        items = [_checker(arg) for arg in args]
        return lambda value: (
            type(value) is tuple
            and len(value) == len(items)
            and all(check(v) for check, v in zip(items, value, strict=True))
        )
    if origin is frozenset:
        item = _checker(args[0])
        return lambda value: type(value) is frozenset and all(item(v) for v in value)
    if hint is type(None):
        return lambda value: value is None
    if hint is float:
        return lambda value: type(value) in (int, float)
    if hint is int:
        return lambda value: type(value) is int
    return lambda value: isinstance(value, hint)


def _field_checks(cls: type) -> dict[str, Callable[[Any], bool]]:
    hints = typing.get_type_hints(cls)
    return {name: _checker(hints[name]) for name in _init_fields(cls)}


_Span = model.Span
_CHECKS = {tag: _field_checks(cls) for tag, cls in _MODEL_TYPES.items()}
_PLANS = {
    tag: (plan.spans, plan.tuples, plan.enums)
    for tag, plan in ((tag, _plan(cls)) for tag, cls in _MODEL_TYPES.items())
}


def dumps(value: Any) -> bytes:
    """JSON bytes of a value that may hold model objects."""
    return json.dumps(value, default=_default, ensure_ascii=False, separators=(",", ":")).encode()


def loads(data: bytes) -> Any:
    """The inverse of ``dumps``; raises on anything it did not write."""
    return json.loads(data, object_hook=_hook)


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
    return _sha("okrlint", okrlint.__version__, FORMAT_VERSION, _code_stamp())


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


class Cache:
    """A folder of entries; every failure to read or write one is silently a miss."""

    def __init__(self, folder: Path, code_fp: str, config_fp: str) -> None:
        self.folder = folder
        self._salt = _sha(code_fp, config_fp)
        self._ready = False
        self._dirs: set[Path] = set()  # folders of entries already checked to be real folders
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
            raw = self._read(key)
            entry = FileEntry(
                format=raw["format"],
                language=raw["language"],
                language_source=raw["language_source"],
                errors=int(raw["errors"]),
                documents=tuple(raw["documents"]),
                findings=tuple(raw["findings"]),
            )
            texts = (entry.format, entry.language, entry.language_source)
            if (
                not all(t is None or type(t) is str for t in texts)
                or type(raw["errors"]) is not int
                or not all(isinstance(d, model.Document) for d in entry.documents)
                or not all(isinstance(f, Finding) for f in entry.findings)
            ):
                raise TypeError("wrong types")
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
            found = tuple(self._read(key)["findings"])
            if not all(isinstance(f, Finding) for f in found):
                raise TypeError("wrong types")
        except Exception:
            return None
        return found

    def store_findings(self, key: str, findings: Sequence[Finding]) -> None:
        self._write(key, {"findings": tuple(findings)})

    # the folder
    def _path(self, key: str) -> Path:
        return self.folder / f"v{FORMAT_VERSION}" / key[:2] / f"{key[2:]}.json"

    def _read(self, key: str) -> Any:
        """The entry's value; raises (OSError, ValueError, ...) when missing or damaged."""
        path = self._path(key)
        if not _is_real_dir(path.parent):
            raise FileNotFoundError(path)
        return loads(_read_own_file(path))

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


def _read_own_file(path: Path, limit: int = _MAX_ENTRY_BYTES) -> bytes:
    """The bytes of a regular file that is no symlink, of at most ``limit`` bytes."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            raise ValueError(f"{path} is not a cache entry")
        return handle.read(limit + 1)


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
