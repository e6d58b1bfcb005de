"""Tables as OKR structure, for every reader that meets one: Markdown, CSV/TSV, spreadsheets.

A table is a header row and data rows of cells. ``columns.read_header`` says what each
column means; ``TableReader`` turns each data row into the label lines the outline reads
(``outline.py``), as if the row had been written out by hand: an objective line where the
objective cell starts a new objective, then the objective's owner, why, parent, level and
period, a key-result line per key result carrying the row's baseline, target, current value,
unit, trend and id, and action lines. So a table under a Markdown heading, a CSV export and
a spreadsheet all become objectives and key results through the one state machine, and
every rule sees ``baseline``/``target`` exactly as from YAML.

Two layouts:

* **columns** ("Objective | Key result | Baseline | Target"): a non-empty objective cell
  that differs from the one above starts an objective; an empty or repeated one continues
  it, as exports and hand-made sheets write them. A key-result cell holds one key result,
  or several on lines of their own (``<br>`` in Markdown). The value columns belong to the
  key result when the row has exactly one. Key results before any objective belong to an
  unnamed objective (unless a Markdown heading above the table names it).
* **typed rows** ("Type | Title | Owner | Start value | Target value", one row per element,
  as OKR tools export): the type cell says whether the row is an objective, a key result or
  an action. A row whose type okrlint does not know is read by its columns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from okrlint import linear, numeric
from okrlint.i18n import _
from okrlint.model import Number, Span, UnknownField
from okrlint.readers.columns import Field, Header, parse_trend, row_kind, suggest
from okrlint.readers.labels import BULLET_RE, Label, LabelKind
from okrlint.readers.outline import Line, LineKind


@dataclass(frozen=True, slots=True)
class Cell:
    line: int  # 1-based line (a spreadsheet's row)
    start: int  # 0-based offset of the cell in its line (a spreadsheet's column index)
    text: str
    value: object = None  # a spreadsheet's typed value (a number), else None
    unit: str | None = None  # a spreadsheet's number format: "%"


class TableError(ValueError):
    """A cell okrlint cannot use (a trend it cannot read), at its line."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


Split = Callable[[Cell], list[Cell]]

_VALUES = {  # the unit column first: it wins over a unit in a header ("Target (%)")
    Field.UNIT: "unit",
    Field.BASELINE: "baseline",
    Field.TARGET: "target",
    Field.CURRENT: "current",
    Field.TREND: "trend",
}
_OBJECTIVE_FIELDS = {
    Field.OWNER: LabelKind.OWNER,
    Field.WHY: LabelKind.WHY,
    Field.PARENT: LabelKind.PARENT,
    Field.LEVEL: LabelKind.LEVEL,
}
_INT_RE = linear.compile(r"[+-]?\d+")
_FLOAT_RE = linear.compile(r"[+-]?\d*\.\d+")


def lines_of_cell(cell: Cell) -> list[Cell]:
    """A cell's non-blank lines, each a cell of its own (CSV and spreadsheet cells)."""
    if "\n" not in cell.text:
        return [cell]
    parts = []
    for number, text in enumerate(cell.text.split("\n")):
        if text.strip():
            parts.append(Cell(cell.line + number, cell.start if number == 0 else 0, text))
    return parts


def unknown_columns(header: Header, cells: Sequence[Cell]) -> list[UnknownField]:
    """The header cells no field matches, for OKR303 to report."""
    return [
        UnknownField(
            key=" ".join(cells[index].text.split()),
            span=cell_span(cells[index]),
            where="table",
            suggestion=suggest(cells[index].text),
            what="column",
        )
        for index in header.unknown
    ]


def cell_span(cell: Cell) -> Span:
    text = cell.text.split("\n", 1)[0]
    start = cell.start + len(text) - len(text.lstrip())
    return Span(cell.line, start + 1, cell.line, max(start + 1, cell.start + len(text.rstrip())))


