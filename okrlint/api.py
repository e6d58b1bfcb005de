"""The Python API: check OKRs from a program (a bot, a notebook, an internal OKR tool).

    >>> import okrlint
    >>> report = okrlint.check_text("Objective: Grow\\n- Sell more cars\\n", language="en")
    >>> [f.code for f in report.findings]  # doctest: +SKIP

Both functions return a ``Report`` and never raise for bad input: a file or text that cannot
be read, and a bad config, come back as ``OKR000`` findings (``report.exit_code`` is then 2,
as on the command line). Only arguments of the wrong type or value (a language other than
``"en"`` or ``"nb"``, an unknown format) raise ``TypeError`` or ``ValueError``. Nothing is
written: no cache unless the caller asks for one, and never an input file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from okrlint.config import Config, find_config, load_config_file, parse_config
from okrlint.engine import error_finding
from okrlint.errors import OkrlintError
from okrlint.report import FileResult, Report
from okrlint.runner import RunOptions, check

__all__ = ["check_paths", "check_text"]

TEXT_NAME = "<text>"  # the path findings in checked text carry
LANGUAGES = ("en", "nb")

ConfigArg = str | os.PathLike[str] | Mapping[str, Any] | None


def check_text(
    text: str | bytes,
    *,
    format: str | None = None,  # the name users know from the command line
    language: str | None = None,
    config: ConfigArg = None,
) -> Report:
    """Check OKRs given as text: YAML, Markdown or plain text, as in a file.

    ``format`` is ``"yaml"``, ``"markdown"``, ``"text"``, ``"csv"`` or ``"xlsx"`` (default:
    from the content).
    ``language`` is ``"en"`` or ``"nb"`` for every element (default: the text's ``language:``
    key, else detected per objective and key result). ``config`` is a config file
    (``pyproject.toml`` or ``.okrlint.yaml``), a mapping of the keys of ``[tool.okrlint]``
    (``{"ignore": ["OKR301"]}``), or None for the built-in defaults. Findings carry the path
    ``"<text>"``.
    """
    if not isinstance(text, str | bytes):
        raise TypeError(f"text must be str or bytes, not {type(text).__name__}")
    _check_choice("format", format, _formats())
    _check_choice("language", language, LANGUAGES)
    # bytes pass through unchanged (invalid UTF-8 is reported at its byte, as in a file)
    as_text = text if isinstance(text, str) else bytes(text).decode("utf-8", "surrogateescape")
    options = RunOptions(
        stdin_filename=TEXT_NAME,
        text=as_text,
        language=language,
        fmt=format,
        use_cache=False,
        jobs=1,
    )
    return _run(["-"], config, options, found_from=None)


def check_paths(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    config: ConfigArg = None,
    jobs: int = 1,
    language: str | None = None,
    cache: bool | str | os.PathLike[str] = False,
) -> Report:
    """Check OKR files and folders, as ``okrlint check PATHS`` does.

    A folder expands to its OKR files (the ``include`` patterns); ``report.files`` is empty
    when the paths hold none. ``config`` is a config file, a mapping of ``[tool.okrlint]``
    keys, or None to find the config as the command line does (walking up from the first
    path). ``jobs`` is the number of processes (0: one per core). ``cache`` is off unless
    given: True keeps it where the command line does (``.okrlint_cache`` next to the config
    file), a path keeps it there.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    names = [os.fspath(p) for p in paths]
    if not all(isinstance(n, str) for n in names):
        raise TypeError("paths must be str or os.PathLike")
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 0:
        raise ValueError(f"jobs must be a whole number, 0 or more, got {jobs!r}")
    _check_choice("language", language, LANGUAGES)
    if not isinstance(cache, bool | str | os.PathLike):
        raise TypeError(f"cache must be a bool or a path, not {type(cache).__name__}")
    cache_dir = None if isinstance(cache, bool) else os.fspath(cache)
    options = RunOptions(
        language=language, use_cache=bool(cache), cache_dir=cache_dir, jobs=jobs or 0
    )
    start = next((Path(n) for n in names if n != "-"), None)
    return _run(names, config, options, found_from=start)


def _run(paths: list[str], config: ConfigArg, options: RunOptions, found_from: Path | None):
    try:
        resolved = _config(config, found_from)
        if options.language:
            resolved = resolved.with_overrides(language=options.language)
        return check(paths, resolved, options)
    except OkrlintError as exc:  # a bad config, a broken custom rule or plugin: one finding
        where = exc.path or (os.fspath(config) if isinstance(config, str | os.PathLike) else "")
        where = where or "<config>"
        return Report(
            files=(FileResult(path=where, errors=1),),
            findings=(error_finding(where, exc.line, exc.message, exc.column),),
        )


def _config(config: ConfigArg, found_from: Path | None) -> Config:
    if config is None:
        if found_from is None:
            return Config()
        return find_config(found_from if found_from.exists() else Path.cwd())
    if isinstance(config, Config):
        return config
    if isinstance(config, str | os.PathLike):
        path = Path(config)
        loaded = load_config_file(path)
        if loaded is None:
            raise OkrlintError("has no [tool.okrlint] section", os.fspath(path))
        return loaded
    if isinstance(config, Mapping):
        return parse_config(config, None)
    raise TypeError(f"config must be a path, a mapping or None, not {type(config).__name__}")


def _formats() -> tuple[str, ...]:
    from okrlint.readers import FORMATS

    return FORMATS


def _check_choice(name: str, value: str | None, choices: tuple[str, ...]) -> None:
    if value is not None and value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, choices))}, got {value!r}")
