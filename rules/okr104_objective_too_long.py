"""Objective statement (without its reason) is longer than 20 words.

What it does:
    Flags an objective whose statement — the words before its reason clause
    ("…, fordi …", "…, because …") — is longer than `max_words` (20) words.
    The reason clause is not counted: a good objective says what *and* why, and
    the why may take a sentence.

Why it matters:
    The article: an objective "bør være konkret, betydningsfullt, inspirerende
    og engasjerende" ("should be concrete, meaningful, inspiring and
    engaging"). Its good objectives are a handful of words — "Dominere
    kaffebransjen i Oslo", "Økt kundelojalitet". A statement that needs more
    than twenty words is usually several objectives, a plan, or key results
    written as prose; nobody remembers it, so it does not steer anyone.

How to fix:
    Keep the direction and cut the detail: move the how into key results or
    actions and the why into the reason clause or a `why:` field. "Bli det
    verkstedet elbileierne i Drammen, Lier og Kongsberg velger først når bilen
    trenger service, dekkskift eller …" becomes "Bli elbileiernes førstevalg i
    Drammen-regionen". Option: `max_words` in
    `[tool.okrlint.rules.objective-too-long]`.
"""

from __future__ import annotations

from okrlint.i18n import _
from okrlint.model import Objective, Severity
from okrlint.rule import Rule, RuleContext, Target, Violation, bad, good


def check(objective: Objective, ctx: RuleContext):
    limit = int(ctx.options["max_words"])
    analysis = ctx.analysis(objective)
    count = analysis.statement_words
    if count <= limit:
        return
    end = analysis.reason.start if analysis.reason else len(objective.text)
    statement = objective.text[:end].rstrip(" ,;:–—-")
    head = " ".join(statement.split()[:limit])
    yield Violation(
        _(
            "objective statement has {n} words (more than {limit}); "
            "objectives are short and memorable",
            n=count,
            limit=limit,
        ),
        suggestion=_(
            "cut {head} to the direction alone and move the detail into key results or actions",
            head=ctx.quote(head + " …"),
        ),
        highlight=(0, len(statement)),
    )


RULE = Rule(
    code="OKR104",
    name="objective-too-long",
    severity=Severity.INFO,
    target=Target.OBJECTIVE,
    summary="Objective statement (without its reason) is longer than 20 words.",
    doc=__doc__,
    check=check,
    options={"max_words": 20},
    examples=(
        bad(
            "nb",
            "Bli det verkstedet elbileierne i Drammen, Lier og Kongsberg velger først når bilen "
            "trenger service, dekkskift, reparasjon eller en ny lader hjemme i garasjen",
        ),
        bad(
            "nb",
            "Vi skal gjøre kundeservice til den delen av bedriften som kundene snakker mest om, "
            "både i butikk, på telefon, i chat og i sosiale medier, fordi det gir gjenkjøp",
        ),
        bad(
            "nb",
            "Forbedre, forenkle og digitalisere hele prosessen fra første henvendelse til ferdig "
            "vedtak for alle søknader om hjemmetjenester, trygghetsalarm og omsorgsbolig i kommunen",
        ),
        bad(
            "nb",
            "Økt kundelojalitet gjennom bedre opplæring, raskere svar, færre feil, mer personlig "
            "oppfølging og et nytt kundeprogram som belønner de kundene som handler oftest",
        ),
        bad(
            "nb",
            "Et lager der alle vet hvor varene står, plukkerne slipper å lete, trucker ikke står "
            "i kø og leveransene går ut i tide hver eneste dag i uka",
        ),
        bad(
            "nb",
            "Lansere nettbutikken på nytt med ny design, ny betalingsløsning, nye produktsider, "
            "bedre søk og raskere levering til hele landet i løpet av høsten",
        ),
        good(
            "nb",
            "Dominere kaffebransjen i Oslo, fordi vi ønsker å slå den største konkurrenten vår",
        ),
        good("nb", "Økt kundelojalitet"),
        good(
            "nb",
            "Bli elbileiernes førstevalg i Drammen, fordi elbilene er den raskest voksende "
            "delen av markedet og fordi vi har investert tungt i utstyr og opplæring",
        ),
        good("nb", "Vellykket lansering av nytt produkt i Q3"),
        good(
            "nb",
            "Et ryddig og trygt verksted, slik at ingen skader seg, kundene får et godt "
            "inntrykk og vi slipper å lete etter verktøy når det haster som mest",
        ),
        good("nb", "Gjøre kundeservice til vår sterkeste side, slik at kundene blir værende"),
        bad(
            "en",
            "Turn the Harbour restaurant into a destination in its own right for locals, not "
            "just a breakfast room for hotel guests, with a menu built on local produce",
        ),
        bad(
            "en",
            "Make our engineering school the first choice for students in the region who want "
            "a hands-on degree that leads straight into a well-paid job in industry",
        ),
        bad(
            "en",
            "We will redesign, rebuild and relaunch the customer portal with single sign-on, "
            "better search, a new billing page and a help centre, because customers complain",
        ),
        bad(
            "en",
            "Improve the onboarding flow, the developer documentation, the support macros, the "
            "status page and the community forum for every paying plan so that customers find answers",
        ),
        bad(
            "en",
            "Get every family out of temporary accommodation and into a permanent home with a "
            "tenancy they can keep, near schools, transport and the support services they use",
        ),
        bad(
            "en",
            "A warehouse where everyone knows where stock is, pickers never search, trucks never "
            "queue and every order leaves on time every single day of the week",
        ),
        good(
            "en", "Become the go-to coffee shop in Oslo, because we want to beat our biggest rival"
        ),
        good("en", "Delight our customers"),
        good(
            "en",
            "Make housekeeping a job people want to stay in, as turnover is hurting service "
            "quality across every property and costing us heavily in agency fees",
        ),
        good("en", "Launch the new product successfully in Q3"),
        good(
            "en",
            "Make deploying to production a non-event so that teams ship whenever they are "
            "ready, without a release train, a change board or a weekend on call",
        ),
        good("en", "Win the mid-market segment, because that is where the money is"),
    ),
)
