"""From quantities and matched markers to what an element *says*.

Change (from -> to, amounts), limits, direction, reason clause, vague words,
the opening verb, activity and business-as-usual markers. Pure functions over
tokens, hits and marker matches; spaCy-free like ``numbers``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from okrlint import linear
from okrlint.language.analysis import Change, Quantity, QuantityKind, TextSpan
from okrlint.language.digits import Hit
from okrlint.language.lexicon import Lexicon
from okrlint.language.tokens import (
    Token,
    Tokens,
    ahead,
    behind,
    cannot_start,
    lookup_at,
    lower,
    phrase_at,
    phrase_starts,
    text_of,
)
from okrlint.language.units import with_unit

Matches = dict[str, list[tuple[int, int]]]
# A period that labels a value: a year, a quarter, a half or a fiscal year.
PERIOD_LABEL_RE = linear.compile(r"^(?:(?:19|20)\d{2}|q[1-4]|h[12]|k[1-4]|t[1-3]|fy\d{2,4})$")
CLAUSE_BREAKS = frozenset({",", ";", ":", "-", "–", "—", "(", "/"})
LEADING_JUNK = frozenset(
    {"-", "*", "•", "·", "–", "—", "+", ")", "(", ".", ":", "[", "]", "#", "o"}
)


def span(doc: Sequence[Token], start: int, end: int, label: str = "") -> TextSpan:
    """A TextSpan over tokens [start, end) with character offsets into the text."""
    first, last = doc[start], doc[end - 1]
    return TextSpan(first.idx, last.idx + len(last.text), text_of(doc, start, end), label)


def _skip_limits(doc: Sequence[Token], i: int, lex: Lexicon) -> int:
    """Past limit words between a marker and its number ("med over fem millioner")."""
    j = phrase_at(doc, ahead(doc, i), lex.limit_words)
    return ahead(doc, j)


# id(phrase table) -> (the table, every suffix of every phrase in it): the last token of a
# phrase is one of them, so a token that is none ends no phrase (one look-up instead of three).
_ENDS: dict[int, tuple[frozenset[str], frozenset[str]]] = {}


def _ends(words: frozenset[str]) -> frozenset[str]:
    found = _ENDS.get(id(words))
    if found is None or found[0] is not words:
        suffixes = frozenset(w[n:] for w in words for n in range(len(w)))
        found = _ENDS[id(words)] = (words, suffixes)
    return found[1]


def _phrase_ending(doc: Tokens, end: int, words: frozenset[str]) -> int:
    """Start of a phrase from ``words`` that ends just before token ``end``; -1 when none."""
    if not 0 < end <= len(doc) or doc[end - 1].lower_ not in _ends(words):
        return -1
    for n in (3, 2, 1):
        start = end - n
        if start >= 0 and lookup_at(doc, start, words, n)[0] == end:
            return start
    return -1


def _marker_before(doc: Sequence[Token], hit: Hit, words: frozenset[str], lex: Lexicon) -> int:
    """Start of a marker from ``words`` right before ``hit`` (a limit word may sit between)."""
    end = behind(doc, hit.start) + 1
    found = _phrase_ending(doc, end, words)
    if found >= 0:
        return found
    limit = _phrase_ending(doc, end, lex.limit_words)
    return _phrase_ending(doc, behind(doc, limit) + 1, words) if limit > 0 else -1


def find_change(
    doc: Sequence[Token], hits: Sequence[Hit], lex: Lexicon, has_direction: bool, lead: str = ""
):
    """The stated change, and whether it counts new things."""
    words = lex.markers
    baseline = target = amount = None
    amount_is_new = stated_start = to_level = False
    by_start = {h.start: h for h in hits}
    for k, hit in enumerate(hits):
        after = _past_rate(doc, hit.end, lex)
        to_end = phrase_at(doc, after, words.get("to", frozenset()))
        # the next number, or the one after a rate's own ("fra 9 kg per 100 liter til 10 kg")
        nxt = by_start.get(_skip_limits(doc, to_end, lex)) if to_end > after else None
        joined = nxt is not None and nxt.start > hit.start
        from_start = _marker_before(doc, hit, words.get("from", frozenset()), lex)
        if baseline is None and joined and (from_start >= 0 or _is_arrow(doc, hit.end, to_end)):
            baseline = with_unit(_level(hit), nxt.quantity)
            target = with_unit(_level(nxt), hit.quantity)
            continue
        if baseline is None and not hit.quantity.placeholder and starts_in_words(doc, hit, lex):
            baseline, stated_start = hit.quantity, True  # "(currently 18,000)", "i dag 71 %"
            # "(currently 22 %) to 30 %": the bracket closes the start, "to" names the target
            closing = ahead(doc, hit.end)
            if closing < len(doc) and doc[closing].text in (")", "]"):
                to_end = phrase_at(doc, ahead(doc, closing + 1), words.get("to", frozenset()))
                nxt = by_start.get(ahead(doc, to_end))
                if nxt is not None and to_end > closing + 1 and not nxt.quantity.placeholder:
                    target = with_unit(nxt.quantity, hit.quantity)
            continue
        if target is None and _marker_before(doc, hit, words.get("target", frozenset()), lex) >= 0:
            target = hit.quantity  # "target 95 %", "målverdi 4,5"
            continue
        reached = target is None and lead == "achieve" and not hit.quantity.placeholder
        if reached and _object_of_lead(doc, hit, lex) and not counts_new(doc, hit, lex):
            target = hit.quantity  # "Nå 8 000 medlemmer, fra dagens 6 200"
            continue
        if (
            target is None
            and (baseline is None or stated_start)
            and _marker_before(doc, hit, words.get("to", frozenset()), lex) >= 0
        ):
            prev_hit = hits[k - 1] if k else None
            # "5 til 10 kunder" is a range; "med 2 MNOK til 12 MNOK" is an amount and a target.
            ranged = prev_hit is not None and prev_hit.quantity not in (amount, baseline)
            ranged = ranged and ahead(doc, prev_hit.end) < hit.start <= prev_hit.end + 3
            ranged = ranged and not hit.quantity.placeholder  # "innen 60 sekunder til TBD"
            if _dash_range(doc, prev_hit, hit):  # "by 10–15 %": an amount given as a range
                if prev_hit.quantity is amount:
                    amount = with_unit(amount, hit.quantity)
                continue
            if has_direction and not ranged and hit.quantity.kind is not QuantityKind.MULTIPLIER:
                target = hit.quantity
                continue
            if not has_direction and not lead and not ranged and _metric_to(doc, hit):
                target, to_level = hit.quantity, True  # "Bay utilisation to 85 %"
                continue
        if amount is None and _is_amount(doc, hit, lex, has_direction):
            amount, amount_is_new = hit.quantity, counts_new(doc, hit, lex)
            continue
    if target is None and stated_start:
        level = _level_before_bracket(doc, hits, baseline, lex)
        if level is not None and level.quantity is not amount:
            target = level.quantity  # "Listed in 1,200 stores (currently 450)"
    if amount is None:
        # "1 000 nye følgere", and "Hire 2 engineers": a count of new things from zero.
        new = next((h for h in hits if counts_new(doc, h, lex)), None)
        if new is None and lead == "deliver":
            new = next((h for h in hits if _is_count(h)), None)
        if new is not None and new.quantity not in (baseline, target):
            amount, amount_is_new = new.quantity, True
    if amount is None:
        mult = next((h for h in hits if h.quantity.kind is QuantityKind.MULTIPLIER), None)
        amount = mult.quantity if mult is not None else None
    if amount is None and has_direction and baseline is None and target is None:
        # "Grow revenue 15% quarter over quarter": a bare percentage after a change verb.
        pct = next((h for h in hits if h.quantity.kind is QuantityKind.PERCENT), None)
        amount = pct.quantity if pct is not None else None
    if baseline is None and target is None and amount is None:
        return None
    return Change(baseline, target, amount, amount_is_new, reached=to_level and baseline is None)


def _metric_to(doc: Sequence[Token], hit: Hit) -> bool:
    """ "Bay utilisation to 85 %", "Onboarding time to 2.5 days", "Score to 8.5/10", "… to
    ??%": a level, score, time, amount of money or slot after the word "to" itself (not a dash)
    and a metric's words; not a count ("Access to 3 markets" names where, not how much)."""
    q = hit.quantity
    level = q.placeholder or (q.unit or "").startswith("/")  # a score: "8.5/10"
    level = level or q.kind in (QuantityKind.PERCENT, QuantityKind.DURATION, QuantityKind.CURRENCY)
    to = behind(doc, hit.start)
    word = behind(doc, to)
    if not level or to < 0 or word < 0 or not doc[to].is_alpha:
        return False
    # "Respond to 100 % of reviews": an unknown verb and its "to" are no metric
    return doc[word].is_alpha and not doc[word].is_stop and behind(doc, word) >= 0


