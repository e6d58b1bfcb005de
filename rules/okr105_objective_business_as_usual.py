"""Objective is about keeping things as they are (maintain, continue, opprettholde).

What it does:
    Flags an objective whose statement is about keeping things as they are:
    maintain / keep / continue / sustain / retain / preserve; opprettholde /
    beholde / fortsette / videreføre / bevare. A reason clause that mentions
    keeping something ("…, so that customers stay") does not count.

Why it matters:
    The article: OKR answers "Hva ønsker du å oppnå og hvorfor?" ("What do you
    want to achieve, and why?"), and the objective is "retningen" (the
    direction) — somewhere you want to go, "konkret, betydningsfullt,
    inspirerende og engasjerende". Keeping today's level is important work,
    but it is running the business, not a direction; as an objective it takes
    one of the few slots meant for change. Keep it as a health metric or a
    guard-rail key result under an objective that moves something.

How to fix:
    Say what should change, or move the level you want to keep into a key
    result of another objective: "Opprettholde kundetilfredsheten" becomes the
    key result "Kundetilfredshet minst 4,5 av 5" under an objective such as
    "Gjøre kundeservice til vår sterkeste side, fordi …"; "Maintain 99.9%
    uptime" becomes a guard-rail key result "Uptime at least 99.9%".
"""

from __future__ import annotations

from okrlint.i18n import _
from okrlint.model import Objective, Severity
from okrlint.rule import Rule, RuleContext, Target, Violation, bad, good


def check(objective: Objective, ctx: RuleContext):
    found = ctx.analysis(objective).business_as_usual
    if found is None:
        return
    yield Violation(
        _(
            "objective keeps things as they are ({words}); an objective sets a direction",
            words=ctx.quote(found.text),
        ),
        suggestion=_(
            "say what should change instead of {words}, or make the level to keep a "
            "guard-rail key result ('at least …') under another objective",
            words=ctx.quote(found.text),
        ),
        highlight=(found.start, found.end),
    )


RULE = Rule(
    code="OKR105",
    name="objective-business-as-usual",
    severity=Severity.INFO,
    target=Target.OBJECTIVE,
    summary="Objective is about keeping things as they are (maintain, continue, opprettholde).",
    doc=__doc__,
    check=check,
    examples=(
        bad("nb", "Opprettholde høy kundetilfredshet"),
        bad("nb", "Videreføre den gode kundeservicen"),
        bad("nb", "Fortsette arbeidet med digitalisering, fordi det sparer tid"),
        bad("nb", "Bevare sertifiseringene ved neste revisjon"),
        bad("nb", "Beholde de beste medarbeiderne, slik at kompetansen blir i huset"),
        bad("nb", "Vi skal opprettholde markedsandelen i Trøndelag"),
        good("nb", "Økt kundelojalitet, fordi vi ønsker å gi kundene en grunn til å bli"),
        good("nb", "Gjøre appen raskere slik at brukerne fortsetter å handle hos oss"),
        good("nb", "Bli førstevalget for løpere på nett, for å beholde kundene lenger"),
        good("nb", "Dominere kaffebransjen i Oslo"),
        good("nb", "Styrke sikkerhetskulturen om bord"),
        good("nb", "Flere faste kunder blant små aksjeselskaper"),
        bad("en", "Maintain 99.9% uptime for the payments API"),
        bad("en", "Keep customer satisfaction high"),
        bad("en", "Continue to grow the community, because word of mouth is cheap"),
        bad("en", "Sustain our market share in the Nordics"),
        bad("en", "Retain our best engineers so that the platform stays stable"),
        bad("en", "We will preserve the quality of our service"),
        good("en", "Make hybrid work work for parents, so we keep experienced people"),
        good("en", "Delight our customers so that they stay with us for years"),
        good("en", "Become the market leader in e-bikes"),
        good("en", "Win the mid-market segment"),
        good("en", "Cut the time it takes to resolve a ticket, in order to retain customers"),
        good("en", "Build a world-class onboarding experience"),
    ),
)
