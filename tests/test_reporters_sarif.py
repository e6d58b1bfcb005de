"""SARIF output is valid against the official OASIS SARIF 2.1.0 JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, run_okrlint
from reports_factory import sample

from okrlint.reporters import render

SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator():
    if not SCHEMA.is_file():
        pytest.skip(
            "the official SARIF 2.1.0 schema (shared/data/sarif-schema-2.1.0.json) is absent"
        )
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def errors(validator, data: dict) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


def test_sarif_of_the_report_fixtures_is_valid(validator) -> None:
    files = sorted(p.name for p in (FIXTURES / "reports").iterdir() if ".okr." in p.name)
    result = run_okrlint(
        "check", "--no-cache", "--format", "sarif", *files, cwd=FIXTURES / "reports"
    )
    assert result.code == 1, result.err
    data = json.loads(result.out)
    assert data["runs"][0]["results"], "the fixtures should produce results"
    assert errors(validator, data) == []


def test_sarif_with_input_errors_and_odd_paths_is_valid(validator) -> None:
    data = json.loads(render("sarif", sample()))
    assert data["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert errors(validator, data) == []


def test_the_validator_rejects_broken_sarif(validator) -> None:
    data = json.loads(render("sarif", sample()))
    data["runs"][0]["results"][0]["level"] = "fatal"
    del data["runs"][0]["tool"]["driver"]["name"]
    assert len(errors(validator, data)) >= 2