def _dash_range(doc: Sequence[Token], before: Hit | None, hit: Hit) -> bool:
    """Whether two numbers form a range joined by a dash alone ("10–15 %", "3-5 days")."""
    if before is None or before.end >= hit.start:
        return False
    between = [t for t in doc[before.end : hit.start] if not t.is_space]
    return len(between) == 1 and between[0].text in ("-", "–", "—")


def _level_before_bracket(doc: Sequence[Token], hits: Sequence[Hit], baseline, lex: Lexicon):
    """The level a key result names before a bracketed starting value of the same kind
    ("Listed in 1,200 stores (currently 450)", "85 % fornøyde (i dag 61 %)"): where it should
    end. Only words may stand between the level and the bracket."""
    at = next((k for k, h in enumerate(hits) if h.quantity is baseline), None)
    if not at:
        return None
    level, bracket = hits[at - 1], behind(doc, _marker_start(doc, hits[at], lex))
    if bracket < 0 or doc[bracket].text not in ("(", "["):
        return None
    if any(not t.is_alpha and t.text not in ("-", "'", "’") for t in doc[level.end : bracket]):
        return None
    q = level.quantity
    same = q.kind is baseline.kind and (q.unit or None) == (baseline.unit or None)
    if q.placeholder:
        return level  # "Løsningsgrad [mål] (i dag 31 %)": the target is a slot (OKR205's)
    if not same or q.definite or counts_new(doc, level, lex):
        return None
    return level


def _marker_start(doc: Sequence[Token], hit: Hit, lex: Lexicon) -> int:
    """Where the words that state a starting value before ``hit`` begin ("(currently 450)",
    "(up from 450)")."""
    for key in ("baseline", "baseline_after_break", "from"):
        start = _marker_before(doc, hit, lex.markers.get(key, frozenset()), lex)
        if start >= 0:
            return start
    if _labelled_by_a_period(doc, hit):  # "0 (2025: 3)": the label opens the bracket's words
        return behind(doc, behind(doc, hit.start))
    return hit.start


def _object_of_lead(doc: Sequence[Token], hit: Hit, lex: Lexicon) -> bool:
    """Whether the number directly follows the opening verb ("Reach 1,000 …", "Nå 25 000 …")."""
    p = behind(doc, hit.start)
    return p >= 0 and p == _first_word(doc, lex) and doc[p].lower_ in lex.verb_forms


def starts_in_words(doc: Sequence[Token], hit: Hit, lex: Lexicon) -> bool:
    """A starting value written in words right before the number: "currently 18,000",
    "(current is 4.6 %)", "baseline 340", "(i dag 71 %)", "dagens 48"; "now"/"nå" only after
    a comma, colon or bracket ("…, nå 30 %"), where it cannot be the verb "nå" (reach)."""
    if _marker_before(doc, hit, lex.markers.get("baseline", frozenset()), lex) >= 0:
        return True
    start = _marker_before(doc, hit, lex.markers.get("baseline_after_break", frozenset()), lex)
    if start >= 0 and (_after_break(doc, start) or _after_a_metric(doc, start, lex)):
        return True
    return _labelled_by_a_period(doc, hit)


def _after_a_metric(doc: Sequence[Token], start: int, lex: Lexicon) -> bool:
    """ "Sykefravær nå 6,2 %", "Churn now 4 %": "nå"/"now" right after the metric's word, where
    it cannot be the verb "nå" (reach): not the first word, not after "skal", "vil" or "å"."""
    p = behind(doc, start)
    if p < 0 or not doc[p].is_alpha or doc[p].is_stop:
        return False
    return doc[p].lower_ not in lex.lead_skip and doc[p].lower_ not in lex.verb_forms


def _labelled_by_a_period(doc: Sequence[Token], hit: Hit) -> bool:
    """ "(2025: 340)", "(Q1: 4,1)": a value labelled with a past period in brackets is where
    the change starts."""
    colon = behind(doc, hit.start)
    label = behind(doc, colon)
    opening = behind(doc, label)
    if colon < 0 or doc[colon].text != ":" or label < 0 or opening < 0:
        return False
    return doc[opening].text == "(" and bool(PERIOD_LABEL_RE.match(doc[label].lower_))


def _past_rate(doc: Sequence[Token], i: int, lex: Lexicon) -> int:
    """Past what may follow a baseline before "til"/"to": a noun and a rate
    ("fra 2 innlegg i uka til 5", "from 2 per week to 15")."""
    to_words, rate = lex.markers.get("to", frozenset()), lex.markers.get("rate", frozenset())
    n = ahead(doc, i)
    if n < len(doc) and doc[n].text == "(":  # a note in brackets: "fra 40 % (2025) til 70 %"
        close = next((k for k in range(n + 1, min(n + 5, len(doc))) if doc[k].text == ")"), None)
        if close is not None:
            n = ahead(doc, close + 1)
    glued = n + 1 < len(doc) and not doc[n - 1].whitespace_ and not doc[n].whitespace_
    if glued and doc[n].text == "/":  # a unit per unit: "62 kg/m²", "1,20 kr/kWh"
        n = ahead(doc, n + 2)
    if n < len(doc) and doc[n].is_alpha and doc[n].lower_ not in to_words | rate:
        n = ahead(doc, n + 1)
    if n < len(doc) and doc[n].is_alpha and doc[n].lower_ not in to_words | rate:
        n = ahead(doc, n + 1)  # a unit and its noun: "9,1 kg ost per 100 liter melk"
    word = ahead(doc, n + 1)
    if word < len(doc) and doc[word].text[:1].isdigit() and doc[word].text[-1:].isdigit():
        word = ahead(doc, word + 1)  # the rate's own number: "per 100 liter"
    if n < len(doc) and doc[n].lower_ in rate and word < len(doc) and doc[word].is_alpha:
        after = ahead(doc, word + 1)
        if after < len(doc) and doc[after].is_alpha and doc[after].lower_ not in to_words:
            after = ahead(doc, after + 1)  # "per 100 liter melk"
        return after
    return n


def _level(hit: Hit) -> Quantity:
    """A level of a pair written with a minus ("from -5 to 15", "fra -3 til 2"): below zero,
    not an amount of change."""
    q = hit.quantity
    return replace(q, value=-q.value) if hit.sign < 0 and q.value else q


def _is_arrow(doc: Sequence[Token], start: int, end: int) -> bool:
    return any(t.text in ("→", "->", "=>", "-", ">") for t in doc[start:end]) and (
        text_of(doc, start, end).strip() in ("→", "->", "=>", "- >")
    )


def _is_amount(doc: Sequence[Token], hit: Hit, lex: Lexicon, has_direction: bool) -> bool:
    """ "med 15 %", "by 20%", "40 % høyere", "+15 %", "an increase of 20 %"."""
    if hit.sign:  # "+15 %", not the level of a limit ("excursions above -18 °C")
        return _phrase_ending(doc, behind(doc, hit.start) + 1, lex.limit_words) < 0
    if has_direction and _marker_before(doc, hit, lex.markers.get("by", frozenset()), lex) >= 0:
        return True
    if _marker_before(doc, hit, lex.markers.get("amount_before", frozenset()), lex) >= 0:
        return True  # "…, en økning på N prosentpoeng", "a reduction of N %"
    updown = lex.markers.get("direction_up_number", frozenset()) | lex.markers.get(
        "direction_down_number", frozenset()
    )
    if has_direction and lower(doc, behind(doc, hit.start)) in updown:
        return True  # "Average order value up €1,500", "Omsetning opp 2 MNOK"
    n = ahead(doc, hit.end)
    return n < len(doc) and doc[n].lower_ in lex.markers.get("comparatives", frozenset())


