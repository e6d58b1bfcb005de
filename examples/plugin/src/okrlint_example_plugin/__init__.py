"""Key result states too many numbers.

What it does:
    Flags a key result that states more than `max` (3) numbers. Years,
    quarters and deadlines are not counted: the language layer has already
    told them apart from quantities.

Why it matters:
    A key result answers one question: "Hvordan vet vi om vi har nådd vårt
    objective?" ("How do we know we have reached our objective?"). Four or more
    numbers in one key result usually mean two measures are packed together,
    and nobody can tell whether it was met when one of them is.

How to fix:
    Split it into one key result per measure, each as "from X to Y".
"""

from __future__ import annotations

from okrlint.model import KeyResult, Severity
from okrlint.rule import Rule, RuleContext, Target, Violation, bad, good


def check(kr: KeyResult, ctx: RuleContext):
    limit = int(ctx.options["max"])
    numbers = ctx.analysis(kr).quantities  # the language layer's reading; rules never parse
    if len(numbers) <= limit:
        return
    first, extra = numbers[0], numbers[limit]
    yield Violation(
        f"key result states {len(numbers)} numbers; it probably measures several things",
        suggestion=f"split it: one key result from {ctx.quote(first.text)}, another for "
        f"{ctx.quote(extra.text)}",
        highlight=(extra.start, numbers[-1].end),
    )


RULE = Rule(
    code="ACME101",
    name="kr-too-many-numbers",
    severity=Severity.WARNING,
    target=Target.KEY_RESULT,
    summary="Key result states more than 3 numbers: it measures several things.",
    doc=__doc__,
    check=check,
    options={"max": 3},
    examples=(
        bad("en", "Raise NPS from 20 to 40 and cut churn from 5% to 3%"),
        good("en", "Raise NPS from 20 to 40"),
        bad("nb", "Øke NPS fra 20 til 40 og redusere frafall fra 5 % til 3 %"),
        good("nb", "Øke NPS fra 20 til 40"),
    ),
)
