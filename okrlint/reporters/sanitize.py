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

import os
import threading
from functools import cache

from okrlint import linear

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
    if text.isprintable():  # nearly every text: nothing to show (every character the table
        return text  # shows is one Python calls unprintable: Cc, Cf, Cs, Cn, Zl, Zp)
    return text.translate(_table())


def one_line(text: str) -> str:
    return printable(text.replace("\r\n", " ").replace("\n", " "))


# What a JSON encoder leaves raw that ``printable`` shows: DEL and C1 controls, the
# bidirectional controls, the line separators and the non-characters (C0 controls are
# always escaped by JSON itself).
_RAW_IN_JSON = linear.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]"
)


_HALVES_FROM = 4 << 20  # bytes: a report this long is searched in two halves at once


def raw_in_json(data: bytes) -> bool:
    """Whether JSON text, as UTF-8, holds a character ``json_visible`` would escape.

    A report of many megabytes is searched in two halves at once, the first in a thread of
    its own: RE2 lets go of the interpreter while it searches, so on two cores the search
    takes half the time. The halves meet at a newline (every character the pattern finds
    is one whole character, and JSON text has newlines between its values)."""
    size = len(data)
    cut = data.find(b"\n", size // 2) if size >= _HALVES_FROM and _cores() > 1 else -1
    if cut < 0:
        return _RAW_IN_JSON.found_in_utf8(data)
    first: list[bool] = []
    searcher = threading.Thread(
        target=lambda: first.append(_RAW_IN_JSON.found_in_utf8(data, 0, cut)), daemon=True
    )
    searcher.start()
    second = _RAW_IN_JSON.found_in_utf8(data, cut, size)
    searcher.join()
    return second or first[0]


@cache
def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may run on
    except (AttributeError, OSError):
        return os.cpu_count() or 1


@cache
def _json_table() -> dict[int, str]:
    return {code: f"\\u{code:04x}" for code in _table() if code >= 0x7F}


def json_visible(text: str) -> str:
    """JSON text with those characters written as ``\\u202e`` escapes: the data a reader
    decodes is the same, and the file shows no raw control or direction change to an
    editor, a terminal or a diff. Lone surrogates become escapes too, so the text can be
    written as UTF-8 at all."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.translate(_json_table())
    return text if _RAW_IN_JSON.search(text) is None else text.translate(_json_table())
