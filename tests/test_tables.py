"""Tables as a user keeps OKRs in them: Markdown tables, CSV/TSV files and spreadsheets, in
English and Norwegian. Each fixture table gives the findings of the same key results written
in YAML with baseline:/target: (its twin), reads to the twin's objectives and key results,
and points at its own rows."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from conftest import FIXTURES, run_okrlint
from table_fixtures import WORKBOOKS, build

from okrlint.config import Config
from okrlint.model import Document
from okrlint.readers import read_document
from okrlint.runner import RunOptions, check

TABLES = FIXTURES / "tables"
TABLE_FILES = sorted(
    p for p in TABLES.glob("*/*.okr.*") if p.suffix in (".md", ".csv", ".tsv", ".xlsx")
)


def twin(table: Path) -> Path:
    return table.parent / "twins" / (table.name.replace(".okr.", ".") + ".okr.yaml")


def ids(path: Path) -> str:
    return str(path.relative_to(TABLES))


def findings(path: Path) -> Counter:
    report = check([str(path)], Config(), RunOptions(use_cache=False))  # nothing written
    assert not report.has_errors, [f.message for f in report.findings if f.code == "OKR000"]
    return Counter((f.code, f.element, f.text, f.message, f.suggestion) for f in report.findings)


def read(path: Path) -> list[Document]:
    return read_document(str(path), path.read_bytes())


def structure(documents: list[Document]) -> list:
    return [
        (
            d.period,
            [
                (
                    o.text,
                    o.owner,
                    o.why,
                    [
                        (k.text, k.baseline, k.target, k.unit, k.current, k.trend)
                        for k in o.key_results
                    ],
                    [a.text for a in o.actions],
                )
                for o in d.objectives
            ],
        )
        for d in documents
    ]


def test_the_fixtures_cover_every_table_format_in_both_languages() -> None:
    kinds = {(p.parent.name, p.suffix) for p in TABLE_FILES}
    for lang in ("en", "nb"):
        assert {(lang, s) for s in (".md", ".csv", ".tsv", ".xlsx")} <= kinds
    headers = [
        p.read_text("utf-8-sig").split("\n", 1)[0] for p in TABLE_FILES if p.suffix == ".csv"
    ]
    delimiters = {";" if ";" in header else "," for header in headers}
    assert delimiters == {",", ";"}  # tabs: the .tsv files
    assert all(twin(p).exists() for p in TABLE_FILES), [
        p for p in TABLE_FILES if not twin(p).exists()
    ]


@pytest.mark.parametrize("table", TABLE_FILES, ids=ids)
def test_a_table_gives_the_findings_of_its_yaml_twin(table: Path) -> None:
    got = findings(table)
    assert got  # every fixture has something to find
    assert got == findings(twin(table))


@pytest.mark.parametrize("table", TABLE_FILES, ids=ids)
def test_a_table_reads_to_the_objectives_and_key_results_of_its_twin(table: Path) -> None:
    assert structure(read(table)) == structure(read(twin(table)))


@pytest.mark.parametrize(
    "table", [p for p in TABLE_FILES if p.suffix in (".csv", ".tsv", ".md")], ids=ids
)
def test_elements_of_a_text_table_point_at_their_cell(table: Path) -> None:
    lines = table.read_text("utf-8-sig").replace("\r\n", "\n").split("\n")
    for doc in read(table):
        for element in doc.elements():
            if element.kind.value == "objective" and element.unnamed:
                continue
            line = lines[element.span.line - 1]
            start = element.span.column - 1
            assert line[start:].startswith(element.text), (element.text, line)


@pytest.mark.parametrize("name", sorted(WORKBOOKS))
def test_elements_of_a_spreadsheet_point_at_their_sheet_row_and_column(name: str) -> None:
    cells = {}
    for title, rows, _, _ in WORKBOOKS[name]:
        for number, row in enumerate(rows, start=1):
            for column, value in enumerate(row, start=1):
                if isinstance(value, str):
                    cells.setdefault(value, (title, number, column))
    documents = read(TABLES / name)
    elements = [e for doc in documents for e in doc.elements() if e.text]
    assert elements
    for element in elements:
        span = element.span
        assert (span.sheet, span.line, span.column) == cells[element.text]


@pytest.mark.parametrize("name", sorted(WORKBOOKS))
def test_the_committed_spreadsheets_hold_the_cells_their_builder_writes(name: str) -> None:
    """tests/table_fixtures.py is the readable source of each workbook."""
    committed = openpyxl.load_workbook(TABLES / name)
    built = build(name, WORKBOOKS[name])
    assert committed.sheetnames == built.sheetnames
    for title in built.sheetnames:
        mine, theirs = committed[title], built[title]
        assert [[c.value for c in r] for r in mine.iter_rows()] == [
            [c.value for c in r] for r in theirs.iter_rows()
        ]
        assert {str(m) for m in mine.merged_cells.ranges} == {
            str(m) for m in theirs.merged_cells.ranges
        }


# ---------------------------------------------------------------------------- CSV dialects

ROWS = [
    ["Mål", "Nøkkelresultat", "Startverdi", "Målverdi", "Ansvarlig"],
    ["Flere faste kunder, fordi de gir forutsigbare inntekter", "Øke gjenkjøp", "18", "30", "Kari"],
    ["", "Redusere klager per måned", "48", "24", ""],
    [
        "Raskere levering, slik at kundene slipper å vente",
        "Kortere leveringstid i dager",
        "5",
        "2",
        "Ola",
    ],
]


def _csv(rows, delimiter: str, bom: bool = False, newline: str = "\n") -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=newline).writerows(rows)
    return ("\ufeff" if bom else "").encode() + out.getvalue().encode("utf-8")


@pytest.mark.parametrize(
    ("name", "delimiter", "bom", "newline"),
    [
        ("okrs.csv", ",", False, "\n"),
        ("okrs.csv", ";", True, "\r\n"),  # Norwegian Excel: semicolons, "CSV UTF-8" BOM
        ("okrs.csv", "\t", False, "\n"),
        ("okrs.tsv", "\t", True, "\r\n"),
        ("okrs.tsv", ",", False, "\n"),  # a misnamed file is still read by its header
        ("-", ";", False, "\n"),  # stdin: the header says it is CSV
    ],
)
def test_every_dialect_reads_the_same(name: str, delimiter: str, bom: bool, newline: str) -> None:
    [doc] = read_document(name, _csv(ROWS, delimiter, bom, newline))
    assert doc.format == "csv"
    got = [
        (o.text, o.owner, [(k.text, k.baseline, k.target, k.span.line) for k in o.key_results])
        for o in doc.objectives
    ]
    assert got == [
        (
            ROWS[1][0],
            "Kari",
            [("Øke gjenkjøp", 18, 30, 2), ("Redusere klager per måned", 48, 24, 3)],
        ),
        (ROWS[3][0], "Ola", [("Kortere leveringstid i dager", 5, 2, 4)]),
    ]


def test_a_quoted_cell_may_hold_a_delimiter_and_several_key_results_on_lines() -> None:
    data = 'Objective,Key results\n"Win, keep and grow, because churn hurts","Cut churn from 5% to 3%\nRaise NPS from 20 to 40"\n'
    [doc] = read_document("okrs.csv", data.encode())
    [objective] = doc.objectives
    assert objective.text == "Win, keep and grow, because churn hurts"
    assert [(k.text, k.span.line, k.span.column) for k in objective.key_results] == [
        ("Cut churn from 5% to 3%", 2, 44),
        ("Raise NPS from 20 to 40", 3, 1),
    ]


def test_a_repeated_header_row_is_skipped() -> None:
    rows = [ROWS[0], ROWS[1], ROWS[0], ROWS[3]]
    [doc] = read_document("okrs.csv", _csv(rows, ";"))
    assert [o.text for o in doc.objectives] == [ROWS[1][0], ROWS[3][0]]


# ---------------------------------------------------------------------------- headers and rows


def test_the_issue_s_norwegian_table_reads_mal_as_the_target() -> None:
    [doc] = read_document(
        "okrs.md",
        "## Mål: Raskere kundeservice, fordi kundene ikke skal vente\n\n"
        "| Nøkkelresultat | Startverdi | Mål |\n|---|---|---|\n"
        "| Redusere svartid på chat | 12 min | 4 min |\n",
    )
    [objective] = doc.objectives
    assert objective.text == "Raskere kundeservice, fordi kundene ikke skal vente"
    [kr] = objective.key_results
    assert (kr.text, kr.baseline, kr.target) == ("Redusere svartid på chat", "12 min", "4 min")


def test_a_column_okrlint_cannot_map_is_one_finding_at_the_header(tmp_path: Path) -> None:
    path = tmp_path / "okrs.okr.csv"
    path.write_text(
        "Objective,Key result,Basline,Target,Created by,Kommentar\n"
        "Happier customers because they stay,Raise NPS,20,40,Ana,ok\n",
        encoding="utf-8",
    )
    result = run_okrlint("check", "--no-cache", "--select", "OKR303", str(path))
    assert result.code == 1
    assert result.out.splitlines()[:2] == [
        f"{path}:1:22: OKR303 [unknown-field] unknown columns 'Basline', 'Created by' in the "
        "table header; okrlint ignores them",
        "    hint: did you mean 'Baseline' for 'Basline'?",
    ]


def test_key_results_of_a_table_without_objective_column_belong_to_an_unnamed_objective() -> None:
    [doc] = read_document("okrs.csv", b"Key result,Baseline,Target\nRaise NPS,20,40\nSell more\n")
    [objective] = doc.objectives
    assert objective.unnamed and objective.text == ""
    assert [(k.text, k.baseline, k.target) for k in objective.key_results] == [
        ("Raise NPS", 20, 40),
        ("Sell more", None, None),
    ]


def test_a_heading_above_a_markdown_table_owns_its_rows() -> None:
    [doc] = read_document(
        "okrs.md",
        "## Objective: Win the mid-market, because that is where our margin is\n\n"
        "| Key result | Baseline | Target |\n|---|---|---|\n"
        "| Increase qualified pipeline | $1.2M | $2M |\n| Raise win rate | 18% | 25% |\n",
    )
    [objective] = doc.objectives
    assert not objective.unnamed
    assert [(k.text, k.baseline, k.target, k.span.line) for k in objective.key_results] == [
        ("Increase qualified pipeline", "$1.2M", "$2M", 5),
        ("Raise win rate", "18%", "25%", 6),
    ]


def test_a_trend_cell_okrlint_cannot_read_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "okrs.okr.csv"
    path.write_text(
        'Objective,Key result,Trend\n"Faster, so they stay",Reply time,sideways\n', "utf-8"
    )
    result = run_okrlint("check", "--no-cache", str(path))
    assert result.code == 2
    assert result.out.splitlines()[0] == (
        f"{path}:2: OKR000 trend must be 'increase' or 'decrease' (the direction you want), got 'sideways'"
    )


def test_a_csv_file_without_an_okr_header_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("Name,Role\nAna,Lead\n", encoding="utf-8")
    result = run_okrlint("check", "--no-cache", str(path))
    assert result.code == 2
    assert result.out.startswith(f"{path}:1: OKR000 no OKR header row in the first 20 rows; ")
    assert "'Objective,Key result,Baseline,Target'" in result.out


def test_a_workbook_without_an_okr_sheet_is_one_clear_error(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.append(["Name", "Role"])
    path = tmp_path / "people.xlsx"
    workbook.save(path)
    result = run_okrlint("check", "--no-cache", str(path))
    assert result.code == 2
    assert result.out.startswith(f"{path}:1: OKR000 no sheet has an OKR header row")


# ---------------------------------------------------------------------------- reports


def test_text_json_html_and_sarif_name_the_sheet(tmp_path: Path) -> None:
    path = TABLES / "en" / "google-sheet.okr.xlsx"
    text = run_okrlint("check", "--no-cache", str(path))
    assert (
        f"{path}:3:2: OKR203 [kr-missing-baseline] in sheet 'Support Q3 2025': key result changes a level"
        in text.out
    )
    import json

    sarif = json.loads(run_okrlint("check", "--no-cache", "-f", "sarif", str(path)).out)
    [result] = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "OKR203"]
    location = result["locations"][0]
    assert location["physicalLocation"]["region"]["startLine"] == 3
    assert location["logicalLocations"] == [
        {"name": "Support Q3 2025", "fullyQualifiedName": f"{path}!Support Q3 2025"}
    ]
    data = json.loads(run_okrlint("check", "--no-cache", "-f", "json", str(path)).out)
    [finding] = [f for f in data["findings"] if f["code"] == "OKR203"]
    assert (finding["sheet"], finding["line"], finding["column"]) == ("Support Q3 2025", 3, 2)
    html = run_okrlint("check", "--no-cache", "-f", f"html:{tmp_path / 'r.html'}", str(path))
    assert html.code == 1
    page = (tmp_path / "r.html").read_text("utf-8")
    assert "sheet “Support Q3 2025”, row 3, column 2" in page
    assert "sheet “Growth Q3 2025”, row 4" in page  # the objective's place


def test_the_readme_lists_every_header_word() -> None:
    from okrlint.readers.columns import _EITHER, HEADERS

    text = (FIXTURES.parent / "README.md").read_text(encoding="utf-8")
    section = text[text.index("<!-- section: header-words -->") :]
    lines = section.splitlines()[3:]
    rows = lines[: next(i for i, line in enumerate(lines) if not line.startswith("| "))]
    listed = [word for row in rows for word in re.findall(r"`([^`]+)`", row.split("|")[2])]
    known = [w for words in HEADERS.values() for w in words] + [w for w in _EITHER for _ in (0, 1)]
    assert sorted(listed) == sorted(known)
