"""Plain text in the style of the article "OKR-eksempler for din bedrift".

Objectives are label lines ("Objective: …", "Objective for salgsavdelingen: …",
"Objective på selskapsnivå: …", "Hovedmål: …", "Company objective: …"); a "Key results:" /
"Nøkkelresultater:" / "Delmål:" line opens a list of bullets (•, -, *, –, numbered) and an
"Actions …:" / "Tiltak:" line opens the actions of the objective above it. A list that
follows an objective line with no prose in between is its key results too. Prose, and lists
under no objective or label (the article's examples of bad objectives), are ignored. Text with
no label at all (a draft key result or two, one per line, as typed on stdin or with
``--text``) is bare text: each line is a key result of an unnamed objective. Lines starting
with ``#`` are comments, and so is a trailing ``# word: …``; ``# okrlint: disable=…``
comments are suppressions.

Derived ids: plain text has no ids, so objectives are numbered by position, ``o1``, ``o2``, …;
their key results ``o1.kr1``, ``o1.kr2``, … and actions ``o1.a1``, …. An explicit ``{#id}`` at
the end of a line wins and prefixes its key results' ids instead. A company-level objective
("på selskapsnivå", "Company objective:") gets ``level`` "company" and becomes the ``parent``
of every objective after it (``level`` "team") until the next company-level objective.
"""

from __future__ import annotations

import dataclasses

from okrlint import linear
from okrlint.model import Document, KeyResult, Span
from okrlint.readers.common import (
    Draft,
    hash_suppressions,
    link_cascade,
    resolve_language,
)
from okrlint.readers.labels import BULLET_RE, CHECKBOX_RE, match_label
from okrlint.readers.outline import (
    Dialect,
    Line,
    LineKind,
    build_outline,
    piece,
    strip_number_prefix,
)

# "# okrlint: disable=…", "# expect: OKR201", "# note: …" after the text; "#1 in Oslo" is text
_TRAILING_COMMENT_RE = linear.compile(r"(?:^|\s)#\s*[A-Za-z][\w-]*\s*[:=]")

TEXT = Dialect(
    items_are_key_results=False,
    heading_objectives=False,
    heading_items=False,
    lazy_continuation=False,
    items_follow_objective=True,
)


def read_text(path: str, text: str, language: str | None, language_source: str | None) -> Document:
    raw = text.split("\n")
    lines = text_lines(raw)
    outline = build_outline(lines, TEXT)
    if not outline.drafts and not any(line.label for line in lines):
        outline.drafts = _bare(lines)
    derive_ids(outline.drafts)
    link_cascade(outline.drafts)
    language, source = resolve_language(path, language, language_source)
    return Document(
        path=path,
        format="text",
        objectives=tuple(d.freeze() for d in outline.drafts),
        language=language,
        language_source=source,
        period=outline.period,
        owner=outline.owner,
        suppressions=tuple(hash_suppressions(raw)),
    )


def text_lines(raw: list[str]) -> list[Line]:
    return [_classify(number, line) for number, line in enumerate(raw, start=1)]


def _classify(number: int, line: str) -> Line:
    comment = _TRAILING_COMMENT_RE.search(line) if "#" in line else None
    if comment is not None:  # keep the columns, drop the comment from the element's text
        line = line[: comment.start()].ljust(len(line))
    stripped = line.strip()
    if not stripped:
        return Line(number, LineKind.SKIP if comment else LineKind.BLANK)
    if stripped.startswith("#"):
        return Line(number, LineKind.SKIP)
    bullet = BULLET_RE.match(line)
    if bullet is not None:
        start = bullet.end("gap")
        box = CHECKBOX_RE.match(line, start)
        start = box.end() if box else start
        indent = len(bullet["indent"].expandtabs(4))
        return Line(number, LineKind.ITEM, line, start, indent, match_label(line, start))
    start = len(line) - len(line.lstrip())
    return Line(number, LineKind.PROSE, line, start, start, match_label(line, start))


def _bare(lines: list[Line]) -> list[Draft]:
    """Every line of a text with no outline, as a key result of an unnamed objective."""
    key_results = []
    for line in lines:
        if line.kind not in (LineKind.PROSE, LineKind.ITEM):
            continue
        text = piece(line, strip_number_prefix(line, line.start))
        if text is not None:
            key_results.append(KeyResult(text.text, text.span, id=text.id))
    if not key_results:
        return []
    first = key_results[0].span
    span = Span.point(first.line, first.column)
    return [Draft(text="", span=span, key_results=key_results, unnamed=True)]


def derive_ids(drafts: list[Draft]) -> None:
    for position, draft in enumerate(drafts, start=1):
        draft.id = draft.id or f"o{position}"
        draft.key_results = [
            dataclasses.replace(kr, id=kr.id or f"{draft.id}.kr{n}")
            for n, kr in enumerate(draft.key_results, start=1)
        ]
        draft.actions = [
            dataclasses.replace(action, id=action.id or f"{draft.id}.a{n}")
            for n, action in enumerate(draft.actions, start=1)
        ]
