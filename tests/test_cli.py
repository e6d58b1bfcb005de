"""The command line as a user runs it: exit codes, stdin, bad files among good
ones, config discovery, suppressions and the JSON contract."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES, run_okrlint

GOOD_NB = """\
period: 2025-Q3
language: nb
objectives:
  - title: Dominere kaffebransjen i Oslo, fordi vi ønsker å slå den største konkurrenten vår
    key_results:
      - Øke omsetningen av kaffe fra 100 000 kr til 150 000 kr
      - Doble antall medlemmer i kaffeklubben fra 1 000 til 2 000
      - Få 1 000 nye følgere på Instagram
"""

BAD_NB = """\
period: 2025-Q3
language: nb
objectives:
  - title: Øke salget med 30 %
    key_results:
      - Selge flere biler
      - Redusere ventetiden fra 10 til 5 minutter
"""

GOOD_EN = """\
period: 2025-Q4
objectives:
  - title: Become the go-to coffee shop in Oslo, because we want to beat our biggest rival
    key_results:
      - Increase monthly coffee revenue from $10,000 to $15,000
      - Grow the loyalty club from 1,000 to 2,000 members
      - Gain 1,000 new followers on Instagram
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_clean_file_exits_zero(tmp_path: Path) -> None:
    path = write(tmp_path, "good.okr.yaml", GOOD_NB)
    result = run_okrlint("check", str(path))
    assert result.code == 0, result.out + result.err
    assert "Fant ingen problemer i 1 fil (1 mål, 3 nøkkelresultater)" in result.out


