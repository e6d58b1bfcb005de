"""Every fixture named ``*.okr.*`` under fixtures/ states its expected findings
inline (``# expect: OKR201``); this one collector checks them.

The tuning fixtures must match exactly. The hold-outs and the blind rounds measure judgement
on text it was not tuned for: their precision and recall are reported at the end of the test
run, and never fail it (a set that fails the build gets tuned until it passes, and then it
measures nothing).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from conftest import FIXTURES, REPORTED_SCORES

from okrlint.testing import (
    SPEC_CODES,
    Outcome,
    expectations,
    fixture_files,
    run_fixtures,
    scores,
    selected,
    table_lines,
)

# Folders under fixtures/ that are scored and reported, never pass/fail; the codes scored.
REPORTED = {"holdout": None, "blind": SPEC_CODES}
FILES = [p for p in fixture_files(FIXTURES) if p.relative_to(FIXTURES).parts[0] not in REPORTED]


def test_there_are_fixtures_in_every_format_and_both_languages() -> None:
    suffixes = {p.suffix for p in FILES}
    assert {".yaml", ".md", ".txt"} <= suffixes
    langs = {part for p in FILES for part in p.relative_to(FIXTURES).parts if part in ("en", "nb")}
    assert langs == {"en", "nb"}


@cache
def _folder_outcomes(folder: Path) -> dict[str, Outcome]:
    """A folder's fixtures, checked together (cross-file rules see their set), once."""
    return {o.path: o for o in run_fixtures([p for p in FILES if p.parent == folder])}


@pytest.mark.parametrize(
    "path",
    # a folder's files on one worker (pytest-xdist), so that each folder is checked once
    [
        pytest.param(p, marks=pytest.mark.xdist_group(str(p.parent.relative_to(FIXTURES))))
        for p in FILES
    ],
    ids=lambda p: str(p.relative_to(FIXTURES)),
)
def test_fixture_findings_match_inline_expectations(path: Path) -> None:
    outcome = _folder_outcomes(path.parent)[str(path)]
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


def _reported_sets() -> list[tuple[str, tuple[str, ...] | None]]:
    """The hold-outs as one set, each blind round as its own."""
    sets = [("holdout", REPORTED["holdout"])]
    rounds = sorted(p for p in (FIXTURES / "blind").iterdir() if p.is_dir())
    return sets + [(f"blind/{r.name}", REPORTED["blind"]) for r in rounds]


@pytest.mark.parametrize(("folder", "codes"), _reported_sets(), ids=lambda v: str(v))
def test_reported_sets_are_labelled_and_scored(folder, codes, request) -> None:
    """Every file of a reported set states its labels and is read; its figures go to the
    summary at the end of the run, whatever they are."""
    files = fixture_files(FIXTURES / folder)
    assert files, f"no fixtures under {folder}"
    outcomes = run_fixtures(files)
    unlabelled = [o.path for o in outcomes if not o.expected]
    assert unlabelled == []
    unread = [o.path for o in outcomes if any(e.code == "OKR000" for e in o.found)]
    assert unread == []
    table = selected(scores(outcomes), codes)
    request.config.stash.setdefault(REPORTED_SCORES, {})[folder] = table_lines(table)


def test_the_scoring_command_prints_f1_and_scores_only_the_selected_codes(tmp_path, capsys) -> None:
    from okrlint.testing import main

    path = tmp_path / "x.okr.yaml"
    path.write_text(
        "language: nb\n"
        "objectives:\n"
        "  - title: Vinne markedet, fordi vi vil vokse\n"
        "    key_results:\n"
        "      - Selge flere biler   # expect: OKR201\n"
        "      - Øke salget fra 100 til 200   # expect: OKR204\n",
        encoding="utf-8",
    )
    main(["--select", "OKR201,OKR202,OKR204", "-v", str(tmp_path)])
    out = capsys.readouterr().out.splitlines()
    assert out[1].split() == ["OKR201", "1", "0", "0", "1.000", "1.000", "1.000"]
    assert out[2].split() == ["OKR202", "0", "1", "0", "0.000", "1.000", "0.000"]
    assert out[3].split() == ["OKR204", "0", "0", "1", "1.000", "0.000", "0.000"]
    assert out[4].startswith("macro-F1 0.333")
    assert out[5:] == [f"FP {path}:5 OKR202", f"FN {path}:6 OKR204"]
