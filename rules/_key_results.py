"""Shared arithmetic and formatting for the key-result rules (not a rule itself).

Rules read quantities from the ``Analysis``; this module only compares and
prints them. It knows unit *codes* ("%", "kr", "min"), never words.
"""

from __future__ import annotations

import math

from okrlint.language.analysis import DURATION_MINUTES as MINUTES
from okrlint.language.analysis import Quantity
from okrlint.model import KeyResult

CURRENCY_BEFORE = {"usd": "$", "eur": "€", "gbp": "£"}


def number(value: float, lang: str) -> str:
    """A number the way the language writes it: '150 000' / '1,5' (nb), '150,000' / '1.5' (en)."""
    if not math.isfinite(value):
        return f"{value}"  # never from okrlint.numeric's usable numbers; no crash all the same
    rounded = round(value, 2)
    if rounded == int(rounded):
        text = f"{int(rounded):,}"
    else:
        text = f"{rounded:,.2f}".rstrip("0").rstrip(".")
    if lang == "nb":
        text = text.replace(",", "\u0000").replace(".", ",").replace("\u0000", " ")
    return text


def amount(value: float, unit: str | None, lang: str) -> str:
    """A value with its unit: '140 000 kr', '$1,200', '35 %', '12 min'."""
    text = number(value, lang)
    if unit == "%":
        return f"{text} %" if lang == "nb" else f"{text}%"
    if unit in CURRENCY_BEFORE and lang == "en":
        return f"{CURRENCY_BEFORE[unit]}{text}"
    if unit and unit not in ("times", "x"):
        return f"{text} {unit}"
    return text


def percent_change(value: float, lang: str) -> str:
    """A signed relative change: '+50 %' (nb) / '+50%' (en)."""
    text = number(abs(value), lang)
    sign = "+" if value >= 0 else "-"
    return f"{sign}{text} %" if lang == "nb" else f"{sign}{text}%"


def comparable(a: Quantity, b: Quantity) -> tuple[float, float] | None:
    """The two values on one scale, or None when their units cannot be compared."""
    if a.value is None or b.value is None:
        return None
    if a.unit == b.unit or a.unit is None or b.unit is None:
        return a.value, b.value
    if a.unit in MINUTES and b.unit in MINUTES:
        return a.value * MINUTES[a.unit], b.value * MINUTES[b.unit]
    return None


def has_structured(kr: KeyResult, name: str) -> bool:
    """Whether a YAML key result gives ``baseline`` / ``target`` as a field."""
    value = getattr(kr, name)
    return value is not None and str(value).strip() != ""