def test_findings_exit_one_with_location_rule_and_hint(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.okr.yaml", BAD_NB)
    result = run_okrlint("check", str(path))
    assert result.code == 1
    lines = result.out.splitlines()
    assert f"{path}:4:12: OKR101 [objective-measurable]" in lines[0]
    assert any(line.startswith(f"{path}:6:9: OKR201 [kr-not-measurable]") for line in lines)
    assert any(line.startswith("    tips: ") and "«flere»" in line for line in lines)
    assert lines[-1].startswith("Fant ")
    assert "\x1b[" not in result.out  # no colour when piped


def test_stdin_with_a_file_name(tmp_path: Path) -> None:
    result = run_okrlint("check", "-", "--stdin-filename", "draft.okr.yaml", stdin=BAD_NB)
    assert result.code == 1
    assert result.out.startswith("draft.okr.yaml:4:12: OKR101")


def test_stdin_plain_text_in_the_articles_style() -> None:
    draft = (
        "Objective: Dominere kaffebransjen i Oslo, fordi vi ønsker å slå konkurrenten\n"
        "\n"
        "Key results:\n"
        "\n"
        "  • Selge flere kaffebønner\n"
        "  • Doble antall medlemmer fra 1 000 til 2 000\n"
    )
    result = run_okrlint("check", "-", "--format", "json", stdin=draft)
    data = json.loads(result.out)
    assert data["files"][0]["path"] == "<stdin>"
    assert data["files"][0]["format"] == "text"
    assert data["files"][0]["language"] == "nb"
    found = [(f["line"], f["code"]) for f in data["findings"]]
    # an undated draft (OKR301), and "flere" with no number (OKR201, OKR202)
    assert found == [(1, "OKR301"), (5, "OKR201"), (5, "OKR202")]


def test_a_broken_file_among_good_ones_exits_two_and_the_others_are_checked(tmp_path: Path) -> None:
    good = write(tmp_path, "a.okr.yaml", BAD_NB)
    broken = write(tmp_path, "b.okr.yaml", "objectives:\n  - title: [unclosed\n")
    result = run_okrlint("check", str(good), str(broken))
    assert result.code == 2
    assert "Traceback" not in result.out + result.err
    assert any(
        line.startswith(f"{broken}:") and "OKR000" in line for line in result.out.splitlines()
    )
    assert f"{good}:4:12: OKR101" in result.out  # the good file was still checked


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    result = run_okrlint("check", str(tmp_path / "nope.okr.yaml"))
    assert result.code == 2
    assert "nope.okr.yaml:1: OKR000 no such file or directory" in result.out


def test_unknown_option_and_unknown_rule_exit_two_without_traceback(tmp_path: Path) -> None:
    path = write(tmp_path, "good.okr.yaml", GOOD_NB)
    bad_option = run_okrlint("check", "--no-such-option", str(path))
    assert bad_option.code == 2 and "No such option" in bad_option.err
    bad_rule = run_okrlint("check", "--select", "OKR9999", str(path))
    assert bad_rule.code == 2
    assert "unknown rule or prefix 'OKR9999'" in bad_rule.err
    assert "Traceback" not in bad_option.err + bad_rule.err


def test_select_ignore_and_fail_level(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.okr.yaml", BAD_NB)
    only = run_okrlint("check", "--select", "OKR201", "--format", "json", str(path))
    assert {f["code"] for f in json.loads(only.out)["findings"]} == {"OKR201"}
    by_name = run_okrlint(
        "check", "--ignore", "objective-measurable,OKR2", "--format", "json", str(path)
    )
    codes = {f["code"] for f in json.loads(by_name.out)["findings"]}
    assert "OKR101" not in codes and not any(c.startswith("OKR2") for c in codes)
    # OKR102 (no why) is a warning: with --fail-level error it no longer fails the run
    warn_only = run_okrlint("check", "--select", "OKR102", str(path))
    assert warn_only.code == 1
    assert run_okrlint("check", "--select", "OKR102", "--fail-level", "error", str(path)).code == 0
    assert run_okrlint("check", "--exit-zero", str(path)).code == 0


def test_config_in_pyproject_is_found_by_walking_up(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.okrlint]\nignore = ["OKR101"]\n')
    path = write(tmp_path, "okrs/team/bad.yaml", BAD_NB)
    result = run_okrlint("check", "--format", "json", str(path))
    codes = {f["code"] for f in json.loads(result.out)["findings"]}
    assert "OKR101" not in codes and "OKR201" in codes


def test_okrlint_yaml_config_sets_rule_severity(tmp_path: Path) -> None:
    write(tmp_path, ".okrlint.yaml", "rules:\n  kr-not-measurable:\n    severity: info\n")
    path = write(tmp_path, "bad.okr.yaml", BAD_NB)
    data = json.loads(run_okrlint("check", "--format", "json", str(path)).out)
    assert {f["severity"] for f in data["findings"] if f["code"] == "OKR201"} == {"info"}


def test_bad_config_is_a_clear_error(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.okrlint]\nignroe = ["OKR101"]\n')
    path = write(tmp_path, "good.okr.yaml", GOOD_NB)
    result = run_okrlint("check", str(path))
    assert result.code == 2
    assert "unknown config key 'ignroe'; did you mean 'ignore'?" in result.err
    write(tmp_path, "pyproject.toml", "[tool.okrlint]\nselect = 3\n")
    result = run_okrlint("check", str(path))
    assert result.code == 2 and "'select' must be a list of strings" in result.err


def test_inline_suppressions_in_yaml_and_markdown(tmp_path: Path) -> None:
    yaml_text = BAD_NB.replace(
        "      - Selge flere biler",
        "      # okrlint: disable=kr-not-measurable\n      - Selge flere biler",
    )
    path = write(tmp_path, "bad.okr.yaml", yaml_text)
    codes = {
        f["code"] for f in json.loads(run_okrlint("check", "-f", "json", str(path)).out)["findings"]
    }
    assert "OKR201" not in codes and "OKR101" in codes
    md = (
        "## Objective: Bli best på kaffe i Oslo, fordi vi vil vokse\n\n"
        "<!-- okrlint-disable OKR201 -->\n"
        "- Selge flere kaffebønner\n"
        "- Få flere medlemmer i kundeklubben\n"
    )
    md_path = write(tmp_path, "draft.okr.md", md)
    findings = json.loads(run_okrlint("check", "-f", "json", str(md_path)).out)["findings"]
    assert [(f["line"], f["code"]) for f in findings if f["code"] == "OKR201"] == [(5, "OKR201")]


def test_json_contract(tmp_path: Path) -> None:
    bad = write(tmp_path, "b.okr.yaml", BAD_NB)
    good = write(tmp_path, "a.okr.yaml", GOOD_EN)
    data = json.loads(run_okrlint("check", "--format", "json", str(bad), str(good)).out)
    assert set(data) >= {"version", "files", "findings", "summary"}
    assert [f["path"] for f in data["files"]] == [str(bad), str(good)]
    assert (
        data["files"][1]["language"] == "en" and data["files"][1]["language_source"] == "detected"
    )
    assert data["files"][0]["language_source"] == "file"
    assert (
        data["files"][0] | {"objectives": 1, "key_results": 2, "actions": 0, "errors": 0}
        == data["files"][0]
    )
    keys = {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "code",
        "rule",
        "severity",
        "message",
        "suggestion",
        "element",
        "text",
        "language",
        "localized",
    }
    for finding in data["findings"]:
        assert set(finding) == keys
        assert set(finding["localized"]) == {"language", "message", "suggestion"}
        assert finding["line"] >= 1 and finding["column"] >= 1
    order = [(f["path"], f["line"], f["column"], f["code"]) for f in data["findings"]]
    assert order == sorted(order)
    kr = next(f for f in data["findings"] if f["code"] == "OKR201")
    assert kr["text"] == "Selge flere biler" and kr["element"] == "key_result"
    assert (kr["line"], kr["column"], kr["end_line"], kr["end_column"]) == (6, 9, 6, 26)
    assert data["summary"]["findings"] == len(data["findings"])


def test_output_is_deterministic_and_written_to_file(tmp_path: Path) -> None:
    bad = write(tmp_path, "b.okr.yaml", BAD_NB)
    out = tmp_path / "report.json"
    first = run_okrlint("check", "-f", "json", "-o", str(out), str(bad))
    assert first.code == 1 and first.out == ""
    saved = out.read_text(encoding="utf-8")
    run_okrlint("check", "-f", "json", "-o", str(out), str(bad))
    assert out.read_text(encoding="utf-8") == saved


def test_findings_are_listed_by_file_sheet_line_column_code_and_message() -> None:
    """The order every report lists findings in (Finding.sort_key), over every fixture."""
    from okrlint.config import Config
    from okrlint.runner import RunOptions, check

    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    report = check([str(fixtures)], Config(), RunOptions(use_cache=False, jobs=1))
    keys = [f.sort_key for f in report.findings]
    assert len(set(keys)) > 100 and keys == sorted(keys)


def test_directory_expands_to_okr_files_only(tmp_path: Path) -> None:
    write(tmp_path, "okrs/sales.yaml", BAD_NB)
    write(tmp_path, "team.okr.md", "## Objective: Økt salg\n\n- Selge flere biler\n")
    write(tmp_path, "docker-compose.yaml", "services:\n  web:\n    image: nginx\n")
    write(tmp_path, "README.md", "# Hello\n\n- a list item\n")
    data = json.loads(run_okrlint("check", "-f", "json", str(tmp_path)).out)
    names = sorted(Path(f["path"]).relative_to(tmp_path).as_posix() for f in data["files"])
    assert names == ["okrs/sales.yaml", "team.okr.md"]


def test_statistics_and_quiet(tmp_path: Path) -> None:
    bad = write(tmp_path, "b.okr.yaml", BAD_NB)
    stats = run_okrlint("check", "--statistics", str(bad))
    assert any(
        line.split()[1:] == ["OKR201", "kr-not-measurable"] for line in stats.out.splitlines()
    )
    quiet = run_okrlint("check", "-q", str(bad))
    assert "Found" not in quiet.out and "OKR101" in quiet.out


def test_input_files_are_never_written(tmp_path: Path) -> None:
    bad = write(tmp_path, "b.okr.yaml", BAD_NB)
    before = (bad.read_bytes(), bad.stat().st_mtime_ns)
    run_okrlint("check", str(bad))
    run_okrlint("check", "-f", "json", str(bad))
    assert (bad.read_bytes(), bad.stat().st_mtime_ns) == before


def test_rules_explain_schema_and_version() -> None:
    listing = run_okrlint("rules")
    assert listing.code == 0
    assert any(
        line.split()[:3] == ["OKR201", "kr-not-measurable", "error"]
        for line in listing.out.splitlines()
    )
    explained = run_okrlint("explain", "kr-not-measurable")
    assert explained.code == 0
    for section in ("What it does", "Why it matters", "How to fix", "Selge flere biler"):
        assert section in explained.out
    assert run_okrlint("explain", "OKR999").code == 2
    schema = json.loads(run_okrlint("schema").out)
    assert "objectives" in json.dumps(schema)
    version = run_okrlint("--version")
    assert version.code == 0 and "okrlint" in version.out


def test_help_and_rules_do_not_import_spacy() -> None:
    probe = (
        "import sys\n"
        "from okrlint.cli import main\n"
        "for argv in (['--help'], ['rules'], ['explain', 'OKR101'], ['check', '--help']):\n"
        "    try:\n"
        "        main(argv)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print('SPACY' if 'spacy' in sys.modules else 'NO-SPACY', file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert proc.stderr.strip().endswith("NO-SPACY"), proc.stderr


def test_python_dash_m_works(tmp_path: Path) -> None:
    bad = write(tmp_path, "b.okr.yaml", BAD_NB)
    proc = subprocess.run(
        [sys.executable, "-m", "okrlint", "check", str(bad)],
        cwd=tmp_path,  # the cache goes to the current folder when no config is found
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1 and "OKR101" in proc.stdout


def test_a_huge_objective_gives_a_short_hint(tmp_path: Path) -> None:
    words = " ".join(f"ord{i}" for i in range(5000))
    path = write(
        tmp_path, "long.okr.yaml", f"language: nb\nobjectives:\n  - title: Bli best {words}\n"
    )
    data = json.loads(run_okrlint("check", "-f", "json", "--select", "OKR102", str(path)).out)
    hint = data["findings"][0]["suggestion"]
    assert len(hint) < 200
    assert "«Bli best ord0" in hint and "fordi vi ønsker å …»" in hint


def test_a_large_report_reaches_a_pipe_and_a_file_whole(tmp_path: Path) -> None:
    """The command leaves without tearing Python down (fast exit); every byte written must
    still reach the reader: a JSON report of about a megabyte through a pipe, and a SARIF
    report written to a file in the same run."""
    folders = [str(FIXTURES / "corpus"), str(FIXTURES / "holdout")]
    sarif = tmp_path / "out.sarif"
    result = run_okrlint(
        "check", "--no-cache", "--format", "json", "--format", f"sarif:{sarif}", *folders
    )
    assert result.code == 1, result.err
    assert len(result.out) > 500_000
    report = json.loads(result.out)
    on_disk = {p for f in folders for p in Path(f).rglob("*.*") if p.suffix in (".yaml", ".md")}
    assert len(report["files"]) >= len(on_disk) > 20
    results = json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"]
    assert len(results) == len(report["findings"]) > 100


def test_analyse_shows_what_each_number_is_and_why() -> None:
    result = run_okrlint(
        "analyse", "--language", "en", "Pass the NS 3420 audit by end of Q3", "Grow ARR to $X"
    )
    assert result.code == 0, result.err
    assert result.out.splitlines()[:4] == [
        "Pass the NS 3420 audit by end of Q3  [en]",
        "  numbers:",
        "    3420  identifier   a standard or specification («NS»)",
        "    Q3    date         part of the deadline «by end of Q3»",
    ]
    assert "    $X  placeholder  a letter or slot where an amount of money belongs" in result.out
    assert "  change: to «$X» (a placeholder)" in result.out


def test_analyse_reads_stdin_and_detects_the_language() -> None:
    result = run_okrlint("analyse", "-", stdin="Redusere ventetiden fra dagens 48 minutter\n")
    assert result.code == 0, result.err
    assert "[nb]" in result.out
    assert "  change: from «48 minutter» = 48 min" in result.out
    assert "  direction: down «Redusere»" in result.out


def test_a_missing_file_alone_says_nothing_was_checked(tmp_path: Path) -> None:
    result = run_okrlint("check", "nope.okr.yaml", cwd=tmp_path)
    assert result.code == 2
    assert result.out == (
        "nope.okr.yaml:1: OKR000 no such file or directory\n\n"
        "Nothing was checked; 1 file could not be read.\n"
    )


def test_the_summary_counts_unreadable_files_apart_from_checked_ones(tmp_path: Path) -> None:
    write(tmp_path, "good.okr.yaml", GOOD_NB)
    clean = run_okrlint("check", "--messages", "en", "good.okr.yaml", "nope.okr.yaml", cwd=tmp_path)
    assert clean.code == 2
    assert clean.out.splitlines()[-1] == (
        "No problems found in 1 file (1 objective, 3 key results), "
        "but 1 file could not be read. Quality score 100/100."
    )
    write(tmp_path, "bad.okr.yaml", BAD_NB)
    found = run_okrlint("check", "bad.okr.yaml", "nope.okr.yaml", cwd=tmp_path)
    assert found.out.splitlines()[-1] == (
        "Fant 4 problemer (2 feil, 2 advarsler) i 1 fil (1 mål, 2 nøkkelresultater); "
        "1 fil kunne ikke leses. Kvalitetspoeng 74/100."  # a Norwegian file: said in Norwegian
    )


def test_explain_suggests_the_rule_meant() -> None:
    for typed, meant in (
        ("kr-vauge", "kr-vague-quantifier"),
        ("OKR2O1", "OKR201"),
        ("objective-why", "objective-missing-why"),
    ):
        result = run_okrlint("explain", typed)
        assert result.code == 2
        assert (
            f"no rule '{typed}'; did you mean '{meant}'? 'okrlint rules' lists them" in result.err
        )
    nothing_close = run_okrlint("explain", "OKR999")
    assert "no rule 'OKR999'; 'okrlint rules' lists them" in nothing_close.err


def test_select_and_ignore_suggest_the_rule_meant(tmp_path: Path) -> None:
    path = write(tmp_path, "good.okr.yaml", GOOD_NB)
    result = run_okrlint("check", "--ignore", "kr-vauge", str(path))
    assert result.code == 2
    assert result.err == (
        "okrlint: error: unknown rule or prefix 'kr-vauge' in ignore; "
        "did you mean 'kr-vague-quantifier'?\n"
    )


def test_explain_gives_one_summary_line_and_names_the_article_once() -> None:
    result = run_okrlint("explain", "OKR202")
    lines = result.out.splitlines()
    assert lines[:3] == [
        "OKR202 kr-vague-quantifier [warning, on by default]",
        "",
        "Key result states a subjective amount ('flere', 'many', 'better') without a number.",
    ]
    assert "Key result uses a vague quantifier." not in result.out  # the old second summary
    article = [line for line in lines if "futureworks.no" in line]
    assert article == [
        "The article quoted above: «OKR-eksempler for din bedrift» (OKR examples for your "
        "company), a blog post by Futureworks, in Norwegian: "
        "https://futureworks.no/okr-eksempler-for-din-bedrift"
    ]


def test_word_pdf_and_zip_files_are_named(tmp_path: Path) -> None:
    (tmp_path / "okrs.docx").write_bytes(b"PK\x03\x04\x14\x00\x06\x00word/document.xml")
    (tmp_path / "okrs.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    (tmp_path / "okrs.zip").write_bytes(b"PK\x03\x04\x14\x00\x00\x00okrs/q3.yaml")
    (tmp_path / "board.pptx").write_bytes(b"PK\x03\x04\x14\x00\x06\x00ppt/presentation.xml")
    names = ("okrs.docx", "okrs.pdf", "okrs.zip", "board.pptx")
    result = run_okrlint("check", *names, cwd=tmp_path)
    assert result.code == 2
    assert result.out.splitlines()[:4] == [
        "board.pptx:1: OKR000 a PowerPoint presentation, not text: copy the OKRs into a .md or "
        ".txt file",
        "okrs.docx:1: OKR000 a Word document, not text: save it as .md or .txt and check that",
        "okrs.pdf:1: OKR000 a PDF, not text: copy its text into a .md or .txt file",
        "okrs.zip:1: OKR000 a ZIP archive, not text: unpack it and check the OKR files inside",
    ]


def test_the_quick_start_example_exits_1_as_the_readme_says() -> None:
    readme = (FIXTURES.parent / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    command = re.search(r"okrlint check (\S+)", quick_start)
    assert command is not None and "exits with status 1" in quick_start
    result = run_okrlint("check", "--no-cache", str(FIXTURES.parent / command.group(1)))
    assert result.code == 1, result.out + result.err


def test_quiet_prints_no_summary_when_nothing_was_checked(tmp_path: Path) -> None:
    result = run_okrlint("check", "--quiet", "nope.okr.yaml", cwd=tmp_path)
    assert (result.code, result.out) == (2, "nope.okr.yaml:1: OKR000 no such file or directory\n")
