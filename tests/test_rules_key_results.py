"""The key-result rules OKR201-OKR210 as a user meets them: on the seed article's own key
results, with the hints they print, their options, and the structure they read."""

from __future__ import annotations

from pathlib import Path

import pytest

from okrlint.config import Config
from okrlint.engine import ActiveRule, run_rules, select_rules
from okrlint.model import Document, Finding, KeyResult, Objective, Severity, Span
from okrlint.readers import read_document
from okrlint.registry import builtin_rules
from okrlint.rule import RuleContext

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "okr-eksempler-for-din-bedrift.txt"
RULES = {rule.code: rule for rule in builtin_rules()}
HOLDER = {
    "nb": "Bli kundenes førstevalg i regionen, fordi vi vil vokse lønnsomt",
    "en": "Become our customers' first choice in the region, because we want to grow profitably",
}


def findings(text: str, lang: str = "nb", **options) -> list[Finding]:
    """Every default rule's findings for one key result under a clean objective.

    ``options`` are set on the rule they name: ``OKR207={"tolerance": 0.5}``.
    """
    kr = KeyResult(text, Span(2, 3, 2, 3 + len(text)))
    objective = Objective(HOLDER[lang], Span(1, 1, 1, 2), key_results=(kr,))
    doc = Document("okrs.txt", "text", (objective,), language=lang)
    active = [
        ActiveRule(item.rule, item.severity, {**item.options, **options.get(item.rule.code, {})})
        for item in select_rules(list(RULES.values()), Config())
    ]
    return [f for f in run_rules([doc], active, Config()) if f.element == "key_result"]


def codes(text: str, lang: str = "nb") -> set[str]:
    return {f.code for f in findings(text, lang)}


# The key-result codes of the judgement spec, and those of them about numbers and levels.
SPEC_CODES = frozenset(
    {"OKR201", "OKR202", "OKR203", "OKR204", "OKR205", "OKR206", "OKR207", "OKR208"}
)
NUMBER_CODES = SPEC_CODES - {"OKR202", "OKR208"}


def spec_codes(text: str, lang: str = "nb", among: frozenset[str] = SPEC_CODES) -> set[str]:
    """The codes ``among`` the judgement spec's that the key result gets."""
    return codes(text, lang) & among


def one(text: str, code: str, lang: str = "nb", **options) -> Finding:
    found = [f for f in findings(text, lang, **options) if f.code == code]
    assert len(found) == 1, f"{code} should flag {text!r} once, got {found}"
    return found[0]


def highlighted(finding: Finding) -> str:
    assert finding.highlight is not None, f"{finding.code} gives no highlight"
    start, end = finding.highlight
    return finding.text[start:end]


# --- the seed article ------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_lines() -> list[str]:
    if not SEED.exists():
        pytest.skip("the seed article (shared/seed) is not next to this checkout")
    return [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()]


def _bullets_after(lines: list[str], heading: str) -> list[str]:
    """The bullet items of the list that follows ``heading`` in the article."""
    start = lines.index(heading) + 1
    items: list[str] = []
    for line in lines[start:]:
        if line.startswith("•"):
            items.append(line.lstrip("• ").strip())
        elif line and items:
            break
    return items


def _seed_key_result(lines: list[str], words: str) -> str:
    found = [line.lstrip("• ").strip() for line in lines if line.startswith("•") and words in line]
    assert len(found) == 1, f"the seed article should have one bullet with {words!r}"
    return found[0]


def test_every_bad_seed_key_result_is_flagged_as_not_measurable(seed_lines) -> None:
    bad = _bullets_after(seed_lines, "Eksempler på dårlige key results")
    assert len(bad) == 5
    for text in bad:
        assert "OKR201" in codes(text), text


def test_the_seed_calls_many_followers_subjective(seed_lines) -> None:
    text = _seed_key_result(seed_lines, "mange følgere")
    finding = one(text, "OKR202")
    assert highlighted(finding) == "mange"


def test_the_seeds_40_percent_that_is_50_percent(seed_lines) -> None:
    text = _seed_key_result(seed_lines, "40 % høyere")
    finding = one(text, "OKR207")
    assert finding.severity is Severity.ERROR
    assert "+50 %" in finding.message and "+40 %" in finding.message
    assert "140 000 kr" in finding.suggestion  # what +40 % from 100 000 kr would give
    assert highlighted(finding) == "40 %"


