"""The review layout: a draft as a reader sees it, for a one-off review in the terminal.

Each objective and key result on its own line with a mark, the findings and hints indented
under the element they concern, the scores, and the three most useful fixes at the end.
Unicode marks and colour when ``color`` is on (a TTY), plain ASCII when piped.
"""

from __future__ import annotations

from dataclasses import dataclass

from okrlint.model import Document, Finding, Objective, Severity
from okrlint.report import FileResult, Report
from okrlint.reporters.sanitize import one_line
from okrlint.reporters.text import summary_line
from okrlint.score import WEIGHTS, clamp, document_key, element_key, locate

_ANSI = {"ok": "32", Severity.INFO: "36", Severity.WARNING: "33", Severity.ERROR: "31"}
_UNICODE = {"ok": "✔", Severity.INFO: "ℹ", Severity.WARNING: "⚠", Severity.ERROR: "✖"}
_ASCII = {"ok": "ok  ", Severity.INFO: "info", Severity.WARNING: "warn", Severity.ERROR: "ERR "}


@dataclass(frozen=True)
class Style:
    color: bool

    def paint(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color else text

    def mark(self, key: str | Severity) -> str:
        symbols = _UNICODE if self.color else _ASCII
        return self.paint(symbols[key], "1;" + _ANSI[key])

    def bold(self, text: str) -> str:
        return self.paint(text, "1")

    def dim(self, text: str) -> str:
        return self.paint(text, "2")


def worst(findings: list[Finding]) -> str | Severity:
    """The element's mark: its worst finding, or ok (info alone still reads as ok)."""
    top = max((f.severity for f in findings), key=lambda s: s.rank, default=None)
    return "ok" if top in (None, Severity.INFO) else top


def _findings(found: list[Finding], indent: str, style: Style) -> list[str]:
    lines = []
    for f in found:
        head = f"{style.mark(f.severity)} {style.bold(f.code)} {f.rule}"
        lines.append(f"{indent}{head}  {one_line(f.message)}")
        if f.suggestion:
            lines.append(f"{indent}     {style.dim('hint:')} {one_line(f.suggestion)}")
    return lines


def _score(score: int | None, style: Style) -> str:
    return style.dim(f"[{score}/100]") if score is not None else ""


def _objective(path: str, o: Objective, placed: dict, report: Report, style: Style) -> list[str]:
    own = list(placed.get(element_key(path, o), []))
    scored = report.scores.objective(path, o)
    name = f"{o.id} " if o.id else ""
    level = f" ({o.level})" if o.level else ""
    mark = style.mark(
        worst(own + [f for a in o.actions for f in placed.get(element_key(path, a), [])])
    )
    lines = [
        f"{mark} {style.bold(f'Objective {name}'.rstrip() + level + ':')} {one_line(o.text)}"
        f"  {_score(scored.score if scored else None, style)}"
    ]
    details = [
        (label, value)
        for label, value in (("why", o.why), ("owner", o.owner), ("parent", o.parent))
        if value
    ]
    for label, value in details:
        lines.append(f"       {style.dim(label + ':')} {one_line(value)}")
    lines += _findings(own, "       ", style)
    for kr in o.key_results:
        found = placed.get(element_key(path, kr), [])
        score = clamp(100 - sum(WEIGHTS[f.severity] for f in found))
        label = f"KR {kr.id}:" if kr.id else "KR:"
        lines.append(
            f"    {style.mark(worst(found))} {label} {one_line(kr.text)}  {_score(score, style)}"
        )
        lines += _findings(found, "           ", style)
    for action in o.actions:
        found = placed.get(element_key(path, action), [])
        lines.append(
            f"    {style.mark(worst(found))} {style.dim('action:')} {one_line(action.text)}"
        )
        lines += _findings(found, "           ", style)
    return lines


def _document(doc: Document, placed: dict, report: Report, style: Style) -> list[str]:
    lines: list[str] = []
    for o in doc.objectives:
        lines += _objective(doc.path, o, placed, report, style)
        lines.append("")
    return lines


def _file(result: FileResult, placed: dict, report: Report, style: Style) -> list[str]:
    scored = report.scores.file(result.path)
    facts = ", ".join(x for x in (result.format, result.language) if x)
    head = f"{style.bold(one_line(result.path))}" + (f" ({facts})" if facts else "")
    lines = [f"{head}  {_score(scored.score if scored else None, style)}", ""]
    if result.errors:
        for f in report.findings_in(result.path):
            if f.code == "OKR000":
                lines.append(
                    f"{style.mark(Severity.ERROR)} line {f.span.line}: {one_line(f.message)}"
                )
        return [*lines, ""]
    for doc in result.documents:
        lines += _document(doc, placed, report, style)
    about_doc = placed.get(document_key(result.path), [])
    if about_doc:
        lines.append(style.bold("The document as a whole:"))
        lines += _findings(about_doc, "    ", style)
        lines.append("")
    if not any(d.objectives for d in result.documents):
        lines += ["    (no objectives found)", ""]
    return lines


def top_fixes(report: Report, n: int = 3) -> list[Finding]:
    """The fixes worth most points: worst severity first, a computed rewrite before none."""
    candidates = [f for f in report.findings if f.code != "OKR000"]
    ranked = sorted(candidates, key=lambda f: (-f.severity.rank, f.suggestion is None, f.sort_key))
    return ranked[:n]


def _top(report: Report, style: Style) -> list[str]:
    fixes = top_fixes(report)
    if not fixes:
        return []
    lines = [style.bold(f"Top {len(fixes)} fixes" if len(fixes) > 1 else "Top fix")]
    for i, f in enumerate(fixes, 1):
        where = f"{one_line(f.path)}:{f.span.line}"
        lines.append(f"  {i}. {where}  {f.code} {f.rule}: {one_line(f.message)}")
        action = f"{one_line(f.suggestion)}" if f.suggestion else "see: okrlint explain " + f.code
        lines.append(
            f"     {style.dim('fix:')} {action}  {style.dim(f'(+{WEIGHTS[f.severity]} points)')}"
        )
    return [*lines, ""]


def format_report(report: Report, *, color: bool = False) -> str:
    style = Style(color)
    placed = locate([d for f in report.files for d in f.documents], report.findings)
    lines: list[str] = []
    for result in report.files:
        lines += _file(result, placed, report, style)
    lines += _top(report, style)
    lines.append(summary_line(report))
    overall = report.scores.overall
    if overall is not None:
        lines.append(style.bold(f"Quality score {overall}/100"))
    return "\n".join(lines) + "\n"
