"""Key result has no number, baseline or target.

What it does:
    Flags a key result that contains no number at all: no count, percentage,
    amount, duration or multiplier, and no `baseline` / `current` / `target`
    field that holds one (an empty cell, a dash, "n/a", a deadline such as
    "innen Q3" or a frequency such as "weekly" in a field is no number).
    Placeholders ("fra x til y", "TBD", "$X") are left to OKR205.
    Numbers that are not quantities do not count: dates, deadlines and
    periods ("innen to måneder", "by Q3"), versions and standards ("SAML
    2.0", "ISO 27001", "EN 1090"), legal and document references ("artikkel
    30", "§ 12"), numbers in names ("Microsoft 365", "7-Eleven"), tiers,
    levels and ranks ("tier 1", "nivå 2", "nr. 1"); a frequency word alone
    ("weekly", "ukentlig"). Number words ("ti", "fifteen"), ratings ("4.5/5"),
    zero as the target level ("null", "ingen kritiske avvik", "no lost-time
    injuries") and an article that means one per period ("et kurs per
    kvartal", "a review every quarter") are quantities.

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

from okrlint.rules._stated import field_has_number

from okrlint.i18n import _
from okrlint.model import KeyResult, Severity
from okrlint.rule import Rule, RuleContext, Target, Violation, bad, good


def check(kr: KeyResult, ctx: RuleContext):
    if any(field_has_number(kr, name, ctx) for name in ("baseline", "current", "target")):
        return  # a number (or a placeholder) in a field; "–", "weekly", "innen Q3" are none
    analysis = ctx.analysis(kr)
    if analysis.quantities or analysis.placeholders:
        return
    form = "fra X til Y" if ctx.lang == "nb" else "from X to Y"
    # Name a vague amount ("flere") in the hint, not a praise word ("best").
    amounts = [v for v in analysis.vague if v.label != "quality"]
    if amounts:
        word = amounts[0]
        hint = _(
            "replace {words} with a number: {form}",
            words=ctx.quote(word.text),
            form=ctx.quote(form),
        )
        highlight = (word.start, word.end)
    else:
        hint = _("say how much, as a change {form}", form=ctx.quote(form))
        highlight = None
    yield Violation(_("key result has no number to measure it by"), hint, highlight)


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
        bad("nb", "Gjøre skjemaene tilgjengelige etter WCAG 2.2"),
        bad("nb", "Ta i bruk Visma 7 i hele økonomiavdelingen"),
        bad("nb", "Få verkstedet godkjent etter NS-EN ISO 3834"),
        good("nb", "Ingen alvorlige funn ved neste branntilsyn"),
        good("nb", "Holde et frokostmøte for kundene per kvartal"),
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
        bad("en", "Roll out OAuth 2.0 to the partner API"),
        bad("en", "Meet clause 12 of the lease agreement"),
        bad("en", "Have the bakery certified under ISO 22000"),
        good("en", "No lost-time injuries on the night shift"),
        good("en", "Run a fire drill on every site twice a year"),
        good("en", "Increase monthly active users from 10,000 to 15,000"),
        good("en", "Reduce median support response time from 48 to 24 hours"),
        good("en", "Publish 12 customer case studies"),
        good("en", "Raise NPS by 15 points"),
        good("en", "Keep infrastructure cost under $2,000 per month"),
        good("en", "Double weekly sign-ups from 500 to 1,000"),
    ),
)