def test_the_seeds_unfinished_nps_key_result_is_a_placeholder(seed_lines) -> None:
    text = _seed_key_result(seed_lines, "fra x til y")
    finding = one(text, "OKR205")
    assert highlighted(finding) == "x"
    assert "OKR201" not in codes(text)


@pytest.mark.parametrize("words", ["fra 100 til 200", "fra ti til fem minutter"])
def test_the_seeds_good_key_results_raise_no_error(seed_lines, words: str) -> None:
    text = _seed_key_result(seed_lines, words)
    errors = [f for f in findings(text) if f.severity is Severity.ERROR]
    assert errors == []


def test_the_seeds_coaching_ritual_is_an_activity(seed_lines) -> None:
    text = _seed_key_result(seed_lines, "Ukentlig coaching")
    assert "OKR208" in codes(text)


def test_every_seed_key_result_with_from_to_and_no_slip_is_free_of_errors(seed_lines) -> None:
    """The article's from → to key results are its model answers; only the two it gets
    wrong (40 % vs +50 %, and 'x til y') may raise an error."""
    document = read_document("seed.txt", SEED.read_text(encoding="utf-8"), language="nb")
    active = select_rules(list(RULES.values()), Config())
    errors = [
        f
        for f in run_rules(document, active, Config())
        if f.severity is Severity.ERROR and f.element == "key_result" and " til " in f.text
    ]
    assert sorted(f.code for f in errors) == ["OKR205", "OKR207"]


# --- hints quote the user's words --------------------------------------------------------


def test_missing_baseline_hint_rewrites_the_key_result() -> None:
    finding = one("Økt eNPS med 15 %", "OKR203")
    assert finding.suggestion == "add the starting value: «Økt eNPS fra X til …»"
    english = one("Increase NPS to 50", "OKR203", "en")
    assert "'Increase NPS from X to 50'" in english.suggestion


def test_missing_target_hint_keeps_the_users_start() -> None:
    finding = one("Reduce churn from 5% in the SMB segment", "OKR204", "en")
    assert "'Reduce churn from 5% to Y'" in finding.suggestion
    assert highlighted(finding) == "5%"


def test_direction_mismatch_names_the_verb_and_the_numbers() -> None:
    finding = one("Redusere ventetid fra 5 til 10 minutter", "OKR206")
    assert finding.message.startswith("«Redusere» but 5 → 10 minutter is an increase")
    assert highlighted(finding) == "Redusere"


def test_improving_a_time_may_shorten_it() -> None:
    assert "OKR206" not in codes("Improve first response time from 8 hours to 2 hours", "en")
    assert "OKR206" not in codes("Raskere svar på chat, fra 6 til 2 minutter")


def test_durations_in_different_units_are_compared() -> None:
    assert "OKR206" in codes("Redusere leveringstiden fra 2 dager til 60 timer")
    assert "OKR206" not in codes("Redusere leveringstiden fra 2 dager til 36 timer")


def test_inconsistent_change_tolerance_is_an_option() -> None:
    text = "Få 40 % høyere omsetning, fra 100 000 kr til 141 000 kr"
    assert "OKR207" not in codes(text)  # +41 % is within the default 2 points
    strict = one(text, "OKR207", OKR207={"tolerance": 0.5})
    assert "+41 %" in strict.message


def test_percentage_points_and_relative_percent_are_both_readings() -> None:
    assert "OKR207" not in codes("Øke svarprosenten med 10 %, fra 60 % til 70 %")
    assert "OKR207" not in codes("Øke svarprosenten med 10 %, fra 60 % til 66 %")
    assert "OKR207" in codes("Øke svarprosenten med 10 prosentpoeng, fra 60 % til 66 %")


def test_counts_of_new_things_against_from_to() -> None:
    assert "OKR207" in codes("Get 1,000 new followers, from 3,000 to 5,000", "en")
    assert "OKR207" not in codes("Get 2,000 new followers, from 3,000 to 5,000", "en")


# --- what each rule reads ---------------------------------------------------------------


