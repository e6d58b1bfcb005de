"""SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDE viewers).

Paths are relative URIs under ``%SRCROOT%``; regions use SARIF's own convention (1-based,
``endColumn`` exclusive), which is the model's. ``partialFingerprints`` hash the path, the
rule and the element's normalised text, not the line, so an alert survives lines moving.
Input errors (OKR000) are tool notifications, not results. The run's property bag carries
the quality scores.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from urllib.parse import quote

from okrlint.i18n import _, say
from okrlint.model import Finding, Severity
from okrlint.report import Report
from okrlint.reporters import in_sheet, jsonout
from okrlint.reporters.sanitize import printable
from okrlint.rule import Rule

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "okrlint/v1"


def normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def fingerprints(findings: list[Finding]) -> list[str]:
    """A stable id per finding: path + rule + normalised element text, and a counter
    for the rare finding repeated on identical text in the same file."""
    seen: Counter[str] = Counter()
    result = []
    for f in findings:
        subject = normalise(f.text) or f.element
        place = f"{f.path}\0{f.span.sheet}" if f.span.sheet else f.path
        digest = hashlib.sha256(f"{place}\0{f.code}\0{subject}".encode()).hexdigest()[:32]
        seen[digest] += 1
        result.append(f"{digest}:{seen[digest]}")
    return result


def artifact_uri(path: str) -> str:
    return quote(path.replace("\\", "/"), safe="/")


def _rule_descriptor(rule: Rule) -> dict:
    what = rule.docs_section("What it does") or rule.summary
    descriptor = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": " ".join(what.split())},
        "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": rule.enabled},
        "help": {"text": (rule.doc or rule.summary).strip()},
        "properties": {"tags": ["okr"], "origin": rule.origin},
    }
    help_uri = getattr(rule, "help_uri", None) or getattr(rule, "url", None)
    if help_uri:
        descriptor["helpUri"] = help_uri
    return descriptor


def message_text(f: Finding, lang: str | None) -> str:
    """The message and its hint in one text, in ``lang`` (English for ``message.text``)."""
    text = in_sheet(f.span, lang) + say(f.message, lang)
    if f.suggestion:
        text += " " + say(_("Hint: {hint}", hint=f.suggestion), lang)
    return text


def _result(f: Finding, index: dict[str, int], fingerprint: str, lang: str) -> dict:
    text = message_text(f, "en")
    result = {
        "ruleId": f.code,
        "level": LEVELS[f.severity],
        "message": {"text": printable(text)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(f.path), "uriBaseId": "%SRCROOT%"},
                    "region": {
                        "startLine": f.span.line,
                        "startColumn": f.span.column,
                        "endLine": max(f.span.end_line, f.span.line),
                        "endColumn": max(f.span.end_column, 1),
                    },
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": {
            "rule": f.rule,
            "element": f.element,
            # the message as the report says it, for viewers that show it: message.text stays
            # English, as code-scanning tools expect
            "localized": {"language": lang, "text": message_text(f, lang)},
        },
    }
    if f.span.sheet is not None:  # a spreadsheet: the region's lines are the sheet's rows
        result["locations"][0]["logicalLocations"] = [
            {"name": f.span.sheet, "fullyQualifiedName": f"{f.path}!{f.span.sheet}"}
        ]
        result["properties"]["sheet"] = f.span.sheet
    if f.code in index:
        result["ruleIndex"] = index[f.code]
    return result


def _notification(f: Finding, lang: str) -> dict:
    return {
        "level": "error",
        "message": {"text": printable(str(f.message))},
        "properties": {"localized": {"language": lang, "text": printable(say(f.message, lang))}},
        "descriptor": {"id": f.code},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(f.path), "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": max(f.span.line, 1)},
                }
            }
        ],
    }


def sarif_dict(report: Report) -> dict:
    rules = sorted(report.rules, key=lambda r: r.code)
    index = {r.code: i for i, r in enumerate(rules)}
    findings = [f for f in report.findings if f.code != "OKR000"]
    errors = [f for f in report.findings if f.code == "OKR000"]
    results = [
        _result(f, index, fp, report.language_of(f))
        for f, fp in zip(findings, fingerprints(findings), strict=True)
    ]
    run = {
        "tool": {
            "driver": {
                "name": "okrlint",
                "version": report.version,
                "semanticVersion": report.version,
                "rules": [_rule_descriptor(r) for r in rules],
            }
        },
        "invocations": [
            {
                "executionSuccessful": not errors,
                "toolExecutionNotifications": [
                    _notification(f, report.language_of(f)) for f in errors
                ],
            }
        ],
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {"scores": report.scores.to_dict()},
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def format_report(report: Report, *, color: bool = False) -> str:
    return jsonout.dumps(sarif_dict(report), newline=True)


def format_report_bytes(report: Report, *, color: bool = False) -> bytes:
    """``format_report`` as UTF-8 bytes, for writing without a decode and an encode."""
    return jsonout.dumps_bytes(sarif_dict(report), newline=True)
