"""Dates and deadlines: which tokens are a deadline ("by Q3 2026", "innen 1. mars"), a date,
a year or a clock time, so that none of them is read as an amount.

``DateReading`` is a part of ``numbers.Scanner`` (it reads ``self.doc`` with ``self.lex``
and records what it finds with ``self._note``); deadlines are found first, and their
tokens are blocked for quantities.
"""

from __future__ import annotations

from okrlint import linear
from okrlint.language.analysis import NumberKind
from okrlint.language.digits import Core
from okrlint.language.tokens import (
    ahead,
    behind,
    has_digit,
    lookup_at,
    lower,
    phrase_at,
    phrase_starts,
    text_of,
)

DATE_RE = linear.compile(r"^(\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2})$")
PERIOD_RE = linear.compile(
    r"^(q[1-4]|h[12]|t[1-3]|fy\d{2,4}|\d{4}q[1-4]|q[1-4]-\d{2,4}|eoy|eoq|ytd)$"
)
DAY_DOT_RE = linear.compile(r"^\d{1,2}\.$")
FOUR_DIGITS_RE = linear.compile(r"\d{4}")
DAY_RE = linear.compile(r"\d{1,2}(st|nd|rd|th|\.)?")
CLOCK_RE = linear.compile(r"\d{1,2}[:.]\d{2}")
YEAR_RANGE = (1900, 2100)


class DateReading:
    """Deadlines, dates, years and clock times (a part of ``Scanner``)."""

    def deadlines(self) -> list[tuple[int, int]]:
        """Token ranges of deadline phrases; their tokens are blocked for quantities."""
        self.idioms()
        found: list[tuple[int, int]] = []
        lowers, markers = self.doc.lowers, phrase_starts(self.lex.deadline_markers)
        i = 0
        while i < len(self.doc):
            end = self._deadline_at(i) if lowers[i] in markers else i
            if end > i:
                found.append((i, end))
                self.blocked.update(range(i, end))
                phrase = text_of(self.doc, i, end)
                for k in range(i, end):
                    if has_digit(lowers[k]) or lowers[k] in self.lex.number_words:
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
        k, fillers = ahead(doc, j), 0
        while k < len(doc) and doc[k].lower_ in lex.deadline_fillers:
            k, fillers = ahead(doc, k + 1), fillers + 1
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
        if DAY_DOT_RE.match(low) and lower(doc, ahead(doc, k + 1)) in (lex.months | lex.time_nouns):
            return self._date_tail(ahead(doc, k + 1) + 1)
        if durations:
            core = self._core(k, strict=False)
            if core is not None:
                end, unit = lookup_at(doc, ahead(doc, core.end), lex.durations)
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
        n = ahead(self.doc, k)
        return n + 1 if n < len(self.doc) and self._is_year_token(n) else k

    def _date_tail(self, k: int) -> int:
        """After a month name: an optional day ("March 1st") and year ("2025")."""
        n = ahead(self.doc, k)
        if n < len(self.doc) and DAY_RE.fullmatch(self.doc[n].lower_):
            k = n + 1
        n = ahead(self.doc, k)
        if n < len(self.doc) and self.doc[n].text == ",":
            n2 = ahead(self.doc, n + 1)
            if n2 < len(self.doc) and self._is_year_token(n2):
                return n2 + 1
        return self._trailing_year(k)

    def _is_clock(self, i: int) -> bool:
        return (
            ":" in self.doc[i].text or lower(self.doc, behind(self.doc, i)) in self.lex.label_words
        )

    def _is_year(self, i: int, core: Core, value: float) -> bool:
        """A bare four-digit number in year position ("i 2025", "Q4 2025", "2024–2025")."""
        if core.word or not FOUR_DIGITS_RE.fullmatch(self.doc[i].text):
            return False
        if not YEAR_RANGE[0] <= value <= YEAR_RANGE[1]:
            return False
        doc, lex = self.doc, self.lex
        p, n = behind(doc, i), ahead(doc, core.end)
        prev = lower(doc, p)
        if prev in lex.year_context or PERIOD_RE.match(prev):
            return True
        if n >= len(doc) or not doc[n].is_alpha:
            return True
        # "the 2024 survey", "our 2025 plan": a year names which one, a count after
        # "the" would be written with its thousands ("the 2,000 largest stores")
        if prev in lex.markers.get("definite", frozenset()):
            return True
        if p >= 0 and self._name_like(p):
            return True  # "the Land Registration Act 2002 refresher", "Husum Wind 2027"
        return doc[n].lower_ in lex.year_context or PERIOD_RE.match(doc[n].lower_) is not None