def test_structured_baseline_and_target_count() -> None:
    yaml = (
        "objectives:\n  - title: Be the clinic patients trust, because trust heals\n"
        "    key_results:\n"
        "      - title: Sickness absence rate\n        baseline: 6.1\n"
        "      - title: Hand hygiene audits passed\n        baseline: 80\n        target: 95\n"
        "      - title: Falls per 1,000 bed days\n        baseline: TBD\n        target: 2\n"
    )
    docs = read_document("okrs.yaml", yaml, language="en")
    active = select_rules(list(RULES.values()), Config())
    found = {(f.span.line, f.code) for f in run_rules(docs, active, Config())}
    assert (4, "OKR204") in found
    assert not any(line == 6 for line, _ in found)
    assert (9, "OKR205") in found
    assert not any(code == "OKR201" for _, code in found)


def test_a_change_verb_with_a_target_field_needs_a_baseline() -> None:
    yaml = (
        "objectives:\n  - title: Get paid on time, because cash keeps us independent\n"
        "    key_results:\n"
        "      - title: Increase invoices paid on time\n        target: 95\n        unit: '%'\n"
        "      - title: Audit adjustments after close\n        target: 0\n"
        "      - title: Reduce days sales outstanding\n        baseline: 48\n        target: 35\n"
        "      - title: Cut late fees by $2,000\n        target: 500\n"
    )
    docs = read_document("okrs.yaml", yaml, language="en")
    active = select_rules(list(RULES.values()), Config())
    missing = [f for f in run_rules(docs, active, Config()) if f.code == "OKR203"]
    assert [f.span.line for f in missing] == [4]
    assert "95 %" in missing[0].message and "baseline" in (missing[0].suggestion or "")


@pytest.mark.parametrize(
    ("lang", "title", "krs"),
    [
        (
            "en",
            "Keep students coming back, because habits make learning stick",
            ("Increase weekly active students to 25,000", "Raise course completion to 60%"),
        ),
        (
            "nb",
            "Flere fornøyde innbyggere, fordi tjenestene skal virke",
            ("Øke andelen digitale søknader til 80 %", "Øke NPS til 45"),
        ),
    ],
)
def test_a_current_field_is_the_starting_value(lang: str, title: str, krs: tuple) -> None:
    """LABELS.md: a `current:` field gives the starting value, as `baseline:` does."""

    def okr203(key: str) -> list[int]:
        items = "".join(
            f"      - title: {kr}\n        {key}: {n}\n" for n, kr in enumerate(krs, 10)
        )
        yaml = f"objectives:\n  - title: {title}\n    key_results:\n{items}"
        docs = read_document("okrs.yaml", yaml, language=lang)
        active = select_rules(list(RULES.values()), Config())
        return [f.span.line for f in run_rules(docs, active, Config()) if f.code == "OKR203"]

    assert okr203("unit") == [4, 6]  # no starting value: the change has nowhere to start
    assert okr203("current") == []
    assert okr203("baseline") == []


def test_a_duplicate_is_flagged_once_at_the_repeat() -> None:
    yaml = (
        "objectives:\n  - title: Raske leveranser, fordi kundene venter\n"
        "    key_results:\n"
        "      - Redusere leveringstid fra 5 til 3 dager\n"
        "      - Øke NPS fra 30 til 45\n"
        "      - 'Redusere leveringstid: fra 5 til 3 dager.'\n"
        "  - title: Fornøyde kunder, fordi de anbefaler oss\n"
        "    key_results:\n"
        "      - Redusere leveringstid fra 5 til 3 dager\n"
    )
    docs = read_document("okrs.yaml", yaml, language="nb")
    active = select_rules(list(RULES.values()), Config())
    duplicates = [f for f in run_rules(docs, active, Config()) if f.code == "OKR210"]
    assert [f.span.line for f in duplicates] == [6]
    assert "key result 1" in duplicates[0].message


def test_a_duplicate_is_found_whichever_contexts_the_rule_is_given() -> None:
    """The engine shares one context among an objective's key results; the rule remembers
    keys per context, so fresh contexts and contexts taking turns give the same answer."""
    check = RULES["OKR210"].check

    def objective(*texts: str) -> Objective:
        krs = tuple(KeyResult(t, Span(n, 3, n, 3 + len(t))) for n, t in enumerate(texts, 2))
        return Objective(HOLDER["nb"], Span(1, 1, 1, 2), key_results=krs)

    sales = objective("Øke NPS fra 30 til 45", "Selge 40 biler", "Øke NPS fra 30 til 45.")
    support = objective("Svare innen 2 timer", "svare innen 2 timer")
    doc = Document("okrs.txt", "text", (sales, support), language="nb")

    def hits(kr: KeyResult, ctx: RuleContext) -> int:
        return len(list(check(kr, ctx)))

    shared = RuleContext(doc, {}, {}, sales)
    assert [hits(kr, shared) for kr in sales.key_results] == [0, 0, 1]
    fresh = [hits(kr, RuleContext(doc, {}, {}, sales)) for kr in sales.key_results]
    assert fresh == [0, 0, 1]
    other = RuleContext(doc, {}, {}, support)
    turns = [(sales.key_results[2], shared), (support.key_results[1], other)] * 2
    assert [hits(kr, ctx) for kr, ctx in turns] == [1, 1, 1, 1]
    assert hits(support.key_results[0], other) == 0


