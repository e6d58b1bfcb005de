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
from okrlint.i18n import _, pgettext

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
    # the files found by walking a folder (the others were named, or are stdin)
    walked: frozenset[str] = frozenset()
    # folders a walk could not read: (folder, the reason), each one OKR000 line
    unreadable: tuple[tuple[str, str], ...] = ()


def expand_paths(paths: Sequence[str], config: Config, *, force_exclude: bool = False) -> Expanded:
    """Files to check. Explicit files are always checked (unless ``force_exclude``
    and an ``exclude`` pattern matches, as pre-commit passes every changed file);
    directories expand to the files matching ``include`` and not ``exclude``."""
    files: list[str] = []
    missing: list[str] = []
    outside: list[str] = []
    walked: set[str] = set()
    unreadable: list[tuple[str, str]] = []
    seen: set[object] = set()

    def add(name: str) -> bool:
        # one file, one check: "a.okr.yaml ./a.okr.yaml", or a symlink or hard link beside
        # the file it names, reported duplicate ids against itself. One stat a file finds it
        # by device and inode; what cannot be stat'ed (a dangling link, a loop) is kept by
        # its spelling, and reading it reports the problem once.
        try:
            info = os.stat(name) if name != STDIN else None
            key: object = (info.st_dev, info.st_ino) if info else STDIN
        except (OSError, ValueError):
            key = os.path.normcase(os.path.abspath(name))
        if key in seen:
            return False
        seen.add(key)
        files.append(name)
        return True

    for raw in paths:
        if raw == STDIN:
            add(STDIN)
            continue
        path = Path(raw)
        if path.is_dir():
            for found in _walk(path, config, unreadable):
                if _leads_outside(Path(found), (path, config.root)):
                    outside.append(found)
                elif add(found):
                    walked.add(found)
        elif path.exists() or path.is_symlink():
            if not (force_exclude and is_excluded(path, config)):
                add(raw)
        else:
            missing.append(raw)
    return Expanded(
        tuple(files), tuple(missing), tuple(outside), frozenset(walked), tuple(unreadable)
    )


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
            if name.startswith("~$"):
                continue  # the lock file Excel and Word keep beside an open document
            rel = f"{prefix}/{name}" if prefix else name
            if not matches_any(rel, config.include):
                continue
            path = base / name
            if is_excluded(path, config):
                continue
            found.append(path.as_posix())
    return sorted(found)


