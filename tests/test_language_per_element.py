"""Language per element: an objective or key result that clearly differs from its file's
(detected) language is read in its own, so it gets exactly the findings, hints and quotes it
gets in a file of its own language. A language the user set (the file's `language:` key,
--language, config) holds for every element."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, run_okrlint

import okrlint
from okrlint.language.detect import differing_language

MIXED = FIXTURES / "mixed"
NB_FILE = MIXED / "nb" / "mixed-language.okr.yaml"
EN_FILE = MIXED / "en" / "mixed-language.okr.md"


def element_findings(report: okrlint.Report) -> dict[tuple[str, str], tuple]:
    """(element text, code) -> what a user reads of the finding; lines differ between files."""
    return {
        (f.text, f.code): (f.severity, f.message, f.suggestion, f.highlight, f.language)
        for f in report.findings
        if f.element != "document"
    }


def yaml_objectives_alone(path: Path) -> list[tuple[str, str]]:
    """(title, a YAML file holding only that objective, in the language it is written in)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    alone = []
    for objective in data["objectives"]:
        lang = "nb" if re.search(r"[æøå]", objective["title"], re.IGNORECASE) else "en"
        single = {"period": data["period"], "language": lang, "objectives": [objective]}
        alone.append((objective["title"], yaml.safe_dump(single, allow_unicode=True)))
    return alone


def markdown_objectives_alone(path: Path) -> list[tuple[str, str]]:
    text = path.read_text(encoding="utf-8")
    sections = text.split("\n## ")[1:]
    alone = []
    for section in sections:
        title = section.split("\n", 1)[0].removeprefix("Objective: ")
        lang = "nb" if re.search(r"[æøå]", title, re.IGNORECASE) else "en"
        alone.append((title, f"---\nperiod: Q1 2026\nlanguage: {lang}\n---\n\n## {section}"))
    return alone


@pytest.mark.parametrize(
    ("path", "split", "fmt"),
    [(NB_FILE, yaml_objectives_alone, "yaml"), (EN_FILE, markdown_objectives_alone, "markdown")],
    ids=["nb-file-with-an-english-objective", "en-file-with-a-norwegian-objective"],
)
def test_each_element_gets_the_findings_of_a_file_in_its_own_language(path, split, fmt) -> None:
    mixed = element_findings(okrlint.check_paths(path))
    expected: dict[tuple[str, str], tuple] = {}
    for _, alone in split(path):
        expected.update(element_findings(okrlint.check_text(alone, format=fmt)))
    assert mixed == expected
    assert {v[4] for v in mixed.values()} == {"en", "nb"}  # both languages are in play


def test_the_issues_english_objective_in_a_norwegian_file() -> None:
    report = okrlint.check_paths(NB_FILE)
    assert report.files[0].language == "nb"
    english = {
        (f.span.line, f.code): (f.language, f.suggestion)
        for f in report.findings
        if 13 <= f.span.line <= 16
    }
    assert english == {
        # no OKR102 on "…, because first impressions drive retention", and the OKR203 the
        # same key result gets in an English file
        (14, "OKR203"): (
            "en",
            "add the starting value: 'Reduce support tickets per 1,000 orders from X to …'",
        ),
        (16, "OKR201"): ("en", "replace 'more' with a number: 'from X to Y'"),
        (16, "OKR202"): ("en", "replace 'more' with the number you mean, e.g. 'from X to Y'"),
    }


def test_json_shows_the_language_of_every_finding() -> None:
    result = run_okrlint("check", "--no-cache", "--format", "json", str(NB_FILE))
    data = json.loads(result.out)
    assert [(f["line"], f["code"], f["language"]) for f in data["findings"]] == [
        (11, "OKR201", "nb"),
        (11, "OKR202", "nb"),
        (14, "OKR203", "en"),
        (16, "OKR201", "en"),
        (16, "OKR202", "en"),
        (18, "OKR102", "nb"),
        (20, "OKR203", "nb"),
    ]


@pytest.mark.parametrize(
    "how", ["language: key", "--language", "config language"], ids=lambda h: h.replace(" ", "-")
)
def test_a_language_the_user_sets_holds_for_every_element(tmp_path: Path, how: str) -> None:
    text = NB_FILE.read_text(encoding="utf-8")
    args = ["check", "--no-cache", "--format", "json", "okrs.okr.yaml"]
    if how == "language: key":
        text = text.replace("period: 2026-Q1\n", "period: 2026-Q1\nlanguage: nb\n")
    elif how == "--language":
        args.insert(1, "--language=nb")
    else:
        (tmp_path / "pyproject.toml").write_text('[tool.okrlint]\nlanguage = "nb"\n')
    (tmp_path / "okrs.okr.yaml").write_text(text, encoding="utf-8")
    data = json.loads(run_okrlint(*args, cwd=tmp_path).out)
    assert {f["language"] for f in data["findings"]} == {"nb"}
    # read as Norwegian, the English objective has no "fordi": the user asked for that
    assert any(f["code"] == "OKR102" and f["text"].startswith("Make our") for f in data["findings"])


@pytest.mark.parametrize(
    ("text", "around", "expected"),
    [
        ("Make our onboarding delightful, because first impressions drive retention", "nb", "en"),
        ("Reduce support tickets per 1,000 orders by 20%", "nb", "en"),
        ("Øke NPS fra 20 til 40", "en", "nb"),
        ("Selge flere biler", "en", "nb"),
        # too little to go on: the element stays in the language around it
        ("Churn under 2 %", "nb", None),
        ("NPS 40", "en", None),
        ("Increase NPS to 40", "nb", None),
        ("Redusere churn", "en", None),
        # an English brand in a Norwegian key result is no English key result
        ("Selge 20 000 matvarer via Too Good To Go", "nb", None),
        # the language it is already in
        ("Reduce churn from 5% to 3%", "en", None),
        ("Øke NPS fra 20 til 40", "nb", None),
    ],
)
def test_an_element_differs_only_on_clear_evidence(
    text: str, around: str, expected: str | None
) -> None:
    assert differing_language(text, around) == expected


def test_a_key_result_without_evidence_follows_its_objective() -> None:
    text = (
        "period: 2026-Q1\nobjectives:\n"
        "  - title: Bli kundenes førstevalg i regionen, fordi vi vil vokse\n"
        "    key_results: [Øke NPS fra 20 til 40, Doble antall faste kunder fra 200 til 400]\n"
        "  - title: Make our onboarding delightful, because first impressions drive retention\n"
        "    key_results: [NPS 40, Churn under 2 %]\n"
    )
    [document] = okrlint.check_text(text).files[0].documents
    languages = [(e.text, document.language_of(e)) for e in document.elements()]
    assert languages[3:] == [
        ("Make our onboarding delightful, because first impressions drive retention", "en"),
        ("NPS 40", "en"),
        ("Churn under 2 %", "en"),
    ]
    assert {lang for _, lang in languages[:3]} == {"nb"}
