"""The same key result appears twice under one objective.

What it does:
    Flags a key result that repeats an earlier key result of the same
    objective, ignoring case, spacing, punctuation and list labels ("KR2:",
    "1."). The first one is kept; every repeat is flagged.

Why it matters:
    The article asks: "Er alle key results nødvendige for å oppnå vårt
    objective?" ("Are all key results necessary to achieve our objective?").
    A repeated key result is a copy-paste slip: it counts the same progress
    twice in the objective's score and hides that a real key result is
    missing.

How to fix:
    Delete the repeat, or replace it with the key result you meant to write.
"""

from __future__ import annotations

import json
import weakref

from okrlint.model import KeyResult, Severity
from okrlint.rule import Rule, RuleContext, Target, Violation, bad, good


def check(kr: KeyResult, ctx: RuleContext):
    if ctx.objective is None:
        return
    key = _key(kr, ctx)
    if not key:
        return
    for number, earlier in enumerate(ctx.objective.key_results, start=1):
        if earlier is kr:
            return
        if _key(earlier, ctx) == key:
            yield Violation(
                f"key result repeats key result {number} of this objective "
                f"({ctx.quote(earlier.text)})",
                suggestion="delete the repeat, or write the key result you meant instead",
            )
            return


# a context, and id -> (key result, its key) for the key results seen with it
_Memo = tuple[weakref.ref[RuleContext], dict[int, tuple[KeyResult, tuple]]]


class _Keys:
    """The keys already worked out for the key results seen with one context.

    The engine shares a context among the key results of an objective, and each of them is
    compared with every one before it, so a key is worked out once per key result instead
    of once per comparison. The context is held weakly, and the keys go with it."""

    def __init__(self) -> None:
        # the pair is replaced whole, so a caller only reads and fills its own context's keys
        self._memo: _Memo | None = None

    def get(self, kr: KeyResult, ctx: RuleContext) -> tuple:
        memo = self._memo
        if memo is None or memo[0]() is not ctx:
            memo = self._memo = (weakref.ref(ctx, self._forget), {})
        keys = memo[1]
        found = keys.get(id(kr))
        if found is None or found[0] is not kr:
            found = keys[id(kr)] = (kr, _words_key(kr, ctx))
        return found[1]

    def _forget(self, ref: weakref.ref[RuleContext]) -> None:
        memo = self._memo
        if memo is not None and memo[0] is ref:  # its run is over: let go of the key results
            self._memo = None


_KEYS = _Keys()


def _key(kr: KeyResult, ctx: RuleContext) -> tuple:
    return _KEYS.get(kr, ctx)


def _words_key(kr: KeyResult, ctx: RuleContext) -> tuple:
    """What the key result says, without case, spacing or punctuation."""
    # a sentence's full stop may cling to its last number ("til 4,4."); "mill." loses nothing
    words = [w.rstrip(".,;:!?") for w in ctx.analysis(kr).words]
    return (*filter(None, words), kr.baseline, kr.target)


def _document(title: str, key_results: tuple[str, ...]) -> str:
    """A one-objective YAML document holding the key results (quoted as YAML strings)."""
    items = "".join(f"      - {json.dumps(text, ensure_ascii=False)}\n" for text in key_results)
    return f"objectives:\n  - title: {title}\n    key_results:\n{items}"


def _nb(*key_results: str) -> str:
    return _document("Bli kundenes førstevalg i Bergen, fordi vi vil vokse", key_results)


def _en(*key_results: str) -> str:
    return _document("Become the first choice in Leeds, because we want to grow", key_results)


