"""The words people use to label OKR structure, per language, and the patterns built from them.

This is the readers' vocabulary: structural labels ("Objective:", "Nøkkelresultater:",
"Tiltak:"), level words ("selskapsnivå", "company level") and list markers. It is data, kept
apart from the parsing code; supporting another language means adding its words here (the
language layer's lexicons describe the *content* of elements, this file only their labels).

A label line looks like ``<label>[ <number>][ for <who> | (<qualifier>)] <separator> <text>``:
"Objective for salgsavdelingen: …", "O1: …", "Mål 2 – …", "KR 1.2 - …",
"Objective (company level): …", "Actions for slike key results kan være:".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import Enum

from okrlint import linear


class LabelKind(Enum):
    OBJECTIVE = "objective"
    KEY_RESULTS = "key_results"
    ACTIONS = "actions"
    WHY = "why"
    OWNER = "owner"
    PERIOD = "period"
    PARENT = "parent"  # the id of the key result or objective an objective builds on
    LEVEL = "level"


# label text (lower case, single spaces) -> (kind, level implied by the label itself)
_LABELS: dict[str, tuple[LabelKind, str | None]] = {
    # English
    "objective": (LabelKind.OBJECTIVE, None),
    "objectives": (LabelKind.OBJECTIVE, None),
    "goal": (LabelKind.OBJECTIVE, None),
    "goals": (LabelKind.OBJECTIVE, None),
    "okr": (LabelKind.OBJECTIVE, None),
    "okrs": (LabelKind.OBJECTIVE, None),
    "o": (LabelKind.OBJECTIVE, None),  # only with a number: "O1"
    "company objective": (LabelKind.OBJECTIVE, "company"),
    "company goal": (LabelKind.OBJECTIVE, "company"),
    "team objective": (LabelKind.OBJECTIVE, "team"),
    "team goal": (LabelKind.OBJECTIVE, "team"),
    "key results": (LabelKind.KEY_RESULTS, None),
    "key result": (LabelKind.KEY_RESULTS, None),
    "key-results": (LabelKind.KEY_RESULTS, None),
    "krs": (LabelKind.KEY_RESULTS, None),
    "kr": (LabelKind.KEY_RESULTS, None),
    "measures": (LabelKind.KEY_RESULTS, None),
    "actions": (LabelKind.ACTIONS, None),
    "action": (LabelKind.ACTIONS, None),
    "action items": (LabelKind.ACTIONS, None),
    "initiatives": (LabelKind.ACTIONS, None),
    "initiative": (LabelKind.ACTIONS, None),
    "why": (LabelKind.WHY, None),
    "rationale": (LabelKind.WHY, None),
    "purpose": (LabelKind.WHY, None),
    "owner": (LabelKind.OWNER, None),
    "owners": (LabelKind.OWNER, None),
    "responsible": (LabelKind.OWNER, None),
    "accountable": (LabelKind.OWNER, None),
    "period": (LabelKind.PERIOD, None),
    "quarter": (LabelKind.PERIOD, None),
    "parent": (LabelKind.PARENT, None),
    "aligns with": (LabelKind.PARENT, None),
    "aligned with": (LabelKind.PARENT, None),
    "contributes to": (LabelKind.PARENT, None),
    "level": (LabelKind.LEVEL, None),
    # Norwegian Bokmål
    "mål": (LabelKind.OBJECTIVE, None),
    "hovedmål": (LabelKind.OBJECTIVE, None),
    "selskapsmål": (LabelKind.OBJECTIVE, "company"),
    "virksomhetsmål": (LabelKind.OBJECTIVE, "company"),
    "teammål": (LabelKind.OBJECTIVE, "team"),
    "avdelingsmål": (LabelKind.OBJECTIVE, "team"),
    "nøkkelresultater": (LabelKind.KEY_RESULTS, None),
    "nøkkelresultat": (LabelKind.KEY_RESULTS, None),
    "delmål": (LabelKind.KEY_RESULTS, None),
    "resultatmål": (LabelKind.KEY_RESULTS, None),
    "måleparametere": (LabelKind.KEY_RESULTS, None),
    "tiltak": (LabelKind.ACTIONS, None),
    "aktiviteter": (LabelKind.ACTIONS, None),
    "aktivitet": (LabelKind.ACTIONS, None),
    "initiativer": (LabelKind.ACTIONS, None),
    "initiativ": (LabelKind.ACTIONS, None),
    "hvorfor": (LabelKind.WHY, None),
    "begrunnelse": (LabelKind.WHY, None),
    "formål": (LabelKind.WHY, None),
    "eier": (LabelKind.OWNER, None),
    "ansvarlig": (LabelKind.OWNER, None),
    "ansvarlige": (LabelKind.OWNER, None),
    "periode": (LabelKind.PERIOD, None),
    "kvartal": (LabelKind.PERIOD, None),
    "forelder": (LabelKind.PARENT, None),
    "bygger på": (LabelKind.PARENT, None),
    "bidrar til": (LabelKind.PARENT, None),
    "knyttet til": (LabelKind.PARENT, None),
    "nivå": (LabelKind.LEVEL, None),
}

# Labels that only make sense followed by a number ("O1", not "O: …").
_NEEDS_NUMBER = frozenset({"o"})
# Plural forms: on their own they head a section, they never label one element.
# Short labels that are also ordinary words in lower case ("kr" is the Norwegian currency).
_UPPER_CASE_ONLY = frozenset({"kr", "krs", "o"})
PLURAL_SECTION_LABELS = frozenset({"objectives", "goals", "okrs", "okr"})

# Words in a qualifier ("på selskapsnivå", "(company level)", "for the company") that mark
# the objective's level rather than its owner.
_LEVEL_WORDS: dict[str, str] = {
    "company": "company",
    "company-level": "company",
    "company-wide": "company",
    "organisation": "company",
    "organization": "company",
    "organisational": "company",
    "organizational": "company",
    "selskap": "company",
    "selskapet": "company",
    "selskapsnivå": "company",
    "selskapsnivået": "company",
    "bedrift": "company",
    "bedriften": "company",
    "bedriftsnivå": "company",
    "bedriftsnivået": "company",
    "virksomheten": "company",
    "virksomhetsnivå": "company",
    "organisasjonen": "company",
    "organisasjonsnivå": "company",
    "konsernet": "company",
    "konsernnivå": "company",
    "team-level": "team",
    "teamnivå": "team",
    "avdelingsnivå": "team",
}
_LEVEL_PHRASES: dict[str, str] = {"company level": "company", "team level": "team"}

# Leading words dropped from an owner taken from "Objective for the sales team".
_OWNER_DETERMINERS = frozenset({"the", "our", "vårt", "vår", "våre"})

_QUALIFIER_PREPOSITIONS = ("for", "på", "of", "til")


@dataclass(frozen=True, slots=True)
class Label:
    """A label found at the start of a line."""

    kind: LabelKind
    word: str  # the label as written, lower case
    number: str | None  # "1", "1.2" for "O1", "KR 1.2"
    level: str | None  # "company" / "team" from the label or its qualifier
    owner: str | None  # from "for <owner>" / "(<owner>)"
    explicit_separator: bool  # a ':' / '–' / '-' followed the label
    text_start: int  # offset of the text after the label in the searched string
    text: str  # the rest of the line (may be empty)


def _alternation(words) -> str:
    # longest first, so "key results" wins over "key result" and "kr"
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


# A label line is <word>[ <number>][ for <who> | (<qualifier>)]<separator><text>. The word is
# matched on its own; then the rest is tried with a number, and failing that without one, in
# the order a backtracking regex would try them. Every pattern runs on RE2 (okrlint.linear):
# a line of spaces once took a minute here.
# A Norwegian compound that ends in "mål" names an objective at some level ("Etatsmål",
# "Seksjonsmål"); the compounds listed above ("delmål", "formål") keep their own kind.
_COMPOUND_GOAL = r"[^\W\d_]{3,}mål"
_WORD_RE = linear.compile(rf"(?:{_alternation(_LABELS)}|{_COMPOUND_GOAL})", re.IGNORECASE)
_NUMBER = r"\d{1,3}(?:\.\d{1,3})*"
# A separator: ":", "–", "—", or "-" / "." before a space; or the end of the line.
_SEP = r"\s*(?:[:–—]|[-.]\s)|\s*$"
# "for <who>" / "på <what>": a lazy qualifier of 1 to 80 characters or bracketed notes ("for
# Fjordfisk AS (oppdrett)"), then a separator, or, when its last character is a digit,
# spaces ("Objective for team 2 Grow" reads as prose)
_QUAL_UNIT = r"(?:[^:–—()\n]|\([^:()\n]+\))"
_QUALIFIED = rf"""
    \s+(?P<prep>{"|".join(_QUALIFIER_PREPOSITIONS)})\s+(?P<qual>{_QUAL_UNIT}{{0,79}}?)
    (?:(?P<qual_end>{_QUAL_UNIT})(?P<sep_q>{_SEP})|(?P<qual_digit>\d)(?P<sep_qd>\s+))
  | \s*\((?P<paren>[^()\n]{{1,60}})\)(?P<sep_p>{_SEP})
