"""The OKR set: every objective and key result of the files being checked plus those
matched by config ``alignment.include``, indexed by id so that a team objective's
``parent`` resolves to a key result (or objective) in any file.

Ids match exactly, case included: "Sales-1" and "sales-1" are two ids. A reference that
differs only in case (or by a typo) is not resolved, and OKR401 suggests the near id, so a
slip is visible instead of silently accepted. A reference resolves first inside its own
document, then across the set; plain-text files number their elements by position
("o1", "o1.kr2"), so those derived ids are local to their file and never clash across files.

Everything here is linear in the number of elements: one pass builds dict indexes, parent
chains are walked once with colours (each objective has at most one parent, so the graph is
a forest plus cycles), and the result is cached for the set object the engine passes to
every rule, so six rules over a thousand files share one index.
"""

from __future__ import annotations

import bisect
import difflib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from okrlint import linear
from okrlint.errors import ConfigError
from okrlint.i18n import Message, _, with_guess
from okrlint.model import Action, Document, Element, KeyResult, Objective

COMPANY = "company"
# Formats whose ids are derived from position, not written by a person.
LOCAL_ID_FORMATS = frozenset({"text"})
ALIGNMENT_KEYS = ("include",)


# --------------------------------------------------------------------------- config


@dataclass(frozen=True)
class AlignmentConfig:
    include: tuple[str, ...] = ()  # globs relative to the config file's folder
    levels: Mapping[str, str] = field(default_factory=dict)  # owner (casefolded) -> level


def alignment_config(config: Any) -> AlignmentConfig:
    """``[tool.okrlint.alignment]`` and ``[tool.okrlint.levels]``, validated."""
    where = getattr(config, "source", None)
    extra = getattr(config, "extra", {}) or {}
    table = extra.get("alignment", {}) or {}

    def error(message: Message, *keys: str) -> ConfigError:
        at = config.at(*keys) if hasattr(config, "at") else (None, None)
        return ConfigError(message, where, *at)

    if not isinstance(table, Mapping):
        raise error(_("'alignment' must be a table (include = [globs])"), "alignment")
    for key in table:
        if str(key).replace("_", "-") not in ALIGNMENT_KEYS:
            close = difflib.get_close_matches(str(key), ALIGNMENT_KEYS, n=1)
            message = _("unknown key 'alignment.{key}'", key=str(key))
            raise error(with_guess(message, close[0] if close else None), "alignment", str(key))
    include = table.get("include", ())
    if isinstance(include, str):
        include = (include,)
    if not isinstance(include, list | tuple) or not all(isinstance(g, str) for g in include):
        raise error(_("'alignment.include' must be a list of glob strings"), "alignment", "include")
    return AlignmentConfig(tuple(include), _levels(extra.get("levels", {}) or {}, error))


def _levels(table: Any, error) -> dict[str, str]:
    if not isinstance(table, Mapping):
        raise error(_("'levels' must be a table of level = [owners]"), "levels")
    owners: dict[str, str] = {}
    for level, names in table.items():
        if isinstance(names, str):
            names = [names]
        if not isinstance(names, list | tuple) or not all(isinstance(n, str) for n in names):
            raise error(
                _("'levels.{level}' must be a list of owner names", level=str(level)),
                "levels",
                str(level),
            )
        for name in names:
            owners[name.strip().casefold()] = normal_level(str(level)) or str(level)
    return owners


@lru_cache(maxsize=1024)
def normal_level(value: str | None) -> str | None:
    """'company' for any way people write the company level ("Company", "selskapsnivå")."""
    if value is None or not value.strip():
        return None
    lowered = value.strip().casefold()
    if lowered == COMPANY:
        return COMPANY
    from okrlint.readers.labels import level_of  # the readers' level vocabulary, per language

    return level_of(lowered) or lowered