def _is_count(hit: Hit) -> bool:
    return hit.quantity.kind is QuantityKind.ABSOLUTE and not hit.quantity.placeholder


def counts_new(doc: Sequence[Token], hit: Hit, lex: Lexicon) -> bool:
    """ "1 000 nye følgere", "20 more customers", "5 new partners"."""
    if hit.quantity.kind is not QuantityKind.ABSOLUTE or hit.quantity.placeholder:
        return False
    n = ahead(doc, hit.end)
    return n < len(doc) and doc[n].lower_ in lex.markers.get("new_words", frozenset())


def find_limit(
    doc: Sequence[Token], hits: Sequence[Hit], matches: Matches, lex: Lexicon | None = None
) -> TextSpan | None:
    """ "maks 50 kr", "minst 1 000", "at least 95 %": a limit word right before a number;
    not one in a relative clause that says what is counted (``described_limits``)."""
    found = [s for s in _limits(doc, hits, matches) if not _describes(doc, s, lex)]
    return min(found, key=lambda s: s.start, default=None)


def described_limits(
    doc: Sequence[Token], hits: Sequence[Hit], matches: Matches, lex: Lexicon
) -> list[TextSpan]:
    """Limits in a relative clause, which say what is counted, not where it should end:
    "visitors who stay longer than 30 minutes", "innsjekker som tar over 10 minutter"."""
    return [s for s in _limits(doc, hits, matches) if _describes(doc, s, lex)]


def _limits(doc: Sequence[Token], hits: Sequence[Hit], matches: Matches) -> list[TextSpan]:
    starts = {h.start for h in hits}
    found: list[TextSpan] = []
    for label, key in (("max", "limit_max"), ("min", "limit_min")):
        for start, end in matches.get(key, ()):
            if ahead(doc, end) in starts:
                found.append(span(doc, start, end, label))
    return found


def _describes(doc: Sequence[Token], limit: TextSpan, lex: Lexicon | None) -> bool:
    """Whether a relative pronoun and a verb stand right before the limit ("who stay …")."""
    if lex is None:
        return False
    start = next(i for i, t in enumerate(doc) if t.idx >= limit.start)
    verb = behind(doc, start)
    relative = lex.markers.get("relative_pronouns", frozenset())
    return verb >= 0 and doc[verb].is_alpha and lower(doc, behind(doc, verb)) in relative


def or_comparatives(
    doc: Sequence[Token], hits: Sequence[Hit], lex: Lexicon, matches: Matches
) -> list[TextSpan]:
    """ "4.5 or higher", "50 eller flere", "2 % or lower": a number and a comparative after
    "or", labelled "min" or "max" like a limit word."""
    or_words = lex.markers.get("or", frozenset())
    ups = {s for s, _ in matches.get("direction_up", ())}
    downs = {s for s, _ in matches.get("direction_down", ())}
    found = []
    for h in hits:
        n = ahead(doc, h.end)
        if n < len(doc) and doc[n].is_alpha and lower(doc, ahead(doc, n + 1)) in or_words:
            n = ahead(doc, n + 1)  # a noun between: "4.6 stars or better", "4,5 stjerner eller mer"
        if n >= len(doc) or doc[n].lower_ not in or_words:
            continue
        c = ahead(doc, n + 1)
        if c in ups or c in downs:
            found.append(span(doc, n, c + 1, "min" if c in ups else "max"))
    return found


def find_direction(
    doc: Sequence[Token], matches: Matches, exclude: Sequence[TextSpan], lex: Lexicon
):
    """The first word that states a direction: (+1/-1, span) or (0, None)."""
    best: tuple[int, int, int] | None = None
    for sign, key in ((1, "direction_up"), (-1, "direction_down")):
        for start, end in matches.get(key, ()):
            if _inside(doc[start].idx, exclude) or _in_compound(doc, end):
                continue
            if _counted_per_period(doc, end, lex):
                continue  # "Content drops per quarter": a count of drops, not a drop
            if _metric_complement(doc, start, lex):
                continue  # "Cost to raise £1": what the cost is of, not a change
            if lower(doc, behind(doc, start)) in lex.zero_words:
                continue  # "Ingen større avvik", "no bigger incidents": which kind, at zero
            if best is None or start < best[1]:
                best = (sign, start, end)
    if best is None:
        return 0, None
    return best[0], span(doc, best[1], best[2])


def _metric_complement(doc: Sequence[Token], start: int, lex: Lexicon) -> bool:
    """Whether the word at ``start`` follows a metric and "to" ("cost to raise £1", "time to
    improve a fix"): then it says what the metric measures, not where it should go."""
    to = behind(doc, start)
    head = behind(doc, to)
    if to < 0 or head < 0 or doc[to].lower_ != "to":
        return False
    return doc[head].lower_ in lex.polarity_words


def _counted_per_period(doc: Sequence[Token], end: int, lex: Lexicon) -> bool:
    """Whether a period follows the word before ``end`` ("drops per quarter", "kutt i
    måneden"): then the word is a thing counted per period, not a change."""
    n = ahead(doc, end)
    return phrase_at(doc, n, lex.markers.get("per_period", frozenset())) > n


def _inside(offset: int, spans: Sequence[TextSpan]) -> bool:
    return any(s.start <= offset < s.end for s in spans)


def find_reason(doc: Sequence[Token], matches: Matches, hits: Sequence[Hit], lex: Lexicon):
    """The reason / purpose clause from its marker to the end of the text."""
    blockers = lex.markers.get("reason_not_after", frozenset())
    starts = [s for s, _ in matches.get("reason", ()) if lower(doc, behind(doc, s)) not in blockers]
    starts += [s for s, _ in matches.get("reason_after_comma", ()) if _after_break(doc, s)]
    purpose = _purpose_to(doc, hits, lex)
    starts += purpose
    starts += _reason_clauses(doc, lex)
    if not starts:
        return None
    start = min(starts)
    end = len(doc)
    while end > start + 1 and (doc[end - 1].is_space or doc[end - 1].text in ".!"):
        end -= 1
    # "… to double the productivity of review", "for å doble …": a purpose (its marker and a
    # verb), which may itself set an amount
    marker = dict(matches.get("reason", ())).get(start, start)
    verb = start in purpose or lower(doc, ahead(doc, marker)) in lex.purpose_verb_forms
    return span(doc, start, end, "purpose" if verb else "")


CLAUSE_REACH = 7  # words between a conjunction and the finite verb of its clause


def _reason_clauses(doc: Sequence[Token], lex: Lexicon) -> list[int]:
    """Reason clauses recognised by their grammar, not by a list of subjects: a conjunction
    ("so", "since", "as"; "så", "siden", "da") followed by a subject and a finite verb ("… so
    tenants get answers", "… siden kundene venter"); and, after a comma
    or dash, a consequence subject with a finite verb ("…, which gives us …", "– dette betyr
    …"). Not "since 2015", "as easy as", "så mye som mulig", "og så"."""
    markers = lex.markers
    conjunctions = markers.get("reason_conjunctions", frozenset())
    free = markers.get("reason_conjunctions_free", frozenset())
    consequences = markers.get("consequence_subjects", frozenset())
    not_after = markers.get("reason_conjunction_not_after", frozenset())
    first = _first_word(doc, lex)
    found = []
    lowers = doc.lowers if isinstance(doc, Tokens) else [t.lower_ for t in doc]
    consequence_starts = phrase_starts(consequences)
    for i, low in enumerate(lowers):
        if i <= first:
            continue
        if low in conjunctions or low in free:
            conj = lower(doc, behind(doc, i)) not in not_after
            if conj and _subject_and_verb(doc, ahead(doc, i + 1), lex, verb=low not in free):
                found.append(i)
        elif low in consequence_starts:
            end = phrase_at(doc, i, consequences, longest=2)
            if end > i and _after_break(doc, i) and _finite(doc, ahead(doc, end), lex):
                found.append(i)
    return found