def test_binary_milestones_are_off_by_default() -> None:
    assert RULES["OKR209"].enabled is False
    assert "OKR209" not in codes("Launch the new website", "en")
    assert "OKR209" in {r.rule.code for r in select_rules(list(RULES.values()), _select("OKR209"))}


def _select(code: str) -> Config:
    return Config(select=(code,))


def test_ratings_on_a_scale_are_numbers() -> None:
    assert "OKR201" not in codes("App Store rating of at least 4.6/5", "en")
    assert "OKR206" in codes("Increase the trust score from 4.3/5 to 3.9/5", "en")


def test_vague_words_quantified_by_a_number_are_not_vague() -> None:
    assert "OKR202" not in codes("Volunteer NPS of 50 or higher", "en")
    assert "OKR202" not in codes("Lower monthly churn from 1.9% to 1.3%", "en")
    assert "OKR202" not in codes("Reduce open high-severity findings by 200", "en")
    assert "OKR202" in codes("Higher CSAT on chat", "en")


def test_up_and_down_before_an_amount_state_a_change() -> None:
    assert "OKR203" in codes("Legacy pledges up 20%", "en")
    assert "OKR203" in codes("Cart abandonment down to 60%", "en")
    assert "OKR203" not in codes("Sign up 20 new schools", "en")


def test_activities_that_measure_a_result_are_not_flagged() -> None:
    assert "OKR208" in codes("Implement RFID tagging in the 20 largest stores", "en")
    assert "OKR208" not in codes("Automate 30% of password-reset tickets", "en")
    assert "OKR208" not in codes("Lage tre nye helgepakker")
    assert "OKR208" in codes("Sikkerhetsmøte om bord hver uke")
    assert "OKR208" in codes("Hold one open office hour per week for every module", "en")
    assert "OKR208" not in codes("Publisere ti videosaker i uka")


def test_a_count_that_is_the_scope_of_a_task_does_not_make_it_an_outcome() -> None:
    """LABELS.md: a task stays a task however many objects it covers."""
    assert "OKR208" in codes("Ta i bruk digitalt nattilsyn hos 60 brukere")
    assert "OKR208" in codes("Upgrade 40 ticket machines", "en")
    assert "OKR208" not in codes("Lansere to nye produktfunksjonaliteter")
    assert "OKR208" not in codes("Hire 4 new nurses", "en")


def test_a_comparative_that_picks_things_out_is_not_vague() -> None:
    assert "OKR202" not in codes("Skrive beslutningsnotat for alle større investeringer")
    assert "OKR202" in codes("Større andel av salget på nett")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Holde 4 informasjonsmøter for naboene", "nb"),
        ("Gjennomføre 12 dialogmøter med NAV", "nb"),
        ("Arrangere 10 søknadsskriveseminarer", "nb"),
        ("Gjennomføre brukertester med 30 personer", "nb"),
        ("Hold 4 workshops with partners", "en"),
        ("Conduct 30 customer interviews", "en"),
        ("Host 6 webinars for prospects", "en"),
    ],
)
def test_a_count_of_events_held_is_an_activity(text: str, lang: str) -> None:
    assert highlighted(one(text, "OKR208", lang)) in text.split()[:1]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Lage 5 nye opplæringsvideoer", "nb"),
        ("Skrive 12 kundecaser", "nb"),
        ("N millioner digitale brev sendt", "nb"),
        ("Publish 12 customer case studies", "en"),
        ("Build 3 new integrations", "en"),
        ("X new help articles published", "en"),
        ("Better help-centre articles", "en"),
        ("Sign 30 new clinics for the weekly email digest", "en"),
        ("Få 200 nye abonnenter på det ukentlige nyhetsbrevet", "nb"),
    ],
)
def test_a_count_of_produced_output_is_no_activity(text: str, lang: str) -> None:
    assert "OKR208" not in codes(text, lang)