"""
# After a number, spaces alone separate too: "KR1 Øke salget", "Mål 2 Doble …".
_AFTER_NUMBER_RE = linear.compile(
    rf"\s*\#?\s*(?P<number>{_NUMBER})(?:{_QUALIFIED}|(?P<sep>{_SEP})|(?P<sep_d>\s+))\s*",
    re.IGNORECASE | re.VERBOSE,
)
# Right after the word a "-" needs a space before it: "Objective-based" is no label.
_AFTER_WORD_RE = linear.compile(
    rf"(?:{_QUALIFIED}|(?P<sep>\s*(?:[:–—]|\.\s)|\s+-\s|\s*$))\s*",
    re.IGNORECASE | re.VERBOSE,
)
_SEPARATORS = ("sep", "sep_d", "sep_q", "sep_qd", "sep_p")


# Labels of a value (who, when, which level, why, a parent id) need their ":" or dash; only
# elements may follow a number with spaces alone ("KR1 Øke salget").
_NAMED_BY_A_SEPARATOR = frozenset(
    {LabelKind.LEVEL, LabelKind.OWNER, LabelKind.PERIOD, LabelKind.PARENT, LabelKind.WHY}
)


# A team or area in front of a numbered label: "Økonomi – mål 1: …", "Sales — Objective 2: …".
_OWNER_PREFIX_RE = linear.compile(r"(?P<owner>[A-ZÆØÅ][\w&/.]*(?: [\w&/.]+){0,3}) +[–—] +")


def match_label(line: str, start: int = 0) -> Label | None:
    """The label at ``line[start:]`` (leading spaces allowed), or None. A numbered objective
    label may follow a team's name and a dash ("Økonomi – mål 1: …"): the name is its owner."""
    found = _match_label(line, start)
    if found is not None:
        return found
    first = _skip_spaces(line, start)
    prefix = _OWNER_PREFIX_RE.match(line[first : first + 80])
    if prefix is None:
        return None
    found = _match_label(line, first + prefix.end())
    if found is None or found.kind is not LabelKind.OBJECTIVE or found.number is None:
        return None
    if found.word in PLURAL_SECTION_LABELS:
        return None  # "Sandar Bil AS – OKR 2. halvår 2026" is a title
    if not found.explicit_separator:
        return None
    return replace(found, owner=found.owner or prefix["owner"])


