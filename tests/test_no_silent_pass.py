"""No silent pass: one line on stdin or in --text is read as a key result, and a named file
from which nothing can be read is a finding (no-okrs-found), never "No problems found"."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_okrlint


@pytest.mark.parametrize(
    ("line", "word"),
    [("Øke salget med flere kunder", "«flere»"), ("Increase sales with more customers", "'more'")],
)
def test_one_line_on_stdin_is_a_key_result(line: str, word: str) -> None:
    result = run_okrlint("check", "-", stdin=line + "\n")
    assert result.code == 1
    english = word.startswith("'")  # the report speaks the language of the line it read
    findings = [row for row in result.out.splitlines() if row.startswith("<stdin>")]
    if english:
        assert findings == [
            "<stdin>:1:1: OKR201 [kr-not-measurable] key result has no number to measure it by",
            f"<stdin>:1:1: OKR202 [kr-vague-quantifier] key result uses a vague amount ({word}) that nobody can check",
        ]
        assert f"replace {word} with a number" in result.out  # the hints come along
    else:
        assert findings == [
            "<stdin>:1:1: OKR201 [kr-not-measurable] nøkkelresultatet har ikke noe tall å måle etter",
            f"<stdin>:1:1: OKR202 [kr-vague-quantifier] nøkkelresultatet har en vag mengde ({word}) som ingen kan etterprøve",
        ]
        assert f"bytt ut {word} med et tall" in result.out
    assert "100/100" not in result.out
    assert result.err == (
        "<stdin>: read 1 line as a key result (no 'Objective:' line or heading found)\n"
        if english
        else "<stdin>: leste 1 linje som et nøkkelresultat (fant ingen «Mål:»-linje eller overskrift)\n"
    )


def test_text_option_is_the_same_as_stdin() -> None:
    piped = run_okrlint("check", "-", stdin="Øke salget med flere kunder\n")
    given = run_okrlint("check", "--text", "Øke salget med flere kunder")
    assert given.code == piped.code == 1
    assert given.out == piped.out.replace("<stdin>", "<text>")
    assert given.err == (
        "<text>: leste 1 linje som et nøkkelresultat (fant ingen «Mål:»-linje eller overskrift)\n"
    )


def test_several_bare_lines_are_several_key_results() -> None:
    result = run_okrlint("check", "--text", "- Selge flere biler\n- Øke NPS fra 20 til 40\n")
    assert result.code == 1
    assert "<text>:1:3: OKR201" in result.out
    assert "<text>:2:" not in result.out  # "fra 20 til 40" is a good key result
    assert "(0 mål, 2 nøkkelresultater)" in result.out
    assert result.err == (
        "<text>: leste 2 linjer som nøkkelresultater (fant ingen «Mål:»-linje eller overskrift)\n"
    )


def test_text_with_paths_is_a_usage_error(tmp_path: Path) -> None:
    result = run_okrlint("check", "--text", "Sell more", str(tmp_path))
    assert result.code == 2
    assert "--text takes no PATHS" in result.err


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "empty.okr.yaml",
            "objectives: []\n",
            "read this as YAML and expected a list of objectives",
        ),
        (
            "notes.md",
            "# Salg\n\nMålene kommer snart.\n",
            "read this as Markdown and expected a heading",
        ),
        (
            "okrs.csv",
            "Objective,Key result,Baseline,Target\n",
            "read this as CSV and expected a header row",
        ),
        ("draft.txt", "", "read this as plain text and expected an 'Objective:' line"),
    ],
)
def test_a_named_file_with_nothing_readable_fails_with_no_okrs_found(
    tmp_path: Path, name: str, content: str, expected: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = run_okrlint("check", "--no-cache", str(path))
    assert result.code == 1
    first, hint = result.out.splitlines()[:2]
    assert first.startswith(
        f"{path}:1:1: OKR305 [no-okrs-found] no objectives or key results found; "
    )
    assert expected in first
    assert hint.startswith("    hint: write it like ")
    assert "Quality score" not in result.out  # nothing read: nothing scored
    assert "no objectives found" not in result.err  # the finding says it; no second notice


def test_empty_stdin_fails_with_no_okrs_found() -> None:
    result = run_okrlint("check", "-", stdin="")
    assert result.code == 1
    assert result.out.startswith("<stdin>:1:1: OKR305 [no-okrs-found]")


def test_a_file_found_in_a_folder_keeps_the_quiet_notice(tmp_path: Path) -> None:
    okrs = tmp_path / "okrs"
    okrs.mkdir()
    (okrs / "README.md").write_text("# How we write OKRs\n\nSee the team pages.\n", "utf-8")
    (okrs / "q3.yaml").write_text(
        "period: Q3 2025\nobjectives:\n  - title: Happier customers, because they stay\n"
        "    key_results:\n      - Raise NPS from 20 to 40\n      - Cut churn from 5% to 3%\n",
        "utf-8",
    )
    result = run_okrlint("check", "--no-cache", str(okrs))
    assert result.code == 0
    assert "OKR305" not in result.out
    assert result.err == f"{okrs / 'README.md'}: no objectives found\n"
    named = run_okrlint("check", "--no-cache", str(okrs / "README.md"))
    assert named.code == 1 and "OKR305" in named.out


def test_a_folder_finds_csv_tsv_and_xlsx_okr_files_and_skips_excel_lock_files(
    tmp_path: Path,
) -> None:
    table = "Objective,Key result,Baseline,Target\nHappier customers because they stay,Raise NPS,20,40\n"
    (tmp_path / "team.okr.csv").write_text(table, "utf-8")
    (tmp_path / "other.csv").write_text(table, "utf-8")  # not an OKR file by its name
    (tmp_path / "okrs").mkdir()
    (tmp_path / "okrs" / "sales.tsv").write_text(table.replace(",", "\t"), "utf-8")
    (tmp_path / "okrs" / "~$plan.xlsx").write_bytes(b"\x00lock")  # Excel has plan.xlsx open
    result = run_okrlint("check", "--no-cache", "-f", "json", str(tmp_path))
    import json

    paths = sorted(Path(f["path"]).name for f in json.loads(result.out)["files"])
    assert paths == ["sales.tsv", "team.okr.csv"]


def test_text_over_the_size_limit_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / ".okrlint.yaml").write_text("max-file-size: 10\n", encoding="utf-8")
    result = run_okrlint("check", "--text", "Øke salget med flere kunder", cwd=tmp_path)
    assert result.code == 2
    assert result.out.splitlines()[0] == (
        "<text>:1: OKR000 file is 28 bytes, over the limit of 10 (max-file-size in config)"
    )
