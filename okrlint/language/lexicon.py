"""Language data: one YAML lexicon per language, shipped in ``okrlint.rules.lexicons``.

This module does not import spaCy. Lexicon entries are lower-cased; an entry
may list inflected forms separated by "/" ("øke/øker/økte/økt"), and every form
counts. Multi-word entries are kept as phrases (space-separated tokens).

Every key of a language file is read through one schema (``SCHEMA``): a key the schema does not
know, a key it names that the file lacks, or a value of the wrong shape is refused when the
file is loaded, with the file and the key named. Without it a misspelt key was an empty list,
and a rule quietly stopped firing in one language. Every language file has the same keys; an
empty list says "nothing in this language".
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from okrlint.errors import OkrlintError

SUPPORTED_LANGUAGES = ("en", "nb")

# The shapes a value may have.
WORDS = "a list"  # of words and phrases, "a/b/c" for the forms of one word
TABLE = "a mapping"  # from words ("a/b/c" keys) to values
FLAG = "true or false"
TEXT = "a string"

# The marker lists (``Lexicon.markers``): words and phrases that mark a part of a sentence.
MARKERS = (
    "direction_up",
    "direction_down",
    "direction_better",
    "direction_up_number",
    "direction_down_number",
    "limit_max",
    "limit_min",
    "relative_pronouns",
    "from",
    "to",
    "by",
    "or",
    "and",
    "rate",
    "target",
    "baseline",
    "baseline_after_break",
    "amount_before",
    "comparatives",
    "new_words",
    "definite",
    "definite_names",
    "degree_words",
    "bare_determiners",
    "per_period",
    "per_period_words",
    "period_nouns",
    "reason",
    "reason_after_comma",
    "reason_conjunctions",
    "reason_conjunctions_free",
    "reason_conjunction_not_after",
    "reason_not_after",
    "consequence_subjects",
    "vague",
    "vague_without_number",
    "vague_quality",
    "business_as_usual",
    "fixed_terms",
    "ritual_frequency",
    "ritual_events",
    "ritual_event_heads",
    "milestones",
    "milestone_states",
    "activity_nouns",
    "deliverables",
    "age_before",
    "age_after",
    "compare_as",
)

# Every key of a language file and the shape of its value; a section maps its own keys.
SCHEMA: dict[str, str | dict[str, str]] = {
    "lang": TEXT,
    "numbers": {
        "decimal_marks": WORDS,
        "thousands_comma": FLAG,
        "thousands_dot": FLAG,
        "words": TABLE,
        "weak_words": WORDS,
        "medium_words": WORDS,
        "count_nouns": WORDS,
        "scales": TABLE,
        "attached_scales": TABLE,
        "articles": WORDS,
        "frequency_words": TABLE,
        "zero_words": WORDS,
        "zero_not_before": WORDS,
        "idioms": WORDS,
    },
    "units": {
        "percent": WORDS,
        "percent_points": WORDS,
        "currency": TABLE,
        "scaled_currency": TABLE,
        "currency_prefixes": WORDS,
        "duration": TABLE,
        "measure": TABLE,
        "multiplier_suffixes": WORDS,
        "frequency_after": WORDS,
        "multiplier_words": TABLE,
        "fraction_words": TABLE,
    },
    "label_words": WORDS,
    "rank_words": WORDS,
    "label_heads": WORDS,
    "standards": WORDS,
    "metric_names": WORDS,
    "version_after": WORDS,
    "months": WORDS,
    "year_context": WORDS,
    "time_nouns": WORDS,
    "deadlines": {
        "markers": WORDS,
        "period_only_markers": WORDS,
        "fillers": WORDS,
        "duration_units": WORDS,
    },
    "placeholders": {"words": WORDS, "stand_ins": WORDS},
    "polarity": {
        "lower_better": WORDS,
        "higher_better": WORDS,
        "rate_heads": WORDS,
        "count_heads": WORDS,
        "prepositions": WORDS,
        "complement_prepositions": WORDS,
        "speed": WORDS,
        "compound_heads": FLAG,
    },
    "finite_verbs": WORDS,
    "finite_ending": TEXT,
    "markers": dict.fromkeys(MARKERS, WORDS),
    "verbs": {
        "change": WORDS,
        "achieve": WORDS,
        "deliver": WORDS,
        "activity": WORDS,
        "maintain": WORDS,
        "produce": WORDS,
        "milestone": WORDS,
        "provide": WORDS,
        "participle_markers": WORDS,
        "lead_skip": WORDS,
        "purpose_verbs": WORDS,
        "to_complement_heads": WORDS,
        "to_complement_openers": WORDS,
    },
    "detect": {"extra_words": WORDS},
}
_SHAPES = {WORDS: list, TABLE: Mapping, FLAG: bool, TEXT: str}


def check_schema(data: Any, source: str) -> None:
    """Refuse a lexicon whose keys or shapes differ from ``SCHEMA``, naming the key."""
    _check_keys(data, SCHEMA, source, "")


def _check_keys(data: Any, schema: Mapping[str, Any], source: str, prefix: str) -> None:
    if not isinstance(data, Mapping):
        raise OkrlintError(f"lexicon {prefix.rstrip('.') or 'file'} must be a mapping", source)
    for key in data:
        if key not in schema:
            raise OkrlintError(f"unknown lexicon key '{prefix}{key}'", source)
    for key, shape in schema.items():
        if key not in data:
            raise OkrlintError(f"missing lexicon key '{prefix}{key}'", source)
        value = data[key]
        if isinstance(shape, Mapping):
            _check_keys(value, shape, source, f"{prefix}{key}.")
        elif not isinstance(value, _SHAPES[shape]):
            raise OkrlintError(f"lexicon key '{prefix}{key}' must be {shape}", source)


class Markers(dict[str, frozenset[str]]):
    """The marker lists by name (``MARKERS``), every one present. Asking for a name the schema
    does not know is a mistake in the code, not an empty list: it raises ``KeyError``."""

    def get(self, name: str, default: Any = None) -> frozenset[str]:  # type: ignore[override]
        return self[name]

    def __missing__(self, name: str) -> frozenset[str]:
        raise KeyError(f"no marker list {name!r} in the lexicon schema")


def _forms(entries: Iterable[Any]) -> frozenset[str]:
    """Expand "a/b/c" entries into their forms, lower-cased."""
    out: set[str] = set()
    for entry in entries or ():
        for form in str(entry).split("/") if "/" in str(entry).strip("/") else [str(entry)]:
            form = form.strip().lower()
            if form:
                out.add(form)
    return frozenset(out)


def _forms_map(mapping: Mapping[Any, Any] | None) -> dict[str, Any]:
    """Expand the keys of a {"a/b/c": value} mapping."""
    out: dict[str, Any] = {}
    for key, value in (mapping or {}).items():
        for form in _forms([key]):
            out[form] = value
    return out


@dataclass(frozen=True)
class Lexicon:
    """A language's data, ready for lookups (all keys lower-case)."""

    lang: str
    decimal_marks: frozenset[str]
    thousands_comma: bool
    thousands_dot: bool
    number_words: Mapping[str, float]
    weak_number_words: frozenset[str]
    medium_number_words: frozenset[str]
    count_nouns: frozenset[str]
    scales: Mapping[str, float]
    attached_scales: Mapping[str, float]
    percent_units: frozenset[str]
    currencies: Mapping[str, str]
    scaled_currencies: Mapping[str, tuple[str, float]]
    currency_prefixes: frozenset[str]
    durations: Mapping[str, str]
    multiplier_suffixes: frozenset[str]
    frequency_after: frozenset[str]
    multiplier_words: Mapping[str, float]
    fraction_words: Mapping[str, float]  # "a third", "en tredjedel": a share, in percent
    label_words: frozenset[str]
    version_after: frozenset[str]
    months: frozenset[str]
    year_context: frozenset[str]
    time_nouns: frozenset[str]
    deadline_markers: frozenset[str]
    deadline_period_only: frozenset[str]
    deadline_fillers: frozenset[str]
    deadline_duration_units: frozenset[str]
    markers: Mapping[str, frozenset[str]]
    verbs: Mapping[str, frozenset[str]]
    participle_markers: frozenset[str]
    lead_skip: frozenset[str]
    purpose_verbs: frozenset[str]
    to_complement_heads: frozenset[str]
    detect_words: frozenset[str]
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False)
    # Percent units that mean percentage points ("prosentpoeng", "pp"): unit "pp", not "%".
    points_units: frozenset[str] = frozenset()
    # "the easiest tool to set up": words that make a later "to + verb" a complement
    to_complement_openers: frozenset[str] = frozenset()
    # The first form of each activity verb entry ("design" of "design/designs/designed"):
    # mid-sentence it is as often a noun ("enterprise design partners") as a verb.
    activity_lemmas: frozenset[str] = frozenset()
    # What a number is (see ``numbers``): words before a rank ("#", "nr."), heads of compound
    # label words ("utførelsesklasse"), standards as written ("ISO", "EN"), metric names whose
    # number is a level ("NPS 45")
    rank_words: frozenset[str] = frozenset()
    label_heads: frozenset[str] = frozenset()
    standards: frozenset[str] = frozenset()
    metric_names: frozenset[str] = frozenset()
    # Determiners that count only in context: articles (one per period), "once"/"twice"
    # (before a period), "no"/"ingen" + noun (zero)
    articles: frozenset[str] = frozenset()
    frequency_words: Mapping[str, float] = field(default_factory=dict)
    zero_words: frozenset[str] = frozenset()
    zero_not_before: frozenset[str] = frozenset()
    # Words that hold a place in brackets ("[target]", "[antall]") and the labels of numbered
    # stand-ins ("Key result 4", "Nøkkelresultat n")
    placeholder_words: frozenset[str] = frozenset()
    stand_ins: frozenset[str] = frozenset()
    # Idioms with a number word in them ("double down", "satse dobbelt")
    idioms: frozenset[str] = frozenset()
    # Metric polarity (see ``clauses.metric_polarity``): word -> +1 (higher is better) or -1
    # (lower is better); heads that pass to what they measure (rates default to +1); the
    # prepositions that end a metric's noun phrase; whether compounds put their head last.
    polarity_words: Mapping[str, int] = field(default_factory=dict)
    rate_heads: frozenset[str] = frozenset()
    count_heads: frozenset[str] = frozenset()
    prepositions: frozenset[str] = frozenset()
    complement_prepositions: frozenset[str] = frozenset()
    speed_words: frozenset[str] = frozenset()
    compound_heads: bool = False
    # Reason clauses (see ``clauses.find_reason``): finite verbs, and the present-tense ending
    # that marks one after a subject ("slipper")
    finite_verbs: frozenset[str] = frozenset()
    finite_ending: str = ""
    # Task verbs whose counted object is output ("Lage tre nye helgepakker"), and deliverable
    # verbs that count output only when it is new ("Lansere to nye funksjoner")
    produce_verbs: frozenset[str] = frozenset()
    milestone_verbs: frozenset[str] = frozenset()
    # Task verbs that provide a service ("Tilby", "Offer"): a comparative right after one is a
    # vague change of what is provided ("Tilby bedre opplæring"), not a task
    provide_verbs: frozenset[str] = frozenset()
    # Units of measure after a number ("7.5 L", "2.4 MWp", "40 tonn"): a count of that unit
    measures: Mapping[str, str] = field(default_factory=dict)

    # Cached: the number reader asks for these at nearly every token.
    @functools.cached_property
    def unit_phrases(self) -> frozenset[str]:
        """Every unit written after a number, as lower-case phrases."""
        return frozenset(
            set(self.percent_units)
            | set(self.currencies)
            | set(self.scaled_currencies)
            | set(self.durations)
            | set(self.measures)
        )

    @functools.cached_property
    def units_or_multipliers(self) -> frozenset[str]:
        """``unit_phrases`` and ``multiplier_suffixes`` together."""
        return self.unit_phrases | self.multiplier_suffixes

    @functools.cached_property
    def limit_words(self) -> frozenset[str]:
        """The ``limit_max`` and ``limit_min`` markers together ("maks", "at least")."""
        return self.markers.get("limit_max", frozenset()) | self.markers.get(
            "limit_min", frozenset()
        )

    @functools.cached_property
    def verb_forms(self) -> frozenset[str]:
        """Every form of every verb class."""
        return frozenset().union(*self.verbs.values())

    @functools.cached_property
    def purpose_verb_forms(self) -> frozenset[str]:
        """Verbs that may follow a purpose "to" ("… to prove", "… to grow")."""
        return self.purpose_verbs | self.verb_forms

    @functools.cached_property
    def change_words(self) -> frozenset[str]:
        """Words before a number that make it part of a change ("fra", "to", "by", "maks")."""
        keys = ("from", "to", "by", "limit_max", "limit_min")
        return frozenset().union(*(self.markers.get(key, frozenset()) for key in keys))

    @functools.cached_property
    def _verb_labels(self) -> dict[str, str]:
        """Verb form -> its class; a form in two classes keeps the first one listed."""
        labels: dict[str, str] = {}
        for label, forms in self.verbs.items():
            for form in forms:
                labels.setdefault(form, label)
        return labels

    def verb_class(self, phrase: str) -> str | None:
        return self._verb_labels.get(phrase)