def test_a_recurring_message_is_a_ritual() -> None:
    assert (
        "ritual"
        in one("Weekly migration status email to all Tier 1 accounts", "OKR208", "en").message
    )
    assert "ritual" in one("Ukentlig statusoppdatering på e-post til alle kunder", "OKR208").message


def test_a_direction_and_a_target_without_a_start_needs_a_baseline() -> None:
    assert "OKR203" in codes("Få NPS opp i 50")
    assert "OKR203" in codes("Få ventetiden ned til 3 dager")
    assert "OKR203" not in codes("Få NPS opp fra 30 til 50")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Half of new hires sourced through employee referrals", "en"),
        ("Every third ticket solved by self-service", "en"),
        ("Hver tredje bruker av trygghetsalarm har digitalt tilsyn", "nb"),
        ("Hver femte søknad sendt digitalt", "nb"),
    ],
)
def test_a_share_of_a_group_is_measurable(text: str, lang: str) -> None:
    assert "OKR201" not in codes(text, lang)


@pytest.mark.parametrize(
    ("lang", "table", "expected"),
    [
        (
            "en",
            "| Key result | Baseline | Target |\n|---|---|---|\n"
            "| Run coding clubs in every school | – | fortnightly |\n"
            "| Sign up local sponsors |  |  |\n"
            "| Grow paying members | 410 | 520 |\n",
            [{"OKR201", "OKR208"}, {"OKR201"}, set()],
        ),
        (
            "nb",
            "| Nøkkelresultat | Utgangspunkt | Mål |\n|---|---|---|\n"
            "| Nytt tak på svømmehallen ferdigstilt | | innen Q2 |\n"
            "| Holde foreldremøter | n/a | hver måned |\n"
            "| Øke antall betalende medlemmer | 410 | 520 |\n",
            [{"OKR201", "OKR208"}, {"OKR201", "OKR208"}, set()],
        ),
    ],
)
def test_a_cell_without_a_number_does_not_measure_a_key_result(
    lang: str, table: str, expected: list
) -> None:
    """An empty cell, a dash, "n/a", a deadline or a frequency in a baseline or target column
    is no number: the key result is judged by its words, as if the cells were not there."""
    text = f"## Objective: {HOLDER[lang]}\n\n{table}"
    docs = read_document("okrs.okr.md", text, language=lang)
    active = select_rules(list(RULES.values()), Config())
    found = [f for f in run_rules(docs, active, Config()) if f.element == "key_result"]
    assert {f.span.line for f in found} <= {5, 6, 7}
    lines = [5, 6, 7]  # the table's rows
    got = [
        {f.code for f in found if f.span.line == line and f.code in ("OKR201", "OKR208")}
        for line in lines
    ]
    assert got == expected