def _subject_and_verb(doc: Sequence[Token], i: int, lex: Lexicon, verb: bool = True) -> bool:
    """Whether a subject (one or more words) and then a finite verb start at token i (only a
    subject, when ``verb`` is False)."""
    if i >= len(doc) or not doc[i].is_alpha:
        return False  # "since 2015", "so: …"
    if doc[i].lower_ in lex.markers.get("degree_words", frozenset()):
        return False  # "so much that", "så mange kunder som mulig"
    after = ahead(doc, i + 1)
    if lower(doc, after) in ("as", "that", "som", "at"):
        return False  # "as easy as", "so fast that", "så mye som", "så rask at"
    bare = lex.markers.get("bare_determiners", frozenset())
    if not verb:
        return True
    subject: list[str] = []
    k = i
    while k < len(doc) and len(subject) < CLAUSE_REACH:
        tok = doc[k]
        if not (tok.is_alpha or tok.text in ("'s", "'re", "’s")):
            return False
        if subject and not (len(subject) == 1 and subject[0] in bare) and _finite(doc, k, lex):
            return True
        subject.append(tok.lower_)
        k = ahead(doc, k + 1)
    return False


def _finite(doc: Sequence[Token], k: int, lex: Lexicon) -> bool:
    """Whether token k can be a finite verb: an auxiliary, modal or common verb, a form of a
    lexicon verb, or a word with the language's present-tense ending ("slipper")."""
    if k >= len(doc) or not (doc[k].is_alpha or doc[k].text in ("'s", "'re")):
        return False
    low = doc[k].lower_
    if low in ("'s", "’s") and lower(doc, ahead(doc, k + 1)) in lex.to_complement_openers:
        return False  # "the county's most accurate newsroom": a possessive, no verb
    if low in lex.finite_verbs or low in lex.verb_forms or low in lex.purpose_verbs:
        return True
    ending = lex.finite_ending
    return bool(ending) and low.endswith(ending) and len(low) > 3


def _after_break(doc: Sequence[Token], i: int) -> bool:
    p = behind(doc, i)
    return p >= 0 and doc[p].text in CLAUSE_BREAKS


def _purpose_to(doc: Sequence[Token], hits: Sequence[Hit], lex: Lexicon) -> list[int]:
    """English "to + verb" of purpose after the main clause ("Launch in Germany to prove …")."""
    if lex.lang != "en":
        return []
    verbs = lex.purpose_verb_forms
    # "from 5 to …" is a range; "by 40% to hit the plan" and "in half to fund …" are purposes
    starts = lex.markers.get("from", frozenset())
    ranges: set[int] | None = None  # made on the first "to + verb": most texts have none
    found = []
    for i, tok in enumerate(doc):
        if tok.lower_ != "to" or i < 2:
            continue
        p, n = behind(doc, i), ahead(doc, i + 1)
        if n >= len(doc) or doc[n].lower_ not in verbs:
            continue
        if ranges is None:
            ranges = {h.end for h in hits if _marker_before(doc, h, starts, lex) >= 0}
        if p + 1 in ranges:
            continue
        if doc[p].lower_ in lex.to_complement_heads or _opened_as_complement(doc, p, lex):
            continue
        if _bare_infinitive(doc, n, lex):
            continue  # "a fine place to live", "a partner to count on"
        found.append(i)
    return found


def _bare_infinitive(doc: Sequence[Token], verb: int, lex: Lexicon) -> bool:
    """Whether the text ends with the infinitive, or with it and one preposition: a noun's
    complement ("a fine place to live", "a partner to count on"), where a purpose would go
    on to its own object ("to prove the model works")."""
    k = ahead(doc, verb + 1)
    if k < len(doc) and doc[k].lower_ in lex.prepositions:
        k = ahead(doc, k + 1)
    while k < len(doc) and doc[k].is_punct:
        k = ahead(doc, k + 1)
    return k >= len(doc)


def _opened_as_complement(doc: Sequence[Token], end: int, lex: Lexicon) -> bool:
    """ "the easiest tool to set up", "the first bank to offer": a superlative or ordinal
    opens the noun phrase that ends before "to" (a preposition or comma ends the search)."""
    i = end
    for _ in range(5):
        if i < 0 or doc[i].is_punct or doc[i].lower_ in lex.deadline_markers:
            return False
        if doc[i].lower_ in lex.to_complement_openers:
            return True
        i = behind(doc, i)
    return False


def qualified_numbers(doc: Sequence[Token], hits: Sequence[Hit], lex: Lexicon) -> list[TextSpan]:
    """Quantities with the comparative that follows them ("40 % høyere", "20 more")."""
    words = lex.markers.get("comparatives", frozenset()) | lex.markers.get("new_words", frozenset())
    out = []
    for h in hits:
        end = h.end
        n = ahead(doc, end)
        if n < len(doc) and doc[n].lower_ in lex.markers.get("or", frozenset()):
            n = ahead(doc, n + 1)  # "4.5 or higher", "50 eller flere"
        if n < len(doc) and doc[n].lower_ in words:
            end = n + 1
        elif _compared(doc, h, lex):  # "twice as many", "halvparten så mange": the amount
            end = _compared_end(doc, h, lex)
        out.append(span(doc, h.start, end))
    return out


def _compared(doc: Sequence[Token], hit: Hit, lex: Lexicon) -> bool:
    """Whether a multiplier compares with a degree word after it ("twice as many", "half as
    often", "dobbelt så mange")."""
    n = ahead(doc, hit.end)
    if n < len(doc) and doc[n].lower_ in lex.markers["compare_as"]:
        n = ahead(doc, n + 1)  # "three times as many"
    degree = lex.markers.get("degree_words", frozenset())
    multiplier = hit.quantity.kind is QuantityKind.MULTIPLIER
    return multiplier and n < len(doc) and doc[n].lower_ in degree


def _compared_end(doc: Sequence[Token], hit: Hit, lex: Lexicon) -> int:
    """The end of the degree word a multiplier compares with."""
    n = ahead(doc, hit.end)
    if doc[n].lower_ in lex.markers["compare_as"]:
        n = ahead(doc, n + 1)
    return n + 1


def comparison_direction(doc: Sequence[Token], hits: Sequence[Hit], lex: Lexicon):
    """ "Half as many no-shows as last year", "Dobbelt så mange besøkende": a multiplier of a
    level compared with a degree word says which way it goes (+1/-1, span) or (0, None)."""
    for h in hits:
        value = h.quantity.value
        if value is not None and value != 1 and _compared(doc, h, lex):
            return (1 if value > 1 else -1), span(doc, h.start, h.end)
    return 0, None


def find_vague(
    doc, matches: Matches, exclude: Sequence[TextSpan], has_number: bool, lex: Lexicon | None = None
):
    """Vague words; label "quality" for praise words ("world-class", "god") that
    state no amount, "" for vague amounts ("flere", "significantly")."""
    keys = ("vague", "vague_quality")
    keys += () if has_number else ("vague_without_number",)
    if not any(key in matches for key in keys):
        return ()  # most texts: nothing to weigh
    labels = {
        (s, e): ("quality" if key == "vague_quality" else "")
        for key in keys
        for s, e in matches.get(key, ())
        if not _inside(doc[s].idx, exclude)
        and not _in_name_or_compound(doc, s, e)
        and not _picks_out(doc, s, lex)
    }
    spans = set(labels)
    # Keep the longest of overlapping matches ("så mange som mulig" over "mange").
    kept = [
        (s, e)
        for s, e in spans
        if not any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for s2, e2 in spans)
    ]
    return tuple(span(doc, s, e, labels[(s, e)]) for s, e in sorted(kept))


def _picks_out(doc: Sequence[Token], start: int, lex: Lexicon | None) -> bool:
    """After "alle"/"the" a vague word picks things out ("alle større beslutninger": all major
    ones), and so it does after a definite word and a number ("de 10 mest solgte produktene",
    "the 5 most visited pages")."""
    definite = lex.markers.get("definite", ()) if lex else ()
    p = behind(doc, start)
    if lower(doc, p) in definite:
        return True
    return p >= 0 and doc[p].text.isdigit() and lower(doc, behind(doc, p)) in definite


