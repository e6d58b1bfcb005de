"""Shared helpers: run okrlint the way a user does, through the installed console script."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis.configuration import set_hypothesis_home_dir

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "okr-eksempler-for-din-bedrift.txt"
# Figures of the fixture sets that are reported, not pass/fail (see test_fixtures.py).
REPORTED_SCORES = pytest.StashKey[dict]()


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    """Print the reported sets' precision and recall after the run."""
    tables = config.stash.get(REPORTED_SCORES, {})
    for folder, lines in sorted(tables.items()):
        terminalreporter.write_sep("-", f"judgement on fixtures/{folder} (reported, not pass/fail)")
        for line in lines:
            terminalreporter.write_line(line)


def okrlint_executable() -> str:
    """The ``okrlint`` console script next to this Python, as pip installed it."""
    beside = Path(sys.executable).parent / "okrlint"
    if beside.exists():
        return str(beside)
    found = shutil.which("okrlint")
    if found is None:
        pytest.fail("the okrlint console script is not installed (pip install -e '.[test]')")
    return found


@dataclass
class Result:
    code: int
    out: str
    err: str


_SCRATCH: list[Path] = []


def scratch_folder() -> Path:
    """Where okrlint runs when a test names no folder: an empty folder outside the checkout,
    so that a run's cache (next to the config, else in the current folder) never lands in
    the source tree. Made once per session and removed at its end."""
    if not _SCRATCH:
        folder = Path(tempfile.mkdtemp(prefix="okrlint-tests-"))
        atexit.register(shutil.rmtree, folder, True)
        _SCRATCH.append(folder)
    return _SCRATCH[0]


# Hypothesis keeps its example database and caches in ./.hypothesis: in the scratch folder
# instead, so the suite leaves `git status --ignored` as it found it.
set_hypothesis_home_dir(scratch_folder() / ".hypothesis")


def run_okrlint(
    *args: str,
    cwd: Path | None = None,
    stdin: str | bytes | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> Result:
    full_env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("FORCE_COLOR", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "CI")
    }
    full_env["NO_COLOR"] = "1"
    full_env.update(env or {})
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    proc = subprocess.run(
        [okrlint_executable(), *args],
        cwd=cwd or scratch_folder(),
        input=data if data is not None else b"",
        capture_output=True,
        env=full_env,
        timeout=timeout,
    )
    return Result(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


@pytest.fixture
def okrlint():
    return run_okrlint