def build_lexicon(data: Mapping[str, Any], source: str = "lexicon") -> Lexicon:
    """Turn a parsed lexicon file into lookup tables, once it has passed ``check_schema``."""
    check_schema(data, source)
    numbers = data["numbers"]
    units = data["units"]
    deadlines = data["deadlines"]
    markers = data["markers"]
    verbs = data["verbs"]
    placeholders = data["placeholders"]
    polarity = data["polarity"]
    verb_classes = ("change", "achieve", "deliver", "activity", "maintain")
    return Lexicon(
        lang=str(data["lang"]),
        decimal_marks=frozenset(numbers["decimal_marks"]),
        thousands_comma=bool(numbers["thousands_comma"]),
        thousands_dot=bool(numbers["thousands_dot"]),
        number_words={k: float(v) for k, v in _forms_map(numbers["words"]).items()},
        weak_number_words=_forms(numbers["weak_words"]),
        medium_number_words=_forms(numbers["medium_words"]),
        count_nouns=_forms(numbers["count_nouns"]),
        scales={k: float(v) for k, v in _forms_map(numbers["scales"]).items()},
        attached_scales={k: float(v) for k, v in _forms_map(numbers["attached_scales"]).items()},
        percent_units=_forms(units["percent"]),
        points_units=_forms(units["percent_points"]),
        currencies={k: str(v) for k, v in _forms_map(units["currency"]).items()},
        scaled_currencies={
            k: (str(v[0]), float(v[1])) for k, v in _forms_map(units["scaled_currency"]).items()
        },
        currency_prefixes=_forms(units["currency_prefixes"]),
        durations={k: str(v) for k, v in _forms_map(units["duration"]).items()},
        multiplier_suffixes=_forms(units["multiplier_suffixes"]),
        frequency_after=_forms(units["frequency_after"]),
        multiplier_words={k: float(v) for k, v in _forms_map(units["multiplier_words"]).items()},
        fraction_words={k: float(v) for k, v in _forms_map(units["fraction_words"]).items()},
        label_words=_forms(data["label_words"]),
        version_after=_forms(data["version_after"]),
        months=_forms(data["months"]),
        year_context=_forms(data["year_context"]),
        time_nouns=_forms(data["time_nouns"]),
        deadline_markers=_forms(deadlines["markers"]),
        deadline_period_only=_forms(deadlines["period_only_markers"]),
        deadline_fillers=_forms(deadlines["fillers"]),
        deadline_duration_units=_forms(deadlines["duration_units"]),
        markers=Markers({name: _forms(values) for name, values in markers.items()}),
        verbs={name: _forms(verbs[name]) for name in verb_classes},
        participle_markers=_forms(verbs["participle_markers"]),
        lead_skip=_forms(verbs["lead_skip"]),
        purpose_verbs=_forms(verbs["purpose_verbs"]),
        to_complement_heads=_forms(verbs["to_complement_heads"]),
        detect_words=_forms(data["detect"]["extra_words"]),
        raw=data,
        to_complement_openers=_forms(verbs["to_complement_openers"]),
        activity_lemmas=_lemmas(verbs["activity"]),
        rank_words=_forms(data["rank_words"]),
        label_heads=_forms(data["label_heads"]),
        standards=frozenset(str(s).strip() for s in data["standards"] if str(s).strip()),
        metric_names=_forms(data["metric_names"]),
        articles=_forms(numbers["articles"]),
        frequency_words={k: float(v) for k, v in _forms_map(numbers["frequency_words"]).items()},
        zero_words=_forms(numbers["zero_words"]),
        zero_not_before=_forms(numbers["zero_not_before"]),
        placeholder_words=_forms(placeholders["words"]),
        idioms=_forms(numbers["idioms"]),
        stand_ins=_forms(placeholders["stand_ins"]),
        polarity_words=_polarity(polarity),
        rate_heads=_forms(polarity["rate_heads"]),
        count_heads=_forms(polarity["count_heads"]),
        prepositions=_forms(polarity["prepositions"]),
        complement_prepositions=_forms(polarity["complement_prepositions"]),
        speed_words=_forms(polarity["speed"]),
        compound_heads=bool(polarity["compound_heads"]),
        finite_verbs=_forms(data["finite_verbs"]),
        finite_ending=str(data["finite_ending"]),
        produce_verbs=_forms(verbs["produce"]),
        milestone_verbs=_forms(verbs["milestone"]),
        provide_verbs=_forms(verbs["provide"]),
        measures={k: str(v) for k, v in _forms_map(units["measure"]).items()},
    )


