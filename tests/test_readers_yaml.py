"""The YAML reader: positions, documents, aliases, unknown keys, schema errors, the JSON Schema.

Every test runs twice: on libyaml, PyYAML's C parser, when PyYAML has it, and on PyYAML's
pure-Python loader, which must read everything the same way.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import run_okrlint

from okrlint.errors import OkrlintError
from okrlint.model import Span, Suppression
from okrlint.readers import read_document
from okrlint.readers import yaml_reader as reader
from okrlint.readers.schema import json_schema

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "readers"


@pytest.fixture(params=["libyaml", "pure-python"], autouse=True)
def yaml_parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if request.param == "libyaml" and not yaml.__with_libyaml__:
        pytest.skip("PyYAML is installed without libyaml")
    if request.param == "pure-python":
        monkeypatch.setattr(reader, "_WITH_LIBYAML", False)


def read(name: str, **options):
    path = FIXTURES / name
    return read_document(str(path), path.read_bytes(), **options)


def read_yaml(source: str, **options):
    return read_document("okrs.yaml", textwrap.dedent(source), **options)


def span_in(name: str, line: int, text: str) -> Span:
    """Where ``text`` stands on ``line`` of a fixture, worked out from the file itself."""
    column = (FIXTURES / name).read_text(encoding="utf-8").split("\n")[line - 1].index(text) + 1
    return Span(line, column, line, column + len(text))


def yaml_error(source: str) -> OkrlintError:
    with pytest.raises(OkrlintError) as caught:
        read_yaml(source)
    return caught.value


# ---------------------------------------------------------------------------- a full document


def test_document_fields_come_from_the_top_level_mapping() -> None:
    [doc] = read("en/okrs.yaml")
    assert (doc.format, doc.period, doc.owner) == ("yaml", "2025-Q3", "Web shop")
    assert (doc.language, doc.language_source) == ("en", "file")
    assert [o.text for o in doc.objectives] == [
        "Become the first choice for coffee lovers in Oslo",
        "Delight every customer, because loyal customers buy again",
        "Ship a faster checkout",
    ]


def test_objective_mapping_fields() -> None:
    grow, delight, ship = read("en/okrs.yaml")[0].objectives
    assert (grow.id, grow.owner, grow.level, grow.parent) == (
        "grow",
        "Growth team",
        "company",
        None,
    )
    assert grow.why == "so that we can outgrow our largest competitor"
    assert (delight.parent, delight.level) == ("grow", "team")
    assert (ship.key_results, ship.actions) == ((), ())


def test_positions_are_those_of_the_title_text() -> None:
    name = "en/okrs.yaml"
    grow, delight, ship = read(name)[0].objectives
    assert grow.span == Span(7, 12, 7, 61)
    assert grow.key_results[0].span == span_in(
        name, 12, "Increase monthly revenue from $100k to $150k"
    )
    assert grow.key_results[1].span == span_in(name, 13, "Grow the coffee club")
    assert grow.actions[1].span == span_in(name, 22, "Launch a referral programme")
    # a quoted scalar keeps its quotes in the span
    assert delight.span == span_in(
        name, 24, '"Delight every customer, because loyal customers buy again"'
    )
    assert ship.span == span_in(name, 29, "Ship a faster checkout")


def test_columns_count_characters_not_bytes() -> None:
    [doc] = read_yaml(
        """
        objectives:
          - title: "Få 🚀 flere kunder i Tromsø"
            key_results:
              - 🚀 Øke salget fra 1 til 2 MNOK   # comment
              - 'Nå 👩‍💻 100 brukere'
        """
    )
    objective = doc.objectives[0]
    assert objective.span == Span(3, 12, 3, 40)
    first, second = objective.key_results
    assert first.span == Span(5, 9, 5, 38)
    assert second.span == Span(6, 9, 6, 29)  # the emoji is three code points


def test_line_endings_and_a_byte_order_mark_keep_positions() -> None:
    source = "objectives:\n  - title: Grow\n    key_results:\n      - Reach 10 shops\n"
    [lf] = read_document("okrs.yaml", source.encode())
    for data in (
        b"\xef\xbb\xbf" + source.encode(),
        source.replace("\n", "\r\n").encode(),
        source.replace("\n", "\r").encode(),
    ):
        [doc] = read_document("okrs.yaml", data)
        assert doc.objectives == lf.objectives
    assert lf.objectives[0].key_results[0].span == Span(4, 9, 4, 23)


def test_a_tab_inside_a_quoted_title_is_text() -> None:
    [doc] = read_yaml('objectives:\n  - title: "Grow\tin Oslo"\n')
    assert doc.objectives[0].text == "Grow in Oslo"
    assert doc.objectives[0].span == Span(2, 12, 2, 26)


def test_block_scalar_titles_span_their_text() -> None:
    [doc] = read_yaml(
        """
        objectives:
          - title: |+
              Grow in Oslo
              and Bergen


            key_results:
              - >-
                Double revenue
                from 1 to 2 MNOK
              - Keep costs flat
        """
    )
    objective = doc.objectives[0]
    assert objective.text == "Grow in Oslo and Bergen"
    assert objective.span == Span(3, 12, 5, 17)
    literal, plain = objective.key_results
    assert literal.text == "Double revenue from 1 to 2 MNOK"
    assert literal.span == Span(9, 9, 11, 25)
    assert plain.span == Span(12, 9, 12, 24)


def test_a_text_without_a_final_line_break_keeps_its_positions() -> None:
    source = "objectives:\n  - title: Grow\n    key_results:\n      - Reach 10 shops\n"
    [with_break] = read_yaml(source)
    [without] = read_yaml(source.rstrip("\n"))
    assert without.objectives == with_break.objectives
    error = yaml_error("objectives:\n  - title: Grow\n    key_results:\n      -")
    assert (error.line, error.message) == (
        4,
        "a key result must be a text or a mapping with 'title', got nothing (null)",
    )
    # a value left out at the very end is on the last line, not on one after it
    error = yaml_error("objectives:\n  - ? title")
    assert (error.line, error.message) == (
        2,
        "the objective title must be text, got nothing (null)",
    )


def test_flow_lists_and_mappings_keep_positions() -> None:
    [doc] = read_yaml(
        """
        objectives:
          - {title: Grow in Oslo, key_results: [Reach 10 shops, 'Sell 5 cars'],
             actions: [{title: Hire a seller}]}
        """
    )
    objective = doc.objectives[0]
    assert objective.span == Span(3, 13, 3, 25)
    assert [kr.span for kr in objective.key_results] == [Span(3, 41, 3, 55), Span(3, 57, 3, 70)]
    assert objective.actions[0].span == Span(4, 24, 4, 37)


def test_key_result_mapping_fields_and_numbers() -> None:
    grow = read("en/okrs.yaml")[0].objectives[0]
    club = grow.key_results[1]
    assert (club.id, club.baseline, club.target, club.unit) == ("grow.kr2", 1000, 2000, "members")
    assert grow.key_results[0].baseline is None
    assert [a.id for a in grow.actions] == [None, "grow.a2"]


def test_key_result_values_keep_their_type() -> None:
    [doc] = read_yaml(
        """
        objectives:
          - title: Lower costs
            key_results:
              - title: Cost per order
                baseline: 1_000
                target: 0.5
                current: 1 500 kr
        """
    )
    kr = doc.objectives[0].key_results[0]
    assert (kr.baseline, kr.target, kr.current) == (1000, 0.5, "1 500 kr")


def test_current_is_the_starting_value_when_no_baseline_is_given() -> None:
    [doc] = read_yaml(
        """
        objectives:
          - title: Raskere svar
            key_results:
              - title: Redusere svartid på chat til 4 min
                current: 12
                target: 4
              - title: Øke NPS
                baseline: 20
                current: 31
                target: 40
        """
    )
    only_current, both = doc.objectives[0].key_results
    assert (only_current.baseline, only_current.current) == (12, 12)
    assert (both.baseline, both.current) == (20, 31)


@pytest.mark.parametrize(
    ("written", "trend"),
    [
        ("increase", "increase"),
        ("Decrease", "decrease"),
        ("down", "decrease"),
        ("øke", "increase"),
        ("Redusere", "decrease"),
        ("synkende", "decrease"),
        ("null", None),
    ],
)
def test_trend_is_the_direction_the_writer_wants(written: str, trend: str | None) -> None:
    [doc] = read_yaml(
        f"""
        objectives:
          - title: Faster answers
            key_results:
              - title: Median chat response time
                trend: {written}
        """
    )
    assert doc.objectives[0].key_results[0].trend == trend


def test_desired_trend_is_an_alias_and_a_key_result_without_one_has_none() -> None:
    [doc] = read_yaml(
        """
        objectives:
          - title: Raskere svar
            key_results:
              - title: Svartid på chat
                ønsket trend: ned
              - title: Øke NPS fra 20 til 40
        """
    )
    stated, silent = doc.objectives[0].key_results
    assert (stated.trend, silent.trend) == ("decrease", None)
    assert doc.unknown_fields == ()


def test_a_trend_okrlint_cannot_read_is_one_clear_error() -> None:
    with pytest.raises(OkrlintError) as caught:
        read_yaml(
            """
            objectives:
              - title: Faster answers
                key_results:
                  - title: Median chat response time
                    trend: sideways
            """
        )
    assert caught.value.line == 6
    assert caught.value.message == (
        "trend must be 'increase' or 'decrease' (the direction you want), got 'sideways'"
    )


def test_aliases_of_keys_and_multiple_documents() -> None:
    first, second = read("nb/okrs.yaml")
    assert first.path == second.path
    assert (first.period, second.period) == ("2025-Q1", "2025-Q2")
    assert (first.language, second.language) == ("nb", "nb")  # "norsk" and "nb"
    objective = first.objectives[0]
    assert objective.text.startswith("Dominere kaffebransjen i Oslo")  # key "objective"
    assert [kr.text for kr in objective.key_results] == [  # key "krs", item key "kr"
        "Doble antall medlemmer i «Kaffeklubben» fra 1 000 til 2 000",
        "Levere to konkrete suksesshistorier",
    ]
    assert second.objectives[0].key_results[1].target == "1 500 kr"  # item key "key_result"
    assert second.span.line == 12


def test_folded_title_is_one_line_of_text_and_spans_its_block() -> None:
    objective = read("nb/okrs.yaml")[1].objectives[0]
    assert objective.text == "Økte månedlige salgsinntekter, fordi vi er best på salg"
    assert objective.span == Span(16, 12, 18, 31)


def test_bare_list_of_objectives() -> None:
    [doc] = read("en/bare-list.yaml")
    assert [o.text for o in doc.objectives] == [
        "Make onboarding effortless",
        "Become the team people want to join",
    ]
    assert doc.objectives[0].key_results[1].span == span_in(
        "en/bare-list.yaml", 4, "Halve time to first order from 6 to 3 days"
    )
    assert doc.language is None  # left for the language layer to detect


@pytest.mark.parametrize("source", ["", "# only a comment\n", "---\n---\n", "objectives:\n"])
def test_empty_documents_have_no_objectives(source: str) -> None:
    documents = read_yaml(source)
    assert documents and all(d.objectives == () for d in documents)


def test_only_comments_fixture_is_one_empty_document() -> None:
    [doc] = read("nb/tom.yaml")
    assert doc.objectives == () and doc.format == "yaml"


def test_keys_ignore_case_and_dashes() -> None:
    [doc] = read_yaml(
        """
        Objectives:
          - Title: Grow
            Key Results:
              - Double revenue from 1 to 2 MNOK
        """
    )
    assert doc.objectives[0].key_results[0].text == "Double revenue from 1 to 2 MNOK"
    assert doc.unknown_fields == ()


def test_merge_keys_share_fields_between_objectives() -> None:
    [doc] = read_yaml(
        """
        objectives:
          - &sales
            title: Grow in Oslo
            owner: Sales
          - <<: *sales
            title: Grow in Bergen
        """
    )
    assert [(o.text, o.owner) for o in doc.objectives] == [
        ("Grow in Oslo", "Sales"),
        ("Grow in Bergen", "Sales"),
    ]


# ---------------------------------------------------------------------------- language


def test_the_callers_language_wins_over_the_file() -> None:
    [doc] = read("en/okrs.yaml", language="nb", language_source="config")
    assert (doc.language, doc.language_source) == ("nb", "config")


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("nb", "nb"),
        ("no", "nb"),
        ("nob", "nb"),
        ("Norsk", "nb"),
        ("bokmål", "nb"),
        ("en", "en"),
        ("English", "en"),
        ("en-GB", "en"),
        ("nb_NO", "nb"),
    ],
)
def test_language_names(written: str, expected: str) -> None:
    [doc] = read_yaml(f"language: {written}\nobjectives: []\n")
    assert doc.language == expected


def test_unknown_language_is_an_error_on_its_line() -> None:
    error = yaml_error("period: Q1\nlanguage: klingon\n")
    assert error.line == 2
    assert "unknown language 'klingon'" in error.message


# ---------------------------------------------------------------------------- unknown keys


def test_unknown_keys_are_kept_with_a_suggestion() -> None:
    [doc] = read_yaml(
        """
        perod: 2025-Q3
        objectives:
          - titel: Grow
            title: Grow in Oslo
            key_resluts: []
            key_results:
              - title: Double revenue
                trget: 2
                colour: blue
        """
    )
    found = [(u.key, u.where, u.suggestion, u.span.line, u.span.column) for u in doc.unknown_fields]
    assert found == [
        ("perod", "document", "period", 2, 1),
        ("titel", "objective", "title", 4, 5),
        ("key_resluts", "objective", "key_results", 6, 5),
        ("trget", "key result", "target", 9, 9),
        ("colour", "key result", None, 10, 9),
    ]
    assert doc.objectives[0].text == "Grow in Oslo"  # unknown keys do not stop the reading


def test_norwegian_key_names_suggest_the_english_key() -> None:
    [doc] = read_yaml(
        """
        periode: H1 2026
        mål: []
        objectives:
          - title: Tryggere drift
            ansvarlig: Driftssjef
            tiltak: [Ukentlig øvelse]
            key_results:
              - title: Null personskader
                deadline: juni
        """
    )
    found = [(u.key, u.where, u.suggestion) for u in doc.unknown_fields]
    assert found == [
        ("periode", "document", "period"),
        ("mål", "document", "objectives"),
        ("ansvarlig", "objective", "owner"),
        ("tiltak", "objective", "actions"),
        ("deadline", "key result", None),  # not "baseline": only close spellings are suggested
    ]


def test_a_singular_objective_key_at_the_top_suggests_objectives() -> None:
    [doc] = read_yaml("objective: Grow\n")
    assert [(u.key, u.suggestion) for u in doc.unknown_fields] == [("objective", "objectives")]


# ---------------------------------------------------------------------------- unusable data

SCHEMA_ERRORS = [
    ("objectives:\n  title: Grow\n", "objectives must be a list, got a mapping", 2),
    ("objectives: Grow\n", "objectives must be a list, got a string", 1),
    (
        "just a sentence\n",
        "the document must be a mapping with 'objectives' or a list of objectives, got a string",
        1,
    ),
    (
        "42\n",
        "the document must be a mapping with 'objectives' or a list of objectives, got a number",
        1,
    ),
    ("objectives:\n  - why: because\n", "objective has no title (add 'title: …')", 2),
    (
        "objectives:\n  - 2025\n",
        "an objective must be a title or a mapping with 'title', got a number",
        2,
    ),
    ("objectives:\n  - title: ''\n", "the objective title is empty", 2),
    ("objectives:\n  - title: [a, b]\n", "the objective title must be text, got a list", 2),
    (
        "objectives:\n  - title: A\n    key_results:\n      - 42\n",
        "a key result must be a text or a mapping with 'title', got a number",
        4,
    ),
    (
        "objectives:\n  - title: A\n    key_results:\n      -\n      - ok\n",
        "a key result must be a text or a mapping with 'title', got nothing (null)",
        4,
    ),
    (
        "objectives:\n  - title: A\n    key_results:\n      - [a, b]\n",
        "a key result must be a text or a mapping with 'title', got a list",
        4,
    ),
    (
        "objectives:\n  - title: A\n    key_results:\n      - target: 5\n",
        "key result has no title (add 'title: …')",
        4,
    ),
    (
        "objectives:\n  - title: A\n    key_results: Grow\n",
        "key_results must be a list, got a string",
        3,
    ),
    (
        "objectives:\n  - title: A\n    actions:\n      - true\n",
        "an action must be a text or a mapping with 'title', got a boolean",
        4,
    ),
    ("objectives:\n  - title: A\n    owner: [x]\n", "owner must be text, got a list", 3),
    (
        "objectives:\n  - title: A\n    key_results:\n      - title: B\n        target: [1]\n",
        "target must be a number or a text, got a list",
        5,
    ),
    (
        "objectives:\n  - title: A\n    objective: B\n",
        "objective sets 'title' twice ('title' on line 2 and 'objective')",
        3,
    ),
]


@pytest.mark.parametrize(("source", "message", "line"), SCHEMA_ERRORS)
def test_unusable_data_is_one_precise_error(source: str, message: str, line: int) -> None:
    error = yaml_error(source)
    assert (error.message, error.line, error.path) == (message, line, "okrs.yaml")


def test_syntax_errors_name_the_line() -> None:
    error = yaml_error("objectives:\n  - title: Grow\n    key_results: [a\n")
    assert error.message == (
        "could not parse YAML: while parsing a flow sequence; "
        "expected ',' or ']', but got '<stream end>'"
    )
    assert error.line == 4


# libyaml is more lenient than PyYAML here; the reader keeps to PyYAML's reading
LENIENT = [
    ("objectives: [Grow sales?]\n", "expected ',' or ']', but got '?'", 1),
    ("objectives:\n  - title:\tGrow\n", "found character '\\t' that cannot start any token", 2),
    ("objectives:\n  - title: Grow\tsales\n", "found character '\\t' that cannot start", 2),
    ("objectives:\n  - title: |#\n      Grow\n", "expected chomping or indentation", 2),
]


@pytest.mark.parametrize(("source", "problem", "line"), LENIENT)
def test_what_pyyaml_cannot_parse_stays_an_error(source: str, problem: str, line: int) -> None:
    error = yaml_error(source)
    assert error.message.startswith("could not parse YAML: ") and problem in error.message
    assert error.line == line


ANCHOR_AND_TAG_ERRORS = [
    (
        "objectives:\n  - &x Grow\n  - &x Keep\n",
        "could not parse YAML: found duplicate anchor 'x'; first occurrence; second occurrence",
        3,
    ),
    ("objectives: [*x]\n", "could not parse YAML: found undefined alias 'x'", 1),
    (  # PyYAML reads the comma into the tag; libyaml would read a plain '!!str'
        "objectives: [!!str, Grow]\n",
        "refusing YAML: unsupported tag '!!str,' (okrlint reads plain YAML data and never "
        "constructs objects from tags)",
        1,
    ),
]


@pytest.mark.parametrize(("source", "message", "line"), ANCHOR_AND_TAG_ERRORS)
def test_anchor_and_tag_errors(source: str, message: str, line: int) -> None:
    error = yaml_error(source)
    assert (error.message, error.line) == (message, line)


def test_control_characters_are_an_error_not_a_traceback() -> None:
    error = yaml_error("objectives:\n  - title: A\x07\n")
    assert "special characters" in error.message and error.line == 2


def test_alias_bombs_are_refused() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for name, previous in zip("bcdefgh", "abcdefg", strict=True):
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 10)}]")
    error = yaml_error("\n".join(lines) + "\n")
    assert error.message == (
        f"refusing YAML: aliases expand to more than {reader.MAX_ALIAS_EXPANSIONS} nodes"
    )


def test_a_few_aliases_are_fine() -> None:
    [doc] = read_yaml(
        """
        objectives:
          - title: Grow
            owner: &team Sales
          - title: Keep
            owner: *team
        """
    )
    assert [o.owner for o in doc.objectives] == ["Sales", "Sales"]


def test_recursive_aliases_are_refused() -> None:
    error = yaml_error("objectives: &loop [*loop]\n")
    assert error.message == "refusing YAML: an alias refers to a node that contains it"


@pytest.mark.parametrize("depth", [reader.MAX_DEPTH + 10, 5000])
def test_deep_nesting_is_refused(depth: int) -> None:
    error = yaml_error("objectives: " + "[" * depth + "]" * depth + "\n")
    assert error.message == f"refusing YAML: nesting deeper than {reader.MAX_DEPTH} levels"
    assert error.line == 1


def test_deep_block_nesting_is_refused_on_the_line_too_deep() -> None:
    error = yaml_error("objectives:\n" + "".join("  " * i + "- \n" for i in range(1, 200)))
    assert error.message == f"refusing YAML: nesting deeper than {reader.MAX_DEPTH} levels"
    assert error.line == reader.MAX_DEPTH + 1  # line n holds level n


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("objectives:\n  - !Ref Grow\n", "!Ref"),
        ("objectives:\n  - !!python/name:os.system\n", "!!python/name:os.system"),
        ("objectives:\n  - =\n", "!!value"),  # YAML 1.1 reads a bare '=' as a 'value' tag
    ],
)
def test_tags_other_than_plain_data_are_refused(source: str, shown: str) -> None:
    error = yaml_error(source)
    assert error.message.startswith(f"refusing YAML: unsupported tag '{shown}'")
    assert error.line == 2


# ---------------------------------------------------------------------------- suppressions


def test_suppression_comments() -> None:
    [doc] = read("en/okrs.yaml")
    assert doc.suppressions == (
        Suppression(18, frozenset({"OKR201", "kr-vague-quantifier"})),
        Suppression(28, frozenset()),
    )
    file_wide = read("nb/okrs.yaml")
    assert all(d.suppressions == (Suppression(1, frozenset({"OKR301"}), True),) for d in file_wide)


def test_suppression_words_inside_a_title_are_text() -> None:
    [doc] = read_yaml("objectives:\n  - 'Write okrlint: disable docs'\n")
    assert doc.suppressions == ()


# ---------------------------------------------------------------------------- JSON Schema


def _fixture_documents():
    for path in sorted(FIXTURES.rglob("*.y*ml")):
        for number, data in enumerate(yaml.safe_load_all(path.read_text(encoding="utf-8"))):
            yield pytest.param(data, id=f"{path.relative_to(FIXTURES)}#{number}")


def test_the_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema())


@pytest.mark.parametrize("data", list(_fixture_documents()))
def test_every_yaml_fixture_matches_the_schema(data) -> None:
    jsonschema.Draft202012Validator(json_schema()).validate(data)


def test_the_schema_names_exactly_the_keys_the_reader_knows() -> None:
    schema = json_schema()
    defs = schema["$defs"]

    def keys(node: dict) -> set[str]:
        mapping = next(branch for branch in node["oneOf"] if branch.get("type") == "object")
        return {reader._normal_key(key) for key in mapping["properties"]}

    assert keys(schema) == set(reader.DOCUMENT_KEYS)
    assert keys(defs["objective"]) == set(reader.OBJECTIVE_KEYS)
    assert keys(defs["key_result"]) == set(reader.KEY_RESULT_KEYS)
    assert keys(defs["action"]) == set(reader.ACTION_KEYS)


def test_the_schema_flags_what_the_reader_reports() -> None:
    validator = jsonschema.Draft202012Validator(json_schema())
    assert not validator.is_valid({"objectives": [{"titel": "Grow"}]})  # unknown key, no title
    assert not validator.is_valid({"objectives": {"title": "Grow"}})
    assert not validator.is_valid({"objectives": [{"title": "Grow", "key_results": [42]}]})


def test_each_yaml_document_holds_the_comments_that_can_apply_to_it(tmp_path: Path) -> None:
    """A comment silences its own line and the next, and a document's findings stand on its
    own lines: each '---' document holds the file-wide comments and those from the line
    above it to the line above the next one, not every comment of the file."""
    text = textwrap.dedent(
        """\
        # okrlint: disable-file=OKR301
        objectives:
          - title: Vokse i Bergen, fordi vi vil bli størst
            key_results:
              - Selge flere biler  # okrlint: disable=OKR201,OKR202
        # okrlint: disable=OKR2O1
        ---
        objectives:
          - title: Vokse i Oslo, fordi vi vil bli størst
            key_results:
              # okrlint: disable=OKR201,OKR202
              - Selge flere sykler
              - Selge flere båter
        """
    )
    first, second = read_document("a.okr.yaml", text, language="nb")
    assert [s.line for s in first.suppressions] == [1, 5, 6]
    assert [s.line for s in second.suppressions] == [1, 11]
    path = tmp_path / "a.okr.yaml"
    path.write_text(text, encoding="utf-8")
    result = run_okrlint("check", "--no-cache", "-f", "json", str(path))
    found = sorted((f["line"], f["code"]) for f in json.loads(result.out)["findings"])
    assert found == [(3, "OKR103"), (6, "OKR304"), (13, "OKR201"), (13, "OKR202")]


def test_an_unquoted_item_with_a_colon_is_read_as_written() -> None:
    """ "- Sell 1 500 cards (2025: 1 120)" is a one-key mapping to YAML; the writer meant the
    text, so it is read back from the line, and the rest of the file is read too."""
    [doc] = read_yaml(
        """
        objectives:
          - title: Sell more season passes, so that winter pays for summer
            key_results:
              - Sell 1 500 season passes to children (2025: 1 120)  # a comment
              - Online pre-sales before 1 November: 70 % of all passes
              - Pass revenue from $1.2M to $1.5M
            actions:
              - Call every lapsed holder: twice
        """
    )
    [objective] = doc.objectives
    assert [kr.text for kr in objective.key_results] == [
        "Sell 1 500 season passes to children (2025: 1 120)",
        "Online pre-sales before 1 November: 70 % of all passes",
        "Pass revenue from $1.2M to $1.5M",
    ]
    assert objective.key_results[0].span.line == 5
    assert [a.text for a in objective.actions] == ["Call every lapsed holder: twice"]


def test_a_misspelt_field_with_a_colon_is_still_an_error() -> None:
    """A one-word key is a field name (a typo of 'title'), not text: still no title."""
    with pytest.raises(OkrlintError, match="no title"):
        read_yaml(
            """
            objectives:
              - title: Grow, because we must
                key_results:
                  - titel: Revenue from 1 to 2
            """
        )


@pytest.mark.parametrize("brk", ["\x85", "\u2028", "\u2029"])
def test_a_yaml_only_line_break_keeps_findings_on_the_users_lines(brk: str) -> None:
    """NEL, LS and PS break lines for YAML but not for an editor: spans stay on the file's
    own lines (a property test found an objective placed on line 4 of a 3-line file)."""
    text = f"- '0{brk}  '\n- '0{brk}  '\n"
    [doc] = read_yaml(text)
    assert [(o.text, o.span.line, o.span.end_line) for o in doc.objectives] == [
        ("0", 1, 1),
        ("0", 2, 2),
    ]
