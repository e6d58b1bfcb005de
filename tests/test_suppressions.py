"""Inline suppressions are parsed strictly: a comment silences exactly the rules it names.

A broken or unknown code is a warning of its own (OKR304 invalid-suppression) and silences
nothing; codes may be separated by commas, spaces or both; a comment that names nothing
silences every rule. Applying them costs the same per finding however many comments a file
holds.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_okrlint

from okrlint import engine
from okrlint.config import Config
from okrlint.engine import ActiveRule, run_rules
from okrlint.model import Document, KeyResult, Objective, Severity, Span, Suppression
from okrlint.readers import read_document
from okrlint.rule import Rule, Target, Violation

S = Suppression


@pytest.mark.parametrize(
    ("comment", "expected"),
    [
        ("# okrlint: disable", S(1)),
        ("# okrlint: disable=OKR201", S(1, frozenset({"OKR201"}))),
        ("# okrlint: disable = OKR201 OKR202", S(1, frozenset({"OKR201", "OKR202"}))),
        ("# okrlint: disable=OKR201,kr-activity", S(1, frozenset({"OKR201", "kr-activity"}))),
        (
            "# okrlint: disable=OKR201, OKR202 ,kr-binary",
            S(1, frozenset({"OKR201", "OKR202", "kr-binary"})),
        ),
        ("# okrlint: disable OKR201 OKR202", S(1, frozenset({"OKR201", "OKR202"}))),
        ("# okrlint:disable-file=OKR301", S(1, frozenset({"OKR301"}), True)),
        ("# okrlint: disable=OKR201-", S(1, invalid=("OKR201-",))),
        ("# okrlint: disable=kr-", S(1, invalid=("kr-",))),
        ("# okrlint: disable=", S(1, invalid=("",))),
        ("# okrlint: disable-file=", S(1, file_wide=True, invalid=("",))),
        ("# okrlint: disable=OKR201,OKR2#02", S(1, frozenset({"OKR201", "OKR2"}))),
        ("# okrlint: disable=OKR201,-x", S(1, frozenset({"OKR201"}), invalid=("-x",))),
    ],
)
def test_hash_comments(comment: str, expected: Suppression) -> None:
    [doc] = read_document("a.okr.yaml", f"{comment}\nobjectives: []\n".encode())
    assert doc.suppressions == (expected,)


def test_words_that_only_start_like_the_directive_are_no_suppression() -> None:
    [doc] = read_document("a.okr.yaml", b"# okrlint: disabled for now\n# okrlint: disable_all\n")
    assert doc.suppressions == ()


@pytest.mark.parametrize(
    ("comment", "expected"),
    [
        ("<!-- okrlint-disable -->", S(1)),
        (
            "<!-- okrlint-disable OKR201, OKR202 kr-binary -->",
            S(1, frozenset({"OKR201", "OKR202", "kr-binary"})),
        ),
        ("<!-- okrlint-disable=OKR201-->", S(1, frozenset({"OKR201"}))),
        ("<!-- okrlint: disable = OKR201 -->", S(1, frozenset({"OKR201"}))),
        ("<!-- okrlint-disable-file OKR301 -->", S(1, frozenset({"OKR301"}), True)),
        ("<!-- okrlint-disable OKR201- -->", S(1, invalid=("OKR201-",))),
        ("<!-- okrlint-disable = -->", S(1, invalid=("",))),
    ],
)
def test_markdown_comments(comment: str, expected: Suppression) -> None:
    [doc] = read_document("a.okr.md", f"{comment}\n".encode())
    assert doc.suppressions == (expected,)


# ---------------------------------------------------------------------------- as a user sees it

DOC = """period: 2026-Q1
objectives:
  - title: Flere faste kunder, fordi de gir forutsigbare inntekter
    key_results:
      - Øke antall faste kunder fra 200 til 300
      - Arrangere kundekveld  # {comment}
