"""Key result names a metric and a starting value but no target.

What it does:
    Flags a key result that names a metric and where it starts but not where
    it should end: "Øke salget fra 100 biler", "Reduce churn from 5 %",
    "Improve conversion from the current 2.1 %", "Redusere klager fra dagens
    48 i året", "Increase weekly active students (currently 18,000)", or a key
    result with a `baseline:` or `current:` field and no `target:`. A stated
    amount of change ("fra 100, med 20 %"), a limit ("under 5 %"), a goal in
    words ("i dag 61 %, mål 85 %") or a level written before a bracketed
    starting value ("Listed in 300 pharmacies (currently 120)") counts as a
    target, in the text or as a field.

Why it matters:
    A key result must answer the article's question "Hvordan vet vi om vi har
    nådd vårt objective?" ("How do we know we have reached our objective?").
    Without a target there is no finish line: any movement away from the start
    looks like success. The article's good key results name both ends: "fra
    100 til 200", "fra 48 til 24 timer".

How to fix:
    Add the target after the starting value: "Øke salget fra 100 biler"
    becomes "Øke salget fra 100 til 130 biler"; in YAML add `target:`.
"""

from __future__ import annotations

from okrlint.rules._stated import stated

from okrlint.i18n import _
from okrlint.model import KeyResult, Severity
from okrlint.rule import Rule, RuleContext, Target, Violation, bad, good


def check(kr: KeyResult, ctx: RuleContext):
    analysis = ctx.analysis(kr)
    ends = stated(kr, analysis, ctx)
    if ends.baseline is None or ends.has_target or ends.baseline.placeholder:
        return  # no start, an end somewhere (text, field or limit), or "fra x" (OKR205)
    if analysis.business_as_usual is not None:
        return  # "Keep the current 99.9 % uptime": the level today is the target
    if ends.baseline_field is not None:
        value = getattr(kr, ends.baseline_field)
        message = (
            _("key result has a baseline ({value}) but no target", value=value)
            if ends.baseline_field == "baseline"
            else _("key result has a current value ({value}) but no target", value=value)
        )
        yield Violation(
            message,
            suggestion=_(
                "add 'target:' next to '{field}: {value}'", field=ends.baseline_field, value=value
            ),
        )
        return
    to_word = "til" if ctx.lang == "nb" else "to"
    start = ends.baseline
    rewrite = f"{kr.text[: start.end].rstrip()} {to_word} Y"
    yield Violation(
        _("key result starts from {words} but has no target", words=ctx.quote(start.text)),
        suggestion=_("add the target: {rewrite}", rewrite=ctx.quote(rewrite)),
        highlight=(start.start, start.end),
    )


RULE = Rule(
    code="OKR204",
    name="kr-missing-target",
    severity=Severity.ERROR,
    target=Target.KEY_RESULT,
    summary="Key result names a metric and a starting value but no target.",
    doc=__doc__,
    check=check,
    examples=(
        bad("nb", "Øke salget fra 100 biler"),
        bad("nb", "Redusere turnover fra 38 %"),
        bad("nb", "Øke antall anmeldelser på Trustpilot fra 120"),
        bad("nb", "Gjennomsnittlig sparebeløp per kunde fra 800 kr i måneden"),
        bad("nb", "Kortere leveringstid fra 5 dager"),
        bad("nb", "Redusere avviste søknader fra dagens 120 i måneden"),
        bad("nb", "Øke andelen fornøyde brukere (i dag 64 %)"),
        bad(
            "nb",
            "objectives:\n  - title: Bli kundenes førstevalg, fordi vi vil vokse\n"
            "    key_results:\n      - title: Øke antall påmeldte til nyhetsbrevet\n"
            "        current: 3200\n      - Ti nye artikler i hjelpesenteret\n",
            document=True,
        ),
        bad(
            "nb",
            "objectives:\n  - title: Bli kundenes førstevalg, fordi vi vil vokse\n"
            "    key_results:\n      - title: Besøk på hjelpesenteret per måned\n"
            "        baseline: 4000\n      - title: Ti nye artikler i hjelpesenteret\n",
            document=True,
        ),
        good("nb", "Øke salget fra 100 til 130 biler"),
        good("nb", "Redusere turnover fra 38 % til 30 %"),
        good("nb", "Øke antall anmeldelser med 50 %, fra 120"),
        good("nb", "Få tilbakemelding fra 30 kunder på den nye appen"),
        good("nb", "Økt eNPS med 15 %"),
        good("nb", "Fornøyde leietakere: i dag 70 %, mål 82 %"),
        good("nb", "Solgt i 300 butikker (i dag 120)"),
        good("nb", "Øke andelen fornøyde brukere til 80 % (i dag 64 %)"),
        good(
            "nb",
            "objectives:\n  - title: Bli kundenes førstevalg, fordi vi vil vokse\n"
            "    key_results:\n      - title: Besøk på hjelpesenteret per måned\n"
            "        baseline: 4000\n        target: 6000\n"
            "      - title: Ti nye artikler i hjelpesenteret\n",
            document=True,
        ),
        good(
            "nb",
            "objectives:\n  - title: Trygge pasienter, fordi skade kan unngås\n"
            "    key_results:\n      - title: Redusere dødeligheten til 10 %\n"
            "        baseline: 14\n      - title: Fire av fem pasienter svarer på PREM\n",
            document=True,
        ),
        bad("en", "Reduce churn from 5%"),
        bad("en", "Increase the annual plan share from 20%"),
        bad("en", "Lower overdue receivables from €1.2M"),
        bad("en", "Inventory cover for critical parts from 20 days"),
        bad("en", "Next-day delivery cost per parcel from NOK 95"),
        bad("en", "Improve trial conversion from the current 3.1 %"),
        bad("en", "Grow active clinics on the platform (current is 340)"),
        bad("en", "Late deliveries per week (baseline 120)"),
        bad(
            "en",
            "objectives:\n  - title: Keep patients safe, because harm is avoidable\n"
            "    key_results:\n      - title: Sickness absence rate\n        baseline: 6.1%\n"
            "      - title: Hand hygiene audits at 95% or above\n",
            document=True,
        ),
        good(
            "en",
            "objectives:\n  - title: Keep patients safe, because harm is avoidable\n"
            "    key_results:\n      - title: Cut sickness absence to 4.5%\n"
            "        baseline: 6.1%\n      - title: Hand hygiene audits at 95% or above\n",
            document=True,
        ),
        good("en", "Reduce churn from 5% to 3%"),
        good("en", "Increase the annual plan share from 20% to 30%"),
        good("en", "Collect feedback from 30 customers on the beta"),
        good("en", "Repeat business from 3 out of 4 clients"),
        good("en", "Grow revenue by 20% from $2M"),
        good("en", "Reduce late deliveries to 20 per week (baseline 120)"),
        good("en", "Keep the current 99.9 % uptime through the migration"),
        good("en", "Listed in 300 pharmacies (currently 120)"),
        good("en", "Weekly riders: currently 4,100, goal 6,000"),
        good(
            "en",
            "objectives:\n  - title: Keep patients safe, because harm is avoidable\n"
            "    key_results:\n      - title: Sickness absence rate\n        baseline: 6.1%\n"
            "        target: 4.5%\n      - title: Hand hygiene audits at 95% or above\n",
            document=True,
        ),
    ),
)
