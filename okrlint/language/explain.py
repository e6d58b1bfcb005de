"""What the language layer read in a text, as lines a person can check (``okrlint analyse``).

Plain text from an ``Analysis``: every number-like token and what it is, the change (baseline,
target, amount), the direction and what the metric's words say is better, limits, deadlines,
the reason clause, vague words, placeholders and the opening verb. This module does not import
spaCy and knows nothing of rules.
"""

from __future__ import annotations

from okrlint.language.analysis import Analysis, Quantity, TextSpan

DIRECTIONS = {1: "up", -1: "down"}
POLARITY = {1: "higher is better", -1: "lower is better"}


def describe(analysis: Analysis) -> list[str]:
    """The analysis of one text, one fact per line, indented under the text."""
    lines = [f"{analysis.text}  [{analysis.lang}]"]
    if analysis.numbers:
        lines.append("  numbers:")
        width = max(len(r.text) for r in analysis.numbers)
        for r in analysis.numbers:
            lines.append(f"    {r.text:<{width}}  {r.kind.value:<11}  {r.reason}")
    else:
        lines.append("  numbers: none")
    change = analysis.change
    if change is not None:
        parts = [
            f"{name} {_quantity(q)}"
            for name, q in (
                ("from", change.baseline),
                ("to", change.target),
                ("by", change.amount),
            )
            if q is not None
        ]
        if change.amount_is_new:
            parts.append("(a count of new things, from zero)")
        lines.append("  change: " + ", ".join(parts))
    if analysis.direction:
        word = _quoted(analysis.direction_span)
        better = ", meaning better" if analysis.direction_better else ""
        lines.append(f"  direction: {DIRECTIONS[analysis.direction]} {word}{better}")
    if analysis.polarity:
        lines.append(f"  metric: {POLARITY[analysis.polarity]} {_quoted(analysis.polarity_span)}")
    for name, found in (
        ("limit", analysis.limit),
        ("reason", analysis.reason),
        ("opening verb", analysis.lead_verb),
        ("activity", analysis.activity),
        ("business as usual", analysis.business_as_usual),
    ):
        if found is not None:
            label = f" ({found.label})" if found.label and name != "reason" else ""
            lines.append(f"  {name}: {_quoted(found)}{label}")
    for name, spans in (
        ("deadlines", analysis.deadlines),
        ("vague", analysis.vague),
        ("placeholders", analysis.placeholders),
    ):
        if spans:
            lines.append(f"  {name}: " + ", ".join(_quoted(s) for s in spans))
    return lines


def _quantity(q: Quantity) -> str:
    if q.placeholder:
        return f"«{q.text}» (a placeholder)"
    value = f"{q.value:g}" if q.value is not None else "?"
    unit = f" {q.unit}" if q.unit else ""
    return f"«{q.text}» = {value}{unit}"


def _quoted(span: TextSpan | None) -> str:
    return f"«{span.text}»" if span is not None else ""
