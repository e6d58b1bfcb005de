"""Placeholders: the slots a draft leaves for a number ("X %", "TBD", "[N]", "<target>",
"£XXk", "___"), read as a quantity to fill in, never as a value.

``PlaceholderReading`` is a part of ``numbers.Scanner``.
"""

from __future__ import annotations

import re

from okrlint import linear
from okrlint.language.analysis import QuantityKind
from okrlint.language.digits import NUMBER_RE, Hit
from okrlint.language.tokens import ahead, behind, glued_to_next, lookup_at, lower, phrase_at

PLACEHOLDER_WORDS = frozenset({"tbd", "tbc", "tba", "xx", "xxx", "nn", "x%", "xx%", "n%"})
PLACEHOLDER_LETTERS = frozenset({"x", "y", "z", "n"})
PLACEHOLDER_GLUED_RE = linear.compile(r"^(x{1,3}|n{1,2}|y|z|tbd|tbc|tba)(%)$", re.IGNORECASE)
# "[N]%" splits as "[" + "N]%", "<target>%" as "<" + "target>%".
PLACEHOLDER_CLOSING_RE = linear.compile(r"^(x{1,3}|n{1,2}|y|z)[\]>]%?$", re.IGNORECASE)
BRACKET_WORD_CLOSING_RE = linear.compile(r"^([^\W\d_]+)[\]>}]%?$")
# Letters standing for digits around a decimal mark: "XX.X", "x,x".
# A letter amount with a scale glued on, after a currency: "£XXk", "$Xm", "NOK NN mill".
PLACEHOLDER_SCALED_RE = linear.compile(r"^(x{1,3}|n{1,2})(k|m|bn|mn)$", re.IGNORECASE)
PLACEHOLDER_DIGITS_RE = linear.compile(r"^x{1,3}[.,]x{1,2}$", re.IGNORECASE)
BLANK = "_"  # "Sell ___ units": a blank to fill in
OPEN_BRACKETS = {"[": "]", "<": ">", "{": "}"}


