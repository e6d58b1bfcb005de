"""The header map: what the columns of an OKR table mean, in English and Norwegian.

One map serves every table okrlint reads: Markdown tables, CSV/TSV files and spreadsheets.
It is the readers' vocabulary, kept as data like the labels in ``labels.py``: supporting
another language or another tool's export means adding words here.

A header cell is matched without regard to case, spacing, ``_``/``-``, bold markup, a
trailing colon or a trailing number ("KR 1", "Key result 2"). A trailing parenthesis names
the unit of a value column ("Target (%)", "Mål (kr)"). A few words mean two things: "Mål"
and "Goal" are the objective in "Mål | Nøkkelresultat" and the target in "Nøkkelresultat |
Startverdi | Mål"; "Current" / "Nå" / "I dag" is the starting value unless the table has a
start column of its own. Such cells are decided by the whole header row (``read_header``),
never by one word alone.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import Enum

from okrlint import linear


class Field(Enum):
    OBJECTIVE = "objective"
    KEY_RESULT = "key result"
    ACTION = "action"
    TYPE = "type"  # the row's kind, in exports with one row per element
    TITLE = "title"  # the element's text, in exports with a type column
    BASELINE = "baseline"
    TARGET = "target"
    CURRENT = "current"
    UNIT = "unit"
    TREND = "trend"
    OWNER = "owner"
    WHY = "why"
    ID = "id"
    PARENT = "parent"
    LEVEL = "level"
    PERIOD = "period"
    DUE = "due"
    PROGRESS = "progress"
    NOTE = "note"  # a known column okrlint does not check: comments, team, weight, tags


# Each field's header words, English then Norwegian Bokmål (normalised: lower case, single
# spaces). The words of _EITHER below are left out here: they mean one field or another.
HEADERS: dict[Field, tuple[str, ...]] = {
    Field.OBJECTIVE: (
        "objective",
        "objectives",
        "objective name",
        "objective title",
        "o",
        "målsetting",
        "målsettinger",
        "hovedmål",
        "overordnet mål",
        "objektiv",
    ),
    Field.KEY_RESULT: (
        "key result",
        "key results",
        "key result name",
        "key result title",
        "kr",
        "krs",
        "outcome",
        "outcomes",
        "nøkkelresultat",
        "nøkkelresultater",
        "resultatmål",
        "delmål",
    ),
    Field.ACTION: (
        "action",
        "actions",
        "initiative",
        "initiatives",
        "task",
        "tasks",
        "tiltak",
        "aktivitet",
        "aktiviteter",
        "initiativ",
        "initiativer",
        "oppgave",
        "oppgaver",
    ),
    Field.TYPE: ("type", "kind", "item type", "element type", "element"),
    Field.TITLE: ("title", "name", "goal title", "goal name", "tittel", "navn"),
    Field.BASELINE: (
        "baseline",
        "baseline value",
        "start",
        "start value",
        "starting value",
        "initial value",
        "from",
        "startverdi",
        "utgangspunkt",
        "utgangsverdi",
        "nullpunkt",
        "fra",
    ),
    Field.TARGET: (
        "target",
        "target value",
        "goal value",
        "desired value",
        "end value",
        "to",
        "målverdi",
        "ønsket",
        "ønsket verdi",
        "sluttverdi",
        "til",
    ),
    Field.CURRENT: ("current value", "latest value", "nåverdi", "dagens verdi", "siste verdi"),
    Field.UNIT: ("unit", "units", "unit of measure", "enhet", "måleenhet"),
    Field.TREND: (
        "trend",
        "desired trend",
        "direction",
        "desired direction",
        "ønsket trend",
        "retning",
        "ønsket retning",
    ),
    Field.OWNER: (
        "owner",
        "owners",
        "responsible",
        "accountable",
        "lead",
        "ansvarlig",
        "ansvarlige",
        "eier",
    ),
    Field.WHY: ("why", "rationale", "purpose", "reason", "hvorfor", "begrunnelse", "formål"),
    Field.ID: ("id", "ref", "reference", "referanse"),
    Field.PARENT: (
        "parent",
        "parent id",
        "aligned to",
        "aligns with",
        "contributes to",
        "forelder",
        "bygger på",
        "bidrar til",
        "knyttet til",
    ),
    Field.LEVEL: ("level", "scope", "nivå"),
    Field.PERIOD: (
        "period",
        "quarter",
        "cycle",
        "session",
        "timeframe",
        "time frame",
        "periode",
        "kvartal",
        "tidsrom",
    ),
    Field.DUE: (
        "due",
        "due date",
        "deadline",
        "end date",
        "frist",
        "tidsfrist",
        "sluttdato",
        "forfallsdato",
    ),
    Field.PROGRESS: (
        "progress",
        "status",
        "attainment",
        "completion",
        "% complete",
        "score",
        "confidence",
        "fremdrift",
        "progresjon",
        "måloppnåelse",
        "tilstand",
    ),
    Field.NOTE: (
        "note",
        "notes",
        "comment",
        "comments",
        "description",
        "details",
        "team",
        "department",
        "tags",
        "weight",
        "category",
        "link",
        "plan",
        "start date",
        "last updated",
        "#",
        "no",
        "nr",
        "kommentar",
        "kommentarer",
        "merknad",
        "merknader",
        "notater",
        "beskrivelse",
        "avdeling",
        "vekt",
        "kategori",
        "lenke",
        "startdato",
        "sist oppdatert",
    ),
}

# Words with two meanings, settled by the rest of the header row (see read_header).
_EITHER: dict[str, tuple[Field, Field]] = {
    "mål": (Field.OBJECTIVE, Field.TARGET),
    "goal": (Field.OBJECTIVE, Field.TARGET),
    "goals": (Field.OBJECTIVE, Field.TARGET),
    "current": (Field.BASELINE, Field.CURRENT),
    "now": (Field.BASELINE, Field.CURRENT),
    "today": (Field.BASELINE, Field.CURRENT),
    "nå": (Field.BASELINE, Field.CURRENT),
    "i dag": (Field.BASELINE, Field.CURRENT),
}

# "Objective owner", "KR id", "Nøkkelresultat eier": a field of one element of the row.
_SCOPES: dict[str, Field] = {
    "objective": Field.OBJECTIVE,
    "målsetting": Field.OBJECTIVE,
    "mål": Field.OBJECTIVE,
    "goal": Field.OBJECTIVE,
    "key result": Field.KEY_RESULT,
    "kr": Field.KEY_RESULT,
    "nøkkelresultat": Field.KEY_RESULT,
}
# What a field means under a scope; a scoped field missing here is a note (a key result's
# owner, say: the model keeps owners on objectives).
_SCOPED: dict[Field, frozenset[Field]] = {
    Field.OBJECTIVE: frozenset(
        {Field.TITLE, Field.OWNER, Field.WHY, Field.ID, Field.PARENT, Field.LEVEL, Field.PERIOD}
    ),
    Field.KEY_RESULT: frozenset(
        {
            Field.TITLE,
            Field.ID,
            Field.BASELINE,
            Field.TARGET,
            Field.CURRENT,
            Field.UNIT,
            Field.TREND,
        }
    ),
}

_WORDS: dict[str, Field] = {word: name for name, words in HEADERS.items() for word in words}
_MARKUP_RE = linear.compile(r"[*_`]+")
_SEPARATORS_RE = linear.compile(r"[\s_-]+")
_UNIT_RE = linear.compile(r"\s*\(([^()]{1,12})\)$")
_NUMBER_RE = linear.compile(r"\s*#?\s*\d{1,2}(?:\.\d{1,2})?$")  # "KR 1", "Key result 1.2"
_KEY_FIELDS = frozenset({Field.OBJECTIVE, Field.KEY_RESULT})


@dataclass(frozen=True, slots=True)
class Column:
    """What one header cell means."""

    field: Field
    scope: Field | None = None  # OBJECTIVE or KEY_RESULT for "Objective owner", "KR id"
    unit: str | None = None  # from "Target (%)"


@dataclass(frozen=True, slots=True)
class Header:
    """A table's header row, read: one ``Column`` (or None) per cell."""

    columns: tuple[Column | None, ...]
    unknown: tuple[int, ...]  # indexes of non-empty cells no field matches

    @property
    def is_okr_table(self) -> bool:
        """Does it name an objective or key-result column (or an element type and title)?"""
        fields = {c.field for c in self.columns if c is not None and c.scope is None}
        return bool(fields & _KEY_FIELDS) or {Field.TYPE, Field.TITLE} <= fields

    @property
    def known(self) -> int:
        return sum(c is not None for c in self.columns)


