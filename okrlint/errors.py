"""The one error type okrlint raises for bad input or bad config."""

from __future__ import annotations


class OkrlintError(Exception):
    """A problem with an input file, a config file or the command line.

    The CLI turns it into one line (``path:line: OKR000 message``) and exit
    status 2. ``path``, ``line`` and ``column`` are optional: a command-line
    problem has none of them; a config error has the key's line and column.
    """

    def __init__(
        self,
        message: str,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def __str__(self) -> str:
        return self.said(None)

    def said(self, lang: str | None) -> str:
        """The error as one line, its message in ``lang`` ("en", "nb") when it is a
        catalogue message."""
        from okrlint.i18n import say

        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line or 1}:"
            where += f"{self.column}: " if self.line and self.column else " "
        return f"{where}{say(self.message, lang)}"


class ConfigError(OkrlintError):
    """The configuration is wrong (unknown rule, wrong type, bad file)."""
