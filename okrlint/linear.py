"""Regular expressions that cannot hang: every pattern okrlint runs on user text runs on RE2.

Python's ``re`` backtracks: a pattern such as ``\\s*\\#?\\s*\\d`` takes time quadratic in a
run of spaces, and a line of 10 000 spaces once took minutes. RE2 (google-re2) matches in
time linear in the text for every pattern, so a document cannot make a check slow however
it is written. ``compile`` takes a pattern in Python's syntax and flags and gives an object
with the ``re`` methods okrlint uses, with Python's meaning kept for text in any script:

* ``\\w``, ``\\d`` and ``\\s`` match what they match in Python's ``re`` on ``str`` (Unicode
  letters, digits and spaces; RE2's own are ASCII), inside and outside ``[...]``; ``\\Z``
  is RE2's ``\\z``; ``re.VERBOSE`` layout and comments are removed;
* lookarounds, backreferences and ``\\b`` cannot run on RE2 and raise ``ValueError`` when the
  pattern is compiled, so a pattern that could backtrack never reaches a user's text.

``$`` without ``re.MULTILINE`` matches only at the very end (Python's also before a final
newline): patterns here run on single lines.

The texts are passed whole to RE2, encoded once per call: search a slice, not a long text
from an offset again and again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import re2
from re2 import _re2 as _native  # the C extension under re2's Python API

# Python's \s on str: exactly the characters for which str.isspace() is true.
_SPACE = (
    r"\t-\r\x{1c}-\x{20}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}"
    r"\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}"
)
# Python's \w on str: letters, numbers and the underscore (str.isalnum() or "_").
_WORD_PARTS = (r"\p{L}", r"\p{Nd}", r"\p{Nl}", r"\p{No}", "_")
_OUTSIDE = {
    "d": r"\p{Nd}",
    "D": r"\P{Nd}",
    "w": "[" + "".join(_WORD_PARTS) + "]",
    "W": "[^" + "".join(_WORD_PARTS) + "]",
    "s": "[" + _SPACE + "]",
    "S": "[^" + _SPACE + "]",
    "Z": r"\z",
}
_INSIDE = {"d": r"\p{Nd}", "w": "".join(_WORD_PARTS), "s": _SPACE}
_REFUSED = {
    "b": "a word boundary (\\b)",
    "B": "a non-boundary (\\B)",
}
_LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!", "(?>", "(?P=", "(?(")


def translate(pattern: str, flags: int = 0) -> str:
    """The RE2 pattern that matches what ``pattern`` matches in Python's ``re``."""
    verbose = bool(flags & re.VERBOSE)
    out: list[str] = []
    prefix = "".join(
        letter
        for flag, letter in ((re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s"))
        if flags & flag
    )
    if prefix:
        out.append(f"(?{prefix})")
    i, n = 0, len(pattern)
    while i < n:
        char = pattern[i]
        if char == "\\":
            escaped, i = _escape_at(pattern, i)
            out.append(_escape_outside(escaped, pattern))
        elif char == "[":
            end, text = _class(pattern, i)
            out.append(text)
            i = end
        elif char == "(" and pattern.startswith(_LOOKAROUNDS, i):
            raise ValueError(f"{pattern!r}: lookarounds and backreferences cannot run on RE2")
        elif verbose and char.isspace():
            i += 1
        elif verbose and char == "#":
            newline = pattern.find("\n", i)
            i = n if newline == -1 else newline + 1
        else:
            out.append(char)
            i += 1
    return "".join(out)


def _escape_at(pattern: str, i: int) -> tuple[str, int]:
    """The escape starting at ``pattern[i]`` (a backslash) without it, and the index after it.

    Python's ``\\uXXXX`` and ``\\UXXXXXXXX`` come back in RE2's spelling, ``\\x{XXXX}``."""
    letter = pattern[i + 1 : i + 2]
    if letter in ("u", "U"):
        size = 4 if letter == "u" else 8
        return f"\\x{{{pattern[i + 2 : i + 2 + size]}}}", i + 2 + size
    return letter, i + 2


def _literal(escaped: str) -> str:
    if escaped.startswith("\\x{"):
        return escaped
    if not escaped.isascii():
        return escaped  # RE2 refuses an escaped non-ASCII character; it needs no escape
    if not escaped.isprintable():
        return f"\\x{{{ord(escaped):x}}}"  # an escaped line break or control character
    return "\\" + escaped  # punctuation, and \t, \n, \x..: RE2 reads them as Python does


def _escape_outside(escaped: str, pattern: str) -> str:
    if escaped in _OUTSIDE:
        return _OUTSIDE[escaped]
    if escaped in _REFUSED or escaped.isdigit():
        what = _REFUSED.get(escaped, "a backreference")
        raise ValueError(f"{pattern!r}: {what} cannot run on RE2 with Python's meaning")
    return _literal(escaped)


def _class(pattern: str, start: int) -> tuple[int, str]:
    """``pattern[start]`` opens a character class: (the index after it, its RE2 form)."""
    i = start + 1
    negated = pattern.startswith("^", i)
    i += negated
    items: list[str] = []
    shorthand_negations: list[str] = []
    first = True
    while i < len(pattern):
        char = pattern[i]
        if char == "]" and not first:
            break
        first = False
        if char == "\\":
            escaped, i = _escape_at(pattern, i)
            if escaped in _INSIDE:
                items.append(_INSIDE[escaped])
            elif escaped in ("W", "D", "S"):
                shorthand_negations.append(escaped)
            else:
                items.append(_literal(escaped))
            continue
        if char == "[":
            items.append(r"\[")
        else:
            items.append(char)
        i += 1
    else:
        raise ValueError(f"{pattern!r}: unterminated character class")
    end = i + 1
    if not shorthand_negations:
        return end, ("[^" if negated else "[") + "".join(items) + "]"
    # "[^\W\d_]": word characters that are not digits or "_"; RE2 cannot put a negated
    # Unicode class inside a class, so the set is spelled out from \w's parts.
    if not negated or shorthand_negations != ["W"]:
        raise ValueError(f"{pattern!r}: only [^\\W…] can negate a class shorthand on RE2")
    parts = list(_WORD_PARTS)
    for item in items:
        if item == _INSIDE["d"]:
            parts.remove(r"\p{Nd}")
        elif item == "_":
            parts.remove("_")
        else:
            raise ValueError(f"{pattern!r}: [^\\W…] may only leave out \\d and _ on RE2")
    return end, "[" + "".join(parts) + "]"


class Match:
    """The part of ``re.Match`` okrlint uses, over an RE2 match (offsets in characters)."""

    __slots__ = ("_index", "_spans", "string")

    def __init__(self, string: str, spans: list[tuple[int, int]], index: dict[str, int]) -> None:
        self.string = string
        self._spans = spans
        self._index = index

    def _span(self, group: int | str) -> tuple[int, int]:
        return self._spans[group if isinstance(group, int) else self._index[group]]

    def __getitem__(self, group: int | str) -> str | None:
        start, end = self._span(group)
        return None if start < 0 else self.string[start:end]

    def group(self, *groups: int | str) -> Any:
        if len(groups) <= 1:
            return self[groups[0] if groups else 0]
        return tuple(self[g] for g in groups)

    def groups(self, default: Any = None) -> tuple[Any, ...]:
        found = (self[g] for g in range(1, len(self._spans)))
        return tuple(default if value is None else value for value in found)

    def groupdict(self, default: Any = None) -> dict[str, Any]:
        found = {name: self[number] for name, number in self._index.items()}
        return {name: default if value is None else value for name, value in found.items()}

    def start(self, group: int | str = 0) -> int:
        return self._span(group)[0]

    def end(self, group: int | str = 0) -> int:
        return self._span(group)[1]

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return self._span(group)


_UNANCHORED, _ANCHOR_START, _ANCHOR_BOTH = (
    _native.RE2.Anchor.UNANCHORED,
    _native.RE2.Anchor.ANCHOR_START,
    _native.RE2.Anchor.ANCHOR_BOTH,
)


class Pattern:
    """A compiled pattern: ``re.Pattern``'s matching methods, run on RE2 (linear time)."""

    __slots__ = ("_index", "_regex", "flags", "groups", "pattern", "translated")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self.translated = translate(pattern, flags)
        options = re2.Options()
        options.log_errors = False  # a refused pattern is a ValueError, not a line on stderr
        self._regex = _native.RE2(self.translated.encode("utf-8"), options)
        if not self._regex.ok():
            problem = self._regex.error().decode("utf-8", "replace")
            raise ValueError(f"{pattern!r} does not compile on RE2: {problem}")
        self._index = {
            name.decode("utf-8"): number for name, number in self._regex.NamedCapturingGroups()
        }
        self.groups = self._regex.NumberOfCapturingGroups()

    def __repr__(self) -> str:
        return f"linear.compile({self.pattern!r})"

    def _matches(self, anchor: Any, text: str, pos: int, endpos: int | None) -> Iterator[Match]:
        """Every match from ``pos`` on, as ``re.finditer`` finds them (RE2 reads the text as
        UTF-8 bytes; offsets are turned back into characters)."""
        if endpos is not None and endpos < len(text):
            text = text[: max(endpos, 0)]  # Python's "$" matches at endpos, RE2's at the end
        pos = min(max(pos, 0), len(text))
        if text.isascii():
            data = text.encode("ascii")
            ascii_only = True
        else:
            try:
                data = text.encode("utf-8")
            except UnicodeEncodeError:  # a lone surrogate (a file name, an escape)
                text = _without_surrogates(text)
                data = text.encode("utf-8")
            ascii_only = False
        size = len(data)
        at = pos if ascii_only else _native.CharLenToBytes(data, 0, pos)
        cursor = None if ascii_only else _Cursor(data, at, pos)
        regex, index = self._regex, self._index
        while True:
            spans = regex.Match(anchor, data, at, size)
            whole = spans[0]
            if whole[0] < 0:
                return
            yield Match(text, spans if cursor is None else cursor.characters(spans), index)
            if at == size or anchor is not _UNANCHORED:
                return
            if whole[1] == at:  # an empty match: step over one character
                at += 1 if ascii_only else _native.CharLenToBytes(data, at, 1)
            else:
                at = whole[1]

    def _first(self, anchor: Any, text: str, pos: int, endpos: int | None) -> Match | None:
        if endpos is None and 0 <= pos <= len(text) and text.isascii():
            # the common case, kept short: it runs at every token of every element
            spans = self._regex.Match(anchor, text.encode("ascii"), pos, len(text))
            return None if spans[0][0] < 0 else Match(text, spans, self._index)
        return next(self._matches(anchor, text, pos, endpos), None)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> Match | None:
        return self._first(_ANCHOR_START, text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Match | None:
        return self._first(_UNANCHORED, text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None) -> Match | None:
        return self._first(_ANCHOR_BOTH, text, pos, endpos)

    def found_in_utf8(self, data: bytes, start: int = 0, end: int | None = None) -> bool:
        """Whether the pattern matches anywhere in ``data[start:end]``, text already encoded
        as UTF-8 (a long report, checked without decoding it first); ``start`` and ``end``
        must fall between characters. RE2 lets go of the interpreter while it searches, so
        two threads can search two parts of one text at once."""
        end = len(data) if end is None else end
        return self._regex.Match(_UNANCHORED, data, start, end)[0][0] >= 0

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Match]:
        return self._matches(_UNANCHORED, text, pos, endpos)

    def findall(self, text: str, pos: int = 0, endpos: int | None = None) -> list[Any]:
        if self.groups == 0 and pos == 0 and endpos is None and not text.isascii():
            # the words of a long text: cut from the UTF-8 bytes, no offsets to convert
            data = _utf8(text)
            regex, size, at, found = self._regex, len(data), 0, []
            while True:
                start, end = regex.Match(_UNANCHORED, data, at, size)[0]
                if start < 0:
                    return found
                found.append(data[start:end].decode("utf-8"))
                if at == size:
                    return found
                at = end if end > at else at + _native.CharLenToBytes(data, at, 1)
        matches = self._matches(_UNANCHORED, text, pos, endpos)
        if self.groups == 0:
            return [m[0] for m in matches]
        if self.groups == 1:
            return [m[1] or "" for m in matches]
        return [m.groups("") for m in matches]

    def split(self, text: str) -> list[str]:
        pieces, last = [], 0
        for found in self.finditer(text):
            pieces.append(text[last : found.start()])
            pieces.extend(found.groups())
            last = found.end()
        pieces.append(text[last:])
        return pieces

    def sub(self, repl: str | Callable[[Match], str], text: str, count: int = 0) -> str:
        if not callable(repl):
            if "\\" in repl:
                raise ValueError("linear sub() takes plain text or a function, no group references")
            literal = repl
            repl = lambda _found: literal  # noqa: E731
        pieces, last = [], 0
        for number, found in enumerate(self.finditer(text), start=1):
            pieces.append(text[last : found.start()])
            pieces.append(repl(found))
            last = found.end()
            if number == count:
                break
        pieces.append(text[last:])
        return "".join(pieces)


def _utf8(text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: as U+FFFD, the same length in characters
        return _without_surrogates(text).encode("utf-8")


class _Cursor:
    """Turns byte offsets into UTF-8 ``data`` into character offsets, walking forward only:
    the matches of one search come in order, so each byte is counted once however many
    matches there are (counting from the start for each match made a search quadratic)."""

    __slots__ = ("_byte", "_char", "_data")

    def __init__(self, data: bytes, byte: int, char: int) -> None:
        self._data, self._byte, self._char = data, byte, char

    def characters(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        chars: dict[int, int] = {-1: -1}
        for offset in sorted({o for span in spans for o in span if o >= 0}):
            self._char += char_len(self._data, self._byte, offset)
            self._byte = offset
            chars[offset] = self._char
        return [(chars[a], chars[b]) for a, b in spans]


def char_len(data: bytes, start: int, end: int) -> int:
    """The characters in ``data[start:end]`` (UTF-8), counted by RE2's C code."""
    return _native.BytesToCharLen(data, start, end)


_SURROGATES = {code: "\ufffd" for code in range(0xD800, 0xE000)}


def _without_surrogates(text: str) -> str:
    """The text with each lone surrogate (from a file name or an escape) as U+FFFD: the same
    length, so every offset into it stays true."""
    return text.translate(_SURROGATES)


def compile(pattern: str, flags: int = 0) -> Pattern:
    """``re.compile`` for patterns that run on user text: the same meaning, linear time."""
    return Pattern(pattern, flags)


def escape(text: str) -> str:
    return re.escape(text)
