"""Key result states a change ('+40 %', 'double') that its from → to numbers contradict.

What it does:
    Flags a key result that states a change twice — as an amount ("40 %
    høyere", "by 20 %", "doble", "halve", "1 000 nye", "10 more", "en økning
    på 10 prosentpoeng") and as a baseline and target, in the text or as
    fields and table columns — when the two disagree by more than a tolerance:
    "Få 40 % høyere omsetning, fra 100 000 kr til 150 000 kr" is +50 %, not
    +40 %. A percentage stated for a percentage metric may be read as
    percentage points or as a relative change; either reading that fits is
    accepted. Rounding to whole numbers is accepted ("halvere fra 15 til 8"),
    and so is a difference up to the option `tolerance` (default 2 percentage
    points of the relative change).

Why it matters:
    The article's first example has exactly this slip: "Få 40 % høyere
    omsetning av kaffesalg (inntekter), fra 100 000 kr til 150 000 kr". When
    the percentage and the target disagree, half the team works towards one
    number and half towards the other, and scoring at the end of the quarter
    becomes an argument. A key result must give "en felles forståelse for hva
    delmålet er" (a shared understanding of what the key result is).

How to fix:
    Keep one statement of the change, or make both agree: "Få 50 % høyere
    omsetning, fra 100 000 kr til 150 000 kr", or simply "Øke omsetningen fra
    100 000 kr til 150 000 kr".
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from okrlint.rules._key_results import amount, comparable, number, percent_change
from okrlint.rules._stated import stated

from okrlint.i18n import _
from okrlint.language.analysis import Change, QuantityKind
from okrlint.model import Edit, Fix, KeyResult, Severity
from okrlint.rule import Rule, RuleContext, Target, Violation, bad, good


@dataclass(frozen=True)
class Reading:
    """One way to read the stated change: the target it implies and how to say it."""

    target: float
    said: str


def check(kr: KeyResult, ctx: RuleContext):
    analysis = ctx.analysis(kr)
    change = analysis.change
    if change is None or change.amount is None or change.amount.value is None:
        return
    ends = stated(kr, analysis, ctx)  # "Cut cancellations by 30 %" with baseline/target fields
    if ends.baseline is None or ends.target is None:
        return
    if ends.baseline.value is None or ends.target.value is None:
        return
    change = replace(change, baseline=ends.baseline, target=ends.target)
    values = comparable(change.baseline, change.target)
    if values is None or values[0] == 0:
        return
    base, target = values
    if base < 0 and change.amount.kind in (QuantityKind.PERCENT, QuantityKind.MULTIPLIER):
        return  # a share or a multiple of a level below zero says nothing checkable
    readings = _readings(change, analysis.direction, base, target, ctx)
    if not readings:
        return
    tolerance = float(ctx.options.get("tolerance", 2))
    # Counts, money and minutes come in whole units; percentages do not round that coarsely.
    # A start with decimals ("from 7.5 L") is not counted in whole units.
    counts = change.baseline.kind is not QuantityKind.PERCENT and float(base).is_integer()
    if any(_fits(r.target, base, target, tolerance, counts) for r in readings):
        return
    first = readings[0]
    unit = change.target.unit
    if base > 0:
        actual = percent_change((target - base) / base * 100, ctx.lang)
    else:  # a level below zero ("eNPS from -5 to 15") has no relative change: the difference
        actual = ("+" if target > base else "") + amount(target - base, unit, ctx.lang)
    fixes = (
        _agreeing(kr.text, change, analysis.direction, base, target, tolerance, counts, ctx),
        _dropped(kr.text, change, ctx),
    )
    yield Violation(
        _(
            "from {baseline} to {target} is {actual}, not {stated}",
            baseline=change.baseline.text,
            target=change.target.text,
            actual=actual,
            stated=first.said,
        ),
        suggestion=_(
            "make {words} and the target agree: {stated} from {baseline} gives {implied}, "
            "or drop {words}",
            words=ctx.quote(change.amount.text),
            stated=first.said,
            baseline=change.baseline.text,
            implied=amount(first.target, unit, ctx.lang),
        ),
        highlight=(change.amount.start, change.amount.end),
        fixes=tuple(fix for fix in fixes if fix is not None),
    )


def _agreeing(
    text: str,
    change: Change,
    direction: int,
    base: float,
    target: float,
    tolerance: float,
    counts: bool,
    ctx: RuleContext,
) -> Fix | None:
    """The stated percentage replaced by the one from → to gives, where only one reading
    is possible: a relative change of an amount, or percentage points of a percentage."""
    stated, moves = change.amount, 1 if target >= base else -1
    if stated.kind is not QuantityKind.PERCENT or (direction and direction != moves):
        return None
    points = stated.unit == "pp" and change.baseline.unit == "%"
    if not points and (stated.unit != "%" or change.baseline.unit == "%"):
        return None  # "+10 %" of a percentage may mean points or a relative change
    wanted = abs(target - base) if points else abs(target - base) / abs(base) * 100
    for digits in (0, 1, 2):
        value = round(wanted, digits)
        implied = base + moves * value if points else base * (1 + moves * value / 100)
        if value and _fits(implied, base, target, tolerance, counts):
            break
    else:
        return None
    written, new = number(stated.value, ctx.lang), number(value, ctx.lang)
    if text.startswith(written, stated.start):  # keep the way it is written: "40 %", "40%"
        edit = Edit(stated.start, stated.start + len(written), new)
    else:
        edit = Edit(stated.start, stated.end, amount(value, stated.unit, ctx.lang))
    return Fix(_("change {words} to agree with the target", words=ctx.quote(stated.text)), (edit,))


def _dropped(text: str, change: Change, ctx: RuleContext) -> Fix | None:
    """The stated percentage removed with the word that introduces it ("med 10 %",
    "by 10%"), or alone where it opens the change ("40 % høyere")."""
    stated, span = change.amount, change.span
    if stated.kind is not QuantityKind.PERCENT or span is None:
        return None
    lead = text[span.start : stated.start]
    before, after = text[stated.start - 1 : stated.start], text[stated.end : stated.end + 1]
    if not lead and before in ("", " ") and after == " ":  # "Få 40 % høyere …"
        edit = Edit(stated.start, stated.end + 1, "")
    elif len(lead.split()) == 1 and lead.endswith(" ") and not any(c.isdigit() for c in lead):
        if text[span.start - 1 : span.start] != " ":
            return None
        edit = Edit(span.start - 1, stated.end, "")  # " med 10 %", " by 10%"
    else:
        return None
    return Fix(_("drop {words}", words=ctx.quote(text[edit.start : edit.end].strip())), (edit,))


def _readings(change: Change, direction: int, base: float, target: float, ctx) -> list[Reading]:
    """The targets the stated amount can mean (several when it is ambiguous); none when the
    amount and the from → to pair measure different things."""
    stated, baseline = change.amount, change.baseline
    if change.amount_is_new and stated.unit is None and baseline.unit is not None:
        # a count of new things (teams, members) is a number of things; a pair in a unit
        # (years, minutes, kroner) measures something else about them
        return []
    value = stated.value
    sign = direction or (1 if target >= base else -1)
    if stated.kind is QuantityKind.MULTIPLIER:
        factor = 1 / value if (sign < 0 and value > 1) else value
        return [Reading(base * factor, f"×{number(factor, ctx.lang)}")]
    change_in_points = ("+" if sign > 0 else "") + number(sign * value, ctx.lang)
    points = Reading(base + sign * value, _("{change} points", change=change_in_points))
    if stated.kind is QuantityKind.PERCENT and stated.unit == "pp":  # "2 prosentpoeng"
        return [points] if baseline.unit == "%" else []
    if stated.kind is QuantityKind.PERCENT:
        relative = Reading(base * (1 + sign * value / 100), percent_change(sign * value, ctx.lang))
        # "+10 %" of a percentage may mean points
        return [relative, points] if baseline.unit == "%" else [relative]
    if baseline.unit == "%":  # "by 10 points from 58 % to 72 %"
        return [points]
    if stated.unit not in (None, baseline.unit) and baseline.unit is not None:
        return []
    said = amount(sign * value, stated.unit or baseline.unit, ctx.lang)
    return [Reading(base + sign * value, ("+" if sign > 0 else "") + said)]


def _fits(expected: float, base: float, target: float, tolerance: float, counts: bool) -> bool:
    if counts and abs(target - expected) < 1 and float(target).is_integer():
        return True  # whole units cannot hit a fractional target exactly
    return abs(target - expected) / abs(base) * 100 <= tolerance


RULE = Rule(
    code="OKR207",
    name="kr-inconsistent-change",
    severity=Severity.ERROR,
    target=Target.KEY_RESULT,
    summary="Key result states a change ('+40 %', 'double') that its from → to numbers contradict.",
    doc=__doc__,
    check=check,
    options={"tolerance": 2},
    examples=(
        bad("nb", "Få 40 % høyere omsetning av kaffesalg, fra 100 000 kr til 150 000 kr"),
        bad("nb", "Øke gjennomsnittlig månedlig honorar med 10 %, fra 3 400 kr til 4 000 kr"),
        bad("nb", "Vi dobler omsetningen av barnemat fra 1,2 til 2,6 mill. kr"),
        bad("nb", "Vi skal få 800 nye nyhetsbrev-abonnenter, fra 3 000 til 4 200"),
        bad("nb", "Halvere antall korridorpasienter fra 14 til 9 per døgn"),
        bad("nb", "Redusere sykefraværet med 2 prosentpoeng, fra 8 % til 7 %"),
        good("nb", "Få 50 % høyere omsetning av kaffesalg, fra 100 000 kr til 150 000 kr"),
        good("nb", "Doble antall medlemmer i «Kaffeklubben» fra 1 000 til 2 000"),
        good("nb", "Få 1 000 nye følgere på Instagram fra 1 000 til 2 000"),
        good("nb", "Halvere ventetiden fra 15 til 8 minutter"),
        good("nb", "Øke svarprosenten med 10 %, fra 60 % til 70 %"),
        good("nb", "Redusere svinn med 20 %, fra 1,5 mill. kr til 1,2 mill. kr"),
        bad("en", "Double qualified pipeline from $400K to $650K"),
        bad("en", "Halve audit adjustments from 10 to 4"),
        bad("en", "Get 1,000 new LinkedIn followers, from 3,000 to 5,000"),
        bad("en", "Grow retainer revenue 30% from €600K to €900K"),
        bad("en", "Increase midweek occupancy by 10 points from 58% to 72%"),
        bad("en", "Reduce manual handling incidents by half, from 40 to 25"),
        good("en", "Double weekly sign-ups from 500 to 1,000"),
        good("en", "Newsletter subscribers up 150% from 800 to 2,000"),
        good("en", "Reduce failed deployments by 50%, from 12 to 6 per month"),
        good("en", "Add 20 more partner clinics, from 40 to 60"),
        good("en", "Increase occupancy by 14 points from 58% to 72%"),
        good("en", "Grow ARR 25% from $4M to $5M"),
        good("en", "One new girls' team in every age group from 6 to 12 years"),
        good("nb", "Ett nytt jentelag i hvert årskull fra 6 til 12 år"),
        good("nb", "To nye lesegrupper for barn fra 8 til 10 år"),
        bad("nb", "Øke andelen som består fra 70 % til 76 %, en økning på 10 prosentpoeng"),
        bad("nb", "Redusere kjøretiden fra 50 til 40 minutter, en reduksjon på 35 %"),
        good("nb", "Øke andelen som består fra 70 % til 76 %, en økning på 6 prosentpoeng"),
        bad("en", "Cut late deliveries by 30 % from 400 to 350 a month"),
        bad("en", "Lift repeat orders from 2,000 to 2,300 (+25 %)"),
        bad("en", "Grow the opt-in rate from 40 % to 46 %, an increase of 10 points"),
        good("en", "Grow the opt-in rate from 40 % to 46 %, an increase of 6 points"),
        bad(
            "en",
            "objectives:\n  - title: Keep buses running, because riders need them\n"
            "    key_results:\n      - title: Cut breakdowns by 30 %\n"
            "        baseline: 200\n        target: 160\n"
            "      - Buses on time from 88% to 94%\n",
            document=True,
        ),
    ),
)