def apply_levels(document: Document, levels: Mapping[str, str]) -> Document:
    """The document with each objective's level filled from the owner → level mapping."""
    if not levels:
        return document
    changed = False
    objectives = []
    for objective in document.objectives:
        owner = objective.owner or document.owner
        mapped = levels.get(owner.strip().casefold()) if owner else None
        if objective.level is None and mapped is not None:
            objective = replace(objective, level=mapped)
            changed = True
        objectives.append(objective)
    return replace(document, objectives=tuple(objectives)) if changed else document


def include_files(config: Any) -> list[Path]:
    """Files matched by ``alignment.include`` (relative to the config's folder), sorted."""
    from okrlint.files import is_excluded

    patterns = alignment_config(config).include
    root = config.root
    found: dict[Path, None] = {}
    for pattern in patterns:
        try:
            matches = sorted(root.glob(pattern.strip().removeprefix("./")))
        except (ValueError, NotImplementedError):  # empty or absolute patterns
            raise ConfigError(
                _(
                    "'alignment.include' pattern {pattern} must be a glob relative to the "
                    "config file's folder",
                    pattern=repr(pattern),
                ),
                getattr(config, "source", None),
            ) from None
        for path in matches:
            if path.is_file() and not is_excluded(path, config):
                found[path.resolve()] = None
    return list(found)


def context_files(config: Any, checked: Iterable[str]) -> list[Path]:
    """The ``alignment.include`` files that are not being checked themselves."""
    included = include_files(config)
    if not included:  # the common case: no need to resolve every checked path
        return []
    seen = {_resolved(p) for p in checked}
    return [p for p in included if p not in seen]


def context_keys(paths: Iterable[Path]) -> list[str]:
    """Cheap cache keys for the context files, so a changed company file is noticed."""
    keys = []
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            continue
        keys.append(f"context:{path}:{stat.st_size}:{stat.st_mtime_ns}")
    return keys


def read_context(paths: Iterable[Path], config: Any) -> list[Document]:
    """The documents of the context files. One that cannot be read is left out of the set:
    its problems are reported when it is checked itself, not in every team's run."""
    from okrlint.errors import OkrlintError
    from okrlint.readers import read_document

    levels = alignment_config(config).levels
    documents: list[Document] = []
    for path in paths:
        try:
            if path.stat().st_size > getattr(config, "max_file_size", 5_000_000):
                continue
            docs = read_document(_display(path), path.read_bytes())
        except (OSError, OkrlintError):
            continue
        documents.extend(apply_levels(d, levels) for d in docs)
    return documents


def _resolved(name: str) -> Path | None:
    try:
        return Path(name).resolve()
    except (OSError, RuntimeError):
        return None


def _display(path: Path) -> str:
    """The path as the user would write it: relative to the current folder when inside it."""
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


# --------------------------------------------------------------------------- the set


@dataclass(frozen=True, slots=True)
class Located:
    """An element with its id, the objective it belongs to and its document."""

    element: Element
    objective: Objective
    document: Document

    @property
    def where(self) -> str:
        return f"{self.document.path}:{self.element.span.line}"


@dataclass(frozen=True, slots=True)
class Cycle:
    """A loop of parent links, seen from one of its members (``members[start]``)."""

    members: tuple[Located, ...]
    start: int

    def chain(self, limit: int = 6) -> str:
        """'a → b → c → a' from this member; a long loop is shortened in the middle."""
        n = len(self.members)
        names = [_label(self.members[(self.start + i) % n]) for i in range(min(n, limit))]
        if n > limit:
            names.append(f"… ({n} objectives)")
        return " → ".join([*names, names[0]])


@dataclass(frozen=True, slots=True)
class Missing:
    objective: Objective
    parent: str
    suggestion: str | None
    names_action: bool = False


# (document position, id) -> its uses there, for positional ids; id -> the uses of it in
# formats whose ids are written, and their document positions (both in set order)
_SplitIds = tuple[
    dict[tuple[int, str], list[Located]],
    dict[str, list[Located]],
    dict[str, list[int]],
    dict[int, int],  # id(element) -> its place among its own document's uses of its id
]


