"""Which files to check: explicit paths, and directories expanded by patterns."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from okrlint import linear
from okrlint.config import Config
from okrlint.errors import OkrlintError

STDIN = "-"
# Folders never walked into: version control, caches, virtual environments.
SKIP_DIRS = frozenset(
    {".git", ".hg", ".svn", ".okrlint_cache", "node_modules", ".venv", "venv", "__pycache__"}
)


@cache
def _glob_regex(pattern: str) -> linear.Pattern:
    """The glob as a regular expression; it runs on RE2, so no pattern and no file name can
    make matching slow (``*a*a*a*a*a*a*a*a*b`` took minutes on a long name with ``fnmatch``)."""
    return linear.compile(_glob_source(pattern) + r"\Z")


def _glob_source(pattern: str) -> str:
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
    return "".join(out)


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


@cache
def _combined(patterns: tuple[str, ...]) -> tuple[linear.Pattern | None, linear.Pattern | None]:
    """One regex for the name patterns and one for the path patterns of a pattern list."""
    names: list[str] = []
    paths: list[str] = []
    for pattern in patterns:
        pattern = pattern.strip().removeprefix("./").rstrip("/")
        (paths if "/" in pattern else names).append(_glob_source(pattern) + r"\Z")
    return (
        linear.compile("|".join(f"(?:{r})" for r in names)) if names else None,
        linear.compile("|".join(f"(?:{r})" for r in paths)) if paths else None,
    )


def matches_any(rel_path: str, patterns: Sequence[str]) -> bool:
    """``any(glob_match(rel_path, p) for p in patterns)``, in two regex passes."""
    by_name, by_path = _combined(tuple(patterns))
    parts = rel_path.removeprefix("./").split("/")
    if by_name is not None and any(by_name.match(part) for part in parts):
        return True
    return by_path is not None and any(
        by_path.match("/".join(parts[i:])) for i in range(len(parts))
    )


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
    # folders a walk could not read: (folder, the reason), each one OKR000 line
    unreadable: tuple[tuple[str, str], ...] = ()


def expand_paths(paths: Sequence[str], config: Config, *, force_exclude: bool = False) -> Expanded:
    """Files to check. Explicit files are always checked (unless ``force_exclude``
    and an ``exclude`` pattern matches, as pre-commit passes every changed file);
    directories expand to the files matching ``include`` and not ``exclude``."""
    files: list[str] = []
    missing: list[str] = []
    outside: list[str] = []
    unreadable: list[tuple[str, str]] = []
    seen: set[str] = set()

    def add(name: str) -> None:
        # one file, one check: "a.okr.yaml ./a.okr.yaml" reported duplicate ids against
        # itself. The same spelling after normalising, not the same inode: no system call.
        key = name if name == STDIN else os.path.normcase(os.path.abspath(name))
        if key not in seen:
            seen.add(key)
            files.append(name)

    for raw in paths:
        if raw == STDIN:
            add(STDIN)
            continue
        path = Path(raw)
        if path.is_dir():
            for found in _walk(path, config, unreadable):
                if _leads_outside(Path(found), (path, config.root)):
                    outside.append(found)
                else:
                    add(found)
        elif path.exists() or path.is_symlink():
            if not (force_exclude and is_excluded(path, config)):
                add(raw)
        else:
            missing.append(raw)
    return Expanded(tuple(files), tuple(missing), tuple(outside), tuple(unreadable))


def _leads_outside(found: Path, homes: tuple[Path, ...]) -> bool:
    """A symlink found in a walk that resolves outside both the walked folder and the
    project (the config file's folder). The walk enters no symlinked folder, so only a
    file that is itself a symlink can lead out (one lstat; no realpath for plain files)."""
    try:
        if not found.is_symlink():
            return False
        target = found.resolve()
        return not any(target.is_relative_to(home.resolve()) for home in homes)
    except (OSError, RuntimeError):  # a symlink loop: reading it reports the loop
        return False


def _walk(top: Path, config: Config, unreadable: list[tuple[str, str]]) -> Iterable[str]:
    found: list[str] = []

    def cannot_read(error: OSError) -> None:  # a folder os.walk could not list
        where = error.filename if error.filename is not None else str(top)
        unreadable.append((Path(where).as_posix(), error.strerror or str(error)))

    # Keep the top folder's own name: `okrlint check okrs/` must match okrs/**.
    top_name = top.resolve().name
    for dirpath, dirnames, filenames in os.walk(top, followlinks=False, onerror=cannot_read):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
        base = Path(dirpath)
        inside = base.relative_to(top).as_posix()
        prefix = "/".join(p for p in (top_name, "" if inside == "." else inside) if p)
        for name in sorted(filenames):
            rel = f"{prefix}/{name}" if prefix else name
            if not matches_any(rel, config.include):
                continue
            path = base / name
            if is_excluded(path, config):
                continue
            found.append(path.as_posix())
    return sorted(found)


def read_regular_file(
    name: str, limit: int, hint: str = "; use '-' to read standard input"
) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    The file is opened without blocking and checked before anything is read: a named pipe,
    socket or device could block forever or never end. At most ``limit + 1`` bytes are read,
    so a file that grows while it is read cannot exhaust memory either.
    """
    if os.path.isdir(name):
        raise OkrlintError("is a directory", name)
    fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = kind_of_file(info.st_mode)
            raise OkrlintError(f"not a regular file ({kind}){hint}", name)
        data = handle.read(limit + 1) if info.st_size <= limit else b""
    if info.st_size > limit or len(data) > limit:
        raise OkrlintError(too_big(str(max(info.st_size, len(data))), limit), name)
    return data


def too_big(size: str, limit: int) -> str:
    return f"file is {size} bytes, over the limit of {limit} (max-file-size in config)"


def kind_of_file(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"
