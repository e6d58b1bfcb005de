"""Nothing could be read from a file named on the command line or from stdin.

What it does:
    Flags a file you named on the command line (or the text on stdin, or
    `--text`) from which okrlint could read no objective and no key result:
    an empty file, a YAML file with `objectives: []`, a Markdown page of prose
    only, a CSV file with a header and no rows. The finding says what okrlint
    expected in that format and shows one example line of it. Files found by
    walking a folder are not flagged: a README among your OKR files is no
    mistake (a notice on stderr says nothing was read from it).

Why it matters:
    The article asks two questions of every OKR: "Hva ønsker du å oppnå?"
    (what do you want to achieve?) and "Hvordan vet vi om vi har nådd vårt
    objective?" (how do we know we have reached it?). A file okrlint could not
    read answers neither, yet without this rule it would pass with "No problems
    found": a clean bill for a draft nobody checked. The most direct question a
    user can ask — is this OKR any good? — deserves more than silence.

How to fix:
    Write the OKRs in a form okrlint reads: in YAML a list under
    `objectives:`, in Markdown a heading per objective with its key results as
    a list, in plain text an "Objective:" / "Mål:" line with its key results
    below it (or the key results alone, one per line), in CSV or a spreadsheet
    a header row such as "Objective, Key result, Baseline, Target" and a row
    per key result. Check that you named the right file.
"""

from __future__ import annotations

from okrlint.i18n import _
from okrlint.model import Document, Severity
from okrlint.rule import Rule, RuleContext, Target, Violation, bad, good

# What okrlint reads in each format, and one example line of it, per language.
EXPECTED = {
    "yaml": _(
        "no objectives or key results found; okrlint read this as YAML and expected a list of "
        "objectives under 'objectives:', each with its 'key_results:'"
    ),
    "markdown": _(
        "no objectives or key results found; okrlint read this as Markdown and expected a "
        "heading per objective with its key results as a list below it"
    ),
    "text": _(
        "no objectives or key results found; okrlint read this as plain text and expected an "
        "'Objective:' line with its key results below it, or key results one per line"
    ),
    "csv": _(
        "no objectives or key results found; okrlint read this as CSV and expected a header "
        "row naming the columns and a row per key result"
    ),
    "xlsx": _(
        "no objectives or key results found; okrlint read this as a spreadsheet and expected "
        "a sheet with a header row naming the columns and a row per key result"
    ),
}
EXAMPLE = {
    ("yaml", "en"): "objectives: [{title: 'Happier customers, because they stay', "
    "key_results: ['Raise NPS from 20 to 40']}]",
    ("yaml", "nb"): "objectives: [{title: 'Mer fornøyde kunder, fordi de blir lenger', "
    "key_results: ['Øke NPS fra 20 til 40']}]",
    ("markdown", "en"): "## Objective: Happier customers, because they stay",
    ("markdown", "nb"): "## Mål: Mer fornøyde kunder, fordi de blir lenger",
    ("text", "en"): "Objective: Happier customers, because they stay",
    ("text", "nb"): "Mål: Mer fornøyde kunder, fordi de blir lenger",
    ("csv", "en"): "Objective,Key result,Baseline,Target",
    ("csv", "nb"): "Mål;Nøkkelresultat;Startverdi;Målverdi",
    ("xlsx", "en"): "Objective | Key result | Baseline | Target",
    ("xlsx", "nb"): "Mål | Nøkkelresultat | Startverdi | Målverdi",
}


def check(document: Document, ctx: RuleContext):
    if not document.named or document.objectives:
        return
    same_file = [d for d in ctx.documents if d.path == document.path] or [document]
    if any(d.objectives for d in same_file) or same_file[0] is not document:
        return  # another YAML document or sheet of the file has OKRs, or was reported
    fmt = document.format if document.format in EXPECTED else "text"
    lang = "nb" if ctx.lang == "nb" else "en"
    yield Violation(
        EXPECTED[fmt],
        suggestion=_(
            "write it like {example}, or check the file name",
            example=ctx.quote(EXAMPLE[(fmt, lang)]),
        ),
    )


RULE = Rule(
    code="OKR305",
    name="no-okrs-found",
    severity=Severity.WARNING,
    target=Target.DOCUMENT,
    summary="Nothing could be read from a file named on the command line or from stdin.",
    doc=__doc__,
    check=check,
    examples=(
        bad("nb", "objectives: []\n", document=True),
        bad(
            "nb", "# Salgsavdelingen\n\nHer kommer målene våre for neste kvartal.\n", fmt="markdown"
        ),
        bad("nb", "Mål;Nøkkelresultat;Startverdi;Målverdi\n", fmt="csv"),
        bad("nb", "# bare en kommentar\n", fmt="text"),
        good(
            "nb",
            "objectives:\n  - title: Mer fornøyde kunder, fordi de blir lenger\n"
            "    key_results:\n      - Øke NPS fra 20 til 40\n",
            document=True,
        ),
        good(
            "nb",
            "## Mål: Mer fornøyde kunder, fordi de blir lenger\n\n- Øke NPS fra 20 til 40\n",
            fmt="markdown",
        ),
        good(
            "nb",
            "Mål;Nøkkelresultat;Startverdi;Målverdi\nFornøyde kunder;Øke NPS;20;40\n",
            fmt="csv",
        ),
        good("nb", "Øke salget med flere kunder\n", fmt="text"),
        bad("en", "objectives:\n", document=True),
        bad("en", "# Sales team\n\nOur goals for next quarter are coming soon.\n", fmt="markdown"),
        bad("en", "Objective,Key result,Baseline,Target\n", fmt="csv"),
        bad("en", "", fmt="text"),
        good(
            "en",
            "objectives:\n  - title: Happier customers, because they stay\n"
            "    key_results:\n      - Raise NPS from 20 to 40\n",
            document=True,
        ),
        good(
            "en",
            "## Objective: Happier customers, because they stay\n\n- Raise NPS from 20 to 40\n",
            fmt="markdown",
        ),
        good("en", "Objective,Key result\nHappier customers,Raise NPS from 20 to 40\n", fmt="csv"),
        good("en", "Increase sales with more customers\n", fmt="text"),
    ),
)