def cell_value(cell: Cell) -> Number | None:
    """A value cell as YAML would read it: a plain number, else its text; None when empty.

    A number no OKR could mean (400 digits, a spreadsheet's 1e300) stays text, as written
    (see okrlint.numeric)."""
    text = " ".join(cell.text.split())
    value = numeric.usable(cell.value)
    if value is not None:
        return value
    if not text:
        return None
    if len(text) <= 64 and _INT_RE.fullmatch(text):
        value = numeric.usable(int(text))
    elif len(text) <= 100 and _FLOAT_RE.fullmatch(text):
        value = numeric.usable(float(text))
    return text if value is None else value


class TableReader:
    """Turns the data rows of one table into outline lines, row by row.

    Which columns each piece of a row comes from is worked out once, from the header."""

    def __init__(self, header: Header, split: Split = lines_of_cell) -> None:
        self.header = header
        self.split = split
        where: dict[tuple[Field, Field | None], list[int]] = {}
        for index, column in enumerate(header.columns):
            if column is not None:
                where.setdefault((column.field, column.scope), []).append(index)

        def cols(field: Field, scope: Field | None = None) -> tuple[int, ...]:
            return tuple(where.get((field, scope), ()))

        self.typed = bool(cols(Field.TYPE))
        has_kr_column = bool(cols(Field.KEY_RESULT))
        self.type_cols = cols(Field.TYPE)
        self.objective_cols = cols(Field.OBJECTIVE)
        self.kr_cols = cols(Field.KEY_RESULT)
        self.action_cols = cols(Field.ACTION)
        anything = cols(Field.OBJECTIVE) + cols(Field.KEY_RESULT) + cols(Field.ACTION)
        self.title_cols = {
            kind: cols(Field.TITLE) + cols(kind) + anything
            for kind in (Field.OBJECTIVE, Field.KEY_RESULT, Field.ACTION)
        }
        # (column, field name, field): the unit column first, a key result's own before
        # unscoped ones; the first non-empty cell of a field wins
        self.value_plan = tuple(
            (index, name, field)
            for field, name in _VALUES.items()
            for scope in (Field.KEY_RESULT, None)
            for index in cols(field, scope)
        )
        unscoped_id = cols(Field.ID)
        self.kr_id_cols = cols(Field.ID, Field.KEY_RESULT) + (
            unscoped_id if self.typed or has_kr_column else ()
        )
        self.objective_id_cols = cols(Field.ID, Field.OBJECTIVE) + (
            unscoped_id if self.typed or not has_kr_column else ()  # a table of objectives
        )
        self.objective_fields = tuple(
            (kind, cols(field, Field.OBJECTIVE) + cols(field))
            for field, kind in _OBJECTIVE_FIELDS.items()
            if cols(field, Field.OBJECTIVE) + cols(field)
        )
        self.period_cols = cols(Field.PERIOD, Field.OBJECTIVE) + cols(Field.PERIOD)
        self.objective: str | None = None  # the text of the objective the rows continue
        self.period: str | None = None

    def lines(self, cells: Sequence[Cell]) -> list[Line]:
        if self.typed:
            found = _first(cells, self.type_cols)
            kind = row_kind(found.text) if found is not None else None
            if kind is not None:
                return self._typed(cells, kind)
        return self._columns(cells)

    # -- layouts

    def _columns(self, cells: Sequence[Cell]) -> list[Line]:
        out: list[Line] = []
        objective = _first(cells, self.objective_cols)
        if objective is not None:
            text = " ".join(objective.text.split())
            if text != self.objective:
                self.objective = text
                out.extend(self._objective(cells, objective))
        krs = [part for cell in _filled(cells, self.kr_cols) for part in self.split(cell)]
        values = self._values(cells) if len(krs) == 1 else ()
        out.extend(_label_line(part, LabelKind.KEY_RESULTS, values) for part in krs)
        if self.action_cols:
            out.extend(
                _label_line(part, LabelKind.ACTIONS)
                for cell in _filled(cells, self.action_cols)
                for part in self.split(cell)
            )
        if self.period_cols:
            out.extend(self._period(cells))
        return out

    def _typed(self, cells: Sequence[Cell], kind: Field) -> list[Line]:
        title = _first(cells, self.title_cols[kind])
        if title is None:
            return []
        out: list[Line] = []
        if kind is Field.OBJECTIVE:
            self.objective = " ".join(title.text.split())
            out.extend(self._objective(cells, title))
        else:
            one_line = _one_line(title)
            if kind is Field.KEY_RESULT:
                out.append(_label_line(one_line, LabelKind.KEY_RESULTS, self._values(cells)))
            else:
                out.append(_label_line(one_line, LabelKind.ACTIONS))
        out.extend(self._period(cells))
        return out

    # -- pieces of a row

    def _objective(self, cells: Sequence[Cell], cell: Cell) -> list[Line]:
        ident = _first(cells, self.objective_id_cols)
        values = (("id", str(cell_value(ident))),) if ident is not None else ()
        out = [_label_line(_one_line(cell), LabelKind.OBJECTIVE, values)]
        for kind, indexes in self.objective_fields:
            found = _first(cells, indexes)
            if found is not None:
                out.append(_label_line(_one_line(found), kind))
        return out

    def _values(self, cells: Sequence[Cell]) -> tuple[tuple[str, object], ...]:
        values: dict[str, object] = {}
        count = len(cells)
        for index, name, field in self.value_plan:
            if index >= count or name in values:
                continue
            cell = cells[index]
            value = cell_value(cell)
            if value is None:
                continue
            if field is Field.TREND:
                value = _trend(cell)
            elif field is Field.UNIT:
                value = str(value)
            values[name] = value
            unit = self.header.columns[index].unit or cell.unit
            if unit and field is not Field.UNIT:
                values.setdefault("unit", unit)
        if "current" in values:  # the value today starts the change when no baseline is given
            values.setdefault("baseline", values["current"])
        ident = _first(cells, self.kr_id_cols)
        if ident is not None:
            values["id"] = str(cell_value(ident))
        return tuple(values.items())

    def _period(self, cells: Sequence[Cell]) -> list[Line]:
        found = _first(cells, self.period_cols)
        if found is None:
            return []
        cell = _one_line(found)
        if cell.text == self.period:
            return []
        self.period = cell.text
        return [_label_line(cell, LabelKind.PERIOD)]


