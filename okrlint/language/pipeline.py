"""The spaCy side: pipeline components, Doc extensions and the cached pipelines.

Each language's pipeline is ``spacy.blank(lang)`` plus three okrlint
components, registered with ``@Language.factory`` and configured from that
language's lexicon:

- ``okrlint_markers``: one PhraseMatcher over every lexicon phrase list
  (directions, limits, reasons, vague words, rituals, ...), and the tokens read once
- ``okrlint_quantities``: deadlines, quantities and placeholders
- ``okrlint_meaning``: change, limit, direction, reason, vague words, lead verb,
  activity and business-as-usual -> ``Doc._.okr_analysis`` (the frozen Analysis)

Between components the work in progress is a plain ``Reading`` in ``Doc.user_data``
(spaCy's storage for user data): an extension attribute costs an accessor object and a
key per read and write, which was a tenth of the analysis time.

Importing this module imports spaCy; ``okrlint.language`` imports it lazily.
"""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.symbols import ORTH
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from okrlint.language import clauses
from okrlint.language.analysis import (
    Analysis,
    Change,
    NumberKind,
    NumberReading,
    Quantity,
    QuantityKind,
    TextSpan,
)
from okrlint.language.lexicon import SUPPORTED_LANGUAGES, Lexicon, load_lexicon
from okrlint.language.numbers import Scanner
from okrlint.language.tokens import Tokens

# Phrase lists from the lexicon's "markers" section that the matcher looks for.
MARKER_KEYS = (
    "direction_up",
    "direction_down",
    "limit_max",
    "limit_min",
    "reason",
    "reason_after_comma",
    "vague",
    "vague_without_number",
    "vague_quality",
    "business_as_usual",
    "ritual_frequency",
    "ritual_events",
    "direction_better",
    "direction_up_number",
    "direction_down_number",
    "fixed_terms",
    "milestones",
    "milestone_states",
    "activity_nouns",
    "deliverables",
)
# Arrows and ranges glued between digits ("100->200", "100→200", "10–20") become tokens.
EXTRA_INFIXES = (r"(?<=[0-9])(?:->|=>|→|–|—)(?=[0-9])",)
# Arrows and comparison signs written apart stay one token ("100 -> 200", ">= 95 %").
SPECIAL_TOKENS = ("->", "=>", "<=", ">=")

if not Doc.has_extension("okr_analysis"):
    Doc.set_extension("okr_analysis", default=None)

READING = "okrlint.reading"  # the Doc.user_data key of the work in progress


class Reading:
    """One text's work in progress: tokens and markers, then deadlines and quantities."""

    __slots__ = ("deadlines", "hits", "matches", "numbers", "tokens")

    def __init__(self, tokens: Tokens, matches: dict[str, list[tuple[int, int]]]) -> None:
        self.tokens = tokens
        self.matches = matches
        self.deadlines: list[tuple[int, int]] = []
        self.hits: list = []
        self.numbers: dict[int, NumberReading] = {}  # what each non-quantity number is


class MarkerMatcher:
    """Finds every lexicon phrase in one pass; results keyed by lexicon list name."""

    def __init__(self, nlp: Language, lexicon: Lexicon):
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for key in MARKER_KEYS:
            phrases = sorted(lexicon.markers.get(key, ()))
            if phrases:
                self.matcher.add(key, list(nlp.tokenizer.pipe(phrases)))

    def __call__(self, doc: Doc) -> Doc:
        found: dict[str, list[tuple[int, int]]] = {}
        for match_id, start, end in self.matcher(doc):
            found.setdefault(doc.vocab.strings[match_id], []).append((start, end))
        # Tokens: read once, as the analysis looks at every token many times.
        doc.user_data[READING] = Reading(Tokens(doc), found)
        return doc


class QuantityReader:
    """Deadlines first (their numbers are not quantities), then quantities and placeholders."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        reading = doc.user_data[READING]
        scanner = Scanner(reading.tokens, self.lexicon, reading.matches)
        reading.deadlines = scanner.deadlines()
        reading.hits = scanner.quantities()
        reading.numbers = scanner.readings
        return doc


class MeaningReader:
    """Puts the pieces together into the frozen ``Analysis``."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        reading = doc.user_data.pop(READING)  # only the Analysis outlives the pipeline
        doc._.okr_analysis = analyse_doc(
            reading.tokens,
            reading.matches,
            reading.deadlines,
            reading.hits,
            self.lexicon,
            reading.numbers,
        )
        return doc


@Language.factory("okrlint_markers")
def make_markers(nlp: Language, name: str) -> MarkerMatcher:
    return MarkerMatcher(nlp, load_lexicon(nlp.lang))


