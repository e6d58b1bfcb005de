"""A config error points at the key that is wrong: its line and column in pyproject.toml or
.okrlint.yaml, as a user's editor shows them, with a did-you-mean where one is close."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_okrlint

from okrlint.config import toml_positions, yaml_positions

GOOD = "period: Q3 2025\nobjectives:\n  - title: Grow, because we must\n"

PYPROJECT_HEAD = '[project]\nname = "acme-okrs"\nversion = "1.0"\n\n'


def check(tmp_path: Path, config_name: str, config: str) -> str:
    (tmp_path / config_name).write_text(config, encoding="utf-8")
    (tmp_path / "q3.okr.yaml").write_text(GOOD, encoding="utf-8")
    result = run_okrlint("check", "--no-cache", "q3.okr.yaml", cwd=tmp_path)
    assert result.code == 2 and result.out == ""
    return result.err


@pytest.mark.parametrize(
    ("config_name", "config", "error"),
    [
        # the case: a misspelt key on line 6 of pyproject.toml
        (
            "pyproject.toml",
            PYPROJECT_HEAD + '[tool.okrlint]\nignor = ["OKR301"]\n',
            "pyproject.toml:6:1: unknown config key 'ignor'; did you mean 'ignore'?",
        ),
        (
            ".okrlint.yaml",
            "# our settings\nselect: [OKR1]\n\nignor: [OKR301]\n",
            ".okrlint.yaml:4:1: unknown config key 'ignor'; did you mean 'ignore'?",
        ),
        # a value of the wrong kind, indented
        (
            "pyproject.toml",
            PYPROJECT_HEAD + "[tool.okrlint]\n  fail-level = 3\n",
            "pyproject.toml:6:3: 'fail-level' must be a string, got int",
        ),
        (
            ".okrlint.yaml",
            "select:\n  - OKR1\nlanguage: sv\n",
            ".okrlint.yaml:3:1: 'language' must be 'en' or 'nb', got 'sv'",
        ),
        # a rule named in a list that spans lines: the list's key
        (
            "pyproject.toml",
            PYPROJECT_HEAD + '[tool.okrlint]\nselect = [\n  "OKR1",\n  "kr-vauge",\n]\n',
            "pyproject.toml:6:1: unknown rule or prefix 'kr-vauge' in select; "
            "did you mean 'kr-vague-quantifier'?",
        ),
        # a rule's table and a rule's option
        (
            "pyproject.toml",
            PYPROJECT_HEAD + '[tool.okrlint]\nselect = ["OKR1"]\n\n'
            "[tool.okrlint.rules.kr-vauge]\nseverity = 'error'\n",
            "pyproject.toml:8:2: unknown rule 'kr-vauge' in [rules]; "
            "did you mean 'kr-vague-quantifier'?",
        ),
        (
            "pyproject.toml",
            PYPROJECT_HEAD + "[tool.okrlint.rules.objective-key-result-count]\n"
            "max = 4  # and maxx = 3 is said in this comment only\nmaxx = 4\n",
            "pyproject.toml:7:1: rule OKR103 (objective-key-result-count) has no option 'maxx'; "
            "did you mean 'max'?",
        ),
        (
            ".okrlint.yaml",
            "rules:\n  objective-key-result-count:\n    max: 4\n    severity: 2\n",
            ".okrlint.yaml:4:5: rules.objective-key-result-count.severity must be a string",
        ),
        # per-file-ignores written as an inline table: the table's key stands for its entries
        (
            "pyproject.toml",
            PYPROJECT_HEAD + '[tool.okrlint]\nper-file-ignores = { "old/**" = ["kr-activty"] }\n',
            "pyproject.toml:6:1: unknown rule or prefix 'kr-activty' in per-file-ignores; "
            "did you mean 'kr-activity'?",
        ),
        (
            ".okrlint.yaml",
            "alignment:\n  includes: ['okrs/*.yaml']\n",
            ".okrlint.yaml:2:3: unknown key 'alignment.includes'; did you mean 'include'?",
        ),
        # broken syntax: where the parser stopped
        (
            "pyproject.toml",
            PYPROJECT_HEAD + "[tool.okrlint]\nselect = OKR1\n",
            "pyproject.toml:6:10: invalid TOML: Invalid value",
        ),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 20 else None,
)
def test_a_config_error_names_the_line_and_column_of_its_key(
    tmp_path: Path, config_name: str, config: str, error: str
) -> None:
    assert check(tmp_path, config_name, config) == f"okrlint: error: {error}\n"


def test_a_yaml_syntax_error_has_its_line(tmp_path: Path) -> None:
    err = check(tmp_path, ".okrlint.yaml", "select: [OKR1\nignore: [OKR301]\n")
    assert err == (
        "okrlint: error: .okrlint.yaml:2: could not parse YAML: while parsing a flow sequence; "
        "expected ',' or ']', but got ':'\n"
    )


def test_the_same_rule_named_on_the_command_line_has_no_place(tmp_path: Path) -> None:
    (tmp_path / "q3.okr.yaml").write_text(GOOD, encoding="utf-8")
    result = run_okrlint("check", "--select", "kr-vauge", "q3.okr.yaml", cwd=tmp_path)
    assert result.err == (
        "okrlint: error: unknown rule or prefix 'kr-vauge' in select; "
        "did you mean 'kr-vague-quantifier'?\n"
    )


def test_toml_positions_skip_values_that_span_lines() -> None:
    text = (
        "[tool.poetry]\n"
        'select = "not ours"\n'
        "[tool.okrlint]\n"
        'include = [\n  "x = 1",\n  "okrs/**/*.md",\n]\n'
        "custom-rules = '''\nfake = 1\n'''\n"
        '"fail-level" = "error"  # a comment = not a key\n'
        "  [ tool.okrlint.rules.OKR103 ]\n"
        "max.deep = 4\n"
    )
    assert toml_positions(text, ("tool", "okrlint")) == {
        ("include",): (4, 1),
        ("custom-rules",): (8, 1),
        ("fail-level",): (11, 1),
        ("rules", "OKR103"): (12, 5),
        ("rules", "OKR103", "max", "deep"): (13, 1),
    }


def test_yaml_positions_follow_nested_keys() -> None:
    assert yaml_positions("select: [a]\nrules:\n  OKR103:\n    max: 4\n") == {
        ("select",): (1, 1),
        ("rules",): (2, 1),
        ("rules", "OKR103"): (3, 3),
        ("rules", "OKR103", "max"): (4, 5),
    }
