"""Numbers okrlint can compute with, decided in one place.

A document may write any number: "from 1 to 1" followed by 307 zeros, "1e400", a YAML
``0x`` with 4 000 hex digits. Python turns some of these into ``inf``, refuses to print
others, and arithmetic on them overflows. Every number read from a document goes through
``usable`` (or ``parse``): a finite value no larger than ``LIMIT`` and no smaller (other
than zero) than ``TINY`` is kept; anything else is *not a usable number* and is treated as
text, as a word would be. No OKR measures anything near these bounds, and with them every
sum, difference, ratio and percentage of two usable numbers stays finite.
"""

from __future__ import annotations

import math

LIMIT = 1e15  # a quadrillion: beyond any count, amount or rate an OKR states
TINY = 1e-12


def usable(value: object) -> float | int | None:
    """``value`` when it is a number okrlint can compute with, else None."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, int):
        # compared as an int: float() of a very long int raises OverflowError
        return value if -LIMIT <= value <= LIMIT else None
    if not math.isfinite(value) or abs(value) > LIMIT or (value and abs(value) < TINY):
        return None
    return value


def parse(text: str) -> float | None:
    """A decimal number written as Python's ``float`` reads it ("1500", "1.5", "-3e2"), when
    it is usable; None for anything else ("inf", "nan", 400 digits, "abc")."""
    if len(text) > 100:  # no usable number needs more characters; longer ones are refused
        return None
    try:
        value = float(text)
    except (ValueError, OverflowError):
        return None
    found = usable(value)
    return None if found is None else float(found)
