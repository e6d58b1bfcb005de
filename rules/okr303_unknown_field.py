"""A YAML key or table column okrlint does not know (misspelt ones are silently lost).

What it does:
    Flags a key in a YAML OKR document that okrlint does not recognise — in
    the document, an objective or a key result — at the key itself, with the
    nearest known key as a did-you-mean ("periode" → "period", "ansvarlig" →
    "owner", "key_result" → "key_results"). In an OKR table (Markdown, CSV,
    TSV or a spreadsheet) it flags the header cells okrlint cannot map to a
    field, once per header row, at the first of them ("Targte" → "Target",
    "Kommentarr" → "Kommentarer"). Plain text has no keys and is never
    flagged.

Why it matters:
    A misspelt key is silently lost: "keyresults:" instead of "key_results:"
    leaves an objective without key results, "periode:" leaves the document
    without a period, "hvorfor:" loses the why the article asks for ("Hva
    ønsker du å oppnå og hvorfor?" — "What do you want to achieve, and why?").
    A table column okrlint cannot read is lost the same way: a "Startverdi"
    typed "Startverdl" leaves every key result without its baseline. Every
    other rule then judges a document that is not what you wrote.

How to fix:
    Rename the key to the suggested one (the README lists the schema; `okrlint
    schema` prints a JSON Schema an editor can check against), or remove it.
    Keys of your own belong in a comment. Rename a column to one of the header
    words the README lists, or remove it.
"""

from __future__ import annotations

from okrlint.i18n import _, ngettext
from okrlint.model import Document, Edit, Fix, Severity, UnknownField
from okrlint.rule import Rule, RuleContext, Target, Violation, bad, good


def check(document: Document, ctx: RuleContext):
    headers: dict[tuple[str | None, int], list[UnknownField]] = {}
    for field in document.unknown_fields:
        if field.what == "column":  # one finding per table header, at its first unknown cell
            headers.setdefault((field.span.sheet, field.span.line), []).append(field)
            continue
        key = ctx.quote(field.key)
        fixes: tuple[Fix, ...] = ()
        if field.suggestion:
            hint = _("did you mean {near}? rename {key}", near=ctx.quote(field.suggestion), key=key)
            rename = Edit(0, 0, field.suggestion, span=field.span)
            fixes = (
                Fix(
                    _("rename {key} to {near}", key=key, near=ctx.quote(field.suggestion)),
                    (rename,),
                ),
            )
        else:
            hint = _("remove {key} or move it into a comment", key=key)
        yield Violation(
            _unknown_key(key, field.where),
            suggestion=hint,
            span=field.span,
            fixes=fixes,
        )
    for fields in headers.values():
        yield _unknown_columns(fields, ctx)


def _unknown_columns(fields: list[UnknownField], ctx: RuleContext) -> Violation:
    names = ", ".join(ctx.quote(f.key) for f in fields)
    guesses = [f for f in fields if f.suggestion]
    if guesses:
        said = [
            _(
                "did you mean {near} for {key}?",
                near=ctx.quote(_header(f.suggestion)),
                key=ctx.quote(f.key),
            )
            for f in guesses
        ]
        hint = said[0]
        for more in said[1:]:
            # Translators: two hints one after the other; keep as it is unless the language
            # separates sentences otherwise
            hint = _("{earlier}; {later}", earlier=hint, later=more)
    else:
        hint = ngettext(
            "rename it to a column okrlint reads (the README lists the header words) or remove it",
            "rename them to a column okrlint reads (the README lists the header words) "
            "or remove them",
            len(fields),
        )
    return Violation(
        ngettext(
            "unknown column {names} in the table header; okrlint ignores it",
            "unknown columns {names} in the table header; okrlint ignores them",
            len(fields),
            names=names,
        ),
        suggestion=hint,
        span=fields[0].span,
    )


def _unknown_key(key: str, where: str):
    if where == "objective":
        return _("unknown key {key} in the objective; okrlint ignores it", key=key)
    if where == "key result":
        return _("unknown key {key} in the key result; okrlint ignores it", key=key)
    if where == "action":
        return _("unknown key {key} in the action; okrlint ignores it", key=key)
    if where == "table":
        return _("unknown key {key} in the table; okrlint ignores it", key=key)
    return _("unknown key {key} in the document; okrlint ignores it", key=key)


def _header(word: str) -> str:
    return word[:1].upper() + word[1:]


_KR_NB = "      - Redusere ventetid fra ti til fem minutter\n      - Øke NPS fra 20 til 40\n"
_KR_EN = "      - Cut churn from 3% to 2%\n      - Raise NPS from 20 to 40\n"
_TITLE_NB = "  - title: Økt kundelojalitet, fordi kundene skal bli\n"
_TITLE_EN = "  - title: Keep customers longer, because churn eats our growth\n"

_TABLE_NB = """\
## Mål: Raskere kundeservice, fordi kundene ikke skal vente

| Nøkkelresultat | {start} | Mål |
|---|---|---|
| Redusere svartid på chat | 12 min | 4 min |
| Øke andelen saker løst ved første kontakt | 55 % | 75 % |
"""
_TABLE_EN = """\
## Objective: Win the mid-market, because that is where our margin is

| Key result | {start} | Target |
|---|---|---|
| Increase qualified pipeline | $1.2M | $2M |
| Raise win rate | 18% | 25% |
"""

RULE = Rule(
    code="OKR303",
    name="unknown-field",
    severity=Severity.WARNING,
    target=Target.DOCUMENT,
    summary="A YAML key or table column okrlint does not know (misspelt ones are silently lost).",
    doc=__doc__,
    check=check,
    examples=(
        bad("nb", _TABLE_NB.format(start="Startverdl"), fmt="markdown"),
        good("nb", _TABLE_NB.format(start="Startverdi"), fmt="markdown"),
        good("nb", _TABLE_NB.format(start="I dag"), fmt="markdown"),
        bad("en", _TABLE_EN.format(start="Basline"), fmt="markdown"),
        good("en", _TABLE_EN.format(start="Baseline"), fmt="markdown"),
        good("en", _TABLE_EN.format(start="Current"), fmt="markdown"),
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
