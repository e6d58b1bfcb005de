"""GitHub Actions workflow commands: one annotation per finding, grouped per file.

``::error file=…,line=…,endLine=…,col=…,endColumn=…,title=OKR201 kr-not-measurable::message``.
Columns are left out when a span covers several lines (GitHub then marks whole lines).
GitHub shows only ten annotations of each level per step, so a plain summary follows.
"""

from __future__ import annotations

from itertools import groupby

from okrlint.i18n import _, say
from okrlint.model import Finding, Severity
from okrlint.report import Report
from okrlint.reporters import in_sheet
from okrlint.reporters.sanitize import printable
from okrlint.reporters.text import score_line, summary_line

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    # line breaks become %0D/%0A (GitHub's own escapes); other control characters are shown
    # as \x1b etc., since the Actions log would turn ANSI escapes into colour and cursor moves
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding, lang: str | None = None) -> str:
    """One finding as a workflow command, said in ``lang`` (default: the finding's own)."""
    lang = lang or f.language
    level = "error" if f.code == "OKR000" else LEVELS[f.severity]
    props = [("file", f.path), ("line", str(max(f.span.line, 1)))]
    if f.code != "OKR000":
        end_line = max(f.span.end_line, f.span.line)
        props.append(("endLine", str(end_line)))
        if end_line == f.span.line:
            props += [("col", str(f.span.column)), ("endColumn", str(f.span.end_column))]
    title = f.code if f.code == "OKR000" else f"{f.code} {f.rule}"
    props.append(("title", title))
    message = in_sheet(f.span, lang) + say(f.message, lang)
    if f.suggestion:
        # Translators: a finding's suggested fix, on the line under its message
        message += "\n" + say(_("Hint: {hint}", hint=f.suggestion), lang)
    head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{level} {head}::{escape_data(message)}"


def summary(report: Report) -> list[str]:
    lines = [summary_line(report)]
    score = score_line(report)
    if score:
        lines.append(score)
    by_rule: dict[tuple[str, str], int] = {}
    for f in report.findings:
        by_rule[(f.code, f.rule)] = by_rule.get((f.code, f.rule), 0) + 1
    lines += [f"  {n:>3}  {code} {rule}" for (code, rule), n in sorted(by_rule.items())]
    return lines


def format_report(report: Report, *, color: bool = False) -> str:
    lines: list[str] = []
    for path, found in groupby(report.findings, key=lambda f: f.path):
        lines.append(f"::group::{escape_data(path)}")
        lines += [annotation(f, report.language_of(f)) for f in found]
        lines.append("::endgroup::")
    lines += summary(report)
    return "\n".join(lines) + "\n"
