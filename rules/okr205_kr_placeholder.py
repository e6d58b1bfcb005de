"""Key result has a placeholder ('fra x til y', 'TBD', 'XX %') instead of a number.

What it does:
    Flags a key result that holds a place for a number nobody has filled in:
    "fra x til y", "XX %", "??", "TBD" (also as a target: "to TBD"), bracketed
    slots ("[target]", "[antall]", "<N>"), letter amounts ("$X", "NOK X
    mill."), "N new users", a numbered stand-in ("Key result 4") — in the text
    or in a `baseline` / `target` field. A placeholder is not "no number"
    (OKR201); a placeholder target with no starting value is also OKR203.

Why it matters:
    The article's own draft has one: "Økt NPS fra x til y før Q4". A key
    result should answer "Hvordan vet jeg om jeg når mitt objective?" ("How do
    I know whether I reach my objective?"); with a placeholder it cannot. It is
    a draft that was never finished, and it will be scored as if it were.

How to fix:
    Fill in the numbers before the quarter starts. If the starting value is
    unknown, measure it first (make that an action) and set the target from
    it: "Økt NPS fra 32 til 45 før Q4".
"""

from __future__ import annotations

from okrlint.i18n import _
from okrlint.model import KeyResult, Severity
from okrlint.rule import Rule, RuleContext, Target, Violation, bad, good


def check(kr: KeyResult, ctx: RuleContext):
    analysis = ctx.analysis(kr)
    if analysis.placeholders:
        first = analysis.placeholders[0]
        words = ", ".join(ctx.quote(p.text) for p in analysis.placeholders)
        yield Violation(
            _("key result has a placeholder ({words}) instead of a number", words=words),
            suggestion=_(
                "replace {first} with the real value; if the starting value is unknown, "
                "measure it first and make that an action",
                first=ctx.quote(first.text),
            ),
            highlight=(first.start, first.end),
        )
        return
    for name in ("baseline", "target"):
        value = getattr(kr, name)
        if isinstance(value, str) and ctx.analysis(value).placeholders:
            message = (
                _("key result's baseline is a placeholder ({value})", value=ctx.quote(value))
                if name == "baseline"
                else _("key result's target is a placeholder ({value})", value=ctx.quote(value))
            )
            yield Violation(message, suggestion=_("set '{field}:' to the real value", field=name))
            return


RULE = Rule(
    code="OKR205",
    name="kr-placeholder",
    severity=Severity.ERROR,
    target=Target.KEY_RESULT,
    summary="Key result has a placeholder ('fra x til y', 'TBD', 'XX %') instead of a number.",
    doc=__doc__,
    check=check,
    examples=(
        bad("nb", "Økt NPS fra x til y før Q4"),
        bad("nb", "Redusere sykefraværet fra XX % til 5 %"),
        bad("nb", "Sidevisninger fra TBD til 1,2 millioner per måned"),
        bad("nb", "Få [N] nye bedriftskunder på kantineavtale"),
        bad("nb", "Svarprosent på medarbeiderundersøkelsen: ???"),
        bad("nb", "Andel digitale søknader øker til X %"),
        bad("nb", "Øke omsetningen i kantina til kr X"),
        bad("nb", "Verve [antall] nye givere til innsamlingen"),
        bad("nb", "Nøkkelresultat n"),
        good("nb", "Økt NPS fra 32 til 45 før Q4"),
        good("nb", "Redusere sykefraværet fra 7 % til 5 %"),
        good("nb", "Ti nye publiserte blogginnlegg"),
        good("nb", "Selge x-serien til 40 nye forhandlere"),
        good("nb", "Lansere versjon 2 av appen for 5 000 brukere"),
        good("nb", "Minst 90 % av pasientene triagert innen 15 minutter"),
        good("nb", "Øke salget av gavekort til kr 400 000"),
        bad("en", "Raise NPS from x to y by Q4"),
        bad("en", "Dependency scanning on XX% of repositories"),
        bad("en", "Follow-up call within 48 hours for TBD% of patients"),
        bad("en", "N new app users in the first month"),
        bad("en", "Setup wizard NPS from ??? to 40"),
        bad("en", "Employees paid below their band midpoint from [N]% to 10%"),
        bad("en", "Lift partner-channel sales to $X"),
        bad("en", "Onboard [number] new schools to the pilot"),
        bad("en", "Key result 7"),
        good("en", "Raise NPS from 32 to 45 by Q4"),
        good("en", "Ship the X-ray viewer to 12 clinics"),
        good("en", "Dependency scanning on 95% of repositories"),
        good("en", "Grow Series A pipeline from $1M to $2.5M"),
        good("en", "Win 3 new logos in the Nordics"),
        good("en", "Cut p95 latency from 800 ms to 300 ms"),
        good("en", "Lift partner-channel sales to $2M"),
    ),
)
