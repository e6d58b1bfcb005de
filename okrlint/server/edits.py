"""The edits of the editor's code actions: a suppression comment in the format's own syntax,
and the quick fixes rules offer (``Finding.fixes``) placed in the buffer.

Edits are computed, never applied: the editor applies the one the user picks. Positions are
``places`` ranges (0-based, code points of okrlint's lines).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from okrlint import linear
from okrlint.model import Finding, Fix
from okrlint.server.places import Buffer, Range, exact_range, span_range


@dataclass(frozen=True)
class TextEdit:
    range: Range
    new_text: str


# The suppression comments the readers understand (README, "Inline suppressions"), one per
# format family; formats without comments (tables of cells) get no suppression action.
HASH_FORMATS = frozenset({"yaml", "text"})
HTML_FORMATS = frozenset({"markdown"})
# A comment alone on its line that names rules: one more code joins its list.
_CODES = r"(?P<codes>[\w-]+(?:[\s,]+[\w-]+)*)"
_HASH_LINE = linear.compile(
    r"^\s*#\s*okrlint\s*:\s*disable(?P<file>-file)?\s*=\s*" + _CODES + r"\s*$"
)
_HTML_LINE = linear.compile(
    r"^\s*<!--\s*okrlint[-:]\s*disable(?P<file>-file)?\s*=?\s*" + _CODES + r"\s*-->\s*$"
)


def comment(fmt: str, code: str, file_wide: bool) -> str | None:
    """The suppression comment for ``code`` in a format, or None when it has none."""
    if fmt in HASH_FORMATS:
        return f"# okrlint: disable{'-file' if file_wide else ''}={code}"
    if fmt in HTML_FORMATS:
        return f"<!-- okrlint-disable{'-file' if file_wide else ''} {code} -->"
    return None


def _existing(buffer: Buffer, fmt: str, line: int, file_wide: bool) -> TextEdit | None:
    """An edit point at the end of the codes of a suppression comment on ``line``, when that
    line is one (of the same reach) that can take one more code."""
    pattern = _HASH_LINE if fmt in HASH_FORMATS else _HTML_LINE
    match = pattern.match(buffer.line(line))
    if match is None or bool(match["file"]) != file_wide:
        return None
    end = match.end("codes")
    return TextEdit(((line, end), (line, end)), "")


def suppress_line(buffer: Buffer, fmt: str, finding: Finding) -> TextEdit | None:
    """A comment on the line above the finding's element (or one more code in the comment
    already there): it silences ``finding.code`` for that element."""
    text = comment(fmt, finding.code, file_wide=False)
    if text is None:
        return None
    line = finding.span.line - 1
    above = _existing(buffer, fmt, line - 1, file_wide=False) if line > 0 else None
    if above is not None:
        return TextEdit(above.range, f",{finding.code}")
    here = buffer.line(line)
    indent = here[: len(here) - len(here.lstrip())]
    return TextEdit(((line, 0), (line, 0)), f"{indent}{text}\n")


def suppress_file(buffer: Buffer, fmt: str, finding: Finding) -> TextEdit | None:
    """A file-wide comment at the top (after Markdown front matter), or one more code in the
    first file-wide comment already there."""
    text = comment(fmt, finding.code, file_wide=True)
    if text is None:
        return None
    for line in range(len(buffer.lines)):
        existing = _existing(buffer, fmt, line, file_wide=True)
        if existing is not None:
            return TextEdit(existing.range, f",{finding.code}")
    line = _after_front_matter(buffer) if fmt in HTML_FORMATS else 0
    return TextEdit(((line, 0), (line, 0)), f"{text}\n")


def _after_front_matter(buffer: Buffer) -> int:
    if buffer.line(0).strip() != "---":
        return 0
    for line in range(1, len(buffer.lines)):
        if buffer.line(line).strip() in ("---", "..."):
            return line + 1
    return 0


def fix_edits(buffer: Buffer, finding: Finding, fix: Fix) -> list[TextEdit] | None:
    """The fix's edits in the buffer, or None when one of them cannot be placed exactly."""
    edits = []
    for edit in fix.edits:
        if edit.span is not None:
            placed: Range | None = span_range(buffer, edit.span)
        else:
            placed = exact_range(buffer, finding.span, finding.text, edit.start, edit.end)
        if placed is None:
            return None
        edits.append(TextEdit(placed, edit.text))
    ordered = sorted(edits, key=lambda e: e.range)
    if any(a.range[1] > b.range[0] for a, b in pairwise(ordered)):
        return None  # overlapping edits have no one meaning
    return edits


def apply(buffer: Buffer, edits: list[TextEdit]) -> str:
    """okrlint's text of the buffer with the edits made (LF line endings)."""
    text = buffer.source
    for edit in sorted(edits, key=lambda e: e.range, reverse=True):
        start, end = buffer.offset(edit.range[0]), buffer.offset(edit.range[1])
        text = text[:start] + edit.new_text + text[end:]
    return text
