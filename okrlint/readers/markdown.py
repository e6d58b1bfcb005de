"""Markdown, as people write OKRs in wikis.

Objectives are headings or bold label lines ("## Objective: …", "### O1: …", "## Mål 2 – …",
"**Objective:** …", "**O1** …"); the list items under an objective are its key results, with or
without a "Key results" label or sub-heading; "Actions" / "Tiltak" / "Aktiviteter" start its
actions. A heading without a label becomes an objective when a key-result list follows it
(any list when the document labels no objective at all). Headings that are only a label
("## Objectives", "## Nøkkelresultater") mark sections. Tables whose header names an
objective or key-result column ("| Objective | Key results | Owner |") are read row by row.
Front matter may give ``period``, ``language`` and ``owner``. Code blocks and HTML comments
are skipped; ``<!-- okrlint-disable … -->`` comments are suppressions. Ids are only taken
from an explicit ``{#id}``.
"""

from __future__ import annotations

import itertools
import re

from yaml.nodes import MappingNode, ScalarNode

from okrlint import linear
from okrlint.errors import OkrlintError
from okrlint.i18n import _
from okrlint.model import Document, Suppression, UnknownField
from okrlint.readers.columns import read_header
from okrlint.readers.common import html_suppression, link_cascade, resolve_language
from okrlint.readers.labels import BULLET_RE, CHECKBOX_RE, LabelKind, match_label
from okrlint.readers.outline import Dialect, Line, LineKind, build_outline
from okrlint.readers.table import Cell, TableError, TableReader, unknown_columns

_FENCE_RE = linear.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX_RE = linear.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
_ATX_CLOSE_RE = linear.compile(r"[ \t]+#+[ \t]*$")
# "---", "* * *", "___": three or more of one mark, spaces between
_BREAK_RE = linear.compile(
    r"^ {0,3}(?:-(?:[ \t]*-){2,}|\*(?:[ \t]*\*){2,}|_(?:[ \t]*_){2,})[ \t]*$"
)
_SETEXT_RE = linear.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_QUOTE_RE = linear.compile(r"^ {0,3}>[ \t]?")
_TABLE_RE = linear.compile(r"^ {0,3}\|")
_FRONT_MATTER_KEYS = {
    "period": "period",
    "language": "language",
    "lang": "language",
    "owner": "owner",
}


def read_markdown(
    path: str, text: str, language: str | None, language_source: str | None
) -> Document:
    raw = text.split("\n")
    front_end = front_matter_end(raw)
    front = _front_matter(path, raw, front_end)
    lines, suppressions = markdown_lines(raw, front_end)
    lines, unknown = expand_tables(path, lines)
    dialect = Dialect(
        items_are_key_results=True,
        heading_objectives=True,
        heading_items=not _labels_objectives(lines),
        lazy_continuation=True,
    )
    outline = build_outline(lines, dialect)
    link_cascade(outline.drafts)
    language_node = front.get("language")
    language, source = resolve_language(
        path,
        language,
        language_source,
        language_node.value if language_node is not None else None,
        language_node.start_mark.line + 1 if language_node is not None else None,
    )
    return Document(
        path=path,
        format="markdown",
        objectives=tuple(d.freeze() for d in outline.drafts),
        language=language,
        language_source=source,
        period=_scalar(front.get("period")) or outline.period,
        owner=_scalar(front.get("owner")) or outline.owner,
        suppressions=tuple(suppressions),
        unknown_fields=tuple(unknown),
    )


def front_matter_end(raw: list[str]) -> int:
    """The index of the line closing a ``---`` front matter block at the top, or 0."""
    if not raw or raw[0].rstrip() != "---":
        return 0
    for index in range(1, len(raw)):
        if raw[index].rstrip() in ("---", "..."):
            return index
    return 0


