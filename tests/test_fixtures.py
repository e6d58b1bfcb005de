"""Every fixture named ``*.okr.*`` under fixtures/ states its expected findings
inline (``# expect: OKR201``); this one collector checks them all."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from okrlint.testing import expectations, fixture_files, run_fixtures

FILES = fixture_files(FIXTURES)


def test_there_are_fixtures_in_every_format_and_both_languages() -> None:
    suffixes = {p.suffix for p in FILES}
    assert {".yaml", ".md", ".txt"} <= suffixes
    langs = {part for p in FILES for part in p.relative_to(FIXTURES).parts if part in ("en", "nb")}
    assert langs == {"en", "nb"}


@pytest.mark.parametrize(
    "outcome", run_fixtures(FILES), ids=lambda o: o.path.split("fixtures/")[-1]
)
def test_fixture_findings_match_inline_expectations(outcome) -> None:
    missed = [f"{e.line}: {e.code}" for e in outcome.missed]
    unexpected = [f"{e.line}: {e.code}" for e in outcome.unexpected]
    assert not missed and not unexpected, f"missed {missed}, unexpected {unexpected}"


def test_expectation_comments_are_read(tmp_path) -> None:
    path = tmp_path / "x.okr.yaml"
    path.write_text(
        "# expect-file: OKR301\n"
        "objectives:\n"
        "  # expect: OKR101 OKR102\n"
        "\n"
        "  - title: Øke salget med 30 %\n"
        "    key_results:\n"
        "      - Selge flere biler   # expect: OKR201\n",
        encoding="utf-8",
    )
    got = [(e.line, e.code) for e in expectations(path)]
    assert got == [(0, "OKR301"), (5, "OKR101"), (5, "OKR102"), (7, "OKR201")]


def test_a_markdown_heading_is_an_element_not_a_comment(tmp_path) -> None:
    path = tmp_path / "x.okr.md"
    path.write_text(
        "<!-- expect-file: OKR301 -->\n"
        "## Objective: Doble brukerbasen <!-- expect: OKR101 -->\n"
        "<!-- expect: OKR102 -->\n"
        "## Objective: Vinne markedet\n"
        "- Selge flere biler <!-- expect: OKR201 -->\n",
        encoding="utf-8",
    )
    got = [(e.line, e.code) for e in expectations(path)]
    assert got == [(0, "OKR301"), (2, "OKR101"), (4, "OKR102"), (5, "OKR201")]
