"""Which files to check: explicit paths, and directories expanded by patterns."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from okrlint.config import Config

STDIN = "-"
# Folders never walked into: version control, caches, virtual environments.
SKIP_DIRS = frozenset(
    {".git", ".hg", ".svn", ".okrlint_cache", "node_modules", ".venv", "venv", "__pycache__"}
)


@cache
def _glob_regex(pattern: str) -> re.Pattern[str]:
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def glob_match(rel_path: str, pattern: str) -> bool:
    """Match a relative POSIX path against a gitignore-like glob.

    A pattern without a slash matches the file name; one with a slash matches
    the path or any tail of it that starts at a folder boundary, so
    ``okrs/**/*.yaml`` matches ``team/okrs/q3/sales.yaml``.
    """
    pattern = pattern.strip().removeprefix("./")
    rel_path = rel_path.removeprefix("./")
    regex = _glob_regex(pattern.rstrip("/"))
    if "/" not in pattern.rstrip("/"):
        return any(regex.match(part) for part in rel_path.split("/"))
    parts = rel_path.split("/")
    return any(regex.match("/".join(parts[i:])) for i in range(len(parts)))


def relative_to_root(path: Path, config: Config) -> str:
    try:
        return path.resolve().relative_to(config.root).as_posix()
    except (ValueError, OSError):
        return path.as_posix()


def is_excluded(path: Path, config: Config) -> bool:
    if not config.exclude:  # resolving every path is the slow part of a cached run
        return False
    rel = relative_to_root(path, config)
    return any(glob_match(rel, pattern) for pattern in config.exclude)


@dataclass(frozen=True)
class Expanded:
    files: tuple[str, ...]  # in the order given, directories expanded and sorted
    missing: tuple[str, ...]  # paths that do not exist
    # symlinks found in a folder that lead out of it and out of the project: never read
    # (a pull request could otherwise have CI quote ~/.ssh or /etc files in its log)
    outside: tuple[str, ...] = ()


def expand_paths(paths: Sequence[str], config: Config, *, force_exclude: bool = False) -> Expanded:
    """Files to check. Explicit files are always checked (unless ``force_exclude``
    and an ``exclude`` pattern matches, as pre-commit passes every changed file);
    directories expand to the files matching ``include`` and not ``exclude``."""
    files: list[str] = []
    missing: list[str] = []
    outside: list[str] = []
    seen: set[str] = set()

    def add(name: str) -> None:
        if name not in seen:
            seen.add(name)
            files.append(name)

    for raw in paths:
        if raw == STDIN:
            add(STDIN)
            continue
        path = Path(raw)
        if path.is_dir():
            for found in _walk(path, config):
                if _leads_outside(Path(found), (path, config.root)):
                    outside.append(found)
                else:
                    add(found)
        elif path.exists() or path.is_symlink():
            if not (force_exclude and is_excluded(path, config)):
                add(raw)
        else:
            missing.append(raw)
    return Expanded(tuple(files), tuple(missing), tuple(outside))


def _leads_outside(found: Path, homes: tuple[Path, ...]) -> bool:
    """A symlink found in a walk that resolves outside both the walked folder and the
    project (the config file's folder)."""
    try:
        target = found.resolve()
        return not any(target.is_relative_to(home.resolve()) for home in homes)
    except (OSError, RuntimeError):  # a symlink loop
        return True


def _walk(top: Path, config: Config) -> Iterable[str]:
    found: list[str] = []
    for dirpath, dirnames, filenames in os.walk(top, followlinks=False, onerror=None):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
        base = Path(dirpath)
        for name in sorted(filenames):
            path = base / name
            # Keep the top folder's own name: `okrlint check okrs/` must match okrs/**.
            rel = (Path(top.resolve().name) / path.relative_to(top)).as_posix()
            if not any(glob_match(rel, p) for p in config.include):
                continue
            if is_excluded(path, config):
                continue
            found.append(path.as_posix())
    return sorted(found)
