"""Which language okrlint speaks: each finding its file's, the summary the language of most
files, unless --messages or `messages` in config says one; the locale breaks a tie and
speaks for what no file decides. Machine fields never change."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_okrlint

NB = """\
period: 2025-Q3
language: nb
objectives:
  - title: Økte månedlige salgsinntekter, fordi vi er best på salg
    key_results:
      - Økte salgsavtaler fra 100 til 200
      - Selge flere biler
"""
EN = """\
period: 2025-Q3
language: en
objectives:
  - title: Become the coffee shop people recommend, because word of mouth is our growth
    key_results:
      - Raise NPS from 30 to 45
      - Sell more coffee
"""
C_LOCALE = {"LANG": "C.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def check(*args: str, cwd: Path, env: dict[str, str] | None = None):
    return run_okrlint("check", "--no-cache", *args, cwd=cwd, env={**C_LOCALE, **(env or {})})


def test_a_norwegian_file_gets_a_norwegian_report_and_an_english_one_an_english(
    tmp_path: Path,
) -> None:
    write(tmp_path, "salg.okr.yaml", NB)
    write(tmp_path, "growth.okr.yaml", EN)
    nb = check("salg.okr.yaml", cwd=tmp_path)
    assert nb.code == 1
    assert "    tips: " in nb.out and "hint:" not in nb.out
    assert nb.out.splitlines()[-1].startswith(
        "Fant 2 problemer (1 feil, 1 advarsel) i 1 fil (1 mål, 2 nøkkelresultater)."
    )
    en = check("growth.okr.yaml", cwd=tmp_path)
    assert "    hint: " in en.out and "tips:" not in en.out
    assert en.out.splitlines()[-1].startswith(
        "Found 2 problems (1 error, 1 warning) in 1 file (1 objective, 2 key results)."
    )


def test_messages_option_and_config_choose_one_language_for_everything(tmp_path: Path) -> None:
    write(tmp_path, "salg.okr.yaml", NB)
    write(tmp_path, "growth.okr.yaml", EN)
    english = check("--messages", "en", "salg.okr.yaml", cwd=tmp_path)
    assert "    hint: " in english.out and english.out.splitlines()[-1].startswith("Found 2 ")
    norwegian = check("--messages", "nb", "growth.okr.yaml", cwd=tmp_path)
    assert "    tips: " in norwegian.out and norwegian.out.splitlines()[-1].startswith("Fant 2 ")
    (tmp_path / "pyproject.toml").write_text('[tool.okrlint]\nmessages = "nb"\n', encoding="utf-8")
    configured = check("growth.okr.yaml", cwd=tmp_path)
    assert configured.out.splitlines()[-1].startswith("Fant 2 ")
    overridden = check("--messages", "auto", "growth.okr.yaml", cwd=tmp_path)
    assert overridden.out.splitlines()[-1].startswith("Found 2 ")


def test_a_mixed_run_says_each_finding_in_its_file_and_the_summary_in_most_files(
    tmp_path: Path,
) -> None:
    write(tmp_path, "a.okr.yaml", NB)
    write(tmp_path, "b.okr.yaml", NB)
    write(tmp_path, "c.okr.yaml", EN)
    result = check("a.okr.yaml", "b.okr.yaml", "c.okr.yaml", cwd=tmp_path)
    lines = result.out.splitlines()
    hints = [
        (lines[i - 1].split(":")[0], lines[i].split(":")[0].strip())
        for i in range(1, len(lines))
        if lines[i].startswith("    ")
    ]
    assert sorted(set(hints)) == [
        ("a.okr.yaml", "tips"),
        ("b.okr.yaml", "tips"),
        ("c.okr.yaml", "hint"),
    ]
    assert lines[-1].startswith("Fant 6 problemer (3 feil, 3 advarsler) i 3 filer")


def test_the_locale_breaks_a_tie(tmp_path: Path) -> None:
    write(tmp_path, "a.okr.yaml", NB)
    write(tmp_path, "c.okr.yaml", EN)
    plain = check("a.okr.yaml", "c.okr.yaml", cwd=tmp_path)
    assert plain.out.splitlines()[-1].startswith("Found 4 problems")
    norwegian = check("a.okr.yaml", "c.okr.yaml", cwd=tmp_path, env={"LANG": "nb_NO.UTF-8"})
    assert norwegian.out.splitlines()[-1].startswith("Fant 4 problemer")
    # the findings still follow their files
    assert "    hint: " in norwegian.out and "    tips: " in norwegian.out


def test_an_unreadable_file_is_reported_in_the_locale_language(tmp_path: Path) -> None:
    result = check("missing.okr.yaml", cwd=tmp_path, env={"LANGUAGE": "nb"})
    assert result.code == 2
    assert "missing.okr.yaml:1: OKR000 filen eller mappen finnes ikke" in result.out


def test_json_and_sarif_keep_english_text_beside_the_localised(tmp_path: Path) -> None:
    write(tmp_path, "salg.okr.yaml", NB)
    data = json.loads(check("-f", "json", "salg.okr.yaml", cwd=tmp_path).out)
    kr = next(f for f in data["findings"] if f["code"] == "OKR201")
    assert kr["rule"] == "kr-not-measurable" and kr["severity"] == "error"
    assert kr["message"] == "key result has no number to measure it by"
    assert kr["localized"]["language"] == "nb"
    assert kr["localized"]["suggestion"] is not None
    sarif = json.loads(check("-f", "sarif", "salg.okr.yaml", cwd=tmp_path).out)
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "OKR201")
    assert result["message"]["text"].startswith("key result has no number to measure it by Hint: ")
    localized = result["properties"]["localized"]
    assert localized["language"] == "nb" and " Tips: " in localized["text"]


def test_the_html_page_of_a_norwegian_file_is_norwegian(tmp_path: Path) -> None:
    write(tmp_path, "salg.okr.yaml", NB)
    page = check("-f", "html", "salg.okr.yaml", cwd=tmp_path).out
    assert '<html lang="nb"' in page
    for words in (
        "Nøkkelresultater",
        "Funn etter alvorlighetsgrad",
        "bare mål med funn",
        "Viser {shown} av {total} funn.",
        "Slik retter du det",
        "Forslag",
    ):
        assert words in page, words
    for words in ("Key results", "Findings by severity", "only objectives with findings"):
        assert words not in page, words


def test_explain_and_rules_speak_the_chosen_language(tmp_path: Path) -> None:
    explained = run_okrlint("explain", "OKR201", "--messages", "nb", cwd=tmp_path, env=C_LOCALE)
    assert explained.code == 0
    assert explained.out.startswith("OKR201 kr-not-measurable [feil, på som standard]\n")
    for heading in (
        "Hva regelen ser etter:",
        "Hvorfor det er viktig:",
        "Slik retter du det:",
        "Eksempler:",
    ):
        assert heading in explained.out
    english = run_okrlint("explain", "OKR201", cwd=tmp_path, env=C_LOCALE)
    assert english.out.startswith("OKR201 kr-not-measurable [error, on by default]\n")
    by_locale = run_okrlint(
        "explain", "OKR201", cwd=tmp_path, env={**C_LOCALE, "LANG": "nb_NO.UTF-8"}
    )
    assert by_locale.out == explained.out
    listing = run_okrlint("rules", "--messages", "nb", cwd=tmp_path, env=C_LOCALE)
    head = listing.out.splitlines()[0].split()
    assert head == ["KODE", "NAVN", "ALVORLIGHETSGRAD", "SAMMENDRAG"]
    # codes, names and severities are what config and suppressions take: never translated
    assert any(
        line.split()[:3] == ["OKR201", "kr-not-measurable", "error"]
        for line in listing.out.splitlines()
    )


def test_a_wrong_messages_value_in_config_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "salg.okr.yaml", NB)
    (tmp_path / "pyproject.toml").write_text('[tool.okrlint]\nmessages = "no"\n', encoding="utf-8")
    result = check("salg.okr.yaml", cwd=tmp_path)
    assert result.code == 2
    assert "'messages' must be 'en', 'nb' or 'auto', got 'no'" in result.err


def test_a_file_that_cannot_be_read_is_reported_in_norwegian_for_a_norwegian_user(
    tmp_path: Path,
) -> None:
    write(tmp_path, "brutt.okr.yaml", "objectives:\n  - title: [uavsluttet\n")
    (tmp_path / "binær.okr.yaml").write_bytes(b"objectives:\x00\n")
    result = check("brutt.okr.yaml", "binær.okr.yaml", cwd=tmp_path, env={"LANG": "nb_NO.UTF-8"})
    assert result.code == 2
    lines = result.out.splitlines()
    assert "binær.okr.yaml:1: OKR000 binærfil (inneholder NUL-byte); okrlint leser tekst" in lines
    assert any(line.startswith("brutt.okr.yaml:3: OKR000 kunne ikke lese YAML: ") for line in lines)
    assert lines[-1] == "Ingenting ble sjekket; 2 filer kunne ikke leses."
