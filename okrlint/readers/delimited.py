"""CSV and TSV files, as spreadsheets and OKR tools export them.

Read with the standard library's ``csv`` module. The dialect is sniffed from the header: of
comma, semicolon (Norwegian Excel writes semicolons, since the comma is its decimal mark) and
tab, the delimiter that splits one of the first rows into an OKR header (the most columns the
header map knows) wins; a UTF-8 BOM, as Excel's "CSV UTF-8" writes it, is dropped when the
bytes are decoded. Rows above the header are a title: a period they name ("OKR Q3 2025") is
the document's period. The data rows go through the table reader every table shares
(``table.py``), so an empty objective cell continues the objective above. An element's
position is its cell: the line its row starts on, and the column where the cell starts.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

from okrlint.errors import OkrlintError
from okrlint.i18n import _
from okrlint.model import Document
from okrlint.readers.columns import Header, read_header
from okrlint.readers.common import link_cascade, resolve_language
from okrlint.readers.labels import find_period
from okrlint.readers.outline import Dialect, Line, build_outline
from okrlint.readers.table import Cell, TableError, TableReader, unknown_columns

DELIMITERS = (",", ";", "\t")
HEADER_ROWS = 20  # rows a header may be preceded by: a title, notes, blank rows
TABLE = Dialect(
    items_are_key_results=False,
    heading_objectives=False,
    heading_items=False,
    lazy_continuation=False,
)
EXPECTED = _(
    "expected a header row naming the columns, such as 'Objective,Key result,Baseline,Target' "
    "or 'Mål;Nøkkelresultat;Startverdi;Målverdi'"
)


def read_delimited(
    path: str,
    text: str,
    language: str | None,
    language_source: str | None,
    tab_first: bool = False,
) -> Document:
    language, source = resolve_language(path, language, language_source)
    lines = text.split("\n")
    order = ("\t", *DELIMITERS[:2]) if tab_first else DELIMITERS
    found = _find_header(path, lines, order)
    if found is None and not text.strip():  # an empty file: nothing to read, no error
        return Document(path=path, format="csv", language=language, language_source=source)
    if found is None:
        raise OkrlintError(
            _(
                "no OKR header row in the first {n} rows; {expected}",
                n=HEADER_ROWS,
                expected=EXPECTED,
            ),
            path,
            1,
        )
    delimiter, header_index = found
    period = None
    outline_lines: list[Line] = []
    unknown = []
    reader: TableReader | None = None
    header_cells: list[str] = []
    for index, cells in _records(path, lines, delimiter):
        if reader is None:
            if index < header_index:
                period = period or find_period(" ".join(c.text for c in cells))
                continue
            header = read_header([c.text for c in cells])
            unknown = unknown_columns(header, cells)
            reader = TableReader(header)
            header_cells = [c.text for c in cells]
            continue
        if [c.text for c in cells] == header_cells:
            continue  # the header again: files exported and pasted one after another
        try:
            outline_lines.extend(reader.lines(cells))
        except TableError as exc:
            raise OkrlintError(exc.message, path, exc.line) from None
    outline = build_outline(outline_lines, TABLE)
    link_cascade(outline.drafts)
    return Document(
        path=path,
        format="csv",
        objectives=tuple(d.freeze() for d in outline.drafts),
        language=language,
        language_source=source,
        period=outline.period or period,
        owner=outline.owner,
        unknown_fields=tuple(unknown),
    )


def looks_like_csv(text: str) -> bool:
    """Is the first line a header of an OKR table split by a comma, semicolon or tab, with no
    cell okrlint does not know? (For input without a file name: stdin.)"""
    first = next((line for line in text.split("\n", 5)[:5] if line.strip()), "")
    for delimiter in DELIMITERS:
        if delimiter in first:
            cells = _split(first, delimiter)
            header = read_header(cells)
            if len(cells) >= 2 and header.is_okr_table and not header.unknown:
                return True
    return False


def _split(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return []


def _find_header(path: str, lines: list[str], order) -> tuple[str, int] | None:
    """(delimiter, index of the header among the records) of the best OKR header."""
    head = lines[: HEADER_ROWS * 5]  # a record may span lines; enough for 20 short records
    best: tuple[int, str, int] | None = None
    for delimiter in order:
        for index, cells in _records(path, head, delimiter):
            if index >= HEADER_ROWS:
                break
            header = read_header([c.text for c in cells])
            if not header.is_okr_table:
                continue
            score = _score(header)
            if best is None or score > best[0]:
                best = (score, delimiter, index)
            break  # the first OKR header for this delimiter
    return None if best is None else (best[1], best[2])


def _score(header: Header) -> int:
    return sum(c is not None for c in header.columns) - len(header.unknown)


def _records(path: str, lines: list[str], delimiter: str) -> Iterator[tuple[int, list[Cell]]]:
    """(record index, cells) of every record with a non-empty cell."""
    source = (line + "\n" for line in lines)
    reader = csv.reader(source, delimiter=delimiter)
    index = 0
    done = 0  # lines read so far
    while True:
        try:
            row = next(reader, None)
        except csv.Error as exc:
            message = str(exc)  # the csv module's words
            if "field larger than field limit" in message:
                message = _("a cell is longer than {n} characters", n=str(csv.field_size_limit()))
            reason = _("could not parse CSV: {reason}", reason=message)
            raise OkrlintError(reason, path, done + 1) from None
        if row is None:
            return
        first = done + 1
        raw = "\n".join(lines[done : reader.line_num])
        done = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        yield index, _cells(row, raw, first, delimiter)
        index += 1


def _cells(row: list[str], raw: str, first: int, delimiter: str) -> list[Cell]:
    """The row's cells with the line and column where each starts in the file."""
    if '"' not in raw:
        cells, offset = [], 0
        for text in row:
            cells.append(Cell(first, offset, text))
            offset += len(text) + 1
        return cells
    starts = [0]
    quoted = False
    for position, char in enumerate(raw):
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            starts.append(position + 1)
    cells = []
    for text, start in zip(row, starts, strict=False):
        if raw.startswith('"', start):
            start += 1
        line_start = raw.rfind("\n", 0, start) + 1
        line = first + raw.count("\n", 0, start)
        cells.append(Cell(line, start - line_start, text))
    return cells
