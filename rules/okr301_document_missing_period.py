"""The document names no quarter or period.

What it does:
    Flags a document that says nowhere which period its OKRs are for: no
    `period:` field (YAML or Markdown front matter), no "Period:" / "Periode:"
    line, and no title line or heading naming a quarter, half or year ("Q3
    2025", "H1 2026", "1. kvartal 2026", "OKRs for 2026"). A quarter in an
    objective's own text ("… i Q3") does not date the document.

Why it matters:
    The article: "Ved å besvare disse to spørsmålene hvert kvartal skaper du
    tydelige prioriteringer og riktig fokus i bedriften." ("By answering these
    two questions every quarter you create clear priorities and the right focus
    in the company.") OKRs are set for a period and scored at its end; without
    one nobody knows when the key results are due, and team OKRs cannot be
    matched with the company's for the same quarter.

How to fix:
    Add `period: Q3 2025` at the top of a YAML file or in Markdown front
    matter, a "Periode: 3. kvartal 2025" line in plain text, or name the
    period in the title ("# Salg – OKR-er for Q3 2025").
"""

from __future__ import annotations

import datetime as dt

from okrlint.i18n import _
from okrlint.model import Document, Severity
from okrlint.rule import Rule, RuleContext, Target, Violation, bad, good


def check(document: Document, ctx: RuleContext):
    if (document.period or "").strip() or all(o.unnamed for o in document.objectives):
        return  # a period, or no objective to date (key results alone: a draft to review)
    today = ctx.today or dt.date.today()
    quarter = (today.month - 1) // 3 + 1  # the hint names the quarter we are in
    if ctx.lang == "nb":
        example = f"period: {quarter}. kvartal {today.year}"
    else:
        example = f"period: Q{quarter} {today.year}"
    yield Violation(
        _("document does not say which period its OKRs are for"),
        suggestion=_(
            "add {example} at the top, or name the period in the title",
            example=ctx.quote(example),
        ),
    )


_OBJECTIVE_NB = """\
  - title: Økt kundelojalitet, fordi vi ønsker å gi kundene en grunn til å bli
    key_results:
      - Redusere ventetid på telefon fra ti til fem minutter
      - Forbedre responstid fra 48 til 24 timer
"""
_OBJECTIVE_EN = """\
  - title: Keep customers longer, because churn eats our growth
    key_results:
      - Cut monthly churn from 3% to 2%
      - Raise net revenue retention from 98% to 105%
"""

RULE = Rule(
    code="OKR301",
    name="document-missing-period",
    severity=Severity.INFO,
    target=Target.DOCUMENT,
    summary="The document names no quarter or period.",
    doc=__doc__,
    check=check,
    examples=(
        bad("nb", "objectives:\n" + _OBJECTIVE_NB, document=True),
        bad("nb", "owner: Kundeservice\nobjectives:\n" + _OBJECTIVE_NB, document=True),
        bad(
            "nb",
            "# 3. kvartal 2025 (kommentar teller ikke)\nobjectives:\n" + _OBJECTIVE_NB,
            document=True,
        ),
        bad("nb", "periode: Q3 2025\nobjectives:\n" + _OBJECTIVE_NB, document=True),
        bad("nb", "period: ''\nobjectives:\n" + _OBJECTIVE_NB, document=True),
        bad(
            "nb",
            "objectives:\n  - title: Vellykket lansering av nytt produkt i Q3, fordi vi må vokse\n"
            "    key_results:\n      - Solgt minst 1 000 produkter\n"
            "      - Få 200 svar på kundeundersøkelsen\n",
            document=True,
        ),
        good("nb", "period: Q3 2025\nobjectives:\n" + _OBJECTIVE_NB, document=True),
        good("nb", "period: 3. kvartal 2025\nobjectives:\n" + _OBJECTIVE_NB, document=True),
        good("nb", "period: '2026'\nobjectives:\n" + _OBJECTIVE_NB, document=True),
        good("nb", "period: H1 2026\nowner: Salg\nobjectives:\n" + _OBJECTIVE_NB, document=True),
        good("nb", "period: Skoleåret 2025/2026\nobjectives:\n" + _OBJECTIVE_NB, document=True),
        good(
            "nb", "language: nb\nperiod: 2. tertial\nobjectives:\n" + _OBJECTIVE_NB, document=True
        ),
        bad("en", "objectives:\n" + _OBJECTIVE_EN, document=True),
        bad("en", "owner: Customer success\nobjectives:\n" + _OBJECTIVE_EN, document=True),
        bad(
            "en",
            "# Q3 2025 (a comment does not count)\nobjectives:\n" + _OBJECTIVE_EN,
            document=True,
        ),
        bad("en", "quarter: Q3 2025\nobjectives:\n" + _OBJECTIVE_EN, document=True),
        bad("en", "period: ''\nobjectives:\n" + _OBJECTIVE_EN, document=True),
        bad(
            "en",
            "- title: Launch the new product successfully in Q3, because we must grow\n"
            "  key_results:\n    - Sell at least 1,000 units\n    - Get 200 survey answers\n",
            document=True,
        ),
        good("en", "period: Q3 2025\nobjectives:\n" + _OBJECTIVE_EN, document=True),
        good("en", "period: H2 2025\nobjectives:\n" + _OBJECTIVE_EN, document=True),
        good("en", "period: '2026'\nobjectives:\n" + _OBJECTIVE_EN, document=True),
        good("en", "period: FY26\nowner: Sales\nobjectives:\n" + _OBJECTIVE_EN, document=True),
        good("en", "period: Academic year 2025-26\nobjectives:\n" + _OBJECTIVE_EN, document=True),
        good("en", "language: en\nperiod: Q1\nobjectives:\n" + _OBJECTIVE_EN, document=True),
    ),
)
