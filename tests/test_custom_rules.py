"""Custom YAML rules (Vale-style): loaded from the folder named in config, run like any rule,
listed, selectable, suppressible and explained; a broken rule file names its file and line."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from conftest import run_okrlint, run_okrlint_process

from okrlint.custom import MAX_TEXT, load_custom_rules
from okrlint.errors import OkrlintError

BUZZWORDS = """\
extends: existence
code: ACME001
message: "avoid the buzzword '%s'"
severity: warning
scope: all
ignorecase: true
tokens: [synergy, leverage, best in class]
"""
OWNER = """\
extends: required-field
code: ACME002
name: objective-needs-owner
message: "every objective needs an %s"
field: owner
severity: error
description: Somebody has to answer for every objective.
"""
OKRS = """\
period: Q3 2025
objectives:
  - title: Leverage our partners across the Nordics, because we are too small alone
    key_results:
      - Cut handover time from 5 to 2 days
      - Sign 4 new partners

  - title: Make support our strongest side, so that customers stay
    owner: Support
    key_results:
      - Become best in class on NPS, from 10 to 30
      - Cut first response time from 8 to 2 hours
"""


def _project(tmp_path: Path, rules: dict[str, str], okrs: str = OKRS) -> Path:
    (tmp_path / ".okrlint.yaml").write_text("custom-rules: okr-rules\n", encoding="utf-8")
    folder = tmp_path / "okr-rules"
    folder.mkdir()
    for name, text in rules.items():
        (folder / name).write_text(text, encoding="utf-8")
    (tmp_path / "team.okr.yaml").write_text(okrs, encoding="utf-8")
    return tmp_path


def _findings(project: Path, *args: str) -> list[dict]:
    result = run_okrlint(
        "check", "--no-cache", "--format", "json", *args, "team.okr.yaml", cwd=project
    )
    found = json.loads(result.out)["findings"]
    assert result.code == (1 if found else 0), result.err  # findings fail the run, none pass it
    return found


def _codes_by_line(findings: list[dict]) -> list[tuple[int, str]]:
    return sorted((f["line"], f["code"]) for f in findings if not f["code"].startswith("OKR"))


def test_existence_and_required_field_rules_fire_where_they_should(tmp_path: Path) -> None:
    project = _project(tmp_path, {"buzzwords.yaml": BUZZWORDS, "owner.yaml": OWNER})
    findings = _findings(project)
    assert _codes_by_line(findings) == [(3, "ACME001"), (3, "ACME002"), (11, "ACME001")]
    buzz = next(f for f in findings if f["code"] == "ACME001" and f["line"] == 3)
    assert buzz["message"] == "avoid the buzzword 'Leverage'"  # %s is the text as written
    assert buzz["rule"] == "buzzwords"  # the name defaults to the file name
    assert buzz["severity"] == "warning"
    owner = next(f for f in findings if f["code"] == "ACME002")
    assert owner["severity"] == "error"
    assert owner["message"] == "every objective needs an owner"


def test_scope_limits_an_existence_rule(tmp_path: Path) -> None:
    krs_only = BUZZWORDS.replace("scope: all", "scope: key_result")
    project = _project(tmp_path, {"buzzwords.yaml": krs_only})
    assert _codes_by_line(_findings(project)) == [(11, "ACME001")]


def test_ignorecase_false_matches_the_case_written(tmp_path: Path) -> None:
    exact = BUZZWORDS.replace("ignorecase: true", "ignorecase: false")
    project = _project(tmp_path, {"buzzwords.yaml": exact})
    assert _codes_by_line(_findings(project)) == [(11, "ACME001")]  # "Leverage" has a capital


def test_pattern_rule(tmp_path: Path) -> None:
    rule = (
        "extends: existence\ncode: ACME010\nmessage: \"write the unit after the number: '%s'\"\n"
        'scope: key_result\npattern: "\\\\bfrom \\\\d+ to \\\\d+ (?:days|hours)"\n'
    )
    project = _project(tmp_path, {"units.yml": rule})
    found = [f for f in _findings(project) if f["code"] == "ACME010"]
    assert [(f["line"], f["message"]) for f in found] == [
        (5, "write the unit after the number: 'from 5 to 2 days'"),
        (12, "write the unit after the number: 'from 8 to 2 hours'"),
    ]


def test_required_period_is_checked_on_the_document(tmp_path: Path) -> None:
    rule = "extends: required-field\ncode: ACME003\nmessage: name the %s\nfield: period\n"
    project = _project(tmp_path, {"period.yaml": rule}, OKRS.replace("period: Q3 2025\n", ""))
    assert [f["code"] for f in _findings(project) if f["code"] == "ACME003"] == ["ACME003"]
    (tmp_path / "dated").mkdir()
    project2 = _project(tmp_path / "dated", {"period.yaml": rule})
    assert not [f for f in _findings(project2) if f["code"] == "ACME003"]


def test_custom_rules_are_listed_selected_ignored_suppressed_and_explained(tmp_path: Path) -> None:
    project = _project(tmp_path, {"buzzwords.yaml": BUZZWORDS, "owner.yaml": OWNER})
    listed = json.loads(run_okrlint("rules", "--format", "json", cwd=project).out)
    mine = {r["code"]: r for r in listed if r["code"].startswith("ACME")}
    assert set(mine) == {"ACME001", "ACME002"}
    assert mine["ACME001"]["origin"] == "okr-rules/buzzwords.yaml"

    assert {f["code"] for f in _findings(project, "--select", "ACME")} == {"ACME001", "ACME002"}
    assert {f["code"] for f in _findings(project, "--select", "objective-needs-owner")} == {
        "ACME002"
    }
    assert not _codes_by_line(_findings(project, "--ignore", "ACME"))

    suppressed = OKRS.replace(
        "      - Become best in class on NPS, from 10 to 30",
        "      - Become best in class on NPS, from 10 to 30  # okrlint: disable=ACME001",
    )
    (project / "team.okr.yaml").write_text(suppressed, encoding="utf-8")
    assert _codes_by_line(_findings(project)) == [(3, "ACME001"), (3, "ACME002")]

    explained = run_okrlint("explain", "ACME002", cwd=project)
    assert explained.code == 0
    for section in ("What it does:", "Why it matters:", "How to fix:"):
        assert section in explained.out
    assert "Somebody has to answer for every objective." in explained.out


BROKEN = [
    ("code: ACME001\nmessage: x\ntokens: [a]\n", "'extends' is required", 1),
    ("extends: existance\ncode: ACME001\nmessage: x\n", "unknown check type 'existance'", 1),
    ("extends: existence\ncode: OKR901\nmessage: x\ntokens: [a]\n", "own prefix 'OKR'", 2),
    ("extends: existence\ncode: acme1\nmessage: x\ntokens: [a]\n", "three digits", 2),
    ("extends: existence\ncode: ACME001\nmessage: x\n", "either 'tokens' or 'pattern'", 1),
    ("extends: existence\ncode: ACME001\nmesage: x\ntokens: [a]\n", "did you mean 'message'", 3),
    ("extends: existence\ncode: ACME001\nmessage: x\ntokens: [a]\nscope: kr\n", "scope 'kr'", 5),
    (
        "extends: existence\ncode: ACME001\nmessage: x\nseverity: fatal\ntokens: [a]\n",
        "severity 'fatal'",
        4,
    ),
    ("extends: existence\ncode: ACME001\nmessage: x\npattern: '(unclosed'\n", "invalid pattern", 4),
    (
        "extends: existence\ncode: ACME001\nmessage: x\npattern: '(?<!pre)launch'\n",
        "negative lookahead or lookbehind",
        4,
    ),
    (
        "extends: existence\ncode: ACME001\nmessage: x\npattern: '(a)\\1'\n",
        "a backreference",
        4,
    ),
    ("extends: required-field\ncode: ACME001\nmessage: x\nfield: colour\n", "field 'colour'", 4),
    (
        "extends: required-field\ncode: ACME001\nmessage: x\nfield: why\nscope: key_result\n",
        "scope 'key_result'",
        5,
    ),
    ("extends: existence\ncode: ACME001\n  message: x\n", "invalid YAML", 3),
    ("- just\n- a list\n", "must be a mapping", 1),
]


@pytest.mark.parametrize(("text", "message", "line"), BROKEN)
def test_a_broken_rule_file_is_an_error_naming_file_and_line(
    tmp_path: Path, text: str, message: str, line: int
) -> None:
    (tmp_path / "rule.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(OkrlintError) as caught:
        load_custom_rules(tmp_path)
    assert message in caught.value.message
    assert caught.value.path is not None and caught.value.path.endswith("rule.yaml")
    assert caught.value.line == line


def test_the_cli_reports_a_broken_rule_cleanly(tmp_path: Path) -> None:
    bad = BUZZWORDS.replace("code: ACME001", "code: OKR999")
    project = _project(tmp_path, {"buzzwords.yaml": bad})
    result = run_okrlint("check", "team.okr.yaml", cwd=project)
    assert result.code == 2
    assert "buzzwords.yaml:2" in result.err and "Traceback" not in result.err


def test_two_rule_files_cannot_share_a_code(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(BUZZWORDS, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(BUZZWORDS, encoding="utf-8")
    with pytest.raises(OkrlintError, match=r"also defined in a\.yaml"):
        load_custom_rules(tmp_path)


def test_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(OkrlintError, match="custom-rules folder not found"):
        load_custom_rules(tmp_path / "nowhere")


def test_matching_time_is_bounded_on_huge_elements(tmp_path: Path) -> None:
    # RE2 matches in linear time, and only the first MAX_TEXT characters are read.
    rule = "extends: existence\ncode: ACME020\nmessage: x\npattern: '(?:ab|a)c'\n"
    (tmp_path / "r.yaml").write_text(rule, encoding="utf-8")
    loaded = load_custom_rules(tmp_path)[0]
    from okrlint.model import Document, Objective, Span
    from okrlint.rule import RuleContext

    huge = Objective("a" * (MAX_TEXT * 50) + "c", Span(1, 1, 1, 2))
    ctx = RuleContext(Document("x.okr.yaml", "yaml", (huge,), language="en"), {}, {})
    started = time.perf_counter()
    assert list(loaded.check(Document("x.okr.yaml", "yaml", (huge,)), ctx)) == []
    assert time.perf_counter() - started < 1.0


# ---------------------------------------------------------------------------- the plugin example

PLUGIN = Path(__file__).resolve().parents[1] / "examples" / "plugin"


def _can_build_offline() -> bool:
    """setuptools >= 70.1 builds a wheel without the separate 'wheel' package."""
    try:
        from importlib.metadata import version

        major, minor = (int(p) for p in version("setuptools").split(".")[:2])
    except Exception:
        return False
    return (major, minor) >= (70, 1)


@pytest.mark.skipif(not _can_build_offline(), reason="needs setuptools>=70.1 (the test extra)")
def test_the_plugin_example_installs_and_its_rule_runs(tmp_path: Path) -> None:
    import shutil
    import subprocess
    import sys

    source = tmp_path / "plugin"
    shutil.copytree(PLUGIN, source, ignore=shutil.ignore_patterns("build", "*.egg-info"))
    site = tmp_path / "site"  # a private install location: nothing leaks into this env
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--no-index", "--target", str(site), str(source)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    env = {"PYTHONPATH": str(site)}
    listed = json.loads(run_okrlint_process("rules", "--format", "json", cwd=tmp_path, env=env).out)
    plugin = [r for r in listed if r["code"] == "ACME101"]
    assert plugin and plugin[0]["origin"] == "okrlint-example-plugin"
    assert plugin[0]["name"] == "kr-too-many-numbers"

    (tmp_path / "team.okr.yaml").write_text(
        "period: Q3 2025\nobjectives:\n"
        "  - title: Keep customers longer, because churn eats our growth\n"
        "    key_results:\n"
        "      - Raise NPS from 20 to 40 and cut churn from 5% to 3%\n"
        "      - Raise net revenue retention from 98% to 105%\n",
        encoding="utf-8",
    )
    found = run_okrlint_process("check", "--no-cache", "--select", "ACME", "team.okr.yaml",
                                cwd=tmp_path, env=env)  # fmt: skip
    assert found.code == 1, found.err
    assert "team.okr.yaml:5:9: ACME101 [kr-too-many-numbers]" in found.out
    assert "ACME101" not in run_okrlint("rules", cwd=tmp_path).out  # not installed here
