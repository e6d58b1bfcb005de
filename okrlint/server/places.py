"""Where a finding sits in a buffer: from okrlint's positions to ranges an editor can show.

okrlint's positions are 1-based lines and columns in code points (``end_column`` exclusive),
of the text after a byte-order mark is removed and every line ending made LF, which is how
an editor counts lines too. A highlight is a pair of offsets into the element's *text*; the
element's text is not always the file's characters one for one (quotes and escapes in YAML,
a folded scalar's line breaks, emphasis in Markdown), so the highlight is placed by lining
the text up with the characters at the element's position. Nothing here knows LSP: ranges
are 0-based (line, column) pairs in code points, the editor's encoding is the caller's.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from okrlint import linear
from okrlint.model import Document, Finding, Objective, Span

Point = tuple[int, int]  # 0-based line, column in code points
Range = tuple[Point, Point]

# Characters of the file the element's text may leave out between two of its own: a quote
# or escape in YAML ('', \"), emphasis in Markdown (**, __), a backslash before a line break.
MAX_SKIPPED = 3


@dataclass(frozen=True)
class Buffer:
    """A buffer's text as okrlint reads it, split into lines."""

    text: str  # the buffer as the editor holds it
    source: str  # as okrlint reads it: no byte-order mark, LF line endings
    lines: tuple[str, ...]
    starts: tuple[int, ...]  # the offset in ``source`` where each line starts
    bom: bool  # the buffer starts with a byte-order mark (the editor's column 0 on line 0)

    @classmethod
    def of(cls, text: str) -> Buffer:
        bom = text.startswith("\ufeff")
        source = (text[1:] if bom else text).replace("\r\n", "\n").replace("\r", "\n")
        lines = tuple(source.split("\n"))
        starts = [0]
        for line in lines[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        return cls(text, source, lines, tuple(starts), bom)

    def line(self, index: int) -> str:
        return self.lines[index] if 0 <= index < len(self.lines) else ""

    @cached_property
    def editor_lines(self) -> list[str]:
        """The lines as the editor counts columns in them (with the mark on line 0)."""
        lines = list(self.lines)
        if self.bom:
            lines[0] = "\ufeff" + lines[0]
        return lines

    def editor_point(self, point: Point) -> Point:
        line, column = point
        return (line, column + 1) if self.bom and line == 0 else (line, column)

    def okrlint_point(self, point: Point) -> Point:
        line, column = point
        return (line, max(0, column - 1)) if self.bom and line == 0 else (line, column)

    def whole_line(self, line: int) -> Range:
        """Line ``line`` (0-based) from its first non-blank character to its end."""
        text = self.line(line)
        start = len(text) - len(text.lstrip())
        return (line, start if start < len(text) else 0), (line, len(text))

    def offset(self, point: Point) -> int:
        line, column = point
        if line >= len(self.starts):
            return len(self.source)
        return min(self.starts[max(line, 0)] + column, len(self.source))

    def point(self, offset: int) -> Point:
        line = bisect_right(self.starts, offset) - 1
        return line, offset - self.starts[line]


def span_start(span: Span) -> Point:
    return span.line - 1, span.column - 1


def span_range(buffer: Buffer, span: Span) -> Range:
    """A span as a range; a point (or an empty span) becomes its whole line."""
    start = span_start(span)
    end = (span.end_line - 1, span.end_column - 1)
    if end <= start:
        if span.column > 1:
            return start, (start[0], len(buffer.line(start[0])))
        return buffer.whole_line(start[0])
    return start, end


def align(buffer: Buffer, span: Span, text: str) -> list[int] | None:
    """For each character of ``text``, its offset in the buffer, lining the element's text
    up with the characters from the element's position; None when they do not line up."""
    source = buffer.source
    at = buffer.offset(span_start(span))
    places: list[int] = []
    for index, char in enumerate(text):
        if char.isspace() and at < len(source) and source[at].isspace():
            # a space in the text may stand for a line break and the next line's indentation
            places.append(at)
            at += 1
            following = text[index + 1 : index + 2]
            if not following.isspace():
                while at < len(source) and source[at].isspace():
                    at += 1
            continue
        skipped = 0
        while at < len(source) and source[at] != char:
            # before the first character: a block scalar's header (">-") and line break
            if not places and source[at].isspace():
                at += 1
                continue
            if skipped == MAX_SKIPPED or source[at] == "\n":
                return None
            at += 1
            skipped += 1
        if at >= len(source) or source[at] != char:
            return None
        places.append(at)
        at += 1
    return places


def text_range(buffer: Buffer, span: Span, text: str, start: int, end: int) -> Range | None:
    """The range of ``text[start:end]`` in the buffer, or None when it cannot be placed."""
    if not 0 <= start < end <= len(text):
        return None
    places = align(buffer, span, text)
    if places is not None:
        return buffer.point(places[start]), buffer.point(places[end - 1] + 1)
    # Not lined up: the words themselves, if they occur once on the element's lines
    wanted = text[start:end]
    first = buffer.offset((span.line - 1, 0))
    last = buffer.offset((max(span.end_line, span.line), 0))
    found = buffer.source.find(wanted, first, last)
    if found < 0 or buffer.source.find(wanted, found + 1, last) >= 0:
        return None
    return buffer.point(found), buffer.point(found + len(wanted))


def exact_range(buffer: Buffer, span: Span, text: str, start: int, end: int) -> Range | None:
    """Like ``text_range``, but only where the buffer holds ``text[start:end]`` verbatim, so an
    edit there changes exactly those characters (an empty range: the place before
    ``text[start]``)."""
    places = align(buffer, span, text)
    if places is None or not 0 <= start <= end <= len(text):
        return None
    if start == end:
        at = places[start] if start < len(places) else (places[-1] + 1 if places else None)
        return None if at is None else (buffer.point(at), buffer.point(at))
    first, last = places[start], places[end - 1] + 1
    if buffer.source[first:last] != text[start:end]:
        return None
    return buffer.point(first), buffer.point(last)


def finding_range(buffer: Buffer, finding: Finding, documents: tuple[Document, ...]) -> Range:
    """Where to show a finding: its highlight (the vague word, the quantity), the parent
    value of a link that does not hold, else the element, else its line."""
    span = finding.span
    if finding.highlight is not None and finding.text:
        placed = text_range(buffer, span, finding.text, *finding.highlight)
        if placed is not None:
            return placed
    if finding.code in PARENT_CODES and finding.element == "objective":
        placed = parent_range(buffer, finding, documents)
        if placed is not None:
            return placed
    if finding.text and span.end_line == span.line and span.end_column <= span.column:
        placed = text_range(buffer, span, finding.text, 0, len(finding.text))
        if placed is not None:
            return placed
    return span_range(buffer, span)


# The cascade findings about an objective's parent link: shown at the parent value.
PARENT_CODES = frozenset({"OKR401", "OKR402"})


def parent_range(buffer: Buffer, finding: Finding, documents: tuple[Document, ...]) -> Range | None:
    """The objective's ``parent`` value, found once on a labelled line of its own block."""
    found = _objective_at(finding, documents)
    if found is None or not found[0].parent:
        return None
    objective, first, last = found
    value = linear.escape(objective.parent)
    # "parent: x", "- **Parent:** x", "Forelder: `x`  # note": a label, a colon, the value
    pattern = linear.compile(
        rf"^[ \t>*_-]*[\"']?[\w -]+[\"']?[ \t*_]*:[ \t*_]*[\"'`]?({value})[\"'`]?[ \t*_]*(?:#.*)?$"
    )
    hits = []
    for line in range(first, min(last, len(buffer.lines) - 1) + 1):
        match = pattern.match(buffer.line(line))
        if match:
            hits.append(((line, match.start(1)), (line, match.end(1))))
    return hits[0] if len(hits) == 1 else None


def _objective_at(
    finding: Finding, documents: tuple[Document, ...]
) -> tuple[Objective, int, int] | None:
    """The objective of a finding and the 0-based lines of its block: from the line after
    the previous objective's last element to the line before the next objective."""
    for doc in documents:
        objectives = doc.objectives
        for index, objective in enumerate(objectives):
            if objective.span != finding.span or objective.text != finding.text:
                continue
            first = 0
            if index:
                before = objectives[index - 1]
                first = max(e.span.end_line for e in (before, *before.key_results, *before.actions))
            last = objectives[index + 1].span.line - 2 if index + 1 < len(objectives) else 10**9
            return objective, first, last
    return None
