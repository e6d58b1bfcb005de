"""What every reader shares: language names, suppression comments and objective drafts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from okrlint.errors import OkrlintError
from okrlint.model import Action, KeyResult, Objective, Span, Suppression

_LANGUAGES = {
    "nb": "nb",
    "no": "nb",
    "nob": "nb",
    "norsk": "nb",
    "bokmål": "nb",
    "bokmal": "nb",
    "norwegian": "nb",
    "en": "en",
    "eng": "en",
    "english": "en",
    "engelsk": "en",
}
# Region tags are fine: "en-GB", "nb_NO".
_REGION_RE = re.compile(r"^([a-z]{2,3})[-_][a-z]{2}$")


def normalise_language(value: object) -> str | None:
    """'nb' or 'en' for a language name or code people write, None when unknown."""
    if not isinstance(value, str):
        return None
    key = value.strip().casefold()
    region = _REGION_RE.match(key)
    if region:
        key = region.group(1)
    return _LANGUAGES.get(key)


def language_error(value: object, path: str, line: int | None) -> OkrlintError:
    return OkrlintError(
        f"unknown language {value!r} (use 'en' for English or 'nb' for Norwegian Bokmål)",
        path,
        line,
    )


def resolve_language(
    path: str,
    given: str | None,
    given_source: str | None,
    in_file: object = None,
    in_file_line: int | None = None,
) -> tuple[str | None, str | None]:
    """(language, source): the caller's choice wins, then the file's own ``language:``."""
    if given is not None:
        language = normalise_language(given)
        if language is None:
            raise language_error(given, path, None)
        return language, given_source or "cli"
    if in_file is None or in_file == "":
        return None, None
    language = normalise_language(in_file)
    if language is None:
        raise language_error(in_file, path, in_file_line)
    return language, "file"


# ---------------------------------------------------------------------------- suppressions

_CODE = r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*"
# YAML and plain text: "# okrlint: disable=OKR201,kr-vague-quantifier", "# okrlint: disable"
HASH_SUPPRESSION_RE = re.compile(
    rf"(?:^|\s)#\s*okrlint\s*:\s*disable(?P<file>-file)?"
    rf"(?:\s*=\s*(?P<codes>{_CODE}(?:\s*,\s*{_CODE})*))?(?![\w-])"
)
# Markdown: "<!-- okrlint-disable OKR201 kr-binary -->", "<!-- okrlint-disable-file -->"
HTML_SUPPRESSION_RE = re.compile(
    r"<!--\s*okrlint[-:]\s*disable(?P<file>-file)?(?![\w-])\s*=?(?P<codes>[^>]*?)\s*-->"
)


def suppression(line: int, codes: str | None, file_wide: bool) -> Suppression:
    parts = re.split(r"[\s,]+", codes or "")
    return Suppression(line=line, codes=frozenset(p for p in parts if p), file_wide=file_wide)


def hash_suppressions(lines: list[str]) -> list[Suppression]:
    """Every ``# okrlint: disable…`` comment in the lines (1-based line numbers)."""
    found = []
    for number, line in enumerate(lines, start=1):
        if "okrlint" not in line:  # the pattern's one fixed word; most lines lack it
            continue
        for m in HASH_SUPPRESSION_RE.finditer(line):
            found.append(suppression(number, m["codes"], bool(m["file"])))
    return found


# ---------------------------------------------------------------------------- drafts


@dataclass
class Draft:
    """An objective being assembled by a line-based reader (frozen into an Objective)."""

    text: str
    span: Span
    id: str | None = None
    why: str | None = None
    owner: str | None = None
    level: str | None = None
    parent: str | None = None
    key_results: list[KeyResult] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)

    def freeze(self) -> Objective:
        return Objective(
            text=self.text,
            span=self.span,
            id=self.id,
            why=self.why,
            owner=self.owner,
            level=self.level,
            parent=self.parent,
            key_results=tuple(self.key_results),
            actions=tuple(self.actions),
        )


def link_cascade(drafts: list[Draft]) -> None:
    """Hang the objectives that follow a company objective under it.

    A company-level objective with an id becomes the ``parent`` of every following
    objective (``level`` "team") until the next company-level objective.
    """
    company: Draft | None = None
    for draft in drafts:
        if draft.level == "company":
            company = draft
        elif company is not None and company.id is not None:
            draft.level = draft.level or "team"
            draft.parent = draft.parent or company.id