def _front_matter(path: str, raw: list[str], end: int) -> dict[str, ScalarNode]:
    """The front matter's known scalar fields (other keys are the wiki's business)."""
    if end == 0:
        return {}
    from okrlint.readers.yaml_reader import compose_documents, kind_of

    # a leading newline keeps the YAML marks on the file's own line numbers
    roots = list(compose_documents(path, "\n" + "\n".join(raw[1:end])))
    if not roots or (isinstance(roots[0], ScalarNode) and not roots[0].value):
        return {}
    root = roots[0]
    if not isinstance(root, MappingNode):
        raise OkrlintError(
            _("front matter must be a mapping, got {kind}", kind=kind_of(root)),
            path,
            root.start_mark.line + 1,
        )
    found: dict[str, ScalarNode] = {}
    for key, value in root.value:
        name = _FRONT_MATTER_KEYS.get(str(key.value).strip().lower())
        if name is None:
            continue
        if not isinstance(value, ScalarNode):
            raise OkrlintError(
                _(
                    "front matter '{key}' must be text, got {kind}",
                    key=str(key.value),
                    kind=kind_of(value),
                ),
                path,
                value.start_mark.line + 1,
            )
        found[name] = value
    return found


def _scalar(node: ScalarNode | None) -> str | None:
    return None if node is None else (str(node.value).strip() or None)


def _labels_objectives(lines: list[Line]) -> bool:
    """Does the document label its objectives ("Objective: …", "## O1 …")?"""
    return any(
        line.label is not None
        and line.label.kind is LabelKind.OBJECTIVE
        and (line.label.text or line.label.number)
        for line in lines
    )


# ---------------------------------------------------------------------------- lines


def markdown_lines(raw: list[str], front_end: int = 0) -> tuple[list[Line], list[Suppression]]:
    """Classify every line; code, comments and front matter become SKIP lines."""
    lines: list[Line] = []
    suppressions: list[Suppression] = []
    fence: str | None = None
    in_comment = False
    for index, text in enumerate(raw):
        number = index + 1
        if front_end and index <= front_end:
            lines.append(Line(number, LineKind.SKIP))
            continue
        if fence is not None:
            if text.strip().startswith(fence):
                fence = None
            lines.append(Line(number, LineKind.SKIP))
            continue
        opening = _FENCE_RE.match(text)
        if opening is not None and not in_comment:
            fence = opening.group(1)
            lines.append(Line(number, LineKind.SKIP))
            continue
        text, in_comment, found = _blank_comments(text, in_comment, number)
        suppressions.extend(found)
        had_comment = bool(found) or "<!--" in raw[index] or in_comment
        line = _classify(number, text, lines[-1] if lines else None)
        if line.kind is LineKind.BLANK and had_comment:
            line = Line(number, LineKind.SKIP)  # a comment line is invisible, not a blank
        if line.kind is LineKind.HEADING and line.start < 0:  # setext: the line above heads
            lines[-1] = _as_heading(lines[-1])
            line = Line(number, LineKind.SKIP)
        lines.append(line)
    return lines, suppressions


def _blank_comments(text: str, in_comment: bool, number: int):
    """The line with HTML comments replaced by spaces, whether a comment stays open, and the
    suppressions found in it."""
    found: list[Suppression] = []
    if not in_comment and "<!--" not in text:  # nearly every line: nothing to blank
        return text, False, found
    chars = list(text)
    position = 0
    while position < len(text):
        if in_comment:
            close = text.find("-->", position)
            stop = len(text) if close == -1 else close + 3
            chars[position:stop] = " " * (stop - position)
            position = stop
            in_comment = close == -1
            continue
        opening = text.find("<!--", position)
        if opening == -1:
            break
        close = text.find("-->", opening + 4)
        stop = len(text) if close == -1 else close + 3
        if close != -1:  # a suppression is a comment on one line
            found_one = html_suppression(number, text[opening + 4 : close])
            if found_one is not None:
                found.append(found_one)
        chars[opening:stop] = " " * (stop - opening)
        position = stop
        in_comment = close == -1
    return "".join(chars), in_comment, found


def _classify(number: int, text: str, previous: Line | None) -> Line:
    quote = _QUOTE_RE.match(text)
    if quote is not None:
        text = " " * quote.end() + text[quote.end() :]
    if not text.strip():
        return Line(number, LineKind.BLANK)
    prose_above = previous is not None and previous.kind is LineKind.PROSE
    if prose_above and _SETEXT_RE.match(text):
        return Line(number, LineKind.HEADING, start=-1)  # marks the line above as a heading
    if _BREAK_RE.match(text):
        return Line(number, LineKind.BREAK)
    if _TABLE_RE.match(text):
        return Line(number, LineKind.TABLE, text)
    atx = _ATX_RE.match(text)
    if atx is not None:
        closing = _ATX_CLOSE_RE.search(text, atx.end())
        if closing is not None:
            text = text[: closing.start()].ljust(len(text))
        return _content(number, LineKind.HEADING, text, atx.end(), 0)
    bullet = BULLET_RE.match(text)
    if bullet is not None:
        start = bullet.end("gap")
        box = CHECKBOX_RE.match(text, start)
        indent = len(bullet["indent"].expandtabs(4))
        return _content(number, LineKind.ITEM, text, box.end() if box else start, indent)
    start = len(text) - len(text.lstrip())
    return _content(number, LineKind.PROSE, text, start, start)


