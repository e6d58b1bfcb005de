"""A Doc's tokens as plain Python objects, read from spaCy once per element.

The analysis in ``numbers`` and ``clauses`` looks at each token many times (its
neighbours, phrases starting at it, its flags). On a spaCy ``Doc`` every ``doc[i]``
builds a new ``Token`` and every attribute is a call into Cython, which made that
look-up most of okrlint's time. ``Tokens`` is a list of ``Tok`` with the same
attribute names, built in one pass, so the analysis code reads like spaCy code.

Slices are lists without ``.text``: use ``text_of(tokens, start, end)``.
"""

from __future__ import annotations

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
