"""Keep user text from steering a terminal, a log, an editor or a browser.

``printable`` shows every character that could act instead of being read as an escape,
the same way in every format: C0 and C1 control characters except tab and newline (ANSI
escapes, BEL, CR…) and DEL as ``\\x1b``; the bidirectional controls that reorder what a
reader sees (U+202E and its kin, the "Trojan Source" characters) and the line and
paragraph separators as ``\\u202e``; the non-characters U+FFFE and U+FFFF, which XML cannot
hold, as ``\\ufffe``; and a lone surrogate (a file name that is not UTF-8) as ``\\udcff``,
since no output could write it.
"""

from __future__ import annotations

from functools import cache

_BIDI = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
_SEPARATORS = (0x2028, 0x2029)
_NONCHARACTERS = (0xFFFE, 0xFFFF)


@cache
def _table() -> dict[int, str]:
    table = {c: f"\\x{c:02x}" for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))}
    for code in (*_BIDI, *_SEPARATORS, *_NONCHARACTERS, *range(0xD800, 0xE000)):
        table[code] = f"\\u{code:04x}"
    return table


def printable(text: str) -> str:
    """User text with control, bidirectional and unwritable characters made visible."""
    if text.isascii() and text.isprintable():  # nearly every text: nothing to show
        return text
    return text.translate(_table())


def one_line(text: str) -> str:
    return printable(text.replace("\r\n", " ").replace("\n", " "))