def normalise(cell: str) -> str:
    text = _MARKUP_RE.sub(" ", cell).strip().rstrip(":").strip()
    return " ".join(_SEPARATORS_RE.split(text.casefold())).strip()


def _candidates(word: str) -> tuple[Field, ...] | None:
    if word in _WORDS:
        return (_WORDS[word],)
    return _EITHER.get(word)


def _meaning(cell: str) -> tuple[tuple[Field, ...], Field | None, str | None] | None:
    """(candidate fields, scope, unit) of one header cell, or None when it means nothing."""
    word = normalise(cell)
    unit = None
    found = _UNIT_RE.search(word)
    if found is not None and _candidates(word) is None:
        unit = cell.strip().rstrip(":")[found.start() :].strip(" ()") or None
        word = word[: found.start()].strip()
    number = _NUMBER_RE.search(word)
    if number is not None and number.start() > 0 and _candidates(word) is None:
        word = word[: number.start()].strip()
    fields = _candidates(word)
    if fields is not None:
        return fields, None, unit
    for scope_word, scope in _SCOPES.items():
        if word.startswith(scope_word + " "):
            rest = _candidates(word[len(scope_word) + 1 :])
            if rest is None:
                continue
            field = rest[0] if rest[0] in _SCOPED[scope] or len(rest) == 1 else rest[1]
            if field is Field.TITLE:
                return (scope,), None, unit  # "Objective name" is the objective itself
            if field not in _SCOPED[scope]:
                field = Field.NOTE
            return (field,), scope, unit
    return None


