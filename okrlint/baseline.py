"""Baselines: adopt okrlint on a repository full of legacy OKRs without fixing them first.

``okrlint check --write-baseline .okrlint-baseline.json`` records today's findings;
``--baseline FILE`` then reports only findings that are not in it. A finding is matched
by its file (relative to the baseline file's folder), its rule code and the normalised
text of its element -- never by line number, so moving or editing one objective does
not resurface the findings of the others. The same finding twice in a file is recorded
with a count of 2, and each recorded one absorbs one finding.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from okrlint.errors import OkrlintError
from okrlint.model import Finding

BASELINE_VERSION = 1
PARSE_ERROR = "OKR000"  # input errors are never baselined: they must be fixed
BASELINE_SIZE_LIMIT = 200_000_000  # bytes: a baseline larger than this is refused unread
MAX_COUNT = 1_000_000  # one finding recorded more often than this is no baseline okrlint wrote


@dataclass(frozen=True, order=True)
class Key:
    path: str  # POSIX, relative to the baseline file's folder
    code: str
    text: str  # normalised element text


@dataclass(frozen=True)
class Baseline:
    entries: Mapping[Key, int]
    folder: Path  # paths in entries are relative to this folder

    @property
    def total(self) -> int:
        return sum(self.entries.values())


@dataclass(frozen=True)
class Filtered:
    findings: tuple[Finding, ...]  # the new findings, not in the baseline
    matched: int  # findings the baseline absorbed
    stale: int  # recorded findings that no longer occur in the checked files


def normalise(text: str) -> str:
    """Casefold and collapse whitespace, so re-wrapping or re-casing a line still matches."""
    return " ".join(text.casefold().split())


def baseline_path(path: str, folder: Path) -> str:
    """``path`` (as reported) relative to ``folder``, in POSIX form."""
    absolute = Path(path).resolve()
    try:
        return absolute.relative_to(folder).as_posix()
    except ValueError:
        try:
            return Path(os.path.relpath(absolute, folder)).as_posix()
        except ValueError:  # another drive on Windows
            return absolute.as_posix()


def key_of(finding: Finding, folder: Path, paths: dict[str, str] | None = None) -> Key:
    """The finding's baseline key; ``paths`` remembers each path's relative form (resolving a
    path on disk for each of a file's many findings was most of a large baseline's time)."""
    if paths is None:
        path = baseline_path(finding.path, folder)
    else:
        path = paths.get(finding.path) or paths.setdefault(
            finding.path, baseline_path(finding.path, folder)
        )
    return Key(path, finding.code, normalise(finding.text))


def build(findings: Iterable[Finding], baseline_file: Path) -> Baseline:
    folder = baseline_file.resolve().parent
    paths: dict[str, str] = {}
    counts = Counter(key_of(f, folder, paths) for f in findings if f.code != PARSE_ERROR)
    return Baseline(dict(counts), folder)


def to_json(baseline: Baseline) -> str:
    """Stable JSON: entries grouped by file, sorted, so the file diffs well in review."""
    files: dict[str, list[dict[str, object]]] = {}
    for key in sorted(baseline.entries):
        entry = {"code": key.code, "text": key.text, "count": baseline.entries[key]}
        files.setdefault(key.path, []).append(entry)
    data = {"okrlint-baseline": BASELINE_VERSION, "files": files}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write(baseline: Baseline, baseline_file: Path, inputs: Iterable[str]) -> None:
    """Write the baseline; refuse to overwrite an input file or anything not a baseline."""
    target = baseline_file.resolve()
    if any(Path(name).resolve() == target for name in inputs if name != "-"):
        raise OkrlintError("refusing to write the baseline over a checked file", str(baseline_file))
    if baseline_file.exists():
        load(baseline_file)  # raises unless it is a baseline: never clobber someone's file
    try:
        baseline_file.write_text(to_json(baseline), encoding="utf-8")
    except OSError as exc:
        where = str(baseline_file)
        raise OkrlintError(f"cannot write baseline: {exc.strerror or exc}", where) from None


def load(baseline_file: Path) -> Baseline:
    where = str(baseline_file)
    from okrlint.files import read_own_file

    raw = read_own_file(where, BASELINE_SIZE_LIMIT, "baseline")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        raise OkrlintError(f"not an okrlint baseline (invalid JSON: {exc})", where, line) from None
    except RecursionError:
        raise OkrlintError("not an okrlint baseline (nested too deep)", where) from None
    except ValueError:  # Python reads no integer of more than 4 300 digits
        raise OkrlintError(
            "not an okrlint baseline (a number of thousands of digits)", where
        ) from None
    if not isinstance(data, dict) or "okrlint-baseline" not in data:
        raise OkrlintError("not an okrlint baseline (no 'okrlint-baseline' version)", where)
    if data["okrlint-baseline"] != BASELINE_VERSION:
        raise OkrlintError(
            f"baseline version {data['okrlint-baseline']!r} is not supported "
            f"(expected {BASELINE_VERSION}); write it again with --write-baseline",
            where,
        )
    return Baseline(_entries(data.get("files"), where), baseline_file.resolve().parent)


def _entries(files: object, where: str) -> dict[Key, int]:
    if not isinstance(files, dict):
        raise OkrlintError("baseline 'files' must be a mapping of path to entries", where)
    entries: dict[Key, int] = {}
    for path, items in files.items():
        if not isinstance(items, list):
            raise OkrlintError(f"baseline entries for {_shown(path)} must be a list", where)
        for item in items:
            if not _valid_entry(item):
                raise OkrlintError(
                    f"bad baseline entry for {_shown(path)}: {_shown(item)} (need code, text "
                    "and a count from 1 to 1 000 000)",
                    where,
                )
            key = Key(str(path), item["code"], normalise(item["text"]))
            entries[key] = entries.get(key, 0) + item["count"]
    return entries


def _shown(item: object) -> str:
    try:
        text = repr(item)
    except ValueError:  # an integer too long to print
        return "an entry with a number too long to show"
    return text if len(text) <= 200 else text[:200] + " …"


def _valid_entry(item: object) -> bool:
    return (
        isinstance(item, dict)
        and isinstance(item.get("code"), str)
        and isinstance(item.get("text"), str)
        and isinstance(item.get("count"), int)
        and not isinstance(item.get("count"), bool)
        and 0 < item["count"] <= MAX_COUNT
    )


def apply(findings: Iterable[Finding], baseline: Baseline, checked: Iterable[str]) -> Filtered:
    """Drop the findings the baseline records, each entry absorbing up to ``count`` of them.

    Entries for files that were not checked in this run are neither used nor stale.
    """
    remaining = dict(baseline.entries)
    new: list[Finding] = []
    matched = 0
    paths: dict[str, str] = {}
    for finding in findings:
        key = key_of(finding, baseline.folder, paths)
        if finding.code != PARSE_ERROR and remaining.get(key, 0) > 0:
            remaining[key] -= 1
            matched += 1
        else:
            new.append(finding)
    checked_paths = {baseline_path(name, baseline.folder) for name in checked}
    stale = sum(n for key, n in remaining.items() if key.path in checked_paths)
    return Filtered(tuple(new), matched, stale)
