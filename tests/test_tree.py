"""`okrlint tree`: the cascade as an indented tree, as a user reads it — and the parent links
the JSON report carries for other tools."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest
from conftest import FIXTURES, run_okrlint

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "okr-eksempler-for-din-bedrift.txt"
CASCADE = FIXTURES / "cascade"
# "  id: text  (level, owner; path:line; 2 findings, score 90)"
OBJECTIVE_LINE = re.compile(r"^(?P<pad> *)(?:(?P<id>\S+): )?(?P<text>.*?)  \((?P<about>[^()]*)\)$")


def parse_tree(output: str) -> list[tuple[int, str]]:
    """(depth, line without indentation) for every line of the tree."""
    rows = []
    for line in output.splitlines():
        stripped = line.lstrip(" ")
        rows.append(((len(line) - len(stripped)) // 2, stripped))
    return rows


def children_of(rows: list[tuple[int, str]], index: int) -> list[str]:
    """The lines one level below rows[index], up to its next sibling."""
    depth = rows[index][0]
    found = []
    for d, text in rows[index + 1 :]:
        if d <= depth:
            break
        if d == depth + 1:
            found.append(text)
    return found


def owner(line: str) -> str:
    about = OBJECTIVE_LINE.match(line)
    assert about, line
    return about["about"].split(";")[0].split(", ")[-1]


def test_the_seed_article_prints_its_company_to_department_cascade() -> None:
    if not SEED.exists():
        pytest.skip("the seed article is not next to the project (shared/seed)")
    result = run_okrlint("tree", str(SEED))
    assert result.code == 0, result.err
    rows = parse_tree(result.out)
    roots = [i for i, (d, text) in enumerate(rows) if d == 0 and "(company" in text]
    assert [rows[i][1].split("  (")[0].split(": ", 1)[1] for i in roots] == [
        "Økt omsetning i bedriften",
        "Vellykket lansering av nytt produkt i Q3",
    ]
    revenue, launch = (children_of(rows, i) for i in roots)
    assert [owner(c) for c in revenue] == [
        "salgsavdelingen",
        "kundeservice-teamet",
        "markedsføringsavdelingen",
        "HR-avdelingen",
    ]
    assert [owner(c) for c in launch] == [
        "markedsføringsavdelingen",
        "produktavdelingen",
        "salgsteamet",
        "kundeservice-teamet",
    ]
    assert all(re.search(r"\d+ findings?", line) for line in revenue + launch)


def test_teams_hang_under_the_company_key_result_they_build_on() -> None:
    result = run_okrlint("tree", str(CASCADE / "en" / "clean"))
    assert result.code == 0, result.err
    rows = parse_tree(result.out)
    company = next(i for i, (_, t) in enumerate(rows) if t.startswith("company-growth:"))
    assert rows[company][0] == 0
    krs = children_of(rows, company)
    assert [k.split(":")[0] for k in krs] == [
        "↳ key result company-kr1",
        "↳ key result company-kr2",
    ]
    first_kr = rows.index((1, krs[0]))
    assert [c.split(":")[0] for c in children_of(rows, first_kr)] == ["sales-upsell"]
    support = rows.index((2, next(t for d, t in rows if t.startswith("support-loyalty:"))))
    below = children_of(rows, support)  # a team objective built on another team's key result
    assert below and below[0].startswith("↳ key result support-kr1")


def test_broken_links_and_cycles_are_shown_with_a_note() -> None:
    result = run_okrlint("tree", str(CASCADE / "en" / "broken"))
    assert result.code == 0, result.err
    assert "! parent 'company-kr7' not found" in result.out
    cycle = [line for line in result.out.splitlines() if "! in a cycle:" in line]
    assert len(cycle) == 2
    assert "support-loyalty → support-skills → support-loyalty" in cycle[0]
    hr = next(line for line in result.out.splitlines() if line.startswith("hr-culture:"))
    assert not re.search(r"\b0 findings", hr)  # the orphan warning is counted on its node


def test_tree_of_one_file_shows_the_included_company_file_as_context(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.okrlint.alignment]\ninclude = ["okrs/*.yaml"]\n'
    )
    okrs = tmp_path / "okrs"
    okrs.mkdir()
    (okrs / "company.yaml").write_text(
        textwrap.dedent(
            """\
            objectives:
              - id: company
                title: Grow revenue, so that we can invest in the product
                level: company
                key_results:
                  - id: company-kr1
                    title: Raise revenue from $2M to $3M
            """
        )
    )
    (okrs / "sales.yaml").write_text(
        "objectives:\n  - id: sales\n    title: Sell more to existing customers, because it is "
        "cheaper\n    parent: company-kr1\n"
    )
    result = run_okrlint("tree", "okrs/sales.yaml", cwd=tmp_path)
    assert result.code == 0, result.err
    rows = parse_tree(result.out)
    assert rows[0][0] == 0 and "not checked" in rows[0][1]
    assert rows[2][0] == 2 and rows[2][1].startswith("sales:") and "finding" in rows[2][1]


def test_tree_of_a_missing_file_exits_2() -> None:
    result = run_okrlint("tree", "no-such-file.okr.yaml")
    assert result.code == 2
    assert "no-such-file.okr.yaml" in result.err


def test_json_report_carries_each_objectives_parent_link() -> None:
    result = run_okrlint("check", "--format", "json", str(CASCADE / "nb" / "clean"))
    data = json.loads(result.out)
    links = {
        o["id"]: (o["parent"], o["level"], o["owner"]) for f in data["files"] for o in f["cascade"]
    }
    assert links["salg-inntekter"] == ("selskap-kr1", "team", "Salgsavdelingen")
    assert links["kundeservice-lojalitet"][0] == "selskap-kr2"
    assert links["selskap-omsetning"][0] is None
    company = next(f for f in data["files"] if f["path"].endswith("selskap.okr.yaml"))
    assert [k["id"] for k in company["cascade"][0]["key_results"]] == ["selskap-kr1", "selskap-kr2"]
