"""The CI recipes in the README are complete, copy-pasteable, and do what they promise.

They live in docs/ci/ and are quoted verbatim in the README; each is parsed for the keys a
newcomer relies on, and its okrlint command is run on a bad OKR file to produce the reports
the later steps upload.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
import yaml
from conftest import run_okrlint_process as run_okrlint

ROOT = Path(__file__).resolve().parents[1]
RECIPES = ROOT / "docs" / "ci"
GITHUB = RECIPES / "github-actions.yml"
GITLAB = RECIPES / "gitlab-ci.yml"

BAD = """\
period: 2025-Q3
language: nb
objectives:
  - title: Øke salget med 30 %
    key_results:
      - Selge flere biler
"""


def readme_section(name: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(f"<!-- section: {name} -->")
    end = text.find("<!-- section:", start + 1)
    return text[start : end if end != -1 else None]


def code_blocks(markdown: str, lang: str) -> list[str]:
    return re.findall(rf"^```{lang}\n(.*?)^```", markdown, flags=re.DOTALL | re.MULTILINE)


def steps_using(steps: list[dict], action: str) -> list[dict]:
    return [s for s in steps if str(s.get("uses", "")).split("@")[0] == action]


def okrlint_args(command: str) -> list[str]:
    """The arguments of the recipe's `okrlint check …` command, as a shell would split them."""
    words = shlex.split(command)
    assert words[:2] == ["okrlint", "check"], command
    return words[1:]


def format_files(args: list[str]) -> dict[str, str]:
    """``--format NAME:FILE`` pairs in a command line."""
    specs = [args[i + 1] for i, a in enumerate(args[:-1]) if a in ("--format", "-f")]
    return dict(spec.split(":", 1) for spec in specs if ":" in spec)


@pytest.fixture
def repo_with_a_bad_okr(tmp_path: Path) -> Path:
    okr = tmp_path / "okrs" / "sales.yaml"
    okr.parent.mkdir()
    okr.write_text(BAD, encoding="utf-8")
    (tmp_path / "README.md").write_text("# Not an OKR file\n", encoding="utf-8")
    return tmp_path


def test_readme_quotes_the_recipes_verbatim() -> None:
    blocks = code_blocks(readme_section("ci"), "yaml")
    for recipe in (GITHUB, GITLAB):
        assert recipe.read_text(encoding="utf-8") in blocks, f"README differs from {recipe.name}"


def test_github_workflow_has_the_documented_keys() -> None:
    workflow = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers
    assert workflow["permissions"]["security-events"] == "write"
    (job,) = workflow["jobs"].values()
    steps = job["steps"]
    assert steps_using(steps, "actions/checkout") and steps_using(steps, "actions/setup-python")
    install = next(s for s in steps if "pip install" in s.get("run", ""))
    assert "okrlint" in install["run"]

    check = next(s for s in steps if s.get("run", "").startswith("okrlint check"))
    args = okrlint_args(check["run"])
    assert "github" in [args[i + 1] for i, a in enumerate(args[:-1]) if a == "--format"]
    files = format_files(args)
    assert set(files) == {"sarif", "html"}

    (sarif,) = steps_using(steps, "github/codeql-action/upload-sarif")
    assert sarif["with"]["sarif_file"] == files["sarif"]
    (artefact,) = steps_using(steps, "actions/upload-artifact")
    assert artefact["with"]["path"] == files["html"]
    for upload in (sarif, artefact):  # the check fails the job when it finds something
        assert "always()" in upload["if"]
    assert steps.index(check) < steps.index(sarif) and steps.index(check) < steps.index(artefact)


def test_github_recipe_command_produces_annotations_sarif_html_and_summary(
    repo_with_a_bad_okr: Path,
) -> None:
    workflow = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    (job,) = workflow["jobs"].values()
    run = next(s["run"] for s in job["steps"] if s.get("run", "").startswith("okrlint check"))
    args = okrlint_args(run)
    summary = repo_with_a_bad_okr / "step-summary.md"
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}

    result = run_okrlint(*args, cwd=repo_with_a_bad_okr, env=env)
    assert result.code == 1, result.err
    annotations = [line for line in result.out.splitlines() if line.startswith("::error ")]
    assert any(line.startswith("::error file=okrs/sales.yaml,line=4,") for line in annotations)
    files = format_files(args)
    sarif = json.loads((repo_with_a_bad_okr / files["sarif"]).read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    uris = {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for res in sarif["runs"][0]["results"]
        for loc in res["locations"]
    }
    assert uris == {"okrs/sales.yaml"}  # README.md was not checked
    html = (repo_with_a_bad_okr / files["html"]).read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html") and "OKR201" in html
    assert "OKR201" in summary.read_text(encoding="utf-8")


def test_gitlab_job_has_the_documented_keys_and_report(repo_with_a_bad_okr: Path) -> None:
    config = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    job = config["okrlint"]
    assert any("pip install" in line and "okrlint" in line for line in job["script"])
    command = next(line for line in job["script"] if line.startswith("okrlint check"))
    args = okrlint_args(command)
    report_file = format_files(args)["gitlab"]
    assert job["artifacts"]["reports"]["codequality"] == report_file
    assert job["artifacts"]["when"] == "always"

    result = run_okrlint(*args, cwd=repo_with_a_bad_okr)
    assert result.code == 1
    assert "okrs/sales.yaml:6:" in result.out  # findings in the job log too
    issues = json.loads((repo_with_a_bad_okr / report_file).read_text(encoding="utf-8"))
    assert issues and all(
        {"description", "check_name", "fingerprint", "severity", "location"} <= set(i)
        for i in issues
    )
    assert {i["location"]["path"] for i in issues} == {"okrs/sales.yaml"}
    assert all(i["location"]["lines"]["begin"] >= 1 for i in issues)
