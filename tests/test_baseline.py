"""Baselines: adopt okrlint on legacy OKRs, then see only what is new.

Findings are matched by file, rule and the element's text, never by line, so editing
one objective resurfaces only that objective's findings.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_okrlint

LEGACY = """\
period: 2025-Q3
language: nb
objectives:
  - title: Øke salget med 30 %
    key_results:
      - Selge flere biler
      - Selge flere biler
      - Redusere ventetiden fra 10 til 5 minutter
  - title: Effektiv utvikling av produktet
    key_results:
      - Lansere nye funksjoner
      - Redusere produktfeil fra 5 % til 3 %
"""

# The second objective reworded and moved to the top: every line number changes.
EDITED = """\
period: 2025-Q3
language: nb
objectives:
  - title: Rask utvikling av appen
    key_results:
      - Lansere nye funksjoner
      - Redusere produktfeil fra 5 % til 3 %
  - title: Øke salget med 30 %
    key_results:
      - Selge flere biler
      - Selge flere biler
      - Redusere ventetiden fra 10 til 5 minutter
"""

BASELINE = ".okrlint-baseline.json"


def setup_repo(tmp_path: Path) -> Path:
    okr = tmp_path / "okrs" / "sales.okr.yaml"
    okr.parent.mkdir(parents=True)
    okr.write_text(LEGACY, encoding="utf-8")
    return okr


def findings(*args: str, cwd: Path) -> list[dict]:
    result = run_okrlint("check", "--format", "json", *args, cwd=cwd)
    found = json.loads(result.out)["findings"]
    assert result.code == (1 if found else 0), result.err  # findings fail the run, none pass it
    return found


def test_write_baseline_records_findings_and_exits_zero(tmp_path: Path) -> None:
    okr = setup_repo(tmp_path)
    before = findings("okrs", cwd=tmp_path)
    assert before, "the legacy file must have findings for this test to mean anything"

    result = run_okrlint("check", "--write-baseline", BASELINE, "okrs", cwd=tmp_path)
    assert result.code == 0, result.out + result.err
    assert okr.read_text(encoding="utf-8") == LEGACY  # the input is never written to
    data = json.loads((tmp_path / BASELINE).read_text(encoding="utf-8"))
    assert data["okrlint-baseline"] == 1
    assert list(data["files"]) == ["okrs/sales.okr.yaml"]  # relative to the baseline, POSIX
    entries = data["files"]["okrs/sales.okr.yaml"]
    assert sum(e["count"] for e in entries) == len(before)
    # The same finding twice (two identical key results) is one entry with a count of 2,
    # under the normalised text.
    assert {"code": "OKR201", "text": "selge flere biler", "count": 2} in entries


def test_baselined_findings_are_hidden(tmp_path: Path) -> None:
    setup_repo(tmp_path)
    run_okrlint("check", "--write-baseline", BASELINE, "okrs", cwd=tmp_path)
    result = run_okrlint("check", "--baseline", BASELINE, "okrs", cwd=tmp_path)
    assert result.code == 0, result.out
    assert "Fant ingen problemer" in result.out  # the OKRs are Norwegian, so is the summary


def test_editing_one_objective_reports_only_its_new_finding(tmp_path: Path) -> None:
    okr = setup_repo(tmp_path)
    run_okrlint("check", "--write-baseline", BASELINE, "okrs", cwd=tmp_path)
    okr.write_text(EDITED, encoding="utf-8")
    new = findings("--baseline", BASELINE, "okrs", cwd=tmp_path)
    assert new, "the reworded objective has no why: that finding is new"
    assert {f["text"] for f in new} == {"Rask utvikling av appen"}
    assert {f["line"] for f in new} == {4}
    # Without the baseline, the untouched findings are all still there.
    assert len(findings("okrs", cwd=tmp_path)) > len(new)


def test_stale_entries_are_reported_under_statistics(tmp_path: Path) -> None:
    okr = setup_repo(tmp_path)
    run_okrlint("check", "--write-baseline", BASELINE, "okrs", cwd=tmp_path)
    recorded = json.loads((tmp_path / BASELINE).read_text(encoding="utf-8"))["files"]
    fixed = sum(
        e["count"] for e in recorded["okrs/sales.okr.yaml"] if e["text"] == "lansere nye funksjoner"
    )
    assert fixed >= 1
    okr.write_text(
        LEGACY.replace("Lansere nye funksjoner", "Øke antall aktive brukere fra 1 000 til 2 000"),
        encoding="utf-8",
    )
    result = run_okrlint("check", "--baseline", BASELINE, "--statistics", "okrs", cwd=tmp_path)
    entries = "oppføring" if fixed == 1 else "oppføringer"
    assert f"{fixed} {entries} i baseline-filen er utdatert" in result.out
    english = run_okrlint(
        "check", "--baseline", BASELINE, "--statistics", "--messages", "en", "okrs", cwd=tmp_path
    )
    entries = "baseline entry is" if fixed == 1 else "baseline entries are"
    assert f"{fixed} {entries} stale" in english.out
    quiet = run_okrlint("check", "--baseline", BASELINE, "okrs", cwd=tmp_path)
    assert "utdatert" not in quiet.out


def test_counts_absorb_only_as_many_findings_as_were_recorded(tmp_path: Path) -> None:
    okr = setup_repo(tmp_path)
    run_okrlint("check", "--write-baseline", BASELINE, "okrs", cwd=tmp_path)
    # A third identical key result: two are known, one is new.
    third = "      - Selge flere biler\n" * 3
    okr.write_text(LEGACY.replace("      - Selge flere biler\n" * 2, third), encoding="utf-8")
    new = findings("--baseline", BASELINE, "okrs", cwd=tmp_path)
    texts = [f["text"] for f in new]
    assert texts and set(texts) == {"Selge flere biler"}
    per_rule = {f["code"] for f in new}
    assert len(new) == len(per_rule)  # exactly one new finding per rule that flags it


def test_case_and_spacing_changes_do_not_resurface_findings(tmp_path: Path) -> None:
    okr = setup_repo(tmp_path)
    run_okrlint("check", "--write-baseline", BASELINE, "okrs", cwd=tmp_path)
    okr.write_text(LEGACY.replace("Lansere nye funksjoner", "Lansere  nye FUNKSJONER"), "utf-8")
    assert findings("--baseline", BASELINE, "okrs", cwd=tmp_path) == []


def test_paths_are_relative_to_the_baseline_not_the_current_folder(tmp_path: Path) -> None:
    setup_repo(tmp_path)
    run_okrlint("check", "--write-baseline", BASELINE, "okrs", cwd=tmp_path)
    inside = tmp_path / "okrs"
    result = run_okrlint("check", "--baseline", f"../{BASELINE}", "sales.okr.yaml", cwd=inside)
    assert result.code == 0, result.out


def test_baseline_from_config(tmp_path: Path) -> None:
    setup_repo(tmp_path)
    run_okrlint("check", "--write-baseline", BASELINE, "okrs", cwd=tmp_path)
    (tmp_path / ".okrlint.yaml").write_text(f"baseline: {BASELINE}\n", encoding="utf-8")
    assert run_okrlint("check", "okrs", cwd=tmp_path).code == 0
    (tmp_path / ".okrlint.yaml").write_text("baseline: missing.json\n", encoding="utf-8")
    missing = run_okrlint("check", "okrs", cwd=tmp_path)
    assert missing.code == 2 and "cannot read baseline" in missing.err


def test_never_overwrites_an_input_or_a_file_that_is_not_a_baseline(tmp_path: Path) -> None:
    okr = setup_repo(tmp_path)
    result = run_okrlint("check", "--write-baseline", "okrs/sales.okr.yaml", "okrs", cwd=tmp_path)
    assert result.code == 2
    assert "refusing to write the baseline over a checked file" in result.err
    assert okr.read_text(encoding="utf-8") == LEGACY
    notes = tmp_path / "notes.json"
    notes.write_text('{"mine": true}\n', encoding="utf-8")
    result = run_okrlint("check", "--write-baseline", "notes.json", "okrs", cwd=tmp_path)
    assert result.code == 2 and "not an okrlint baseline" in result.err
    assert notes.read_text(encoding="utf-8") == '{"mine": true}\n'


def test_input_errors_still_exit_two(tmp_path: Path) -> None:
    setup_repo(tmp_path)
    (tmp_path / "okrs" / "broken.okr.yaml").write_text("objectives:\n  - [unclosed\n", "utf-8")
    result = run_okrlint("check", "--write-baseline", BASELINE, "okrs", cwd=tmp_path)
    assert result.code == 2
    assert "OKR000" in result.err
    data = json.loads((tmp_path / BASELINE).read_text(encoding="utf-8"))
    assert all(e["code"] != "OKR000" for e in data["files"]["okrs/sales.okr.yaml"])
    assert "okrs/broken.okr.yaml" not in data["files"]


def test_a_broken_baseline_is_a_clear_error(tmp_path: Path) -> None:
    setup_repo(tmp_path)
    (tmp_path / BASELINE).write_text("{not json", encoding="utf-8")
    result = run_okrlint("check", "--baseline", BASELINE, "okrs", cwd=tmp_path)
    assert result.code == 2
    assert "not an okrlint baseline" in result.err and "Traceback" not in result.err
