"""Synthetic Reports for the reporter and score tests: built in Python, no readers or rules."""

from __future__ import annotations

from okrlint.model import Document, Finding, KeyResult, Objective, Severity, Span
from okrlint.report import FileResult, Report
from okrlint.rule import Rule, Target

DOC = """Flags a thing.

What it does:
    Flags a key result with no number.

Why it matters:
    A key result you cannot measure cannot be reached.

How to fix:
    Add a number, from X to Y.
"""


def rule(code: str, name: str, severity: Severity = Severity.ERROR) -> Rule:
    return Rule(code, name, severity, Target.KEY_RESULT, f"{name} summary", DOC, lambda e, c: ())


RULES = (
    rule("OKR101", "objective-measurable"),
    rule("OKR102", "objective-missing-why", Severity.WARNING),
    rule("OKR201", "kr-not-measurable"),
)


def kr(text: str, line: int, id: str | None = None) -> KeyResult:
    return KeyResult(text, Span(line, 7, line, 7 + len(text)), id=id)


def objective(text: str, line: int, krs=(), **fields) -> Objective:
    return Objective(text, Span(line, 10, line, 10 + len(text)), key_results=tuple(krs), **fields)


def finding(
    path: str,
    element,
    code: str = "OKR201",
    severity: Severity = Severity.ERROR,
    message: str = "key result has no number",
    suggestion: str | None = "add a number",
    highlight: tuple[int, int] | None = None,
) -> Finding:
    names = {r.code: r.name for r in RULES}
    if element is None:
        return Finding(
            path, Span(1, 1, 1, 1), code, names.get(code, "x"), severity, message, suggestion
        )
    return Finding(
        path,
        element.span,
        code,
        names.get(code, "x"),
        severity,
        message,
        suggestion,
        element=element.kind.value,
        text=element.text,
        highlight=highlight,
    )


def report(
    documents: list[Document], findings: list[Finding], errors: dict[str, str] | None = None
) -> Report:
    files = [FileResult(d.path, d.format, d.language, "file", (d,)) for d in documents]
    extra: list[Finding] = []
    for path, message in (errors or {}).items():
        files.append(FileResult(path, errors=1))
        extra.append(
            Finding(path, Span(3, 1, 3, 1), "OKR000", "parse-error", Severity.ERROR, message)
        )
    all_findings = tuple(sorted([*findings, *extra], key=lambda f: f.sort_key))
    return Report(tuple(files), all_findings, RULES)


def sample() -> Report:
    """Two objectives (one clean), markup in a key result, a highlight, an unreadable file."""
    bad_kr = kr("Get more followers <script>alert(1)</script>", 5, "o1.kr1")
    good_kr = kr("Grow revenue from 10 to 20", 6, "o1.kr2")
    o1 = objective("Increase revenue by 30%", 3, [bad_kr, good_kr], id="o1", owner="Growth")
    clean_kr = kr("Cut checkout time from 90 to 45 seconds", 9, "o2.kr1")
    o2 = objective(
        "Be the coffee shop Oslo loves, because regulars pay the rent",
        8,
        [clean_kr],
        id="o2",
        why="because regulars pay the rent",
        parent="o1.kr2",
    )
    doc = Document("okrs/growth.okr.yaml", "yaml", (o1, o2), language="en")
    findings = [
        finding(
            doc.path,
            o1,
            "OKR101",
            message="objective states a quantity ('30%')",
            suggestion="move '30%' into a key result",
            highlight=(20, 23),
        ),
        finding(
            doc.path,
            o1,
            "OKR102",
            Severity.WARNING,
            "objective does not say why",
            "add 'because …'",
        ),
        finding(doc.path, bad_kr, highlight=(4, 8)),
    ]
    return report([doc], findings, errors={"okrs/broken.okr.yaml": "could not parse: bad indent"})
