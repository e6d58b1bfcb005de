"""The cascade across files: the OKR set index, the alignment rules OKR401-OKR406, the
fixtures' inline expectations, and a pre-commit-style run that checks one changed file
against the unchanged rest of the set."""

from __future__ import annotations

import json
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import FIXTURES, run_okrlint

from okrlint.alignment import OkrSet, alignment_config, apply_levels, periods_agree, tree_rows
from okrlint.config import Config, parse_config
from okrlint.engine import ActiveRule, run_rules
from okrlint.errors import ConfigError
from okrlint.readers import read_document
from okrlint.registry import builtin_rules
from okrlint.testing import expectations

CASCADE = FIXTURES / "cascade"
ALIGNMENT_RULES = [r for r in builtin_rules() if r.code.startswith("OKR4")]


def yaml_doc(path: str, text: str):
    return read_document(path, textwrap.dedent(text), language="en", language_source="cli")[0]


def alignment_findings(documents, checked=None):
    active = [ActiveRule(r, r.severity, dict(r.options)) for r in ALIGNMENT_RULES]
    return run_rules(checked or documents, active, Config(), {}, all_documents=documents)


COMPANY = """\
    period: 2025
    objectives:
      - id: company
        title: Grow revenue, so that we can invest in the product
        level: company
        key_results:
          - id: company-kr1
            title: Raise revenue from $2M to $3M
          - id: company-kr2
            title: Raise retention from 80% to 90%
    """


def team(parent: str, period: str = "Q3 2025", ident: str = "team") -> str:
    return f"""\
    period: {period}
    objectives:
      - id: {ident}
        title: Sell more to existing customers, because upselling is cheaper
        parent: {parent}
    """


# --------------------------------------------------------------------------- the index


def test_a_parent_in_another_file_resolves_to_that_key_result() -> None:
    company = yaml_doc("company.yaml", COMPANY)
    sales = yaml_doc("sales.yaml", team("company-kr2"))
    the_set = OkrSet([company, sales])
    target = the_set.parent[id(sales.objectives[0])]
    assert target.element is company.objectives[0].key_results[1]
    assert target.document is company


def test_a_case_slip_is_not_resolved_but_suggested() -> None:
    company = yaml_doc("company.yaml", COMPANY)
    sales = yaml_doc("sales.yaml", team("Company-KR1"))
    findings = alignment_findings([company, sales], [sales])
    assert [f.code for f in findings] == ["OKR401"]
    assert "company-kr1" in (findings[0].suggestion or "")


def test_a_parent_naming_an_action_is_reported() -> None:
    doc = yaml_doc(
        "team.yaml",
        """\
        objectives:
          - title: Make support our strongest side, so that customers stay
            actions:
              - id: hire
                title: Hire two support engineers
          - title: Grow the support team, so that waiting times fall
            parent: hire
        """,
    )
    findings = alignment_findings([doc])
    assert [(f.code, f.span.line) for f in findings] == [("OKR401", 6)]
    assert "action" in findings[0].message


def test_derived_plain_text_ids_are_local_to_their_file() -> None:
    text = "Objective: Grow revenue, because we want to invest\n\nKey results:\n\n- Raise revenue from 1 to 2\n"
    first = read_document("a.txt", text, language="en", language_source="cli")[0]
    second = read_document("b.txt", text, language="en", language_source="cli")[0]
    assert first.objectives[0].id == second.objectives[0].id  # both "o1": positional
    assert not [f for f in alignment_findings([first, second]) if f.code == "OKR405"]


def test_duplicates_list_the_clashing_uses_of_an_id_in_set_order() -> None:
    def yaml_with(path: str, ident: str):
        return yaml_doc(path, f"objectives:\n  - id: {ident}\n    title: Grow revenue\n")

    def text(path: str, body: str):
        return read_document(path, body, language="en", language_source="cli")[0]

    growth_twice = "Objective: Grow revenue {#growth}\n\nObjective: Keep customers {#growth}\n"
    documents = [
        yaml_with("a.yaml", "o1"),
        yaml_with("b.yaml", "growth"),
        text("c.txt", "Objective: Grow revenue\n"),  # "o1", positional
        text("d.txt", growth_twice),
        text("e.txt", "Objective: Grow revenue\n"),
        yaml_with("f.yaml", "o1"),
        yaml_with("g.yaml", "growth"),
    ]
    the_set = OkrSet(documents)

    def uses(document) -> list[tuple[str | None, list[str]]]:
        return [(e.id, [o.where for o in others]) for e, others in the_set.duplicates(document)]

    assert uses(documents[2]) == [("o1", ["a.yaml:3", "f.yaml:3"])]  # never e.txt's "o1"
    assert uses(documents[3]) == [
        ("growth", ["b.yaml:3", "d.txt:3", "g.yaml:3"]),
        ("growth", ["b.yaml:3", "d.txt:1", "g.yaml:3"]),
    ]
    assert uses(documents[0]) == [("o1", ["c.txt:1", "e.txt:1", "f.yaml:3"])]