class OkrSet:
    """The index of a set of documents and what the alignment rules need from it."""

    def __init__(self, documents: Sequence[Document]):
        self.documents = tuple(documents)
        self._doc_index = {id(d): i for i, d in enumerate(self.documents)}
        self.ids: dict[str, list[Located]] = defaultdict(list)
        self._place: dict[int, int] = {}  # id(element) -> its first place in ids[its id]
        self._twice: set[int] = set()  # elements that stand in the set more than once
        self.objectives: list[Located] = []  # every objective, in set order
        self._build_index()
        self._found: dict[str, _Found] = {}  # the look-up answers for an id, when first asked
        self.parent: dict[int, Located] = {}  # id(objective) -> resolved parent
        self.missing: dict[int, Missing] = {}
        self.children: dict[int, list[Located]] = defaultdict(list)  # id(element) -> children
        self._resolve()
        self.cycles: dict[int, Cycle] = self._find_cycles()
        self._near: _Near | None = None  # the ids ordered for suggestions, when first needed
        self._suggested: dict[str, str | None] = {}
        self._split: _SplitIds | None = None  # the uses of each id by kind, when first needed

    # -- building

    def _build_index(self) -> None:
        for document in self.documents:
            for objective in document.objectives:
                here = Located(objective, objective, document)
                self.objectives.append(here)
                elements: Iterable[Element] = (
                    objective,
                    *objective.key_results,
                    *objective.actions,
                )
                for element in elements:
                    if element.id is not None:
                        uses = self.ids[element.id]
                        if id(element) in self._place:  # one element object met twice
                            self._twice.add(id(element))
                        self._place.setdefault(id(element), len(uses))
                        uses.append(Located(element, objective, document))

    def lookup(self, ref: str, document: Document) -> Located | None:
        """The element an id names: in the same document first, else the first in the set
        (a company objective's before others; positional ids only from their own file)."""
        found = self._found.get(ref)
        if found is None:
            uses = self.ids.get(ref)
            if not uses:
                return None
            found = self._found[ref] = _Found.of(uses)
        here = found.by_document.get(id(document))
        if here is not None:
            return here
        if document.format in LOCAL_ID_FORMATS:
            return found.written
        return found.anywhere

    def _resolve(self) -> None:
        for here in self.objectives:
            objective = here.objective
            if objective.parent is None:
                continue
            target = self.lookup(objective.parent, here.document)
            if target is None or isinstance(target.element, Action):
                self.missing[id(objective)] = Missing(
                    objective, objective.parent, None, names_action=target is not None
                )
                continue
            self.parent[id(objective)] = target
            self.children[id(target.element)].append(here)

    def _find_cycles(self) -> dict[int, Cycle]:
        """Objectives on a loop of parent links, each mapped to its loop (from itself)."""
        white, grey, black = 0, 1, 2
        colour: dict[int, int] = {}
        by_key = {id(h.objective): h for h in self.objectives}
        cycles: dict[int, Cycle] = {}
        for start in self.objectives:
            path: list[Located] = []
            node: Located | None = start
            while node is not None and colour.get(id(node.objective), white) == white:
                colour[id(node.objective)] = grey
                path.append(node)
                target = self.parent.get(id(node.objective))
                node = by_key.get(id(target.objective)) if target else None
            if node is not None and colour.get(id(node.objective)) == grey:
                loop = tuple(path[[id(p.objective) for p in path].index(id(node.objective)) :])
                for i, member in enumerate(loop):
                    cycles[id(member.objective)] = Cycle(loop, i)  # one loop, shared
            for visited in path:
                colour[id(visited.objective)] = black
        return cycles

    # -- what the rules ask

    def contains(self, document: Document) -> bool:
        return id(document) in self._doc_index

    def duplicates(self, document: Document) -> Iterator[tuple[Element, Sequence[Located]]]:
        """Each element of the document whose id is used elsewhere, with the other uses.

        The other uses are a view, not a copy: an id written n times has n - 1 other uses
        for each of its n uses, and copying them for each would be quadratic."""
        # Positional ids ("o1") are in every plain-text file; scanning all their uses for each
        # element made this quadratic in the number of files. Both shortcuts list exactly what
        # the plain scan (kept for a document outside the set, or one listed twice) would.
        plain = not self.contains(document) or len(self._doc_index) != len(self.documents)
        plain = plain or bool(self._twice)
        local = document.format in LOCAL_ID_FORMATS
        for objective in document.objectives:
            for element in (objective, *objective.key_results, *objective.actions):
                if element.id is None:
                    continue
                others: Sequence[Located]
                if plain:
                    others = [
                        o
                        for o in self.ids[element.id]
                        if o.element is not element and _clash(document, o.document)
                    ]
                elif local:
                    others = self._local_clashes(element, element.id, document)
                else:  # every other use clashes with an id a person wrote
                    uses = self.ids[element.id]
                    others = _Uses.without(uses, self._place[id(element)])
                if others:
                    yield element, others

    def _local_clashes(self, element: Element, ref: str, document: Document) -> Sequence[Located]:
        """The uses of a positional id that clash with ``element``: the others in its own
        document and those in formats whose ids are written, in set order."""
        if self._split is None:
            self._split = self._split_ids()
        own, written, written_at, own_place = self._split
        position = self._doc_index[id(document)]
        mine = _Uses.without(own.get((position, ref), []), own_place[id(element)])
        theirs = written.get(ref)
        if not theirs:
            return mine
        cut = bisect.bisect_left(written_at[ref], position)
        return _Uses(((theirs, 0, cut), *mine.runs, (theirs, cut, len(theirs))))

    def _split_ids(self) -> _SplitIds:
        own: dict[tuple[int, str], list[Located]] = defaultdict(list)
        written: dict[str, list[Located]] = defaultdict(list)
        written_at: dict[str, list[int]] = defaultdict(list)
        own_place: dict[int, int] = {}  # id(element) -> its place in its own list
        for ref, uses in self.ids.items():
            for use in uses:  # in set order, so every list below is too
                position = self._doc_index[id(use.document)]
                if use.document.format in LOCAL_ID_FORMATS:
                    mine = own[(position, ref)]
                    own_place.setdefault(id(use.element), len(mine))
                    mine.append(use)
                else:
                    written[ref].append(use)
                    written_at[ref].append(position)
        return own, written, written_at, own_place

    def suggestion(self, ref: str) -> str | None:
        """The id the user probably meant: same letters in another case, else a close one.

        A close one is the best match (difflib's ratio of at least 0.75) among the ids
        nearest to ``ref`` in alphabetical order and in the order of their reversed
        spelling, so a slip anywhere but at both ends at once is found. Comparing with every
        id made a set with many missing parents quadratic; in a set of up to
        2 × NEAR_IDS ids, the nearest are all of them."""
        if ref not in self._suggested:
            if self._near is None:
                self._near = _Near(self.ids)
            self._suggested[ref] = self._near.suggest(ref)
        return self._suggested[ref]

    def level(self, here: Located) -> str | None:
        return normal_level(here.objective.level)

    @cached_property
    def has_company(self) -> bool:
        return any(self.level(h) == COMPANY for h in self.objectives)

    @cached_property
    def _company_documents(self) -> frozenset[int]:
        return frozenset(id(h.document) for h in self.objectives if self.level(h) == COMPANY)

    def is_orphan(self, objective: Objective, document: Document) -> bool:
        """A non-company objective with no parent in a set that has company objectives.

        An objective whose level is unknown counts as a team objective only in a document
        without company objectives (a team's own file); in a mixed document the readers
        already hang what follows a company objective under it, and what comes first is
        not part of the cascade.
        """
        if objective.parent is not None or objective.unnamed or not self.has_company:
            return False
        level = normal_level(objective.level)
        if level == COMPANY:
            return False
        return level is not None or id(document) not in self._company_documents

    def uncovered(self, document: Document) -> Iterator[tuple[Objective, KeyResult]]:
        """Company key results no objective in the set builds on."""
        if not self._cascades:
            return
        for objective in document.objectives:
            if normal_level(objective.level) != COMPANY or self.children.get(id(objective)):
                continue  # children linked to the objective itself: we cannot tell which KR
            for kr in objective.key_results:
                if not self.children.get(id(kr)):
                    yield objective, kr

    @cached_property
    def _cascades(self) -> bool:
        """Whether any objective below the company level links upwards at all."""
        return any(
            h.objective.parent is not None and self.level(h) != COMPANY for h in self.objectives
        )

    def roots(self) -> list[Located]:
        """Objectives with no resolved parent and not on a cycle, in set order."""
        return [
            h
            for h in self.objectives
            if id(h.objective) not in self.parent and id(h.objective) not in self.cycles
        ]


