"""What the language layer tells rules about one element's text.

This module must not import spaCy: rules import it. All offsets are character
offsets into ``Analysis.text`` (start inclusive, end exclusive).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class QuantityKind(StrEnum):
    ABSOLUTE = "absolute"  # 200, "ti", "1 000 nye følgere"
    PERCENT = "percent"  # 30 %, 15 prosent, 20 percent
    CURRENCY = "currency"  # 1 500 kr, $2M, 5 mill. NOK
    MULTIPLIER = "multiplier"  # 2x, doble, halve, tredoble
    DURATION = "duration"  # 5 minutter, 24 timer, 3 days


# The normalised duration units in minutes: "48 timer" compares with "2 dager", and "4 min
# 30 s" is one duration.
DURATION_MINUTES = {"s": 1 / 60, "min": 1, "h": 60, "day": 1440, "week": 10080, "month": 43200}


class NumberKind(StrEnum):
    """What a number-like token is, in context. Only quantities measure anything."""

    QUANTITY = "quantity"  # 200, "ti", "30 %", "1 500 kr", "null", "ingen" + noun
    DATE = "date"  # a date, deadline, period, year or time of day: "by Q3", "1. juni", "2026"
    IDENTIFIER = "identifier"  # a version, standard, reference, name, tier or level
    ORDINAL = "ordinal"  # an ordinal or a rank: "3. kvartal", "#1", "nr. 1"
    PLACEHOLDER = "placeholder"  # a slot for a number: "x", "TBD", "[target]", "$X", "??"
    WORD = "word"  # a number word that is something else here: an article, part of a name


@dataclass(frozen=True, slots=True)
class NumberReading:
    """One number-like token (or phrase) and what the language layer decided it is, why."""

    start: int
    end: int
    text: str
    kind: NumberKind
    reason: str  # readable: "a version of «SAML»", "a deadline («by Q3»)", "a percentage"


@dataclass(frozen=True, slots=True)
class TextSpan:
    start: int
    end: int
    text: str
    label: str = ""


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number that measures something.

    Years, quarters, dates, versions, ordinals and deadlines ("innen to
    måneder", "by Q3") are *not* quantities and never appear here.
    ``value`` is None for a placeholder ("x", "XX %", "TBD").
    """

    value: float | None
    kind: QuantityKind
    start: int
    end: int
    text: str
    unit: str | None = None  # normalised: "%", "kr", "usd", "eur", "min", "h", "day", ...
    placeholder: bool = False
    # after a definite word it describes, it sets no target: "in the 20 largest stores"
    definite: bool = False
    scale: float = 1.0
    # read from a determiner, not a number: the article in "et møte per kvartal" (one per
    # period) or "ingen"/"no" + noun (zero as the target level)
    article: bool = False  # the scale written with it: 1e6 for "2 mill.", "$2M", "5 MNOK"


@dataclass(frozen=True, slots=True)
class Change:
    """A stated change: from -> to, or an amount ("med 15 %", "by 20%", "doble")."""

    baseline: Quantity | None = None  # "fra 100", "from 5 %"
    target: Quantity | None = None  # "til 200", "to 3 %"
    amount: Quantity | None = None  # "med 15 %", "by 20 %", "40 % høyere", "2x", "doble"
    # an increment of a count: "1 000 nye følgere", "20 more customers"
    amount_is_new: bool = False
    # the words that state the change, marker included: "med 15 %", "to 50", "fra 100 til 200"
    span: TextSpan | None = None
    # a metric taken "to" a level with no verb at all: "Bay utilisation to 85 %"
    reached: bool = False


@dataclass(frozen=True, slots=True)
class Analysis:
    lang: str
    text: str
    words: tuple[str, ...] = ()  # lower-cased tokens, punctuation dropped
    quantities: tuple[Quantity, ...] = ()
    change: Change | None = None
    direction: int = 0  # +1 increase, -1 decrease, 0 none stated
    direction_span: TextSpan | None = None  # the word that states it ("øke", "redusert", "cut")
    # the direction word means "better", not "more" ("forbedre", "improve", "raskere"): its
    # numbers may go either way ("forbedret responstid fra 48 til 24 timer")
    direction_better: bool = False
    # which way is better for the metric the change word governs, from its words: +1 higher
    # ("satisfaction", "andelen …"), -1 lower ("waiting time", "reklamasjonskostnadene"), 0
    # when they do not say; read for "better" words only
    polarity: int = 0
    polarity_span: TextSpan | None = None  # the word that says so
    limit: TextSpan | None = None  # "maks", "minst", "at least", "under" (label "max"/"min")
    deadlines: tuple[TextSpan, ...] = ()  # "innen to måneder", "by Q3", "før Q4"
    reason: TextSpan | None = None  # the reason / purpose clause, from its marker on
    vague: tuple[TextSpan, ...] = ()  # "flere", "mange", "more", "significant"
    placeholders: tuple[TextSpan, ...] = ()  # "x", "y", "TBD", "XX %", "[N]", "???"
    lead_verb: TextSpan | None = None  # the verb the element opens with, label = its class
    activity: TextSpan | None = None  # an activity / deliverable / ritual marker
    # the frequency of a recurring ritual ("ukentlig", "every month"), even when
    # ``activity`` names the opening verb ("Hold weekly meetings")
    ritual: TextSpan | None = None
    # the event an opening activity verb holds ("Holde 4 informasjonsmøter", "Run 12 webinars"):
    # its count is of events held, not of results
    event: TextSpan | None = None
    business_as_usual: TextSpan | None = None  # "maintain", "opprettholde", "fortsette"
    new_items: bool = False  # counts of new things: "Ti nye blogginnlegg", "Hire 2 engineers"
    # a count that measures output or gains, not the scope of a task: "Lage fire nye
    # kurspakker", "Publish 10 guides", "Få 300 nye medlemmer"; not "Oppgradere 80 gatelys",
    # "Launch a service in 5 towns", "Launch 2 pilots" (a launch counts only new things)
    output_count: bool = False
    # what a count of the opening verb's object would measure, wherever it is given (a target
    # field, a table column): output ("Publish case studies", "Hire nurses", no verb at all),
    # or the scope of a task ("Upgrade ticket machines", "Launch hubs")
    count_is_output: bool = True
    statement_words: int = 0  # words before the reason clause (the statement's own length)
    # every number-like token and what it is ("SAML 2.0": an identifier), in text order
    numbers: tuple[NumberReading, ...] = ()

    @property
    def has_number(self) -> bool:
        return any(not q.placeholder for q in self.quantities)
