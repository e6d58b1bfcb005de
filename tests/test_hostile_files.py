"""Folder walks over odd file systems: symlink loops, pipes, unreadable and very many files."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import pytest
from conftest import run_okrlint_process as run_okrlint

GOOD = (
    "period: Q3 2025\n"
    "objectives:\n"
    "  - title: Win the Oslo market, because we want to lead in the region\n"
    "    key_results:\n"
    "      - Increase revenue from 10 to 20 MNOK\n"
    "      - Grow active customers from 100 to 250\n"
)
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file types")


def project(tmp_path: Path) -> Path:
    """A project folder with a config (its root) and one good OKR file in okrs/."""
    root = tmp_path / "project"
    (root / "okrs").mkdir(parents=True)
    (root / "pyproject.toml").write_text("[tool.okrlint]\n", encoding="utf-8")
    (root / "okrs" / "good.yaml").write_text(GOOD, encoding="utf-8")
    return root


def run_json(*args: str, cwd: Path, timeout: float = 120):
    result = run_okrlint("check", "--no-cache", "--format", "json", *args, cwd=cwd, timeout=timeout)
    assert "Traceback" not in result.err and "internal error" not in result.err, result.err
    return result, json.loads(result.out)


def errors_by_path(data: dict) -> dict[str, str]:
    return {f["path"]: f["message"] for f in data["findings"] if f["code"] == "OKR000"}


@posix_only
def test_symlink_loops_are_not_followed(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "okrs" / "self").symlink_to(".", target_is_directory=True)
    (root / "okrs" / "up").symlink_to("..", target_is_directory=True)
    started = time.monotonic()
    result, data = run_json(".", cwd=root, timeout=60)
    assert time.monotonic() - started < 60
    assert [f["path"] for f in data["files"]] == ["okrs/good.yaml"]
    assert result.code == 0


@posix_only
def test_looping_and_dangling_file_links_are_one_error_each(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "okrs" / "a.yaml").symlink_to("b.yaml")
    (root / "okrs" / "b.yaml").symlink_to("a.yaml")
    (root / "okrs" / "gone.yaml").symlink_to("nowhere.yaml")
    result, data = run_json("okrs", cwd=root, timeout=60)
    assert result.code == 2
    assert errors_by_path(data) == {
        "okrs/a.yaml": "cannot read file: Too many levels of symbolic links",
        "okrs/b.yaml": "cannot read file: Too many levels of symbolic links",
        "okrs/gone.yaml": "cannot read file: No such file or directory",
    }


@posix_only
def test_a_named_pipe_is_refused_not_waited_on(tmp_path: Path) -> None:
    root = project(tmp_path)
    os.mkfifo(root / "okrs" / "pipe.yaml")
    os.mkfifo(root / "explicit.okr.yaml")
    result, data = run_json(".", "explicit.okr.yaml", cwd=root, timeout=60)
    assert result.code == 2
    expected = "not a regular file (a named pipe); use '-' to read standard input"
    assert errors_by_path(data) == {"okrs/pipe.yaml": expected, "explicit.okr.yaml": expected}
    assert any(f["path"] == "okrs/good.yaml" and f["objectives"] for f in data["files"])


def test_a_folder_named_like_an_okr_file_is_walked_not_read(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "okrs" / "q3.yaml").mkdir()
    (root / "okrs" / "q3.yaml" / "team.yaml").write_text(GOOD, encoding="utf-8")
    result, data = run_json("okrs", cwd=root)
    assert result.code == 0
    assert sorted(f["path"] for f in data["files"]) == ["okrs/good.yaml", "okrs/q3.yaml/team.yaml"]


@posix_only
def test_a_symlink_out_of_the_project_is_not_read(tmp_path: Path) -> None:
    root = project(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("Objective: the deploy key is SECRET-1234\n", encoding="utf-8")
    (root / "okrs" / "leak.txt").symlink_to(secret)
    (root / "shared.okr.yaml").write_text(GOOD, encoding="utf-8")
    (root / "okrs" / "shared.yaml").symlink_to(root / "shared.okr.yaml")  # inside: fine
    result, data = run_json("okrs", cwd=root)
    assert result.code == 2
    assert errors_by_path(data) == {
        "okrs/leak.txt": "symlink to a file outside the project; not read"
    }
    assert "SECRET-1234" not in result.out + result.err
    assert {f["path"] for f in data["files"] if f["objectives"]} == {
        "okrs/good.yaml",
        "okrs/shared.yaml",
    }


@posix_only
@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="running as root: chmod 000 does not stop root from reading a file",
)
def test_an_unreadable_file_is_one_error(tmp_path: Path) -> None:
    root = project(tmp_path)
    locked = root / "okrs" / "locked.yaml"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        result, data = run_json(".", cwd=root)
    finally:
        locked.chmod(0o644)
    assert result.code == 2
    assert errors_by_path(data) == {"okrs/locked.yaml": "cannot read file: Permission denied"}


def test_a_folder_without_okr_files_checks_nothing(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "empty").mkdir()
    result, data = run_json("empty", cwd=root)
    assert result.code == 2  # nothing checked is not a pass (tests/test_empty_runs.py)
    assert data["files"] == []
    assert result.err.startswith("okrlint: error: no OKR files found in 'empty'")


def test_two_thousand_small_files_complete_in_bounded_time(tmp_path: Path) -> None:
    root = project(tmp_path)
    for team in range(40):
        folder = root / "okrs" / f"team{team:02}"
        folder.mkdir()
        for quarter in range(50):
            (folder / f"q{quarter:02}.yaml").write_text(
                "objectives:\n  - title: Our team grows, because we want more customers\n",
                encoding="utf-8",
            )
    started = time.monotonic()
    result = run_okrlint(
        "check", "--no-cache", "--jobs", "1", "-q", "--statistics", "okrs", cwd=root, timeout=600
    )
    elapsed = time.monotonic() - started
    assert "Traceback" not in result.err
    assert result.code == 1  # the objectives have no key results
    assert elapsed < 300, f"2 000 files took {elapsed:.0f} s"
    # every file was read: one OKR103 (too few key results) per objective
    counts = {
        line.split()[1]: int(line.split()[0])
        for line in result.out.splitlines()[-20:]
        if line.strip() and line.split()[0].isdigit()
    }
    assert counts.get("OKR103") == 2000
