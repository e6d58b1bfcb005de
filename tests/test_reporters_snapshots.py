"""Every output format on the shared report fixtures, through the installed CLI.

The expected output lives in tests/snapshots/. When rules or formats change on purpose,
rewrite the snapshots with ``OKRLINT_UPDATE_SNAPSHOTS=1 python -m pytest
tests/test_reporters_snapshots.py`` and review the diff like any other change.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest
from conftest import FIXTURES, run_okrlint

from okrlint import __version__

REPORTS = FIXTURES / "reports"
SNAPSHOTS = Path(__file__).parent / "snapshots"
FILES = ("growth.okr.yaml", "kaffe.okr.yaml", "kundeservice.okr.md", "support.okr.txt")
FORMATS = {
    "text": "txt",
    "json": "json",
    "sarif": "sarif",
    "github": "txt",
    "gitlab": "json",
    "junit": "xml",
    "html": "html",
    "review": "txt",
}


# The OKR301 hint names the quarter of the run: the snapshots are made in August 2025.
SNAPSHOT_DATE = {"SOURCE_DATE_EPOCH": "1754006400"}


def normalise(text: str) -> str:
    """The version is the only thing that changes between runs of the same input."""
    return text.replace(__version__, "<version>")


def compare(name: str, actual: str) -> None:
    path = SNAPSHOTS / name
    actual = normalise(actual)
    if os.environ.get("OKRLINT_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"no snapshot {name}; create it with OKRLINT_UPDATE_SNAPSHOTS=1")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(True), actual.splitlines(True), name, "actual", n=2
            )
        )
        pytest.fail(f"{name} differs from its snapshot:\n{diff[:6000]}")


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_format_snapshot(fmt: str) -> None:
    result = run_okrlint(
        "check", "--no-cache", "--format", fmt, *FILES, cwd=REPORTS, env=SNAPSHOT_DATE
    )
    assert result.code == 1, result.err  # the fixtures have findings
    assert "Traceback" not in result.err
    compare(f"reports.{fmt}.{FORMATS[fmt]}", result.out)


def test_review_command_prints_the_review_layout() -> None:
    result = run_okrlint("review", "--no-cache", *FILES, cwd=REPORTS, env=SNAPSHOT_DATE)
    assert result.code == 1, result.err
    compare("reports.review.txt", result.out)


def test_several_outputs_in_one_run(tmp_path: Path) -> None:
    page, sarif = tmp_path / "report.html", tmp_path / "report.sarif"
    result = run_okrlint(
        "check",
        "--no-cache",
        "--format",
        "text",
        "--format",
        f"html:{page}",
        "--format",
        f"sarif:{sarif}",
        *FILES,
        cwd=REPORTS,
        env=SNAPSHOT_DATE,
    )
    assert result.code == 1, result.err
    compare("reports.text.txt", result.out)
    compare("reports.html.html", page.read_text(encoding="utf-8"))
    compare("reports.sarif.sarif", sarif.read_text(encoding="utf-8"))


def test_html_with_output_option(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    result = run_okrlint(
        "check",
        "--no-cache",
        "--format",
        "html",
        "--output",
        str(page),
        *FILES,
        cwd=REPORTS,
        env=SNAPSHOT_DATE,
    )
    assert result.code == 1 and result.out == ""
    compare("reports.html.html", page.read_text(encoding="utf-8"))