def test_the_same_id_in_two_yaml_files_is_reported_in_both() -> None:
    company = yaml_doc("company.yaml", COMPANY)
    clash = yaml_doc("sales.yaml", team("company-kr1", ident="company"))
    findings = [f for f in alignment_findings([company, clash]) if f.code == "OKR405"]
    assert sorted(f.path for f in findings) == ["company.yaml", "sales.yaml"]
    assert "sales.yaml:4" in next(f.message for f in findings if f.path == "company.yaml")


def test_a_ten_thousand_deep_chain_and_a_cycle_need_no_recursion() -> None:
    rows = ["objectives:"]
    depth = 10_000
    for i in range(depth):
        parent = f"\n    parent: n{i - 1}" if i else ""
        rows.append(f"  - id: n{i}\n    title: Step {i}, because the chain must hold{parent}")
    doc = read_document("chain.yaml", "\n".join(rows), language="en", language_source="cli")[0]
    the_set = OkrSet([doc])
    assert not the_set.cycles
    assert [r.depth for r in tree_rows(the_set)] == list(range(depth))
    looped = rows[:]
    looped[1] += f"\n    parent: n{depth - 1}"
    doc = read_document("loop.yaml", "\n".join(looped), language="en", language_source="cli")[0]
    assert len(OkrSet([doc]).cycles) == depth


def test_uncovered_company_key_results_only_count_once_a_cascade_exists() -> None:
    company = yaml_doc("company.yaml", COMPANY)
    alone = alignment_findings([company])
    assert not [f for f in alone if f.code == "OKR404"]
    linked = alignment_findings([company, yaml_doc("sales.yaml", team("company-kr1"))])
    assert [(f.code, f.text) for f in linked if f.code == "OKR404"] == [
        ("OKR404", "Raise retention from 80% to 90%")
    ]


@pytest.mark.parametrize(
    ("child", "parent", "agree"),
    [
        ("Q3 2025", "2025", True),
        ("2025-Q3", "Q3 2025", True),
        ("2025Q3", "2025", True),
        ("Q3 2025", "Q2 2025", False),
        ("Q1 2026", "2025", False),
        (None, "2025", True),
    ],
)
def test_periods_agree_when_the_child_lies_within_the_parent(child, parent, agree) -> None:
    assert periods_agree(child, parent) is agree


def test_period_mismatch_is_reported_on_the_child() -> None:
    company = yaml_doc("company.yaml", COMPANY.replace("2025", "2024"))
    sales = yaml_doc("sales.yaml", team("company-kr1"))
    findings = [f for f in alignment_findings([company, sales]) if f.code == "OKR406"]
    assert [(f.path, f.span.line) for f in findings] == [("sales.yaml", 4)]


# --------------------------------------------------------------------------- config


def test_levels_from_config_make_owners_company_level() -> None:
    config = parse_config({"levels": {"company": ["Leadership"]}}, "pyproject.toml")
    levels = alignment_config(config).levels
    company = yaml_doc("company.yaml", textwrap.dedent(COMPANY).replace("    level: company\n", ""))
    company = apply_levels(replace(company, owner="leadership"), levels)
    assert company.objectives[0].level == "company"
    orphan = yaml_doc(
        "hr.yaml", "objectives:\n  - title: Keep our people, because turnover hurts\n"
    )
    codes = [f.code for f in alignment_findings([company, orphan], [orphan])]
    assert codes == ["OKR403"]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"alignment": {"includes": ["okrs/*.yaml"]}}, "did you mean 'include'"),
        ({"alignment": {"include": [1]}}, "list of glob strings"),
        ({"alignment": ["okrs"]}, "must be a table"),
        ({"levels": {"company": 3}}, "list of owner names"),
    ],
)
def test_bad_alignment_config_is_a_clear_error(table, message) -> None:
    with pytest.raises(ConfigError, match=message):
        alignment_config(parse_config(table, "pyproject.toml"))