def _in_compound(doc: Sequence[Token], end: int) -> bool:
    """ "high-severity", "lower-cost": the words before ``end`` open a compound word."""
    last = doc[end - 1]
    glued = not last.whitespace_ and end + 1 < len(doc) and doc[end].text == "-"
    return glued and doc[end + 1].is_alpha and not doc[end].whitespace_


def _in_name_or_compound(doc: Sequence[Token], start: int, end: int) -> bool:
    """ "App Store", "high-severity", "lower-cost": part of a name or a compound word."""
    if _in_compound(doc, end):
        return True
    p = behind(doc, start)
    first = doc[start]
    return p >= 0 and first.is_title and doc[p].is_title and doc[p].is_alpha


def lead_verb(doc: Sequence[Token], lex: Lexicon) -> TextSpan | None:
    """The verb the element opens with, labelled by its class."""
    i = _first_word(doc, lex)
    if i >= len(doc) or cannot_start(doc, i, lex.verb_forms):
        return None
    for n in (3, 2, 1):
        if i + n > len(doc):
            continue
        phrase = " ".join(t.lower_ for t in doc[i : i + n] if not t.is_space)
        label = lex.verb_class(phrase) or lex.verb_class(text_of(doc, i, i + n).lower())
        if label:
            return span(doc, i, i + n, label)
    return None


def _first_word(doc: Sequence[Token], lex: Lexicon) -> int:
    i = ahead(doc, 0)
    # Bullets, numbering and labels such as "KR1:" or "1." before the text.
    while i < len(doc) and (doc[i].is_punct or doc[i].text in LEADING_JUNK or doc[i].like_num):
        i = ahead(doc, i + 1)
    if i + 1 < len(doc) and doc[i + 1].text == ":" and not doc[i].is_alpha:
        i = ahead(doc, i + 2)
    skipped = 0
    while i < len(doc) and skipped < 3:
        j = phrase_at(doc, i, lex.lead_skip, longest=3)
        if j == i:
            break
        i, skipped = ahead(doc, j), skipped + 1
    return i


def find_activity(
    doc,
    lex: Lexicon,
    matches: Matches,
    lead: TextSpan | None,
    has_number: bool,
    end: int,
    slots: bool = False,
):
    """An activity, deliverable or ritual rather than an outcome (``slots``: the element holds
    a placeholder)."""
    label = lead.label if lead is not None else ""
    if label == "activity" and _changed_by_the_task(doc, lex, matches, lead, end):
        return None  # "Make the lobby experience better", "Gjøre kundereisen i appen bedre"
    if label == "activity":
        return replace(lead, label="activity")
    ritual = find_ritual(doc, lex, matches, lead)
    if ritual is not None:
        return ritual
    done = _finished_task(doc, lex, lead, end)
    if done is not None:
        return done
    if label == "deliver":  # whether its count is output is ``output_count``'s to say
        return replace(lead, label="deliver")
    task = _opening_task(doc, lex, matches, lead)
    if task is not None:
        return task
    if label in ("change", "maintain") or (has_number and label != "achieve"):
        return None  # a change of a level is an outcome, whatever participle it holds
    if has_number:
        # "Get ISO 50001 certified at 6 pilot hotels", "Få på plass … i 42 apotek": a
        # certification or go-live reached, whatever its scope (whether a count is the
        # result is the rule's to say); deliverables and states need no number to be tasks
        return _milestone_word(doc, lex, matches, lead, end)
    found = _milestone(doc, lex, matches, lead, end)
    if found is None:  # "SMED workshops for all setters": an event or deliverable heads it
        return None if slots else _opening_task(doc, lex, matches, lead, bare=True)
    # "Fewer faults reported by drivers", "Better uptake by invited users": a change word
    # before it makes the element an outcome, whatever participle describes it
    changes = ("direction_up", "direction_down", "direction_better")
    if any(doc[s].idx < found.start for key in changes for s, _ in matches.get(key, ())):
        return None
    return found


def _changed_by_the_task(doc, lex: Lexicon, matches: Matches, lead: TextSpan, end: int) -> bool:
    """Whether the opening task verb states a change, however vaguely: a comparative that ends
    the statement ("Make the lobby experience better", "Gjøre kundereisen i appen bedre"), or
    one right after a verb that provides a service ("Tilby bedre opplæring", "Offer more
    flexible hours"). Then the element is a (vague) change, not a task. A comparative in the
    object of another verb ("Build a better website", "Write more guides") leaves it a task."""
    words = [i for i, t in enumerate(doc) if t.idx < end and not (t.is_punct or t.is_space)]
    if not words:
        return False
    after = [i for i in words if doc[i].idx >= lead.end]
    provides = lead.text.lower() in lex.provide_verbs
    for key in ("direction_up", "direction_down", "direction_better"):
        for s, e in matches.get(key, ()):
            if doc[s].idx < lead.end:
                continue
            if provides and after and s == after[0]:
                return True
            if e - 1 == words[-1] and len(after) > 2:
                return True
            # "Gjøre merkevaren mer kjent i Rogaland": the comparative after the object, not
            # in it ("Build a better portal", "Write more guides")
            before = behind(doc, s)
            if s in after[1:] and before in after and doc[before].is_alpha:
                return not doc[before].is_stop
    return False


def _milestone(doc, lex: Lexicon, matches: Matches, lead: TextSpan | None, end: int):
    """A milestone reached, in a key result with no number: a certification or go-live
    ("Get the lab certified", "generally available by May", "Bli sertifisert"), a deliverable
    as the opening verb's object ("Sign a framework agreement"), or the state of a finished
    task right after what it describes ("Kiosks live in every branch", "Rutinen ferdigstilt
    innen juni", "Mentors assigned to all teams")."""
    found = _milestone_word(doc, lex, matches, lead, end)
    if found is not None:
        return found
    deliverable = _opening_deliverable(doc, lex, matches, lead)
    if deliverable is not None:
        return deliverable
    states = {s: e for s, e in matches.get("milestone_states", ())}
    first = _first_word(doc, lex)
    for i, tok in enumerate(doc):
        if tok.idx >= end or i <= first:
            continue
        e = states.get(i)
        low = tok.lower_
        # a finished form of a task verb ("trained", "implementert"), not its base or present
        # form ("sets", "lager") or a gerund
        participle = low in _task_forms(lex) and low not in lex.activity_lemmas
        participle = participle and not low.endswith(("s", "ing", "er"))
        if e is None and not participle:
            continue
        if _after_a_noun(doc, i, lex) and _before_a_complement(doc, e or i + 1, lex):
            return span(doc, i, e or i + 1, "milestone")
    return None


def _milestone_word(doc, lex: Lexicon, matches: Matches, lead: TextSpan | None, end: int):
    """A certification, approval or go-live named in words ("certified", "på plass"), or as
    the end of a compound after an opening verb ("Få Lotcheck-godkjenning")."""
    found = [(s, e) for s, e in matches.get("milestones", ()) if doc[s].idx < end]
    if lead is not None:  # "Få Lotcheck-godkjenning", "Oppnå miljøsertifisering"
        found += [(i, i + 1) for i in _milestone_compounds(doc, lex, end)]
    if not found:
        return None
    s, e = min(found)
    return span(doc, s, e, "milestone")


def _milestone_compounds(doc: Sequence[Token], lex: Lexicon, end: int) -> list[int]:
    """Words that end in a milestone word, as the object of an opening verb:
    "Lotcheck-godkjenning", "FDA-approval", and, where the language joins compounds into one
    word, "miljøsertifisering"."""
    words = lex.markers.get("milestones", frozenset())
    found = []
    for i, tok in enumerate(doc):
        if tok.idx >= end or (not tok.is_alpha and "-" not in tok.text):
            continue
        low = tok.lower_
        hyphened = "-" in low.strip("-") and low.rsplit("-", 1)[1] in words
        joined = lex.compound_heads and any(
            low.endswith(w) and len(low) >= len(w) + 3 for w in words if " " not in w
        )
        if hyphened or joined:
            found.append(i)
    return found


