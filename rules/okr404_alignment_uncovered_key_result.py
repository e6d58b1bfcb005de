"""A company key result that no team objective builds on.

What it does:
    Reports a key result of a company-level objective that no objective in the
    OKR set names as its `parent`. It only runs when the set has a cascade at
    all (some objective below the company level links upwards). When teams
    link to the company objective itself rather than to one of its key
    results, okrlint cannot tell which key result they serve, so that
    objective's key results are not reported.

Why it matters:
    The article: "Hver avdeling tar utgangspunkt i et key result ledelsen har
    satt og lager sitt eget objective med key results. Avdelingens objective
    knyttes direkte opp mot et av ledelsens key results." A company key result
    nobody has taken on is a goal with no team working towards it — either a
    gap in the plan or a key result that should go.

How to fix:
    Let the team that moves this number link its objective to it
    (`parent: <the key result's id>`), or drop the key result if nobody will
    work on it this period. It is information, not an error: some key results
    are owned by the leadership itself.
"""

from __future__ import annotations

from okrlint.alignment import okr_set
from okrlint.i18n import _
from okrlint.model import Document, Severity
from okrlint.rule import Rule, RuleContext, Target, Violation, bad, good


def check(document: Document, ctx: RuleContext):
    the_set = okr_set(ctx.documents or (document,), document)
    for _objective, kr in the_set.uncovered(document):
        yield Violation(
            _("no team objective builds on company key result {id}", id=ctx.quote(kr.id))
            if kr.id
            else _("no team objective builds on company key result"),
            suggestion=_(
                "link the objective of the team that moves this number to it with 'parent: {id}'",
                id=kr.id,
            )
            if kr.id
            else _(
                "link the objective of the team that moves this number to it with an 'id:' on "
                "this key result and 'parent:'"
            ),
            element=kr,
        )


RULE = Rule(
    code="OKR404",
    name="alignment-uncovered-key-result",
    severity=Severity.INFO,
    target=Target.DOCUMENT,
    summary="A company key result that no team objective builds on.",
    doc=__doc__,
    check=check,
    examples=(
        bad(
            "nb",
            """\
objectives:
  - id: selskap
    title: Økt omsetning i bedriften, fordi vi vil investere mer
    level: company
    key_results:
      - id: selskap-kr1
        title: Øke omsetningen fra 10 til 12 mill. kr
      - id: selskap-kr2
        title: Øke kundelojaliteten (NPS) fra 20 til 40
  - title: Økte månedlige salgsinntekter, fordi vi er best på salg
    parent: selskap-kr1
""",
            document=True,
        ),
        good(
            "nb",
            """\
objectives:
  - id: selskap
    title: Økt omsetning i bedriften, fordi vi vil investere mer
    level: company
    key_results:
      - id: selskap-kr1
        title: Øke omsetningen fra 10 til 12 mill. kr
      - id: selskap-kr2
        title: Øke kundelojaliteten (NPS) fra 20 til 40
  - title: Økte månedlige salgsinntekter, fordi vi er best på salg
    parent: selskap-kr1
  - title: Økt kundelojalitet, fordi fornøyde kunder kommer tilbake
    parent: selskap-kr2
""",
            document=True,
        ),
        bad(
            "en",
            """\
objectives:
  - id: company
    title: Grow revenue, so that we can invest in the product
    level: company
    key_results:
      - id: company-kr1
        title: Raise monthly revenue from $100k to $150k
      - title: Raise retention from 80% to 90%
  - title: Sell more to existing customers, because upselling is cheaper than winning new ones
    parent: company-kr1
""",
            document=True,
        ),
        good(
            "en",
            """\
objectives:
  - id: company
    title: Grow revenue, so that we can invest in the product
    level: company
    key_results:
      - id: company-kr1
        title: Raise monthly revenue from $100k to $150k
""",
            document=True,
        ),
    ),
)
