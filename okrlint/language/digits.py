"""What written digits are worth, and the records every number reader passes on.

``parse_digits`` reads "1 500", "1.000,5" or "1,5" with the language's thousands and decimal
marks. A ``Hit`` is a quantity and the tokens it was read from; a ``Core`` is a number's
value and where it ends, before its unit or scale is known. The readers of dates, units,
placeholders and identifiers and the ``Scanner`` in ``numbers`` share them.
"""

from __future__ import annotations

from dataclasses import dataclass

from okrlint import linear, numeric
from okrlint.language.analysis import Quantity
from okrlint.language.lexicon import Lexicon

# A written number: optional sign (a tolerance "±10" too), digits, and groups after "." or ",".
NUMBER_RE = linear.compile(r"^[+±−-]?\d+(?:[.,]\d+)*$")
# Compiled once: these run at every number token.
SEP_RE = linear.compile(r"[.,]")
DIGITS_DOT_RE = linear.compile(r"^\d+\.$")
SIGN_CHARS = "+-±−"  # "±" is a tolerance, not a direction: its sign is 0; "−" is a minus


@dataclass(frozen=True, slots=True)
class Hit:
    """A quantity and the tokens [start, end) it was read from."""

    start: int
    end: int
    quantity: Quantity
    sign: int = 0  # +1 / -1 when written with "+" or "-"
    word: bool = False  # spelled out ("ti", "doble") rather than digits


@dataclass(frozen=True, slots=True)
class Core:
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