class PlaceholderReading:
    """Slots left for a number (a part of ``Scanner``)."""

    def _stand_in(self) -> Hit | None:
        """ "Key result 4", "KR n", "Nøkkelresultat X": an element that is only its label and a
        number or letter holds a place for a key result nobody wrote."""
        doc, lex = self.doc, self.lex
        if not lex.stand_ins:
            return None
        i = ahead(doc, 0)
        while i < len(doc) and doc[i].is_punct:
            i = ahead(doc, i + 1)
        j = phrase_at(doc, i, lex.stand_ins, longest=3)
        if j == i + 1 and doc[i].lower_ in lex.unit_phrases and not doc[i].is_upper:
            return None  # "kr 62" is an amount; "KR 6" a stand-in
        k = ahead(doc, j)
        if k < len(doc) and doc[k].text == "#":  # "Key Result #3"
            k = ahead(doc, k + 1)
        if j == i or k >= len(doc):
            return None
        rest = ahead(doc, k + 1)
        # "Nøkkelresultat n – fylles inn av økonomisjefen": a note after a dash says who fills
        # the place in
        noted = rest < len(doc) and doc[rest].text in ("–", "—", "-") and doc[rest - 1].whitespace_
        while rest < len(doc) and doc[rest].is_punct:
            rest = ahead(doc, rest + 1)
        low = doc[k].lower_.lstrip("#")
        slot = NUMBER_RE.match(low) or low in PLACEHOLDER_LETTERS | PLACEHOLDER_WORDS
        if (rest < len(doc) and not (noted and not NUMBER_RE.match(low))) or not slot:
            return None
        return self._hit(k, k + 1, None, QuantityKind.ABSOLUTE, None, placeholder=True)

    def _placeholder(self, i: int) -> Hit | None:
        """ "fra x til y", "X %", "TBD", "???", "[N]", "<n>", "XX %"."""
        end = self._placeholder_end(i)
        if end == i:
            return None
        start, prefix_unit = self._currency_prefix(i)
        kind, unit = QuantityKind.ABSOLUTE, None
        glued = PLACEHOLDER_GLUED_RE.match(self.doc[i].text)
        if glued:
            kind, unit = QuantityKind.PERCENT, "%"
        elif prefix_unit is not None:
            kind, unit = QuantityKind.CURRENCY, prefix_unit
        else:
            _, kind, unit, end = self._unit_word(0.0, end, ahead(self.doc, end))
        return self._hit(start, end, None, kind, unit, placeholder=True)

    def _placeholder_end(self, i: int) -> int:
        doc = self.doc
        tok = doc[i]
        low = tok.lower_
        if low in PLACEHOLDER_WORDS or PLACEHOLDER_GLUED_RE.match(tok.text):
            return i + 1
        if PLACEHOLDER_DIGITS_RE.match(tok.text):
            return i + 1
        if PLACEHOLDER_SCALED_RE.match(tok.text) and self._after_currency(i):
            return i + 1
        if low == BLANK and glued_to_next(doc, i) and doc[i + 1].text == BLANK:
            j = i
            while j < len(doc) and doc[j].text == BLANK and (j == i or not doc[j - 1].whitespace_):
                j += 1
            return j
        if low == "?" and glued_to_next(doc, i) and doc[i + 1].text == "?":
            j = i
            while j < len(doc) and doc[j].text == "?" and (j == i or not doc[j - 1].whitespace_):
                j += 1
            return j
        if low in OPEN_BRACKETS:
            return self._bracketed_slot(i)
        letter = len(low) == 1 and low.isalpha()
        if letter and (tok.is_upper or low in PLACEHOLDER_LETTERS) and self._after_currency(i):
            return i + 1  # a letter amount: "$X", "£Y", "NOK X mill.", "kr X"
        slot = low in PLACEHOLDER_LETTERS | {"…", "...", "xx", "nn"}
        if slot and self._slot_between(behind(doc, i), ahead(doc, i + 1), i):
            return i + 1
        return i

    def _bracketed_slot(self, i: int) -> int:
        """ "[target]", "[antall]", "<N>", "{X}", "[N]%": a bracketed word or letter that holds a
        place, named by the lexicon's placeholder words or standing where a number belongs."""
        doc, lex = self.doc, self.lex
        if i + 1 < len(doc) and PLACEHOLDER_CLOSING_RE.match(doc[i + 1].text):
            return i + 2  # "[N]%" is read as "[" + "N]%"
        glued = BRACKET_WORD_CLOSING_RE.match(doc[i + 1].text) if i + 1 < len(doc) else None
        if glued and glued.group(1).lower() in lex.placeholder_words:
            return i + 2  # "<target>%" is read as "<" + "target>%"
        close = OPEN_BRACKETS[doc[i].text]
        j = i + 1
        while j < len(doc) and j <= i + 4 and doc[j].text != close:
            j += 1
        if j >= len(doc) or doc[j].text != close or j == i + 1:
            return i
        inner = doc[i + 1 : j]
        if not all(t.is_alpha or t.text in ("%", "…", "...") for t in inner):
            return i
        words = {t.lower_ for t in inner}
        known = PLACEHOLDER_LETTERS | PLACEHOLDER_WORDS | lex.placeholder_words | {"…", "...", "xx"}
        if words & known or self._slot_between(behind(doc, i), ahead(doc, j + 1), None):
            return j + 1
        return i

    def _slot_between(self, p: int, n: int, letter: int | None) -> bool:
        """Does a slot between tokens p and n stand where a number belongs: after a change word
        ("fra x til y", "to [target]"), before a unit or scale ("X %", "[N] mill."), before a
        "new" word ("N new users"), or a letter as the object of a verb ("Close x deals")?"""
        doc, lex = self.doc, self.lex
        if p >= 0 and NUMBER_RE.match(doc[p].text) and not doc[p].whitespace_:
            return False  # "2x" written "2 x"
        if lower(doc, p) in self.change_words:
            return True
        if n >= len(doc):
            return False
        nxt = doc[n]
        if lookup_at(doc, n, lex.unit_phrases)[1] or nxt.lower_ in lex.scales:
            return True
        if nxt.lower_ in lex.markers.get("new_words", frozenset()):
            return True
        if letter is None or not (nxt.is_alpha and not nxt.is_stop):
            return False
        if doc[letter].is_upper:
            return nxt.is_lower
        # a lower-case letter right after the opening verb: "Sign x partners"
        return p >= 0 and doc[p].lower_ in lex.verb_forms and p == self._first_word()
