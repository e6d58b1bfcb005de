"""Reading numbers, quantities, deadlines and placeholders from a tokenised Doc.

The functions here walk spaCy tokens left to right, once, and look words up in
the ``Lexicon``; they never import spaCy themselves (the Doc arrives from the
pipeline component). Results are ``Hit``s: a ``Quantity`` plus the token range
it covers, so that the change component can look at its neighbours.

Every number-like token gets a decision here, with a readable reason
(``NumberReading``): a quantity, a date or deadline, an identifier (a version,
standard, reference, name, tier or level), an ordinal or rank, a placeholder, or
a number word that is something else in context (an article). Only quantities
measure; the rules read the decision and never make it again.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from okrlint import linear, numeric
from okrlint.language.analysis import NumberKind, NumberReading, Quantity, QuantityKind
from okrlint.language.lexicon import Lexicon
from okrlint.language.tokens import Tok, Tokens, text_of

Token = Tok  # the attributes of a spaCy Token, read once (see ``tokens``)

# A written number: optional sign (a tolerance "±10" too), digits, and groups after "." or ",".
NUMBER_RE = linear.compile(r"^[+±−-]?\d+(?:[.,]\d+)*$")
# A number with letters glued on: "2x", "10k", "24h", "5min", "1st".
GLUED_RE = linear.compile(r"^([+±−-]?\d+(?:[.,]\d+)*)([^\W\d_]+|×)\+*$")  # "1TB++": at least
# A rating on a scale: "4.5/5", "7/10", "4,2/5" (numerator no larger than the scale).
SCORE_RE = linear.compile(r"^(\d+(?:[.,]\d+)?)/(5|6|7|10|100)$")
# A ratio: "24:1", "3,5:1" (the same on both sides, "1:1", names a meeting, not a level).
RATIO_RE = linear.compile(r"^(\d+(?:[.,]\d+)?):(\d+)$")
DATE_RE = linear.compile(r"^(\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2})$")
PERIOD_RE = linear.compile(
    r"^(q[1-4]|h[12]|t[1-3]|fy\d{2,4}|\d{4}q[1-4]|q[1-4]-\d{2,4}|eoy|eoq|ytd)$"
)
ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th", "e", "te", "de"})
GROUP_RE = linear.compile(r"^\d{3}(?:[.,]\d+|,-)?\.?$")
# Norwegian prices: "1 500,-" (the ",-" means whole kroner).
PRICE_DASH = ",-"
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
# Compiled once: these run at every number token.
SEP_RE = linear.compile(r"[.,]")
DAY_DOT_RE = linear.compile(r"^\d{1,2}\.$")
FOUR_DIGITS_RE = linear.compile(r"\d{4}")
DAY_RE = linear.compile(r"\d{1,2}(st|nd|rd|th|\.)?")
DIGITS_DOT_RE = linear.compile(r"^\d+\.$")
SHORT_NUMBER_RE = linear.compile(r"[+±-]?\d{1,3}")
THREE_DIGITS_RE = linear.compile(r"\d{3}")
CLOCK_RE = linear.compile(r"\d{1,2}[:.]\d{2}")
SIGN_CHARS = "+-±−"  # "±" is a tolerance, not a direction: its sign is 0; "−" is a minus
NEGATIVE = ("-", "−")
# A version or a dotted code: "2.0", "4.2.1" (a decimal with a zero after the point, or more
# than one point).
# A year with a point and a release number ("2026.1") is a version too.
VERSION_RE = linear.compile(r"^\d+\.0$|^\d+(?:\.\d+){2,}$|^(?:19|20)\d{2}\.\d{1,2}$")
OPEN_BRACKETS = {"[": "]", "<": ">", "{": "}"}
# Punctuation inside a noun phrase; any other ends the search for a per-period phrase.
PHRASE_GLUE = frozenset({"-", "'", "’", "&", "/"})
# Words an article may stand from its period ("a volunteer evening every quarter").
PER_PERIOD_REACH = 7
YEAR_RANGE = (1900, 2100)
# Punctuation that opens a new part of an element: ", mål 85 %", "(goal 1,000)".
BREAKS = frozenset({",", ";", ":", "(", "[", "–", "—"})


@dataclass(frozen=True, slots=True)
class Hit:
    """A quantity and the tokens [start, end) it was read from."""

    start: int
    end: int
    quantity: Quantity
    sign: int = 0  # +1 / -1 when written with "+" or "-"
    word: bool = False  # spelled out ("ti", "doble") rather than digits


@dataclass(frozen=True, slots=True)
class _Core:
    value: float
    end: int  # token index after the number
    glued: str = ""  # letters glued to the last digit token ("k" in "10k")
    sign: int = 0
    word: bool = False


def parse_digits(text: str, lex: Lexicon) -> float | None:
    """A written number as a float, honouring the language's separators.

    Returns None for things that only look like numbers ("1.2.3") and for numbers no OKR
    could mean (``okrlint.numeric``: 400 digits, "1e400").
    """
    body = text.lstrip(SIGN_CHARS)
    seps = SEP_RE.findall(body)
    groups = SEP_RE.split(body)
    if not seps:
        return numeric.parse(body)
    tails = groups[1:]
    if len(seps) > 1:
        if len(set(seps)) == 1:  # "1.000.000", "1,000,000"
            if all(len(t) == 3 for t in tails):
                return numeric.parse("".join(groups))
            return None  # "1.2.3": a version
        *thousands, decimal = groups  # "1.000,5" / "1,000.5"
        if all(len(t) == 3 for t in thousands[1:]):
            return numeric.parse("".join(thousands) + "." + decimal)
        return None
    sep, tail = seps[0], tails[0]
    thousands = lex.thousands_comma if sep == "," else lex.thousands_dot
    if thousands and len(tail) == 3:
        return numeric.parse(groups[0] + tail)
    return numeric.parse(groups[0] + "." + tail)


def _next(doc: Sequence[Token], i: int) -> int:
    """Index of the next token at or after i that is not whitespace."""
    while i < len(doc) and doc[i].is_space:
        i += 1
    return i


def _prev(doc: Sequence[Token], i: int) -> int:
    """Index of the last non-space token before i (-1 when none)."""
    i -= 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i


def _lower(doc: Sequence[Token], i: int) -> str:
    return doc[i].lower_ if 0 <= i < len(doc) else ""


def _glued_to_next(doc: Sequence[Token], i: int) -> bool:
    return i + 1 < len(doc) and not doc[i].whitespace_


def _thin_gap(doc: Sequence[Token], i: int) -> int | None:
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


def _starts(table: dict | frozenset) -> frozenset[str]:
    found = _STARTS.get(id(table))
    if found is None or found[0] is not table:
        prefixes = frozenset(k[:n] for k in table for n in range(1, len(k) + 1))
        found = _STARTS[id(table)] = (table, prefixes)
    return found[1]


def _has_digit(text: str) -> bool:
    """Whether ``text`` holds a decimal digit (as ``\\d`` matches); most tokens are words,
    which one C call rules out."""
    return not text.isalpha() and any(ch.isdecimal() for ch in text)


_STARTERS: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _quantity_starters(lex: Lexicon) -> frozenset[str]:
    """Lower-case tokens other than digits and "%" forms that may open a quantity or a
    placeholder: number words, the first words of multipliers, fractions and currency
    prefixes, placeholder words and brackets. Every other token is skipped unread."""
    found = _STARTERS.get(id(lex))
    if found is None or found[0] is not lex:
        words = set(lex.number_words) | set(lex.currency_prefixes)
        words |= _starts(lex.multiplier_words) | _starts(lex.fraction_words)
        words |= PLACEHOLDER_WORDS | PLACEHOLDER_LETTERS | {"…", "...", "xx", "nn", "?"}
        words |= set(OPEN_BRACKETS) | set(lex.articles) | set(lex.frequency_words)
        words |= set(lex.zero_words) | set("abcdefghijklmnopqrstuvwxyz")  # "$X", "£Y"
        words |= {BLANK} | {f"{a}{m}{b}" for a in ("x", "xx", "xxx") for m in ".," for b in "x"}
        words |= {f"{a}{m}xx" for a in ("x", "xx", "xxx") for m in ".,"}  # "XX.X", "x,xx"
        found = _STARTERS[id(lex)] = (lex, frozenset(words))
    return found[1]


def _cannot_start(doc: Tokens, i: int, table: dict | frozenset) -> bool:
    lowers = doc.lowers
    return 0 <= i < len(lowers) and lowers[i] not in _starts(table)


def lookup_at(doc: Tokens, i: int, table: dict | frozenset, longest: int = 3):
    """(end, key) of the longest key of ``table`` starting at token i, or (i, None).

    A key matches the tokens' lower-case text as written ("e-post") or with single spaces
    between the tokens ("per cent"); the written form wins when both do."""
    lowers = doc.lowers
    if not 0 <= i < len(lowers):
        return i, None
    starts = _starts(table)
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


class Scanner:
    """One pass over a Doc: deadlines first, then quantities and placeholders."""

    def __init__(self, doc: Sequence[Token], lex: Lexicon, markers: dict[str, list]):
        self.doc = doc
        self.lex = lex
        self.markers = markers
        self.blocked: set[int] = set()
        self.change_words = lex.change_words
        # token index -> what a number-like token that is not a quantity is, and why
        self.readings: dict[int, NumberReading] = {}
        self._noted: dict[int, int] = {}  # the token ranges of ``readings``: start -> end
        self.periods: dict[int, int] = {}  # per-period phrases: start -> end ("every quarter")

    def _note(self, start: int, end: int, kind: NumberKind, reason: str) -> None:
        """Record what tokens [start, end) are (the first decision about a token stands)."""
        if start in self.readings or start >= end:
            return
        self._noted[start] = end
        doc = self.doc
        first, last = doc[start], doc[end - 1]
        self.readings[start] = NumberReading(
            first.idx, last.idx + len(last.text), text_of(doc, start, end), kind, reason
        )

    # ---- deadlines -------------------------------------------------------------------

    def idioms(self) -> None:
        """Idioms with a number word in them ("double down", "satse dobbelt"): blocked."""
        lex, lowers = self.lex, self.doc.lowers
        if not lex.idioms:
            return
        starts = _starts(lex.idioms)
        for i, low in enumerate(lowers):
            if low in starts:
                end = phrase_at(self.doc, i, lex.idioms, longest=5)
                if end > i:
                    self.blocked.update(range(i, end))
                    phrase = text_of(self.doc, i, end)
                    for k in range(i, end):
                        if lowers[k] in lex.number_words or lowers[k] in lex.multiplier_words:
                            self._note(k, k + 1, NumberKind.WORD, f"part of «{phrase}»")

    def deadlines(self) -> list[tuple[int, int]]:
        """Token ranges of deadline phrases; their tokens are blocked for quantities."""
        self.idioms()
        found: list[tuple[int, int]] = []
        lowers, markers = self.doc.lowers, _starts(self.lex.deadline_markers)
        i = 0
        while i < len(self.doc):
            end = self._deadline_at(i) if lowers[i] in markers else i
            if end > i:
                found.append((i, end))
                self.blocked.update(range(i, end))
                phrase = text_of(self.doc, i, end)
                for k in range(i, end):
                    if _has_digit(lowers[k]) or lowers[k] in self.lex.number_words:
                        self._note(k, k + 1, NumberKind.DATE, f"part of the deadline «{phrase}»")
                i = end
            else:
                i += 1
        return found

    def _deadline_at(self, i: int) -> int:
        doc, lex = self.doc, self.lex
        j = phrase_at(doc, i, lex.deadline_markers, longest=5)
        if j == i or lookup_at(doc, i, lex.multiplier_words, longest=2)[1]:
            return i  # "by half" is a multiplier, not "by H1"
        marker = text_of(doc, i, j).lower()
        period_only = marker in lex.deadline_period_only
        k, fillers = _next(doc, j), 0
        while k < len(doc) and doc[k].lower_ in lex.deadline_fillers:
            k, fillers = _next(doc, k + 1), fillers + 1
        if k >= len(doc):
            return i
        end = self._time_head(
            k, allow_nouns=not period_only or fillers > 0, durations=not period_only
        )
        return end if end > k else i

    def _time_head(self, k: int, *, allow_nouns: bool, durations: bool) -> int:
        doc, lex = self.doc, self.lex
        low = doc[k].lower_
        if PERIOD_RE.match(low) or DATE_RE.match(low) or self._is_year_token(k):
            return self._trailing_year(k + 1)
        if low in lex.months:
            return self._date_tail(k + 1)
        if DAY_DOT_RE.match(low) and _lower(doc, _next(doc, k + 1)) in (
            lex.months | lex.time_nouns
        ):
            return self._date_tail(_next(doc, k + 1) + 1)
        if durations:
            core = self._core(k, strict=False)
            if core is not None:
                end, unit = lookup_at(doc, _next(doc, core.end), lex.durations)
                if unit and lex.durations[unit] in lex.deadline_duration_units:
                    return end
                return k
        if allow_nouns and low in lex.time_nouns:
            return self._trailing_year(k + 1)
        return k

    def _is_year_token(self, k: int) -> bool:
        text = self.doc[k].text
        return bool(FOUR_DIGITS_RE.fullmatch(text)) and YEAR_RANGE[0] <= int(text) <= YEAR_RANGE[1]

    def _trailing_year(self, k: int) -> int:
        n = _next(self.doc, k)
        return n + 1 if n < len(self.doc) and self._is_year_token(n) else k

    def _date_tail(self, k: int) -> int:
        """After a month name: an optional day ("March 1st") and year ("2025")."""
        n = _next(self.doc, k)
        if n < len(self.doc) and DAY_RE.fullmatch(self.doc[n].lower_):
            k = n + 1
        n = _next(self.doc, k)
        if n < len(self.doc) and self.doc[n].text == ",":
            n2 = _next(self.doc, n + 1)
            if n2 < len(self.doc) and self._is_year_token(n2):
                return n2 + 1
        return self._trailing_year(k)

    # ---- numbers ---------------------------------------------------------------------

    def _word_allowed(self, i: int, word: str) -> bool:
        """Number words that double as articles or prepositions count only in context."""
        doc, lex = self.doc, self.lex
        if doc[i].text.lower() != word:
            return False
        weak, medium = word in lex.weak_number_words, word in lex.medium_number_words
        if not (weak or medium):
            return True
        prev = _lower(doc, _prev(doc, i))
        if prev in self.change_words and not (weak and self._before_a_noun(i)):
            return True  # "fra en til tre", "til to"; not the article of "fra et nivå på 3 000"
        p = _prev(doc, i)
        if p >= 0 and doc[i].is_title and doc[p].is_title and doc[p].is_alpha:
            return False  # inside a run of capitalised words: a name
        n = _next(doc, i + 1)
        if n >= len(doc):
            return False
        nxt = doc[n]
        low = nxt.lower_
        new_words = lex.markers.get("new_words", frozenset())
        if low in new_words or low in lex.count_nouns or low in lex.scales:
            return True
        if low in lex.markers.get("or", ()) and _lower(doc, _next(doc, n + 1)) in lex.markers.get(
            "comparatives", ()
        ):
            return True  # "one or more courses", "ett eller flere"
        if lookup_at(doc, n, lex.unit_phrases)[1]:
            return True
        if weak:
            return False
        return nxt.is_alpha and not nxt.is_stop and low not in lex.number_words

    def _before_a_noun(self, i: int) -> bool:
        """Whether a content word follows token i (an article's noun), not a unit, count noun,
        "new" word or number."""
        doc, lex = self.doc, self.lex
        n = _next(doc, i + 1)
        if n >= len(doc) or not doc[n].is_alpha or doc[n].is_stop:
            return False
        low = doc[n].lower_
        if low in lex.count_nouns or low in lex.scales or low in lex.number_words:
            return False
        new_words = lex.markers.get("new_words", frozenset())
        return low not in new_words and lookup_at(doc, n, lex.unit_phrases)[1] is None

    def _core(self, i: int, *, strict: bool = True) -> _Core | None:
        """The number starting at token i: digits (with thousand groups) or number words."""
        doc, lex = self.doc, self.lex
        tok = doc[i]
        text = tok.text
        if NUMBER_RE.match(text) or (DIGITS_DOT_RE.match(text) and self._period_is_stop(i)):
            return self._digits_core(i)
        if text.endswith(PRICE_DASH) and NUMBER_RE.match(text[: -len(PRICE_DASH)]):
            value = parse_digits(text[: -len(PRICE_DASH)], lex)
            return None if value is None else _Core(value, i + 1, PRICE_DASH)
        glued = GLUED_RE.match(text)
        if glued and glued.group(2).lower() not in ORDINAL_SUFFIXES:
            value = parse_digits(glued.group(1), lex)
            if value is None:
                return None
            sign = -1 if text.startswith(NEGATIVE) else (1 if text.startswith("+") else 0)
            return _Core(abs(value), i + 1, glued.group(2).lower(), sign)
        low = tok.lower_
        if low in lex.number_words and (not strict or self._word_allowed(i, low)):
            return self._words_core(i)
        return None

    def _period_is_stop(self, i: int) -> bool:
        """Is the "." of a token like "000." a full stop rather than an ordinal mark?"""
        n = _next(self.doc, i + 1)
        return n >= len(self.doc) or not self.doc[n].is_lower

    def _digits_core(self, i: int) -> _Core | None:
        doc = self.doc
        text = doc[i].text.rstrip(".") if doc[i].text.endswith(".") else doc[i].text
        end = i + 1
        # "100 000" and "1 000 000": spaCy splits thousand groups into tokens.
        if SHORT_NUMBER_RE.fullmatch(text):
            gap = _thin_gap(doc, i)
            while gap is not None and gap < len(doc) and GROUP_RE.match(doc[gap].text):
                group = doc[gap].text
                if group.endswith(".") and not self._period_is_stop(gap):
                    break
                if group.endswith(PRICE_DASH):  # "1 500,-"
                    core = self._digits_value(text + group[:3], gap + 1)
                    return None if core is None else replace(core, glued=PRICE_DASH)
                text += group.rstrip(".") if group.endswith(".") else group
                end = gap + 1
                if not THREE_DIGITS_RE.fullmatch(doc[gap].text):
                    break
                gap = _thin_gap(doc, gap)
        return self._digits_value(text, end)

    def _digits_value(self, text: str, end: int) -> _Core | None:
        value = parse_digits(text, self.lex)
        if value is None:
            return None
        sign = -1 if text.startswith(NEGATIVE) else (1 if text.startswith("+") else 0)
        return _Core(abs(value), end, "", sign)

    def _words_core(self, i: int) -> _Core:
        """ "fem", "to hundre", "ti tusen": number words multiplied by following scales."""
        doc, lex = self.doc, self.lex
        value = lex.number_words[doc[i].lower_]
        end = i + 1
        unit = _lower(doc, i + 2)
        if 20 <= value < 100 and self._hyphen_at(i) and 0 < lex.number_words.get(unit, 0) < 10:
            value, end = value + lex.number_words[unit], i + 3  # "twenty-five"
        n = _next(doc, end)
        while n < len(doc) and doc[n].lower_ in lex.number_words and doc[n].lower_ in lex.scales:
            if value * lex.scales[doc[n].lower_] > numeric.LIMIT:
                break  # "million million million …" would overflow: not a usable number
            value *= lex.scales[doc[n].lower_]
            end = n + 1
            n = _next(doc, end)
        return _Core(value, end, "", 0, word=True)

    # ---- quantities ------------------------------------------------------------------

    def quantities(self) -> list[Hit]:
        hits: list[Hit] = []
        lowers, starters = self.doc.lowers, _quantity_starters(self.lex)
        self.periods = self._per_period_phrases()
        stand_in = self._stand_in()
        if stand_in is not None:
            return [stand_in]  # "Key result 4": the whole element holds a place
        i = 0
        while i < len(self.doc):
            low = lowers[i]
            starts = low in starters or "%" in low or _has_digit(low)
            starts = starts or (low[:1] in ("x", "n") and bool(PLACEHOLDER_SCALED_RE.match(low)))
            if i in self.blocked or not starts:  # "£XXk": a scaled letter amount starts one
                i += 1  # no digit, number word, unit prefix or placeholder: nothing starts here
                continue
            hit = self._placeholder(i) or self._quantity(i)
            if hit is None:
                i += 1
                continue
            hits.append(hit)
            i = hit.end
        self._note_the_rest(hits)
        return hits

    def _note_the_rest(self, hits: Sequence[Hit]) -> None:
        """Tokens with digits that nothing read: part of a word or a code ("EXC3", "K-12")."""
        covered = {k for h in hits for k in range(h.start, h.end)}
        for i, low in enumerate(self.doc.lowers):
            if i in covered or i in self.readings or not _has_digit(low):
                continue
            if any(s <= i < e for s, e in self._noted.items()):
                continue
            if PERIOD_RE.match(low):  # "| – | Q4 2026 |": a period with no deadline word
                self._note(i, i + 1, NumberKind.DATE, "a period")
                continue
            self._note(i, i + 1, NumberKind.IDENTIFIER, "a number inside a word or code")

    # ---- determiners and periods ----------------------------------------------------

    def _per_period_phrases(self) -> dict[int, int]:
        """ "every quarter", "per kvartal", "a week": start -> end of each per-period phrase."""
        found: dict[int, int] = {}
        phrases = self.lex.markers.get("per_period", frozenset())
        if not phrases:
            return found
        lowers, starts = self.doc.lowers, _starts(phrases)
        every = self.lex.markers.get("per_period_words", frozenset())
        periods = self.lex.markers.get("period_nouns", frozenset())
        for i, low in enumerate(lowers):
            if low in starts:
                end = phrase_at(self.doc, i, phrases, longest=3)
                if end > i:
                    found[i] = end
                    continue
            if low in every:  # "every school holiday", "hver torsdag", "each night shift"
                for k in (i + 1, i + 2):
                    if k < len(lowers) and lowers[k] in periods:
                        found[i] = k + 1
                        break
                    if k < len(lowers) and not self.doc[k].is_alpha:
                        break
        return found

    def _period_ahead(self, i: int) -> int | None:
        """The start of a per-period phrase in the noun phrase after token i, within reach."""
        doc, k, seen = self.doc, _next(self.doc, i + 1), 0
        while k < len(doc) and seen < PER_PERIOD_REACH:
            if k in self.periods:
                return k
            tok = doc[k]
            if tok.is_punct and tok.text not in PHRASE_GLUE:
                return None
            k, seen = _next(doc, k + 1), seen + (0 if tok.is_punct else 1)
        return None

    def _determiner(self, i: int) -> Hit | None:
        """An article that means one per period ("et kurs per kvartal", "a review every quarter"),
        "once"/"twice" before a period ("twice a week"), and "ingen"/"no" + noun (zero)."""
        doc, lex = self.doc, self.lex
        low = doc[i].lower_
        if any(s <= i < e for s, e in self.periods.items()):
            return None  # the "a" of "once a month" belongs to the period
        if low in lex.frequency_words:
            n = _next(doc, i + 1)
            if n in self.periods:
                return self._article_hit(i, lex.frequency_words[low], "times")
            return None
        if low in lex.articles:
            if self._period_ahead(i) is not None:
                return self._article_hit(i, 1.0, None)
            return None
        if low in lex.zero_words:
            n = _next(doc, i + 1)
            nxt = doc[n] if n < len(doc) else None
            bare = nxt.text.replace("-", "") if nxt is not None else ""
            code = bare.isalnum() and not bare.isdigit()
            if nxt is None and _prev(doc, i) < 0:
                return self._article_hit(i, 0.0, None)  # a cell that says only "none", "ingen"
            if nxt is None or not (nxt.is_alpha or code) or nxt.lower_ in lex.zero_not_before:
                return None  # "no P1 outages" counts outages of a kind, "no 3" is something else
            if not self._glued_before(i) and nxt.lower_ not in lex.number_words:
                return self._article_hit(i, 0.0, None)
        return None

    def _glued_before(self, i: int) -> bool:
        p = _prev(self.doc, i)
        return p >= 0 and not self.doc[p].whitespace_ and self.doc[p].is_alpha

    def _article_hit(self, i: int, value: float, unit: str | None) -> Hit:
        hit = self._hit(i, i + 1, value, QuantityKind.ABSOLUTE, unit, word=True)
        return replace(hit, quantity=replace(hit.quantity, article=True))

    def _stand_in(self) -> Hit | None:
        """ "Key result 4", "KR n", "Nøkkelresultat X": an element that is only its label and a
        number or letter holds a place for a key result nobody wrote."""
        doc, lex = self.doc, self.lex
        if not lex.stand_ins:
            return None
        i = _next(doc, 0)
        while i < len(doc) and doc[i].is_punct:
            i = _next(doc, i + 1)
        j = phrase_at(doc, i, lex.stand_ins, longest=3)
        if j == i + 1 and doc[i].lower_ in lex.unit_phrases and not doc[i].is_upper:
            return None  # "kr 62" is an amount; "KR 6" a stand-in
        k = _next(doc, j)
        if k < len(doc) and doc[k].text == "#":  # "Key Result #3"
            k = _next(doc, k + 1)
        if j == i or k >= len(doc):
            return None
        rest = _next(doc, k + 1)
        while rest < len(doc) and doc[rest].is_punct:
            rest = _next(doc, rest + 1)
        low = doc[k].lower_.lstrip("#")
        slot = NUMBER_RE.match(low) or low in PLACEHOLDER_LETTERS | PLACEHOLDER_WORDS
        if rest < len(doc) or not slot:
            return None
        return self._hit(k, k + 1, None, QuantityKind.ABSOLUTE, None, placeholder=True)

    def _quantity(self, i: int) -> Hit | None:
        doc, lex = self.doc, self.lex
        low = doc[i].lower_
        if (low in lex.number_words or low in lex.multiplier_words) and self._word_compound(i):
            self._note(i, i + 1, NumberKind.WORD, "part of a compound word")
            return None
        end, key = lookup_at(doc, i, lex.multiplier_words, longest=3)
        if key:
            return self._hit(
                i, end, lex.multiplier_words[key], QuantityKind.MULTIPLIER, "x", word=True
            )
        end, key = lookup_at(doc, i, lex.fraction_words, longest=3)
        if key:  # "by a third" is a share of the level: a percentage
            return self._hit(i, end, lex.fraction_words[key], QuantityKind.PERCENT, "%", word=True)
        score = self._score(i) or self._ratio(i)
        if score is not None:
            return score
        if low in lex.articles or low in lex.frequency_words or low in lex.zero_words:
            determiner = self._determiner(i)
            if determiner is not None or low not in lex.number_words:
                return determiner
        start, prefix_unit = self._currency_prefix(i)
        if prefix_unit is None and low in lex.currency_prefixes:
            return None  # the prefix itself; its number is read from here next round
        core = self._core(i)
        if core is None:
            text = doc[i].text
            if low in lex.number_words and text not in lex.standards:
                self._note(i, i + 1, NumberKind.WORD, "an article or a word, not a count here")
            elif DATE_RE.match(text) or CLOCK_RE.fullmatch(text):
                self._note(i, i + 1, NumberKind.DATE, "a date or a time of day")
            elif DIGITS_DOT_RE.match(text):
                self._note(i, i + 1, NumberKind.ORDINAL, "an ordinal («3.»)")
            elif NUMBER_RE.match(text) or VERSION_RE.match(text):
                self._note(i, i + 1, NumberKind.IDENTIFIER, "a version or a dotted code")
            return None
        decided = self._not_a_quantity(i, core)
        if decided is None and self._code_letters(core):
            decided = NumberKind.IDENTIFIER, "a name or code with capitals («4DX», «5G»)", core.end
            if core.end < len(doc) and not doc[core.end - 1].whitespace_ and not core.glued:
                decided = (*decided[:2], core.end + 1)
        if decided is not None:
            kind, reason, end = decided
            self._note(i, end, kind, reason)
            self.blocked.update(range(i, end))
            return None
        value, kind, unit, end = self._unit(core)
        while end < len(doc) and doc[end].text == "+" and not doc[end - 1].whitespace_:
            end += 1  # "50+ partners": at least 50
        if prefix_unit is not None:
            kind, unit = QuantityKind.CURRENCY, prefix_unit
        elif kind is QuantityKind.ABSOLUTE and self._is_year(i, core, value):
            self._note(i, core.end, NumberKind.DATE, "a year")
            return None
        hit = self._hit(start, end, value, kind, unit, sign=core.sign, word=core.word)
        if core.value and value != core.value:
            hit = replace(hit, quantity=replace(hit.quantity, scale=value / core.value))
        if _lower(self.doc, _prev(self.doc, start)) in lex.markers.get("definite", frozenset()):
            hit = replace(hit, quantity=replace(hit.quantity, definite=True))
        return hit

    def _code_letters(self, core: _Core) -> bool:
        """Digits with capital letters glued on that are no unit or scale: a product, format or
        generation name ("4DX", "5G", "2FA"), not "10k", "3x" or "24 %"."""
        doc, lex = self.doc, self.lex
        known = lex.units_or_multipliers | set(lex.attached_scales) | ORDINAL_SUFFIXES
        if core.glued:
            letters = doc[core.end - 1].text.lstrip("+-−.,0123456789")
            return core.glued not in known and any(c.isupper() for c in letters)
        if core.end >= len(doc) or doc[core.end - 1].whitespace_ or core.word:
            return False
        nxt = doc[core.end]
        return nxt.is_alpha and nxt.is_upper and len(nxt.text) <= 3 and nxt.lower_ not in known

    def _score(self, i: int) -> Hit | None:
        """ "4.5/5", "7/10": a rating, counted as its numerator on the scale "/5"."""
        match = SCORE_RE.match(self.doc[i].text)
        if match is None:
            return None
        value = parse_digits(match.group(1), self.lex)
        scale = int(match.group(2))
        if value is None or value > scale:
            return None
        return self._hit(i, i + 1, value, QuantityKind.ABSOLUTE, f"/{scale}")

    def _word_compound(self, i: int) -> bool:
        """ "two-factor", "double-digit", "one-stop": a number word glued to a word by a hyphen
        names a kind of thing, not an amount ("twenty-five" is still a number)."""
        if not self._hyphen_at(i):
            return False
        nxt = self.doc[i + 2]
        return nxt.is_alpha and nxt.lower_ not in self.lex.number_words

    def _hyphen_at(self, i: int) -> bool:
        """Whether token i is glued by a hyphen to the word after it ("two-factor")."""
        doc = self.doc
        glued = i + 2 < len(doc) and not doc[i].whitespace_ and not doc[i + 1].whitespace_
        return glued and doc[i + 1].text == "-"

    def _ratio(self, i: int) -> Hit | None:
        """ "24:1", "3:1": a ratio, counted as its first term (to one); never a clock time."""
        match = RATIO_RE.match(self.doc[i].text)
        if match is None or match.group(1) == match.group(2) or len(match.group(2)) > 1:
            return None
        value = parse_digits(match.group(1), self.lex)
        if value is None:
            return None
        return self._hit(i, i + 1, value / int(match.group(2)), QuantityKind.ABSOLUTE, "ratio")

    def _currency_prefix(self, i: int) -> tuple[int, str | None]:
        """ "$2M", "NOK 2 mill.", "USD 1.2m": the currency written before the number."""
        p = _prev(self.doc, i)
        if p >= 0 and p not in self.blocked and self.doc[p].lower_ in self.lex.currency_prefixes:
            unit = self.lex.currencies.get(self.doc[p].lower_)
            if unit is not None:
                return p, unit
        return i, None

    def _unit(self, core: _Core) -> tuple[float, QuantityKind, str | None, int]:
        """Scale and unit after the number: "2,5 MNOK", "5 millioner kroner", "30 %"."""
        doc, lex = self.doc, self.lex
        value, end, glued = core.value, core.end, core.glued
        kind, unit = QuantityKind.ABSOLUTE, None
        if glued:
            if glued in lex.multiplier_suffixes:
                return value, QuantityKind.MULTIPLIER, "x", end
            if glued in lex.attached_scales:
                value *= lex.attached_scales[glued]
            elif glued in lex.durations:
                return value, QuantityKind.DURATION, lex.durations[glued], end
            elif glued in lex.currencies:
                return value, QuantityKind.CURRENCY, lex.currencies[glued], end
            elif glued in lex.measures:  # "1TB", "40kg"
                return value, kind, lex.measures[glued], end
            else:
                return value, kind, None, end
        n = end if not doc[end - 1].whitespace_ else _next(doc, end)
        if n < len(doc) and not doc[end - 1].whitespace_ and not glued:
            scale = doc[n].lower_
            if scale in lex.attached_scales and scale not in lex.durations:
                value *= lex.attached_scales[scale]
                end, n = n + 1, _next(doc, n + 1)
        n = _next(doc, end)
        s_end, scale_key = lookup_at(doc, n, lex.scales, longest=2) if n < len(doc) else (n, None)
        # "fem millioner": a scale word; "to hundre" was already read as number words.
        if scale_key and not (core.word and scale_key in lex.number_words):
            value *= lex.scales[scale_key]
            end, n = s_end, _next(doc, s_end)
        if n >= len(doc):
            return value, kind, unit, end
        return self._unit_word(value, end, n)

    def _unit_word(
        self, value: float, end: int, n: int
    ) -> tuple[float, QuantityKind, str | None, int]:
        doc, lex = self.doc, self.lex
        u_end, key = lookup_at(doc, n, lex.units_or_multipliers)
        if key is None:
            return value, QuantityKind.ABSOLUTE, None, end
        if key in lex.percent_units:
            return value, QuantityKind.PERCENT, "pp" if key in lex.points_units else "%", u_end
        if key in lex.scaled_currencies:
            cur, scale = lex.scaled_currencies[key]
            return value * scale, QuantityKind.CURRENCY, cur, u_end
        if key in lex.currencies:
            return value, QuantityKind.CURRENCY, lex.currencies[key], u_end
        if key in lex.durations:
            return value, QuantityKind.DURATION, lex.durations[key], u_end
        if key in lex.measures:  # "7.5 L", "40 tonn": a count of a unit of measure
            return value, QuantityKind.ABSOLUTE, lex.measures[key], u_end
        # "3 ganger per uke" is a frequency count, "3 ganger så mange" a multiplier.
        if _lower(doc, _next(doc, u_end)) in lex.frequency_after:
            return value, QuantityKind.ABSOLUTE, "times", u_end
        if key in ("x", "×") and doc[n - 1].whitespace_:
            return value, QuantityKind.ABSOLUTE, None, end  # "3 x" with a space: not clear
        return value, QuantityKind.MULTIPLIER, "x", u_end

    def _not_a_quantity(self, i: int, core: _Core) -> tuple[NumberKind, str, int] | None:
        """What a number is when it is not a quantity, why, and the token it ends before:
        dates and times, ranks and ordinals, versions, standards, references and names."""
        doc, lex = self.doc, self.lex
        text = doc[i].text
        if DATE_RE.match(text):
            return NumberKind.DATE, "a date", core.end
        if CLOCK_RE.fullmatch(text) and self._is_clock(i):
            return NumberKind.DATE, "a time of day", core.end
        p, n = _prev(doc, i), _next(doc, core.end)
        prev, nxt = _lower(doc, p), _lower(doc, n)
        if prev in lex.months or nxt in lex.months:
            return NumberKind.DATE, "part of a date", core.end
        if nxt in ("am", "pm", "a.m.", "p.m."):
            return NumberKind.DATE, "a time of day", core.end
        if prev in lex.rank_words:
            return NumberKind.ORDINAL, f"a rank after «{doc[p].text}»", core.end
        if DIGITS_DOT_RE.match(text) and not self._period_is_stop(i) and not core.word:
            return NumberKind.ORDINAL, "an ordinal («3.»)", core.end  # "3. kvartal", "1. plass"
        age = self._age_group(p, core.end)
        if age:
            return NumberKind.IDENTIFIER, "an age or an age group", age
        named = self._named_by(p)
        if named is not None and self._target_word_before(p, i, core):
            named = None  # "i dag 61 %, mål 85 %": "mål" states the target, it names nothing
        if named is not None:
            return NumberKind.IDENTIFIER, named, self._identifier_tail(core.end)
        if core.word:
            return None  # names with number words are read by ``_word_allowed``
        if nxt in lex.version_after:
            return NumberKind.IDENTIFIER, f"a name («{text} {doc[n].text}»)", core.end
        glued_after_word = p > 0 and not doc[p - 1].whitespace_ and doc[p - 1].is_alpha
        if prev == "-" and glued_after_word and not doc[p].whitespace_:  # "COVID-19"
            return NumberKind.IDENTIFIER, "part of a name or code", core.end
        if self._hyphen_at(i) and doc[i + 2].is_title:  # "7-Eleven", "24-Hour Fitness"
            return NumberKind.IDENTIFIER, "part of a name", i + 3
        name = self._name_before(i, core)
        if name is not None:
            return NumberKind.IDENTIFIER, f"part of the name «{name} {text}»", core.end
        return None

    def _named_by(self, p: int) -> str | None:
        """Why token p makes the number after it a name: a label word ("version", "tier",
        "artikkel", "§"), a compound of a label head ("utførelsesklasse") or a standard ("ISO",
        "EN"), or None."""
        if p < 0:
            return None
        doc, lex = self.doc, self.lex
        word, low = doc[p].text, doc[p].lower_
        if word in lex.standards:
            return f"a standard or specification («{word}»)"
        if low in lex.label_words:
            return f"a name or reference after «{word}»"
        if doc[p].is_alpha and any(
            low.endswith(h) and len(low) >= len(h) + 3 for h in lex.label_heads
        ):
            return f"a class or level after «{word}»"
        if VERSION_RE.match(doc[_next(doc, p + 1)].text) and self._name_like(p):
            return f"a version of «{word}»"
        return None

    def _age_group(self, p: int, end: int) -> int:
        """The end of an age or age group ("13–19 year-olds", "aged 65+", "i alderen 13–15",
        "13–19-åringer"): it says who is counted, not how many; 0 when the number is none."""
        doc, markers = self.doc, self.lex.markers
        before, after = markers["age_before"], markers["age_after"]
        if not after:
            return 0
        tail = self._identifier_tail(end)  # past a range: "13–19"
        if p >= 0 and doc[p].lower_ in before:
            return tail
        last = doc[tail - 1].lower_
        if "-" in last and last.rsplit("-", 1)[1] in after:
            return tail  # "13–19-åringer"
        n = _next(doc, tail)
        found = lookup_at(doc, n, after, longest=4)[0] if n < len(doc) else n
        return found if found > n else 0

    def _target_word_before(self, p: int, i: int, core: _Core) -> bool:
        """Whether token p is a word that both labels ("goal 3.2", "mål 4") and states a target
        ("goal 90 %", "mål 85 %"), used here for the target: after a comma, colon, semicolon or
        bracket (", mål 1 000"), or before a number with a unit or thousand groups."""
        doc, lex = self.doc, self.lex
        if doc[p].lower_ not in lex.markers.get("target", frozenset()):
            return False
        if _lower(doc, _prev(doc, p)) in BREAKS:
            return True
        if core.glued or core.end != i + 1 or core.value >= 1000:
            return True
        n = _next(doc, core.end)
        return n < len(doc) and lookup_at(doc, n, lex.units_or_multipliers)[1] is not None

    def _identifier_tail(self, end: int) -> int:
        """Past what continues an identifier: a range or part ("grade 3–5", "EN 1090-2",
        "ISO 27001:2022")."""
        doc = self.doc
        if end + 1 < len(doc) and doc[end].text in ("-", "–", "—", ":", "/"):
            glued = not doc[end - 1].whitespace_ and not doc[end].whitespace_
            spaced_range = doc[end].text in ("–", "—")
            if (glued or spaced_range) and doc[_next(doc, end + 1)].text[:1].isdigit():
                return _next(doc, end + 1) + 1
        return end

    def _name_like(self, p: int) -> bool:
        """Whether token p can be (the end of) a proper name: capitalised or mixed case, not a
        metric ("NPS"), not the element's opening word and not a word the lexicon knows."""
        doc, lex = self.doc, self.lex
        tok = doc[p]
        parts = tok.text.split("-")
        if len(parts) > 1 and all(part.isalpha() for part in parts) and p != self._first_word():
            return parts[0][:1].isupper()  # a hyphenated name: "Nord-appen 2.0"
        if not tok.is_alpha or tok.is_lower or tok.is_stop or p == self._first_word():
            return False
        low = tok.lower_
        if low in lex.metric_names or low in lex.verb_forms or low in lex.unit_phrases:
            return False
        return low not in lex.months and low not in lex.number_words

    def _name_before(self, i: int, core: _Core) -> str | None:
        """ "Microsoft 365", "eByggesak 5", "Formel 1-podkasten": a number right after a proper
        name, with no unit after it and no noun it could count, is part of the name."""
        doc, lex = self.doc, self.lex
        p = _prev(doc, i)
        if p < 0 or not doc[p].whitespace_ or not self._name_like(p):
            return None
        if doc[p].is_upper and not VERSION_RE.match(doc[i].text):
            return None  # "NPS 45", "KPI 3": capitals before a plain number are a level
        if FOUR_DIGITS_RE.fullmatch(doc[i].text) or core.end != i + 1:
            return None  # a year, or a number with thousand groups
        n = _next(doc, core.end)
        if n >= len(doc):
            return doc[p].text
        nxt = doc[n]
        if lookup_at(doc, n, lex.units_or_multipliers)[1] or nxt.lower_ in lex.scales:
            return None
        if nxt.is_punct or nxt.is_stop or nxt.lower_ in lex.deadline_markers:
            return doc[p].text
        return None

    def _first_word(self) -> int:
        doc = self.doc
        i = _next(doc, 0)
        while i < len(doc) and not doc[i].is_alpha:
            i = _next(doc, i + 1)
        return i

    def _is_clock(self, i: int) -> bool:
        return (
            ":" in self.doc[i].text or _lower(self.doc, _prev(self.doc, i)) in self.lex.label_words
        )

    def _is_year(self, i: int, core: _Core, value: float) -> bool:
        """A bare four-digit number in year position ("i 2025", "Q4 2025", "2024–2025")."""
        if core.word or not FOUR_DIGITS_RE.fullmatch(self.doc[i].text):
            return False
        if not YEAR_RANGE[0] <= value <= YEAR_RANGE[1]:
            return False
        doc, lex = self.doc, self.lex
        p, n = _prev(doc, i), _next(doc, core.end)
        prev = _lower(doc, p)
        if prev in lex.year_context or PERIOD_RE.match(prev):
            return True
        if n >= len(doc) or not doc[n].is_alpha:
            return True
        # "the 2024 survey", "our 2025 plan": a year names which one, a count after
        # "the" would be written with its thousands ("the 2,000 largest stores")
        if prev in lex.markers.get("definite", frozenset()):
            return True
        return doc[n].lower_ in lex.year_context or PERIOD_RE.match(doc[n].lower_) is not None

    def _hit(self, start, end, value, kind, unit, *, sign=0, word=False, placeholder=False) -> Hit:
        doc = self.doc
        first, last = doc[start], doc[end - 1]
        q = Quantity(
            value=None if placeholder else value,
            kind=kind,
            start=first.idx,
            end=last.idx + len(last.text),
            text=text_of(doc, start, end),
            unit=unit,
            placeholder=placeholder,
        )
        return Hit(start, end, q, sign, word)

    # ---- placeholders ----------------------------------------------------------------

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
            _, kind, unit, end = self._unit_word(0.0, end, _next(self.doc, end))
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
        if low == BLANK and _glued_to_next(doc, i) and doc[i + 1].text == BLANK:
            j = i
            while j < len(doc) and doc[j].text == BLANK and (j == i or not doc[j - 1].whitespace_):
                j += 1
            return j
        if low == "?" and _glued_to_next(doc, i) and doc[i + 1].text == "?":
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
        if slot and self._slot_between(_prev(doc, i), _next(doc, i + 1), i):
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
        if words & known or self._slot_between(_prev(doc, i), _next(doc, j + 1), None):
            return j + 1
        return i

    def _after_currency(self, i: int) -> bool:
        p = _prev(self.doc, i)
        if p < 0 or p in self.blocked:
            return False
        return self.lex.currencies.get(self.doc[p].lower_) is not None and (
            self.doc[p].lower_ in self.lex.currency_prefixes
        )

    def _slot_between(self, p: int, n: int, letter: int | None) -> bool:
        """Does a slot between tokens p and n stand where a number belongs: after a change word
        ("fra x til y", "to [target]"), before a unit or scale ("X %", "[N] mill."), before a
        "new" word ("N new users"), or a letter as the object of a verb ("Close x deals")?"""
        doc, lex = self.doc, self.lex
        if p >= 0 and NUMBER_RE.match(doc[p].text) and not doc[p].whitespace_:
            return False  # "2x" written "2 x"
        if _lower(doc, p) in self.change_words:
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


def with_unit(q: Quantity, other: Quantity) -> Quantity:
    """``q`` with the unit and kind of ``other`` ("fra 48 til 24 timer": 48 is hours too),
    and its scale where it was left out ("fra 1,2 til 2,6 mill. kr": 1,2 is millions)."""
    if q.unit is None and other.unit is not None:
        q = replace(q, kind=other.kind, unit=other.unit)
    if _shares_scale(q, other):
        q = replace(q, value=q.value * other.scale, scale=other.scale)
    return q


def _shares_scale(q: Quantity, other: Quantity) -> bool:
    """Whether the scale of ``other`` was left out of ``q``: the scaled value is closer to it."""
    if q.scale != 1 or other.scale == 1 or not q.value or not other.value:
        return False
    scaled = q.value * other.scale
    return abs(math.log(scaled / other.value)) < abs(math.log(q.value / other.value))
