"""Units: the unit, currency or scale after (or before) a number ("30 %", "kr 1 500",
"2 mill.", "48 timer"), and a unit carried over from one side of a change to the other
("fra 48 til 24 timer": 48 is hours too).

``UnitReading`` is a part of ``numbers.Scanner``.
"""

from __future__ import annotations

import math
from dataclasses import replace

from okrlint.language.analysis import DURATION_MINUTES, Quantity, QuantityKind
from okrlint.language.digits import Core
from okrlint.language.tokens import ahead, behind, lookup_at, lower


class UnitReading:
    """Units, currencies and scales next to a number (a part of ``Scanner``)."""

    def _currency_prefix(self, i: int) -> tuple[int, str | None]:
        """ "$2M", "NOK 2 mill.", "USD 1.2m": the currency written before the number."""
        p = behind(self.doc, i)
        if p >= 0 and p not in self.blocked and self.doc[p].lower_ in self.lex.currency_prefixes:
            unit = self.lex.currencies.get(self.doc[p].lower_)
            if unit is not None:
                return p, unit
        return i, None

    def _unit(self, core: Core) -> tuple[float, QuantityKind, str | None, int]:
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
        n = end if not doc[end - 1].whitespace_ else ahead(doc, end)
        if n < len(doc) and not doc[end - 1].whitespace_ and not glued:
            scale = doc[n].lower_
            if scale in lex.attached_scales and scale not in lex.durations:
                value *= lex.attached_scales[scale]
                end, n = n + 1, ahead(doc, n + 1)
        n = ahead(doc, end)
        s_end, scale_key = lookup_at(doc, n, lex.scales, longest=2) if n < len(doc) else (n, None)
        # "fem millioner": a scale word; "to hundre" was already read as number words.
        if scale_key and not (core.word and scale_key in lex.number_words):
            value *= lex.scales[scale_key]
            end, n = s_end, ahead(doc, s_end)
        if n >= len(doc):
            return value, kind, unit, end
        return self._unit_word(value, end, n)

    def _smaller_units(self, value: float, unit: str | None, end: int) -> tuple[float, str, int]:
        """ "4 min 30 s", "2 t 15 min", "1 hour 30 minutes": a duration written in two or
        more units is one, counted in the smallest. Each further part must be a smaller unit
        and less than one of the unit before it ("2 t 90 min" is not one duration)."""
        doc = self.doc
        while unit in DURATION_MINUTES:
            n = ahead(doc, end)
            core = self._core(n) if n < len(doc) else None
            if core is None or core.word or core.sign:
                break
            part, kind, smaller, part_end = self._unit(core)
            if kind is not QuantityKind.DURATION or smaller not in DURATION_MINUTES:
                break
            ratio = round(DURATION_MINUTES[unit] / DURATION_MINUTES[smaller], 6)
            if ratio <= 1 or part >= ratio:
                break
            value, unit, end = value * ratio + part, smaller, part_end
        return value, unit, end

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
        if lower(doc, ahead(doc, u_end)) in lex.frequency_after:
            return value, QuantityKind.ABSOLUTE, "times", u_end
        if key in ("x", "×") and doc[n - 1].whitespace_:
            return value, QuantityKind.ABSOLUTE, None, end  # "3 x" with a space: not clear
        return value, QuantityKind.MULTIPLIER, "x", u_end

    def _after_currency(self, i: int) -> bool:
        p = behind(self.doc, i)
        if p < 0 or p in self.blocked:
            return False
        return self.lex.currencies.get(self.doc[p].lower_) is not None and (
            self.doc[p].lower_ in self.lex.currency_prefixes
        )


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
    base, level = abs(q.value), abs(other.value)  # a level may be below zero ("fra -2 til 3")
    return abs(math.log(base * other.scale / level)) < abs(math.log(base / level))
