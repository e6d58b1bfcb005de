"""Document rules OKR301-OKR303, and the title lines that name a document's period."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import run_okrlint

from okrlint.config import Config
from okrlint.engine import run_rules, select_rules
from okrlint.model import Finding
from okrlint.readers import read_document
from okrlint.registry import builtin_rules

KRS_NB = "\n- Øke NPS fra 20 til 40\n- Redusere frafall fra 8 % til 5 %\n"
KRS_TXT = "Key results:\n• Øke NPS fra 20 til 40\n• Redusere frafall fra 8 % til 5 %\n"


def check(
    text: str, name: str, lang: str = "nb", today: dt.date | None = None, **config
) -> list[Finding]:
    docs = read_document(name, text, language=lang, language_source="cli")
    active = select_rules(builtin_rules(), Config(select=("OKR3",), **config))
    return run_rules(docs, active, Config(), today=today)


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


@pytest.mark.parametrize(
    ("title", "period"),
    [
        ("# OKR for Hansen Bilverksted – 1. kvartal 2026", "1. kvartal 2026"),
        ("# Brightside Studio: OKRs Q2 2025", "Q2 2025"),
        ("# Nærkjøp Vest – mål for 2026", "2026"),
        ("# Clean Water Now: H2 2025 OKRs", "H2 2025"),
    ],
)
def test_a_markdown_title_names_the_period(title: str, period: str) -> None:
    text = f"{title}\n\n## Objective 1 – Økt kundelojalitet, fordi kundene skal bli\n{KRS_NB}"
    doc = read_document("okrs.okr.md", text, language="nb", language_source="cli")[0]
    assert doc.period == period
    assert [o.text for o in doc.objectives] == ["Økt kundelojalitet, fordi kundene skal bli"]
    assert "OKR301" not in codes(check(text, "okrs.okr.md"))


@pytest.mark.parametrize(
    ("title", "period", "owner"),
    [
        ("OKR for Butikk Nord – 3. kvartal 2025", "3. kvartal 2025", "Butikk Nord"),
        ("Tall & Co Regnskap – OKR-er for 2. kvartal 2026", "2. kvartal 2026", None),
        ("Harbour Hotels Group\nOKRs for H1 2026", "H1 2026", None),
        ("Fernbrook OKRs, Q1 2026", "Q1 2026", None),
    ],
)
def test_a_plain_text_title_names_the_period_and_is_no_objective(
    title: str, period: str, owner: str | None
) -> None:
    text = f"{title}\n\nObjective: Økt kundelojalitet, fordi kundene skal bli\n{KRS_TXT}"
    doc = read_document("okrs.okr.txt", text, language="nb", language_source="cli")[0]
    assert (doc.period, doc.owner) == (period, owner)
    assert len(doc.objectives) == 1
    assert "OKR301" not in codes(check(text, "okrs.okr.txt"))


@pytest.mark.parametrize(
    ("name", "title", "objective", "owner"),
    [
        ("okrs.okr.txt", "OKR – Granheim Sagbruk AS", "Objective: ", "Granheim Sagbruk AS"),
        (
            "okrs.okr.md",
            "# OKRs – Harbourline Logistics, warehouse and yard",
            "## Objective 1: ",
            "Harbourline Logistics, warehouse and yard",
        ),
        ("okrs.okr.md", "# OKR: Nordby Kjøkken", "## Mål: ", "Nordby Kjøkken"),
    ],
)
def test_an_opening_okr_line_with_nothing_of_its_own_is_the_title(
    name: str, title: str, objective: str, owner: str
) -> None:
    """ "OKR – <who>" before the first objective names who the OKRs are for; it is no
    objective without a reason (OKR102) or without key results (OKR103)."""
    text = f"{title}\n\n{objective}Økt kundelojalitet, fordi kundene skal bli\n{KRS_TXT}"
    doc = read_document(name, text, language="nb", language_source="cli")[0]
    assert [o.text for o in doc.objectives] == ["Økt kundelojalitet, fordi kundene skal bli"]
    assert doc.objectives[0].span.line == 3
    assert doc.owner == owner


@pytest.mark.parametrize(
    ("heading", "owner"),
    [
        ("## Salg – mål 1: Vinne bedriftsmarkedet, fordi marginen er best der", "Salg"),
        (
            "## Field Service — Objective 2: Fix it first time, because repeat visits cost",
            "Field Service",
        ),
    ],
)
def test_a_numbered_objective_label_after_a_team_name(heading: str, owner: str) -> None:
    """The team's name before the dash is the objective's owner; "1" in "mål 1" is no amount."""
    text = f"# Plan 2027\n\n{heading}\n{KRS_NB}"
    doc = read_document("okrs.okr.md", text, language="nb", language_source="cli")[0]
    [objective] = doc.objectives
    assert objective.owner == owner
    assert objective.text == heading.split(": ", 1)[1]
    assert len(objective.key_results) == 2


@pytest.mark.parametrize("word", ["Etatsmål", "Seksjonsmål", "Kommunemål"])
def test_a_compound_goal_label_with_its_colon_is_an_objective(word: str) -> None:
    text = f"## {word}: Økt kundelojalitet, fordi kundene skal bli\n{KRS_NB}"
    doc = read_document("okrs.okr.md", text, language="nb", language_source="cli")[0]
    assert [o.text for o in doc.objectives] == ["Økt kundelojalitet, fordi kundene skal bli"]
    assert len(doc.objectives[0].key_results) == 2


def test_a_title_with_a_team_name_and_okr_stays_a_title() -> None:
    text = f"Granli Gartneri AS – OKR 2. halvår 2026\n\nObjective: Økt kundelojalitet, fordi kundene skal bli\n{KRS_TXT}"
    doc = read_document("okrs.okr.txt", text, language="nb", language_source="cli")[0]
    assert doc.period == "2. halvår 2026"
    assert len(doc.objectives) == 1


@pytest.mark.parametrize("name", ["okrs.okr.txt", "okrs.okr.md"])
def test_okr_lines_that_have_key_results_stay_objectives(name: str) -> None:
    text = (
        "OKR: Bli best på service, fordi det gir lojalitet\n" + KRS_TXT + "\n"
        "OKR: Vinne bedriftsmarkedet, fordi marginen er best der\n" + KRS_TXT
    )
    doc = read_document(name, text, language="nb", language_source="cli")[0]
    assert len(doc.objectives) == 2
    assert all(len(o.key_results) == 2 for o in doc.objectives)


def test_a_quarter_in_an_objective_or_a_long_introduction_is_no_period() -> None:
    text = (
        "Bakeriet i Storgata\n\nBakeriet ble grunnlagt i 1998 og har siden den gang bakt brød "
        "til hele nabolaget hver eneste morgen.\n\n"
        "Objective: Vellykket lansering av nytt brød i Q3, fordi kundene spør etter det\n" + KRS_TXT
    )
    found = [
        f for f in check(text, "okrs.okr.txt", today=dt.date(2025, 8, 1)) if f.code == "OKR301"
    ]
    assert len(found) == 1
    assert found[0].element == "document"
    assert "«period: 3. kvartal 2025»" in (found[0].suggestion or "")


@pytest.mark.parametrize(
    ("today", "nb", "en"),
    [
        (dt.date(2026, 12, 1), "«period: 4. kvartal 2026»", "'period: Q4 2026'"),
        (dt.date(2027, 1, 1), "«period: 1. kvartal 2027»", "'period: Q1 2027'"),
        (dt.date(2026, 3, 31), "«period: 1. kvartal 2026»", "'period: Q1 2026'"),
        (dt.date(2026, 4, 1), "«period: 2. kvartal 2026»", "'period: Q2 2026'"),
    ],
)
def test_the_missing_period_hint_names_the_quarter_of_the_run(
    today: dt.date, nb: str, en: str
) -> None:
    nb_text = "Objective: Økt kundelojalitet, fordi kundene skal bli\n" + KRS_TXT
    en_text = "Objective: Keep customers longer, because churn eats growth\nKey results:\n- Cut churn from 3% to 2%\n"
    (nb_found,) = [f for f in check(nb_text, "a.okr.txt", "nb", today) if f.code == "OKR301"]
    (en_found,) = [f for f in check(en_text, "a.okr.txt", "en", today) if f.code == "OKR301"]
    assert nb_found.suggestion == f"add {nb} at the top, or name the period in the title"
    assert en_found.suggestion == f"add {en} at the top, or name the period in the title"


def test_the_missing_period_hint_follows_source_date_epoch(tmp_path: Path) -> None:
    (tmp_path / "a.okr.txt").write_text(
        "Objective: Keep customers longer, because churn eats growth\n", encoding="utf-8"
    )
    dec_2026 = str(int(dt.datetime(2026, 12, 1, tzinfo=dt.UTC).timestamp()))
    result = run_okrlint(
        "check", "--no-cache", "a.okr.txt", cwd=tmp_path, env={"SOURCE_DATE_EPOCH": dec_2026}
    )
    assert "hint: add 'period: Q4 2026' at the top" in result.out
    broken = run_okrlint(
        "check", "--no-cache", "a.okr.txt", cwd=tmp_path, env={"SOURCE_DATE_EPOCH": "soon"}
    )
    assert broken.code == 2
    assert (
        broken.err
        == "okrlint: error: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got 'soon'\n"
    )


def test_a_heading_that_is_an_objective_names_no_period() -> None:
    text = "## Bli best på kaffe i 2026, fordi konkurrentene sover\n" + KRS_NB
    assert "OKR301" in codes(check(text, "okrs.okr.md"))


def test_too_many_objectives_counts_per_owner() -> None:
    def objective(n: int, owner: str) -> str:
        return (
            f"  - title: Mål nummer {n} for teamet, fordi vi vil vokse\n    owner: {owner}\n"
            "    key_results:\n      - Øke NPS fra 20 til 40\n      - Øke salget fra 10 til 20\n"
        )

    split = "period: Q3 2025\nobjectives:\n" + "".join(
        objective(n, "Salg" if n % 2 else "Marked") for n in range(10)
    )
    assert "OKR302" not in codes(check(split, "okrs.okr.yaml"))
    one_owner = "period: Q3 2025\nobjectives:\n" + "".join(objective(n, "Salg") for n in range(6))
    found = [f for f in check(one_owner, "okrs.okr.yaml") if f.code == "OKR302"]
    assert len(found) == 1
    assert found[0].message == "«Salg» has 6 objectives for «Q3 2025»; more than 5 splits the focus"
    relaxed = {"rule_settings": {"too-many-objectives": {"max": 6}}}
    assert "OKR302" not in codes(check(one_owner, "okrs.okr.yaml", **relaxed))


def test_unknown_field_is_reported_at_the_key_with_a_suggestion() -> None:
    text = (
        "periode: Q3 2025\n"
        "objectives:\n"
        "  - title: Økt kundelojalitet, fordi kundene skal bli\n"
        "    ansvarlig: Kundeservice\n"
        "    key_results:\n"
        "      - Øke NPS fra 20 til 40\n"
        "      - Redusere frafall fra 8 % til 5 %\n"
    )
    found = [f for f in check(text, "okrs.okr.yaml") if f.code == "OKR303"]
    assert [(f.span.line, f.span.column) for f in found] == [(1, 1), (4, 5)]
    assert found[0].suggestion == "did you mean «period»? rename «periode»"
    assert found[1].suggestion == "did you mean «owner»? rename «ansvarlig»"
    assert "OKR301" in codes(check(text, "okrs.okr.yaml"))  # the misspelt period is lost


def test_unknown_field_ignores_markdown_and_text() -> None:
    text = "Periode: Q3 2025\n\nObjective: Økt kundelojalitet, fordi kundene skal bli\n" + KRS_TXT
    assert codes(check(text, "okrs.okr.txt")) == []


# ---------------------------------------------------------------------------- the README

README = Path(__file__).resolve().parents[1] / "README.md"


def _section(name: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(f"<!-- section: {name} -->")
    return text[start : text.index("<!-- section:", start + 1)]


def test_the_readme_rule_table_is_what_okrlint_rules_prints(tmp_path: Path) -> None:
    result = run_okrlint("rules", "--format", "markdown", cwd=tmp_path)  # no config: built-ins
    assert result.code == 0, result.err
    table = [line for line in _section("rules").splitlines() if line.startswith("| `OKR")]
    printed = [line for line in result.out.splitlines() if line.startswith("| `OKR")]
    assert table == printed, "regenerate the README table: okrlint rules --format markdown"


def test_the_readme_custom_rule_examples_load(tmp_path: Path) -> None:
    from okrlint.custom import load_custom_rules

    blocks = re.findall(r"```yaml\n(.*?)```", _section("plugins"), re.DOTALL)
    assert len(blocks) == 2
    for n, block in enumerate(blocks):
        (tmp_path / f"rule{n}.yaml").write_text(block, encoding="utf-8")
    loaded = load_custom_rules(tmp_path)
    assert [(r.code, r.name) for r in loaded] == [
        ("ACME001", "no-buzzwords"),
        ("ACME002", "rule1"),
    ]
