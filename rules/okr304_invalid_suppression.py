"""A suppression comment names a rule that does not exist; it silences nothing.

What it does:
    Flags each part of an `okrlint: disable` comment that is not a rule code,
    a code prefix or a rule name okrlint knows: a typo (`OKR2O1`, `kr-actvity`),
    a broken code (`OKR201-`, `kr-`), or an `=` with nothing after it. Such a
    part silences nothing; the other codes in the same comment still work, and
    a comment without `=` and without codes still silences every rule.

Why it matters:
    A suppression is a promise that someone looked at a finding and chose to
    keep the text. A misspelt code keeps nothing quiet, so the finding comes
    back and nobody knows why; worse, before this rule a broken list
    (`disable=OKR201-`) silenced every rule on the element, hiding problems
    nobody had looked at — a key result with no number, an objective without
    the *why* the article asks for ("Hva ønsker du å oppnå og hvorfor?").

How to fix:
    Write the rule's code or name as `okrlint rules` lists it, separated by
    commas or spaces (`disable=OKR201, kr-activity`), or remove the comment.
    Leave out `=` and the codes to silence every rule on the element.
"""

from __future__ import annotations

import difflib

from okrlint.i18n import _
from okrlint.model import Document, Severity, Span
from okrlint.registry import suggest_rule
from okrlint.rule import Rule, RuleContext, Target, Violation, bad, good, names_rule


def check(document: Document, ctx: RuleContext):
    rules = ctx.known_rules
    names = [r.code for r in rules] + [r.name for r in rules]
    for sup in document.suppressions:
        where = Span.point(sup.line)
        for part in sup.invalid:
            if not part:
                yield Violation(
                    _("the suppression comment names no rule after '='; it silences nothing"),
                    suggestion=_(
                        "name the rules after '=' (e.g. 'disable=OKR201'), or leave out '=' to "
                        "silence every rule on the element"
                    ),
                    span=where,
                )
                continue
            yield Violation(
                _(
                    "{words} in a suppression comment is no rule code or name; it silences nothing",
                    words=ctx.quote(part),
                ),
                suggestion=_hint(part, names, ctx),
                span=where,
            )
        for code in sorted(sup.codes):
            if not any(names_rule(rule, code) for rule in rules):
                yield Violation(
                    _(
                        "unknown rule {code} in a suppression comment; it silences nothing",
                        code=ctx.quote(code),
                    ),
                    suggestion=_hint(code, names, ctx),
                    span=where,
                )


def _hint(written: str, names: list[str], ctx: RuleContext) -> str:
    # the did-you-mean every other place that names a rule gives (explain, select, config)
    close = suggest_rule(ctx.known_rules, written.strip("-_"))
    if close is None:
        close = next(iter(difflib.get_close_matches(written.strip("-_").upper(), names, n=1)), None)
    if close:
        return _("did you mean {near}?", near=ctx.quote(close))
    return _("use a code or name that 'okrlint rules' lists")


def _yaml(title: str, kr: str, comment: str) -> str:
    return f"period: 2026-Q1\nobjectives:\n  - title: {title}\n    key_results:\n      - {kr}  # {comment}\n"


_NB = ("Flere faste kunder, fordi de gir forutsigbare inntekter", "Arrangere kundekveld")
_EN = ("Win the mid-market, because that is where our growth is", "Run a customer evening")

RULE = Rule(
    code="OKR304",
    name="invalid-suppression",
    severity=Severity.WARNING,
    target=Target.DOCUMENT,
    summary="A suppression comment names a rule that does not exist; it silences nothing.",
    doc=__doc__,
    check=check,
    examples=(
        bad("nb", _yaml(*_NB, "okrlint: disable=OKR201-"), document=True),
        bad("nb", _yaml(*_NB, "okrlint: disable=kr-aktivitet"), document=True),
        bad("nb", _yaml(*_NB, "okrlint: disable="), document=True),
        bad("nb", _yaml(*_NB, "okrlint: disable = OKR208 OKR9999"), document=True),
        good("nb", _yaml(*_NB, "okrlint: disable=OKR208"), document=True),
        good("nb", _yaml(*_NB, "okrlint: disable = kr-activity, OKR201"), document=True),
        good("nb", _yaml(*_NB, "okrlint: disable"), document=True),
        good("nb", _yaml(*_NB, "okrlint: disable=OKR2"), document=True),
        bad("en", _yaml(*_EN, "okrlint: disable=kr-"), document=True),
        bad("en", _yaml(*_EN, "okrlint: disable=OKR2O8"), document=True),
        bad("en", _yaml(*_EN, "okrlint: disable-file="), document=True),
        bad("en", _yaml(*_EN, "okrlint: disable=kr-activity,because-legacy"), document=True),
        good("en", _yaml(*_EN, "okrlint: disable=kr-activity"), document=True),
        good("en", _yaml(*_EN, "okrlint: disable OKR208 OKR201"), document=True),
        good("en", _yaml(*_EN, "okrlint: disable-file"), document=True),
        good("en", _yaml(*_EN, "okrlint: disable=ALL"), document=True),
    ),
)