# ---- round 3's families (blind set 3), each in new sentences, both languages ----------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a level before a bracketed start labelled by its year has its target
        ("en", "Slips and trips: 2 (FY25: 9)", set()),
        ("nb", "Fallulykker: 1 (2025: 7)", set()),
        # a bracketed start, then "to": no missing target
        ("en", "Repeat purchase rate (currently 31 %) to 40 %", set()),
        ("nb", "Andel gjenkjøp (i dag 31 %) til 40 %", set()),
        # a target first and its start after it: no missing baseline
        ("en", "Overtime target of 300 hours a month, down from 420", set()),
        # a cost "to raise" moving down is no direction mismatch
        ("en", "Cost to raise £1 from 30p → 22p", set()),
        # a letter amount with a scale, a slot before a unit: placeholders, not "no number"
        ("en", "Lower printing spend by $NNk", {"OKR203", "OKR205"}),
        ("en", "Collect n tonnes of textiles per quarter", {"OKR205"}),
        ("nb", "Samle inn n tonn tekstiler per kvartal", {"OKR205"}),
        # an amount after "up" changes a level without its start
        ("en", "Basket size up £4", {"OKR203"}),
        ("nb", "Snittkurv opp 40 kr", {"OKR203"}),
        # a limit in a relative clause is no target
        ("nb", "Redusere andelen ordre som venter over 2 dager fra dagens 14 %", {"OKR204"}),
        ("en", "Cut the share of orders that wait over 2 days from 14 %", {"OKR204"}),
    ],
)
def test_round_three_families_in_new_sentences(lang: str, text: str, expected: set) -> None:
    assert spec_codes(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Improve stock turns from 8 to 6"),
        ("en", "Improve aged debtor days from 38 to 51"),
        ("nb", "Forbedre gjennomsnittlig gavebeløp fra 300 kr til 260 kr"),
        ("nb", "Forbedre antall leveranser med skadde varer fra 30 til 45"),
    ],
)
def test_improve_against_the_metrics_direction_is_a_mismatch(lang: str, text: str) -> None:
    assert "OKR206" in codes(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "flagged"),
    [
        ("en", "Get PCI DSS certified in 3 regions", True),
        ("en", "Reach 400 certified partners", False),
        ("en", "Weekly site walk with every supervisor", True),
        ("en", "Fact-check every statistic in the annual review", True),
        ("en", "Make the returns process for online orders better", False),
        ("en", "Reach a top-5 place in the monthly industry report", False),
        ("nb", "Få alle 9 kontorer sertifisert etter ISO 14001", True),
        ("nb", "Få på plass digital timebestilling i 12 klinikker", True),
        ("nb", "Nå 400 sertifiserte partnere", False),
        ("nb", "Ukentlig vernerunde med hver avdelingsleder", True),
    ],
)
def test_activities_of_round_three(lang: str, text: str, flagged: bool) -> None:
    assert ("OKR208" in codes(text, lang)) is flagged


def test_a_stated_reduction_against_decimal_litres() -> None:
    """7.5 L to 6 L is −20 %, not the 25 % stated; decimals are no whole units to round to."""
    found = one("Diesel per route down from 7.5 L to 6 L, a 25% reduction", "OKR207", "en")
    assert "-20" in found.message or "−20" in found.message


# ---- round 4's families (blind set 4), each in new sentences, both languages ----------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a metric taken "to" a level with no verb changes it without its start
        ("en", "Forklift utilisation to 80%", {"OKR203"}),
        ("en", "Average time to hire to 21 days", {"OKR203"}),
        ("en", "Guest rating to 4.6/5", {"OKR203"}),
        ("nb", "Utnyttelsesgrad i verkstedet til 85 %", {"OKR203"}),
        ("nb", "Andel digitale bestillinger til ?? %", {"OKR203", "OKR205"}),
        # ... but a verb we do not know and its "to" are no metric, nor is a count
        ("en", "Respond to 95 % of supplier queries within a day", set()),
        # the opening change verb is no vague amount
        ("en", "Lower dust exposure in the cutting hall", {"OKR201"}),
        # capitals glued to digits are names: no number
        # (and screenings brought to a site, with no amount, are a deliverable)
        ("en", "Bring 4DX screenings to the Leeds site", {"OKR201", "OKR208"}),
        ("nb", "Flytte kundene over på 5G SA innen Q3", {"OKR201", "OKR208"}),
        # a unit glued on: a number
        ("en", "Archive 2TB of scanned letters", set()),
        # present forms at the end are nouns, not finished tasks
        ("en", "Better snow on the beginner runs", {"OKR201", "OKR202"}),
    ],
)
def test_round_four_families_in_new_sentences(lang: str, text: str, expected: set) -> None:
    assert spec_codes(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "flagged"),
    [
        ("en", "Safety briefing at every shift change", True),
        ("en", "A summer evening for members every quarter", True),
        ("en", "Certify all drivers in defensive driving", True),
        ("en", "Switch every forklift to lithium batteries", True),
        ("nb", "Sikkerhetsgjennomgang hver vakt", True),
        ("nb", "Kvalitetssikre alle tilbud før utsending", True),
        ("nb", "Montere solceller på lagerbygget innen Q3", True),
    ],
)
def test_activities_of_round_four(lang: str, text: str, flagged: bool) -> None:
    assert ("OKR208" in codes(text, lang)) is flagged


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Improve temperature excursions in the cold store from 30 to 45 a month"),
        ("nb", "Forbedre Trustpilot-vurderingen fra 4,2 til 3,8"),
    ],
)
def test_improve_against_the_metrics_direction_round_four(lang: str, text: str) -> None:
    assert "OKR206" in codes(text, lang)


