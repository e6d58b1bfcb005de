"""One self-contained HTML page: a summary, each objective as a card, the cascade as a tree.

Everything the page needs is inline (CSS, a little vanilla JS, SVG charts); it reads fine
with JS off and when printed. Every piece of user text goes through Jinja2's autoescape, and
a Content-Security-Policy allows only the page's own script (by hash), so markup in an OKR
stays text. Jinja2 is imported here, when a page is rendered, never at start-up.

This module builds a plain view model (dataclasses) from the Report; the template only
lays it out.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter, deque
from dataclasses import dataclass, field
from importlib import resources
from itertools import pairwise

from okrlint.i18n import Translator, _, say, translate
from okrlint.model import Document, Finding, Objective, Severity
from okrlint.report import FileResult, Report
from okrlint.reporters.sanitize import printable
from okrlint.rule import Rule
from okrlint.score import WEIGHTS, ElementKey, clamp, document_key, element_key, locate

TEMPLATE_PACKAGE = "okrlint.templates"
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
STATUS_ORDER = ("ok", "info", "warning", "error")


# --------------------------------------------------------------------------- view model


@dataclass(frozen=True)
class Segment:
    """A run of element text; ``severity`` set when a finding points at these words."""

    text: str
    severity: str | None = None
    codes: str = ""


@dataclass(frozen=True)
class RuleDocs:
    code: str
    name: str
    summary: str
    sections: tuple[tuple[str, tuple[str, ...]], ...]  # (title, paragraphs)


@dataclass(frozen=True)
class FindingView:
    code: str
    rule: str
    severity: str
    message: str
    suggestion: str | None
    line: int
    column: int
    points: int
    docs: RuleDocs | None
    sheet: str | None = None  # a spreadsheet's sheet: line and column are its row and column


@dataclass(frozen=True)
class ElementView:
    kind: str
    anchor: str
    id: str | None
    text: tuple[Segment, ...]
    line: int
    score: int | None
    status: str  # "ok", "info", "warning" or "error"
    findings: tuple[FindingView, ...]
    sheet: str | None = None
    unnamed: bool = False  # key results read under no objective


@dataclass(frozen=True)
class ObjectiveView:
    element: ElementView
    why: str | None
    owner: str | None
    level: str | None
    parent: str | None
    parent_anchor: str | None
    key_results: tuple[ElementView, ...]
    actions: tuple[ElementView, ...]
    clean: bool
    status: str  # the worst finding on the objective, its key results or actions


@dataclass(frozen=True)
class FileView:
    path: str
    anchor: str
    format: str | None
    language: str  # the language the file is written in (its text's lang attributes)
    speaks: str  # the language of its headings, labels and findings
    score: int | None
    error: str | None
    period: str | None
    owner: str | None
    objectives: tuple[ObjectiveView, ...]
    document_findings: tuple[FindingView, ...]
    counts: dict[str, int]


@dataclass(frozen=True)
class TreeNode:
    anchor: str
    label: str
    text: str
    status: str
    score: int | None
    # (id, text, status, the objectives built on it)
    key_results: tuple[tuple[str, str, str, tuple[TreeNode, ...]], ...] = ()
    children: tuple[TreeNode, ...] = ()
    missing_parent: str | None = None
    continues: str | None = None  # a tree that goes on from a deep one: its parent's label
    goes_on: bool = False  # its children are trees of their own further down


@dataclass(frozen=True)
class Bar:
    severity: str
    count: int
    width: float


@dataclass
class _Context:
    """What the builders share while walking the report (built once per render)."""

    report: Report
    placed: dict[ElementKey, list[Finding]]
    rules: dict[str, Rule]
    anchors: dict[ElementKey, str] = field(default_factory=dict)
    docs: dict[tuple[str, str], RuleDocs] = field(default_factory=dict)  # (lang, code)

    def docs_of(self, code: str, lang: str) -> RuleDocs | None:
        if (lang, code) not in self.docs and code in self.rules:
            self.docs[(lang, code)] = rule_docs(self.rules[code], lang)
        return self.docs.get((lang, code))


# --------------------------------------------------------------------------- text pieces


def segments(text: str, findings: list[Finding]) -> tuple[Segment, ...]:
    """Split ``text`` so the words each finding points at can be marked, worst severity wins."""
    ranges = []
    for f in findings:
        if f.highlight is None:
            continue
        start, end = max(0, f.highlight[0]), min(len(text), f.highlight[1])
        if start < end:
            ranges.append((start, end, f))
    if not ranges:
        return (Segment(text),)
    cuts = sorted({0, len(text), *(r[0] for r in ranges), *(r[1] for r in ranges)})
    out: list[Segment] = []
    for a, b in pairwise(cuts):
        over = [f for start, end, f in ranges if start <= a and b <= end]
        if over:
            top = max(over, key=lambda f: f.severity.rank)
            codes = " ".join(sorted({f.code for f in over}))
            out.append(Segment(text[a:b], top.severity.value, codes))
        else:
            out.append(Segment(text[a:b]))
    return tuple(out)


def rule_docs(rule: Rule, lang: str = "en") -> RuleDocs:
    """A rule's documentation sections in ``lang`` (its title line is left out: the summary
    says it); a rule whose docs have no sections shows them all under "About"."""
    parts = rule.doc_parts()
    sections = [(t, p) for t, p in parts if t]
    if not sections:
        sections = [(_ABOUT, tuple(p for _, paragraphs in parts for p in paragraphs))]
    said = tuple(
        (translate(title, lang), tuple(translate(p, lang) for p in paragraphs))
        for title, paragraphs in sections
        if paragraphs
    )
    return RuleDocs(rule.code, rule.name, translate(rule.summary, lang), said)


# Translators: the heading of a rule's documentation when it has no sections of its own
_ABOUT = _("About")


def status(findings: list[Finding]) -> str:
    top = max((f.severity for f in findings), key=lambda s: s.rank, default=None)
    return top.value if top else "ok"


def _finding_view(f: Finding, ctx: _Context) -> FindingView:
    lang = ctx.report.language_of(f)
    return FindingView(
        f.code,
        f.rule,
        f.severity.value,
        say(f.message, lang),
        say(f.suggestion, lang),
        f.span.line,
        f.span.column,
        WEIGHTS[f.severity],
        ctx.docs_of(f.code, lang),
        f.span.sheet,
    )


# --------------------------------------------------------------------------- builders


def _element(path: str, element, ctx: _Context, score: int | None, extra=()) -> ElementView:
    key = element_key(path, element)
    found = list(ctx.placed.get(key, [])) + list(extra)
    if score is None and element.kind.value != "objective":
        score = clamp(100 - sum(WEIGHTS[f.severity] for f in found))
    return ElementView(
        kind=element.kind.value,
        anchor=ctx.anchors[key],
        id=element.id,
        text=segments(element.text, found),
        line=element.span.line,
        score=score,
        status=status(found),
        findings=tuple(_finding_view(f, ctx) for f in found),
        sheet=element.span.sheet,
        unnamed=getattr(element, "unnamed", False),
    )


def _objective(
    path: str, o: Objective, ctx: _Context, parents: dict[ElementKey, str]
) -> ObjectiveView:
    scored = ctx.report.scores.objective(path, o)
    view = _element(path, o, ctx, scored.score if scored else None)
    krs = tuple(_element(path, kr, ctx, None) for kr in o.key_results)
    actions = tuple(_element(path, a, ctx, None) for a in o.actions)
    everything = (view, *krs, *actions)
    clean = all(not e.findings for e in everything)
    worst = max((e.status for e in everything), key=STATUS_ORDER.index)
    return ObjectiveView(
        view,
        o.why,
        o.owner,
        o.level,
        o.parent,
        parents.get(element_key(path, o)),
        krs,
        actions,
        clean,
        worst,
    )


def _file(
    index: int, result: FileResult, ctx: _Context, parents: dict[ElementKey, str]
) -> FileView:
    scored = ctx.report.scores.file(result.path)
    speaks = ctx.report.file_language(result)
    own = ctx.report.findings_in(result.path)
    error = next(
        (say(f.message, speaks) for f in own if f.code == "OKR000"),
        say(_("could not be read"), speaks) if result.errors else None,
    )
    docs: tuple[Document, ...] = result.documents
    objectives = tuple(_objective(result.path, o, ctx, parents) for d in docs for o in d.objectives)
    in_file = [f for f in own if f.code != "OKR000"]
    counts = Counter(f.severity.value for f in in_file)
    first = docs[0] if docs else None
    return FileView(
        path=result.path,
        anchor=f"file-{index}",
        format=result.format,
        language=result.language or "en",
        speaks=speaks,
        score=scored.score if scored else None,
        error=error,
        period=first.period if first else None,
        owner=first.owner if first else None,
        objectives=objectives,
        document_findings=tuple(
            _finding_view(f, ctx) for f in ctx.placed.get(document_key(result.path), [])
        ),
        counts={s.value: counts.get(s.value, 0) for s in SEVERITIES},
    )


def _assign_anchors(report: Report) -> dict[ElementKey, str]:
    anchors: dict[ElementKey, str] = {}
    for i, result in enumerate(report.files):
        n = 0
        for doc in result.documents:
            for element in doc.elements():
                n += 1
                anchors[element_key(doc.path, element)] = f"f{i}-e{n}"
    return anchors


def _parents(okrs, anchors: dict[ElementKey, str]) -> dict[ElementKey, str]:
    """Objective key -> the anchor of the objective or key result its ``parent`` resolves to,
    as the alignment rules resolve it (okrlint.alignment)."""
    found: dict[ElementKey, str] = {}
    for here in okrs.objectives:
        target = okrs.parent.get(id(here.objective))
        if target is not None:
            key = element_key(target.document.path, target.element)
            found[element_key(here.document.path, here.objective)] = anchors[key]
    return found


# --------------------------------------------------------------------------- cascade tree


# Deeper than this, a chain of parents goes on as a tree of its own below: nobody reads a tree
# indented three hundred times, and the page is laid out without recursion that deep.
MAX_TREE_DEPTH = 24


def cascade(files: tuple[FileView, ...], lang: str = "en") -> tuple[TreeNode, ...]:
    """The company -> team tree from ``parent`` links; empty when no objective has one.
    Elements without an id are labelled in ``lang``.

    Built without recursion: a chain of parents of any length is one loop. Objectives deeper
    than MAX_TREE_DEPTH start trees of their own after the one they hang in, each saying
    which objective it continues."""
    views = {o.element.anchor: o for f in files for o in f.objectives}
    if not any(o.parent for o in views.values()):
        return ()
    children: dict[str, list[ObjectiveView]] = {}
    for o in views.values():
        if o.parent_anchor:
            children.setdefault(o.parent_anchor, []).append(o)

    # Roots: no resolved parent (or on a loop of parents), and part of the cascade.
    linked = {o.parent_anchor for o in views.values() if o.parent_anchor}
    queue: deque[tuple[ObjectiveView, str | None]] = deque()
    for o in views.values():
        in_cascade = (
            o.parent
            or o.element.anchor in linked
            or any(kr.anchor in linked for kr in o.key_results)
        )
        if in_cascade and not o.parent_anchor:
            queue.append((o, None))
    placed: set[str] = set()
    trees = []
    while queue:
        top, continues = queue.popleft()
        trees.append(_tree(top, continues, children, placed, queue, Translator(lang)))
    return tuple(trees)


def _tree(
    top: ObjectiveView,
    continues: str | None,
    children: dict[str, list[ObjectiveView]],
    placed: set[str],
    queue: deque[tuple[ObjectiveView, str | None]],
    t: Translator,
) -> TreeNode:
    """One tree of the cascade, children before parents; what hangs below the depth limit
    goes to ``queue`` as trees of their own."""
    order: list[ObjectiveView] = []  # parents before their children
    cut: set[str] = set()
    stack = [(top, 0)]
    while stack:
        o, depth = stack.pop()
        anchor = o.element.anchor
        if anchor in placed:
            continue
        placed.add(anchor)
        order.append(o)
        kids = [
            c for a in (*(kr.anchor for kr in o.key_results), anchor) for c in children.get(a, [])
        ]
        if depth + 1 >= MAX_TREE_DEPTH and kids:
            cut.add(anchor)
            queue.extend((c, o.element.id or t.gettext("Objective")) for c in kids)
            continue
        stack.extend((c, depth + 1) for c in reversed(kids))
    built: dict[str, TreeNode] = {}
    for o in reversed(order):

        def under(anchor: str) -> tuple[TreeNode, ...]:
            kids = children.get(anchor, [])
            return tuple(built[c.element.anchor] for c in kids if c.element.anchor in built)

        krs = tuple(
            (
                kr.id or t.gettext("KR"),
                "".join(s.text for s in kr.text),
                kr.status,
                under(kr.anchor),
            )
            for kr in o.key_results
        )
        anchor = o.element.anchor
        built[anchor] = TreeNode(
            anchor=anchor,
            label=o.element.id or t.gettext("Objective"),
            text="".join(s.text for s in o.element.text),
            status=o.status,
            score=o.element.score,
            key_results=krs,
            children=under(anchor),
            missing_parent=o.parent if o.parent and not o.parent_anchor else None,
            continues=continues if o is top else None,
            goes_on=anchor in cut,
        )
    return built[top.element.anchor]


# --------------------------------------------------------------------------- page


def bars(counts: dict[str, int]) -> tuple[Bar, ...]:
    top = max(counts.values(), default=0) or 1
    return tuple(Bar(s.value, counts[s.value], 100 * counts[s.value] / top) for s in SEVERITIES)


def _read(name: str) -> str:
    return resources.files(TEMPLATE_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _environment():
    import jinja2  # lazily: only an HTML report needs it

    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(_read),
        autoescape=True,
        finalize=_visible,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    return env


def _visible(value: object) -> object:
    """Every piece of user text on the page with its control and bidirectional characters
    shown as the text output shows them (``\\x1b``, ``\\u202e``); the page's own markup
    (Markup: the CSS, the script, macros) is left alone."""
    from markupsafe import Markup

    if isinstance(value, str) and not isinstance(value, Markup):
        return printable(value)
    return value


def page_context(report: Report) -> dict:
    rules = {r.code: r for r in report.rules}
    ctx = _Context(
        report, locate([d for f in report.files for d in f.documents], report.findings), rules
    )
    ctx.anchors = _assign_anchors(report)
    from okrlint.alignment import OkrSet

    okrs = OkrSet([d for f in report.files for d in f.documents])
    parents = _parents(okrs, ctx.anchors)
    files = tuple(_file(i, r, ctx, parents) for i, r in enumerate(report.files))
    counts = report.counts()
    rules_seen = Counter((f.code, f.rule) for f in report.findings if f.code != "OKR000")
    lang = report.language
    t = Translator(lang)
    return {
        "report": report,
        "summary": report.summary(),
        "overall": report.scores.overall,
        "files": files,
        "tree": cascade(files, lang),
        "bars": bars(counts),
        "counts": counts,
        "rules_seen": sorted(rules_seen.items()),
        "page_lang": lang,
        "severities": [s.value for s in SEVERITIES],
        # the page's words: in the report's language, in a file's section in the file's
        "t": t,
        "_": t.gettext,
        "ngettext": t.ngettext,
        "pgettext": t.pgettext,
        "speak": Translator,
        "quote": t.quote,
        "number": t.number,
    }


def format_report(report: Report, *, color: bool = False) -> str:
    from markupsafe import Markup  # Jinja2's own dependency; our CSS and JS are trusted

    env = _environment()
    script = _read("report.js")
    context = page_context(report)
    context.update(
        css=Markup(_read("report.css")),
        js=Markup(script),
        script_hash=csp_hash(script),
    )
    return env.get_template("report.html.j2").render(**context)