def _clash(document: Document, other: Document) -> bool:
    """Two uses of one id clash unless both are positional ids of different plain-text files."""
    if other is document:
        return True
    return not (document.format in LOCAL_ID_FORMATS and other.format in LOCAL_ID_FORMATS)


NEAR_IDS = 12  # ids compared on each side of a reference, in each of two orders


class _Near:
    """Every id of a set in alphabetical order and in the order of its reversed spelling,
    with the first id of each case-folded spelling."""

    def __init__(self, ids: Iterable[str]) -> None:
        self.forward = sorted(ids)
        self.backward = sorted(i[::-1] for i in self.forward)
        self.folded: dict[str, str] = {}
        for candidate in self.forward:
            self.folded.setdefault(candidate.casefold(), candidate)

    def suggest(self, ref: str) -> str | None:
        same = self.folded.get(ref.casefold())
        if same is not None:
            return same
        candidates = dict.fromkeys(_around(self.forward, ref))
        candidates.update(dict.fromkeys(i[::-1] for i in _around(self.backward, ref[::-1])))
        close = difflib.get_close_matches(ref, list(candidates), n=1, cutoff=0.75)
        return close[0] if close else None


def _around(ordered: list[str], key: str) -> list[str]:
    at = bisect.bisect_left(ordered, key)
    return ordered[max(0, at - NEAR_IDS) : at + NEAR_IDS]


