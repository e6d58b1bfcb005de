"""Objective has fewer than 2 or more than 5 key results.

What it does:
    Flags an objective with fewer than `min` (2) or more than `max` (5) key
    results. An objective with no key results of its own whose children are
    aligned team objectives (objectives whose `parent` is its id or one of its
    key results' ids, or a company-level objective in the article's plain-text
    style) is the article's company-level objective and is not flagged.

Why it matters:
    The article: "Spør deg selv: «Er alle key results nødvendige for å oppnå
    vårt objective?» Hvis ja, kjempebra. Hvis nei, bruk mer tid på å lage
    tydelige key results." ("Ask yourself: are all the key results necessary to
    reach our objective? If yes, great. If no, spend more time making clear key
    results.") One key result is a single number that can be gamed; the
    article's own objectives carry three to five. More than five dilutes the
    focus OKRs exist to create ("øke fokus").

How to fix:
    With one key result, add another that measures a different side of the
    objective (quality next to quantity: "fra 48 til 24 timer" next to "fra 100
    til 200 avtaler"). With more than five, keep the ones that best show the
    objective is reached and move the rest to another objective or drop them.
    Options: `min` and `max` in `[tool.okrlint.rules.objective-key-result-count]`.
"""

from __future__ import annotations

from okrlint.alignment import COMPANY, normal_level, okr_set
from okrlint.i18n import _, ngettext
from okrlint.model import Document, Objective, Severity
from okrlint.rule import Rule, RuleContext, Target, Violation, bad, good


def check(document: Document, ctx: RuleContext):
    low, high = int(ctx.options["min"]), int(ctx.options["max"])
    the_set = okr_set(ctx.documents or (document,), document)
    for objective in document.objectives:
        if objective.unnamed:  # key results under no objective: no objective to judge
            continue
        count = len(objective.key_results)
        if count == 0 and _heads_a_cascade(objective, the_set):
            continue
        if count < low:
            yield Violation(
                _(
                    "objective has no key results; {low} to {high} show whether it is reached",
                    low=low,
                    high=high,
                )
                if count == 0
                else ngettext(
                    "objective has {n} key result; {low} to {high} show whether it is reached",
                    "objective has {n} key results; {low} to {high} show whether it is reached",
                    count,
                    low=low,
                    high=high,
                ),
                suggestion=_(
                    "add a key result that measures another side of {objective}, "
                    "ideally 'from X to Y'",
                    objective=ctx.quote(_short(objective.text)),
                ),
                element=objective,
            )
        elif count > high:
            extra = objective.key_results[high]
            yield Violation(
                _(
                    "objective has {n} key results; more than {high} dilutes its focus",
                    n=count,
                    high=high,
                ),
                suggestion=_(
                    "keep the {high} that best show it is reached; move {extra} and the rest "
                    "elsewhere or drop them",
                    high=high,
                    extra=ctx.quote(_short(extra.text)),
                ),
                element=objective,
            )


def _heads_a_cascade(objective: Objective, the_set) -> bool:
    """A company-level objective whose children are the teams' aligned objectives."""
    if normal_level(objective.level) == COMPANY:
        return True
    return bool(the_set.children.get(id(objective)))


