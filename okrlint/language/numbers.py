"""Numbers: digits, number words, multipliers, fractions and scales read as quantities, and
the ``Scanner`` that walks a tokenised Doc once, left to right, and gives every
number-like token its decision. Deadlines and dates (``dates``), units (``units``),
placeholders (``placeholders``) and identifiers (``identifiers``) are parts of the
Scanner kept in modules of their own; they never import spaCy (the Doc arrives from
the pipeline component). Results are ``Hit``s: a ``Quantity`` plus the token range
it covers, so that the clauses can look at its neighbours.

Every number-like token gets a decision here, with a readable reason
(``NumberReading``): a quantity, a date or deadline, an identifier (a version,
standard, reference, name, tier or level), an ordinal or rank, a placeholder, or
a number word that is something else in context (an article). Only quantities
measure; the rules read the decision and never make it again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from okrlint import linear, numeric
from okrlint.language.analysis import NumberKind, NumberReading, Quantity, QuantityKind
from okrlint.language.dates import CLOCK_RE, DATE_RE, PERIOD_RE, DateReading
from okrlint.language.digits import DIGITS_DOT_RE, NUMBER_RE, Core, Hit, parse_digits
from okrlint.language.identifiers import VERSION_RE, IdentifierReading
from okrlint.language.lexicon import Lexicon
from okrlint.language.placeholders import (
    BLANK,
    OPEN_BRACKETS,
    PLACEHOLDER_LETTERS,
    PLACEHOLDER_SCALED_RE,
    PLACEHOLDER_WORDS,
    PlaceholderReading,
)
from okrlint.language.tokens import (
    Token,
    ahead,
    behind,
    has_digit,
    lookup_at,
    lower,
    phrase_at,
    phrase_starts,
    text_of,
    thin_gap,
)
from okrlint.language.units import UnitReading

# A number with letters glued on: "2x", "10k", "24h", "5min", "1st".
GLUED_RE = linear.compile(r"^([+±−-]?\d+(?:[.,]\d+)*)([^\W\d_]+|×)\+*$")  # "1TB++": at least
# A rating on a scale: "4.5/5", "7/10", "4,2/5" (numerator no larger than the scale).
SCORE_RE = linear.compile(r"^(\d+(?:[.,]\d+)?)/(5|6|7|10|100)$")
# A ratio: "24:1", "3,5:1" (the same on both sides, "1:1", names a meeting, not a level).
RATIO_RE = linear.compile(r"^(\d+(?:[.,]\d+)?):(\d+)$")
ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th", "e", "te", "de"})
GROUP_RE = linear.compile(r"^\d{3}(?:[.,]\d+|,-)?\.?$")
# Norwegian prices: "1 500,-" (the ",-" means whole kroner).
PRICE_DASH = ",-"
SHORT_NUMBER_RE = linear.compile(r"[+±-]?\d{1,3}")
THREE_DIGITS_RE = linear.compile(r"\d{3}")
NEGATIVE = ("-", "−")
# Punctuation inside a noun phrase; any other ends the search for a per-period phrase.
PHRASE_GLUE = frozenset({"-", "'", "’", "&", "/"})
# Words an article may stand from its period ("a volunteer evening every quarter").
PER_PERIOD_REACH = 7
_STARTERS: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _quantity_starters(lex: Lexicon) -> frozenset[str]:
    """Lower-case tokens other than digits and "%" forms that may open a quantity or a
    placeholder: number words, the first words of multipliers, fractions and currency
    prefixes, placeholder words and brackets. Every other token is skipped unread."""
    found = _STARTERS.get(id(lex))
    if found is None or found[0] is not lex:
        words = set(lex.number_words) | set(lex.currency_prefixes)
        words |= phrase_starts(lex.multiplier_words) | phrase_starts(lex.fraction_words)
        words |= PLACEHOLDER_WORDS | PLACEHOLDER_LETTERS | {"…", "...", "xx", "nn", "?"}
        words |= set(OPEN_BRACKETS) | set(lex.articles) | set(lex.frequency_words)
        words |= set(lex.zero_words) | set("abcdefghijklmnopqrstuvwxyz")  # "$X", "£Y"
        words |= {BLANK} | {f"{a}{m}{b}" for a in ("x", "xx", "xxx") for m in ".," for b in "x"}
        words |= {f"{a}{m}xx" for a in ("x", "xx", "xxx") for m in ".,"}  # "XX.X", "x,xx"
        found = _STARTERS[id(lex)] = (lex, frozenset(words))
    return found[1]


class Scanner(DateReading, UnitReading, PlaceholderReading, IdentifierReading):
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

    def idioms(self) -> None:
        """Idioms with a number word in them ("double down", "satse dobbelt"): blocked."""
        lex, lowers = self.lex, self.doc.lowers
        if not lex.idioms:
            return
        starts = phrase_starts(lex.idioms)
        for i, low in enumerate(lowers):
            if low in starts:
                end = phrase_at(self.doc, i, lex.idioms, longest=5)
                if end > i:
                    self.blocked.update(range(i, end))
                    phrase = text_of(self.doc, i, end)
                    for k in range(i, end):
                        if lowers[k] in lex.number_words or lowers[k] in lex.multiplier_words:
                            self._note(k, k + 1, NumberKind.WORD, f"part of «{phrase}»")

    def _word_allowed(self, i: int, word: str) -> bool:
        """Number words that double as articles or prepositions count only in context."""
        doc, lex = self.doc, self.lex
        if doc[i].text.lower() != word:
            return False
        weak, medium = word in lex.weak_number_words, word in lex.medium_number_words
        if not (weak or medium):
            return True
        prev = lower(doc, behind(doc, i))
        if prev in self.change_words and not (weak and self._before_a_noun(i)):
            return True  # "fra en til tre", "til to"; not the article of "fra et nivå på 3 000"
        p = behind(doc, i)
        if p >= 0 and doc[i].is_title and doc[p].is_title and doc[p].is_alpha:
            return False  # inside a run of capitalised words: a name
        n = ahead(doc, i + 1)
        if n >= len(doc):
            return False
        nxt = doc[n]
        low = nxt.lower_
        new_words = lex.markers.get("new_words", frozenset())
        if low in new_words or low in lex.count_nouns or low in lex.scales:
            return True
        if low in lex.markers.get("or", ()) and lower(doc, ahead(doc, n + 1)) in lex.markers.get(
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
        n = ahead(doc, i + 1)
        if n >= len(doc) or not doc[n].is_alpha or doc[n].is_stop:
            return False
        low = doc[n].lower_
        if low in lex.count_nouns or low in lex.scales or low in lex.number_words:
            return False
        new_words = lex.markers.get("new_words", frozenset())
        return low not in new_words and lookup_at(doc, n, lex.unit_phrases)[1] is None

    def _core(self, i: int, *, strict: bool = True) -> Core | None:
        """The number starting at token i: digits (with thousand groups) or number words."""
        doc, lex = self.doc, self.lex
        tok = doc[i]
        text = tok.text
        if NUMBER_RE.match(text) or (DIGITS_DOT_RE.match(text) and self._period_is_stop(i)):
            return self._digits_core(i)
        if text.endswith(PRICE_DASH) and NUMBER_RE.match(text[: -len(PRICE_DASH)]):
            value = parse_digits(text[: -len(PRICE_DASH)], lex)
            return None if value is None else Core(value, i + 1, PRICE_DASH)
        glued = GLUED_RE.match(text)
        if glued and glued.group(2).lower() not in ORDINAL_SUFFIXES:
            value = parse_digits(glued.group(1), lex)
            if value is None:
                return None
            sign = -1 if text.startswith(NEGATIVE) else (1 if text.startswith("+") else 0)
            return Core(abs(value), i + 1, glued.group(2).lower(), sign)
        low = tok.lower_
        if low in lex.number_words and (not strict or self._word_allowed(i, low)):
            return self._words_core(i)
        return None

    def _period_is_stop(self, i: int) -> bool:
        """Is the "." of a token like "000." a full stop rather than an ordinal mark?"""
        n = ahead(self.doc, i + 1)
        return n >= len(self.doc) or not self.doc[n].is_lower

    def _digits_core(self, i: int) -> Core | None:
        doc = self.doc
        text = doc[i].text.rstrip(".") if doc[i].text.endswith(".") else doc[i].text
        end = i + 1
        # "100 000" and "1 000 000": spaCy splits thousand groups into tokens.
        if SHORT_NUMBER_RE.fullmatch(text):
            gap = thin_gap(doc, i)
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
                gap = thin_gap(doc, gap)
        return self._digits_value(text, end)

    def _digits_value(self, text: str, end: int) -> Core | None:
        value = parse_digits(text, self.lex)
        if value is None:
            return None
        sign = -1 if text.startswith(NEGATIVE) else (1 if text.startswith("+") else 0)
        return Core(abs(value), end, "", sign)

    def _words_core(self, i: int) -> Core:
        """ "fem", "to hundre", "ti tusen": number words multiplied by following scales."""
        doc, lex = self.doc, self.lex
        value = lex.number_words[doc[i].lower_]
        end = i + 1
        unit = lower(doc, i + 2)
        if 20 <= value < 100 and self._hyphen_at(i) and 0 < lex.number_words.get(unit, 0) < 10:
            value, end = value + lex.number_words[unit], i + 3  # "twenty-five"
        n = ahead(doc, end)
        while n < len(doc) and doc[n].lower_ in lex.number_words and doc[n].lower_ in lex.scales:
            if value * lex.scales[doc[n].lower_] > numeric.LIMIT:
                break  # "million million million …" would overflow: not a usable number
            value *= lex.scales[doc[n].lower_]
            end = n + 1
            n = ahead(doc, end)
        return Core(value, end, "", 0, word=True)

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
            starts = low in starters or "%" in low or has_digit(low)
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
            if i in covered or i in self.readings or not has_digit(low):
                continue
            if any(s <= i < e for s, e in self._noted.items()):
                continue
            if PERIOD_RE.match(low):  # "| – | Q4 2026 |": a period with no deadline word
                self._note(i, i + 1, NumberKind.DATE, "a period")
                continue
            self._note(i, i + 1, NumberKind.IDENTIFIER, "a number inside a word or code")

    def _per_period_phrases(self) -> dict[int, int]:
        """ "every quarter", "per kvartal", "a week": start -> end of each per-period phrase."""
        found: dict[int, int] = {}
        phrases = self.lex.markers.get("per_period", frozenset())
        if not phrases:
            return found
        lowers, starts = self.doc.lowers, phrase_starts(phrases)
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
        doc, k, seen = self.doc, ahead(self.doc, i + 1), 0
        while k < len(doc) and seen < PER_PERIOD_REACH:
            if k in self.periods:
                return k
            tok = doc[k]
            if tok.is_punct and tok.text not in PHRASE_GLUE:
                return None
            k, seen = ahead(doc, k + 1), seen + (0 if tok.is_punct else 1)
        return None

    def _determiner(self, i: int) -> Hit | None:
        """An article that means one per period ("et kurs per kvartal", "a review every quarter"),
        "once"/"twice" before a period ("twice a week"), and "ingen"/"no" + noun (zero)."""
        doc, lex = self.doc, self.lex
        low = doc[i].lower_
        if any(s <= i < e for s, e in self.periods.items()):
            return None  # the "a" of "once a month" belongs to the period
        if low in lex.frequency_words:
            n = ahead(doc, i + 1)
            if n in self.periods:
                return self._article_hit(i, lex.frequency_words[low], "times")
            return None
        if low in lex.articles:
            if self._period_ahead(i) is not None:
                return self._article_hit(i, 1.0, None)
            return None
        if low in lex.zero_words:
            n = ahead(doc, i + 1)
            nxt = doc[n] if n < len(doc) else None
            bare = nxt.text.replace("-", "") if nxt is not None else ""
            code = bare.isalnum() and not bare.isdigit()
            if nxt is None and behind(doc, i) < 0:
                return self._article_hit(i, 0.0, None)  # a cell that says only "none", "ingen"
            if nxt is None or not (nxt.is_alpha or code) or nxt.lower_ in lex.zero_not_before:
                return None  # "no P1 outages" counts outages of a kind, "no 3" is something else
            if not self._glued_before(i) and nxt.lower_ not in lex.number_words:
                return self._article_hit(i, 0.0, None)
        return None

    def _glued_before(self, i: int) -> bool:
        p = behind(self.doc, i)
        return p >= 0 and not self.doc[p].whitespace_ and self.doc[p].is_alpha

    def _article_hit(self, i: int, value: float, unit: str | None) -> Hit:
        hit = self._hit(i, i + 1, value, QuantityKind.ABSOLUTE, unit, word=True)
        return replace(hit, quantity=replace(hit.quantity, article=True))

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
            elif DIGITS_DOT_RE.match(text) and lower(doc, ahead(doc, i + 1)) in lex.months:
                self._note(i, i + 1, NumberKind.DATE, "part of a date")  # "1. juni" in a cell
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
        scale = value / core.value if core.value and value != core.value else 1.0
        if kind is QuantityKind.DURATION:  # "4 min 30 s": one duration, in the smaller unit
            value, unit, end = self._smaller_units(value, unit, end)
        while end < len(doc) and doc[end].text == "+" and not doc[end - 1].whitespace_:
            end += 1  # "50+ partners": at least 50
        if prefix_unit is not None:
            kind, unit = QuantityKind.CURRENCY, prefix_unit
        elif kind is QuantityKind.ABSOLUTE and self._is_year(i, core, value):
            self._note(i, core.end, NumberKind.DATE, "a year")
            return None
        hit = self._hit(start, end, value, kind, unit, sign=core.sign, word=core.word)
        if scale != 1:
            hit = replace(hit, quantity=replace(hit.quantity, scale=scale))
        if lower(self.doc, behind(self.doc, start)) in lex.markers.get("definite", frozenset()):
            hit = replace(hit, quantity=replace(hit.quantity, definite=True))
        return hit

    def _code_letters(self, core: Core) -> bool:
        """Digits with capital letters glued on that are no unit or scale: a product, format or
        generation name ("4DX", "5G", "2FA", "5S"), not "10k", "3x" or "24 %"."""
        doc, lex = self.doc, self.lex
        known = lex.units_or_multipliers | set(lex.attached_scales) | ORDINAL_SUFFIXES
        if core.glued:
            letters = doc[core.end - 1].text.lstrip("+-−.,0123456789")
            if core.glued in lex.durations and letters.isupper():
                return True  # "5S", "8D": a method's name; units of time are written in lower case
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
