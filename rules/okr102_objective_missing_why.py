"""Objective has no reason or purpose (no 'because' / 'fordi' and no why field).

What it does:
    Flags an objective with neither a reason or purpose clause ("…, fordi …",
    "for å …", "slik at …"; "because …", "so that …", "in order to …") nor a
    `why:` field. A clause is recognised by its grammar, not by a list of
    subjects: "so"/"så" before a subject ("… so tenants get answers", "… så
    kundene slipper å vente"), "since"/"as"/"siden"/"da" with a subject and a
    finite verb ("…, since most calls are about billing"), a consequence
    after a comma ("…, which gives us …", "…, noe som gir …") and "to + verb"
    of purpose after the statement. Not reasons: "since 2015", "as easy as",
    "så mye som mulig", "for remote teams", "a fine place to live".

Why it matters:
    The article's first question is "Hva ønsker du å oppnå og hvorfor?" ("What
    do you want to achieve, and why?"). Its good objectives carry their reason:
    "Dominere kaffebransjen i Oslo, fordi vi ønsker å slå den største
    konkurrenten vår." The why is what lets teams make their own trade-offs and
    link their goals to the company's.

How to fix:
    Add the reason to the objective ("…, fordi vi ønsker å …", "…, because …",
    "…, so that …") or give it in a `why:` field (YAML) / a "Why:" line
    (Markdown).
"""

from __future__ import annotations

from okrlint.rules._stated import EMPTY_VALUES

from okrlint.i18n import _
from okrlint.model import Objective, Severity
from okrlint.rule import Rule, RuleContext, Target, Violation, bad, good


def check(objective: Objective, ctx: RuleContext):
    if objective.why and objective.why.strip() and not _left_open(objective.why, ctx):
        return
    if ctx.analysis(objective).reason is not None:
        return
    marker = "fordi vi ønsker å …" if ctx.lang == "nb" else "because …"
    yield Violation(
        _("objective does not say why it matters"),
        suggestion=_(
            "add the reason: {rewrite} or a 'why:' field",
            rewrite=ctx.quote(objective.text.rstrip(". ") + ", " + marker),
        ),
    )


def _left_open(why: str, ctx: RuleContext) -> bool:
    """A 'why:' that only holds a place ("TBD", "??", "-", "n/a") gives no reason."""
    if why.strip().lower() in EMPTY_VALUES:
        return True
    analysis = ctx.analysis(why.strip())
    return len(analysis.placeholders) == 1 and len(analysis.words) <= 1


RULE = Rule(
    code="OKR102",
    name="objective-missing-why",
    severity=Severity.WARNING,
    target=Target.OBJECTIVE,
    summary="Objective has no reason or purpose (no 'because' / 'fordi' and no why field).",
    doc=__doc__,
    check=check,
    examples=(
        bad("nb", "Økt omsetning i bedriften"),
        bad("nb", "Vellykket lansering av nytt produkt i Q3"),
        bad("nb", "Effektiv utvikling av produktet"),
        bad("nb", "Sørge for at produktet treffer riktig målgruppe"),
        bad("nb", "Bli markedsleder på elsykler i Bergen"),
        bad("nb", "Oppnådd kundetilfredshet"),
        good(
            "nb",
            "Dominere kaffebransjen i Oslo, fordi vi ønsker å slå den største konkurrenten vår",
        ),
        good("nb", "Økte månedlige salgsinntekter, fordi vi er best på salg"),
        good("nb", "Forenkle onboarding for å få flere kunder til å bli værende"),
        good("nb", "Gjøre appen raskere slik at brukerne fullfører kjøpet"),
        good("nb", "Styrke merkevaren i Trøndelag, ettersom vi åpner to nye butikker der"),
        good("nb", "Økt merkevarekjennskap, fordi vi ønsker å bli mer synlige"),
        good("nb", "Forenkle timebestillingen så eldre pasienter slipper telefonkø"),
        good("nb", "Raskere byggesaker, siden utbyggerne velger kommunen som svarer først"),
        good("nb", "Bedre skilting i sentrum, noe som gir turistene en enklere dag"),
        bad("nb", "Få så mange kunder som mulig i Bergen"),
        bad("nb", "Være regionens foretrukne regnskapsbyrå, slik vi har vært i mange år"),
        bad("en", "Increase brand awareness"),
        bad("en", "Launch the new product successfully in Q3"),
        bad("en", "Become the market leader in e-bikes"),
        bad("en", "Delight our enterprise customers"),
        bad("en", "World-class developer experience"),
        bad("en", "Make onboarding effortless"),
        good(
            "en", "Become the go-to coffee shop in Oslo, because we want to beat our biggest rival"
        ),
        good("en", "Make onboarding effortless so that new users reach value on day one"),
        good("en", "Improve support quality in order to keep our best customers"),
        good("en", "Expand into Germany to prove the model works outside Norway"),
        good("en", "Strengthen our security posture, since enterprise deals depend on it"),
        good("en", "Grow the community because word of mouth is our cheapest channel"),
        good("en", "Make renewals painless so members stay another year"),
        good(
            "en", "Answer billing questions on the first call, since most calls are about invoices"
        ),
        good("en", "Help tenants cut their heating bills, as winter tariffs keep rising"),
        bad("en", "Make booking a pitch as simple as sending a text"),
        bad("en", "Remain the first choice for school trips, like every year since 2009"),
        bad("en", "Become a fine place to live"),
    ),
)