def _short(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


_NB_ONE = """\
objectives:
  - title: Økt kundelojalitet, fordi fornøyde kunder kommer tilbake
    key_results:
      - Redusere ventetid på telefon fra ti til fem minutter
"""
_NB_NONE = """\
objectives:
  - title: Bli det foretrukne verkstedet i Drammen, fordi vi vil vokse lokalt
"""
_NB_SIX = """\
objectives:
  - title: Flere faste kunder, fordi de gir forutsigbare inntekter
    key_results:
      - Øke antall faste kunder fra 40 til 60
      - Øke gjenkjøpsraten fra 30 % til 45 %
      - Redusere frafall fra 12 % til 6 %
      - Øke snittordren fra 800 kr til 1 000 kr
      - Øke NPS fra 20 til 40
      - Øke andelen avtalekunder fra 10 % til 25 %
"""
_NB_ACTIONS_ONLY = """\
objectives:
  - title: Tryggere arbeidsplass, slik at ingen skader seg
    key_results:
      - Redusere fraværsskader fra 4 til 0
    actions:
      - Gjennomføre vernerunde hver måned
      - Kjøpe nye verktøytavler
"""
_NB_TEAM_ONE = """\
objectives:
  - id: selskap
    title: Økt omsetning i bedriften
    level: company
    key_results:
      - id: selskap-kr1
        title: Øke omsetningen fra 10 til 12 mill. kr
  - title: Økte salgsinntekter, fordi vi er best på salg
    parent: selskap-kr1
    key_results:
      - Øke salgsavtaler fra 100 til 200
"""
_NB_SEVEN = """\
- objective: Raskere saksbehandling, fordi innbyggerne venter for lenge
  key_results:
    - Redusere saksbehandlingstid fra 8 til 4 uker
    - Øke andel digitale søknader fra 60 % til 85 %
    - Redusere klager fra 40 til 20 per kvartal
    - Øke brukertilfredshet fra 3,8 til 4,4
    - Redusere restanser fra 300 til 100 saker
    - Øke andel vedtak uten purring fra 70 % til 90 %
    - Redusere feilrate i vedtak fra 5 % til 2 %
"""
_NB_TWO = """\
objectives:
  - title: Økte månedlige salgsinntekter, fordi vi er best på salg
    key_results:
      - Økte salgsavtaler fra 100 til 200
      - Økt antall salg etter utført demo fra 30 % til 50 %
"""
_NB_FIVE = """\
objectives:
  - title: Økt merkevarekjennskap, fordi vi ønsker å bli mer synlige
    key_results:
      - Økt antall leads per måned fra 50 til 100
      - Ti nye publiserte blogginnlegg
      - Økt antall unike besøkere på nettsiden fra 4 000 til 5 600
      - Fem nye produserte videoer
      - Økt antall søkeord på side én i Google fra 20 til 30
"""
_NB_CASCADE = """\
objectives:
  - id: selskap
    title: Vellykket lansering av nytt produkt i Q3
    level: company
  - title: Sørge for at produktet treffer riktig målgruppe, fordi vi har lite budsjett
    parent: selskap
    key_results:
      - Maks 50 kr brukt per konvertering
      - Redusere kostnad per dag fra 1 000 kr til 500 kr
"""
_NB_PARENT_ONLY = """\
objectives:
  - id: o1
    title: Økt omsetning i bedriften
  - title: Økt kundelojalitet, fordi kundene skal bli
    parent: o1
    key_results:
      - Redusere ventetid fra ti til fem minutter
      - Forbedre responstid fra 48 til 24 timer
"""
_NB_THREE = """\
- objective: Ferskt brød hele dagen, fordi mange kunder kommer etter jobb
  key_results:
    - Andel dager uten tomme hyller etter kl. 16 fra 60 % til 90 %
    - Redusere svinn fra 12 % til 7 %
    - Kundetilfredshet fra 4,1 til 4,5
"""
_NB_FOUR_ACTIONS = """\
objectives:
  - title: Tryggere arbeidsplass, slik at ingen skader seg
    key_results:
      - Redusere fraværsskader fra 4 til 0
      - Øke andelen rapporterte nestenulykker fra 35 til 60
      - 100 % av de ansatte har fullført førstehjelpskurs
      - Redusere sykefravær fra 6 % til 4 %
    actions:
      - Gjennomføre vernerunde hver måned
      - Kjøpe nye verktøytavler
      - Innføre digital avviksmelding
"""
_EN_ONE = """\
objectives:
  - title: Delight our enterprise customers, because they fund the roadmap
    key_results:
      - Raise enterprise NPS from 20 to 40
"""
_EN_NONE = """\
objectives:
  - title: Become the go-to bike shop in Bergen, because we want to grow locally
"""
_EN_SIX = """\
objectives:
  - title: Make onboarding effortless so that new users reach value on day one
    key_results:
      - Cut time to first invoice from 3 days to 1 day
      - Raise activation from 40% to 60%
      - Reduce onboarding tickets from 120 to 60 a month
      - Raise setup completion from 55% to 80%
      - Increase day-7 retention from 30% to 45%
      - Reduce drop-off at step 2 from 25% to 10%
"""
_EN_TEAM_ONE = """\
objectives:
  - id: company
    title: Grow revenue in the Nordics
    level: company
    key_results:
      - id: company-kr1
        title: Grow ARR from $4M to $6M
  - title: Win the mid-market, because that is where our growth is
    parent: company-kr1
    key_results:
      - Sign 12 new mid-market customers
"""
_EN_ACTIONS_ONLY = """\
objectives:
  - title: Make support our strongest side, so that customers stay
    key_results:
      - Cut first response time from 8 hours to 2 hours
    actions:
      - Hire two support agents
      - Write a macro library
"""
_EN_EIGHT = """\
- objective: Ship a checkout people trust, so that fewer carts are abandoned
  key_results:
    - Raise checkout conversion from 2.1% to 3%
    - Cut payment errors from 1.5% to 0.5%
    - Reduce checkout time from 90 to 45 seconds
    - Raise mobile conversion from 1.4% to 2.2%
    - Cut support tickets about payment from 300 to 100 a month
    - Raise saved-card usage from 20% to 40%
    - Cut refunds for failed orders from 80 to 20 a month
    - Raise express-pay share from 10% to 30%
"""
_EN_TWO = """\
objectives:
  - title: Answer customers faster, so that a ticket never costs us a renewal
    key_results:
      - Cut median first response from 6 hours to 1 hour
      - Raise CSAT from 82% to 90%
"""
_EN_FIVE = """\
objectives:
  - title: Prove mid-market buyers will pay, because investors will ask
    key_results:
      - Grow mid-market ARR from $200K to $600K
      - Sign 10 new mid-market customers
      - Raise win rate from 15% to 25%
      - Cut the sales cycle from 60 to 40 days
      - Raise average deal size from $18K to $24K
"""
_EN_CASCADE = """\
objectives:
  - id: company
    title: Launch the new product successfully in Q3
    level: company
  - title: Reach the right buyers, because our budget is small
    parent: company
    key_results:
      - Keep cost per conversion under $5
      - Cut daily ad spend from $1,000 to $500
"""
_EN_PARENT_ONLY = """\
objectives:
  - id: o1
    title: Grow revenue across the company
  - title: Keep customers longer, because churn eats our growth
    parent: o1
    key_results:
      - Cut monthly churn from 3% to 2%
      - Raise net revenue retention from 98% to 105%
"""
_EN_THREE = """\
- objective: Make line 3 the benchmark for the plant, because it sets the standard
  key_results:
    - Raise OEE from 62% to 75%
    - Cut scrap from 4% to 2%
    - Reduce changeover time from 45 to 25 minutes
"""
_EN_FOUR_ACTIONS = """\
objectives:
  - title: A workplace where nobody gets hurt, because safety comes first
    key_results:
      - Cut lost-time injuries from 6 to 0
      - Raise near-miss reports from 40 to 80
      - Cut sick leave from 5% to 4%
      - Train 100% of staff in first aid
    actions:
      - Run a monthly safety walk
      - Buy new tool boards
      - Introduce digital incident reports
"""

RULE = Rule(
    code="OKR103",
    name="objective-key-result-count",
    severity=Severity.WARNING,
    target=Target.DOCUMENT,
    summary="Objective has fewer than 2 or more than 5 key results.",
    doc=__doc__,
    check=check,
    options={"min": 2, "max": 5},
    examples=(
        bad("nb", _NB_ONE, document=True),
        bad("nb", _NB_NONE, document=True),
        bad("nb", _NB_SIX, document=True),
        bad("nb", _NB_ACTIONS_ONLY, document=True),
        bad("nb", _NB_TEAM_ONE, document=True),
        bad("nb", _NB_SEVEN, document=True),
        good("nb", _NB_TWO, document=True),
        good("nb", _NB_FIVE, document=True),
        good("nb", _NB_CASCADE, document=True),
        good("nb", _NB_PARENT_ONLY, document=True),
        good("nb", _NB_THREE, document=True),
        good("nb", _NB_FOUR_ACTIONS, document=True),
        bad("en", _EN_ONE, document=True),
        bad("en", _EN_NONE, document=True),
        bad("en", _EN_SIX, document=True),
        bad("en", _EN_TEAM_ONE, document=True),
        bad("en", _EN_ACTIONS_ONLY, document=True),
        bad("en", _EN_EIGHT, document=True),
        good("en", _EN_TWO, document=True),
        good("en", _EN_FIVE, document=True),
        good("en", _EN_CASCADE, document=True),
        good("en", _EN_PARENT_ONLY, document=True),
        good("en", _EN_THREE, document=True),
        good("en", _EN_FOUR_ACTIONS, document=True),
    ),
)
