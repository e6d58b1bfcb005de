"""What every reader shares: language names, suppression comments and objective drafts."""

from __future__ import annotations

from dataclasses import dataclass, field

from okrlint import linear
from okrlint.errors import OkrlintError
from okrlint.i18n import _
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
_REGION_RE = linear.compile(r"([a-z]{2,3})[-_][a-z]{2}")


def normalise_language(value: object) -> str | None:
    """'nb' or 'en' for a language name or code people write, None when unknown."""
    if not isinstance(value, str):
        return None
    key = value.strip().casefold()
    region = _REGION_RE.fullmatch(key)
    if region:
        key = region.group(1)
    return _LANGUAGES.get(key)


def language_error(value: object, path: str, line: int | None) -> OkrlintError:
    return OkrlintError(
        _(
            "unknown language {value} (use 'en' for English or 'nb' for Norwegian Bokmål)",
            value=repr(value),
        ),
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
#
# YAML and plain text: "# okrlint: disable", "# okrlint: disable=OKR201,kr-vague-quantifier",
# "# okrlint: disable-file = OKR301 OKR302". Markdown: "<!-- okrlint-disable -->",
# "<!-- okrlint-disable OKR201 kr-binary -->", "<!-- okrlint-disable-file OKR301 -->".
# Codes are separated by commas, spaces or both. A comment that names nothing silences every
# rule; a part that is no rule code or name ("OKR201-", a bare "disable=") silences nothing
# and is kept in ``invalid``, for the invalid-suppression rule to report.

_CODE_RE = linear.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")
_HASH_HEAD_RE = linear.compile(r"(?:^|\s)#\s*okrlint\s*:\s*disable(?P<file>-file)?")
_HTML_HEAD_RE = linear.compile(r"\s*okrlint[-:]\s*disable(?P<file>-file)?")


def suppression(line: int, region: str, file_wide: bool) -> Suppression | None:
    """The suppression a directive's ``region`` (what follows "disable") names, or None when
    the directive goes on as a longer word ("disabled", "disable_all")."""
    if region and (region[0].isalnum() or region[0] in "-_"):
        return None
    rest = region.strip()
    equals = rest.startswith("=")
    if equals:
        rest = rest[1:]
    parts = rest.replace(",", " ").split()
    codes: list[str] = []
    invalid: list[str] = []
    for part in parts:
        (codes if _CODE_RE.fullmatch(part) else invalid).append(part)
    if equals and not parts:
        invalid.append("")  # "disable=" names nothing: it must not silence everything
    return Suppression(line, frozenset(codes), file_wide, tuple(invalid))


def hash_suppressions(lines: list[str]) -> list[Suppression]:
    """Every ``# okrlint: disable…`` comment in the lines (1-based line numbers)."""
    found = []
    for number, line in enumerate(lines, start=1):
        if "okrlint" not in line:  # the directive's one fixed word; most lines lack it
            continue
        for head in _HASH_HEAD_RE.finditer(line):
            stop = line.find("#", head.end())  # another comment ends the list of codes
            region = line[head.end() : stop if stop != -1 else len(line)]
            found_one = suppression(number, region, bool(head["file"]))
            if found_one is not None:
                found.append(found_one)
    return found


def html_suppression(line: int, comment: str) -> Suppression | None:
    """The suppression an HTML comment's inside (between ``<!--`` and ``-->``) holds."""
    head = _HTML_HEAD_RE.match(comment)
    if head is None:
        return None
    return suppression(line, comment[head.end() :], bool(head["file"]))


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
    unnamed: bool = False

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
            unnamed=self.unnamed,
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
