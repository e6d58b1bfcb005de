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

import dataclasses
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Sequence
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any

import okrlint
from okrlint import model
from okrlint.config import Config
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
    spans: tuple[str, ...]  # fields holding a Span, written as [line, column, end, end]


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
        data["@"] = cls.__name__
        return data
    if isinstance(value, frozenset | set):
        return {"@s": sorted(value, key=repr)}
    raise TypeError(f"cannot cache a {cls.__name__}")


def _hook(data: dict) -> Any:
    tag = data.pop("@", None)
    if tag is None:
        return frozenset(data["@s"]) if "@s" in data else data
    cls = _MODEL_TYPES[tag]  # an unknown tag raises: the entry is a miss
    spans, tuples, enums = _PLANS[tag]
    for key in spans:
        value = data.get(key)
        if type(value) is list:
            data[key] = _Span(*value)
    for key in tuples:  # the model holds tuples (of objects or numbers, never of lists)
        value = data.get(key)
        if type(value) is list:
            data[key] = tuple(value)
    for key, enum in enums:
        value = data.get(key)
        if value is not None:
            data[key] = enum(value)
    return cls(**data)


_Span = model.Span
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
    if not config.custom_rules:
        return []
    folder = config.root / config.custom_rules
    found = []
    for path in sorted(folder.rglob("*")) if folder.is_dir() else [folder]:
        try:
            found.append((path.relative_to(folder).as_posix(), _sha(path.read_bytes())))
        except (OSError, ValueError):
            continue
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
        "spacy_model": config.spacy_model,
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
            if not all(isinstance(d, model.Document) for d in entry.documents) or not all(
                isinstance(f, Finding) for f in entry.findings
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
        return loads(self._path(key).read_bytes())

    def _write(self, key: str, value: Any) -> None:
        path = self._path(key)
        try:
            self._prepare()
            path.parent.mkdir(parents=True, exist_ok=True)
            data = dumps(value)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(data)
                os.replace(tmp, path)  # atomic: readers see the old entry or the new one
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            return  # a read-only or full disk only makes the next run slower

    def _prepare(self) -> None:
        if self._ready:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        for name, text in (
            (".gitignore", "# Created by okrlint automatically.\n*\n"),
            ("CACHEDIR.TAG", CACHEDIR_TAG),
        ):
            marker = self.folder / name
            if not marker.exists():
                marker.write_text(text, encoding="utf-8")
        self._ready = True


def cache_folder(config: Config, override: str | None = None) -> Path:
    """``--cache-dir``, else ``cache-dir`` from config (relative to the config file), else
    ``.okrlint_cache`` next to the config file (or in the current folder)."""
    if override:
        return Path(override)
    if config.cache_dir:
        return config.root / config.cache_dir
    return config.root / CACHE_DIR_NAME


def open_cache(config: Config, active: Sequence[Any], override: str | None = None) -> Cache:
    return Cache(
        cache_folder(config, override), code_fingerprint(), config_fingerprint(config, active)
    )


def clean(folder: Path) -> bool:
    """Remove a cache folder okrlint made (it has our CACHEDIR.TAG); True if removed."""
    import shutil

    tag = folder / "CACHEDIR.TAG"
    try:
        if not tag.is_file() or "okrlint" not in tag.read_text(encoding="utf-8"):
            return False
    except OSError:
        return False
    shutil.rmtree(folder, ignore_errors=True)
    return not folder.exists()