def _polarity(section: Mapping[str, Any]) -> dict[str, int]:
    """Metric words -> +1 (higher is better) or -1 (lower is better)."""
    found = {w: -1 for w in _forms(section["lower_better"])}
    found.update({w: 1 for w in _forms(section["higher_better"])})
    return found


def _lemmas(entries: Iterable[Any]) -> frozenset[str]:
    """The first form of each "a/b/c" entry, lower-cased."""
    return frozenset(str(e).split("/")[0].strip().lower() for e in entries or () if str(e).strip())


@functools.cache
def load_lexicon(lang: str) -> Lexicon:
    """The lexicon for ``lang`` ("en" or "nb"), read once per process."""
    if lang not in SUPPORTED_LANGUAGES:
        choices = ", ".join(SUPPORTED_LANGUAGES)
        raise OkrlintError(f"unsupported language {lang!r} (choose from {choices})")
    # Imported here: 'okrlint rules' and 'explain' load the rules, never a lexicon.
    from importlib import resources

    import yaml

    resource = resources.files("okrlint.rules.lexicons").joinpath(f"{lang}.yaml")
    # libyaml's parser when present: the same data, read ten times faster.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(resource.read_text(encoding="utf-8"), Loader=loader)
    except (OSError, yaml.YAMLError) as exc:
        raise OkrlintError(f"could not read the {lang} lexicon: {exc}") from exc
    return build_lexicon(data, f"lexicons/{lang}.yaml")


def read_lexicon(path: str | os.PathLike[str]) -> Lexicon:
    """A lexicon file by its path (a language file being written, or a copy), through the
    same schema."""
    import yaml

    try:
        with open(path, encoding="utf-8") as f:
            data = yaml.safe_load(f)
    except (OSError, yaml.YAMLError) as exc:
        raise OkrlintError(f"could not read the lexicon: {exc}", str(path)) from exc
    return build_lexicon(data, str(path))
