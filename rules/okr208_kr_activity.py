"""Key result is a task, deliverable or ritual rather than a measured outcome.

What it does:
    Flags a key result that describes a task, a deliverable or a recurring
    ritual instead of a measured result: it opens with an activity verb
    ("Lage", "Gjennomføre", "Implementere", "Ta frem"; "Build", "Launch",
    "Hold", "Set up") and states no measured result, or it describes a
    ritual ("Ukentlig coaching av medarbeidere", "Bedriftslunsj gjennomført en
    gang per måned", "Hold weekly stand-ups"). Counts of produced output that
    the article accepts ("Ti nye publiserte blogginnlegg", "Publish 12 case
    studies", "Lage tre nye helgepakker") are not flagged, nor is anything that
    measures a result after all: a from → to change, a limit, a percentage
    ("Automate 30 % of password resets") or a baseline / target field. A count
    of events held is still the task ("Holde 4 informasjonsmøter", "Run 12
    webinars"), and so is a count that is the task's scope ("Upgrade 40 ticket
    machines", "Launch buses in 4 zones", "Launch 3 pop-up clinics": a
    launch counts output only when it is new). Milestones are activities too:
    getting certified or accredited ("Get the depot ISO 14001 certified", "Bli
    sertifisert etter ISO 27001"), a go-live ("generally available by June"),
    a deliverable as the object ("Signere rammeavtale med …") and the state of a
    finished task ("Risk register complete for every site", "Alle skjemaer
    fjernet innen 1. juli").

Why it matters:
    The article keeps actions apart from key results: "Actions for slike key
    results kan være: Laget en konkurrentanalyse …, Laget en plan for å
    implementere nye produktegenskaper" (actions for such key results can be:
    made a competitor analysis …, made a plan to implement new product
    features). A key result answers "Hvordan vet jeg om jeg når mitt
    objective?" ("How do I know whether I reach my objective?"); a task can be
    done to the letter while nothing improves.

How to fix:
    Move the task to the objective's `actions`, and write the key result as the
    outcome the task should bring about: "Ukentlig coaching av medarbeidere"
    becomes the action, and the key result "Andel saker løst i første
    henvendelse fra 60 % til 75 %".
"""

from __future__ import annotations

from okrlint.rules._stated import field_given, field_has_number, field_quantity

from okrlint.i18n import _
from okrlint.language.analysis import Analysis, QuantityKind, TextSpan
from okrlint.model import KeyResult, Severity
from okrlint.rule import Rule, RuleContext, Target, Violation, bad, good

WHAT = {
    "ritual": _("key result is a recurring ritual ({words}), not an outcome"),
    "deliver": _("key result is a deliverable ({words}), not an outcome"),
    "milestone": _("key result is a milestone ({words}), not an outcome"),
}


def check(kr: KeyResult, ctx: RuleContext):
    analysis = ctx.analysis(kr)
    marker = analysis.activity
    if marker is None or _measured(analysis, marker) or _fields_measure(kr, analysis, ctx):
        return
    what = WHAT.get(marker.label, _("key result is an activity ({words}), not an outcome"))
    yield Violation(
        _(what.msgid, words=ctx.quote(marker.text)),
        suggestion=_(
            "move {text} to 'actions' and measure the result it should bring, from X to Y",
            text=ctx.quote(kr.text),
        ),
        highlight=(marker.start, marker.end),
    )


def _fields_measure(kr: KeyResult, analysis: Analysis, ctx: RuleContext) -> bool:
    """Whether baseline / current / target fields (or a table's columns) measure the key
    result: a level that changes from one value to another, or a percentage, amount or
    duration ("Lifts ready for use at 07:00 | 88 % | 96 %"). A lone count measures what a
    count written in the text would: output after a verb that produces it ("Publish case
    studies", target 12), not the scope of a task or events held ("Run workshops", target 6)."""
    given = [name for name in ("baseline", "current", "target") if field_given(kr, name)]
    if not given:
        return False
    if len(given) > 1 and "target" in given:
        return True
    if not any(field_has_number(kr, name, ctx) for name in given):
        return False  # "| Ladeanlegg ferdigstilt | | innen Q3 |": a deadline measures nothing
    values = [field_quantity(kr, name, ctx) for name in given]
    if any(q is not None and q.kind is not QuantityKind.ABSOLUTE for q in values):
        return True
    return analysis.event is None and analysis.ritual is None and analysis.count_is_output


