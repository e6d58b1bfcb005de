"""More than 5 objectives for one owner in one period.

What it does:
    Counts the objectives of each owner (the objective's `owner`, else the
    document's) for the document's period and flags the document when one
    owner has more than `max` (5). The finding names the owner and the count.

Why it matters:
    The article: OKR is a tool "for å øke fokus" ("to increase focus"), and
    answering its two questions every quarter "skaper … tydelige
    prioriteringer og riktig fokus i bedriften" ("creates clear priorities and
    the right focus in the company"). Every one of its example teams has one
    objective. Six or more objectives for one team in one quarter is a to-do
    list, not a set of priorities; none of them gets the attention it needs.

How to fix:
    Choose the few objectives that matter most this period (three is plenty),
    fold related ones together, and move the rest to a later period or into
    the team's ordinary work. Option: `max` in
    `[tool.okrlint.rules.too-many-objectives]`.
"""

from __future__ import annotations

from collections import Counter

from okrlint.i18n import _
from okrlint.model import Document, Severity
from okrlint.rule import Rule, RuleContext, Target, Violation, bad, good


def check(document: Document, ctx: RuleContext):
    limit = int(ctx.options["max"])
    owners: Counter[str | None] = Counter(
        o.owner or document.owner for o in document.objectives if not o.unnamed
    )
    for owner, count in sorted(owners.items(), key=lambda item: str(item[0])):
        if count <= limit:
            continue
        said = {"n": count, "limit": limit}
        if document.period:
            said["period"] = ctx.quote(document.period)
        if owner and document.period:
            message = _(
                "{owner} has {n} objectives for {period}; more than {limit} splits the focus",
                owner=ctx.quote(owner),
                **said,
            )
        elif owner:
            message = _(
                "{owner} has {n} objectives; more than {limit} splits the focus",
                owner=ctx.quote(owner),
                **said,
            )
        elif document.period:
            message = _(
                "the document has {n} objectives for {period}; more than {limit} splits the focus",
                **said,
            )
        else:
            message = _(
                "the document has {n} objectives; more than {limit} splits the focus", **said
            )
        yield Violation(
            message,
            suggestion=_(
                "keep the {keep} that matter most this period and move the rest to a later "
                "period or into ordinary work",
                keep=min(limit, 3),
            ),
        )


def _yaml(owner: str, period: str, titles: list[str]) -> str:
    lines = [f"owner: {owner}", f"period: {period}", "objectives:"]
    for title in titles:
        lines += [f"  - title: {title}", "    key_results:"]
        lines += ["      - Øke NPS fra 20 til 40", "      - Redusere frafall fra 8 % til 5 %"]
    return "\n".join(lines) + "\n"


_NB = [
    "Flere faste kunder, fordi de gir forutsigbare inntekter",
    "Raskere levering, slik at kundene slipper å vente",
    "Tryggere arbeidsplass, slik at ingen skader seg",
    "Sterkere merkevare i Trøndelag, fordi vi åpner to butikker der",
    "Enklere netthandel, for at flere skal fullføre kjøpet",
    "Mindre matsvinn i butikkene, fordi svinn er dårlig økonomi",
    "Bedre arbeidsmiljø, fordi folk slutter",
]
_EN = [
    "Win the mid-market, because that is where our growth is",
    "Answer customers faster, so that tickets never cost us a renewal",
    "Make onboarding effortless so that new users reach value on day one",
    "Build a paved road for new services because every team reinvents it",
    "Make deploys a non-event so that teams ship when they are ready",
    "Pay people fairly so that nobody has to leave to get a raise",
    "Cut waste in the warehouse, because margins are thin",
]


def _split_owners(titles: list[str], owners: tuple[str, str]) -> str:
    lines = ["period: Q3 2025", "objectives:"]
    for n, title in enumerate(titles):
        lines += [f"  - title: {title}", f"    owner: {owners[n % 2]}", "    key_results:"]
        lines += ["      - Øke NPS fra 20 til 40", "      - Redusere frafall fra 8 % til 5 %"]
    return "\n".join(lines) + "\n"


RULE = Rule(
    code="OKR302",
    name="too-many-objectives",
    severity=Severity.WARNING,
    target=Target.DOCUMENT,
    summary="More than 5 objectives for one owner in one period.",
    doc=__doc__,
    check=check,
    options={"max": 5},
    examples=(
        bad("nb", _yaml("Salg", "Q3 2025", _NB[:6]), document=True),
        bad("nb", _yaml("Kundeservice", "2. kvartal 2026", _NB), document=True),
        bad("nb", _yaml("Ledergruppen", "2026", _NB[1:7]), document=True),
        bad("nb", _split_owners(_NB + _NB[:5], ("Salg", "Marked")), document=True),
        bad("nb", _yaml("Drift", "H1 2026", _NB[:6]).replace("owner: Drift\n", ""), document=True),
        bad("nb", _yaml("Lager", "Q1 2026", [*_NB[:5], _NB[0]]), document=True),
        good("nb", _yaml("Salg", "Q3 2025", _NB[:5]), document=True),
        good("nb", _yaml("Salg", "Q3 2025", _NB[:1]), document=True),
        good("nb", _split_owners(_NB, ("Salg", "Marked")), document=True),
        good("nb", _yaml("Kundeservice", "2026", _NB[:3]), document=True),
        good("nb", _split_owners(_NB[:6] + _NB[:4], ("Salg", "Marked")), document=True),
        good("nb", _yaml("Drift", "H1 2026", _NB[2:6]), document=True),
        bad("en", _yaml("Sales", "Q3 2025", _EN[:6]), document=True),
        bad("en", _yaml("Platform", "H1 2026", _EN), document=True),
        bad("en", _yaml("People", "2026", _EN[1:7]), document=True),
        bad("en", _split_owners(_EN + _EN[:5], ("Sales", "Support")), document=True),
        bad("en", _yaml("Ops", "Q2 2026", _EN[:6]).replace("owner: Ops\n", ""), document=True),
        bad("en", _yaml("Growth", "Q1 2026", [*_EN[:5], _EN[0]]), document=True),
        good("en", _yaml("Sales", "Q3 2025", _EN[:5]), document=True),
        good("en", _yaml("Sales", "Q3 2025", _EN[:2]), document=True),
        good("en", _split_owners(_EN, ("Sales", "Support")), document=True),
        good("en", _yaml("People", "2026", _EN[:3]), document=True),
        good("en", _split_owners(_EN[:6] + _EN[:4], ("Sales", "Support")), document=True),
        good("en", _yaml("Ops", "H2 2025", _EN[2:6]), document=True),
    ),
)
