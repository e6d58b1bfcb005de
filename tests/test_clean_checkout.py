"""The suite writes nothing into the checkout: `git status --ignored` is the same after it,
also on a machine where Python writes compiled modules (PYTHONDONTWRITEBYTECODE unset)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

LEFT_OUT = (".git", ".venv", "*.egg-info", "__pycache__", ".*cache*", ".hypothesis", "build")


def _git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    env.update(GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    return subprocess.run(
        ["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True
    ).stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_run_of_the_suite_leaves_git_status_ignored_as_it_was(tmp_path: Path) -> None:
    checkout = tmp_path / "checkout"
    shutil.copytree(
        ROOT, checkout, ignore=shutil.ignore_patterns(*LEFT_OUT, "test-artifacts", "docs")
    )
    _git(checkout, "init", "-q")
    _git(checkout, "add", "-A")
    _git(checkout, "commit", "-q", "-m", "checkout")
    before = _git(checkout, "status", "--porcelain", "--ignored")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.pop("PYTEST_ADDOPTS", None)
    env["PYTHONPATH"] = str(checkout)  # this copy's okrlint, not the installed checkout's

    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "tests/test_i18n.py", "tests/test_score.py"],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )

    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert "passed" in run.stdout
    assert _git(checkout, "status", "--porcelain", "--ignored") == before
    assert not list(checkout.rglob("__pycache__"))
