"""The default format: ``path:line:col: CODE [name] message`` and an indented hint."""

from __future__ import annotations

from okrlint.model import Finding, Severity
from okrlint.report import Report
from okrlint.reporters import in_sheet
from okrlint.reporters.sanitize import one_line

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def format_finding(f: Finding, *, color: bool = False) -> str:
    if f.code == "OKR000":  # an input error has a line but no element
        head = _paint(f"{one_line(f.path)}:{f.span.line}:", "1", color)
        return f"{head} {_paint('OKR000', '1;31', color)} {one_line(f.message)}"
    where = _paint(f"{one_line(f.path)}:{f.span.line}:{f.span.column}:", "1", color)
    code = _paint(f.code, "1;" + _COLORS[f.severity], color)
    line = f"{where} {code} [{f.rule}] {one_line(in_sheet(f.span) + f.message)}"
    if f.suggestion:
        line += "\n    " + _paint("hint:", "2", color) + " " + one_line(f.suggestion)
    return line


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary_line(report: Report) -> str:
    """One line that says what was checked and what was found; files that could not be read
    are counted apart, never as checked."""
    s = report.summary()
    unread = s["errors"]
    checked = s["files"] - unread
    files = _plural(checked, "file")
    content = f"{_plural(s['objectives'], 'objective')}, {_plural(s['key_results'], 'key result')}"
    not_read = f"{_plural(unread, 'file')} could not be read"
    if not s["files"]:
        return "No OKR files found, so nothing was checked."
    if not s["findings"]:
        if not unread:
            return f"No problems found in {files} ({content})."
        if not checked:
            return f"Nothing was checked; {not_read}."
        return f"No problems found in {files} ({content}), but {not_read}."
    sev = s["by_severity"]
    parts = ", ".join(
        _plural(sev[k], w) for k, w in (("error", "error"), ("warning", "warning")) if sev[k]
    )
    info = f"{sev['info']} info" if sev["info"] else ""
    detail = ", ".join(p for p in (parts, info) if p)
    tail = f"; {not_read}" if unread else ""
    return f"Found {_plural(s['findings'], 'problem')} ({detail}) in {files} ({content}){tail}."


def statistics(report: Report) -> str:
    counts: dict[tuple[str, str], int] = {}
    for f in report.findings:
        counts[(f.code, f.rule)] = counts.get((f.code, f.rule), 0) + 1
    width = max((len(str(n)) for n in counts.values()), default=1)
    return "\n".join(
        f"{n:>{width}}  {code:<7} {rule}" for (code, rule), n in sorted(counts.items())
    )


def format_report(report: Report, *, color: bool = False) -> str:
    lines = [format_finding(f, color=color) for f in report.findings]
    if lines:
        lines.append("")
    score = report.scores.overall  # see okrlint.score for the formula
    tail = f" Quality score {score}/100." if score is not None else ""
    lines.append(summary_line(report) + tail)
    return "\n".join(lines) + "\n"