def _content(number: int, kind: LineKind, text: str, start: int, indent: int) -> Line:
    """A line whose content starts at ``start``; a bold label there is unwrapped in place."""
    for mark in ("**", "__", "*", "_"):
        size = len(mark)
        close = text.find(mark, start + size) if text.startswith(mark, start) else -1
        if close > start + size:
            whole = not text[close + size :].strip()
            blank = " " * size
            inner = text[start + size : close]
            unwrapped = text[:start] + blank + inner + blank + text[close + size :]
            label = match_label(unwrapped, start)
            if label is not None:
                return Line(number, kind, unwrapped, start, indent, label)
            return Line(number, kind, text, start, indent, None, whole)
    return Line(number, kind, text, start, indent, match_label(text, start))


def _as_heading(line: Line) -> Line:
    return Line(line.number, LineKind.HEADING, line.source, line.start, 0, line.label, False)


# ---------------------------------------------------------------------------- tables

_TABLE_DELIMITER_RE = linear.compile(r"^[\s|:-]+$")
_CELL_BREAK_RE = linear.compile(r"<br\s*/?>", re.IGNORECASE)


def expand_tables(path: str, lines: list[Line]) -> tuple[list[Line], list[UnknownField]]:
    """Read OKR tables as the label lines they mean (see readers/table.py), and list their
    header cells okrlint cannot map.

    A table is an OKR table when its header names an objective or key-result column
    ("| Objective | Key results | Owner |", "| Nøkkelresultat | Startverdi | Mål |"); other
    tables stay invisible. A key-result or action cell holds one element, or several
    separated by ``<br>``.
    """
    out: list[Line] = []
    unknown: list[UnknownField] = []
    index = 0
    while index < len(lines):
        if lines[index].kind is not LineKind.TABLE:
            out.append(lines[index])
            index += 1
            continue
        end = index
        while end < len(lines) and lines[end].kind is LineKind.TABLE:
            end += 1
        out.extend(_table(path, lines[index:end], unknown))
        index = end
    return out, unknown


def _table(path: str, rows: list[Line], unknown: list[UnknownField]) -> list[Line]:
    head = [Cell(rows[0].number, start, text) for start, text in _cells(rows[0].source)]
    header = read_header([cell.text for cell in head])
    has_delimiter = len(rows) > 1 and _TABLE_DELIMITER_RE.match(rows[1].source)
    if not has_delimiter or not header.is_okr_table:
        return rows
    unknown.extend(unknown_columns(header, head))
    reader = TableReader(header, _cell_parts)
    out = list(rows[:2])
    for row in rows[2:]:
        out.append(row)
        cells = [Cell(row.number, start, text) for start, text in _cells(row.source)]
        try:
            out.extend(reader.lines(cells))
        except TableError as exc:
            raise OkrlintError(exc.message, path, exc.line) from None
    return out


def _cells(source: str) -> list[tuple[int, str]]:
    """(offset, text) of each cell between the pipes (the closing pipe may be left out)."""
    cells = []
    bars = [i for i, c in enumerate(source) if c == "|" and (i == 0 or source[i - 1] != "\\")]
    for left, right in itertools.pairwise(bars):
        cells.append((left + 1, source[left + 1 : right]))
    if bars and source[bars[-1] + 1 :].strip():
        cells.append((bars[-1] + 1, source[bars[-1] + 1 :].rstrip()))
    return cells


def _cell_parts(cell: Cell) -> list[Cell]:
    """The parts of a cell between ``<br>`` breaks, each a cell of its own."""
    text = cell.text
    parts, position = [], 0
    for found in _CELL_BREAK_RE.finditer(text):
        parts.append((position, text[position : found.start()]))
        position = found.end()
    parts.append((position, text[position:]))
    return [Cell(cell.line, cell.start + offset, part) for offset, part in parts if part.strip()]
