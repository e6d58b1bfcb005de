"""A team objective has no parent while the set has company objectives.

What it does:
    Flags an objective below the company level that has no `parent`, in an
    OKR set that does have company-level objectives. An objective's level is
    its `level:` field, or comes from config, which maps owners to levels::

        [tool.okrlint.levels]
        company = ["Ledelsen", "Leadership"]

    An objective with no known level counts as a team objective when it sits
    in a file without company objectives (a team's own file). Sets with no
    company-level objective at all are not checked.

Why it matters:
    The article: "Hver avdeling tar utgangspunkt i et key result ledelsen har
    satt og lager sitt eget objective med key results. Avdelingens objective
    knyttes direkte opp mot et av ledelsens key results." A team objective
    that hangs under nothing may be good work, but nobody can see which of the
    company's goals it moves, and "Teamenes mål knyttes opp mot ledelsens mål"
    is what makes progress visible across the organisation.

How to fix:
    Add `parent:` with the id of the company key result the objective builds
    on. If it truly is a company goal, say so with `level: company` (or list
    its owner under `company` in `[tool.okrlint.levels]`).
"""

from __future__ import annotations

from okrlint.alignment import okr_set
from okrlint.i18n import _
from okrlint.model import Document, Severity
from okrlint.rule import Rule, RuleContext, Target, Violation, bad, good


def check(document: Document, ctx: RuleContext):
    the_set = okr_set(ctx.documents or (document,), document)
    for objective in document.objectives:
        if the_set.is_orphan(objective, document):
            yield Violation(
                _("objective is not linked to any company key result (no 'parent')"),
                suggestion=_("add 'parent:' with the id of the company key result it builds on"),
                element=objective,
            )


RULE = Rule(
    code="OKR403",
    name="alignment-orphan",
    severity=Severity.WARNING,
    target=Target.DOCUMENT,
    summary="A team objective has no parent while the set has company objectives.",
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
  - title: Økt kundelojalitet, fordi fornøyde kunder kommer tilbake
    level: team
    owner: Kundeservice
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
  - title: Økt kundelojalitet, fordi fornøyde kunder kommer tilbake
    level: team
    owner: Kundeservice
    parent: selskap-kr1
""",
            document=True,
        ),
        good(
            "nb",
            """\
objectives:
  - title: Økt kundelojalitet, fordi fornøyde kunder kommer tilbake
    level: team
""",
            document=True,
        ),
        bad(
            "en",
            """\
objectives:
  - id: company
    title: Grow revenue, so that we can invest in the product
    level: Company
  - title: Make support our strongest side, so that customers stay
    level: team
""",
            document=True,
        ),
        good(
            "en",
            """\
objectives:
  - id: company
    title: Grow revenue, so that we can invest in the product
    level: Company
  - title: Make support our strongest side, so that customers stay
    level: team
    parent: company
""",
            document=True,
        ),
    ),
)
