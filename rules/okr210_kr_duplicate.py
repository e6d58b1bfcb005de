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
import math
import weakref

from okrlint.i18n import _
from okrlint.model import KeyResult, Severity
from okrlint.rule import Rule, RuleContext, Target, Violation, bad, good


def check(kr: KeyResult, ctx: RuleContext):
    if ctx.objective is None:
        return
    index = _INDEXES.get(ctx)
    key = index.key(kr, ctx)
    if not key:
        return
    first = index.first.get(key)
    if first is None or first >= index.position(kr):
        return
    earlier = ctx.objective.key_results[first]
    yield Violation(
        _(
            "key result repeats key result {n} of this objective ({text})",
            n=first + 1,
            text=ctx.quote(earlier.text),
        ),
        suggestion=_("delete the repeat, or write the key result you meant instead"),
    )


class _Index:
    """One objective's key results by comparison key: each key maps to the position of the
    first key result that has it, so finding a repeat's original is one look-up, not a
    comparison with every key result before it."""

    def __init__(self, ctx: RuleContext) -> None:
        key_results = ctx.objective.key_results if ctx.objective is not None else ()
        self.keys: dict[int, tuple] = {}  # id(key result) -> its key
        self.positions: dict[int, int] = {}  # id(key result) -> its first position
        self.first: dict[tuple, int] = {}  # key -> the first position with it
        for position, kr in enumerate(key_results):
            if id(kr) in self.positions:
                continue
            key = self.keys[id(kr)] = _words_key(kr, ctx)
            self.positions[id(kr)] = position
            self.first.setdefault(key, position)
        self._key_results = key_results  # keeps the ids above from being reused

    def key(self, kr: KeyResult, ctx: RuleContext) -> tuple:
        found = self.keys.get(id(kr))
        return found if found is not None else _words_key(kr, ctx)

    def position(self, kr: KeyResult) -> float:
        """Where the key result stands; one outside the objective comes after all of them."""
        return self.positions.get(id(kr), math.inf)


class _Indexes:
    """The index of each context's objective, built when the context is first seen.

    The engine shares one context among the key results of an objective, so the index is
    built once per objective. Contexts are held weakly: an index goes with its context."""

    def __init__(self) -> None:
        self._memo: dict[int, tuple[weakref.ref[RuleContext], _Index]] = {}

    def get(self, ctx: RuleContext) -> _Index:
        key = id(ctx)
        found = self._memo.get(key)
        if found is not None and found[0]() is ctx:
            return found[1]
        index = _Index(ctx)
        memo = self._memo

        def forget(ref: weakref.ref[RuleContext]) -> None:
            if key in memo and memo[key][0] is ref:  # not a newer context's entry
                del memo[key]

        memo[key] = (weakref.ref(ctx, forget), index)
        return index


_INDEXES = _Indexes()


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
