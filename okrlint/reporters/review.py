"""The review layout: a draft as a reader sees it, for a one-off review in the terminal.

Each objective and key result on its own line with a mark, the findings and hints indented
under the element they concern, the scores, and the three most useful fixes at the end.
Unicode marks and colour when ``color`` is on (a TTY), plain ASCII when piped.
"""

from __future__ import annotations

from dataclasses import dataclass

from okrlint.i18n import _, ngettext, pgettext, say
from okrlint.model import Document, Finding, Objective, Severity
from okrlint.report import FileResult, Report
from okrlint.reporters.sanitize import one_line
from okrlint.reporters.text import HINT, score_line, summary_line
from okrlint.score import WEIGHTS, clamp, document_key, element_key, locate

_ANSI = {"ok": "32", Severity.INFO: "36", Severity.WARNING: "33", Severity.ERROR: "31"}
_UNICODE = {"ok": "✔", Severity.INFO: "ℹ", Severity.WARNING: "⚠", Severity.ERROR: "✖"}
# Translators: the marks in front of each line when the review is piped (at most 4 letters)
_ASCII = {
    "ok": pgettext("review mark", "ok"),
    Severity.INFO: pgettext("review mark", "info"),
    Severity.WARNING: pgettext("review mark", "warn"),
    Severity.ERROR: pgettext("review mark", "ERR"),
}
# Translators: an objective's level, as written in the YAML 'level:' field
LEVELS = {
    "company": pgettext("level", "company"),
    "department": pgettext("level", "department"),
    "team": pgettext("level", "team"),
}