def _measured(analysis: Analysis, marker: TextSpan) -> bool:
    """Whether the key result measures a result after all, whatever its verb."""
    change = analysis.change
    if change is not None and (change.baseline is not None or change.target is not None):
        return True  # "Support tickets from 300 to 100 a month"
    real = [q for q in analysis.quantities if not q.placeholder]
    if analysis.limit is not None or any(q.kind is QuantityKind.PERCENT for q in real):
        return True  # "Automate 30 % of password resets", "Call abandonment below 8 %"
    if analysis.event is not None:
        return False  # "Hold 4 workshops": a count of events held is the task itself
    # Counts of output or reach are results, a placeholder count too ("N millioner brev
    # sendt"); durations ("20 minutter lesing"), counts that only describe ("in the 20
    # largest stores") and determiners ("with no major findings") are part of the task.
    counts = [
        q
        for q in analysis.quantities
        if q.kind is not QuantityKind.DURATION and not q.definite and not q.article
    ]
    if marker.label == "ritual" or analysis.ritual is not None:
        # "Publisere ti videosaker i uka" and "Sign 30 new clinics for the weekly digest" are
        # results; "Hold one office hour per week" is not
        lead = analysis.lead_verb
        return (
            lead is not None
            and lead.label in ("deliver", "achieve")
            and any(0 < q.start - lead.end <= 1 for q in counts)
        )
    lead = analysis.lead_verb
    if marker.label == "milestone" and lead is not None and lead.label == "achieve":
        # "Reach 500 certified installers" and "Sign agreements with n new companies" count a
        # result; in "Get ISO 50001 certified at 6 hotels" and "Få på plass … i 42 apotek"
        # the count is where the milestone is reached
        adjacent = any(0 < q.start - lead.end <= 1 for q in counts)
        return analysis.new_items or adjacent or any(q.placeholder for q in counts)
    # "Lage tre nye helgepakker", "10 000 kunder har opprettet …"; not the scope of a task
    # ("Oppgradere 120 nettstasjoner", "Launch buses in 4 zones")
    return analysis.output_count


RULE = Rule(
    code="OKR208",
    name="kr-activity",
    severity=Severity.INFO,
    target=Target.KEY_RESULT,
    summary="Key result is a task, deliverable or ritual rather than a measured outcome.",
    doc=__doc__,
    check=check,
    examples=(
        bad("nb", "Ukentlig coaching av medarbeidere for å holde de oppdatert"),
        bad("nb", "Bedriftslunsj gjennomført en gang per måned"),
        bad("nb", "Laget en plan og implementert pause-trim for selskapet"),
        bad("nb", "Ta frem markedsføringsmateriale"),
        bad("nb", "Innføre talegjenkjenning i journalen"),
        bad("nb", "Arrangere fagdag for alle lærerne i august"),
        bad("nb", "Gjennomføre 12 dialogmøter med NAV"),
        good("nb", "Ti nye publiserte blogginnlegg"),
        good("nb", "Økte salgsavtaler fra 100 til 200"),
        good("nb", "Redusert ventetid på telefon-support fra ti til fem minutter"),
        good("nb", "Lansere to nye produktfunksjonaliteter"),
        good("nb", "Fem nye produserte videoer"),
        good("nb", "Minst 90 % av pasientene triagert innen 15 minutter"),
        bad("nb", "Få bakeriet sertifisert etter ISO 22000"),
        bad("nb", "Oppgradere 80 gatelys til LED"),
        bad("nb", "Starte svømmekurs i tre nye bydeler"),
        bad("nb", "Alle papirskjemaer fjernet innen 1. juli"),
        bad("nb", "Signere rammeavtale med Posten"),
        good("nb", "Lage tre nye kurspakker for seniorer"),
        good("nb", "Ansette fire nye sykepleiere på nattskiftet"),
        bad("en", "Launch the new website"),
        bad("en", "Hold weekly stand-ups with the sales team"),
        bad("en", "Build a customer health dashboard"),
        bad("en", "Set up a partner portal"),
        bad("en", "Run a monthly webinar for prospects"),
        bad("en", "Implement single sign-on"),
        bad("en", "Run 12 webinars for prospects"),
        good("en", "Publish 12 customer case studies"),
        good("en", "Increase trial-to-paid conversion from 9% to 13%"),
        good("en", "Hire 2 senior backend engineers"),
        good("en", "Reduce median support response time from 48 to 24 hours"),
        good("en", "95% of complaints answered within 10 working days"),
        good("en", "Ship 3 new integrations used by at least 100 customers each"),
        bad("en", "Get the new warehouse ISO 14001 certified"),
        bad("en", "Launch 3 pop-up clinics in rural towns"),
        bad("en", "Upgrade 40 ticket machines"),
        bad("en", "Online booking live in all branches by May"),
        bad("en", "Staff handbook rewritten for the new leave policy"),
        bad("en", "Door-to-door outreach to every tenant in arrears"),
        good("en", "Launch 2 new self-service features in the app"),
        good("en", "Appoint three fire wardens for the new building"),
        good("en", "Fewer faults reported by bus drivers"),
        bad(
            "en",
            "objectives:\n  - title: Win the region's SMEs, because they buy on trust\n"
            "    key_results:\n      - title: Run customer workshops\n        target: 6\n"
            "      - title: Upgrade ticket machines\n        target: 40\n",
            document=True,
        ),
        good(
            "en",
            "objectives:\n  - title: Win the region's SMEs, because they buy on trust\n"
            "    key_results:\n      - title: Publish customer stories\n        target: 10\n"
            "      - title: Hire account managers\n        target: 3\n",
            document=True,
        ),
    ),
)