def _match_label(line: str, start: int) -> Label | None:
    word_match = _WORD_RE.match(line, _skip_spaces(line, start))
    if word_match is None:
        return None
    after = word_match.end()
    if after < len(line) and (line[after] == "-" or _is_letter(line[after])):
        return None  # the word goes on: "Objectives-based", "Ownership"; "O1", "KR2" are fine
    rest = line[after:]  # RE2 reads its whole input: give it the rest of this line only
    m = _AFTER_NUMBER_RE.match(rest) or _AFTER_WORD_RE.match(rest)
    if m is None:
        return None
    written = word_match.group(0)
    word = " ".join(written.lower().split())
    found = m.groupdict()
    number = found.get("number")
    if word in _NEEDS_NUMBER and number is None:
        return None
    if word in _UPPER_CASE_ONLY and written.islower():
        return None  # "kr 500 per dag" is an amount, "KR1" a label
    known = _LABELS.get(word)
    if known is None and not m.group(0).lstrip().startswith((":", "–", "—")):
        return None  # an unlisted compound labels only before its ":" ("Etatsmål: …")
    kind, level = known or (LabelKind.OBJECTIVE, None)
    if found.get("sep_d") is not None and kind in _NAMED_BY_A_SEPARATOR:
        return None  # "Level 2 chargers installed …" is a key result, not a level's label
    sep = next(found[name] for name in _SEPARATORS if found.get(name) is not None).strip()
    qualifier = None
    if found["prep"] is not None:
        qualifier = found["qual"] + (found["qual_end"] or found["qual_digit"])
    elif found["paren"] is not None:
        qualifier = found["paren"]
    end = after + m.end()
    if qualifier and not sep and end < len(line.rstrip()):
        return None  # "Objective for dette kvartalet er …" is prose, not a label
    owner = None
    if qualifier:
        qual_level = level_of(qualifier)
        if qual_level is not None:
            level = qual_level
        elif kind is LabelKind.OBJECTIVE:
            owner = _owner_from(qualifier)
    text = line[end:].rstrip()
    return Label(
        kind=kind,
        word=word,
        number=number,
        level=level,
        owner=owner,
        explicit_separator=bool(sep),
        text_start=end,
        text=text,
    )


