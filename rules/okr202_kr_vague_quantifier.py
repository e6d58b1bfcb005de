"""Key result states a subjective amount ('flere', 'many', 'better') without a number.

What it does:
    Flags a key result that states an amount in subjective words — "flere",
    "mange", "mer", "bedre", "høyere", "betydelig"; "more", "many", "better",
    "significant", "lots" — where no number quantifies that word. "20 % flere
    kunder", "more than 50" and "from 5 % to 3 %" are measured, not vague.
    Vague amounts inside noun phrases count ("many files", "large data sets",
    "tilstrekkelig opplæring"); size words that name a category next to a
    number do not ("less than 25 % feel high stress"), nor fixed terms
    ("higher education", "høyere utdanning", "meråpent"), nor a change verb
    alone ("Økt trivsel", "Improved onboarding": OKR201's concern).

Why it matters:
    The article: "«Få mange følgere på Facebook» er subjektivt. Det er derfor
    det er viktig å konkretisere og tallfeste key results, slik at hele
    organisasjonen jobber mot de samme målene." ("'Get many followers on
    Facebook' is subjective. That is why it is important to make key results
    concrete and put numbers on them, so that the whole organisation works
    towards the same goals.") Two people will read "flere" as two different
    targets, and nobody can say at the end of the quarter whether it was met.

How to fix:
    Replace the vague word with the number you mean, ideally as a change from a
    starting value: "Selge flere biler" becomes "Selge fra 120 til 150 biler per
    kvartal"; "Get lots of followers" becomes "Grow Instagram followers from
    2,000 to 5,000".
"""

from __future__ import annotations

from okrlint.rules._stated import field_given, field_has_number

from okrlint.i18n import _
from okrlint.model import KeyResult, Severity
from okrlint.rule import Rule, RuleContext, Target, Violation, bad, good


def check(kr: KeyResult, ctx: RuleContext):
    # Praise words ("world-class", "god") are vague but state no amount.
    vague = [v for v in ctx.analysis(kr).vague if v.label != "quality"]
    in_text = bool(vague)
    if not vague and field_given(kr, "target") and not field_has_number(kr, "target", ctx):
        # "| Reduce café food waste | 22 % of stock | lower |": the target cell is vague
        cell = ctx.analysis(str(kr.target).strip())
        vague = [v for v in cell.vague if v.label != "quality"]
    if not vague:
        return
    first = vague[0]
    words = ", ".join(ctx.quote(v.text) for v in vague)
    form = "fra X til Y" if ctx.lang == "nb" else "from X to Y"
    yield Violation(
        _("key result uses a vague amount ({words}) that nobody can check", words=words),
        suggestion=_(
            "replace {first} with the number you mean, e.g. {form}",
            first=ctx.quote(first.text),
            form=ctx.quote(form),
        ),
        highlight=(first.start, first.end) if in_text else None,
    )


RULE = Rule(
    code="OKR202",
    name="kr-vague-quantifier",
    severity=Severity.WARNING,
    target=Target.KEY_RESULT,
    summary="Key result states a subjective amount ('flere', 'many', 'better') without a number.",
    doc=__doc__,
    check=check,
    examples=(
        bad("nb", "Selge flere biler"),
        bad("nb", "Få mange følgere på Facebook"),
        bad("nb", "Betydelig kortere behandlingstid for søknader om byggetillatelse"),
        bad("nb", "Bedre svartid på e-post fra kunder"),
        bad("nb", "Øke omsetningen med 20 % og få flere faste kunder"),
        bad("nb", "Mye høyere deltakelse på foreldremøtene"),
        good("nb", "Økte salgsavtaler fra 100 til 200"),
        good("nb", "Få 20 % flere gjentakende kunder i nettbutikken"),
        good("nb", "Flere enn 200 påmeldte til høstløpet"),
        good("nb", "Redusert ventetid på telefon-support fra ti til fem minutter"),
        good("nb", "Ti nye publiserte blogginnlegg"),
        good("nb", "Øke andelen elever som består matte fra 78 % til 85 %"),
        bad("nb", "Tilstrekkelig bemanning på alle nattskift"),
        bad("nb", "Lagre store mengder loggdata uten forsinkelse"),
        good("nb", "Øke andelen lærlinger som går videre til høyere utdanning fra 22 % til 30 %"),
        good("nb", "Økt bruk av bysykler i sentrum"),
        bad("en", "Sell more cars"),
        bad("en", "Get lots of followers on Instagram"),
        bad("en", "Significantly fewer overtime hours in the ICU"),
        bad("en", "Sign 20 new resellers and get a lot of press coverage"),
        bad("en", "Better onboarding for enterprise admins"),
        bad("en", "Speak at several industry conferences"),
        good("en", "Increase monthly active users from 10,000 to 15,000"),
        good("en", "Win 5 more enterprise logos this quarter"),
        good("en", "Average rating higher than 4.5 in the App Store"),
        good("en", "Lower churn from 5% to 3%"),
        good("en", "More than 50 schools sign up for the pilot"),
        good("en", "Publish 12 customer case studies"),
        bad("en", "Archive many old tickets from the legacy helpdesk"),
        bad("en", "Move large video files to cold storage"),
        good("en", "Fewer than 30 % of drivers report high fatigue"),
        good("en", "Grow adult learners entering higher education from 210 to 300"),
    ),
)
