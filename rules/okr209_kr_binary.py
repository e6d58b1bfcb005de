"""Key result is a yes/no milestone with no quantity (off by default).

What it does:
    Flags a key result that is either done or not done and carries no
    quantity: "Lansere ny nettside", "SOC 2-sertifisering på plass",
    "Go live with the new billing system". Off by default: some teams accept a
    few binary key results; turn it on to keep every key result graded.

Why it matters:
    The article asks for key results that show "hvordan du ligger an med å nå
    ditt objective" (how you are doing on the way to your objective) and that
    are "basert på vekst, engasjement, inntekt og kvalitet" (based on growth,
    engagement, revenue and quality). A milestone shows 0 % until the day it
    shows 100 %; it cannot tell you mid-quarter that you are falling behind.

How to fix:
    Measure what the milestone is for: "Lansere ny nettside" becomes "Andel
    besøkende som fullfører bestilling på nettsiden fra 2 % til 3 %"; keep the
    launch itself as an action.
"""

from __future__ import annotations

from okrlint.rules._key_results import has_structured

from okrlint.i18n import _
from okrlint.model import KeyResult, Severity
from okrlint.rule import Rule, RuleContext, Target, Violation, bad, good

MILESTONE_VERBS = frozenset({"deliver", "activity", "achieve"})


def check(kr: KeyResult, ctx: RuleContext):
    if has_structured(kr, "target") or has_structured(kr, "baseline"):
        return
    analysis = ctx.analysis(kr)
    if analysis.quantities or analysis.placeholders or analysis.vague:
        return
    if analysis.direction != 0:  # a change without a number is OKR201's
        return
    lead = analysis.lead_verb
    marker = analysis.activity or (lead if lead and lead.label in MILESTONE_VERBS else None)
    if marker is None:
        return
    yield Violation(
        _(
            "key result is a yes/no milestone ({words}) with nothing to measure",
            words=ctx.quote(marker.text),
        ),
        suggestion=_(
            "measure what the milestone is for, from X to Y, and keep {text} as an action",
            text=ctx.quote(kr.text),
        ),
        highlight=(marker.start, marker.end),
    )


RULE = Rule(
    code="OKR209",
    name="kr-binary",
    severity=Severity.INFO,
    target=Target.KEY_RESULT,
    summary="Key result is a yes/no milestone with no quantity (off by default).",
    doc=__doc__,
    check=check,
    enabled=False,
    examples=(
        bad("nb", "Lansere ny nettside"),
        bad("nb", "Implementere nytt lønnssystem"),
        bad("nb", "Ta frem markedsføringsmateriale"),
        bad("nb", "Sikre ISO 27001-sertifisering"),
        bad("nb", "Åpne butikk i Trondheim"),
        bad("nb", "Utarbeide ny beredskapsplan"),
        good("nb", "Lansere to nye produktfunksjonaliteter"),
        good("nb", "Økte salgsavtaler fra 100 til 200"),
        good("nb", "Selge flere biler"),
        good("nb", "Økt NPS fra x til y før Q4"),
        good("nb", "Solgt minst 1 000 produkter i Q3"),
        good("nb", "Øke besøk på nettsiden"),
        bad("en", "Launch the new website"),
        bad("en", "Implement single sign-on"),
        bad("en", "Migrate billing to the new platform"),
        bad("en", "Achieve SOC 2 Type II certification"),
        bad("en", "Set up a partner portal"),
        bad("en", "Publish the annual impact report"),
        good("en", "Publish 12 customer case studies"),
        good("en", "Increase trial-to-paid conversion from 9% to 13%"),
        good("en", "Sell more cars"),
        good("en", "Improve customer satisfaction"),
        good("en", "Raise NPS from x to y by Q4"),
        good("en", "Hire 2 senior backend engineers"),
    ),
)