def _task_forms(lex: Lexicon) -> frozenset[str]:
    return lex.verbs.get("activity", frozenset()) | lex.verbs.get("deliver", frozenset())


def _after_a_noun(doc: Sequence[Token], i: int, lex: Lexicon) -> bool:
    """Whether token i follows what it can describe: a content word, a name's number or a
    closing bracket ("Register (part 2) complete", "hall 4 completed"), not a
    pronoun or a verb ("who live")."""
    p = behind(doc, i)
    if p < 0:
        return False
    prev = doc[p]
    if prev.text == ")" or prev.text[:1].isdigit():
        return True
    return prev.is_alpha and not prev.is_stop and prev.lower_ not in lex.verb_forms


def _before_a_complement(doc: Sequence[Token], end: int, lex: Lexicon) -> bool:
    """Whether what follows token ``end`` closes a predicate: the end, a punctuation mark, a
    preposition or a deadline ("… completed by Q4", "… fjernet innen", "… live in all …")."""
    n = ahead(doc, end)
    if n >= len(doc) or doc[n].is_punct:
        return True
    low = doc[n].lower_
    return low in lex.prepositions or low in lex.deadline_markers or low in ("to", "til")


def _opening_deliverable(doc, lex: Lexicon, matches: Matches, lead: TextSpan | None):
    """A deliverable as the object of the opening verb, within its first three words ("Sign
    a supply agreement", "Signere leveringsavtale med …"); compounds by their head where the
    language writes them as one word."""
    if lead is None:
        return None
    words = lex.markers.get("deliverables", frozenset())
    listed = dict(matches.get("deliverables", ()))
    after = [i for i, t in enumerate(doc) if t.idx >= lead.end and t.is_alpha][:3]
    for i in after:
        low = doc[i].lower_
        compound = lex.compound_heads and any(
            low.endswith(w) and len(low) >= len(w) + 3 for w in words
        )
        if i in listed or compound:
            return span(doc, i, listed.get(i, i + 1), "milestone")
    return None


def _opening_task(doc, lex: Lexicon, matches: Matches, lead: TextSpan | None, bare=False):
    """A task named as a noun at the head of the opening phrase ("Door-to-door outreach to
    tenants …"), when no verb opens the element; in a ``bare`` element (no amount, no slot)
    also an event or a deliverable that heads it ("SMED workshops for all setters")."""
    if lead is not None:
        return None
    first = _first_word(doc, lex)
    nouns = {s: e for s, e in matches.get("activity_nouns", ())}
    states = {s for s, _ in matches.get("milestone_states", ())}
    i, seen, head = first, 0, -1
    while i < len(doc) and seen < 4:
        if i in nouns:
            return span(doc, i, nouns[i], "activity")
        tok = doc[i]
        if (tok.is_punct and tok.text != "-") or tok.lower_ in lex.prepositions or i in states:
            break
        if tok.lower_ in lex.rate_heads or tok.lower_ in lex.count_heads:
            head = -2  # "Andel utskrivningssamtaler …": a measure of events, not an event
        elif head != -2:
            head = i
        j = i + 1  # a word glued by hyphens is one word: "Door-to-door outreach"
        while j < len(doc) and not doc[j - 1].whitespace_ and j not in nouns:
            j += 1
        i, seen = ahead(doc, j), seen + 1
    if head < 0 or not bare:
        return None  # a count, a level or a slot: whether it measures is the rule's to say
    if any(key in matches for key in ("direction_up", "direction_down", "direction_better")):
        return None  # "Better breakfast", "Høyere oppmøte på øvelser": a (vague) change
    if _names_an_event_or_deliverable(doc, head, lex, matches):
        return span(doc, head, head + 1, "activity")
    return None


def _names_an_event_or_deliverable(doc, i: int, lex: Lexicon, matches: Matches) -> bool:
    """Whether token i, the head of an opening noun phrase with no number and no change word,
    names an event or a deliverable: "SMED workshops for all setters", "Oppstartsmøte med …",
    "Dreneringsplan for nordskiftet", "Backlog recovery plan approved by the board"."""
    if any(s == i for key in ("ritual_events", "deliverables") for s, _ in matches.get(key, ())):
        return True
    if not doc[i].is_alpha:
        return False
    low = doc[i].lower_
    heads = lex.markers.get("ritual_event_heads", frozenset())
    if lex.compound_heads:
        heads = heads | lex.markers.get("deliverables", frozenset())
    return any(low.endswith(h) and len(low) > len(h) + 2 for h in heads if " " not in h)


def output_count(
    doc: Sequence[Token], hits: Sequence[Hit], lex: Lexicon, lead, matches: Matches
) -> bool:
    """Whether a count measures output or gains rather than the scope of a task.

    After a task verb only a count in its object measures output, and only for verbs that
    produce something ("Lage tre nye helgepakker", "Build 3 dashboards"); after a deliverable
    verb the object's count is output ("Publish 12 case studies", "Hire 2 engineers"), for
    launch-like verbs only when it counts new things ("Lansere to nye funksjoner", not "Launch
    2 pilots"). A count in a prepositional phrase is the task's scope ("Launch a service in 5
    towns", "Starte kurs på tre nye steder"); durations, descriptions ("the 10 busiest
    stations") and determiners count nothing."""
    counts = [
        h
        for h in hits
        if h.quantity.kind is not QuantityKind.DURATION
        and not h.quantity.definite
        and not h.quantity.article
    ]
    if not counts:
        return False
    if lead is None:  # after a task noun heading the element a count is its scope
        task = _opening_task(doc, lex, matches, None)  # "Training for 40 new volunteers"
        return task is None or any(h.quantity.end <= task.start for h in counts)
    label = lead.label
    if label not in ("activity", "deliver") or any(h.quantity.end <= lead.start for h in counts):
        return True  # no task verb, or a number heads the statement ("0 open findings")
    verb = lead.text.lower()
    after = _past_coordinated_verbs(doc, lead, lex)
    k = _skip_limits(doc, after - 1, lex) if after < len(doc) else after
    objects = [h for h in counts if h.start in (after, k)]
    new = any(counts_new(doc, h, lex) for h in counts)
    if verb in lex.milestone_verbs:
        return any(counts_new(doc, h, lex) for h in objects)
    if label == "deliver":
        return bool(objects) or new  # "Hire and train 4 new nurses"
    return bool(objects) and verb in lex.produce_verbs


def object_count_is_output(doc: Sequence[Token], lex: Lexicon, lead, matches: Matches) -> bool:
    """What a count of the opening verb's object would measure, given anywhere (a target field,
    a table column): output after a deliverable verb ("Publish case studies") or a producing
    task verb ("Build dashboards"), after a launch-like verb only new things ("Launch new
    stores"); the scope of any other task ("Upgrade ticket machines"). With no opening verb, a
    count is output unless a task noun heads the element."""
    if lead is None:
        return _opening_task(doc, lex, matches, None) is None
    verb = lead.text.lower()
    if lead.label == "deliver":
        if verb not in lex.milestone_verbs:
            return True
        after = _past_coordinated_verbs(doc, lead, lex)
        return after < len(doc) and doc[after].lower_ in lex.markers.get("new_words", ())
    if lead.label == "activity":
        return verb in lex.produce_verbs
    return True


def _past_coordinated_verbs(doc: Sequence[Token], lead: TextSpan, lex: Lexicon) -> int:
    """The token after the opening verb and any verbs joined to it ("Hire and onboard …")."""
    k = next((i for i, t in enumerate(doc) if t.idx >= lead.end), len(doc))
    joiners = lex.markers["and"]
    while k < len(doc) and doc[k].lower_ in joiners:
        n = ahead(doc, k + 1)
        if n >= len(doc) or doc[n].lower_ not in lex.verb_forms:
            break
        k = ahead(doc, n + 1)
    return k