def read_at_most(fd: int, most: int, size: int) -> bytes:
    """At most ``most`` bytes from an open file whose fstat said ``size``: the whole of it in
    one read when it is that size, read on (up to ``most``) when it grew meanwhile. (A
    buffered ``read(most)`` sets aside ``most`` bytes first, the whole limit, for every
    file: a thousand small files took five times as long.)"""
    parts: list[bytes] = []
    total = 0
    while total < most:
        chunk = os.read(fd, min(most - total, max(size + 1 - total, 1 << 16)))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def read_regular_file(name: str, limit: int, stdin_hint: bool = True) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    The file is opened without blocking and checked before anything is read: a named pipe,
    socket or device could block forever or never end. At most ``limit + 1`` bytes are read,
    so a file that grows while it is read cannot exhaust memory either.
    """
    if os.path.isdir(name):
        raise OkrlintError(_("is a directory"), name)
    fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = kind_of_file(info.st_mode)
            if stdin_hint:
                message = _(
                    "not a regular file ({kind}); use '-' to read standard input", kind=kind
                )
            else:
                message = _("not a regular file ({kind})", kind=kind)
            raise OkrlintError(message, name)
        data = read_at_most(fd, limit + 1, info.st_size) if info.st_size <= limit else b""
    finally:
        os.close(fd)
    if info.st_size > limit or len(data) > limit:
        raise OkrlintError(too_big(max(info.st_size, len(data)), limit), name)
    return data


def read_own_file(name: str, limit: int, what: str) -> bytes:
    """The bytes of a file okrlint reads for itself (a config, a baseline): a regular file of
    at most ``limit`` bytes, else an error saying ``cannot read {what}: …``.

    A named pipe would stall the run and a link to ``/dev/zero`` would fill the memory, so
    both are refused unread, as checked files are.
    """
    said = _OWN_FILES.get(what, what)
    try:
        size = os.stat(name).st_size if stat.S_ISREG(os.stat(name).st_mode) else 0
        if size > limit:
            message = _(
                "cannot read {what}: it is {size} bytes, over {limit}",
                what=said,
                size=str(size),
                limit=str(limit),
            )
            raise OkrlintError(message, name)
        return read_regular_file(name, limit, stdin_hint=False)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise OkrlintError(
            _("cannot read {what}: {reason}", what=said, reason=reason), name
        ) from None
    except OkrlintError as exc:
        if exc.message.startswith("cannot read"):
            raise
        message = _("cannot read {what}: {reason}", what=said, reason=exc.message)
        raise OkrlintError(message, name) from None


# Translators: what okrlint reads for itself, in "cannot read {what}: …"
_OWN_FILES = {
    "config": pgettext("own file", "config"),
    "baseline": pgettext("own file", "baseline"),
}


def too_big(size: int | None, limit: int) -> str:
    """The message for a file over ``max-file-size``; ``size`` None: more than we read."""
    if size is None:
        return _(
            "file is more than {limit} bytes, over the limit of {limit} (max-file-size in config)",
            limit=str(limit),
        )
    return _(
        "file is {size} bytes, over the limit of {limit} (max-file-size in config)",
        size=str(size),
        limit=str(limit),
    )


def kind_of_file(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return _("a named pipe")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    return _("not a file")


# ----------------------------------------------------------- when the folders hold no OKR file

LOOK_LIMIT = 5_000  # files looked at to explain an empty run (it is a failing run: be quick)
READ_LIMIT = 300  # of those, files read to see whether they hold OKRs
READ_SIZE = 1_000_000  # bytes; larger files are not read for this
SHOWN = 5  # files named in the explanation; the rest are counted
# Files that talk about OKRs without being OKR documents (a README with examples).
_NOT_OKR_NAME = linear.compile(
    r"(readme|changelog|changes|history|news|contributing|licen[cs]e|copying|authors|notice"
    r"|code_of_conduct|security|requirements[\w-]*)(\.[^/]*)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class LookAround:
    """What the folders of an empty run hold that okrlint did not check."""

    okr_files: tuple[str, ...] = ()  # readable files outside `include` that hold objectives
    patterns: tuple[str, ...] = ()  # `include` patterns that would find them
    unread: tuple[tuple[str, str], ...] = ()  # (file, what it is) for Word, PDF, ZIP …
    excluded: tuple[str, ...] = ()  # files `include` finds and `exclude` drops


def look_around(folders: Sequence[str], config: Config) -> LookAround:
    """Look through folders that expanded to no file for OKRs ``include`` misses (a file a
    reader takes that holds at least one objective) and for files no reader takes (Word,
    Excel, PDF, ZIP), to explain the empty run. Bounded: at most LOOK_LIMIT files are looked
    at and READ_LIMIT read; never more than READ_SIZE bytes each."""
    from okrlint.errors import OkrlintError
    from okrlint.readers import read_document, reads_suffix
    from okrlint.readers.decode import document_kind

    okr_files: list[str] = []
    patterns: list[str] = []
    unread: list[tuple[str, str]] = []
    excluded: list[str] = []
    looked = read = 0
    for top in folders:
        here = Path(top).resolve() == Path.cwd().resolve()
        for rel, path in _every_file(Path(top)):
            looked += 1
            if looked > LOOK_LIMIT:
                break
            name = path.name
            if matches_any(rel, config.include):
                excluded.append(path.as_posix())  # else the folder would not be empty
                continue
            if not reads_suffix(name):
                kind = document_kind(name, b"", path.suffix.lower())
                if kind is not None:
                    unread.append((path.as_posix(), kind))
                continue
            if _NOT_OKR_NAME.fullmatch(name) or read >= READ_LIMIT:
                continue
            try:
                if path.stat().st_size > min(READ_SIZE, config.max_file_size):
                    continue
                read += 1
                documents = read_document(path.as_posix(), path.read_bytes())
            except (OSError, OkrlintError):
                continue
            if any(d.objectives for d in documents):
                okr_files.append(path.as_posix())
                pattern = _pattern_for(rel, at_top=here)
                if pattern not in patterns:
                    patterns.append(pattern)
    return LookAround(tuple(okr_files), tuple(patterns), tuple(unread), tuple(excluded))


def _every_file(top: Path) -> Iterable[tuple[str, Path]]:
    """(path relative to the top folder, with its name; path) of every file under it, sorted,
    skipping hidden folders and those okrlint never walks; symlinked folders not followed."""
    top_name = top.resolve().name
    for dirpath, dirnames, filenames in os.walk(top, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.startswith("."))
        base = Path(dirpath)
        inside = base.relative_to(top).as_posix()
        prefix = "/".join(p for p in (top_name, "" if inside == "." else inside) if p)
        for name in sorted(filenames):
            path = base / name
            if path.is_file() and not path.is_symlink():
                yield (f"{prefix}/{name}" if prefix else name), path


def _pattern_for(rel: str, *, at_top: bool) -> str:
    """The `include` pattern for a file and its like: `goals/**/*.yaml` for goals/q1.yaml
    (any depth below a folder of that name); the file's own name for a file directly in the
    current folder (``at_top``: the walk started there), whose name says nothing."""
    parts = rel.split("/")
    suffix = Path(parts[-1]).suffix
    if len(parts) == 1 or not suffix or (at_top and len(parts) == 2):
        return parts[-1]
    return f"{parts[-2]}/**/*{suffix}"