def _filled(cells: Sequence[Cell], indexes: tuple[int, ...]) -> list[Cell]:
    """The non-empty cells of the given columns."""
    count = len(cells)
    return [cells[i] for i in indexes if i < count and cells[i].text.strip()]


def _first(cells: Sequence[Cell], indexes: tuple[int, ...]) -> Cell | None:
    count = len(cells)
    for i in indexes:
        if i < count and cells[i].text.strip():
            return cells[i]
    return None


def _one_line(cell: Cell) -> Cell:
    """The cell's text on one line (spaces collapsed), where it starts."""
    text = cell.text
    lead = len(text) - len(text.lstrip())
    return Cell(cell.line, cell.start + lead, " ".join(text.split()), cell.value, cell.unit)


def _trend(cell: Cell) -> str:
    trend = parse_trend(cell.text)
    if trend is None:
        raise TableError(
            _(
                "trend must be 'increase' or 'decrease' (the direction you want), got {value}",
                value=repr(" ".join(cell.text.split())),
            ),
            cell.line,
        )
    return trend


def _label_line(cell: Cell, kind: LabelKind, values: tuple = ()) -> Line:
    """A line with only this cell's text left in place, labelled with its column's kind."""
    text = cell.text
    lead = len(text) - len(text.lstrip())
    bullet = BULLET_RE.match(text)  # "- KR" inside a cell
    if bullet is not None:
        lead = bullet.end("gap")
    start = cell.start + lead
    label = Label(kind, kind.value, None, None, None, True, start, text[lead:].strip())
    source = " " * cell.start + text
    return Line(
        cell.line, LineKind.PROSE, source, start, cell.start, label, values=values, table=True
    )
