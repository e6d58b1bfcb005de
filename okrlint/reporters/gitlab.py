"""GitLab Code Quality JSON: a list of issues GitLab shows in merge requests.

Severities map info -> info, warning -> minor, error -> major; fingerprints are the SARIF
ones (path + rule + normalised element text), so an issue keeps its identity when lines move.
"""

from __future__ import annotations

import hashlib

from okrlint.i18n import _, say
from okrlint.model import Severity
from okrlint.report import Report
from okrlint.reporters import in_sheet, jsonout
from okrlint.reporters.sanitize import printable
from okrlint.reporters.sarif import fingerprints

SEVERITIES = {Severity.INFO: "info", Severity.WARNING: "minor", Severity.ERROR: "major"}


def issues(report: Report) -> list[dict]:
    found = list(report.findings)
    result = []
    for f, fp in zip(found, fingerprints(found), strict=True):
        lang = report.language_of(f)
        text = in_sheet(f.span, lang) + say(f.message, lang)
        if f.suggestion:
            text += " " + say(_("Hint: {hint}", hint=f.suggestion), lang)
        result.append(
            {
                "type": "issue",
                "description": printable(f"{f.code} [{f.rule}] {text}"),
                "check_name": f.code,
                "fingerprint": hashlib.md5(fp.encode(), usedforsecurity=False).hexdigest(),
                "severity": SEVERITIES[f.severity],
                "categories": ["Style"],
                "location": {"path": f.path, "lines": {"begin": max(f.span.line, 1)}},
            }
        )
    return result


def format_report(report: Report, *, color: bool = False) -> str:
    return jsonout.dumps(issues(report), newline=True)


def format_report_bytes(report: Report, *, color: bool = False) -> bytes:
    """``format_report`` as UTF-8 bytes, for writing without a decode and an encode."""
    return jsonout.dumps_bytes(issues(report), newline=True)