@dataclass(frozen=True, slots=True)
class _Found:
    """What ``OkrSet.lookup`` answers for one id: its first use in each document, and the
    first use in the set (a company objective's first) overall and among written ids."""

    by_document: dict[int, Located]
    anywhere: Located
    written: Located | None

    @classmethod
    def of(cls, uses: list[Located]) -> _Found:
        by_document: dict[int, Located] = {}
        for use in uses:
            by_document.setdefault(id(use.document), use)
        written = [u for u in uses if u.document.format not in LOCAL_ID_FORMATS]
        return cls(by_document, _first_company(uses) or uses[0], _first_company(written))


def _first_company(uses: list[Located]) -> Located | None:
    # an id used twice (OKR405) most likely means the company's: parents sit above
    company = (u for u in uses if normal_level(u.objective.level) == COMPANY)
    return next(company, uses[0] if uses else None)


class _Uses(Sequence[Located]):
    """Runs of lists of uses read as one sequence, without copying them."""

    __slots__ = ("_length", "runs")

    def __init__(self, runs: Iterable[tuple[list[Located], int, int]]) -> None:
        self.runs = tuple((uses, start, stop) for uses, start, stop in runs if stop > start)
        self._length = sum(stop - start for _, start, stop in self.runs)

    @classmethod
    def without(cls, uses: list[Located], place: int) -> _Uses:
        """Every use but the one at ``place``."""
        return cls(((uses, 0, place), (uses, place + 1, len(uses))))

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        for uses, start, stop in self.runs:
            if index < stop - start:
                return uses[start + index]
            index -= stop - start
        raise IndexError(index)

    def __iter__(self) -> Iterator[Located]:
        for uses, start, stop in self.runs:
            yield from uses[start:stop]


