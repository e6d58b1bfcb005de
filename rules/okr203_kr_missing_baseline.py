"""Key result changes a level (a target or an amount) but gives no starting value.

What it does:
    Flags a key result that changes an existing level — with a change verb or
    noun such as "øke", "redusere", "forbedre", "halvere"; "increase",
    "reduce", "grow", "double", or a multiplier compared ("halvparten så
    mange … som i fjor", "twice as many … as last year") — and gives a target
    or an amount but no starting value: "Økt eNPS med 15 %", "Increase NPS to
    50". Counts of new
    things start at zero and are not flagged ("Ti nye publiserte
    blogginnlegg", "Hire 2 engineers"), nor are absolute levels without a
    change verb ("Solgt minst 1 000 produkter", "Maks 50 kr per konvertering")
    or key results with a starting value in words ("currently 18,000", "fra
    dagens 48", "i dag 71 %", "baseline 340", "N → M") or in a `baseline:` /
    `current:` field, nor a change that states both a difference and a target
    ("Decrease CAC by $20 to $180": it starts at $200). A percentage and a
    target in another unit do not state the start ("by 8 % to 410 kWh"), and
    a placeholder target is no start either ("to TBD" is OKR205 and OKR203).

Why it matters:
    The article's ideal key result is a change from one value to another:
    "Økte salgsavtaler fra 100 til 200", "Redusert ventetid på telefon-support
    fra ti til fem minutter". Its HR example "Økt eNPS (employee Net Promoter
    Score) med 15 %" leaves out where the score stands today, so nobody can
    tell whether 15 % is ambitious or trivial, or check progress mid-quarter.
    "Et key result viser hvordan du ligger an med å nå ditt objective" (a key
    result shows how you are doing on the way to your objective) — that needs
    a starting point.

How to fix:
    Add today's value and state the change as from → to: "Økt eNPS med 15 %"
    becomes "Økt eNPS fra 20 til 23"; "Increase NPS to 50" becomes "Increase
    NPS from 38 to 50". In YAML you may give a `baseline:` field instead.
"""

from __future__ import annotations

from okrlint.rules._stated import field_given, start_field, stated

from okrlint.i18n import _
from okrlint.language.analysis import Analysis, Quantity, QuantityKind
from okrlint.model import KeyResult, Severity
from okrlint.rule import Rule, RuleContext, Target, Violation, bad, good

FORMS = {
    "nb": ("fra X til {target}", "fra X til …"),
    "en": ("from X to {target}", "from X to …"),
}


def check(kr: KeyResult, ctx: RuleContext):
    analysis = ctx.analysis(kr)
    reached = analysis.change is not None and analysis.change.reached
    if analysis.direction == 0 and not reached:
        return  # a plain level ("99.95 % availability"); "Bay utilisation to 85 %" is a change
    ends = stated(kr, analysis, ctx)
    if ends.baseline is not None or start_field(kr) is not None:
        return  # in the text ("fra 48", "currently 18,000") or a baseline / current field,
        # even one whose value okrlint cannot use as a number: the writer did give a start
    change = analysis.change
    if ends.target_field is not None:
        yield from _structured_target(kr, analysis, ctx)
        return
    if change is None:
        return
    stated_end = change.target or change.amount
    if stated_end is None or change.amount_is_new:
        return
    both = change.target is not None and change.amount is not None
    if both and _start_follows(change.amount, change.target):
        return  # "Decrease CAC by $20 to $180": the start is $200
    yield Violation(
        _(
            "key result changes a level ({words}) without its starting value",
            words=ctx.quote(stated_end.text),
        ),
        suggestion=_(
            "add the starting value: {rewrite}", rewrite=ctx.quote(_rewrite(analysis, ctx.lang))
        ),
        highlight=(stated_end.start, stated_end.end),
    )


def _start_follows(amount: Quantity, target: Quantity) -> bool:
    """Whether an amount and a target together state the start: a difference in the target's
    terms ("by $20 to $180", "by 2 points to 3 %", "doble til 1 000"), not a percentage of an
    unstated level ("by 8 % to 410 kWh")."""
    if amount.placeholder or target.placeholder:
        return False
    return amount.kind is not QuantityKind.PERCENT or target.kind is QuantityKind.PERCENT


