"""Where a key result starts and where it should end, from its text and its fields together
(not a rule itself).

A starting value may be written in the text ("fra 48", "currently 18,000", "i dag 71 %") or
given as a field (``baseline:``, ``current:``, a table's baseline column); so may a target
("til 24", ``target:``). The rules about baselines, targets, direction and consistency all
read both ends from here, so that a key result is judged the same whichever way it is written.
Field values are read by the language layer like any text ("kr 62", "6.1 %", 54 with
``unit: "%"``); rules never parse them.
"""

from __future__ import annotations

from dataclasses import dataclass

from okrlint.language.analysis import Analysis, NumberKind, Quantity, QuantityKind
from okrlint.model import KeyResult
from okrlint.rule import RuleContext

# The fields that give a starting value, in order of preference.
START_FIELDS = ("baseline", "current")


@dataclass(frozen=True)
class Stated:
    """The two ends and the amount of a key result's change, wherever each was written."""

    baseline: Quantity | None = None
    target: Quantity | None = None
    amount: Quantity | None = None  # "med 15 %", "by 20 %", "doble" (text only)
    baseline_field: str | None = None  # the field the baseline came from, None for the text
    target_field: str | None = None
    # a limit in the text sets where the metric should end: "under 5 %", "minst 90 %"
    limit: bool = False

    @property
    def has_target(self) -> bool:
        return self.target is not None or self.amount is not None or self.limit


# What people write in a field or table cell that has no value: a dash, "n/a".
EMPTY_VALUES = frozenset({"", "-", "–", "—", "n/a", "na", "-/-"})


def field_given(kr: KeyResult, name: str) -> bool:
    """Whether a key result gives the field ``name`` a value (a dash or "n/a" is none)."""
    value = getattr(kr, name, None)
    return value is not None and str(value).strip().lower() not in EMPTY_VALUES


def field_has_number(kr: KeyResult, name: str, ctx: RuleContext) -> bool:
    """Whether a field holds a number of any kind: a quantity or placeholder ("85 %", "TBD"),
    or digits okrlint cannot use ("9" * 5000), but not words alone ("weekly", "–") or a
    deadline ("innen Q3", "by 1 June"), which measure nothing."""
    if not field_given(kr, name):
        return False
    if field_quantity(kr, name, ctx) is not None:
        return True
    value = getattr(kr, name)
    if isinstance(value, (int, float)):
        return True
    readings = ctx.analysis(str(value).strip()).numbers
    return any(r.kind is not NumberKind.DATE for r in readings)


def start_field(kr: KeyResult) -> str | None:
    """The field that gives the key result's starting value (``baseline`` or ``current``;
    readers may also copy ``current`` into ``baseline``)."""
    if field_given(kr, "current") and (
        not field_given(kr, "baseline") or kr.baseline == kr.current
    ):
        return "current"
    return next((name for name in START_FIELDS if field_given(kr, name)), None)


def field_quantity(kr: KeyResult, name: str, ctx: RuleContext) -> Quantity | None:
    """A field's value as the language layer reads it (a placeholder too), with the key
    result's ``unit``; None when the field is empty or holds no number."""
    if not field_given(kr, name):
        return None
    value = getattr(kr, name)
    unit = (kr.unit or "").strip()
    if isinstance(value, (int, float)) and not isinstance(value, bool) and not unit:
        number = float(value)
        return Quantity(number, QuantityKind.ABSOLUTE, 0, 0, str(value))
    text = f"{value} {unit}" if unit and isinstance(value, (int, float)) else str(value)
    found = ctx.analysis(text.strip()).quantities
    return found[0] if found else None


def stated(kr: KeyResult, analysis: Analysis, ctx: RuleContext) -> Stated:
    """Both ends of the change: the text's where it states them, else the fields'."""
    change = analysis.change
    baseline = change.baseline if change is not None else None
    target = change.target if change is not None else None
    amount = change.amount if change is not None else None
    baseline_field = target_field = None
    if baseline is None:
        baseline_field = start_field(kr)
        if baseline_field is not None:
            baseline = field_quantity(kr, baseline_field, ctx)
    if target is None and field_given(kr, "target"):
        target_field = "target"
        target = field_quantity(kr, "target", ctx)
    limit = analysis.limit is not None and analysis.has_number
    return Stated(baseline, target, amount, baseline_field, target_field, limit)
