"""Key result's change verb contradicts its from → to numbers.

What it does:
    Flags a key result whose change word contradicts its from → to numbers:
    "Redusere ventetid fra 5 til 10 minutter" (a reduction that goes up),
    "Increase conversion from 4 % to 3 %" (an increase that goes down).
    Durations in different units are compared ("fra 2 dager til 36 timer").
    Words that mean "better" rather than "more" ("forbedre", "improve",
    "raskere") take their direction from the metric: for times, durations,
    costs, errors, defects, complaints, churn, waiting and backlog lower is
    better ("Improve check-in time from 6 to 9 minutes" is a mismatch); for
    rates, shares, revenue, satisfaction and counts of good things higher is
    better. Where the words do not say (no change word, or "improve" with a
    metric the lexicon cannot place), a `trend: increase | decrease` field
    (a trend column in a table; "ønsket trend") says which way is wanted.
    Baseline and target may come from the text or from fields.

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
from okrlint.rules._stated import stated

from okrlint.i18n import _
from okrlint.language.analysis import Quantity
from okrlint.model import Edit, Fix, KeyResult, Severity
from okrlint.rule import Rule, RuleContext, Target, Violation, bad, good

TRENDS = {"increase": 1, "decrease": -1}  # a `trend:` field or a table's trend column


def check(kr: KeyResult, ctx: RuleContext):
    analysis = ctx.analysis(kr)
    verb = analysis.direction_span
    trend = TRENDS.get(kr.trend or "", 0)
    if verb is None and trend == 0:
        return
    ends = stated(kr, analysis, ctx)
    baseline, target = ends.baseline, ends.target
    if baseline is None or target is None or baseline.placeholder or target.placeholder:
        return
    if verb is not None and ends.baseline_field is None and verb.start > baseline.start:
        verb = None  # the word describes something else
    wanted = analysis.direction if verb is not None else 0
    if verb is not None and analysis.direction_better:  # "improve": the metric's way is better
        wanted = analysis.polarity
    if wanted == 0:
        wanted, verb = trend, None  # the words do not say; the writer's trend may
    if wanted == 0:
        return
    values = comparable(baseline, target)
    if values is None or values[0] == values[1]:
        return
    moves = 1 if values[1] > values[0] else -1
    if moves == wanted:
        return
    numbers = f"{baseline.text} → {target.text}"
    swapped = f"{target.text} → {baseline.text}"
    if verb is None:  # the trend field says which way
        yield Violation(
            _(
                "the trend is '{trend}' but {numbers} is an increase",
                trend=kr.trend,
                numbers=numbers,
            )
            if moves > 0
            else _(
                "the trend is '{trend}' but {numbers} is a decrease",
                trend=kr.trend,
                numbers=numbers,
            ),
            suggestion=_(
                "swap the numbers ({swapped}) or the trend",
                swapped=swapped,
            ),
        )
        return
    words = ctx.quote(verb.text)
    if analysis.direction_better and analysis.polarity_span is not None:
        metric = ctx.quote(analysis.polarity_span.text)
        message = (
            _(
                "{verb} but {numbers} is an increase, and for {metric} lower is better",
                verb=words,
                numbers=numbers,
                metric=metric,
            )
            if moves > 0
            else _(
                "{verb} but {numbers} is a decrease, and for {metric} higher is better",
                verb=words,
                numbers=numbers,
                metric=metric,
            )
        )
    elif moves > 0:
        message = _("{verb} but {numbers} is an increase", verb=words, numbers=numbers)
    else:
        message = _("{verb} but {numbers} is a decrease", verb=words, numbers=numbers)
    yield Violation(
        message,
        suggestion=_(
            "swap the numbers ({swapped}) or change the verb {verb}",
            swapped=swapped,
            verb=words,
        ),
        highlight=(verb.start, verb.end),
        fixes=_fixes(kr, ends, ctx),
    )


def _fixes(kr: KeyResult, ends, ctx: RuleContext) -> tuple[Fix, ...]:
    """Swapping the numbers, when both are written in the text (not given as fields)."""
    if ends.baseline_field is not None or ends.target_field is not None:
        return ()
    return (_swapped(kr.text, ends.baseline, ends.target, ctx),)


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
    swapped = f"{second.text} → {first.text}"
    return Fix(_("swap the numbers: {swapped}", swapped=swapped), edits)


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
        bad("nb", "Forbedre behandlingstiden for skjenkesøknader fra 21 til 35 dager"),
        bad("nb", "Forbedre andelen fakturaer betalt i tide fra 88 % til 81 %"),
        bad("nb", "Forbedre antall feilleveranser fra 40 til 55 i måneden"),
        good("nb", "Forbedre oppetiden på nettbanken fra 99,2 % til 99,8 %"),
        good("nb", "Forbedre fraktkostnaden per pakke fra kr 90 til kr 70"),
        bad(
            "nb",
            "objectives:\n  - title: Trygge veier, fordi skoleveien skal være trygg\n"
            "    key_results:\n      - title: Hull i veibanen meldt via appen\n"
            "        baseline: 300\n        target: 220\n        ønsket_trend: økende\n"
            "      - Reparert innen 5 dager fra 60 % til 85 %\n",
            document=True,
        ),
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
        bad("en", "Improve average handling time from 7 to 11 minutes"),
        bad("en", "Improve the share of orders shipped the same day from 80% to 72%"),
        bad("en", "Improve patient satisfaction from 4.4 to 4.1"),
        bad("en", "Improve failed login attempts from 300 to 420 per week"),
        good("en", "Improve the refund cost per order from $6.10 to $4.80"),
        good("en", "Improve median lead time from 12 to 8 days"),
        bad(
            "en",
            "objectives:\n  - title: Keep the fleet moving, because late buses lose riders\n"
            "    key_results:\n      - title: Improve the dwell-to-drive index\n"
            "        baseline: 0.8\n        target: 0.6\n        trend: increase\n"
            "      - Buses on time from 88% to 94%\n",
            document=True,
        ),
        good(
            "en",
            "objectives:\n  - title: Keep the fleet moving, because late buses lose riders\n"
            "    key_results:\n      - title: Improve the dwell-to-drive index\n"
            "        baseline: 0.8\n        target: 0.6\n        trend: decrease\n"
            "      - Buses on time from 88% to 94%\n",
            document=True,
        ),
    ),
)
