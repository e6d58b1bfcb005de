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

from okrlint.frozen import constructor
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
        own = self.own
        data = {  # own.to_dict() with the combined score in its place, written out
            "id": own.id,
            "line": own.line,
            "text": own.text,
            "score": self.score,
            "reasons": [r.to_dict() for r in own.reasons],
        }
        if own.sheet is not None:
            data["sheet"] = own.sheet
        data["own_score"] = own.score
        data["key_results"] = [k.to_dict() for k in self.key_results]
        return data


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


_new_element_score = constructor(ElementScore)  # ElementScore(...), without its cost (frozen)


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


def _element_score(element, found: Sequence[Finding] | None, said: dict) -> ElementScore:
    """An element's score: 100 less the points of its findings (never below 0)."""
    span = element.span
    if not found:  # most elements: nothing to add up
        return _new_element_score(
            element.kind._value_, element.id, element.text, span.line, 100, (), span.sheet
        )
    reasons = tuple(_reasons(found, said))
    score = 100 - sum([r.points for r in reasons])  # whole points: clamp() is max(0, ...)
    return _new_element_score(
        element.kind._value_,
        element.id,
        element.text,
        span.line,
        score if score > 0 else 0,
        reasons,
        span.sheet,
    )


def _reasons(found: Sequence[Finding], said: dict) -> list[Reason]:
    """``reason(f)`` for each finding, one Reason shared by the findings that say the same
    thing (a large report has thousands of findings and a few hundred distinct messages).
    Keyed by the message object, whose words depend on more than its English text; the
    value keeps it, so a key is never another object's."""
    out = []
    for f in found:
        message = f.message
        key = (id(message), f.code, f.rule, f.severity._value_)
        known = said.get(key)
        if known is None:
            known = said[key] = (message, reason(f))
        out.append(known[1])
    return out


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


# (element kind, line, column, sheet): an element's key within its own file
_InFile = tuple[str, int, int, str | None]


def _in_file(element) -> _InFile:
    span = element.span
    return (element.kind._value_, span.line, span.column, span.sheet)


def _placed_in_file(found: Sequence[Finding]) -> tuple[dict[_InFile, list[Finding]], list]:
    """One file's findings by the key of the element each names (OKR000 left out), and
    each finding's key in order."""
    placed: dict[_InFile, list[Finding]] = {}
    keys = []
    for f in found:
        if f.code == "OKR000":
            keys.append(None)
            continue
        span = f.span
        key = (f.element, span.line, span.column, span.sheet)
        keys.append(key)
        here = placed.get(key)
        if here is None:
            placed[key] = [f]
        else:
            here.append(f)
    return placed, keys


def _on_document(found: Sequence[Finding], keys: list, placed: dict, seen: set) -> list[Finding]:
    """The findings that name no element of the file, in report order: they are the
    document's."""
    if placed.keys() <= seen:  # nearly every file: each finding has its element
        return []
    return [f for f, key in zip(found, keys, strict=True) if key is not None and key not in seen]


def _objective_score(objective: Objective, placed: dict, seen: set, said: dict) -> ObjectiveScore:
    get, add = placed.get, seen.add
    span = objective.span
    key = (objective.kind._value_, span.line, span.column, span.sheet)  # _in_file, inlined
    add(key)
    own_found = get(key)
    if objective.actions:
        own_found = list(own_found or ())
        for action in objective.actions:
            span = action.span
            key = (action.kind._value_, span.line, span.column, span.sheet)
            add(key)
            own_found.extend(get(key, ()))
    own = _element_score(objective, own_found, said)
    krs = []
    for kr in objective.key_results:  # most elements of a run: the loop is kept lean
        span = kr.span
        key = (kr.kind._value_, span.line, span.column, span.sheet)
        add(key)
        krs.append(_element_score(kr, get(key), said))
    score = _combined(own.score, [k.score for k in krs], objective.unnamed)
    return ObjectiveScore(own, tuple(krs), score)


def _file_score(
    path: str, documents: Sequence[Document], found: Sequence[Finding], by_key: dict, said: dict
) -> FileScore:
    placed, keys = _placed_in_file(found)
    seen: set[_InFile] = set()
    objectives = []
    for doc in documents:
        for o in doc.objectives:
            scored = _objective_score(o, placed, seen, said)
            by_key.setdefault(element_key(path, o), scored)
            objectives.append(scored)
    reasons = tuple(_reasons(_on_document(found, keys, placed, seen), said))
    score = _file_value([o.score for o in objectives], sum([r.points for r in reasons]))
    return FileScore(path, score, tuple(objectives), reasons)


def compute_scores(report) -> Scores:
    """Scores for every file in a Report (see the module docstring for the formula).

    File by file: a finding names its element by the file's path, the element's kind and
    its position, so each file's findings are placed among its own elements alone."""
    files: list[FileScore] = []
    by_key: dict[ElementKey, ObjectiveScore] = {}
    said: dict = {}  # the reasons given so far (see _reasons)
    for result in report.files:
        if result.errors:
            files.append(FileScore(result.path, None))
        else:
            found = report.findings_in(result.path)
            files.append(_file_score(result.path, result.documents, found, by_key, said))
    weighted = [(f.score, max(1, len(f.objectives))) for f in files if f.score is not None]
    return Scores(_overall(weighted), tuple(files), by_key)


def overall_score(report) -> int | None:
    """``compute_scores(report).overall`` by the same formula, without the score of every
    element and the reasons for it (the text report's last line needs this number alone)."""
    weighted = []
    for result in report.files:
        if result.errors:
            continue
        found = report.findings_in(result.path)
        placed, keys = _placed_in_file(found)
        seen: set[_InFile] = set()
        objectives = []
        for doc in result.documents:
            for o in doc.objectives:
                key = _in_file(o)
                seen.add(key)
                own = _points(placed.get(key, ()))
                for action in o.actions:
                    key = _in_file(action)
                    seen.add(key)
                    own += _points(placed.get(key, ()))
                krs = []
                for kr in o.key_results:
                    key = _in_file(kr)
                    seen.add(key)
                    krs.append(clamp(100 - _points(placed.get(key, ()))))
                objectives.append(_combined(clamp(100 - own), krs, o.unnamed))
        score = _file_value(objectives, _points(_on_document(found, keys, placed, seen)))
        if score is not None:
            weighted.append((score, max(1, len(objectives))))
    return _overall(weighted)
