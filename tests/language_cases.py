"""Checking an Analysis against the expected fields of one test case (shared by the
English and Norwegian language tests)."""

from __future__ import annotations

from okrlint.language.analysis import Analysis


def check(a: Analysis, exp: dict) -> None:
    """Compare an Analysis with the expected fields of one case."""
    real = [(q.value, q.unit) for q in a.quantities if not q.placeholder]
    checks = {
        "q": lambda: real,
        "has_number": lambda: a.has_number,
        "base": lambda: _pair(a.change and a.change.baseline),
        "target": lambda: _pair(a.change and a.change.target),
        "amount": lambda: _pair(a.change and a.change.amount),
        "new": lambda: bool(a.change and a.change.amount_is_new),
        "dir": lambda: a.direction,
        "dir_word": lambda: a.direction_span and a.direction_span.text.lower(),
        "limit": lambda: a.limit and a.limit.label,
        "deadlines": lambda: [d.text for d in a.deadlines],
        "reason": lambda: a.reason and a.reason.text,
        "vague": lambda: [v.text.lower() for v in a.vague],
        "ph": lambda: len(a.placeholders),
        "lead": lambda: a.lead_verb and a.lead_verb.label,
        "act": lambda: a.activity and a.activity.label,
        "bau": lambda: a.business_as_usual is not None,
        "items": lambda: a.new_items,
        "out": lambda: a.output_count,
        "obj_out": lambda: a.count_is_output,
        "polarity": lambda: a.polarity,
        "event": lambda: a.event and a.event.text,
    }
    for key, expected in exp.items():
        assert checks[key]() == expected, f"{key} of {a.text!r}"


def _pair(q):
    return None if q is None else (q.value, q.unit)