# --------------------------------------------------------------------------- periods

_PERIOD_TOKEN = linear.compile(r"\d{4}|[^\W\d_]+\d*|\d+")


def period_tokens(period: str) -> frozenset[str]:
    """ "Q3 2025", "2025-Q3" and "2025Q3" all give {"2025", "q3"}."""
    return frozenset(t.casefold() for t in _PERIOD_TOKEN.findall(period))


def periods_agree(child: str | None, parent: str | None) -> bool:
    """A child's period agrees when it lies within the parent's ("Q3 2025" within "2025")."""
    if not child or not parent:
        return True
    wanted = period_tokens(parent)
    return bool(wanted) and wanted <= period_tokens(child)


# --------------------------------------------------------------------------- cache

_last: list[OkrSet] = []  # the set built for the last tuple of documents (engine passes one)


def okr_set(documents: Sequence[Document], document: Document | None = None) -> OkrSet:
    """The index of ``documents`` (which should include ``document``), built once per set."""
    if _last and _same(_last[0].documents, documents):
        found = _last[0]
    else:
        found = OkrSet(documents)
        _last[:] = [found]
    if document is not None and not found.contains(document):
        return OkrSet((*documents, document))
    return found


def _same(a: Sequence[Document], b: Sequence[Document]) -> bool:
    return a is b or (len(a) == len(b) and all(x is y for x, y in zip(a, b, strict=True)))


# --------------------------------------------------------------------------- the tree


@dataclass(frozen=True, slots=True)
class TreeRow:
    """One line of the cascade tree: an objective, or a key result that others build on."""

    depth: int
    node: Located
    note: str | None = None  # "parent 'x' not found", "in a cycle: a → b → a"


def tree_rows(the_set: OkrSet) -> list[TreeRow]:
    """The cascade, depth first in set order: each objective, then what hangs under it
    directly, then each of its key results that some objective builds on, with theirs.
    Objectives whose parent is missing are roots with a note; objectives on a cycle come
    last, each with its loop. Iterative, so a chain ten thousand deep is fine."""
    starts = [TreeRow(0, h, _missing_note(the_set, h)) for h in the_set.roots()]
    for here in the_set.objectives:
        loop = the_set.cycles.get(id(here.objective))
        if loop is not None:
            starts.append(TreeRow(0, here, f"in a cycle: {loop.chain()}"))
    rows: list[TreeRow] = []
    stack = list(reversed(starts))
    while stack:
        row = stack.pop()
        rows.append(row)
        stack.extend(reversed(_under(the_set, row)))
    return rows


def _under(the_set: OkrSet, row: TreeRow) -> list[TreeRow]:
    """What the tree shows right below a row (cycle members are shown at the end instead)."""

    def linked(element: Element) -> list[Located]:
        found = the_set.children.get(id(element), [])
        return [c for c in found if id(c.objective) not in the_set.cycles]

    if row.node.element is not row.node.objective:  # a key result: the objectives on it
        return [TreeRow(row.depth + 1, c) for c in linked(row.node.element)]
    objective = row.node.objective
    below = [TreeRow(row.depth + 1, c) for c in linked(objective)]
    below.extend(
        TreeRow(row.depth + 1, Located(kr, objective, row.node.document))
        for kr in objective.key_results
        if linked(kr)
    )
    return below


def _label(here: Located) -> str:
    return here.objective.id or f"{here.document.path}:{here.objective.span.line}"


def _missing_note(the_set: OkrSet, here: Located) -> str | None:
    missing = the_set.missing.get(id(here.objective))
    return f"parent '{missing.parent}' not found" if missing else None
