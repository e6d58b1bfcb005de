"""Key result's change verb contradicts its from → to numbers.

What it does:
    Flags a key result whose change word contradicts its from → to numbers:
    "Redusere ventetid fra 5 til 10 minutter" (a reduction that goes up),
    "Increase conversion from 4 % to 3 %" (an increase that goes down).
    Durations in different units are compared ("fra 2 dager til 36 timer").
    Words that mean "better" rather than "more" ("forbedre", "improve",
    "raskere") are not checked: a better response time is a shorter one.

Why it matters:
    The article's good key results agree with themselves: "Redusert ventetid
    på telefon-support fra ti til fem minutter", "Økte salgsavtaler fra 100
    til 200". When the verb and the numbers disagree, one of them is a typo,
    and the team may spend a quarter pushing the metric the wrong way.

How to fix:
    Decide which way is good for the metric and make the verb and the numbers
    agree: swap the numbers ("fra 10 til 5 minutter") or change the verb
    ("Øke …").
"""

from __future__ import annotations

from okrlint.rules._key_results import comparable, number

from okrlint.language.analysis import Quantity
from okrlint.model import Edit, Fix, KeyResult, Severity
from okrlint.rule import Rule, RuleContext, Target, Violation, bad, good

WAY = {1: "an increase", -1: "a decrease"}


def check(kr: KeyResult, ctx: RuleContext):
    analysis = ctx.analysis(kr)
    change, verb = analysis.change, analysis.direction_span
    if change is None or change.baseline is None or change.target is None or verb is None:
        return
    if verb.start > change.baseline.start:  # the word describes something else
        return
    if analysis.direction_better:  # "forbedret responstid fra 48 til 24 timer" is fine
        return
    values = comparable(change.baseline, change.target)
    if values is None or values[0] == values[1]:
        return
    moves = 1 if values[1] > values[0] else -1
    if moves == analysis.direction:
        return
    numbers = f"{change.baseline.text} → {change.target.text}"
    yield Violation(
        f"{ctx.quote(verb.text)} but {numbers} is {WAY[moves]}",
        suggestion=f"swap the numbers ({change.target.text} → {change.baseline.text}) "
        f"or change the verb {ctx.quote(verb.text)}",
        highlight=(verb.start, verb.end),
        fixes=(_swapped(kr.text, change.baseline, change.target, ctx),),
    )


def _swapped(text: str, first: Quantity, second: Quantity, ctx: RuleContext) -> Fix:
    """The two numbers swapped. Where both are written as plain numbers in one unit, only
    the numbers move ("fra 6 til 4 minutter"); otherwise each keeps its own unit ("fra 60
    timer til 2 dager")."""
    a, b = (_written(first, ctx.lang), _written(second, ctx.lang))
    same_unit = first.unit is None or second.unit is None or first.unit == second.unit
    if same_unit and text.startswith(a, first.start) and text.startswith(b, second.start):
        edits = (
            Edit(first.start, first.start + len(a), b),
            Edit(second.start, second.start + len(b), a),
        )
    else:
        edits = (
            Edit(first.start, first.end, second.text),
            Edit(second.start, second.end, first.text),
        )
    return Fix(f"swap the numbers: {second.text} → {first.text}", edits)


def _written(quantity: Quantity, lang: str) -> str:
    """The number as the language writes it, without its unit or scale ('1,8' of '1,8 MNOK')."""
    return number(quantity.value / quantity.scale, lang)


RULE = Rule(
    code="OKR206",
    name="kr-direction-mismatch",
    severity=Severity.ERROR,
    target=Target.KEY_RESULT,
    summary="Key result's change verb contradicts its from → to numbers.",
    doc=__doc__,
    check=check,
    examples=(
        bad("nb", "Redusere ventetid fra 5 til 10 minutter"),
        bad("nb", "Øke andelen fornøyde kunder fra 80 % til 70 %"),
        bad("nb", "Vi kutter kostnaden per nytt abonnement fra 450 kr til 520 kr"),
        bad("nb", "Redusere skadekostnadene fra 1,8 MNOK til 2,1 MNOK"),
        bad("nb", "Kortere saksbehandlingstid, fra 2 dager til 60 timer"),
        bad("nb", "Økt oppmøte på trening fra tolv til ti i snitt"),
        good("nb", "Redusert ventetid på telefon-support fra ti til fem minutter"),
        good("nb", "Økte salgsavtaler fra 100 til 200"),
        good("nb", "Redusere produktfeil fra 5 % til 3 %"),
        good("nb", "Forbedret responstid i saksbehandlingssystemet fra 48 til 24 timer"),
        good("nb", "Kortere saksbehandlingstid, fra 2 dager til 36 timer"),
        good("nb", "Andel elbiler i flåten fra 20 % til 45 %"),
        bad("en", "Increase conversion from 4% to 3%"),
        bad("en", "Reduce average call waiting time from 4 minutes to 9 minutes"),
        bad("en", "Decrease the left-without-being-seen rate from 6% to 9%"),
        bad("en", "Grow gross margin on services from 72% to 65%"),
        bad("en", "Cut payment processing fees from 1.4% to 1.9% of donations"),
        bad("en", "Shorten onboarding: from 3 days to 5 days"),
        good("en", "Increase conversion from 3% to 4%"),
        good("en", "Reduce average call waiting time from 9 minutes to 4 minutes"),
        good("en", "Cut time to first report from 5 days to 1 hour"),
        good("en", "Sales cycle from 75 days to 45 days"),
        good("en", "Raise the share of calls answered in under 2 minutes from 60% to 80%"),
        good("en", "Increase weekly active teams from 1,200 to 1,800"),
    ),
)