@Language.factory("okrlint_quantities")
def make_quantities(nlp: Language, name: str) -> QuantityReader:
    return QuantityReader(load_lexicon(nlp.lang))


@Language.factory("okrlint_meaning")
def make_meaning(nlp: Language, name: str) -> MeaningReader:
    return MeaningReader(load_lexicon(nlp.lang))


def analyse_doc(
    doc: Tokens,
    matches: clauses.Matches,
    deadline_ranges: list[tuple[int, int]] | None,
    quantity_hits: list | None,
    lex: Lexicon,
    numbers: dict[int, NumberReading] | None = None,
) -> Analysis:
    """The Analysis of one text from its tokens, marker matches, deadlines and quantities."""
    lead = clauses.lead_verb(doc, lex)  # pure: read once, used below
    read = quantity_hits or []
    hits = clauses.drop_articles(doc, read, lex, lead)
    deadlines = tuple(clauses.span(doc, s, e) for s, e in deadline_ranges or ())
    reason = clauses.find_reason(doc, matches, hits, lex)
    if reason is not None:  # "… slik at ingen faller utenfor" says why, it sets no level
        hits = [h for h in hits if not (h.quantity.article and h.quantity.start >= reason.start)]
    real = [h for h in hits if not h.quantity.placeholder]
    limit = clauses.find_limit(doc, hits, matches, lex)
    # "90 % or higher" is a limit too, and its "higher" no direction of change.
    or_limits = clauses.or_comparatives(doc, hits, lex, matches)
    limit = limit or (or_limits[0] if or_limits else None)
    fenced: list[TextSpan] = [*deadlines, *([limit] if limit else []), *or_limits]
    fenced += clauses.described_limits(doc, hits, matches, lex)  # "who stay longer than 30 min"
    # The reason clause says why, not what: its "growth" is no direction of the element.
    direction, direction_span = clauses.find_direction(
        doc, matches, fenced + ([reason] if reason else []), lex
    )
    lead_class = lead.label if lead else ""
    if direction == 0:  # "up 20 %", "down to 60 %"
        direction, direction_span = clauses.direction_before_number(doc, hits, lex)
    if direction == 0:  # "half as many … as last year"
        direction, direction_span = clauses.comparison_direction(doc, hits, lex)
    change = clauses.find_change(doc, hits, lex, has_direction=direction != 0, lead=lead_class)
    change = clauses.complete_change(doc, hits, lex, change, direction)
    clause_end = reason.start if reason else len(doc.text)
    quantity_spans = clauses.qualified_numbers(doc, hits, lex)
    # A comparative that states a measured change is not vague ("lower churn from 5 % to 3 %").
    measured = change is not None and direction_span is not None
    # The reason clause says why ("… by 20 % to fund more positions"): its "more" is no amount.
    vague_fence = fenced + quantity_spans + ([direction_span] if measured else [])
    vague_fence += [reason] if reason else []
    # the opening change verb of an object is no vague amount: "Lower noise exposure"
    # (LABELS.md); "lower" alone (a target cell) is
    governs = lead is not None and lead.label == "change" and doc.text[lead.end :].strip()
    vague_fence += [lead] if governs else []
    # "higher education", "høyere utdanning": a fixed term, not an amount
    vague_fence += [clauses.span(doc, s, e) for s, e in matches.get("fixed_terms", ())]
    vague = clauses.find_vague(doc, matches, vague_fence, has_number=bool(real), lex=lex)
    better = clauses.direction_is_better(matches, direction_span, doc)
    polarity, polarity_span = (
        clauses.metric_polarity(doc, hits, lex, direction_span) if better else (0, None)
    )
    ends = [q for q in (change.baseline, change.target) if q is not None] if change else []
    timed = bool(ends) and all(q.kind is QuantityKind.DURATION for q in ends)
    speed = polarity_span is not None and polarity_span.text.lower() in lex.speed_words
    if better and timed and speed:
        polarity = -1  # "speed of answer from 40 to 55 seconds": a time
    if better and polarity == 0 and timed:
        # a duration is a time, and for times lower is better: "Raskere levering fra 3 til 5 dager"
        last = ends[-1]
        polarity, polarity_span = -1, TextSpan(last.start, last.end, last.text, "duration")
    return Analysis(
        lang=lex.lang,
        text=doc.text,
        words=tuple(t.lower_ for t in doc if not (t.is_punct or t.is_space)),
        quantities=_with_change_units(hits, change),
        change=change,
        direction=direction,
        direction_span=direction_span,
        direction_better=better,
        polarity=polarity,
        polarity_span=polarity_span,
        limit=limit,
        deadlines=deadlines,
        reason=reason,
        vague=vague,
        placeholders=tuple(
            TextSpan(h.quantity.start, h.quantity.end, h.quantity.text, _slot_label(h, doc))
            for h in hits
            if h.quantity.placeholder
        ),
        lead_verb=lead,
        activity=clauses.find_activity(
            doc, lex, matches, lead, bool(real), clause_end, slots=len(real) < len(hits)
        ),
        output_count=clauses.output_count(doc, hits, lex, lead, matches),
        count_is_output=clauses.object_count_is_output(doc, lex, lead, matches),
        ritual=clauses.find_ritual(doc, lex, matches, lead),
        event=clauses.held_event(doc, lex, matches, lead),
        business_as_usual=clauses.business_as_usual(doc, matches, lead, before=clause_end),
        new_items=clauses.new_items(doc, hits, lex, lead),
        statement_words=sum(
            1 for t in doc if t.idx < clause_end and not (t.is_punct or t.is_space)
        ),
        numbers=_number_readings(hits, _dropped(read, hits), numbers or {}),
    )


