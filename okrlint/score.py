"""The quality score: one number from 0 to 100 per key result, objective, file and run.

A finding costs points on the element it concerns, by severity::

    error 25, warning 10, info 3

- **key result**: ``100 - its penalties`` (never below 0);
- **objective**: its *own* score is ``100 - the penalties on the objective and its actions``;
  with key results, the objective scores ``(own + mean of its key results) / 2``, otherwise
  ``own``; key results read under no objective (bare text) score their mean;
- **file**: the mean of its objectives' scores minus the penalties on the document itself;
  a file that could not be read, or from which no objective was read, has no score;
- **overall**: the mean of the file scores weighted by their number of objectives; no score
  when no file has one.

Every score rounds half up and keeps the reasons (the findings, with the points each cost),
so a reader can see why it is not 100. Input errors (OKR000) are not scored.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from okrlint.model import Document, ElementKind, Finding, Objective, Severity, Span

WEIGHTS: dict[Severity, int] = {Severity.ERROR: 25, Severity.WARNING: 10, Severity.INFO: 3}
FORMULA = (
    "each finding costs error 25, warning 10, info 3 points on its element; key result = "
    "100 - penalties; objective = (own + mean of key results) / 2, own = 100 - penalties on "
    "the objective and its actions; file = mean of objectives - document penalties; overall = "
    "mean of files weighted by objectives; all clamped to 0..100"
)

# (path, element kind, line, column, sheet): how a finding finds its element.
ElementKey = tuple[str, str, int, int, str | None]


def element_key(path: str, element: Objective | object) -> ElementKey:
    span: Span = element.span  # type: ignore[attr-defined]
    # ``_value_`` is the member's value as a plain attribute; ``.value`` is an enum property,
    # several times slower, and this runs for every element of every file
    return (path, element.kind._value_, span.line, span.column, span.sheet)  # type: ignore[attr-defined]


def finding_key(f: Finding) -> ElementKey:
    span = f.span
    return (f.path, f.element, span.line, span.column, span.sheet)


@dataclass(frozen=True, slots=True)
class Reason:
    code: str
    rule: str
    severity: Severity
    points: int
    message: str

    def __str__(self) -> str:
        return f"-{self.points} {self.code} {self.rule}: {self.message}"

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity._value_,  # .value, without the enum property's cost
            "points": self.points,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class ElementScore:
    kind: str
    id: str | None
    text: str
    line: int
    score: int
    reasons: tuple[Reason, ...] = ()
    sheet: str | None = None

    def to_dict(self) -> dict:
        data = {
            "id": self.id,
            "line": self.line,
            "text": self.text,
            "score": self.score,
            "reasons": [r.to_dict() for r in self.reasons],
        }
        if self.sheet is not None:
            data["sheet"] = self.sheet
        return data


@dataclass(frozen=True, slots=True)
class ObjectiveScore:
    own: ElementScore  # the objective itself and its actions
    key_results: tuple[ElementScore, ...]
    score: int  # own and key results combined

    def to_dict(self) -> dict:
        return {
            **self.own.to_dict(),
            "score": self.score,
            "own_score": self.own.score,
            "key_results": [k.to_dict() for k in self.key_results],
        }


@dataclass(frozen=True, slots=True)
class FileScore:
    path: str
    score: int | None  # None: the file could not be read, or nothing was read from it
    objectives: tuple[ObjectiveScore, ...] = ()
    reasons: tuple[Reason, ...] = ()  # findings on the document as a whole

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "score": self.score,
            "reasons": [r.to_dict() for r in self.reasons],
            "objectives": [o.to_dict() for o in self.objectives],
        }


@dataclass(frozen=True)
class Scores:
    overall: int | None
    files: tuple[FileScore, ...] = ()
    # objective scores by element_key: two objectives on one line each have their own
    objectives: dict[ElementKey, ObjectiveScore] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict:
        return {
            "overall": self.overall,
            "weights": {s.value: w for s, w in WEIGHTS.items()},
            "formula": FORMULA,
            "files": [f.to_dict() for f in self.files],
        }

    def objective(self, path: str, objective: Objective) -> ObjectiveScore | None:
        """The score of this objective (found by its kind, line and column, not its line)."""
        return self.objectives.get(element_key(path, objective))

    def file(self, path: str) -> FileScore | None:
        return self._files.get(path)

    @cached_property
    def _files(self) -> dict[str, FileScore]:
        found: dict[str, FileScore] = {}
        for f in self.files:
            found.setdefault(f.path, f)  # the first, as the scan this replaces found it
        return found


def round_half_up(value: float) -> int:
    return math.floor(value + 0.5)


def clamp(value: float) -> int:
    return max(0, min(100, round_half_up(value)))


# by the severity's value: an enum member hashes in Python, a str in C
_POINTS = {severity._value_: points for severity, points in WEIGHTS.items()}


def reason(f: Finding) -> Reason:
    return Reason(f.code, f.rule, f.severity, _POINTS[f.severity._value_], f.message)


def locate(documents: Iterable[Document], findings: Iterable[Finding]) -> dict:
    """Findings per element key; findings on no known element go under the document key.

    The document key of a file is ``(path, "document", 0, 0, None)``.
    """
    known: set[ElementKey] = set()
    for doc in documents:
        path = doc.path
        for objective in doc.objectives:
            known.add(element_key(path, objective))
            known.update([element_key(path, kr) for kr in objective.key_results])
            known.update([element_key(path, action) for action in objective.actions])
    placed: dict[ElementKey, list[Finding]] = defaultdict(list)
    for f in findings:
        if f.code == "OKR000":
            continue
        key = finding_key(f)
        placed[key if key in known else document_key(f.path)].append(f)
    return placed


_DOCUMENT = ElementKind.DOCUMENT.value


def document_key(path: str) -> ElementKey:
    return (path, _DOCUMENT, 0, 0, None)


def _element_score(element, found: Sequence[Finding]) -> ElementScore:
    span = element.span
    if not found:  # most elements: nothing to add up
        kind, text = element.kind._value_, element.text
        return ElementScore(kind, element.id, text, span.line, 100, (), span.sheet)
    reasons = tuple([reason(f) for f in found])
    score = clamp(100 - sum([r.points for r in reasons]))
    return ElementScore(
        element.kind._value_, element.id, element.text, span.line, score, reasons, span.sheet
    )


def _combined(own: int, key_results: Sequence[int], unnamed: bool) -> int:
    """An objective's score from its own and its key results' (the module's formula)."""
    if not key_results:
        return own
    kr_mean = sum(key_results) / len(key_results)
    if unnamed:  # no objective to score: its key results are the whole of it
        return clamp(kr_mean)
    return clamp((own + kr_mean) / 2)


def _file_value(objectives: Sequence[int], document_points: int) -> int | None:
    if not objectives:  # nothing read: nothing to score
        return None
    return clamp(sum(objectives) / len(objectives) - document_points)


def _overall(weighted: Sequence[tuple[int, int]]) -> int | None:
    """The mean of (file score, objectives) pairs, weighted by objectives."""
    total = sum(w for _, w in weighted)
    return clamp(sum(s * w for s, w in weighted) / total) if total else None


def _points(found: Iterable[Finding]) -> int:
    return sum(_POINTS[f.severity._value_] for f in found)


def _objective_score(path: str, objective: Objective, placed: dict) -> ObjectiveScore:
    own_found = list(placed.get(element_key(path, objective), ()))
    for action in objective.actions:
        own_found.extend(placed.get(element_key(path, action), ()))
    own = _element_score(objective, own_found)
    krs = tuple(
        [_element_score(kr, placed.get(element_key(path, kr), ())) for kr in objective.key_results]
    )
    score = _combined(own.score, [k.score for k in krs], objective.unnamed)
    return ObjectiveScore(own, krs, score)


def _file_score(path: str, documents: Sequence[Document], placed: dict, by_key: dict) -> FileScore:
    objectives = []
    for doc in documents:
        for o in doc.objectives:
            scored = _objective_score(path, o, placed)
            by_key.setdefault(element_key(path, o), scored)
            objectives.append(scored)
    reasons = tuple(reason(f) for f in placed.get(document_key(path), ()))
    score = _file_value([o.score for o in objectives], sum(r.points for r in reasons))
    return FileScore(path, score, tuple(objectives), reasons)


def compute_scores(report) -> Scores:
    """Scores for every file in a Report (see the module docstring for the formula)."""
    documents = [d for f in report.files for d in f.documents]
    placed = locate(documents, report.findings)
    files: list[FileScore] = []
    by_key: dict[ElementKey, ObjectiveScore] = {}
    for result in report.files:
        if result.errors:
            files.append(FileScore(result.path, None))
        else:
            files.append(_file_score(result.path, result.documents, placed, by_key))
    weighted = [(f.score, max(1, len(f.objectives))) for f in files if f.score is not None]
    return Scores(_overall(weighted), tuple(files), by_key)


def overall_score(report) -> int | None:
    """``compute_scores(report).overall`` by the same formula, without the score of every
    element and the reasons for it (the text report's last line needs this number alone)."""
    documents = [d for f in report.files for d in f.documents]
    placed = locate(documents, report.findings)
    weighted = []
    for result in report.files:
        if result.errors:
            continue
        path = result.path
        objectives = []
        for doc in result.documents:
            for o in doc.objectives:
                own = _points(placed.get(element_key(path, o), ()))
                own += sum(_points(placed.get(element_key(path, a), ())) for a in o.actions)
                krs = [
                    clamp(100 - _points(placed.get(element_key(path, kr), ())))
                    for kr in o.key_results
                ]
                objectives.append(_combined(clamp(100 - own), krs, o.unnamed))
        score = _file_value(objectives, _points(placed.get(document_key(path), ())))
        if score is not None:
            weighted.append((score, max(1, len(objectives))))
    return _overall(weighted)
