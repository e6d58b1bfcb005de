"""The outline both line-based readers share: classified lines in, objective drafts out.

The Markdown and plain-text readers turn each physical line into a ``Line`` (a heading, a
list item, a prose line, a label line such as "Key results:"), then ``build_outline`` walks
them with a small state machine:

* an objective label with text ("Objective for salgsavdelingen: …", "### O1: …") starts an
  objective; with a number or a colon but no text ("## Objective 1") it takes the next prose
  line as its text; on its own ("## Objectives", "## Mål") it only marks a section;
* "Key results:" / "Nøkkelresultater:" / "Delmål:" (a line, heading or list item) opens the
  key-result list of the current objective, "Actions" / "Tiltak" its action list;
* list items in such a list become key results or actions; items nested deeper than the
  list's first item are notes and are skipped; a "KR1:" / "KR 1.2 -" / "1.2" prefix is
  stripped (the position moves past it);
* "Why:" / "Hvorfor:" and "Owner:" / "Eier:" / "Ansvarlig:" set the objective's why and owner;
  "Parent:" / "Bygger på:" name the id it builds on, "Level:" / "Nivå:" its level;
* prose ends the current list, never the objective.

Dialect switches say what Markdown adds: list items right under an objective are its key
results even without a label, and a heading without a label becomes an objective when a
key-result list follows it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from enum import Enum

from okrlint import linear
from okrlint.model import Action, KeyResult, Span
from okrlint.readers.common import Draft
from okrlint.readers.labels import (
    EXPLICIT_ID_RE,
    KR_PREFIX_RE,
    PLURAL_SECTION_LABELS,
    Label,
    LabelKind,
    find_period,
    is_period_title,
    prefix_end,
)


class LineKind(Enum):
    BLANK = "blank"
    SKIP = "skip"  # code, comments, front matter, rules: never content
    TABLE = "table"  # a Markdown table row the reader could not read as OKRs
    BREAK = "break"  # a thematic break (---): ends a list
    HEADING = "heading"
    ITEM = "item"
    PROSE = "prose"


@dataclass(frozen=True, slots=True)
class Line:
    number: int  # 1-based
    kind: LineKind
    source: str = ""  # the line with markup that is not text blanked out (same columns)
    start: int = 0  # offset where the content starts (after '#', a bullet, a checkbox)
    indent: int = 0  # list items: the marker's indent
    label: Label | None = None
    bold: bool = False  # the whole content is bold: Markdown treats it like a heading
    # a table cell (see readers/table.py): its element's fields from the other columns of
    # its row ("baseline", "target", "id", …), and a key result under no objective is kept
    values: tuple[tuple[str, object], ...] = ()
    table: bool = False


@dataclass(frozen=True, slots=True)
class Piece:
    """A piece of element text as it stands in the file."""

    text: str
    span: Span
    id: str | None = None


def piece(line: Line, start: int) -> Piece | None:
    """The text of ``line.source`` from ``start``: trimmed, explicit ``{#id}`` and wrapping
    emphasis removed; None when nothing is left."""
    src = line.source
    end = len(src.rstrip())
    # the pattern needs a "{#"; a plain find spares trying it at every offset of the line
    explicit = EXPLICIT_ID_RE.search(src, start, end) if "{#" in src else None
    ident = None
    if explicit is not None and explicit.end() >= end:
        ident, end = explicit["id"], explicit.start()
    start, end = _trim(src, start, end)
    for mark in ("**", "__", "*", "_", "`"):
        size = len(mark)
        if end - start > 2 * size and src.startswith(mark, start) and src[end - size : end] == mark:
            start, end = _trim(src, start + size, end - size)
            break
    if start >= end:
        return None
    return Piece(src[start:end], Span(line.number, start + 1, line.number, end + 1), ident)


def _trim(src: str, start: int, end: int) -> tuple[int, int]:
    while start < end and src[start].isspace():
        start += 1
    while end > start and src[end - 1].isspace():
        end -= 1
    return start, end


def strip_number_prefix(line: Line, start: int) -> int:
    """Move past "KR1:", "KR 1.2 -", "KR2.", "1.2" in front of an item's text."""
    m = KR_PREFIX_RE.match(line.source, start)
    if m is not None and prefix_end(m) < len(line.source.rstrip()):
        return prefix_end(m)
    return start


@dataclass(frozen=True, slots=True)
class Dialect:
    items_are_key_results: bool  # list items right under an objective are its key results
    heading_objectives: bool  # an unlabelled heading followed by key results is an objective
    heading_items: bool  # ... even when its list has no "Key results" label
    lazy_continuation: bool  # a prose line right after an item continues it (Markdown)
    items_follow_objective: bool = False  # a list right after an objective line is its KRs


@dataclass
class Outline:
    """What a line-based reader found."""

    drafts: list[Draft] = field(default_factory=list)
    owner: str | None = None
    period: str | None = None


# "1. ", "2.3) " before a heading's text; the text starts at ``end("number")``
_HEADING_NUMBER_RE = linear.compile(r"(?P<number>\d{1,2}(?:\.\d{1,2})*[.)]?[ \t]+)\S")
_KRS, _ACTIONS, _WHY, _IMPLICIT = "krs", "actions", "why", "implicit"
MAX_TITLE_WORDS = 12  # a longer prose line before the first objective is an introduction


@dataclass
class _Machine:
    dialect: Dialect
    out: Outline = field(default_factory=Outline)
    current: Draft | None = None
    committed: bool = True  # False while ``current`` is an unlabelled heading on probation
    objective_indent: int = -1  # the objective's own item indent when it is a list item
    mode: str | None = None
    container: int = -1  # items must be indented deeper than this to belong to ``mode``
    item_indent: int | None = None  # the indent of the list's first item
    pending: tuple[Line, Label] | None = None  # "## Objective 1" waiting for its text
    last: tuple[Line, str, int] | None = None  # the element a continuation line extends
    # the lines of wrapped elements, by (id of its list, index), joined once at the end:
    # joining at every line made an element wrapped over n lines cost n² characters
    wrapped: dict[tuple[int, int], _Wrapped] = field(default_factory=dict)
    # a period named by a title line before the first objective, with the heading draft it
    # came from (dropped if that heading turns out to be an objective)
    title_period: tuple[int, Draft | None, str] | None = None  # (line, heading draft, period)
    # the objective of an "OKR – <text>" line that opens the document: the document's title
    # ("OKR – Lindheim Hagesenter AS") if another objective follows before anything of its own
    title_objective: Draft | None = None

    # -- entry

    def feed(self, line: Line) -> None:
        kind = line.kind
        if kind in (LineKind.SKIP, LineKind.TABLE):
            return
        if kind is LineKind.BLANK:
            self.last = None
            return
        if kind is LineKind.BREAK:
            self.last = self.pending = None
            self.reset_mode()
            return
        title_phase = kind in (LineKind.HEADING, LineKind.PROSE) and not self.out.drafts
        if title_phase and self.title(line):
            return
        if kind is LineKind.ITEM:
            self.item(line)
        elif line.label is not None:
            self.pending = None
            self.last = None
            self.label(line, line.label)
        elif kind is LineKind.HEADING or (line.bold and self.dialect.heading_objectives):
            self.heading(line)
        else:
            self.prose(line)

    # -- the document's title

    def title(self, line: Line) -> bool:
        """Note the period a title line names; True when the line is only a title.

        "OKR for Hansen Bilverksted – 1. kvartal 2026" is the document's title (its owner and
        period), not an objective; "Tall & Co – OKR-er for 2. kvartal 2026" and a heading such
        as "# People team OKRs 2026" name the period too.
        """
        label = line.label
        if label is not None and is_period_title(label):
            self.close()
            self.out.period = self.out.period or find_period(label.text)
            self.out.owner = self.out.owner or label.owner
            return True
        if label is not None or self.title_period is not None or self.out.period:
            return False
        text = line.source[line.start :]
        if line.kind is LineKind.PROSE and len(text.split()) > MAX_TITLE_WORDS:
            return False  # an introduction, not a title
        period = find_period(text)
        if period is not None:
            self.title_period = (line.number, None, period)
        return False

    # -- objectives

    def close(self) -> None:
        self.current = None
        self.committed = True
        self.objective_indent = -1
        self.mode = None
        self.container = -1
        self.item_indent = None
        self.last = self.pending = None

    def start_objective(self, line: Line, text: Piece, label: Label | None) -> None:
        self.drop_title()
        self.close()
        draft = Draft(text=text.text, span=text.span, id=dict(line.values).get("id") or text.id)
        if label is not None:
            draft.level, draft.owner = label.level, label.owner
        self.out.drafts.append(draft)
        self.current = draft
        opens = label is not None and label.word in ("okr", "okrs") and label.number is None
        self.title_objective = draft if opens and len(self.out.drafts) == 1 else None
        self.objective_indent = line.indent if line.kind is LineKind.ITEM else -1
        self.reset_mode()
        if self.dialect.items_follow_objective:
            self.mode = _IMPLICIT  # until prose or a blank-free gap says otherwise

    def reset_mode(self) -> None:
        """Back to the objective's own level: Markdown lists under it are key results."""
        implicit = (
            self.current is not None
            and self.dialect.items_are_key_results
            and (self.committed or self.dialect.heading_items)
        )
        self.mode = _IMPLICIT if implicit else None
        self.container = self.objective_indent
        self.item_indent = None

    def commit(self) -> Draft | None:
        """The current objective, promoting an unlabelled heading once a list proves it."""
        if self.current is not None and not self.committed:
            if self.title_period is not None and self.title_period[1] is self.current:
                self.title_period = None  # the heading was an objective, not a title
            self.out.drafts.append(self.current)
            self.committed = True
        return self.current

    def drop_title(self) -> None:
        """A next objective follows an opening "OKR – <text>" line that has nothing of its own
        (no key result, action, reason or parent): that line was the document's title, and its
        text names who the OKRs are for."""
        draft, self.title_objective = self.title_objective, None
        if draft is None or draft.key_results or draft.actions or draft.why or draft.parent:
            return
        if self.out.drafts and self.out.drafts[0] is draft:
            self.out.drafts.pop(0)
            self.out.owner = self.out.owner or draft.text
            if self.current is draft:
                self.current = None

    def heading(self, line: Line) -> None:
        self.drop_title()
        self.close()
        if not self.dialect.heading_objectives:
            return
        numbered = _HEADING_NUMBER_RE.match(line.source, line.start)  # "## 1. Grow the …"
        text = piece(line, numbered.end("number") if numbered else line.start)
        if text is not None:
            self.current = Draft(text=text.text, span=text.span, id=text.id)
            self.committed = False
            found = self.title_period
            if found is not None and found[0] == line.number:
                self.title_period = (found[0], self.current, found[2])
            self.reset_mode()

    # -- labels

    def label(self, line: Line, label: Label) -> None:
        is_item = line.kind is LineKind.ITEM
        text = piece(line, label.text_start) if label.text else None
        kind = label.kind
        if kind is LabelKind.OBJECTIVE:
            self.objective_label(line, label, text)
        elif kind in (LabelKind.KEY_RESULTS, LabelKind.ACTIONS):
            mode = _KRS if kind is LabelKind.KEY_RESULTS else _ACTIONS
            if text is not None:
                self.add(line, mode, strip_number_prefix(line, label.text_start))
            elif is_item and label.number is not None and self._lists(mode):
                # "• Key result 4" inside the list: a numbered stand-in for an element
                # nobody wrote, not a new list
                self.add(line, mode, line.start)
            else:
                self.open_list(mode, line.indent if is_item else -1)
        elif kind is LabelKind.WHY:
            if text is not None and self.current is not None:
                self.current.why = self.current.why or text.text
            elif text is None:
                self.open_list(_WHY, line.indent if is_item else -1)
        elif kind is LabelKind.OWNER and text is not None:
            if self.current is not None:
                self.current.owner = text.text
            else:
                self.out.owner = self.out.owner or text.text
        elif kind is LabelKind.PERIOD and text is not None:
            self.out.period = self.out.period or text.text
        elif kind is LabelKind.PARENT and text is not None and self.current is not None:
            # "Parent: company.kr1" / "Bygger på: `selskap.kr2`": an id, not prose
            self.current.parent = text.text.strip("`*_ ") or None
        elif kind is LabelKind.LEVEL and text is not None and self.current is not None:
            self.current.level = text.text.strip("`*_ ").lower() or None

    def _lists(self, mode: str) -> bool:
        """Whether a list of ``mode`` elements is open (an unlabelled list holds key results)."""
        return self.mode == mode or (mode == _KRS and self.mode == _IMPLICIT)

    def objective_label(self, line: Line, label: Label, text: Piece | None) -> None:
        if text is not None:
            self.start_objective(line, text, label)
            return
        self.close()
        waits = label.number is not None or label.explicit_separator
        if waits and label.word not in PLURAL_SECTION_LABELS:
            self.pending = (line, label)

    def open_list(self, mode: str, container: int) -> None:
        if mode in (_KRS, _ACTIONS):
            self.commit()
        self.mode = mode
        self.container = container
        self.item_indent = None
        self.last = None

    # -- items and prose

    def item(self, line: Line) -> None:
        self.pending = None
        if self.mode is not None and line.indent <= self.container:
            self.reset_mode()  # the item is outside the labelled list
        if self.current is not None and line.indent <= self.objective_indent:
            self.close()  # a sibling of an objective that was itself a list item
        if self.item_indent is not None and line.indent >= self.item_indent + 2:
            self.last = None
            return  # nested under an element: a note
        if self.item_indent is None or line.indent < self.item_indent:
            self.item_indent = line.indent
        if line.label is not None:
            self.last = None
            self.label(line, line.label)
            return
        if self.mode == _WHY:
            text = piece(line, line.start)
            if text is not None and self.current is not None:
                self.current.why = self.current.why or text.text
            return
        if self.mode in (_KRS, _IMPLICIT):
            self.add(line, _KRS, strip_number_prefix(line, line.start))
        elif self.mode == _ACTIONS:
            self.add(line, _ACTIONS, strip_number_prefix(line, line.start))
        else:
            self.last = None

    def add(self, line: Line, mode: str, start: int) -> None:
        text = piece(line, start)
        draft = self.commit()
        if draft is None and line.table and text is not None:
            draft = self.unnamed(text.span)
        if text is None or draft is None:
            self.last = None
            return
        if mode == _KRS:
            values = dict(line.values)
            ident = values.pop("id", None) or text.id
            draft.key_results.append(KeyResult(text.text, text.span, id=ident, **values))
            self.last = (line, _KRS, len(draft.key_results) - 1)
        else:
            draft.actions.append(Action(text.text, text.span, id=text.id))
            self.last = (line, _ACTIONS, len(draft.actions) - 1)

    def unnamed(self, span: Span) -> Draft:
        """An objective without text for key results under none (a table's first rows)."""
        draft = Draft(text="", span=Span.point(span.line, span.column), unnamed=True)
        self.out.drafts.append(draft)
        self.current = draft
        return draft

    def prose(self, line: Line) -> None:
        if self.pending is not None:
            pending_line, label = self.pending
            text = piece(line, line.start)
            if text is not None:
                self.start_objective(pending_line, text, label)
            return
        if self.continues(line):
            return
        if self.mode is not None and self.item_indent is not None and line.start > self.item_indent:
            return  # an indented note under an item: the list goes on
        if self.mode == _WHY and self.current is not None:
            text = piece(line, line.start)
            if text is not None:
                self.current.why = self.current.why or text.text
        self.reset_mode()
        self.last = None

    def continues(self, line: Line) -> bool:
        """Append a wrapped line to the element above it."""
        if self.last is None or self.current is None:
            return False
        item_line, mode, index = self.last
        elements = self.current.key_results if mode == _KRS else self.current.actions
        wrapped = self.wrapped.get((id(elements), index))
        text_so_far = wrapped.parts[-1] if wrapped is not None else elements[index].text
        if not self.dialect.lazy_continuation and not _wraps(text_so_far, line, item_line):
            return False
        extra = piece(line, line.start)
        if extra is None:
            return True
        if wrapped is None:
            wrapped = _Wrapped(elements, index, [elements[index].text])
            self.wrapped[(id(elements), index)] = wrapped
        wrapped.parts.append(extra.text)
        wrapped.end = (extra.span.end_line, extra.span.end_column)
        return True

    def join_wrapped(self) -> None:
        """Give each wrapped element its whole text and a span to its last line."""
        for wrapped in self.wrapped.values():
            old = wrapped.elements[wrapped.index]
            span = Span(old.span.line, old.span.column, *wrapped.end)
            text = " ".join(wrapped.parts)
            wrapped.elements[wrapped.index] = dataclasses.replace(old, text=text, span=span)
        self.wrapped.clear()


@dataclass
class _Wrapped:
    """An element continued on the lines below it: its text in parts, and where it ends."""

    elements: list[KeyResult] | list[Action]  # the list it stands in
    index: int
    parts: list[str]
    end: tuple[int, int] = (0, 0)  # (line, end column) of its last part


def _wraps(text: str, line: Line, item_line: Line) -> bool:
    """In plain text, is an indented line under an item the rest of a wrapped sentence?

    It is when it is indented past the bullet, the item does not end a sentence and the line
    goes on in lower case or with a number ("… from 10 to" / "5 minutes"); otherwise it is a
    note under the item ("Svaret legger fundamentet …").
    """
    rest = line.source[line.start :]
    return (
        line.start > item_line.indent
        and not text.endswith((".", "?", "!", ":", ";"))
        and bool(rest)
        and (rest[0].islower() or rest[0].isdigit())
    )


def build_outline(lines: list[Line], dialect: Dialect) -> Outline:
    machine = _Machine(dialect)
    for line in lines:
        machine.feed(line)
    machine.join_wrapped()
    if machine.out.period is None and machine.title_period is not None:
        machine.out.period = machine.title_period[2]
    return machine.out
