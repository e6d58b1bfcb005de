"""Spreadsheets (.xlsx, .xlsm), as Excel, Google Sheets and OKR tools save them.

openpyxl reads the workbook. It is imported only when a spreadsheet is checked, opens the
workbook read-only and with ``data_only``: a formula cell gives the value the spreadsheet
stored for it, and nothing is ever evaluated; an .xlsm's macros are never read. Every sheet
is read: a sheet with an OKR header row (the header map of ``columns.py``, as for every
table) becomes a document of its own, whose positions carry the sheet's name and whose
lines are rows and columns the spreadsheet's column numbers (A = 1); a sheet without one
(instructions, a chart's data) is skipped, and a workbook in which no sheet has one is one
clear error. Merged cells hold their value in the first cell only, so a merged objective
cell continues the objective down its rows, as an empty one does.

The file is checked as a zip archive before openpyxl opens it: an archive that would unpack
to more than ``MAX_UNPACKED`` bytes, or with more than ``MAX_ENTRIES`` entries, is refused (a
zip bomb), and so is a workbook of more than ``MAX_ROWS`` rows. openpyxl parses the XML
inside through defusedxml (or lxml without entity expansion), so entity bombs fail too.
"""

from __future__ import annotations

import dataclasses
import datetime
import io
import itertools
import zipfile
from collections.abc import Iterable

from okrlint.errors import OkrlintError
from okrlint.i18n import _
from okrlint.model import Document, Span
from okrlint.readers.columns import read_header
from okrlint.readers.common import Draft, link_cascade, resolve_language
from okrlint.readers.delimited import HEADER_ROWS, TABLE
from okrlint.readers.labels import find_period
from okrlint.readers.outline import Line, build_outline
from okrlint.readers.table import Cell, TableError, TableReader, unknown_columns

MAX_UNPACKED = 200_000_000  # bytes of XML a workbook may unpack to
MAX_ENTRIES = 10_000
MAX_ROWS = 200_000  # rows of all sheets together
MAX_COLUMNS = 200  # columns read per row; an OKR sheet has a dozen
ZIP_MAGIC = b"PK\x03\x04"


def read_spreadsheet(
    path: str, data: bytes | str, language: str | None, language_source: str | None
) -> list[Document]:
    resolve_language(path, language, language_source)  # a bad --language stops here
    if isinstance(data, str):
        raise OkrlintError(_("a spreadsheet is read as bytes, not as text"), path)
    _check_archive(path, data)
    try:
        import openpyxl

        workbook = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=True, keep_links=False
        )
    except Exception as exc:  # a hostile or broken file: openpyxl may raise anything
        raise OkrlintError(
            _("could not read the spreadsheet: {reason}", reason=_reason(exc)), path
        ) from None
    try:
        documents = _read_sheets(path, workbook, language, language_source)
    except OkrlintError:
        raise
    except Exception as exc:
        raise OkrlintError(
            _("could not read the spreadsheet: {reason}", reason=_reason(exc)), path
        ) from None
    finally:
        workbook.close()
    if not documents:
        from okrlint.readers.delimited import EXPECTED

        raise OkrlintError(
            _(
                "no sheet has an OKR header row in its first {n} rows; {expected}",
                n=HEADER_ROWS,
                expected=EXPECTED,
            ),
            path,
            1,
        )
    return documents


