"""GitLab Code Quality JSON: a list of issues GitLab shows in merge requests.

Severities map info -> info, warning -> minor, error -> major; fingerprints are the SARIF
ones (path + rule + normalised element text), so an issue keeps its identity when lines move.
"""

from __future__ import annotations

import hashlib

from okrlint.model import Severity
from okrlint.report import Report
from okrlint.reporters import jsonout
from okrlint.reporters.sanitize import printable
from okrlint.reporters.sarif import fingerprints

SEVERITIES = {Severity.INFO: "info", Severity.WARNING: "minor", Severity.ERROR: "major"}


def issues(report: Report) -> list[dict]:
    found = list(report.findings)
    result = []
    for f, fp in zip(found, fingerprints(found), strict=True):
        hint = f" Hint: {f.suggestion}" if f.suggestion else ""
        result.append(
            {
                "type": "issue",
                "description": printable(f"{f.code} [{f.rule}] {f.message}{hint}"),
                "check_name": f.code,
                "fingerprint": hashlib.md5(fp.encode(), usedforsecurity=False).hexdigest(),
                "severity": SEVERITIES[f.severity],
                "categories": ["Style"],
                "location": {"path": f.path, "lines": {"begin": max(f.span.line, 1)}},
            }
        )
    return result


def format_report(report: Report, *, color: bool = False) -> str:
    return jsonout.dumps(issues(report)) + "\n"
