"""An objective and its parent belong to different periods.

What it does:
    Flags an objective whose document's `period` differs from the period of
    the document that holds its parent. A child period that lies within the
    parent's counts as the same: a team's "Q3 2025" may build on the company's
    "2025", since every word of the parent's period ("2025") appears in the
    child's ("Q3 2025", "2025-Q3"). When either file has no period, nothing is
    checked.

Why it matters:
    The article: "Hver avdeling tar utgangspunkt i et key result ledelsen har
    satt og lager sitt eget objective med key results. Avdelingens objective
    knyttes direkte opp mot et av ledelsens key results." It also says to
    answer the two questions "hvert kvartal" (every quarter). A team objective
    for Q3 that still points at last quarter's company key result builds on a
    goal that is no longer being pursued — the typical leftover after the
    company file moved on.

How to fix:
    Point `parent` at the key result of the company's current period, or fix
    the `period:` of whichever file is out of date.
"""

from __future__ import annotations

from okrlint.alignment import okr_set, periods_agree
from okrlint.i18n import _
from okrlint.model import Document, Severity
from okrlint.rule import Rule, RuleContext, Target, Violation, bad, good


def check(document: Document, ctx: RuleContext):
    the_set = okr_set(ctx.documents or (document,), document)
    for objective in document.objectives:
        parent = the_set.parent.get(id(objective))
        if parent is None or parent.document is document:
            continue
        theirs = parent.document.period
        if periods_agree(document.period, theirs):
            continue
        yield Violation(
            _(
                "objective is for {period} but its parent ({where}) is for {theirs}",
                period=ctx.quote(document.period or ""),
                where=parent.where,
                theirs=ctx.quote(theirs or ""),
            ),
            suggestion=_(
                "link to a key result of the same period, or fix the out-of-date 'period:'"
            ),
            element=objective,
        )


RULE = Rule(
    code="OKR406",
    name="alignment-period-mismatch",
    severity=Severity.WARNING,
    target=Target.DOCUMENT,
    summary="An objective and its parent belong to different periods.",
    doc=__doc__,
    check=check,
    examples=(
        bad(
            "nb",
            """\
period: Q2 2025
objectives:
  - id: selskap
    title: Økt omsetning i bedriften, fordi vi vil investere mer
    level: company
    key_results:
      - id: selskap-kr1
        title: Øke omsetningen fra 10 til 12 mill. kr
---
period: Q3 2025
objectives:
  - title: Økte månedlige salgsinntekter, fordi vi er best på salg
    parent: selskap-kr1
""",
            document=True,
        ),
        good(
            "nb",
            """\
period: 2025
objectives:
  - id: selskap
    title: Økt omsetning i bedriften, fordi vi vil investere mer
    level: company
    key_results:
      - id: selskap-kr1
        title: Øke omsetningen fra 10 til 12 mill. kr
---
period: Q3 2025
objectives:
  - title: Økte månedlige salgsinntekter, fordi vi er best på salg
    parent: selskap-kr1
""",
            document=True,
        ),
        bad(
            "en",
            """\
period: 2024-H2
objectives:
  - id: company
    title: Grow revenue, so that we can invest in the product
    level: company
    key_results:
      - id: company-kr1
        title: Raise monthly revenue from $100k to $150k
---
period: 2025-Q1
objectives:
  - title: Sell more to existing customers, because upselling is cheaper
    parent: company-kr1
""",
            document=True,
        ),
        good(
            "en",
            """\
period: 2025-Q1
objectives:
  - id: company
    title: Grow revenue, so that we can invest in the product
    level: company
    key_results:
      - id: company-kr1
        title: Raise monthly revenue from $100k to $150k
---
period: Q1 2025
objectives:
  - title: Sell more to existing customers, because upselling is cheaper
    parent: company-kr1
""",
            document=True,
        ),
    ),
)