@dataclass(frozen=True)
class Style:
    color: bool
    lang: str = "en"

    def paint(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color else text

    def mark(self, key: str | Severity) -> str:
        symbol = _UNICODE[key] if self.color else say(_ASCII[key], self.lang)[:4].ljust(4)
        return self.paint(symbol, "1;" + _ANSI[key])

    def say(self, text: str) -> str:
        return say(text, self.lang)

    def speaking(self, lang: str) -> Style:
        return Style(self.color, lang)

    def bold(self, text: str) -> str:
        return self.paint(text, "1")

    def dim(self, text: str) -> str:
        return self.paint(text, "2")


def worst(findings: list[Finding]) -> str | Severity:
    """The element's mark: its worst finding, or ok (info alone still reads as ok)."""
    top = max((f.severity for f in findings), key=lambda s: s.rank, default=None)
    return "ok" if top in (None, Severity.INFO) else top


def _findings(found: list[Finding], indent: str, style: Style, report: Report) -> list[str]:
    lines = []
    for f in found:
        said = style.speaking(report.language_of(f))
        head = f"{said.mark(f.severity)} {said.bold(f.code)} {f.rule}"
        lines.append(f"{indent}{head}  {one_line(said.say(f.message))}")
        if f.suggestion:
            hint = said.dim(said.say(HINT))
            lines.append(f"{indent}     {hint} {one_line(said.say(f.suggestion))}")
    return lines


def _score(score: int | None, style: Style) -> str:
    return style.dim(f"[{score}/100]") if score is not None else ""


def _objective(path: str, o: Objective, placed: dict, report: Report, style: Style) -> list[str]:
    own = list(placed.get(element_key(path, o), []))
    scored = report.scores.objective(path, o)
    mark = style.mark(
        worst(own + [f for a in o.actions for f in placed.get(element_key(path, a), [])])
    )
    level = style.say(LEVELS[o.level]) if o.level in LEVELS else o.level
    if o.id and level:
        title = _("Objective {id} ({level}):", id=o.id, level=level)
    elif o.id:
        title = _("Objective {id}:", id=o.id)
    elif level:
        title = _("Objective ({level}):", level=level)
    else:
        title = _("Objective:")
    heading = f"{style.bold(one_line(style.say(title)))} {one_line(o.text)}"
    if o.unnamed:
        heading = style.bold(style.say(_("Key results under no objective:")))
    lines = [f"{mark} {heading}  {_score(scored.score if scored else None, style)}"]
    details = [
        (label, value)
        for label, value in ((_("why:"), o.why), (_("owner:"), o.owner), (_("parent:"), o.parent))
        if value
    ]
    for label, value in details:
        lines.append(f"       {style.dim(style.say(label))} {one_line(value)}")
    lines += _findings(own, "       ", style, report)
    for kr in o.key_results:
        found = placed.get(element_key(path, kr), [])
        score = clamp(100 - sum(WEIGHTS[f.severity] for f in found))
        # Translators: "KR" stands for key result, in front of each key result of the review
        label = _("KR {id}:", id=kr.id) if kr.id else _("KR:")
        lines.append(
            f"    {style.mark(worst(found))} {one_line(style.say(label))} {one_line(kr.text)}"
            f"  {_score(score, style)}"
        )
        lines += _findings(found, "           ", style, report)
    for action in o.actions:
        found = placed.get(element_key(path, action), [])
        label = style.dim(style.say(_("action:")))
        lines.append(f"    {style.mark(worst(found))} {label} {one_line(action.text)}")
        lines += _findings(found, "           ", style, report)
    return lines


def _document(doc: Document, placed: dict, report: Report, style: Style) -> list[str]:
    lines: list[str] = []
    if doc.span.sheet is not None:
        sheet = style.say(_("Sheet '{sheet}':", sheet=one_line(doc.span.sheet)))
        lines += [style.bold(sheet), ""]
    for o in doc.objectives:
        lines += _objective(doc.path, o, placed, report, style)
        lines.append("")
    return lines


def _file(result: FileResult, placed: dict, report: Report, style: Style) -> list[str]:
    style = style.speaking(report.file_language(result))
    scored = report.scores.file(result.path)
    facts = ", ".join(x for x in (result.format, result.language) if x)
    head = f"{style.bold(one_line(result.path))}" + (f" ({facts})" if facts else "")
    lines = [f"{head}  {_score(scored.score if scored else None, style)}", ""]
    if result.errors:
        for f in report.findings_in(result.path):
            if f.code == "OKR000":
                where = style.say(_("line {line}:", line=f.span.line))
                message = one_line(say(f.message, report.language_of(f)))
                lines.append(f"{style.mark(Severity.ERROR)} {where} {message}")
        return [*lines, ""]
    for doc in result.documents:
        lines += _document(doc, placed, report, style)
    about_doc = placed.get(document_key(result.path), [])
    if about_doc:
        lines.append(style.bold(style.say(_("The document as a whole:"))))
        lines += _findings(about_doc, "    ", style, report)
        lines.append("")
    if not any(d.objectives for d in result.documents):
        lines += ["    " + style.say(_("(no objectives found)")), ""]
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
    style = style.speaking(report.language)
    heading = ngettext("Top fix", "Top {n} fixes", len(fixes))
    lines = [style.bold(style.say(heading))]
    for i, f in enumerate(fixes, 1):
        said = style.speaking(report.language_of(f))
        where = f"{one_line(f.path)}:{f.span.line}"
        if f.span.sheet is not None:
            where += " " + said.say(_("(sheet '{sheet}')", sheet=one_line(f.span.sheet)))
        lines.append(f"  {i}. {where}  {f.code} {f.rule}: {one_line(said.say(f.message))}")
        if f.suggestion:
            action = one_line(said.say(f.suggestion))
        else:
            action = said.say(_("see: okrlint explain {code}", code=f.code))
        points = said.say(ngettext("(+{n} point)", "(+{n} points)", WEIGHTS[f.severity]))
        label = said.dim(said.say(_("fix:")))
        lines.append(f"     {label} {action}  {said.dim(points)}")
    return [*lines, ""]


def format_report(report: Report, *, color: bool = False) -> str:
    style = Style(color)
    placed = locate([d for f in report.files for d in f.documents], report.findings)
    lines: list[str] = []
    for result in report.files:
        lines += _file(result, placed, report, style)
    lines += _top(report, style)
    lines.append(summary_line(report))
    score = score_line(report)
    if score:
        lines.append(style.bold(score.removesuffix(".")))
    return "\n".join(lines) + "\n"