"""


def _findings(tmp_path: Path, comment: str) -> tuple[int, list[tuple[int, str]], list[dict]]:
    path = tmp_path / "a.okr.yaml"
    path.write_text(DOC.format(comment=comment), encoding="utf-8")
    result = run_okrlint("check", "--no-cache", "-f", "json", str(path))
    findings = json.loads(result.out)["findings"]
    return result.code, sorted((f["line"], f["code"]) for f in findings), findings


def test_the_unsuppressed_line_has_these_findings(tmp_path: Path) -> None:
    code, found, _ = _findings(tmp_path, "just a comment")
    assert code == 1
    assert (6, "OKR208") in found and (6, "OKR201") in found


@pytest.mark.parametrize("broken", ["disable=OKR201-", "disable=kr-", "disable="])
def test_a_broken_code_silences_nothing_and_says_so(tmp_path: Path, broken: str) -> None:
    _, plain, _ = _findings(tmp_path, "just a comment")
    code, found, findings = _findings(tmp_path, f"okrlint: {broken}")
    assert code == 1
    assert [f for f in found if f[1] != "OKR304"] == plain
    [warning] = [f for f in findings if f["code"] == "OKR304"]
    assert (warning["line"], warning["severity"], warning["rule"]) == (
        6,
        "warning",
        "invalid-suppression",
    )


def test_an_unknown_code_is_a_warning_with_a_did_you_mean(tmp_path: Path) -> None:
    _, plain, _ = _findings(tmp_path, "just a comment")
    _, found, findings = _findings(tmp_path, "okrlint: disable=OKR2O8")
    assert [f for f in found if f[1] != "OKR304"] == plain
    [warning] = [f for f in findings if f["code"] == "OKR304"]
    assert (
        warning["message"] == "unknown rule «OKR2O8» in a suppression comment; it silences nothing"
    )
    assert warning["suggestion"] == "did you mean «OKR208»?"


@pytest.mark.parametrize(
    "comment", ["okrlint: disable = OKR208 OKR201", "okrlint: disable=OKR208,OKR201"]
)
def test_space_and_comma_separated_codes_all_count(tmp_path: Path, comment: str) -> None:
    _, plain, _ = _findings(tmp_path, "just a comment")
    _, found, _ = _findings(tmp_path, comment)
    assert found == [f for f in plain if f not in ((6, "OKR208"), (6, "OKR201"))]


def test_good_codes_beside_a_bad_one_still_work(tmp_path: Path) -> None:
    _, plain, _ = _findings(tmp_path, "just a comment")
    _, found, _ = _findings(tmp_path, "okrlint: disable=OKR208, OKR9999")
    assert found == sorted([f for f in plain if f != (6, "OKR208")] + [(6, "OKR304")])


def test_a_comment_without_codes_silences_every_rule_on_its_element(tmp_path: Path) -> None:
    _, found, _ = _findings(tmp_path, "okrlint: disable")
    assert [f for f in found if f[0] == 6] == []


def test_a_custom_rule_is_a_known_code_even_when_not_selected(tmp_path: Path) -> None:
    rules = tmp_path / "okr-rules"
    rules.mkdir()
    (rules / "buzz.yaml").write_text(
        "extends: existence\ncode: ACME001\nmessage: no '%s'\ntokens: [synergy]\n",
        encoding="utf-8",
    )
    (tmp_path / ".okrlint.yaml").write_text(
        "custom-rules: okr-rules\nignore: [ACME001]\n", encoding="utf-8"
    )
    _, found, _ = _findings(tmp_path, "okrlint: disable=ACME001")
    assert "OKR304" not in [code for _, code in found]


# ---------------------------------------------------------------------------- the work


def test_each_finding_looks_at_its_own_lines_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """16 000 comments and 16 000 findings: every comment used to be scanned for every finding
    (45 s); now each finding asks at most its line, the line above, the file-wide comments
    and per-file-ignores."""
    n = 16_000
    krs = tuple(KeyResult(f"kr {i}", Span(2 * i + 2, 3, 2 * i + 2, 9)) for i in range(n))
    sups = tuple(Suppression(2 * i + 1, frozenset({"OKR201"})) for i in range(n))
    doc = Document(
        "a.okr.yaml",
        "yaml",
        (Objective("o", Span(1, 1, 1, 2), key_results=krs),),
        language="en",
        suppressions=(*sups, Suppression(1, frozenset({"X999"}), True)),
    )

    def every(kr, ctx):
        yield Violation("flagged")

    rule = Rule("X100", "every-kr", Severity.WARNING, Target.KEY_RESULT, "all", "doc", every)
    asked = 0
    matches = engine.Selection.matches

    def counted(self, finding):
        nonlocal asked
        asked += 1
        return matches(self, finding)

    monkeypatch.setattr(engine.Selection, "matches", counted)
    found = run_rules([doc], [ActiveRule(rule, Severity.WARNING, {})], Config(), {})
    assert len(found) == n  # "OKR201" silences no X100 finding
    assert asked <= 3 * n
