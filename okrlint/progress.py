"""A progress bar on stderr for long runs.

Shown only when it helps and cannot hurt: more than ``MIN_FILES`` files, stderr is a
terminal, and not in CI (``CI`` set), where a redrawn line only clutters the log.
The runner drives it through a callback ``(stage, done, total)``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import TextIO

ProgressFn = Callable[[str, int, int], None]

MIN_FILES = 20
_FALSY = ("", "0", "false", "no")


def in_ci(env: Mapping[str, str]) -> bool:
    return env.get("CI", "").strip().lower() not in _FALSY


def wanted(stream: TextIO, env: Mapping[str, str] | None = None) -> bool:
    env = os.environ if env is None else env
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and not in_ci(env)


class ProgressBar:
    """``okrlint: checking [########------------]  42/100 files``, redrawn in place."""

    def __init__(self, stream: TextIO, min_files: int = MIN_FILES) -> None:
        self._stream = stream
        self._min_files = min_files
        self._drawn = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        if total <= self._min_files:
            return
        import shutil  # drawn on a terminal only: a run in a pipe never imports it

        width = max(10, min(40, shutil.get_terminal_size((80, 20)).columns - 40))
        filled = width * done // total if total else width
        bar = "#" * filled + "-" * (width - filled)
        count = f"{done:>{len(str(total))}}/{total}"
        self._stream.write(f"\r\x1b[2Kokrlint: {stage:<9} [{bar}] {count} files")
        self._stream.flush()
        self._drawn = True

    def close(self) -> None:
        """Erase the bar so the report starts on a clean line."""
        if self._drawn:
            self._stream.write("\r\x1b[2K")
            self._stream.flush()
            self._drawn = False


def progress_bar(stream: TextIO, env: Mapping[str, str] | None = None) -> ProgressBar | None:
    """A bar for ``stream`` when one should be shown, else None."""
    return ProgressBar(stream) if wanted(stream, env) else None