# ---- round 5's families (blind set 5), each in new sentences, both languages ----------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a comparative after a number and its noun is a limit, not a vague amount
        ("en", "Google rating of 4.7 stars or higher", set()),
        ("nb", "Snittkarakter på 4,6 poeng eller mer i appen", set()),
        # "lots" alone is a noun (coffee lots, building lots); "lots of" is vague
        ("en", "Cupping scores logged for 95 % of green lots", set()),
        ("en", "Win lots of new wholesale customers", {"OKR201", "OKR202"}),
        # a comparative after a zero word names the kind of thing at zero
        ("nb", "Ingen større avvik i miljørevisjonen", set()),
        # a stand-in with a note about who fills it in
        ("nb", "Nøkkelresultat x – fylles inn av salgssjefen", {"OKR205"}),
        ("en", "Key result n – finance to fill in", {"OKR205"}),
        # a date in a cell on its own
        ("nb", "Ny bookingløsning lansert", {"OKR201", "OKR208"}),
        # which way is better for a capacity
        ("nb", "Forbedre pakkekapasiteten fra 300 til 260 kasser i timen", {"OKR206"}),
    ],
)
def test_round_five_families_in_new_sentences(lang: str, text: str, expected: set) -> None:
    assert spec_codes(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "flagged"),
    [
        ("en", "Secure a permit for the new depot", True),
        ("en", "Fit LED lighting in the packing hall", True),
        ("nb", "Søke Innovasjon Norge om midler til nytt lager", True),
        ("nb", "Få byggetillatelse for det nye lageret", True),
        ("nb", "Et allmøte i hver region per halvår", True),
        ("nb", "Gjøre kundeportalen mer kjent blant leietakerne", False),
        ("nb", "Lage en bedre plan for vinterdriften", True),
    ],
)
def test_activities_of_round_five(lang: str, text: str, flagged: bool) -> None:
    assert ("OKR208" in codes(text, lang)) is flagged


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Self-service resolution rate [target] (currently 28 %)"),
        ("nb", "Andel saker løst i selvbetjening [mål] (i dag 28 %)"),
    ],
)
def test_a_slot_before_a_bracketed_start_is_the_target_left_open(lang: str, text: str) -> None:
    """The target is there, as a slot: OKR205 says so; it is not a missing target (OKR204)."""
    found = codes(text, lang)
    assert "OKR205" in found
    assert "OKR204" not in found


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a duration in two units is one level: the pair has its target
        ("nb", "Snitt behandlingstid i kassen fra 3 min 40 s til 2 min 50 s", set()),
        ("en", "Average on-hold time from 2 min 20 s to 1 min 10 s", set()),
        ("en", "Cut pick time from 1 hour 10 minutes to 50 minutes", set()),
        # a score below zero: the points are the difference, not a share
        ("en", "Lift relationship NPS by 18 points, from -8 to 10", set()),
        ("en", "Lift relationship NPS by 10 points, from -8 to 10", {"OKR207"}),
        ("nb", "Løfte eNPS med 15 poeng, fra -6 til 9", set()),
        ("nb", "Løfte eNPS med 25 poeng, fra -6 til 9", {"OKR207"}),
        # a share of a level below zero says nothing checkable
        ("nb", "Øke netto kontantstrøm med 50 %, fra -2 til 3 MNOK", set()),
    ],
)
def test_round_six_levels_in_two_units_and_below_zero(lang: str, text: str, expected) -> None:
    assert spec_codes(text, lang, NUMBER_CODES) == expected


