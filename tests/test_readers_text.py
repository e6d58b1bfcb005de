"""The plain-text reader: the article's style, derived ids, the company → team cascade."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from okrlint.model import Span, Suppression
from okrlint.readers import read_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "readers"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "okr-eksempler-for-din-bedrift.txt"


def read(name: str):
    path = FIXTURES / name
    [doc] = read_document(str(path), path.read_bytes())
    return doc


def read_txt(source: str):
    [doc] = read_document("okrs.txt", textwrap.dedent(source).lstrip("\n"))
    return doc


def span_in(path: Path, line: int, text: str) -> Span:
    """Where ``text`` stands on ``line`` of a file, worked out from the file itself."""
    column = path.read_text(encoding="utf-8").split("\n")[line - 1].index(text) + 1
    return Span(line, column, line, column + len(text))


# ---------------------------------------------------------------------------- the seed article


@pytest.fixture(scope="module")
def seed():
    if not SEED.exists():
        pytest.skip("the seed article is not next to this checkout (shared/seed)")
    [doc] = read_document(str(SEED), SEED.read_bytes())
    return doc


def test_seed_reads_as_11_objectives_30_key_results_4_actions(seed) -> None:
    assert seed.format == "text"
    assert (len(seed.objectives), seed.key_result_count, seed.action_count) == (11, 30, 4)


def test_seed_owners_levels_and_parents(seed) -> None:
    got = [(o.id, o.owner, o.level, o.parent) for o in seed.objectives]
    assert got == [
        ("o1", None, None, None),
        ("o2", None, "company", None),
        ("o3", "salgsavdelingen", "team", "o2"),
        ("o4", "kundeservice-teamet", "team", "o2"),
        ("o5", "markedsføringsavdelingen", "team", "o2"),
        ("o6", "HR-avdelingen", "team", "o2"),
        ("o7", None, "company", None),
        ("o8", "markedsføringsavdelingen", "team", "o7"),
        ("o9", "produktavdelingen", "team", "o7"),
        ("o10", "salgsteamet", "team", "o7"),
        ("o11", "kundeservice-teamet", "team", "o7"),
    ]


def test_seed_actions_belong_to_the_product_and_sales_objectives(seed) -> None:
    by_owner = {o.owner: [a.text for a in o.actions] for o in seed.objectives if o.actions}
    assert by_owner == {
        "produktavdelingen": [
            "Laget en konkurrentanalyse for å identifisere hva som mangler "
            "(i samråd med markedsføringsavdelingen)",
            "Laget en plan for å implementere nye produktegenskaper",
        ],
        "salgsteamet": [
            "Identifisert USP i samråd med produktavdelingen",
            "Utviklet en salgsstrategi",
        ],
    }


def test_seed_positions(seed) -> None:
    first = seed.objectives[0]
    assert first.span == Span(28, 12, 28, 94)
    assert first.key_results[0].span == Span(32, 5, 32, 85)  # after "  • "
    sales = seed.objectives[2]
    assert sales.span == span_in(
        SEED, 44, "Økte månedlige salgsinntekter, fordi vi er best på salg"
    )
    # a trailing no-break space is not part of the text
    assert sales.key_results[1].text.endswith("per måned")
    assert sales.key_results[1].span == span_in(
        SEED, 49, "Økt gjennomsnittlig abonnementsverdi til 1 500 kr per måned"
    )
    assert seed.objectives[8].actions[0].span.line == 106
    assert seed.objectives[10].key_results[1].span == span_in(
        SEED, 130, "Økt NPS fra x til y før Q4"
    )


def test_seed_examples_of_bad_okrs_are_not_read(seed) -> None:
    texts = {e.text for e in seed.elements()}
    assert "Øke salget med 30 %" not in texts
    assert "Selge flere biler" not in texts
    assert "Hva ønsker du å oppnå og hvorfor?" not in texts


# ---------------------------------------------------------------------------- English fixture


def test_english_plain_text_cascade_and_ids() -> None:
    doc = read("en/plain.txt")
    got = [(o.id, o.text, o.owner, o.level, o.parent) for o in doc.objectives]
    assert got == [
        ("o1", "Become the coffee place Oslo talks about", None, "company", None),
        (
            "o2",
            "Grow monthly sales, because growth pays for the new roastery",
            "sales team",
            "team",
            "o1",
        ),
        ("o3", "Launch the subscription in Q3", None, "company", None),
        ("o4", "Keep subscribers happy", "customer service", "team", "o3"),
    ]
    sales = doc.objectives[1]
    assert [kr.id for kr in sales.key_results] == ["o2.kr1", "o2.kr2", "o2.kr3"]
    assert [a.id for a in sales.actions] == ["o2.a1", "o2.a2"]
    assert doc.objectives[3].why == "because churn eats the growth"


def test_english_plain_text_positions() -> None:
    path = FIXTURES / "en/plain.txt"
    doc = read("en/plain.txt")
    company, sales, launch, _ = doc.objectives
    assert company.span == span_in(path, 5, "Become the coffee place Oslo talks about")
    assert sales.key_results[0].span == Span(10, 5, 10, 47)
    # the trailing suppression comment is not part of the key result
    assert sales.key_results[1].text == "Raise average order value to 1 500 kr per month"
    assert sales.key_results[1].span == span_in(
        path, 11, "Raise average order value to 1 500 kr per month"
    )
    assert sales.actions[0].span == span_in(path, 15, "Build a sales playbook")
    assert launch.span.line == 18


def test_wrapped_key_results_and_notes() -> None:
    service = read("en/plain.txt").objectives[3]
    wrapped, emails = service.key_results
    assert wrapped.text == "Cut phone waiting time from 10 to 5 minutes"
    assert wrapped.span == Span(23, 6, 24, 15)
    assert emails.text == "Answer 95 % of emails within 24 hours"  # the note below is not text


def test_english_bad_examples_are_not_read() -> None:
    texts = {e.text for e in read("en/plain.txt").elements()}
    assert "Increase sales by 30 %" not in texts


# ---------------------------------------------------------------------------- Norwegian fixture


def test_norwegian_plain_text() -> None:
    doc = read("nb/plain.txt")
    outline = [
        (o.text, o.owner, [kr.text for kr in o.key_results], [a.text for a in o.actions])
        for o in doc.objectives
    ]
    assert outline == [
        (
            "Bli kundenes førstevalg i Bergen, fordi vi vil vokse utenfor Oslo",
            None,
            [
                "Økt antall faste kunder i Bergen fra 200 til 500",
                "Åpnet to nye utsalgssteder innen juni",
                "Flere fornøyde kunder",
            ],
            ["Leie lokaler på Bryggen"],
        ),
        (
            "Et arbeidssted folk anbefaler",
            "HR",
            ["Økt eNPS fra 10 til 25", "Redusert turnover fra 15 % til 10 %"],
            [],
        ),
        ("Lønnsom vekst i hele landet", None, [], []),
        (
            "Full kontroll på kostnadene",
            "økonomiavdelingen",
            ["Redusert kostnad per ordre fra 80 kr til 60 kr"],
            [],
        ),
    ]
    assert [(o.level, o.parent) for o in doc.objectives] == [
        (None, None),
        (None, None),
        ("company", None),
        ("team", "o3"),
    ]


def test_norwegian_positions_past_dashes_and_kr_prefixes() -> None:
    path = FIXTURES / "nb/plain.txt"
    first, workplace, _, _ = read("nb/plain.txt").objectives
    assert first.span == Span(4, 11, 4, 76)  # after "Hovedmål: "
    assert first.key_results[0].span == Span(6, 3, 6, 51)  # after "– "
    assert workplace.span == span_in(path, 17, "Et arbeidssted folk anbefaler")
    assert workplace.key_results[0].span == Span(20, 10, 20, 32)  # after "  • KR1: "
    assert workplace.key_results[1].span == span_in(path, 21, "Redusert turnover fra 15 % til 10 %")


def test_norwegian_suppressions() -> None:
    assert read("nb/plain.txt").suppressions == (
        Suppression(1, frozenset({"OKR301"}), file_wide=True),
        Suppression(8, frozenset({"OKR201"})),
    )


# ---------------------------------------------------------------------------- other shapes


@pytest.mark.parametrize(
    ("label", "owner", "level"),
    [
        ("Objective for the sales team", "sales team", None),
        ("Objective for salgsavdelingen", "salgsavdelingen", None),
        ("Objective på selskapsnivå", None, "company"),
        ("Objective (company level)", None, "company"),
        ("Company objective", None, "company"),
        ("Hovedmål", None, None),
        ("Mål", None, None),
        ("Mål 2 –", None, None),
        ("O1", None, None),
    ],
)
def test_objective_labels(label: str, owner: str | None, level: str | None) -> None:
    separator = "" if label.endswith("–") else ":"
    doc = read_txt(f"{label}{separator} Bli best på service\n")
    [objective] = doc.objectives
    assert (objective.text, objective.owner, objective.level) == (
        "Bli best på service",
        owner,
        level,
    )
    assert objective.span.column == len(label) + len(separator) + 2


def test_explicit_ids_win_and_prefix_key_result_ids() -> None:
    doc = read_txt(
        """
        Objective: Grow in Bergen {#bergen}
        Key results:
        - Open two shops by June
        - Grow members from 200 to 500 {#bergen-members}
        """
    )
    [objective] = doc.objectives
    assert objective.id == "bergen"
    assert [kr.id for kr in objective.key_results] == ["bergen.kr1", "bergen-members"]
    assert objective.key_results[1].text == "Grow members from 200 to 500"


def test_a_list_right_under_an_objective_is_its_key_results() -> None:
    doc = read_txt(
        """
        Objective 1: Delight our customers
        KR 1.1: Increase NPS from 30 to 50
        - Reduce churn from 5% to 3%

        O2: Scale the business
          1) Grow ARR from $1M to $3M
        """
    )
    outline = [(o.text, [kr.text for kr in o.key_results]) for o in doc.objectives]
    assert outline == [
        ("Delight our customers", ["Increase NPS from 30 to 50", "Reduce churn from 5% to 3%"]),
        ("Scale the business", ["Grow ARR from $1M to $3M"]),
    ]
    assert doc.objectives[0].key_results[0].span == Span(2, 9, 2, 35)


def test_lists_after_prose_and_outside_labels_are_ignored() -> None:
    doc = read_txt(
        """
        Objective: Grow in Bergen
        We want to be where our customers are.
        - not a key result: prose came first

        Key results:
        1. Open two shops by June

        Some prose ends the list.
        - not a key result either
        """
    )
    assert [kr.text for kr in doc.objectives[0].key_results] == ["Open two shops by June"]


def test_fixture_expectation_comments_are_not_text() -> None:
    doc = read_txt(
        "Objective: Selge mer   # expect: OKR101\nKey results:\n• Selge flere biler  # expect: OKR201\n"
    )
    [objective] = doc.objectives
    assert objective.text == "Selge mer"
    assert objective.key_results[0].text == "Selge flere biler"


def test_a_hash_inside_text_is_text() -> None:
    doc = read_txt("Objective: Become #1 in Oslo\n")
    assert doc.objectives[0].text == "Become #1 in Oslo"


def test_a_numbered_stand_in_inside_a_key_result_list_is_an_element() -> None:
    """ "• Key result 4" in a draft holds a place in the list; it does not open a new list
    and hide the bullets after it."""
    doc = read_txt(
        """
        Objective for the web team: Make the shop faster, so that fewer visitors leave

        Key results:
          • Median page load from 2.4 s to 1.2 s
          • Key result 2
          • Checkout errors from 3 % to 1 %
        """
    )
    assert [kr.text for kr in doc.objectives[0].key_results] == [
        "Median page load from 2.4 s to 1.2 s",
        "Key result 2",
        "Checkout errors from 3 % to 1 %",
    ]


def test_an_owner_with_a_bracketed_note_still_labels_an_objective() -> None:
    doc = read_txt(
        """
        Objective for Fjordfisk AS (oppdrett): Doble eksporten til Japan

        Nøkkelresultater:
          • Nøkkelresultat 3
          • Eksport til Japan fra 400 til 800 tonn
        """
    )
    [objective] = doc.objectives
    assert (objective.text, objective.owner) == (
        "Doble eksporten til Japan",
        "Fjordfisk AS (oppdrett)",
    )
    assert [kr.text for kr in objective.key_results] == [
        "Nøkkelresultat 3",
        "Eksport til Japan fra 400 til 800 tonn",
    ]


def test_a_numbered_stand_in_in_an_unlabelled_list_is_a_key_result() -> None:
    doc = read_txt(
        """
        Objective for kulturhuset: Flere unge på konsertene, fordi de er publikummet vårt i morgen

          • Selge 2 000 studentbilletter
          • Nøkkelresultat 2
        """
    )
    assert [kr.text for kr in doc.objectives[0].key_results] == [
        "Selge 2 000 studentbilletter",
        "Nøkkelresultat 2",
    ]


def test_a_decimal_before_a_unit_in_capitals_is_no_element_number() -> None:
    """ "- 2.4 MWp of new capacity" keeps its number; "1.2 Grow …" is an element number."""
    doc = read_txt(
        """
        Objective: Build more solar, so that more homes run on sunlight
        Key results:
          - 2.4 MWp of new capacity commissioned in H1
          - 1.2 Grow installs from 95 to 160 per month
        """
    )
    assert [kr.text for kr in doc.objectives[0].key_results] == [
        "2.4 MWp of new capacity commissioned in H1",
        "Grow installs from 95 to 160 per month",
    ]


def test_a_level_name_starting_a_key_result_keeps_it() -> None:
    """ "Level 2 chargers installed …" is a key result, not a 'Level:' label (labels of a
    value need their ':' or dash)."""
    doc = read_txt(
        """
        Objective: Be ready for electric cars, because half our buyers want one
        Key results:
        - Level 2 chargers installed at every branch
        - EV test drives per month from 45 to 120
        Level: team
        """
    )
    [objective] = doc.objectives
    assert [kr.text for kr in objective.key_results] == [
        "Level 2 chargers installed at every branch",
        "EV test drives per month from 45 to 120",
    ]
    assert objective.level == "team"


@pytest.mark.parametrize(
    "title",
    [
        "OKRs - FY2027 Q1 (Jan-Mar) - board draft, rev. 2",
        "OKR for 1. halvår 2027 – utkast v3, til gjennomgang med styret",
    ],
)
def test_an_okr_title_line_with_its_period_is_no_objective(title: str) -> None:
    doc = read_txt(
        f"{title}\n\nObjective: Grow, because we must\nKey results:\n- Sales from 1 to 2\n"
    )
    assert [o.text for o in doc.objectives] == ["Grow, because we must"]
    assert doc.period is not None