def _reason(exc: Exception) -> str:
    text = " ".join(str(exc).split())[:200]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _check_archive(path: str, data: bytes) -> None:
    if not data.startswith(ZIP_MAGIC):
        raise OkrlintError(
            _(
                "not an .xlsx workbook (an .xlsx file is a zip archive; is it an old .xls file, "
                "or password-protected? save it as .xlsx or CSV)"
            ),
            path,
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        message = _("not an .xlsx workbook: a broken zip archive ({error})", error=str(exc))
        raise OkrlintError(message, path) from None
    if len(entries) > MAX_ENTRIES:
        raise OkrlintError(
            _(
                "refusing spreadsheet: {n} files in its archive, over {limit}",
                n=str(len(entries)),
                limit=str(MAX_ENTRIES),
            ),
            path,
        )
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > MAX_UNPACKED:
        raise OkrlintError(
            _(
                "refusing spreadsheet: it would unpack to {size} bytes, over the limit of "
                "{limit} (a zip bomb?)",
                size=str(unpacked),
                limit=str(MAX_UNPACKED),
            ),
            path,
        )


def _read_sheets(path, workbook, language, language_source) -> list[Document]:
    documents = []
    rows_read = 0
    for sheet in workbook.worksheets:
        if not hasattr(sheet, "iter_rows"):
            continue  # a chart sheet
        found = _read_sheet(path, sheet, rows_read)
        rows_read = found[0]
        if found[1] is None:
            continue
        drafts, period, owner, unknown = found[1]
        language_of, source = resolve_language(path, language, language_source)
        documents.append(
            Document(
                path=path,
                format="xlsx",
                objectives=tuple(d.freeze() for d in drafts),
                language=language_of,
                language_source=source,
                period=period,
                owner=owner,
                unknown_fields=tuple(unknown),
                span=Span(1, 1, 1, 1, sheet.title),
            )
        )
    return documents


def _read_sheet(path: str, sheet, rows_read: int):
    """(rows read so far, (drafts, period, owner, unknown columns) or None without a header)."""
    name = sheet.title
    reader: TableReader | None = None
    unknown: list = []
    title_period = find_period(name)
    lines: list[Line] = []
    sheet.reset_dimensions()  # rows as stored, not padded to a size the file may lie about
    for number, row in enumerate(sheet.iter_rows(), start=1):
        rows_read += 1
        if rows_read > MAX_ROWS:
            raise OkrlintError(
                _(
                    "refusing spreadsheet: more than {n} rows (sheet '{sheet}')",
                    n=str(MAX_ROWS),
                    sheet=name,
                ),
                path,
                number,
            )
        cells = _cells(number, row)
        if reader is None:
            if not cells:
                continue
            header = read_header([c.text for c in cells])
            if header.is_okr_table:
                reader = TableReader(header)
                unknown = unknown_columns(header, cells)
            elif number >= HEADER_ROWS:
                return rows_read, None
            else:
                title_period = title_period or find_period(" ".join(c.text for c in cells))
            continue
        if not cells:
            continue
        try:
            lines.extend(reader.lines(cells))
        except TableError as exc:
            message = _("{message} (sheet '{sheet}')", message=exc.message, sheet=name)
            raise OkrlintError(message, path, exc.line) from None
    if reader is None:
        return rows_read, None
    outline = build_outline(lines, TABLE)
    link_cascade(outline.drafts)
    drafts = [_on_sheet(draft, name) for draft in outline.drafts]
    unknown = [dataclasses.replace(u, span=_with_sheet(u.span, name)) for u in unknown]
    return rows_read, (drafts, outline.period or title_period, outline.owner, unknown)


def _cells(number: int, row: Iterable) -> list[Cell]:
    """The row's cells, or [] for a row with nothing in it."""
    cells = []
    filled = False
    for index, cell in enumerate(itertools.islice(row, MAX_COLUMNS)):
        value = cell.value
        if value is None:
            cells.append(Cell(number, index, ""))
            continue
        filled = True
        cells.append(_cell(number, index, value, getattr(cell, "number_format", None)))
    return cells if filled else []


def _cell(number: int, index: int, value: object, number_format: str | None) -> Cell:
    if isinstance(value, bool):
        return Cell(number, index, "TRUE" if value else "FALSE")
    if isinstance(value, int | float):
        if number_format and "%" in number_format:  # 0.18 shown as 18 %
            percent = round(value * 100, 10)
            percent = int(percent) if float(percent).is_integer() else percent
            return Cell(number, index, f"{percent}%", percent, unit="%")
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return Cell(number, index, str(value), value)
    if isinstance(value, datetime.datetime):
        shown = value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
        return Cell(number, index, shown)
    if isinstance(value, datetime.date | datetime.time | datetime.timedelta):
        return Cell(number, index, str(value))
    return Cell(number, index, str(value))


def _with_sheet(span: Span, sheet: str) -> Span:
    return dataclasses.replace(span, sheet=sheet)


def _on_sheet(draft: Draft, sheet: str) -> Draft:
    draft.span = _with_sheet(draft.span, sheet)
    draft.key_results = [
        dataclasses.replace(kr, span=_with_sheet(kr.span, sheet)) for kr in draft.key_results
    ]
    draft.actions = [dataclasses.replace(a, span=_with_sheet(a.span, sheet)) for a in draft.actions]
    return draft