def _dropped(read: list, kept: list) -> list:
    """The hits read but not kept (determiners dropped again), by identity."""
    if len(read) == len(kept):
        return []
    ids = {id(h) for h in kept}
    return [h for h in read if id(h) not in ids]


def _slot_label(hit, doc: Tokens) -> str:
    """ "stand-in" for an element that is only a label and a slot ("Key result 4")."""
    whole = doc.text.strip(" \t-*•.:")
    return "stand-in" if whole.endswith(hit.quantity.text) and hit.start > 0 else "placeholder"


QUANTITY_READS = {
    QuantityKind.ABSOLUTE: "a count",
    QuantityKind.PERCENT: "a percentage",
    QuantityKind.CURRENCY: "an amount of money",
    QuantityKind.MULTIPLIER: "a multiplier",
    QuantityKind.DURATION: "a duration",
}


def _number_readings(hits, dropped, decided: dict[int, NumberReading]):
    """Every number-like token and what it is: the quantities and placeholders read, the
    determiners dropped again, and what the scanner decided about the rest."""
    found = list(decided.values())
    for h in hits:
        q = h.quantity
        if q.placeholder:
            found.append(NumberReading(q.start, q.end, q.text, NumberKind.PLACEHOLDER, _slot(q)))
            continue
        what = QUANTITY_READS[q.kind]
        if q.article:
            what = "zero as the target level" if q.value == 0 else "one per period"
            if q.unit == "times":
                what = f"{q.value:g} times per period"
        elif q.unit:
            what += f" ({q.unit})"
        if q.definite:
            what += ", describing what is counted"
        found.append(NumberReading(q.start, q.end, q.text, NumberKind.QUANTITY, what))
    for h in dropped:
        q = h.quantity
        reason = "in the reason clause" if q.article else "an article after an activity verb"
        found.append(NumberReading(q.start, q.end, q.text, NumberKind.WORD, reason))
    return tuple(sorted(found, key=lambda r: (r.start, r.end)))


def _slot(q: Quantity) -> str:
    if q.kind is QuantityKind.CURRENCY:
        return "a letter or slot where an amount of money belongs"
    if q.kind is QuantityKind.PERCENT:
        return "a slot where a percentage belongs"
    return "a slot where a number belongs"


def _with_change_units(hits, change: Change | None) -> tuple[Quantity, ...]:
    """The quantities, with units a from-to pair shares ("fra ti til fem minutter")."""
    quantities = [h.quantity for h in hits]
    if change is None:
        return tuple(quantities)
    by_start = {q.start: q for q in (change.baseline, change.target) if q is not None}
    return tuple(by_start.get(q.start, q) for q in quantities)


@functools.cache
def get_nlp(lang: str) -> Language:
    """The okrlint pipeline for ``lang``, built once per process."""
    if lang not in SUPPORTED_LANGUAGES:
        from okrlint.errors import OkrlintError

        raise OkrlintError(f"unsupported language {lang!r}")
    nlp = spacy.blank(lang)
    infixes = list(nlp.Defaults.infixes or ()) + list(EXTRA_INFIXES)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    for arrow in SPECIAL_TOKENS:
        nlp.tokenizer.add_special_case(arrow, [{ORTH: arrow}])
    for name in ("okrlint_markers", "okrlint_quantities", "okrlint_meaning"):
        nlp.add_pipe(name)
    return nlp
