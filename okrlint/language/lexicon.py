"""Language data: one YAML lexicon per language, shipped in ``okrlint.rules.lexicons``.

This module does not import spaCy. Lexicon entries are lower-cased; an entry
may list inflected forms separated by "/" ("øke/øker/økte/økt"), and every form
counts. Multi-word entries are kept as phrases (space-separated tokens).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from okrlint.errors import OkrlintError

SUPPORTED_LANGUAGES = ("en", "nb")


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

    # Cached: the number reader asks for these at nearly every token.
    @functools.cached_property
    def unit_phrases(self) -> frozenset[str]:
        """Every unit written after a number, as lower-case phrases."""
        return frozenset(
            set(self.percent_units)
            | set(self.currencies)
            | set(self.scaled_currencies)
            | set(self.durations)
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


def _section(data: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    value = data.get(name) or {}
    if not isinstance(value, Mapping):
        raise OkrlintError(f"lexicon section {name!r} must be a mapping")
    return value


def build_lexicon(data: Mapping[str, Any]) -> Lexicon:
    """Turn a parsed lexicon file into lookup tables."""
    numbers = _section(data, "numbers")
    units = _section(data, "units")
    deadlines = _section(data, "deadlines")
    markers = _section(data, "markers")
    verbs = _section(data, "verbs")
    verb_classes = ("change", "achieve", "deliver", "activity", "maintain")
    return Lexicon(
        lang=str(data.get("lang", "")),
        decimal_marks=frozenset(numbers.get("decimal_marks") or ["."]),
        thousands_comma=bool(numbers.get("thousands_comma")),
        thousands_dot=bool(numbers.get("thousands_dot")),
        number_words={k: float(v) for k, v in _forms_map(numbers.get("words")).items()},
        weak_number_words=_forms(numbers.get("weak_words")),
        medium_number_words=_forms(numbers.get("medium_words")),
        count_nouns=_forms(numbers.get("count_nouns")),
        scales={k: float(v) for k, v in _forms_map(numbers.get("scales")).items()},
        attached_scales={
            k: float(v) for k, v in _forms_map(numbers.get("attached_scales")).items()
        },
        percent_units=_forms(units.get("percent")),
        points_units=_forms(units.get("percent_points")),
        currencies={k: str(v) for k, v in _forms_map(units.get("currency")).items()},
        scaled_currencies={
            k: (str(v[0]), float(v[1])) for k, v in _forms_map(units.get("scaled_currency")).items()
        },
        currency_prefixes=_forms(units.get("currency_prefixes")),
        durations={k: str(v) for k, v in _forms_map(units.get("duration")).items()},
        multiplier_suffixes=_forms(units.get("multiplier_suffixes")),
        frequency_after=_forms(units.get("frequency_after")),
        multiplier_words={
            k: float(v) for k, v in _forms_map(units.get("multiplier_words")).items()
        },
        fraction_words={k: float(v) for k, v in _forms_map(units.get("fraction_words")).items()},
        label_words=_forms(data.get("label_words")),
        version_after=_forms(data.get("version_after")),
        months=_forms(data.get("months")),
        year_context=_forms(data.get("year_context")),
        time_nouns=_forms(data.get("time_nouns")),
        deadline_markers=_forms(deadlines.get("markers")),
        deadline_period_only=_forms(deadlines.get("period_only_markers")),
        deadline_fillers=_forms(deadlines.get("fillers")),
        deadline_duration_units=_forms(deadlines.get("duration_units")),
        markers={name: _forms(values) for name, values in markers.items()},
        verbs={name: _forms(verbs.get(name)) for name in verb_classes},
        participle_markers=_forms(verbs.get("participle_markers")),
        lead_skip=_forms(verbs.get("lead_skip")),
        purpose_verbs=_forms(verbs.get("purpose_verbs")),
        to_complement_heads=_forms(verbs.get("to_complement_heads")),
        detect_words=_forms(_section(data, "detect").get("extra_words")),
        raw=data,
        to_complement_openers=_forms(verbs.get("to_complement_openers")),
        activity_lemmas=_lemmas(verbs.get("activity")),
        rank_words=_forms(data.get("rank_words")),
        label_heads=_forms(data.get("label_heads")),
        standards=frozenset(str(s).strip() for s in data.get("standards") or () if str(s).strip()),
        metric_names=_forms(data.get("metric_names")),
        articles=_forms(numbers.get("articles")),
        frequency_words={
            k: float(v) for k, v in _forms_map(numbers.get("frequency_words")).items()
        },
        zero_words=_forms(numbers.get("zero_words")),
        zero_not_before=_forms(numbers.get("zero_not_before")),
        placeholder_words=_forms(_section(data, "placeholders").get("words")),
        idioms=_forms(numbers.get("idioms")),
        stand_ins=_forms(_section(data, "placeholders").get("stand_ins")),
        polarity_words=_polarity(_section(data, "polarity")),
        rate_heads=_forms(_section(data, "polarity").get("rate_heads")),
        count_heads=_forms(_section(data, "polarity").get("count_heads")),
        prepositions=_forms(_section(data, "polarity").get("prepositions")),
        complement_prepositions=_forms(_section(data, "polarity").get("complement_prepositions")),
        speed_words=_forms(_section(data, "polarity").get("speed")),
        compound_heads=bool(_section(data, "polarity").get("compound_heads")),
        finite_verbs=_forms(data.get("finite_verbs")),
        finite_ending=str(data.get("finite_ending") or ""),
        produce_verbs=_forms(verbs.get("produce")),
        milestone_verbs=_forms(verbs.get("milestone")),
    )


def _polarity(section: Mapping[str, Any]) -> dict[str, int]:
    """Metric words -> +1 (higher is better) or -1 (lower is better)."""
    found = {w: -1 for w in _forms(section.get("lower_better"))}
    found.update({w: 1 for w in _forms(section.get("higher_better"))})
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
    if not isinstance(data, Mapping):
        raise OkrlintError(f"the {lang} lexicon is not a mapping")
    return build_lexicon(data)
