"""The Markdown reader: headings and bold labels, lists, front matter, comments, positions."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from okrlint.errors import OkrlintError
from okrlint.model import Span, Suppression
from okrlint.readers import read_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "readers"


def read(name: str):
    path = FIXTURES / name
    [doc] = read_document(str(path), path.read_bytes())
    return doc


def read_md(source: str, **options):
    [doc] = read_document("okrs.md", textwrap.dedent(source).lstrip("\n"), **options)
    return doc


def span_in(name: str, line: int, text: str) -> Span:
    """Where ``text`` stands on ``line`` of a fixture, worked out from the file itself."""
    column = (FIXTURES / name).read_text(encoding="utf-8").split("\n")[line - 1].index(text) + 1
    return Span(line, column, line, column + len(text))


def outline(doc) -> list[tuple[str, list[str], list[str]]]:
    return [
        (o.text, [kr.text for kr in o.key_results], [a.text for a in o.actions])
        for o in doc.objectives
    ]


# ---------------------------------------------------------------------------- English wiki page


def test_english_wiki_page_outline() -> None:
    assert outline(read("en/wiki.md")) == [
        (
            "Become the first choice for busy parents",
            [
                "Raise weekly active parents from 2 000 to 3 500",
                "Cut checkout time from 90 to 45 seconds",
                "Lift NPS among parents from 31 to 45",
            ],
            ["Interview twelve parents about their week", "Prototype a one-tap reorder"],
        ),
        (
            "Make the app feel instant",
            ["Keep p95 load time under 1 second on 4G", "Cut crash rate from 0.8 % to 0.2 %"],
            [],
        ),
    ]


def test_positions_start_after_labels_prefixes_and_checkboxes() -> None:
    name = "en/wiki.md"
    parents, instant = read(name).objectives
    assert parents.span == Span(5, 15, 5, 55)  # after "## Objective: ", before " {#parents}"
    krs = parents.key_results
    assert krs[0].span == Span(12, 8, 12, 55)  # after "- KR1: "
    assert krs[1].span == span_in(name, 13, "Cut checkout time from 90 to 45 seconds")
    assert krs[2].span == span_in(name, 15, "Lift NPS among parents from 31 to 45")
    assert parents.actions[1].span == span_in(name, 20, "Prototype a one-tap reorder")
    assert instant.span == span_in(name, 22, "Make the app feel instant")
    assert instant.key_results[0].span == Span(24, 7, 24, 46)  # after "- [ ] ", before the comment


def test_explicit_ids_why_and_owner() -> None:
    parents, instant = read("en/wiki.md").objectives
    assert parents.id == "parents"
    assert parents.key_results[2].id == "parents-nps"
    assert [kr.id for kr in instant.key_results] == [None, None]  # no derived ids in Markdown
    assert parents.why == "because parents are half of our visitors."
    assert parents.owner == "Product team"


def test_notes_code_and_other_sections_are_not_read() -> None:
    texts = [e.text for e in read("en/wiki.md").elements()]
    assert "note: measured on mobile only" not in texts
    assert "this list is code, not key results" not in texts
    assert "a bullet that is not a key result" not in texts
    assert "Objectives for next year" not in texts


def test_inline_suppression_comment() -> None:
    assert read("en/wiki.md").suppressions == (Suppression(24, frozenset({"OKR201", "kr-binary"})),)


# ---------------------------------------------------------------------------- Norwegian wiki page


def test_norwegian_wiki_page_with_front_matter_and_bold_labels() -> None:
    doc = read("nb/wiki.md")
    assert (doc.language, doc.language_source, doc.period, doc.owner) == (
        "nb",
        "file",
        "2025-Q2",
        "Kundeservice",
    )
    assert outline(doc) == [
        (
            "Økt kundelojalitet, fordi fornøyde kunder kommer tilbake",
            [
                "Redusert ventetid på telefon fra ti til fem minutter",
                "Forbedret responstid fra 48 til 24 timer",
            ],
            ["Ukentlig opplæring i nye produkter"],
        ),
        (
            "Oppnådd kundetilfredshet",
            ["Økt NPS fra 20 til 40 før Q4", "Fått minst 200 svar på kundeundersøkelsen"],
            [],
        ),
        ("Et arbeidssted folk vil jobbe på", ["Økt eNPS fra 10 til 25"], []),
        ("Sterkere bedriftskultur", ["Arrangert et afterwork-event per kvartal"], []),
    ]


def test_norwegian_positions_and_fields() -> None:
    name = "nb/wiki.md"
    loyalty, satisfaction, workplace, culture = read(name).objectives
    assert loyalty.span == span_in(
        name, 10, "Økt kundelojalitet, fordi fornøyde kunder kommer tilbake"
    )
    assert loyalty.key_results[0].span == Span(14, 4, 14, 56)
    assert satisfaction.span == Span(22, 8, 22, 32)  # after "**O2** "
    assert satisfaction.why == "vi vil at kundene skal anbefale oss"
    assert workplace.span == span_in(name, 29, "Et arbeidssted folk vil jobbe på")
    assert culture.owner == "HR-avdelingen"
    assert culture.span == span_in(name, 35, "Sterkere bedriftskultur")


def test_norwegian_suppressions() -> None:
    assert read("nb/wiki.md").suppressions == (
        Suppression(8, frozenset({"OKR301"}), file_wide=True),
        Suppression(26, frozenset({"OKR201"})),
    )


# ---------------------------------------------------------------------------- unlabelled headings


def test_headings_followed_by_lists_are_objectives() -> None:
    doc = read("en/headings.md")
    assert outline(doc) == [
        (
            "Grow the Oslo market",
            [
                "Increase paying customers in Oslo from 120 to 200",
                "Open a second pick-up point by June",
            ],
            [],
        ),
        ("Keep the customers we have", ["Reduce monthly churn from 4 % to 2 %"], []),
    ]
    assert doc.objectives[0].span == Span(3, 4, 3, 24)


def test_an_unlabelled_heading_needs_a_key_result_label_when_others_are_labelled() -> None:
    doc = read_md(
        """
        ## Objective: Grow in Bergen
        - Open two shops by June

        ## Background
        - we opened Oslo in 2019

        ## Keep customers loyal
        Key results:
        - Cut churn from 4 % to 2 %
        """
    )
    assert [o.text for o in doc.objectives] == ["Grow in Bergen", "Keep customers loyal"]


# ---------------------------------------------------------------------------- other shapes


def test_objectives_as_list_items_with_nested_key_results() -> None:
    doc = read_md(
        """
        - **Objective:** Become the best place to work
          - KR1: Raise eNPS from 10 to 30
          - Hire 5 engineers
        - **Objective:** Delight customers
          - Key results:
            - Raise NPS from 30 to 50
          - Actions:
            - Call ten customers a week
        - a loose bullet
        """
    )
    assert outline(doc) == [
        ("Become the best place to work", ["Raise eNPS from 10 to 30", "Hire 5 engineers"], []),
        ("Delight customers", ["Raise NPS from 30 to 50"], ["Call ten customers a week"]),
    ]
    assert doc.objectives[0].key_results[0].span == Span(2, 10, 2, 34)


def test_a_numbered_objective_heading_takes_the_next_paragraph() -> None:
    doc = read_md(
        """
        ## Objective 1

        Become the obvious choice for families.

        - Grow family members from 1 000 to 1 500
        """
    )
    [objective] = doc.objectives
    assert objective.text == "Become the obvious choice for families."
    assert objective.span == Span(3, 1, 3, 40)
    assert [kr.text for kr in objective.key_results] == ["Grow family members from 1 000 to 1 500"]


def test_setext_headings_and_wrapped_items() -> None:
    doc = read_md(
        """
        Objective: Win the Bergen market
        ================================

        - Grow customers in Bergen
          from 200 to 500
        """
    )
    [objective] = doc.objectives
    [kr] = objective.key_results
    assert kr.text == "Grow customers in Bergen from 200 to 500"
    assert kr.span == Span(4, 3, 5, 18)


def test_company_objective_with_an_id_becomes_the_parent() -> None:
    doc = read_md(
        """
        ## Objective på selskapsnivå: Lønnsom vekst {#vekst}

        ## Objective for salgsavdelingen: Flere faste kunder
        - Økt antall faste kunder fra 200 til 300
        """
    )
    company, sales = doc.objectives
    assert (company.level, company.id) == ("company", "vekst")
    assert (sales.owner, sales.level, sales.parent) == ("salgsavdelingen", "team", "vekst")


def test_suppression_comment_forms() -> None:
    doc = read_md(
        """
        <!-- okrlint-disable -->
        <!-- okrlint-disable OKR201, OKR202 kr-binary -->
        <!-- okrlint-disable-file objective-measurable -->
        <!-- just a comment -->
        """
    )
    assert doc.suppressions == (
        Suppression(1, frozenset()),
        Suppression(2, frozenset({"OKR201", "OKR202", "kr-binary"})),
        Suppression(3, frozenset({"objective-measurable"}), file_wide=True),
    )


def test_crlf_keeps_lines_and_columns() -> None:
    source = "## Objective: Grow\r\n\r\n- Double sales from 1 to 2 MNOK\r\n"
    [doc] = read_document("okrs.md", source.encode("utf-8"))
    [objective] = doc.objectives
    assert objective.span == Span(1, 15, 1, 19)
    assert objective.key_results[0].span == Span(3, 3, 3, 32)


def test_the_callers_language_wins_over_front_matter() -> None:
    doc = read_md("---\nlanguage: nb\n---\n", language="en", language_source="cli")
    assert (doc.language, doc.language_source) == ("en", "cli")


@pytest.mark.parametrize(
    ("source", "message", "line"),
    [
        ("---\nperiod: Q1\nlanguage: klingon\n---\n", "unknown language 'klingon'", 3),
        ("---\n- a\n- b\n---\n", "front matter must be a mapping, got a list", 2),
        ("---\nperiod: [Q1\n---\n", "could not parse YAML", 2),
    ],
)
def test_front_matter_errors_name_the_file_line(source: str, message: str, line: int) -> None:
    with pytest.raises(OkrlintError) as caught:
        read_md(source)
    assert message in caught.value.message
    assert caught.value.line == line


def test_bold_and_italic_key_result_labels_and_numbered_headings() -> None:
    doc = read_md(
        """
        # OKRs

        ## 1. Increase brand awareness

        - **KR 1.1:** Reach 10 000 newsletter subscribers
        - *KR 1.2*: Get 50 press mentions
        """
    )
    [objective] = doc.objectives
    assert objective.text == "Increase brand awareness"
    assert objective.span == Span(3, 7, 3, 31)
    assert [kr.text for kr in objective.key_results] == [
        "Reach 10 000 newsletter subscribers",
        "Get 50 press mentions",
    ]
    assert objective.key_results[0].span == Span(5, 15, 5, 50)


def test_okr_tables_are_read_row_by_row() -> None:
    doc = read_md(
        """
        | Mål | Nøkkelresultater | Eier |
        |---|---|---|
        | **Vokse i Oslo** | Økt antall kunder fra 100 til 200 | Salg |
        | | KR2: Åpnet en ny butikk innen juni | |
        | Beholde kundene | Redusert churn fra 4 % til 2 %<br>Økt NPS fra 30 til 50 | Service |

        | Name | Age |
        |------|-----|
        | Bob  | 3   |
        """
    )
    got = [(o.text, o.owner, [kr.text for kr in o.key_results]) for o in doc.objectives]
    assert got == [
        (
            "Vokse i Oslo",
            "Salg",
            ["Økt antall kunder fra 100 til 200", "Åpnet en ny butikk innen juni"],
        ),
        ("Beholde kundene", "Service", ["Redusert churn fra 4 % til 2 %", "Økt NPS fra 30 til 50"]),
    ]
    assert doc.objectives[0].span == Span(3, 5, 3, 17)
    assert doc.objectives[1].key_results[1].span == Span(5, 55, 5, 76)  # after "<br>"


def test_parent_and_level_lines_link_an_objective_into_the_cascade() -> None:
    doc = read_md(
        """\
        ## Mål: Økte salgsinntekter, fordi vi er best på salg {#salg}

        Bygger på: `selskap.kr1`
        Nivå: Team

        - Økte salgsavtaler fra 100 til 200

        ## Objective: Faster support, so that customers stay {#support}

        Parent: company.kr2

        - Cut first response time from 8 to 2 hours
        """
    )
    salg, support = doc.objectives
    assert (salg.id, salg.parent, salg.level) == ("salg", "selskap.kr1", "team")
    assert (support.id, support.parent, support.level) == ("support", "company.kr2", None)
    assert [kr.text for kr in salg.key_results] == ["Økte salgsavtaler fra 100 til 200"]
