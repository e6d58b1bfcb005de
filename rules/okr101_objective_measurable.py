"""Objective states a quantity: it is a key result in disguise.

What it does:
    Flags an objective that contains a measurable quantity — a number, a
    percentage, an amount of money, a duration target ("within 30 days"), a
    multiplier such as "double" / "doble" or "twice as many" / "halvparten så
    mange", a quantity with an unusual unit ("1TB++"), or an amount left as a
    placeholder or redaction ("$L new revenue", "NOK X mill."). Years,
    quarters, dates, deadlines, versions, standards, names with digits,
    rankings ("#1", "a top 10 employer", "de ti beste") and idioms ("double
    down", "satse dobbelt") are not quantities, nor "ingen"/"no".

Why it matters:
    The article: "Dette er målbare og konkrete utsagn, så hvorfor er det ikke
    gode objectives? Fordi utsagnene er key results." ("These are measurable,
    concrete statements — so why are they not good objectives? Because they are
    key results.") An objective gives the direction; key results measure how
    you get there. "Øke salget med 30 %", "Doble brukerbasen" and
    "Increase revenue by 30%" are key results in disguise.

How to fix:
    Say where you want to go and why, in words, and move the number into a key
    result: "Øke salget med 30 %" becomes the objective "Bli førstevalget for
    kundene i regionen, fordi …" with the key result "Øke salget fra 10 til
    13 mill. kr".
"""

from __future__ import annotations

from okrlint.i18n import _
from okrlint.language.analysis import Quantity, QuantityKind
from okrlint.model import Objective, Severity
from okrlint.rule import Rule, RuleContext, Target, Violation, bad, good


def check(objective: Objective, ctx: RuleContext):
    analysis = ctx.analysis(objective)
    end = analysis.reason.start if analysis.reason else len(analysis.text)
    stand_ins = {p.start for p in analysis.placeholders if p.label == "stand-in"}
    # "Use AI to double the productivity of review": a purpose that doubles sets an amount
    purpose = analysis.reason is not None and analysis.reason.label == "purpose"
    real = [
        q
        for q in analysis.quantities
        if (q.start < end or purpose or q.kind is not QuantityKind.ABSOLUTE)
        and _measures(q, stand_ins)
    ]
    if not real:
        return
    first = real[0]
    words = ctx.quote(first.text)
    yield Violation(
        _("objective states a quantity ({words}); that makes it a key result", words=words),
        suggestion=_(
            "describe the direction in words and move {words} into a key result (from X to Y)",
            words=words,
        ),
        highlight=(first.start, first.end),
    )


def _measures(quantity: Quantity, stand_ins: set[int]) -> bool:
    """An amount the objective sets: a number, or one left as a slot or redaction ("$L new
    revenue", "NOK X mill."); not a determiner read as one ("et møte per kvartal", "ingen")
    or the article "a"/"en" ("en ny lader"), and not a numbered stand-in ("Objective 2")."""
    if quantity.placeholder:
        return quantity.start not in stand_ins
    if quantity.article:
        return False
    if quantity.definite and quantity.kind is QuantityKind.ABSOLUTE:
        return False  # "one of the ten best employers", "a top 10 bank": which ones, no amount
    written_as_word = not any(ch.isdigit() for ch in quantity.text)
    return not (written_as_word and quantity.kind is QuantityKind.ABSOLUTE and quantity.value == 1)


RULE = Rule(
    code="OKR101",
    name="objective-measurable",
    severity=Severity.ERROR,
    target=Target.OBJECTIVE,
    summary="Objective states a quantity: it is a key result in disguise.",
    doc=__doc__,
    check=check,
    examples=(
        bad("nb", "Øke salget med 30 %"),
        bad("nb", "Doble brukerbasen"),
        bad("nb", "Øke inntekter med over fem millioner"),
        bad("nb", "Nå 10 000 aktive brukere innen utgangen av året"),
        bad("nb", "Kutte kostnadene med 2 mill. kr, fordi marginene er for lave"),
        bad("nb", "Halvere ventetiden i kundeservice"),
        bad("nb", "Reise NOK X mill. fra nye investorer"),
        bad("nb", "Tilby 1TB+ lagring til alle elever, fordi prosjektene vokser"),
        bad("nb", "Halvparten så mange tapte bagasjekolli"),
        good(
            "nb",
            "Dominere kaffebransjen i Oslo, fordi vi ønsker å slå den største konkurrenten vår",
        ),
        good("nb", "Økt omsetning i bedriften"),
        good("nb", "Vellykket lansering av nytt produkt i Q3"),
        good("nb", "Bli førstevalget for småbedrifter i Norden innen 2026"),
        good("nb", "Gjøre kundeservice til vår sterkeste side, slik at kundene blir værende"),
        good("nb", "Effektiv utvikling av produktet"),
        good("nb", "Bli godkjent etter NS 3420 innen Q3, slik at vi kan by på kommunale anbud"),
        good("nb", "Et nabolag der ingen eldre sitter alene, fordi ensomhet gjør folk syke"),
        good("nb", "Bli en av de ti beste arbeidsgiverne i regionen, fordi vi trenger folk"),
        good("nb", "Satse dobbelt på bedriftsmarkedet, fordi marginene er bedre der"),
        bad("en", "Increase revenue by 30%"),
        bad("en", "Double the user base"),
        bad("en", "Grow ARR to $5M"),
        bad("en", "Reach 1,000 paying customers in Q3"),
        bad("en", "Cut churn in half so that we can grow profitably"),
        bad("en", "Sign twenty new enterprise customers"),
        bad("en", "Raise $M in pledges during the spring appeal"),
        bad("en", "Offer 1TB++ of storage to every student"),
        bad("en", "Serve twice as many walk-in patients on weekends"),
        good(
            "en", "Become the go-to coffee shop in Oslo, because we want to beat our biggest rival"
        ),
        good("en", "Delight our customers in Q4 2025"),
        good("en", "Launch version 2.0 of the app successfully"),
        good("en", "Build a world-class onboarding experience so that new users stay"),
        good("en", "Make our Windows 11 support rock solid"),
        good("en", "Win the mid-market segment by 2027"),
        good("en", "Earn the ISO 9001 badge so that public buyers shortlist us"),
        good("en", "Support OAuth 2.0 logins so partners can connect their apps"),
        good("en", "Be a top 10 employer in the county, because hiring is our bottleneck"),
        good("en", "Double down on the enterprise segment, since that is where margins are"),
    ),
)
