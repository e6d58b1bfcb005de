"""Reading numbers, quantities, deadlines and placeholders from a tokenised Doc.

The functions here walk spaCy tokens left to right, once, and look words up in
the ``Lexicon``; they never import spaCy themselves (the Doc arrives from the
pipeline component). Results are ``Hit``s: a ``Quantity`` plus the token range
it covers, so that the change component can look at its neighbours.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from okrlint import linear, numeric
from okrlint.language.analysis import Quantity, QuantityKind
from okrlint.language.lexicon import Lexicon
from okrlint.language.tokens import Tok, Tokens, text_of

Token = Tok  # the attributes of a spaCy Token, read once (see ``tokens``)

# A written number: optional sign (a tolerance "±10" too), digits, and groups after "." or ",".
NUMBER_RE = linear.compile(r"^[+±-]?\d+(?:[.,]\d+)*$")
# A number with letters glued on: "2x", "10k", "24h", "5min", "1st".
GLUED_RE = linear.compile(r"^([+±-]?\d+(?:[.,]\d+)*)([^\W\d_]+|×)$")
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
# "[N]%" splits as "[" + "N]%".
PLACEHOLDER_CLOSING_RE = linear.compile(r"^(x{1,3}|n{1,2}|y|z)[\]>]%?$", re.IGNORECASE)
# Compiled once: these run at every number token.
SEP_RE = linear.compile(r"[.,]")
DAY_DOT_RE = linear.compile(r"^\d{1,2}\.$")
FOUR_DIGITS_RE = linear.compile(r"\d{4}")
DAY_RE = linear.compile(r"\d{1,2}(st|nd|rd|th|\.)?")
DIGITS_DOT_RE = linear.compile(r"^\d+\.$")
SHORT_NUMBER_RE = linear.compile(r"[+±-]?\d{1,3}")
THREE_DIGITS_RE = linear.compile(r"\d{3}")
CLOCK_RE = linear.compile(r"\d{1,2}[:.]\d{2}")
SIGN_CHARS = "+-±"  # "±" is a tolerance, not a direction: its sign is 0
YEAR_RANGE = (1900, 2100)


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


_DIGIT = linear.compile(r"\d").search
_STARTERS: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _quantity_starters(lex: Lexicon) -> frozenset[str]:
    """Lower-case tokens other than digits and "%" forms that may open a quantity or a
    placeholder: number words, the first words of multipliers, fractions and currency
    prefixes, placeholder words and brackets. Every other token is skipped unread."""
    found = _STARTERS.get(id(lex))
    if found is None or found[0] is not lex:
        words = set(lex.number_words) | set(lex.currency_prefixes)
        words |= _starts(lex.multiplier_words) | _starts(lex.fraction_words)
        words |= PLACEHOLDER_WORDS | PLACEHOLDER_LETTERS | {"…", "...", "xx", "nn", "?", "[", "<"}
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

    # ---- deadlines -------------------------------------------------------------------

    def deadlines(self) -> list[tuple[int, int]]:
        """Token ranges of deadline phrases; their tokens are blocked for quantities."""
        found: list[tuple[int, int]] = []
        lowers, markers = self.doc.lowers, _starts(self.lex.deadline_markers)
        i = 0
        while i < len(self.doc):
            end = self._deadline_at(i) if lowers[i] in markers else i
            if end > i:
                found.append((i, end))
                self.blocked.update(range(i, end))
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
        if prev in self.change_words:
            return True
        p = _prev(doc, i)
        if p >= 0 and doc[i].is_title and doc[p].is_title and doc[p].is_alpha:
            return False  # inside a name: "Too Good To Go"
        n = _next(doc, i + 1)
        if n >= len(doc):
            return False
        nxt = doc[n]
        low = nxt.lower_
        new_words = lex.markers.get("new_words", frozenset())
        if low in new_words or low in lex.count_nouns or low in lex.scales:
            return True
        if lookup_at(doc, n, lex.unit_phrases)[1]:
            return True
        if weak:
            return False
        return nxt.is_alpha and not nxt.is_stop and low not in lex.number_words

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
            sign = -1 if text.startswith("-") else (1 if text.startswith("+") else 0)
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
        sign = -1 if text.startswith("-") else (1 if text.startswith("+") else 0)
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
        i = 0
        while i < len(self.doc):
            low = lowers[i]
            if i in self.blocked or not (low in starters or "%" in low or _DIGIT(low)):
                i += 1  # no digit, number word, unit prefix or placeholder: nothing starts here
                continue
            hit = self._placeholder(i) or self._quantity(i)
            if hit is None:
                i += 1
                continue
            hits.append(hit)
            i = hit.end
        return hits

    def _quantity(self, i: int) -> Hit | None:
        doc, lex = self.doc, self.lex
        low = doc[i].lower_
        if (low in lex.number_words or low in lex.multiplier_words) and self._word_compound(i):
            return None
        end, key = lookup_at(doc, i, lex.multiplier_words, longest=2)
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
        start, prefix_unit = self._currency_prefix(i)
        if prefix_unit is None and low in lex.currency_prefixes:
            return None  # the prefix itself; its number is read from here next round
        core = self._core(i)
        if core is None or self._not_a_quantity(i, core):
            return None
        value, kind, unit, end = self._unit(core)
        if prefix_unit is not None:
            kind, unit = QuantityKind.CURRENCY, prefix_unit
        elif kind is QuantityKind.ABSOLUTE and self._is_year(i, core, value):
            return None
        hit = self._hit(start, end, value, kind, unit, sign=core.sign, word=core.word)
        if core.value and value != core.value:
            hit = replace(hit, quantity=replace(hit.quantity, scale=value / core.value))
        if _lower(self.doc, _prev(self.doc, start)) in lex.markers.get("definite", frozenset()):
            hit = replace(hit, quantity=replace(hit.quantity, definite=True))
        return hit

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
        # "3 ganger per uke" is a frequency count, "3 ganger så mange" a multiplier.
        if _lower(doc, _next(doc, u_end)) in lex.frequency_after:
            return value, QuantityKind.ABSOLUTE, "times", u_end
        if key in ("x", "×") and doc[n - 1].whitespace_:
            return value, QuantityKind.ABSOLUTE, None, end  # "3 x" with a space: not clear
        return value, QuantityKind.MULTIPLIER, "x", u_end

    def _not_a_quantity(self, i: int, core: _Core) -> bool:
        """Dates, times, versions, ordinals and names with numbers."""
        doc, lex = self.doc, self.lex
        text = doc[i].text
        if DATE_RE.match(text) or (CLOCK_RE.fullmatch(text) and self._is_clock(i)):
            return True
        p, n = _prev(doc, i), _next(doc, core.end)
        prev, nxt = _lower(doc, p), _lower(doc, n)
        if prev in lex.label_words or prev in lex.months or nxt in lex.months:
            return True
        if nxt in ("am", "pm", "a.m.", "p.m.") or nxt in lex.version_after:
            return True
        if prev == "-" and p > 0 and not doc[p - 1].whitespace_ and doc[p - 1].is_alpha:
            return not doc[p].whitespace_  # "COVID-19", "ISO-27001"
        if DIGITS_DOT_RE.match(text) and not self._period_is_stop(i) and not core.word:
            return True  # "3. kvartal", "1. plass": an ordinal
        return core.end == i + 1 and core.word and prev in lex.label_words

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
        # "the 2024 impact report", "our 2025 plan": a year names which one, a count after
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
        if low == "?" and _glued_to_next(doc, i) and doc[i + 1].text == "?":
            j = i
            while j < len(doc) and doc[j].text == "?" and (j == i or not doc[j - 1].whitespace_):
                j += 1
            return j
        if low in ("[", "<") and i + 1 < len(doc) and PLACEHOLDER_CLOSING_RE.match(doc[i + 1].text):
            return i + 2
        bracketed = i + 2 < len(doc) and low in ("[", "<") and doc[i + 2].text in ("]", ">")
        if bracketed and doc[i + 1].lower_ in PLACEHOLDER_LETTERS | {"…", "...", "xx"}:
            return i + 3
        # "fra 8 % til [mål]", "to [target]": any bracketed word where a number belongs
        if bracketed and doc[i + 1].is_alpha and self._numeric_slot(i):
            return i + 3
        if low in PLACEHOLDER_LETTERS | {"…", "...", "xx", "nn"} and self._numeric_slot(i):
            return i + 1
        return i

    def _numeric_slot(self, i: int) -> bool:
        """Is a lone letter used where a number belongs ("fra x til y", "X %", "N new users")?"""
        doc, lex = self.doc, self.lex
        p, n = _prev(doc, i), _next(doc, i + 1)
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
        return doc[i].is_upper and nxt.is_alpha and nxt.is_lower and not nxt.is_stop


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
