"""At home in CI: GitHub Actions detection and the job summary.

On GitHub Actions (``GITHUB_ACTIONS=true``) findings default to workflow annotations,
so they appear on the pull request's diff without any flag. When
``$GITHUB_STEP_SUMMARY`` names a file, a Markdown summary (counts and the top findings)
is appended to it, as GitHub expects: several steps may write to the same summary.
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from okrlint.errors import OkrlintError
from okrlint.report import Report

GITHUB_FORMAT = "github"
TOP_FINDINGS = 10


def in_github_actions(env: Mapping[str, str] | None = None) -> bool:
    env = os.environ if env is None else env
    return env.get("GITHUB_ACTIONS", "").strip().lower() == "true"


def default_format(available: Iterable[str], env: Mapping[str, str] | None = None) -> str:
    """``github`` on GitHub Actions (when that formatter is installed), else ``text``."""
    if in_github_actions(env) and GITHUB_FORMAT in set(available):
        return GITHUB_FORMAT
    return "text"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell: no HTML, no pipes, one line."""
    return html.escape(" ".join(text.split())).replace("|", "\\|")


def job_summary(report: Report, top: int = TOP_FINDINGS) -> str:
    s = report.summary()
    status = "failed" if s["failed"] or s["errors"] else "passed"
    icon = ":x:" if status == "failed" else ":white_check_mark:"
    sev = s["by_severity"]
    lines = [
        f"## {icon} okrlint {status}",
        "",
        "| Files | Objectives | Key results | Errors | Warnings | Info | Unreadable files |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        f"| {s['files']} | {s['objectives']} | {s['key_results']} | {sev['error']} "
        f"| {sev['warning']} | {sev['info']} | {s['errors']} |",
        "",
    ]
    shown = report.findings[:top]
    if shown:
        lines += ["| Where | Rule | Severity | Message |", "|---|---|---|---|"]
        for f in shown:
            where = _cell(f"{f.path}:{f.span.line}")
            rule = _cell(f"{f.code} {f.rule}")
            lines.append(f"| `{where}` | {rule} | {f.severity.value} | {_cell(f.message)} |")
        rest = len(report.findings) - len(shown)
        if rest > 0:
            lines += ["", f"…and {rest} more; see the annotations or the full report."]
        lines.append("")
    return "\n".join(lines) + "\n"


def write_job_summary(report: Report, env: Mapping[str, str] | None = None) -> bool:
    """Append the summary to ``$GITHUB_STEP_SUMMARY`` when it is set; True if written."""
    env = os.environ if env is None else env
    target = env.get("GITHUB_STEP_SUMMARY", "").strip()
    if not target:
        return False
    try:
        with Path(target).open("a", encoding="utf-8") as out:
            out.write(job_summary(report))
    except OSError as exc:
        raise OkrlintError(f"cannot write the job summary: {exc.strerror or exc}", target) from None
    return True