RULE = Rule(
    code="OKR210",
    name="kr-duplicate",
    severity=Severity.WARNING,
    target=Target.KEY_RESULT,
    summary="The same key result appears twice under one objective.",
    doc=__doc__,
    check=check,
    examples=(
        bad(
            "nb",
            _nb("Økte salgsavtaler fra 100 til 200", "Økte salgsavtaler fra 100 til 200"),
            document=True,
        ),
        bad(
            "nb",
            _nb(
                "Kutte vikarutgifter fra 4,2 MNOK til 2,5 MNOK",
                "kutte vikarutgifter fra 4,2 mnok til 2,5 mnok.",
            ),
            document=True,
        ),
        bad(
            "nb",
            _nb(
                "Ti nye publiserte blogginnlegg",
                "Fem nye videoer",
                "Ti  nye publiserte blogginnlegg!",
            ),
            document=True,
        ),
        bad(
            "nb",
            _nb("Andel elbiler: fra 20 % til 45 %", "Andel elbiler fra 20% til 45%"),
            document=True,
        ),
        bad(
            "nb",
            _nb(
                "Redusere ventetid fra 7 til 3 dager",
                "Øke NPS fra 30 til 45",
                "Redusere ventetid fra 7 til 3 dager",
            ),
            document=True,
        ),
        bad(
            "nb",
            _nb("Få 1 000 nye følgere på Instagram", "«Få 1 000 nye følgere på Instagram»"),
            document=True,
        ),
        good(
            "nb",
            _nb("Økte salgsavtaler fra 100 til 200", "Økte salgsavtaler fra 100 til 250"),
            document=True,
        ),
        good(
            "nb",
            _nb("Redusere ventetid fra 7 til 3 dager", "Redusere ventetid fra 7 til 3 timer"),
            document=True,
        ),
        bad(
            "nb",
            _nb(
                "Kundetilfredshet i chat fra 4,1 til 4,4",
                "kundetilfredshet i chat fra 4,1 til 4,4.",
            ),
            document=True,
        ),
        good(
            "nb", _nb("Ti nye publiserte blogginnlegg", "Fem nye produserte videoer"), document=True
        ),
        good(
            "nb",
            _nb("Andel elbiler fra 20 % til 45 %", "Andel eldrevne trucker fra 20 % til 45 %"),
            document=True,
        ),
        good("nb", _nb("Øke NPS fra 30 til 45", "Øke eNPS fra 30 til 45"), document=True),
        good(
            "nb",
            _nb(
                "Økte salgsavtaler i Oslo fra 100 til 200",
                "Økte salgsavtaler i Bergen fra 100 til 200",
            ),
            document=True,
        ),
        bad(
            "en",
            _en(
                "Supplier on-time delivery from 83% to 95%",
                "Supplier on-time delivery from 83% to 95%.",
            ),
            document=True,
        ),
        bad(
            "en",
            _en(
                "Inbound retail leads from 6 to 15 per month",
                "inbound retail leads from 6 to 15 per month",
            ),
            document=True,
        ),
        bad(
            "en",
            _en(
                "Developer satisfaction: from 3.1/5 to 4/5",
                "Developer satisfaction from 3.1/5 to 4/5",
            ),
            document=True,
        ),
        bad(
            "en",
            _en(
                "Members' share of revenue from 35% to 50%",
                "Members' share of revenue from 35% to 50 %",
            ),
            document=True,
        ),
        bad(
            "en",
            _en("Hire 2 engineers", "Cut churn from 5% to 3%", "Hire  2 engineers"),
            document=True,
        ),
        bad("en", _en("Publish 12 case studies", "PUBLISH 12 CASE STUDIES"), document=True),
        bad(
            "en", _en("Median CSAT from 4.1 to 4.4", "median CSAT from 4.1 to  4.4."), document=True
        ),
        good(
            "en",
            _en(
                "Supplier on-time delivery from 83% to 95%",
                "Supplier on-time delivery from 83% to 97%",
            ),
            document=True,
        ),
        good(
            "en",
            _en("Inbound leads from 6 to 15 per month", "Inbound leads from 6 to 15 per week"),
            document=True,
        ),
        good("en", _en("Hire 2 engineers", "Hire 2 designers"), document=True),
        good("en", _en("Cut churn from 5% to 3%", "Cut churn from 6% to 3%"), document=True),
        good("en", _en("Publish 12 case studies", "Publish 12 blog posts"), document=True),
        good("en", _en("Win 5 logos in Germany", "Win 5 logos in France"), document=True),
    ),
)
