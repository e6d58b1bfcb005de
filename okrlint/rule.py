"""The rule contract.

A rule is a module that defines ``RULE = Rule(...)``: a stable code, a
kebab-case name, a default severity, what it applies to, its documentation
(the module docstring, with the sections *What it does*, *Why it matters* and
*How to fix*), examples in English and Norwegian, options with defaults, and
one ``check`` function::

    def check(element, ctx: RuleContext) -> Iterator[Violation]: ...

``check`` never parses text and never imports spaCy: it reads the element (the
model) and ``ctx.analysis(element)`` (the language layer). It yields
``Violation``s; the engine turns them into findings with positions, severity
and suppressions. A violation may carry ``fixes``: edits of the element's text
that certainly resolve it (the editor offers them as quick fixes; okrlint never
applies one). Offer none where the right text is a guess.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from okrlint import linear
from okrlint.i18n import _
from okrlint.language.analysis import Analysis
from okrlint.model import Document, Element, Fix, Objective, Severity, Span

CODE_RE = linear.compile(r"^[A-Z][A-Z0-9]*[0-9]{3}$")
NAME_RE = linear.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
# Messages equal to their English text, so the documentation is parsed by them and its
# headings can be said in the reader's language.
DOC_SECTIONS = (_("What it does"), _("Why it matters"), _("How to fix"))
QUOTE_LIMIT = 100  # characters of the user's text a message or hint quotes
# "The article" that rule documentation quotes: the source of what a good OKR is.
ARTICLE = _(
    "«OKR-eksempler for din bedrift» (OKR examples for your company), a blog post by "
    "Futureworks, in Norwegian: {url}",
    url="https://futureworks.no/okr-eksempler-for-din-bedrift",
)


class Target(StrEnum):
    OBJECTIVE = "objective"
    KEY_RESULT = "key_result"
    ACTION = "action"
    DOCUMENT = "document"


@dataclass(frozen=True, slots=True)
class Example:
    """One example for a rule, run by the generic example test.

    For objective and key-result rules ``text`` is the element's text. For
    document rules (and wherever structure matters) set ``document=True`` and
    give a whole YAML document in ``text``, or a whole file of another format
    with ``fmt`` ("markdown", "text", "csv").
    """

    lang: str  # "en" or "nb"
    text: str
    bad: bool
    document: bool = False
    fmt: str | None = None  # the format of a document example; None: YAML


def bad(lang: str, text: str, *, document: bool = False, fmt: str | None = None) -> Example:
    return Example(lang, text, True, document or fmt is not None, fmt)


def good(lang: str, text: str, *, document: bool = False, fmt: str | None = None) -> Example:
    return Example(lang, text, False, document or fmt is not None, fmt)


@dataclass(frozen=True, slots=True)
class Violation:
    message: str
    suggestion: str | None = None
    highlight: tuple[int, int] | None = None  # offsets into the element's text
    element: Element | None = None  # for document rules: the element concerned
    span: Span | None = None  # a position of its own (a YAML key), else the element's
    fixes: tuple[Fix, ...] = ()  # only edits that certainly resolve this violation


@dataclass(frozen=True)
class RuleContext:
    document: Document
    options: Mapping[str, Any]
    _analyses: Mapping[tuple[str, str], Analysis]
    objective: Objective | None = None  # the objective a key result or action belongs to
    documents: tuple[Document, ...] = ()  # the whole OKR set being checked
    # every rule the run knows, selected or not (built-in, plugins, custom): what a
    # suppression comment may name
    known_rules: tuple[Rule, ...] = ()
    today: dt.date | None = None  # the run's date (None: ask the clock), for hints that name one
    # the language of the element(s) being checked, when it is not the document's: an English
    # objective in a Norwegian file gets English analysis, hints and quotes
    language: str | None = None

    @property
    def lang(self) -> str:
        """The language of the element being checked ("en" or "nb")."""
        return self.language or self.document.language or "en"

    def quote(self, text: str, limit: int = QUOTE_LIMIT) -> str:
        """The user's words quoted the way their language does: «…» in Norwegian.

        Longer than ``limit`` characters, the middle gives way to " … ", so a hint
        stays one readable line and keeps both ends of what it quotes."""
        if len(text) > limit:
            head = text[: limit // 2].rsplit(" ", 1)[0]
            tail = text[-(limit // 2) :].split(" ", 1)[-1]
            text = f"{head} … {tail}"
        return f"«{text}»" if self.lang == "nb" else f"'{text}'"

    def analysis(self, element: Element | str) -> Analysis:
        """The language layer's reading of an element (in its own language) or of a text (in
        the language of the element being checked)."""
        if isinstance(element, str):
            text, lang = element, self.language
        else:
            text, lang = element.text, element.language
        lang = lang or self.document.language or "en"  # inline: rules ask this very often
        found = self._analyses.get((lang, text))
        if found is None:  # an element nobody asked the language layer about
            from okrlint.language import analyse_texts

            found = analyse_texts(lang, [text])[0]
        return found


CheckFn = Callable[[Any, RuleContext], Iterable[Violation]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    target: Target
    summary: str
    doc: str
    check: CheckFn
    examples: tuple[Example, ...] = ()
    options: Mapping[str, Any] = field(default_factory=dict)
    enabled: bool = True  # on by default
    origin: str = "okrlint"  # "okrlint", a plugin's distribution, or a YAML rule file

    def docs_section(self, title: str) -> str:
        """The text of one ``Title`` section of the docs ('' when missing)."""
        lines = (self.doc or "").splitlines()
        out: list[str] = []
        inside = False
        for line in lines:
            stripped = line.strip()
            if stripped.rstrip(":") in DOC_SECTIONS or stripped.startswith("## "):
                inside = stripped.lstrip("# ").rstrip(":") == title
                continue
            if inside:
                out.append(line)
        return "\n".join(out).strip()

    def doc_parts(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        return doc_parts(self.doc)


def doc_parts(doc: str | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A rule's documentation as (section title, paragraphs) pairs, each paragraph joined
    onto one line; the title is "" for what stands before the first section (a docstring's
    first line). ``okrlint explain``, the HTML report and the catalogue of translations all
    read the documentation this way, so a paragraph is one catalogue entry."""
    parts: list[tuple[str, list[str]]] = [("", [])]
    paragraph: list[str] = []

    def close() -> None:
        if paragraph:
            parts[-1][1].append(" ".join(" ".join(paragraph).split()))
            paragraph.clear()

    for line in (doc or "").splitlines():
        stripped = line.strip()
        if stripped.rstrip(":") in DOC_SECTIONS or stripped.startswith("## "):
            close()
            parts.append((stripped.lstrip("# ").rstrip(":"), []))
        elif stripped:
            paragraph.append(stripped)
        else:
            close()
    close()
    return tuple((title, tuple(paras)) for title, paras in parts if paras)


def names_rule(rule: Rule, selector: str) -> bool:
    """Does ``selector`` name ``rule``: its code, a prefix of its code, its name, or "ALL"?
    (ruff's selectors, for config, the command line and suppression comments)"""
    sel = selector.strip()
    if sel.upper() == "ALL":
        return True
    return rule.name == sel.lower() or rule.code.startswith(sel.upper())