def find_ritual(doc, lex: Lexicon, matches: Matches, lead: TextSpan | None) -> TextSpan | None:
    """The frequency of a recurring ritual ("ukentlig", "every month"), whatever the verb."""
    label = lead.label if lead is not None else ""
    freq = [*matches.get("ritual_frequency", ()), *_every_period(doc, lex)]
    # "Reach a top-3 ranking in the monthly … report": a result, in somebody else's ritual
    if not freq or label in ("change", "maintain", "achieve"):
        return None
    events = matches.get("ritual_events", ()) or _compound_events(doc, lex)
    # "Lunch held monthly" is a ritual; in "5 design partners using it weekly" the base
    # form "design" is a noun, and the frequency describes the partners' usage.
    done = [i for i in _activity_forms(doc, lex) if doc[i].lower_ not in lex.activity_lemmas]
    s, e = min(freq)
    if label not in ("deliver", "activity") and _change_before(matches, s):
        return None  # "Growth in members attending the annual meeting": an outcome
    if events or done or label in ("deliver", "activity"):
        return span(doc, s, e, "ritual")
    return None


def _every_period(doc: Sequence[Token], lex: Lexicon) -> list[tuple[int, int]]:
    """ "at every shift start", "hver vakt", "each school holiday": "every"/"hver" and a period
    noun, with at most one word between, is a frequency too."""
    words = lex.markers.get("per_period_words", frozenset())
    periods = lex.markers.get("period_nouns", frozenset())
    found = []
    for i, tok in enumerate(doc):
        if tok.lower_ not in words or tok.lower_ == "per":
            continue
        n = ahead(doc, i + 1)
        for k in (n, ahead(doc, n + 1)):
            if k < len(doc) and doc[k].lower_ in periods:
                found.append((i, k + 1))
                break
    return found


def _change_before(matches: Matches, i: int) -> bool:
    """Whether a change word ("growth", "flere", "better") stands before token i."""
    keys = ("direction_up", "direction_down", "direction_better")
    return any(s < i for key in keys for s, _ in matches.get(key, ()))


EVENT_OBJECT_REACH = 4  # words after the verb that can still name its object


def held_event(doc, lex: Lexicon, matches: Matches, lead: TextSpan | None) -> TextSpan | None:
    """The event an opening activity verb holds: "Holde 4 informasjonsmøter", "Run 12 webinars",
    "Gjennomføre intervjuer med 20 brukere" (its object, before any punctuation)."""
    if lead is None or lead.label != "activity":
        return None
    first = next((i for i, t in enumerate(doc) if t.idx >= lead.end), len(doc))  # "Run" alone
    events = dict(matches.get("ritual_events", ()))
    events.update((i, i + 1) for i in _compound_events(doc, lex))
    i, seen = first, 0
    while i < len(doc) and seen < EVENT_OBJECT_REACH and not doc[i].is_punct:
        if i in events:
            return span(doc, i, events[i], "event")
        i, seen = ahead(doc, i + 1), seen + 1
    return None


def _compound_events(doc: Sequence[Token], lex: Lexicon) -> list[int]:
    """Compound event nouns: "morgenmøte", "5S-gjennomgang" (heads from the lexicon)."""
    heads = lex.markers.get("ritual_event_heads", frozenset())
    return [
        i
        for i, t in enumerate(doc)
        if t.is_alpha or "-" in t.text
        if any(t.lower_.endswith(h) and len(t.lower_) > len(h) + 2 for h in heads)
    ]


def _activity_forms(doc: Sequence[Token], lex: Lexicon) -> list[int]:
    forms = lex.verbs.get("activity", frozenset())
    return [i for i, t in enumerate(doc) if t.lower_ in forms]


def _finished_task(doc: Sequence[Token], lex: Lexicon, lead: TextSpan | None, end: int):
    """ "En plan er laget", "Workshop gjennomført": a finished task."""
    for i in _activity_forms(doc, lex):
        if i == ahead(doc, 0) or doc[i].idx >= end:
            continue
        p = behind(doc, i)
        n = ahead(doc, i + 1)
        # "help-centre articles": a word glued to a hyphen is part of a compound noun
        glued = n < len(doc) and doc[n].text == "-" and not doc[i].whitespace_
        last = n >= len(doc) or (doc[n].is_punct and not glued)
        # a base form at the end is as often a noun ("at the first review"), and so is a
        # present form ("on blue runs", "i alle leddene")
        low = doc[i].lower_
        participle = low not in lex.activity_lemmas and not low.endswith(("s", "ing", "er"))
        if doc[p].lower_ in lex.participle_markers or (last and lead is None and participle):
            return span(doc, i, i + 1, "activity")
    return None


def new_items(
    doc: Sequence[Token], hits: Sequence[Hit], lex: Lexicon, lead: TextSpan | None
) -> bool:
    """Counts of new things: "Ti nye blogginnlegg", "Hire 2 engineers", "Launch 3 features"."""
    if any(counts_new(doc, h, lex) for h in hits):
        return True
    if lead is None or lead.label != "deliver":
        return False
    return any(_is_count(h) for h in hits)


def business_as_usual(doc, matches: Matches, lead: TextSpan | None, before: int) -> TextSpan | None:
    if lead is not None and lead.label == "maintain":
        return lead
    found = [(s, e) for s, e in matches.get("business_as_usual", ()) if doc[s].idx < before]
    if not found:
        return None
    s, e = min(found)
    return span(doc, s, e, "maintain")


# ---- what the key-result rules need beyond the change itself -------------------------


def drop_articles(
    doc: Sequence[Token], hits: Sequence[Hit], lex: Lexicon, lead: TextSpan | None
) -> list[Hit]:
    """After an activity verb "en ny" is an article, not a count: "Lage en ny
    velkomstguide" is a task, while "Ansette en ny person" hires one."""
    if lead is None or lead.label != "activity":
        return list(hits)
    return [
        h
        for h in hits
        if not (
            h.word
            and h.end == h.start + 1
            and doc[h.start].lower_ in lex.weak_number_words
            and lower(doc, ahead(doc, h.end)) in lex.markers.get("new_words", frozenset())
        )
    ]


def direction_before_number(doc: Sequence[Token], hits: Sequence[Hit], lex: Lexicon):
    """ "Legacy pledges up 20%", "Cart abandonment down to 60%", "Omsetning opp 15 %".

    "up"/"down" say a direction only right before a measured amount, so that
    "sign up", "set up" and "follow up" never do. (+1/-1, span) or (0, None).
    """
    starts = {h.start: h for h in hits}
    to_words = lex.markers.get("to", frozenset())
    for sign, key in ((1, "direction_up_number"), (-1, "direction_down_number")):
        words = lex.markers.get(key, frozenset())
        for i, tok in enumerate(doc):
            if tok.lower_ not in words:
                continue
            n = ahead(doc, i + 1)
            if sign < 0 and n < len(doc) and doc[n].lower_ in to_words:
                n = ahead(doc, n + 1)  # "down to 60 %"; "up to" is a limit
            hit = starts.get(n)
            if hit is not None and (hit.quantity.kind is not QuantityKind.ABSOLUTE or n > i + 1):
                return sign, span(doc, i, i + 1)
    return 0, None


def direction_is_better(matches: Matches, direction_span: TextSpan | None, doc) -> bool:
    """Whether the direction word means "better" rather than "more" ("forbedre", "improve")."""
    if direction_span is None:
        return False
    return any(doc[s].idx == direction_span.start for s, _ in matches.get("direction_better", ()))


