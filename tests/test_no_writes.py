"""okrlint never writes to an input: contents and modification times of every file in the
checked project are the same after each command, with the cache and a baseline in use.
Only the cache folder and files named on the command line (reports, baselines) may change."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import run_okrlint

BAD_YAML = (
    "objectives:\n  - title: Øke salget med 30 %\n    key_results:\n      - Selge flere biler\n"
)
BAD_MARKDOWN = "## Objective: Doble brukerbasen\n\n- Få mange følgere på Facebook\n"
BAD_TEXT = "Objective: Grow\nKey results:\n  • Sell more cars\n"


def snapshot(root: Path, skip: tuple[str, ...] = ()) -> dict[str, tuple[bytes, int]]:
    found = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_file() and not any(rel == s or rel.startswith(s + "/") for s in skip):
            found[rel] = (path.read_bytes(), path.stat().st_mtime_ns)
    return found


def make_project(root: Path) -> None:
    (root / "okrs").mkdir(parents=True)
    (root / "okrs" / "sales.yaml").write_text(BAD_YAML, encoding="utf-8")
    (root / "okrs" / "team.md").write_text(BAD_MARKDOWN, encoding="utf-8")
    (root / "draft.okr.txt").write_text(BAD_TEXT, encoding="utf-8")
    (root / "broken.okr.yaml").write_bytes(b"objectives: [\xff\n")
    (root / "pyproject.toml").write_text(
        '[tool.okrlint]\nbaseline = "okrlint-baseline.json"\n', encoding="utf-8"
    )
    # old times, so a rewrite of the same bytes would still show as a new mtime
    for path in root.rglob("*"):
        os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))


COMMANDS = [
    ["check", "--write-baseline", "okrlint-baseline.json", "."],
    ["check", "."],  # cache written
    ["check", "."],  # cache read
    ["check", "--baseline", "okrlint-baseline.json", "--statistics", "."],
    ["check", "--format", "json", "--format", "html:report.html", "okrs", "draft.okr.txt"],
    ["check", "--format", "sarif", "--jobs", "2", "."],
    ["check", "--format", "github", "--format", "junit:junit.xml", "."],
    ["check", "--format", "gitlab", "--no-cache", "broken.okr.yaml", "okrs/sales.yaml"],
    ["review", "draft.okr.txt"],
    ["tree", "."],
    ["config", "show"],
    ["rules"],
    ["explain", "OKR201"],
    ["schema"],
]
# what the commands above may create: the cache, and the files named on their command lines
OUTPUTS = (".okrlint_cache", "okrlint-baseline.json", "report.html", "junit.xml")


def test_no_command_writes_to_an_input(tmp_path: Path) -> None:
    root = tmp_path / "project"
    make_project(root)
    before = snapshot(root)
    for args in COMMANDS:
        result = run_okrlint(*args, cwd=root)
        assert "Traceback" not in result.err, (args, result.err)
        after = snapshot(root, skip=OUTPUTS)
        assert after == {k: v for k, v in before.items() if k not in OUTPUTS}, args
    assert (root / ".okrlint_cache").is_dir()  # the cache was in use
    assert (root / "okrlint-baseline.json").is_file()


def test_a_baseline_is_only_read_by_check(tmp_path: Path) -> None:
    root = tmp_path / "project"
    make_project(root)
    written = run_okrlint("check", "--write-baseline", "okrlint-baseline.json", ".", cwd=root)
    assert written.code == 2  # recorded, but broken.okr.yaml could not be read
    baseline = root / "okrlint-baseline.json"
    os.utime(baseline, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    kept = (baseline.read_bytes(), baseline.stat().st_mtime_ns)
    (root / "okrs" / "sales.yaml").write_text(BAD_YAML.replace("biler", "båter"), encoding="utf-8")
    for args in (["check", "."], ["check", "--baseline", "okrlint-baseline.json", "."]):
        run_okrlint(*args, cwd=root)
        assert (baseline.read_bytes(), baseline.stat().st_mtime_ns) == kept, args


def test_stdin_leaves_the_folder_untouched(tmp_path: Path) -> None:
    root = tmp_path / "project"
    make_project(root)
    (root / "pyproject.toml").write_text("[tool.okrlint]\n", encoding="utf-8")  # no baseline
    before = snapshot(root)
    result = run_okrlint(
        "check", "-", "--stdin-filename", "okrs/sales.yaml", cwd=root, stdin=BAD_YAML
    )
    assert result.code == 1
    assert snapshot(root) == before
    assert not (root / ".okrlint_cache").exists()  # stdin is never cached