def _structured_target(kr: KeyResult, analysis: Analysis, ctx: RuleContext):
    """ "Increase invoices paid on time" with `target: 95`: a change verb and a target
    field, and no starting value in the text or a `baseline` / `current` field."""
    change = analysis.change
    if change is not None and change.amount is not None and not change.amount.placeholder:
        return  # "Cut CAC by $20" with `target: 180` starts at $200; "20 new" starts at zero
    target = f"{kr.target}{' ' + kr.unit if kr.unit and field_given(kr, 'unit') else ''}"
    yield Violation(
        _(
            "key result changes a level (target {target}) without its starting value",
            target=ctx.quote(target),
        ),
        suggestion=_("add a 'baseline:' field with today's value"),
        highlight=(analysis.direction_span.start, analysis.direction_span.end)
        if analysis.direction_span is not None
        else None,
    )


def _rewrite(analysis: Analysis, lang: str) -> str:
    """The user's words with the change written as from X to the target."""
    change = analysis.change
    with_target, open_target = FORMS.get(lang, FORMS["en"])
    if change.target is not None:
        cut = change.span.start if change.span is not None else change.target.start
        form = with_target.format(target=change.target.text)
    else:
        cut = change.span.start if change.span is not None else change.amount.start
        form = open_target
    head = analysis.text[:cut].rstrip(" ,:–-")
    return f"{head} {form}" if head else form


RULE = Rule(
    code="OKR203",
    name="kr-missing-baseline",
    severity=Severity.WARNING,
    target=Target.KEY_RESULT,
    summary="Key result changes a level (a target or an amount) but gives no starting value.",
    doc=__doc__,
    check=check,
    examples=(
        bad("nb", "Økt eNPS (employee Net Promoter Score) med 15 %"),
        bad("nb", "Øke NPS til 45"),
        bad("nb", "Redusere antall fysiske nattbesøk med 30 %"),
        bad("nb", "Doble antall deltakere på onsdagskafeen"),
        bad("nb", "Halvparten så mange avlyste timer som i fjor"),
        bad("en", "Twice as many returning volunteers as last summer"),
        bad("nb", "Vi halverer ventetiden på legevakten"),
        bad("nb", "Gjennomsnittlig ordreverdi økes med 150 kr"),
        bad("nb", "Øke andelen digitale timebestillinger til [mål]"),
        bad("nb", "Redusere strømforbruket per tonn med 5 % til 300 kWh"),
        good("nb", "Økte salgsavtaler fra 100 til 200"),
        good("nb", "Ti nye publiserte blogginnlegg"),
        good("nb", "Solgt minst 1 000 produkter i Q3"),
        good("nb", "Maks 50 kr brukt per konvertering i digital markedsføring"),
        good("nb", "Få 2 000 nye kunder som kjøper løpesko"),
        good("nb", "Redusere kostnad for digital markedsføring fra 1 000 kr til 500 kr per dag"),
        good("nb", "Øke svarprosenten fra dagens 41 % til 60 %"),
        good("nb", "Redusere ventetiden til 20 minutter (i dag 35)"),
        bad("en", "Increase NPS to 50"),
        bad("en", "Reduce churn by 2 percentage points"),
        bad("en", "Lift average revenue per account by 18%"),
        bad("en", "Changeover time reduced by 40%"),
        bad("en", "Halve the number of failed deployments"),
        bad("en", "Help-centre article views per month grow to 50k"),
        bad("en", "Raise the on-time delivery rate to TBD"),
        bad("en", "Cut water use per room by 6 % to 180 litres"),
        good("en", "Increase NPS from 38 to 50"),
        good("en", "Hire 2 senior backend engineers"),
        good("en", "Sign 5 new channel partners in Germany"),
        good("en", "NPS of at least 50 in the Q3 survey"),
        good("en", "Cut cloud spend from $40k to $28k per month"),
        good("en", "Reduce failed deployments by 50%, from 12 to 6 per month"),
        good("en", "Cut returns from the current 9 % to 6 %"),
        good("en", "Grow weekly active readers to 9,000 (currently 7,200)"),
    ),
)
