"""Key result has no number, baseline or target.

What it does:
    Flags a key result that contains no number at all: no count, percentage,
    amount, duration or multiplier, and no `baseline` / `target` field.
    Placeholders ("fra x til y", "TBD") are left to OKR205. Deadlines and
    dates ("innen to måneder", "by Q3") are not numbers; ratings ("4.5/5")
    and number words ("ti", "fifteen") are.

Why it matters:
    The article's bad key results — "Selge flere biler", "Øke besøk på
    nettsiden", "Få mange følgere på Facebook" — have no number, so "det finnes
    ikke en felles forståelse for hva delmålet er" (there is no shared
    understanding of what the key result is). "Det er derfor det er viktig å
    konkretisere og tallfeste key results": make key results concrete and put
    numbers on them.

How to fix:
    Put a number on it, ideally as a change from a starting value to a target:
    "Selge flere biler" becomes "Selge fra 120 til 150 biler per kvartal";
    "Increase website visits" becomes "Increase monthly website visits from
    20,000 to 30,000".
"""

from __future__ import annotations

from okrlint.model import KeyResult, Severity
from okrlint.rule import Rule, RuleContext, Target, Violation, bad, good


def check(kr: KeyResult, ctx: RuleContext):
    if kr.target is not None or kr.baseline is not None:
        return
    analysis = ctx.analysis(kr)
    if analysis.quantities or analysis.placeholders:
        return
    form = "fra X til Y" if ctx.lang == "nb" else "from X to Y"
    # Name a vague amount ("flere") in the hint, not a praise word ("best").
    amounts = [v for v in analysis.vague if v.label != "quality"]
    if amounts:
        word = amounts[0]
        hint = f"replace {ctx.quote(word.text)} with a number: {ctx.quote(form)}"
        highlight = (word.start, word.end)
    else:
        hint = f"say how much, as a change {ctx.quote(form)}"
        highlight = None
    yield Violation("key result has no number to measure it by", hint, highlight)


RULE = Rule(
    code="OKR201",
    name="kr-not-measurable",
    severity=Severity.ERROR,
    target=Target.KEY_RESULT,
    summary="Key result has no number, baseline or target.",
    doc=__doc__,
    check=check,
    examples=(
        bad("nb", "Selge flere biler"),
        bad("nb", "Få flere medlemmer i kundeklubben"),
        bad("nb", "Øke besøk på nettsiden"),
        bad("nb", "Ta frem markedsføringsmateriale"),
        bad("nb", "Få mange følgere på Facebook"),
        bad("nb", "Prioritere kampanjer i markedskanalene som konverterer best"),
        good("nb", "Økte salgsavtaler fra 100 til 200"),
        good("nb", "Redusert ventetid på telefon-support fra ti til fem minutter"),
        good("nb", "Ti nye publiserte blogginnlegg"),
        good("nb", "Økt eNPS med 15 %"),
        good("nb", "Maks 50 kr brukt per konvertering i digital markedsføring"),
        good("nb", "Doble antall medlemmer i «Kaffeklubben» fra 1 000 til 2 000"),
        bad("en", "Sell more cars"),
        bad("en", "Improve customer satisfaction"),
        bad("en", "Increase website traffic"),
        bad("en", "Get lots of followers on Instagram"),
        bad("en", "Launch the new website"),
        bad("en", "Reduce onboarding time significantly"),
        good("en", "Increase monthly active users from 10,000 to 15,000"),
        good("en", "Reduce median support response time from 48 to 24 hours"),
        good("en", "Publish 12 customer case studies"),
        good("en", "Raise NPS by 15 points"),
        good("en", "Keep infrastructure cost under $2,000 per month"),
        good("en", "Double weekly sign-ups from 500 to 1,000"),
    ),
)