def test_bad_alignment_config_exits_2_without_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.okrlint.alignment]\ninclude = "okrs/*.yaml"\nexclude = 1\n'
    )
    (tmp_path / "a.okr.yaml").write_text("objectives: []\n")
    result = run_okrlint("check", "a.okr.yaml", cwd=tmp_path)
    assert result.code == 2
    assert "alignment.exclude" in result.err and "Traceback" not in result.err


# --------------------------------------------------------------------------- fixtures

SETS = sorted({p.parent for p in CASCADE.rglob("*.okr.yaml")})


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.relative_to(CASCADE).as_posix())
def test_cascade_fixtures_report_what_they_state(folder: Path) -> None:
    # no cache: the folder's config file would put one beside it, in the checkout
    result = run_okrlint("check", "--no-cache", "--format", "json", str(folder))
    data = json.loads(result.out)
    found = sorted(
        (Path(f["path"]).name, f["line"], f["code"])
        for f in data["findings"]
        if f["code"].startswith("OKR4")
    )
    stated = sorted(
        (path.name, e.line, e.code)
        for path in sorted(folder.glob("*.okr.yaml"))
        for e in expectations(path)
        if e.code.startswith("OKR4")
    )
    assert found == stated


def test_every_broken_case_is_covered_in_both_languages() -> None:
    for lang in ("en", "nb"):
        stated = {
            e.code for p in (CASCADE / lang / "broken").glob("*.okr.yaml") for e in expectations(p)
        }
        assert {"OKR401", "OKR402", "OKR403", "OKR404", "OKR405", "OKR406"} <= stated, lang
        clean = [e for p in (CASCADE / lang / "clean").glob("*.okr.yaml") for e in expectations(p)]
        assert clean == [], lang


# --------------------------------------------------------------------------- pre-commit


def write_repo(root: Path, include: bool = True) -> None:
    if include:
        (root / "pyproject.toml").write_text(
            '[tool.okrlint.alignment]\ninclude = ["okrs/**/*.yaml"]\n'
        )
    okrs = root / "okrs"
    (okrs / "teams").mkdir(parents=True)
    (okrs / "company.yaml").write_text(textwrap.dedent(COMPANY))
    (okrs / "teams" / "sales.yaml").write_text(textwrap.dedent(team("company-kr1")))
    (okrs / "teams" / "marketing.yaml").write_text(
        textwrap.dedent(team("company-kr9", ident="marketing"))
    )


def codes_in(output: str, path: str) -> list[str]:
    """The alignment codes reported for one file (other rules judge the wording)."""
    codes = [line.split()[1] for line in output.splitlines() if line.startswith(path + ":")]
    return [c for c in codes if c.startswith("OKR4")]


def test_one_changed_team_file_resolves_against_the_unchanged_company_file(
    tmp_path: Path,
) -> None:
    write_repo(tmp_path)
    result = run_okrlint("check", "okrs/teams/sales.yaml", cwd=tmp_path)
    assert "OKR401" not in codes_in(result.out, "okrs/teams/sales.yaml"), result.out
    assert "okrs/company.yaml" not in result.out  # context only: never reported
    dangling = run_okrlint("check", "okrs/teams/marketing.yaml", cwd=tmp_path)
    assert codes_in(dangling.out, "okrs/teams/marketing.yaml") == ["OKR401"]
    assert dangling.code == 1  # an error: a pre-commit hook stops the commit


def test_without_alignment_include_the_company_file_is_not_in_the_set(tmp_path: Path) -> None:
    write_repo(tmp_path, include=False)
    result = run_okrlint("check", "okrs/teams/sales.yaml", cwd=tmp_path)
    assert codes_in(result.out, "okrs/teams/sales.yaml") == ["OKR401"]


def test_a_change_to_the_unchanged_company_file_is_noticed_on_the_next_run(
    tmp_path: Path,
) -> None:
    write_repo(tmp_path)
    first = run_okrlint("check", "okrs/teams/sales.yaml", cwd=tmp_path)
    assert "OKR401" not in first.out
    company = tmp_path / "okrs" / "company.yaml"
    company.write_text(company.read_text().replace("company-kr1", "company-kr-renamed"))
    second = run_okrlint("check", "okrs/teams/sales.yaml", cwd=tmp_path)
    assert codes_in(second.out, "okrs/teams/sales.yaml") == ["OKR401"]


def test_an_absolute_include_pattern_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.okrlint.alignment]\ninclude = ["/okrs/*.yaml"]\n'
    )
    (tmp_path / "a.okr.yaml").write_text("objectives: []\n")
    result = run_okrlint("check", "a.okr.yaml", cwd=tmp_path)
    assert result.code == 2
    assert "relative to the config file's folder" in result.err
