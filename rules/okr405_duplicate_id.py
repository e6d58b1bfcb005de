"""Two elements of the OKR set share one id, so links to it are ambiguous.

What it does:
    Flags an objective, key result or action whose `id` is also used by
    another element in the OKR set — in the same file or in any other file of
    the set. Every use is reported, so whichever file you check shows the
    clash. Ids match exactly, case included. The positional ids okrlint
    derives for plain-text files ("o1", "o1.kr2") belong to their own file and
    never clash across files.

Why it matters:
    The article: "Hver avdeling tar utgangspunkt i et key result ledelsen har
    satt og lager sitt eget objective med key results. Avdelingens objective
    knyttes direkte opp mot et av ledelsens key results." A team links to a
    key result by its id; when two elements carry the same id the link is
    ambiguous, and a team may be rolled up under the wrong goal without anyone
    noticing.

How to fix:
    Give one of them a new, unique id — prefixing ids with the team or file
    name ("salg-kr1", "company-kr1") keeps them unique — and update any
    `parent:` that meant the renamed element.
"""

from __future__ import annotations

from okrlint.alignment import okr_set
from okrlint.i18n import _
from okrlint.model import Document, Severity
from okrlint.rule import Rule, RuleContext, Target, Violation, bad, good


def check(document: Document, ctx: RuleContext):
    the_set = okr_set(ctx.documents or (document,), document)
    for element, others in the_set.duplicates(document):
        where = ", ".join(o.where for o in others[:3])
        ident = ctx.quote(element.id or "")
        yield Violation(
            _(
                "id {id} is also used at {where} and {n} more",
                id=ident,
                where=where,
                n=len(others) - 3,
            )
            if len(others) > 3
            else _("id {id} is also used at {where}", id=ident, where=where),
            suggestion=_(
                "give each element its own id (prefix it with the team, e.g. 'sales-kr1') "
                "and update the parents that meant this one"
            ),
            element=element,
        )


RULE = Rule(
    code="OKR405",
    name="duplicate-id",
    severity=Severity.ERROR,
    target=Target.DOCUMENT,
    summary="Two elements of the OKR set share one id, so links to it are ambiguous.",
    doc=__doc__,
    check=check,
    examples=(
        bad(
            "nb",
            """\
objectives:
  - id: salg
    title: Økte salgsinntekter, fordi vi er best på salg
    key_results:
      - id: kr1
        title: Øke salgsavtaler fra 100 til 200
      - id: kr1
        title: Øke snittverdien fra 1 000 til 1 500 kr per måned
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
      - id: salg-kr2
        title: Øke snittverdien fra 1 000 til 1 500 kr per måned
""",
            document=True,
        ),
        bad(
            "en",
            """\
objectives:
  - id: growth
    title: Grow revenue, so that we can invest in the product
  - id: growth
    title: Make support our strongest side, so that customers stay
""",
            document=True,
        ),
        good(
            "en",
            """\
objectives:
  - id: growth
    title: Grow revenue, so that we can invest in the product
  - id: Growth-2
    title: Make support our strongest side, so that customers stay
""",
            document=True,
        ),
    ),
)