def read_header(cells: list[str]) -> Header:
    """The meaning of each header cell, deciding two-way words by the whole row.

    "Mål" / "Goal" is the objective unless the row has an objective column of its own, or
    it stands after a key-result or start column ("Nøkkelresultat | Startverdi | Mål"):
    then it is the target. "Current" / "Nå" is the starting value unless the row has a
    start column of its own: then it is the value today. Only the first objective column
    names the objective; a second two-way cell is the target.
    """
    meanings = [_meaning(cell) if cell.strip() else None for cell in cells]
    plain = {m[0][0] for m in meanings if m is not None and len(m[0]) == 1 and m[1] is None}
    columns: list[Column | None] = []
    unknown: list[int] = []
    seen: set[Field] = set()
    for index, (cell, meaning) in enumerate(zip(cells, meanings, strict=True)):
        if meaning is None:
            columns.append(None)
            if cell.strip():
                unknown.append(index)
            continue
        fields, scope, unit = meaning
        field = fields[0]
        if len(fields) == 2:
            field = _decide(fields, plain, seen)
        seen.add(field)
        columns.append(Column(field, scope, unit))
    return Header(tuple(columns), tuple(unknown))


def _decide(fields: tuple[Field, ...], plain: set[Field], seen: set[Field]) -> Field:
    first, second = fields
    if first is Field.OBJECTIVE:
        after_values = seen & {Field.KEY_RESULT, Field.BASELINE, Field.OBJECTIVE}
        return second if Field.OBJECTIVE in plain or after_values else first
    # BASELINE or CURRENT
    return second if Field.BASELINE in plain or Field.BASELINE in seen else first


def suggest(cell: str) -> str | None:
    """The header word meant by an unknown one ("Targte" -> "target"), or None."""
    close = difflib.get_close_matches(normalise(cell), [*_WORDS, *_EITHER], n=1, cutoff=0.8)
    return close[0] if close else None


# ---------------------------------------------------------------------------- row values

# The kind of element a row holds, in exports with a type column ("Type: Key Result").
ROW_KINDS: dict[str, Field] = {
    **{word: Field.OBJECTIVE for word in HEADERS[Field.OBJECTIVE]},
    **{word: Field.KEY_RESULT for word in HEADERS[Field.KEY_RESULT]},
    **{word: Field.ACTION for word in HEADERS[Field.ACTION]},
    "mål": Field.OBJECTIVE,
    "goal": Field.OBJECTIVE,
    "milestone": Field.ACTION,
    "milepæl": Field.ACTION,
}


def row_kind(value: str) -> Field | None:
    return ROW_KINDS.get(normalise(value))


# The values a trend field or column may hold: the direction the writer wants.
TRENDS: dict[str, str] = {
    "increase": "increase",
    "increasing": "increase",
    "up": "increase",
    "higher": "increase",
    "higher is better": "increase",
    "↑": "increase",
    "øke": "increase",
    "økning": "increase",
    "økende": "increase",
    "stigende": "increase",
    "opp": "increase",
    "høyere": "increase",
    "decrease": "decrease",
    "decreasing": "decrease",
    "down": "decrease",
    "lower": "decrease",
    "lower is better": "decrease",
    "↓": "decrease",
    "redusere": "decrease",
    "reduksjon": "decrease",
    "synkende": "decrease",
    "minkende": "decrease",
    "ned": "decrease",
    "lavere": "decrease",
}


def parse_trend(value: str) -> str | None:
    """'increase' or 'decrease' for a trend as people write it, None when unknown."""
    return TRENDS.get(normalise(value))
