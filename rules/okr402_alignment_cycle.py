"""Parent links form a loop, so the objectives never reach the company level.

What it does:
    Flags every objective on a loop of `parent` links: A builds on a key result
    of B, and B (directly or further up) builds on A — or an objective names
    one of its own key results as its parent. The loop is shown in the message.

Why it matters:
    The article: "Hver avdeling tar utgangspunkt i et key result ledelsen har
    satt og lager sitt eget objective med key results. Avdelingens objective
    knyttes direkte opp mot et av ledelsens key results." A cascade runs one
    way, from the leadership's key results down to the teams. In a loop no
    objective reaches the company level, so none of them is anchored to what
    the leadership set, and progress can never be rolled up.

How to fix:
    Find the objective in the loop that really is the higher goal and remove
    (or re-point) its `parent`, so the chain ends at a company objective.
"""

from __future__ import annotations

from okrlint.alignment import okr_set
from okrlint.i18n import _
from okrlint.model import Document, Severity
from okrlint.rule import Rule, RuleContext, Target, Violation, bad, good


def check(document: Document, ctx: RuleContext):
    the_set = okr_set(ctx.documents or (document,), document)
    for objective in document.objectives:
        loop = the_set.cycles.get(id(objective))
        if loop is None:
            continue
        message = (
            _("objective is its own parent")
            if len(loop.members) == 1
            else _("parent links go round in a circle: {chain}", chain=loop.chain())
        )
        yield Violation(
            message,
            suggestion=_(
                "remove or re-point the parent of the objective that is the higher goal, "
                "so the chain ends at a company objective"
            ),
            element=objective,
        )


RULE = Rule(
    code="OKR402",
    name="alignment-cycle",
    severity=Severity.ERROR,
    target=Target.DOCUMENT,
    summary="Parent links form a loop, so the objectives never reach the company level.",
    doc=__doc__,
    check=check,
    examples=(
        bad(
            "nb",
            """\
objectives:
  - id: salg
    title: Økte salgsinntekter, fordi vi er best på salg
    parent: marked-kr1
    key_results:
      - id: salg-kr1
        title: Øke salgsavtaler fra 100 til 200
  - id: marked
    title: Økt merkevarekjennskap, fordi vi vil bli mer synlige
    parent: salg-kr1
    key_results:
      - id: marked-kr1
        title: Øke antall leads per måned fra 50 til 100
""",
            document=True,
        ),
        bad(
            "nb",
            """\
objectives:
  - id: salg
    title: Økte salgsinntekter, fordi vi er best på salg
    parent: salg-kr1
    key_results:
      - id: salg-kr1
        title: Øke salgsavtaler fra 100 til 200
""",
            document=True,
        ),
        good(
            "nb",
            """\
objectives:
  - id: salg
    title: Økte salgsinntekter, fordi vi er best på salg
    key_results:
      - id: salg-kr1
        title: Øke salgsavtaler fra 100 til 200
  - id: marked
    title: Økt merkevarekjennskap, fordi vi vil bli mer synlige
    parent: salg-kr1
""",
            document=True,
        ),
        bad(
            "en",
            """\
objectives:
  - id: a
    title: Win the mid-market, so that we depend less on a few big clients
    parent: c
  - id: b
    title: Make onboarding effortless, so that new customers stay
    parent: a
  - id: c
    title: Build a product people recommend, because referrals are our cheapest growth
    parent: b
""",
            document=True,
        ),
        good(
            "en",
            """\
objectives:
  - id: a
    title: Win the mid-market, so that we depend less on a few big clients
  - id: b
    title: Make onboarding effortless, so that new customers stay
    parent: a
  - id: c
    title: Build a product people recommend, because referrals are our cheapest growth
    parent: b
""",
            document=True,
        ),
    ),
)
