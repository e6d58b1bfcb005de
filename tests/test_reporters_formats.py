"""SARIF, GitHub, GitLab and JUnit output on synthetic reports: what CI systems rely on; and
what --quiet leaves of the text format."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from enum import IntEnum

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reports_factory import finding, kr, objective, report, sample

from okrlint.model import Document, Severity, Span
from okrlint.reporters import formatter_names, jsonout, render
from okrlint.reporters.github import annotation, escape_data, escape_property


def test_every_format_is_registered() -> None:
    assert {"text", "json", "sarif", "github", "gitlab", "junit", "html", "review"} <= set(
        formatter_names()
    )


# --- --quiet -------------------------------------------------------------------------------


def test_quiet_text_is_each_finding_and_its_hint_and_nothing_else() -> None:
    quiet = render("text", sample(), quiet=True)
    assert quiet == (
        "okrs/broken.okr.yaml:3: OKR000 could not parse: bad indent\n"
        "okrs/growth.okr.yaml:3:10: OKR101 [objective-measurable] objective states a quantity ('30%')\n"
        "    hint: move '30%' into a key result\n"
        "okrs/growth.okr.yaml:3:10: OKR102 [objective-missing-why] objective does not say why\n"
        "    hint: add 'because …'\n"
        "okrs/growth.okr.yaml:5:7: OKR201 [kr-not-measurable] key result has no number\n"
        "    hint: add a number\n"
    )
    assert (
        render("text", sample())
        == quiet
        + "\nFound 3 problems (2 errors, 1 warning) in 1 file (2 objectives, 3 key results); 1 file could not be read. Quality score 88/100.\n"
    )
    assert render("text", report([], []), quiet=True) == ""


def test_quiet_leaves_formats_without_a_summary_as_they_are() -> None:
    for name in ("json", "sarif", "gitlab", "junit"):
        assert render(name, sample(), quiet=True) == render(name, sample()), name


# --- SARIF ---------------------------------------------------------------------------------


def test_sarif_describes_rules_and_results() -> None:
    data = json.loads(render("sarif", sample()))
    assert data["version"] == "2.1.0"
    run = data["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["OKR101", "OKR102", "OKR201"]
    assert rules[1]["defaultConfiguration"]["level"] == "warning"
    assert rules[2]["fullDescription"]["text"] == "Flags a key result with no number."
    result = next(r for r in run["results"] if r["ruleId"] == "OKR201")
    assert result["level"] == "error" and rules[result["ruleIndex"]]["id"] == "OKR201"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "okrs/growth.okr.yaml", "uriBaseId": "%SRCROOT%"}
    assert location["region"]["startLine"] == 5
    # An unreadable file is a tool notification, not a result, and fails the invocation.
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "bad indent" in invocation["toolExecutionNotifications"][0]["message"]["text"]
    assert all(r["ruleId"] != "OKR000" for r in run["results"])
    assert run["properties"]["scores"]["overall"] is not None


def test_sarif_fingerprints_ignore_lines_but_not_text() -> None:
    def fingerprints(text: str, line: int) -> str:
        target = kr(text, line)
        doc = Document("a.okr.yaml", "yaml", (objective("O, because", 1, [target]),))
        data = json.loads(render("sarif", report([doc], [finding(doc.path, target)])))
        return data["runs"][0]["results"][0]["partialFingerprints"]["okrlint/v1"]

    assert fingerprints("Sell more  cars", 4) == fingerprints("sell more cars", 40)
    assert fingerprints("Sell more cars", 4) != fingerprints("Sell more bikes", 4)


# --- GitHub --------------------------------------------------------------------------------


def test_github_escaping() -> None:
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_github_annotation_levels_columns_and_title() -> None:
    target = kr("Sell more", 4)
    f = finding("dir/a,b.okr.yaml", target, message="50% of it\nis vague")
    line = annotation(f)
    assert line.startswith("::error file=dir/a%2Cb.okr.yaml,line=4,endLine=4,col=7,endColumn=16,")
    assert "title=OKR201 kr-not-measurable::50%25 of it%0Ais vague%0AHint: add a number" in line
    notice = annotation(replace(f, severity=Severity.INFO))
    assert notice.startswith("::notice ")
    multi = annotation(replace(f, span=Span(4, 7, 6, 3)))
    assert "endLine=6" in multi and "col=" not in multi and "endColumn" not in multi


def test_github_groups_per_file_and_ends_with_a_plain_summary() -> None:
    lines = render("github", sample()).splitlines()
    assert lines[0] == "::group::okrs/broken.okr.yaml"
    assert lines.count("::endgroup::") == 2
    tail = lines[lines.index("::endgroup::", lines.index("::group::okrs/growth.okr.yaml")) + 1 :]
    assert tail[0].startswith("Found 3 problems")
    assert any(line.startswith("Quality score ") for line in tail)
    assert not any(line.startswith("::") for line in tail)


# --- GitLab --------------------------------------------------------------------------------


def test_gitlab_code_quality_issues() -> None:
    issues = json.loads(render("gitlab", sample()))
    by_code = {i["check_name"]: i for i in issues}
    assert by_code["OKR201"]["severity"] == "major"
    assert by_code["OKR102"]["severity"] == "minor"
    assert by_code["OKR201"]["location"] == {"path": "okrs/growth.okr.yaml", "lines": {"begin": 5}}
    assert "key result has no number" in by_code["OKR201"]["description"]
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    info = replace(sample().findings[-1], severity=Severity.INFO)
    assert json.loads(render("gitlab", report([], [info])))[0]["severity"] == "info"


# --- JUnit ---------------------------------------------------------------------------------


def test_junit_is_valid_xml_with_a_suite_per_file_and_escaped_text() -> None:
    rendered = render("junit", sample())
    assert "<script>" not in rendered
    root = ET.fromstring(rendered)
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(suites) == {"okrs/growth.okr.yaml", "okrs/broken.okr.yaml"}
    growth = suites["okrs/growth.okr.yaml"]
    cases = growth.findall("testcase")
    failing = [c for c in cases if c.find("failure") is not None]
    # document + 2 objectives + 3 key results; the first objective and one KR fail
    assert (len(cases), len(failing)) == (6, 2)
    assert growth.get("tests") == "6" and growth.get("failures") == "2"
    script_case = next(c for c in cases if "followers" in c.get("name"))
    assert "<script>alert(1)</script>" in script_case.get("name")
    assert (
        suites["okrs/broken.okr.yaml"].find("testcase/error").get("message").endswith("bad indent")
    )
    assert root.get("failures") == "2" and root.get("errors") == "1"


def test_junit_survives_control_characters() -> None:
    target = kr("Sell more\x1b[31m\x07 cars", 4)
    doc = Document("a.okr.yaml", "yaml", (objective("O, because", 1, [target]),))
    root = ET.fromstring(render("junit", report([doc], [finding(doc.path, target)])))
    assert any("\\x1b" in (c.get("name") or "") for c in root.iter("testcase"))


# --- indented JSON text --------------------------------------------------------------------

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()  # NaN and the infinities too: json writes them as NaN / Infinity
    | st.text()
    | st.sampled_from([Severity.ERROR, IntEnum("Level", "LOW HIGH").HIGH])  # str / int kinds
)
_JSON_LIKE = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=4).map(tuple)
        | st.dictionaries(st.text(), inner, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(_JSON_LIKE)
def test_report_json_holds_the_keys_and_values_json_dumps_writes(value) -> None:
    written = jsonout.dumps(value)
    expected = json.dumps(value, ensure_ascii=False, indent=2)
    if "NaN" in expected or "Infinity" in expected:  # no JSON reader takes those
        return
    assert json.loads(written, object_pairs_hook=list) == json.loads(
        expected, object_pairs_hook=list
    )
    assert written.startswith(("{\n  ", "[\n  ")) or "\n" not in written  # indented


def test_report_json_leaves_what_orjson_refuses_to_json_dumps() -> None:
    odd = {1: [2.5], None: "x", "big": 2**70}
    assert jsonout.dumps(odd) == json.dumps(odd, ensure_ascii=False, indent=2)
    loop: list = []
    loop.append(loop)
    with pytest.raises(ValueError, match="Circular"):
        jsonout.dumps({"a": loop})
    with pytest.raises(TypeError, match="not JSON serializable"):
        jsonout.dumps({"a": [object()]})
