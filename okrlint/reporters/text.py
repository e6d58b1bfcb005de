"""The default format: ``path:line:col: CODE [name] message`` and an indented hint."""

from __future__ import annotations

from okrlint.i18n import _, ngettext, say
from okrlint.model import Finding, Severity
from okrlint.report import Report
from okrlint.reporters import in_sheet
from okrlint.reporters.sanitize import one_line

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
# Translators: the label in front of a finding's suggested fix, in the terminal
HINT = _("hint:")


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def format_finding(f: Finding, *, color: bool = False, lang: str | None = None) -> str:
    """One finding, said in ``lang`` (default: the language of the finding's element)."""
    lang = lang or f.language
    if f.code == "OKR000":  # an input error has a line but no element
        head = _paint(f"{one_line(f.path)}:{f.span.line}:", "1", color)
        return f"{head} {_paint('OKR000', '1;31', color)} {one_line(say(f.message, lang))}"
    span = f.span
    message = say(f.message, lang)
    if span.sheet:
        message = in_sheet(span, lang) + message
    where = f"{one_line(f.path)}:{span.line}:{span.column}:"
    if color:
        where, code = _paint(where, "1", True), _paint(f.code, "1;" + _COLORS[f.severity], True)
    else:  # the common case (a file, a pipe, CI), once per finding of a large report
        code = f.code
    line = f"{where} {code} [{f.rule}] {one_line(message)}"
    if f.suggestion:
        hint = _paint(say(HINT, lang), "2", color)
        line += "\n    " + hint + " " + one_line(say(f.suggestion, lang))
    return line


def summary_line(report: Report) -> str:
    """What was checked and what was found, in the report's language; files that could not
    be read are counted apart, never as checked."""
    s = report.summary()
    lang = report.language
    unread = s["errors"]
    checked = s["files"] - unread
    if not s["files"]:
        return say(_("No OKR files found, so nothing was checked."), lang)
    files = ngettext("{n} file", "{n} files", checked)
    content = ", ".join(
        (
            say(ngettext("{n} objective", "{n} objectives", s["objectives"]), lang),
            say(ngettext("{n} key result", "{n} key results", s["key_results"]), lang),
        )
    )
    not_read = ngettext("{n} file could not be read", "{n} files could not be read", unread)
    if not s["findings"]:
        if not unread:
            line = _("No problems found in {files} ({content}).", files=files, content=content)
        elif not checked:
            line = _("Nothing was checked; {not_read}.", not_read=not_read)
        else:
            line = _(
                "No problems found in {files} ({content}), but {not_read}.",
                files=files,
                content=content,
                not_read=not_read,
            )
        return say(line, lang)
    sev = s["by_severity"]
    counts = (
        ngettext("{n} error", "{n} errors", sev["error"]) if sev["error"] else None,
        ngettext("{n} warning", "{n} warnings", sev["warning"]) if sev["warning"] else None,
        ngettext("{n} info", "{n} info", sev["info"]) if sev["info"] else None,
    )
    detail = ", ".join(say(c, lang) for c in counts if c)
    problems = ngettext("{n} problem", "{n} problems", s["findings"])
    if unread:
        line = _(
            "Found {problems} ({detail}) in {files} ({content}); {not_read}.",
            problems=problems,
            detail=detail,
            files=files,
            content=content,
            not_read=not_read,
        )
    else:
        line = _(
            "Found {problems} ({detail}) in {files} ({content}).",
            problems=problems,
            detail=detail,
            files=files,
            content=content,
        )
    return say(line, lang)


def score_line(report: Report) -> str:
    """ "Quality score 72/100." in the report's language; '' when nothing was scored."""
    score = report.overall_score  # see okrlint.score for the formula
    if score is None:
        return ""
    return say(_("Quality score {score}/100.", score=score), report.language)


def statistics(report: Report) -> str:
    counts: dict[tuple[str, str], int] = {}
    for f in report.findings:
        counts[(f.code, f.rule)] = counts.get((f.code, f.rule), 0) + 1
    width = max((len(str(n)) for n in counts.values()), default=1)
    return "\n".join(
        f"{n:>{width}}  {code:<7} {rule}" for (code, rule), n in sorted(counts.items())
    )


def format_report(report: Report, *, color: bool = False, quiet: bool = False) -> str:
    """The findings, then a blank line and the summary; ``quiet``: the findings alone."""
    messages, fallback = report.messages, report.language  # report.language_of, per finding
    lines = [
        format_finding(f, color=color, lang=messages or f.language or fallback)
        for f in report.findings
    ]
    if quiet:
        return "".join(line + "\n" for line in lines)
    if lines:
        lines.append("")
    score = score_line(report)
    lines.append(summary_line(report) + (" " + score if score else ""))
    return "\n".join(lines) + "\n"