def complete_change(
    doc: Sequence[Token], hits: Sequence[Hit], lex: Lexicon, change: Change | None, direction: int
) -> Change | None:
    """The change with what ``find_change`` leaves out: a starting value without a
    target ("Reduce churn from 5 %"), a bare percentage next to from → to ("Grow
    revenue 30 % from €600K to €900K"), and the span of words that state it."""
    if change is None or (change.baseline is None and change.target is None):
        lone = _lone_baseline(doc, hits, lex, change, direction)
        if lone is not None:
            amount = change.amount if change is not None else None
            # "Increase the share from 20 %": the bare percentage is where it starts.
            amount = None if amount is not None and amount.start == lone.quantity.start else amount
            # "Listed in 1,200 stores (up from 450)": the level before the bracket is the target
            level = _level_before_bracket(doc, hits, lone.quantity, lex)
            target = level.quantity if level is not None and level.quantity is not amount else None
            change = Change(lone.quantity, target, amount)
    elif change.baseline is None and change.target is not None and direction != 0:
        # "target of 1,500 per associate, down from 1,650": the start after the target
        lone = _lone_baseline(doc, hits, lex, change, direction)
        if lone is not None and lone.quantity.start > change.target.start:
            start, end = lone.quantity, change.target
            if start.kind is QuantityKind.ABSOLUTE and not start.unit:
                start = with_unit(start, end)  # "300 hours …, down from 420": hours too
            if start.kind is end.kind and (start.unit or None) == (end.unit or None):
                change = replace(change, baseline=start)
    if change is None:
        return None
    ends = {q.start for q in (change.baseline, change.target) if q is not None}
    if change.amount is not None and change.amount.start in ends:  # "2x → 3x"
        change = replace(change, amount=None, amount_is_new=False)
    if change.amount is None and change.baseline is not None and change.target is not None:
        bare = next(
            (
                h
                for h in hits
                if h.quantity.kind is QuantityKind.PERCENT
                and h.quantity.end <= change.baseline.start
                and h.quantity.start not in ends  # "to 80 % (today 71 %)": the target first
                and direction != 0
            ),
            None,
        )
        if bare is not None:
            change = replace(change, amount=bare.quantity)
    return replace(change, span=_change_span(doc, hits, lex, change))


def _lone_baseline(
    doc: Sequence[Token], hits: Sequence[Hit], lex: Lexicon, change: Change | None, direction: int
) -> Hit | None:
    """ "fra 38 %", "from 20 days", "Øke antall sjåfører fra 10": a start with no target."""
    taken = set()
    if change is not None and change.amount is not None and change.amount_is_new:
        taken.add(change.amount.start)
    from_words, to_words = lex.markers.get("from", frozenset()), lex.markers.get("to", frozenset())
    for hit in hits:
        if hit.quantity.start in taken or hit.quantity.placeholder:
            continue
        if _marker_before(doc, hit, from_words, lex) < 0 or counts_new(doc, hit, lex):
            continue
        n = ahead(doc, hit.end)
        if n < len(doc) and doc[n].lower_ in to_words:
            continue
        rate = lex.markers.get("rate", frozenset())
        at_end = n >= len(doc) or doc[n].is_punct or doc[n].lower_ in rate  # "fra 40 per måned"
        if direction != 0 or hit.quantity.kind is not QuantityKind.ABSOLUTE or at_end:
            return hit
    return None


def _change_span(
    doc: Sequence[Token], hits: Sequence[Hit], lex: Lexicon, change: Change
) -> TextSpan | None:
    """From the first marker ("fra", "to", "med", "by") to the last number of the change."""
    by_start = {h.quantity.start: h for h in hits}
    parts = [q for q in (change.baseline, change.target, change.amount) if q is not None]
    chosen = [by_start[q.start] for q in parts if q.start in by_start]
    if not chosen:
        return None
    first = min(chosen, key=lambda h: h.start)
    last = max(chosen, key=lambda h: h.end)
    start = first.start
    for key in ("from", "to", "by"):
        marker = _marker_before(doc, first, lex.markers.get(key, frozenset()), lex)
        if marker >= 0:
            start = marker
            break
    return span(doc, start, last.end)


# ---- metric polarity ------------------------------------------------------------------

RATE, COUNT = "rate", "count"  # heads that pass to what they measure
METRIC_REACH = 8  # words of a metric's noun phrase that are read


def metric_polarity(
    doc: Tokens, hits: Sequence[Hit], lex: Lexicon, direction_span: TextSpan | None
) -> tuple[int, TextSpan | None]:
    """Which way is better for the metric a change word governs: +1 (higher), -1 (lower) or 0
    (the words do not say), and the word that says so.

    The metric is the noun phrase after an opening change word ("Improve average resolution
    time …") or before a later one ("Customer satisfaction improved …"). The last word of it
    with a polarity decides ("delivery time accuracy" is an accuracy); rate and count heads
    pass to their modifiers and complement ("defect rate", "the number of complaints"), and a
    rate with nothing to say is higher-better ("the share of forms filed online")."""
    if direction_span is None:
        return 0, None
    at = next((i for i, t in enumerate(doc) if t.idx == direction_span.start), None)
    if at is None:
        return 0, None
    end = at
    while end < len(doc) and doc[end].idx < direction_span.end:
        end += 1
    first = _first_word(doc, lex)
    starts = {h.start for h in hits}
    after = at <= first  # an opening change word governs what follows it
    words = _metric_words(doc, lex, end if after else first, starts, len(doc) if after else at)
    last: tuple[int, int, int] | None = None  # (polarity, start, end) of the deciding word
    rate: tuple[int, int] | None = None
    for s, e in words:
        kind = _word_polarity(text_of(doc, s, e).lower(), lex)
        if kind == RATE and rate is None:
            rate = (s, e)
        elif kind in (1, -1):
            last = (kind, s, e)
    if last is not None:
        return last[0], span(doc, last[1], last[2])
    if rate is not None:
        return 1, span(doc, rate[0], rate[1])
    return 0, None


def _metric_words(
    doc: Tokens, lex: Lexicon, i: int, numbers: set[int], stop: int
) -> list[tuple[int, int]]:
    """The words of the metric's noun phrase from token i: (start, end) of each word, tokens
    glued without a space being one word ("check-in", "on-time")."""
    stoppers = lex.change_words | lex.deadline_markers
    words: list[tuple[int, int]] = []
    i = ahead(doc, i)
    while i < min(stop, len(doc)) and len(words) < METRIC_REACH:
        if i in numbers or (doc[i].is_punct and doc[i].text not in ("-", "'", "’")):
            break
        j = i + 1
        while j < len(doc) and not doc[j - 1].whitespace_ and j not in numbers:
            if doc[j].is_punct and doc[j].text not in ("-", "'", "’"):
                break
            j += 1
        low = text_of(doc, i, j).lower()
        if low in lex.prepositions or low in stoppers:
            if low not in lex.complement_prepositions or not _counts_something(doc, words, lex):
                break
        else:
            words.append((i, j))
        i = ahead(doc, j)
    return words


def _counts_something(doc: Sequence[Token], words: list[tuple[int, int]], lex: Lexicon) -> bool:
    """Whether the metric so far is headed by a rate or a count ("the share", "antall …")."""
    return any(_word_polarity(text_of(doc, s, e).lower(), lex) in (RATE, COUNT) for s, e in words)


def _word_polarity(word: str, lex: Lexicon) -> int | str:
    """+1 / -1 for a word that says which way is better, RATE / COUNT for a head that passes
    to what it measures, 0 otherwise. Hyphenated words are read by their last part; Norwegian
    compounds by their head, and a rate or count head by the word it is joined to
    ("fraværsprosenten" is an absence rate)."""
    found = lex.polarity_words.get(word)
    if found is not None:
        return found
    if word in lex.rate_heads:
        return RATE
    if word in lex.count_heads:
        return COUNT
    if "-" in word.strip("-"):
        return _word_polarity(word.rstrip("-").rsplit("-", 1)[1], lex)
    if not lex.compound_heads:
        return 0
    head = _compound_head(word, lex)
    if head is None:  # "feilleveranser", "skadesaker": a bad first part makes a bad thing
        return -1 if _compound_modifier(word[:-3], lex) == -1 else 0
    found = _word_polarity(head, lex)
    if found in (RATE, COUNT):
        joined = _compound_modifier(word[: -len(head)], lex)
        return joined if joined else found
    return found


def _compound_head(word: str, lex: Lexicon) -> str | None:
    """The longest known metric word a compound ends with ("saksbehandlingstiden" -> "tiden")."""
    best = None
    for n in range(3, len(word) - 2):
        tail = word[n:]
        if tail in lex.polarity_words or tail in lex.rate_heads or tail in lex.count_heads:
            best = tail
            break  # the first hit from the left is the longest tail
    return best


def _compound_modifier(prefix: str, lex: Lexicon) -> int:
    """The polarity of the first part of a compound ("fraværs-", "feil-"), 0 when none."""
    for n in range(len(prefix), 3, -1):
        found = lex.polarity_words.get(prefix[:n])
        if found is not None:
            return found
    return 0
