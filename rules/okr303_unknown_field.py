"""YAML key okrlint does not know.

What it does:
    Flags a key in a YAML OKR document that okrlint does not recognise — in
    the document, an objective or a key result — at the key itself, with the
    nearest known key as a did-you-mean ("periode" → "period", "ansvarlig" →
    "owner", "key_result" → "key_results"). Markdown and plain text have no
    keys and are never flagged.

Why it matters:
    A misspelt key is silently lost: "keyresults:" instead of "key_results:"
    leaves an objective without key results, "periode:" leaves the document
    without a period, "hvorfor:" loses the why the article asks for ("Hva
    ønsker du å oppnå og hvorfor?" — "What do you want to achieve, and why?").
    Every other rule then judges a document that is not what you wrote.

How to fix:
    Rename the key to the suggested one (the README lists the schema; `okrlint
    schema` prints a JSON Schema an editor can check against), or remove it.
    Keys of your own belong in a comment.
"""

from __future__ import annotations

from okrlint.model import Document, Edit, Fix, Severity
from okrlint.rule import Rule, RuleContext, Target, Violation, bad, good


def check(document: Document, ctx: RuleContext):
    for field in document.unknown_fields:
        key = ctx.quote(field.key)
        fixes: tuple[Fix, ...] = ()
        if field.suggestion:
            hint = f"did you mean {ctx.quote(field.suggestion)}? rename {key}"
            rename = Edit(0, 0, field.suggestion, span=field.span)
            fixes = (Fix(f"rename {key} to {ctx.quote(field.suggestion)}", (rename,)),)
        else:
            hint = f"remove {key} or move it into a comment"
        yield Violation(
            f"unknown key {key} in the {field.where}; okrlint ignores it",
            suggestion=hint,
            span=field.span,
            fixes=fixes,
        )


_KR_NB = "      - Redusere ventetid fra ti til fem minutter\n      - Øke NPS fra 20 til 40\n"
_KR_EN = "      - Cut churn from 3% to 2%\n      - Raise NPS from 20 to 40\n"
_TITLE_NB = "  - title: Økt kundelojalitet, fordi kundene skal bli\n"
_TITLE_EN = "  - title: Keep customers longer, because churn eats our growth\n"

RULE = Rule(
    code="OKR303",
    name="unknown-field",
    severity=Severity.WARNING,
    target=Target.DOCUMENT,
    summary="A YAML key okrlint does not know (misspelt keys are silently lost).",
    doc=__doc__,
    check=check,
    examples=(
        bad(
            "nb",
            "periode: Q3 2025\nobjectives:\n" + _TITLE_NB + "    key_results:\n" + _KR_NB,
            document=True,
        ),
        bad(
            "nb",
            "objectives:\n" + _TITLE_NB + "    ansvarlig: Salg\n    key_results:\n" + _KR_NB,
            document=True,
        ),
        bad("nb", "objectives:\n" + _TITLE_NB + "    keyresults:\n" + _KR_NB, document=True),
        bad(
            "nb",
            "objectives:\n" + _TITLE_NB + "    hvorfor: kundene går\n    key_results:\n" + _KR_NB,
            document=True,
        ),
        bad(
            "nb",
            "objectives:\n" + _TITLE_NB + "    key_results:\n      - title: Øke NPS\n"
            "        startverdi: 20\n        target: 40\n",
            document=True,
        ),
        bad(
            "nb",
            "avdeling: Salg\nobjectives:\n" + _TITLE_NB + "    key_results:\n" + _KR_NB,
            document=True,
        ),
        good(
            "nb",
            "period: Q3 2025\nobjectives:\n" + _TITLE_NB + "    key_results:\n" + _KR_NB,
            document=True,
        ),
        good(
            "nb",
            "objectives:\n" + _TITLE_NB + "    owner: Salg\n    key_results:\n" + _KR_NB,
            document=True,
        ),
        good(
            "nb",
            "objectives:\n" + _TITLE_NB + "    why: kundene går\n    key_results:\n" + _KR_NB,
            document=True,
        ),
        good(
            "nb",
            "objectives:\n" + _TITLE_NB + "    key_results:\n      - title: Øke NPS\n"
            "        baseline: 20\n        target: 40\n",
            document=True,
        ),
        good(
            "nb",
            "language: nb\nowner: Salg\nobjectives:\n" + _TITLE_NB + "    key_results:\n" + _KR_NB,
            document=True,
        ),
        good(
            "nb",
            "# avdeling: Salg (en kommentar)\nobjectives:\n"
            + _TITLE_NB
            + "    key_results:\n"
            + _KR_NB,
            document=True,
        ),
        bad(
            "en",
            "quarter: Q3 2025\nobjectives:\n" + _TITLE_EN + "    key_results:\n" + _KR_EN,
            document=True,
        ),
        bad(
            "en",
            "objectives:\n" + _TITLE_EN + "    owners: Sales\n    key_results:\n" + _KR_EN,
            document=True,
        ),
        bad("en", "objectives:\n" + _TITLE_EN + "    keyresults:\n" + _KR_EN, document=True),
        bad(
            "en",
            "objectives:\n" + _TITLE_EN + "    reason: churn\n    key_results:\n" + _KR_EN,
            document=True,
        ),
        bad(
            "en",
            "objectives:\n" + _TITLE_EN + "    key_results:\n      - title: Raise NPS\n"
            "        start: 20\n        target: 40\n",
            document=True,
        ),
        bad(
            "en",
            "team: Sales\nobjectives:\n" + _TITLE_EN + "    key_results:\n" + _KR_EN,
            document=True,
        ),
        good(
            "en",
            "period: Q3 2025\nobjectives:\n" + _TITLE_EN + "    key_results:\n" + _KR_EN,
            document=True,
        ),
        good(
            "en",
            "objectives:\n" + _TITLE_EN + "    owner: Sales\n    key_results:\n" + _KR_EN,
            document=True,
        ),
        good(
            "en",
            "objectives:\n" + _TITLE_EN + "    why: churn\n    key_results:\n" + _KR_EN,
            document=True,
        ),
        good(
            "en",
            "objectives:\n" + _TITLE_EN + "    key_results:\n      - title: Raise NPS\n"
            "        baseline: 20\n        target: 40\n",
            document=True,
        ),
        good(
            "en",
            "language: en\nowner: Sales\nobjectives:\n" + _TITLE_EN + "    key_results:\n" + _KR_EN,
            document=True,
        ),
        good(
            "en",
            "# team: Sales (a comment)\nobjectives:\n" + _TITLE_EN + "    key_results:\n" + _KR_EN,
            document=True,
        ),
    ),
)
