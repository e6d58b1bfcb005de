"""The OKR document model: what readers produce and rules read.

Positions are 1-based. ``end_column`` is exclusive (the column just after the
last character), as in SARIF. Everything here is frozen: readers build it once,
nobody mutates it afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    """How bad a finding is. Ordered: info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        # by ``_value_``, a plain attribute: a member hashes in Python, its str value in C,
        # and this runs for every finding of a run
        return _RANK[self._value_]

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(value.strip().lower())
        except ValueError:
            choices = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown severity {value!r} (choose from {choices})") from None


_RANK = {"info": 0, "warning": 1, "error": 2}


class ElementKind(StrEnum):
    DOCUMENT = "document"
    OBJECTIVE = "objective"
    KEY_RESULT = "key_result"
    ACTION = "action"


@dataclass(frozen=True, slots=True)
class Span:
    line: int
    column: int
    end_line: int
    end_column: int
    sheet: str | None = None  # a spreadsheet's sheet name; lines are its rows

    @classmethod
    def point(cls, line: int, column: int = 1) -> Span:
        return cls(line, column, line, column)


Number = int | float | str


@dataclass(frozen=True, slots=True)
class Action:
    text: str
    span: Span
    id: str | None = None
    language: str | None = None  # its own language, when it differs from the document's
    kind: ElementKind = field(default=ElementKind.ACTION, init=False)


@dataclass(frozen=True, slots=True)
class KeyResult:
    text: str
    span: Span
    id: str | None = None
    baseline: Number | None = None
    target: Number | None = None
    unit: str | None = None
    current: Number | None = None
    # the direction the writer wants the metric to move: "increase" or "decrease" (a YAML
    # `trend:` field or a table's trend column; "ønsket trend"), None when not stated
    trend: str | None = None
    language: str | None = None  # its own language, when it differs from the document's
    kind: ElementKind = field(default=ElementKind.KEY_RESULT, init=False)


@dataclass(frozen=True, slots=True)
class Objective:
    text: str
    span: Span
    id: str | None = None
    why: str | None = None
    owner: str | None = None
    level: str | None = None
    parent: str | None = None
    key_results: tuple[KeyResult, ...] = ()
    actions: tuple[Action, ...] = ()
    # key results read with no objective above them (bare text, a table without an
    # objective column): the objective has no text and no objective rule looks at it
    unnamed: bool = False
    language: str | None = None  # its own language, when it differs from the document's
    kind: ElementKind = field(default=ElementKind.OBJECTIVE, init=False)


Element = Objective | KeyResult | Action


@dataclass(frozen=True, slots=True)
class Suppression:
    """An inline ``okrlint: disable`` comment.

    ``codes`` holds rule codes, code prefixes or rule names as written; empty
    means every rule, unless ``invalid`` holds something. ``file_wide`` comments
    apply to the whole document, others to the element on the same line or on
    the line just below. ``invalid`` keeps the parts that are no code or name
    ("OKR201-"; "" for a bare "disable="): they silence nothing.
    """

    line: int
    codes: frozenset[str] = frozenset()
    file_wide: bool = False
    invalid: tuple[str, ...] = ()

    @property
    def silences_all(self) -> bool:
        return not self.codes and not self.invalid


@dataclass(frozen=True, slots=True)
class UnknownField:
    """A YAML key or a table column a reader did not recognise, reported by OKR303."""

    key: str
    span: Span
    where: str  # "document", "objective", "key result" or "table"
    suggestion: str | None = None
    what: str = "key"  # "key" (YAML) or "column" (a table's header cell)


@dataclass(frozen=True, slots=True)
class Document:
    path: str
    format: str  # "yaml", "markdown", "text", "csv" or "xlsx"
    objectives: tuple[Objective, ...] = ()
    language: str | None = None
    language_source: str | None = None  # "file", "cli", "config" or "detected"
    period: str | None = None
    owner: str | None = None
    suppressions: tuple[Suppression, ...] = ()
    unknown_fields: tuple[UnknownField, ...] = ()
    span: Span = Span(1, 1, 1, 1)
    # named on the command line, or stdin; False for a file found by walking a folder
    named: bool = True

    def language_of(self, element: Element) -> str:
        """The language an element is read in: its own, else the document's (else English)."""
        return element.language or self.language or "en"

    def elements(self):
        """Every objective, key result and action, in document order."""
        for objective in self.objectives:
            yield objective
            yield from objective.key_results
            yield from objective.actions

    @property
    def key_result_count(self) -> int:
        return sum(len(o.key_results) for o in self.objectives)

    @property
    def action_count(self) -> int:
        return sum(len(o.actions) for o in self.objectives)


@dataclass(frozen=True, slots=True)
class Edit:
    """One replacement a fix makes: ``text`` for the characters ``start:end`` of the
    finding's element text (offsets as in ``Finding.highlight``), or, when ``span`` is set,
    for that place in the file (a YAML key)."""

    start: int
    end: int
    text: str
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Fix:
    """An edit a rule is certain of, offered to the user (the editor's quick fixes);
    okrlint never applies one on its own."""

    title: str
    edits: tuple[Edit, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    span: Span
    code: str
    rule: str
    severity: Severity
    message: str
    suggestion: str | None = None
    element: str = ElementKind.DOCUMENT.value
    text: str = ""
    highlight: tuple[int, int] | None = None  # character offsets into ``text``
    fixes: tuple[Fix, ...] = ()  # edits that make this finding go away
    language: str | None = None  # the language the element was read in ("en" or "nb")

    @property
    def sort_key(self) -> tuple:
        span = self.span
        return (self.path, span.sheet or "", span.line, span.column, self.code, self.message)