def label_kind(word: str) -> LabelKind | None:
    """The kind of a label word on its own ("ansvarlig" -> OWNER), for key suggestions."""
    found = _LABELS.get(" ".join(word.lower().replace("_", " ").split()))
    return None if found is None else found[0]


def level_of(qualifier: str) -> str | None:
    """'company' / 'team' when a qualifier names a level ("på selskapsnivå"), else None."""
    lowered = " ".join(qualifier.lower().split())
    for phrase, level in _LEVEL_PHRASES.items():
        if phrase in lowered:
            return level
    for word in _LEVEL_WORD_RE.findall(lowered):
        if word in _LEVEL_WORDS:
            return _LEVEL_WORDS[word]
    return None


def _owner_from(qualifier: str) -> str | None:
    words = qualifier.split()
    while words and words[0].lower() in _OWNER_DETERMINERS:
        words = words[1:]
    return " ".join(words) or None


def _is_letter(char: str) -> bool:
    """A word character that is no digit (Python's ``[^\\W\\d]``): letters and "_"."""
    return (char.isalnum() or char == "_") and not char.isdecimal()


def _skip_spaces(line: str, start: int) -> int:
    while start < len(line) and line[start] in " \t":
        start += 1
    return start


# A list item: bullets people type or paste (•, –, ▪ …) and numbered items ("1." / "1)"),
# followed by text: the item's text starts at ``end("gap")``.
BULLET_RE = linear.compile(
    r"(?P<indent>[ \t]*)(?P<marker>[-*+•‣◦▪▫●○■□►▸➢➤✓✔·–—]|\d{1,2}[.)])(?P<gap>[ \t]+)\S"
)
# A task-list checkbox right after the marker: "- [ ] …", "- [x] …".
CHECKBOX_RE = linear.compile(r"\[[ xX]\][ \t]+")
# An element number written in front of a key result or action: "KR1:", "KR 1.2 -", "KR2.",
# "1.2", "Key result 3:", "Delmål 2:". A bare dotted number only counts when a separator or
# a capitalised word follows, so "1.5 million users" and "2.4 MWp commissioned" keep their
# number. The prefix ends at
# ``prefix_end(match)``: before that capital letter.
KR_PREFIX_RE = linear.compile(
    r"""
    (?:(?:kr|key\s+result|nøkkelresultat|delmål|action|tiltak)\s*\d{1,3}(?:\.\d{1,3})*
        \s*(?:[:.)–—]|-\s)\s*
      |(?-i:KR|Kr)\d{1,3}(?:\.\d{1,3})*\s+
      |(?:key\s+result|nøkkelresultat|delmål)\s+\d{1,3}(?:\.\d{1,3})*\s+
      |\d{1,3}(?:\.\d{1,3})+(?:\s*(?:[:)–—]|-\s)\s*|\s+(?P<capital>(?-i:[A-ZÆØÅ][a-zæøå])))
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)


def prefix_end(match: linear.Match) -> int:
    """Where the text after a KR_PREFIX_RE match starts."""
    capital = match.start("capital")
    return capital if capital >= 0 else match.end()


# An explicit id at the end of a heading or item: "… {#sales-q3}".
EXPLICIT_ID_RE = linear.compile(r"\s*\{#(?P<id>[\w.:-]+)\}\s*$")

# A period named in a title line: "Q3 2025", "H1", "1. kvartal 2026", "andre halvår", "FY26",
# "Skoleåret 2025/2026", "2026". Only title lines are searched (never an objective's text).
# The period stands alone: the character before it and the one after it (``period`` is the
# group in between) are no word characters.
_YEAR = r"(?:19|20)\d{2}"
PERIOD_RE = linear.compile(
    rf"""
    (?:^|[^\w.])(?P<period>
        (?:Q|K)[1-4](?:\s*[/-]?\s*{_YEAR})?
      | [1-4]Q(?:\s*{_YEAR})?
      | H[12](?:\s*[/-]?\s*{_YEAR})?
      | (?:[1-4]\.|første|andre|tredje|fjerde|first|second|third|fourth)\s+
        (?:kvartal|halvår|tertial|quarter|half)(?:\s+(?:of\s+)?{_YEAR})?
      | FY\s?'?\d{{2}}(?:\d{{2}})?(?:\s*[/-]\s*\d{{2,4}})?
      | (?:skoleåret|studieåret|budsjettåret|regnskapsåret|academic\s+year|school\s+year
          |fiscal\s+year|financial\s+year)\s+{_YEAR}(?:\s*[/-]\s*\d{{2,4}})?
      | {_YEAR}(?:\s*[/-]\s*(?:19|20)?\d{{2}})?
    )(?:\W|$)
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Words a title line may add around its period ("OKRs for Q3 2025 – utkast").
_TITLE_WORD_RE = linear.compile(r"[^\W\d_]+")
_LEVEL_WORD_RE = linear.compile(r"[\w-]+")


def find_period(text: str) -> str | None:
    """The first period a title line names ("OKR-er for 2. kvartal 2026" -> "2. kvartal 2026")."""
    found = PERIOD_RE.search(text)
    return " ".join(found["period"].split()) if found else None


def is_period_title(label: Label) -> bool:
    """An "OKR for <who> – <period>" line: the document's title, not an objective.

    It is an unnumbered OKR label ("OKR", "OKRs", "Objectives") whose text is nothing but a
    period (and at most two more words: "Q3 2025 – utkast"), or an "OKR"/"OKRs" label whose
    period comes within its first words."""
    if label.kind is not LabelKind.OBJECTIVE or label.number is not None:
        return False
    if label.word not in PLURAL_SECTION_LABELS:
        return False
    found = PERIOD_RE.search(label.text)
    if found is None:
        return False
    start, end = found.span("period")
    rest = label.text[:start] + " " + label.text[end:]
    if len(_TITLE_WORD_RE.findall(rest)) <= 2:
        return True
    # "OKRs - FY2026 Q3 (Jul-Sep) - leadership draft, rev. 4", "OKR for 2. halvår 2026 – utkast
    # v2, til gjennomgang …": "OKR" with its period among the first words is a title whatever
    # follows; an objective says what it wants first
    leading = _TITLE_WORD_RE.findall(label.text[:start])
    return label.word in ("okr", "okrs") and len(leading) <= 2
