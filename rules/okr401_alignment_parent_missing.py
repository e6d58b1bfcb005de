"""An objective's parent names no key result or objective in the OKR set.

What it does:
    Flags an objective whose `parent` names no key result or objective in the
    OKR set: the files being checked plus those matched by config
    `alignment.include`. Ids match exactly, case included; when the reference
    is a case slip or a typo of an existing id, the finding says which one you
    probably meant. A parent that names an action is flagged too: a team builds
    on a result, not on a task.

Why it matters:
    The article: "Hver avdeling tar utgangspunkt i et key result ledelsen har
    satt og lager sitt eget objective med key results. Avdelingens objective
    knyttes direkte opp mot et av ledelsens key results." ("Each department
    starts from a key result the leadership has set and makes its own objective
    with key results. The department's objective is linked directly to one of
    the leadership's key results.") A link that points nowhere — usually
    because the company file was renamed or renumbered — silently cuts the
    team off from the goal it is meant to serve.

How to fix:
    Point `parent` at the id of the company key result the objective builds on
    (`parent: selskap-kr2`), fix the spelling, or add the missing `id:` to that
    key result. When the company file lives elsewhere, add it to
    `[tool.okrlint.alignment] include` so every check sees it.
"""

from __future__ import annotations

from okrlint.alignment import okr_set
from okrlint.i18n import _
from okrlint.model import Document, Severity
from okrlint.rule import Rule, RuleContext, Target, Violation, bad, good


def check(document: Document, ctx: RuleContext):
    the_set = okr_set(ctx.documents or (document,), document)
    for objective in document.objectives:
        missing = the_set.missing.get(id(objective))
        if missing is None:
            continue
        ref = ctx.quote(missing.parent)
        if missing.names_action:
            yield Violation(
                _(
                    "parent {ref} is an action; an objective builds on a key result or objective",
                    ref=ref,
                ),
                suggestion=_("point 'parent' at the key result this work moves"),
                element=objective,
            )
            continue
        near = the_set.suggestion(missing.parent)
        yield Violation(
            _("parent {ref} matches no key result or objective id in the OKR set", ref=ref),
            suggestion=_("did you mean {near}?", near=ctx.quote(near))
            if near
            else _(
                "use the id of the company key result this builds on, or add the file "
                "that defines it to 'alignment.include'"
            ),
            element=objective,
        )


RULE = Rule(
    code="OKR401",
    name="alignment-parent-missing",
    severity=Severity.ERROR,
    target=Target.DOCUMENT,
    summary="An objective's parent names no key result or objective in the OKR set.",
    doc=__doc__,
    check=check,
    examples=(
        bad(
            "nb",
            """\
objectives:
  - id: salg
    title: Bli kundenes førstevalg, fordi vi vil vokse lønnsomt
    parent: selskap-kr9
    key_results:
      - Øke salgsavtaler fra 100 til 200
""",
            document=True,
        ),
        bad(
            "nb",
            """\
objectives:
  - id: selskap
    title: Økt omsetning i bedriften, fordi vi vil investere mer
    level: company
    key_results:
      - id: Selskap-KR1
        title: Øke omsetningen fra 10 til 12 mill. kr
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
  - title: Økte månedlige salgsinntekter, fordi vi er best på salg
    parent: selskap-kr1
""",
            document=True,
        ),
        bad(
            "en",
            """\
objectives:
  - title: Make support our strongest side, so that customers stay
    parent: company-kr3
    actions:
      - id: hire
        title: Hire two support engineers
  - title: Grow the support team, so that waiting times fall
    parent: hire
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
      - id: company-kr3
        title: Raise retention from 80% to 90%
  - title: Make support our strongest side, so that customers stay
    parent: company-kr3
""",
            document=True,
        ),
    ),
)