def test_a_change_across_zero_is_told_as_a_difference() -> None:
    found = one("Lift relationship NPS by 10 points, from -8 to 10", "OKR207", "en")
    assert found.message == "from -8 to 10 is +18, not +10"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a comparative right after a verb that provides a service: a vague change, no task
        ("nb", "Gi raskere svar på byggesøknader", {"OKR201", "OKR202"}),
        ("en", "Offer better onboarding to new volunteers", {"OKR201", "OKR202"}),
        # ... after a verb that produces something, still a task
        ("en", "Build a better intranet for the depots", {"OKR201", "OKR202", "OKR208"}),
        # tasks named by more verbs
        ("en", "Present our findings at the Nordic Logistics Forum", {"OKR201", "OKR208"}),
        ("nb", "Stille med stand på Elmia Lantbruk", {"OKR201", "OKR208"}),
        ("nb", "Bytte ut alle lysrør i fjøset med LED", {"OKR201", "OKR208"}),
        # eco-labels and certificates held are milestones
        ("nb", "Få Svanemerket for hele sortimentet av vaskemidler", {"OKR201", "OKR208"}),
        ("en", "All drivers hold valid ADR certificates by June", {"OKR201", "OKR208"}),
        # certifying people with no count is a milestone; with a count it is a result
        ("nb", "Sertifisere alle renholdere etter NS-EN 13549", {"OKR201", "OKR208"}),
        ("nb", "Sertifisere 6 elektrikere for arbeid på høyspent", set()),
    ],
)
def test_round_six_activities_and_provided_services(lang: str, text: str, expected) -> None:
    assert spec_codes(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a slot after a limit that says what is counted is the target, not a range's end
        ("en", "Raise the share of parcels delivered within 48 hours to TBD", {"OKR203", "OKR205"}),
        ("nb", "Øke andelen saker løst innen 3 dager til [mål]", {"OKR203", "OKR205"}),
        # "nå"/"now" right after the metric is its start, not the verb "nå" (reach)
        ("nb", "Ventetid på legevakten nå 3,5 timer", {"OKR204"}),
        ("en", "Staff turnover now 18 %", {"OKR204"}),
        ("nb", "Vi skal nå 4 000 medlemmer i klubben", set()),
        # a superlative after a definite word and a number picks things out: no vague amount
        # (the number is the task's scope)
        ("nb", "Oppdatere prislistene for de 20 mest solgte varene", {"OKR208"}),
        ("en", "Rewrite the help pages for the 10 most used features", {"OKR208"}),
    ],
)
def test_round_six_slots_and_superlatives(lang: str, text: str, expected) -> None:
    assert spec_codes(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a unit per unit joins the pair ("kg/m²", "kr/kWh")
        ("en", "Milk yield from 28 kg/cow to 31 kg/cow per day", set()),
        ("nb", "Strømkostnad fra 1,40 kr/kWh til 1,10 kr/kWh", set()),
        # a signed level of a limit says what is counted, it is no amount of change
        ("en", "Freezer alarms above -20 °C from 30 per month to 8 per month", set()),
        ("nb", "Alarmer over -20 °C fra 30 i måneden til 8 i måneden", set()),
    ],
)
def test_round_seven_units_per_unit_and_signed_limits(lang: str, text: str, expected) -> None:
    assert spec_codes(text, lang, NUMBER_CODES) == expected


@pytest.mark.parametrize(
    ("lang", "text", "flagged"),
    [
        # an opening noun phrase whose head names an event or a deliverable: a task
        ("en", "Toolbox talks for all scaffolders", True),
        ("en", "Winter readiness plan signed off by the depot managers", True),
        ("nb", "Oppstartssamling med sikkerhetsgjennomgang for alle nye", True),
        ("nb", "Beredskapsplan for flomsesongen", True),
        ("nb", "Avviksrutine hver mandag", True),
        # ... not with a number or a change word, and not a measure of events
        ("en", "Toolbox talks attended by 90 % of scaffolders", False),
        ("en", "Better toolbox talks", False),
        ("nb", "Andel medarbeidersamtaler gjennomført i tide: TBD", False),
        # more task verbs
        ("nb", "Kjøpe ny kjølecontainer til lageret", True),
        ("en", "Suspend unused test servers every night", True),
        ("nb", "Installere ny varmepumpe i verkstedet", True),
        ("nb", "Beredskapsplan etter forskriften § 5 oppdatert og godkjent", True),
    ],
)
def test_round_seven_events_and_deliverables_named_by_a_noun(
    lang: str, text: str, flagged: bool
) -> None:
    assert ("OKR208" in codes(text, lang)) is flagged


def test_a_year_in_a_name_leaves_the_key_result_without_a_number() -> None:
    assert "OKR201" in codes("Every assessor completes the Building Safety Act 2022 course", "en")
    assert "OKR201" in codes("Alle vakter har fullført kurset Vinterdrift 2026 før sesongen")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Improve MTTR for P1 incidents from 45 min to 70 min"),
        ("nb", "Forbedre MTTD for sikkerhetshendelser fra 4 t til 6 t"),
    ],
)
def test_times_to_restore_are_better_lower(lang: str, text: str) -> None:
    assert "OKR206" in codes(text, lang)
