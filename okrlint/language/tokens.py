"""A Doc's tokens as plain Python objects, read from spaCy once per element.

The analysis in ``numbers`` and ``clauses`` looks at each token many times (its
neighbours, phrases starting at it, its flags). On a spaCy ``Doc`` every ``doc[i]``
builds a new ``Token`` and every attribute is a call into Cython, which made that
look-up most of okrlint's time. ``Tokens`` is a list of ``Tok`` with the same
attribute names, built in one pass, so the analysis code reads like spaCy code.

Slices are lists without ``.text``: use ``text_of(tokens, start, end)``.

The helpers every reader of tokens shares live here too, once: stepping over spaces
(``ahead``, ``behind``), a token's neighbourhood (``lower``,
``glued_to_next``, ``thin_gap``, ``has_digit``) and phrase look-up (``lookup_at``,
``phrase_at``, with ``phrase_starts`` to stop early).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class Tok:
    """The attributes of a ``spacy.tokens.Token`` the analysis uses, with spaCy's names."""

    __slots__ = (
        "i",
        "idx",
        "is_alpha",
        "is_lower",
        "is_punct",
        "is_space",
        "is_stop",
        "is_title",
        "is_upper",
        "like_num",
        "lower_",
        "text",
        "whitespace_",
    )

    def __init__(self, token: Any) -> None:
        self.i = token.i
        self.text = token.text
        self.lower_ = token.lower_
        self.idx = token.idx
        self.whitespace_ = token.whitespace_
        self.is_alpha = token.is_alpha
        self.is_punct = token.is_punct
        self.is_space = token.is_space
        self.is_title = token.is_title
        self.is_lower = token.is_lower
        self.is_upper = token.is_upper
        self.is_stop = token.is_stop
        self.like_num = token.like_num

    def __repr__(self) -> str:
        return f"Tok({self.text!r}@{self.idx})"


class Tokens(list):
    """The tokens of one text, with the text and every token's lower-case form."""

    __slots__ = ("lowers", "text")

    def __init__(self, doc: Any) -> None:
        super().__init__(Tok(t) for t in doc)
        # Doc.text joins the tokens again on every read; this is the same string, once.
        self.text: str = "".join(t.text + t.whitespace_ for t in self)
        self.lowers: list[str] = [t.lower_ for t in self]


def text_of(doc: Tokens, start: int, end: int) -> str:
    """The text of tokens [start, end), as spaCy's ``doc[start:end].text``."""
    start, end, _ = slice(start, end).indices(len(doc))  # negatives and overruns as spaCy
    if start >= end:
        return ""
    last = doc[end - 1]
    return doc.text[doc[start].idx : last.idx + len(last.text)]


Token = Tok  # the attributes of a spaCy Token, read once (the name the readers use)


def ahead(doc: Sequence[Token], i: int) -> int:
    """Index of the next token at or after i that is not whitespace."""
    while i < len(doc) and doc[i].is_space:
        i += 1
    return i


def behind(doc: Sequence[Token], i: int) -> int:
    """Index of the last non-space token before i (-1 when none)."""
    i -= 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i


def lower(doc: Sequence[Token], i: int) -> str:
    """The lower-case text of token i; '' outside the doc."""
    return doc[i].lower_ if 0 <= i < len(doc) else ""


def glued_to_next(doc: Sequence[Token], i: int) -> bool:
    return i + 1 < len(doc) and not doc[i].whitespace_


def thin_gap(doc: Sequence[Token], i: int) -> int | None:
    """The index after a single-space gap following token i, or None."""
    tok = doc[i]
    if tok.whitespace_ in (" ", "\u00a0", "\u202f"):
        return i + 1
    nbsp = i + 1 < len(doc) and doc[i + 1].text in ("\u00a0", "\u202f")
    if not tok.whitespace_ and nbsp and not doc[i + 1].whitespace_:
        return i + 2
    return None


# id(phrase table) -> (the table, every prefix of every phrase in it). A token whose lower-case
# text is no such prefix starts no phrase, and a phrase that is no prefix cannot grow into
# one, so the look-ups below stop early (they were most of the language layer's time). The
# table itself is kept so that its id is never reused for another one.
_STARTS: dict[int, tuple[Any, frozenset[str]]] = {}


def phrase_starts(table: dict | frozenset) -> frozenset[str]:
    found = _STARTS.get(id(table))
    if found is None or found[0] is not table:
        prefixes = frozenset(k[:n] for k in table for n in range(1, len(k) + 1))
        found = _STARTS[id(table)] = (table, prefixes)
    return found[1]


def has_digit(text: str) -> bool:
    """Whether ``text`` holds a decimal digit (as ``\\d`` matches); most tokens are words,
    which one C call rules out."""
    return not text.isalpha() and any(ch.isdecimal() for ch in text)


def cannot_start(doc: Tokens, i: int, table: dict | frozenset) -> bool:
    lowers = doc.lowers
    return 0 <= i < len(lowers) and lowers[i] not in phrase_starts(table)


def lookup_at(doc: Tokens, i: int, table: dict | frozenset, longest: int = 3):
    """(end, key) of the longest key of ``table`` starting at token i, or (i, None).

    A key matches the tokens' lower-case text as written ("e-post") or with single spaces
    between the tokens ("per cent"); the written form wins when both do."""
    lowers = doc.lowers
    if not 0 <= i < len(lowers):
        return i, None
    starts = phrase_starts(table)
    written = joined = lowers[i]
    if written not in starts:
        return i, None
    found: tuple[int, str | None] = (i, None)
    limit = min(longest, len(lowers) - i)
    n = 1
    while True:
        if written in table:
            found = (i + n, written)
        elif joined in table:
            found = (i + n, joined)
        if n == limit:
            return found
        after = lowers[i + n]
        written += doc[i + n - 1].whitespace_ + after
        joined += " " + after
        if written not in starts and joined not in starts:
            return found  # no longer phrase can start with these words
        n += 1


def phrase_at(doc: Tokens, i: int, phrases: frozenset[str], longest: int = 4) -> int:
    """End index of the longest phrase from ``phrases`` starting at token i (i when none)."""
    return lookup_at(doc, i, phrases, longest)[0]
