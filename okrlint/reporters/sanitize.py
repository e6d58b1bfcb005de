"""Keep user text from steering a terminal or a log."""

from __future__ import annotations

import re

# C0 and C1 control characters except tab and newline, and DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """User text with terminal control characters (ANSI escapes, BEL, CR…) made visible."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def one_line(text: str) -> str:
    return printable(text.replace("\r\n", " ").replace("\n", " "))
