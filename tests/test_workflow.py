"""Everyday comfort: init, config show, GitHub Actions mode and job summary, the progress
bar, --exit-zero, per-file-ignores and --force-exclude -- through the installed command."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml
from conftest import okrlint_executable, run_okrlint

BAD = """\
period: 2025-Q3
language: nb
objectives:
  - title: Øke salget med 30 %
    key_results:
      - Selge flere biler
      - Redusere ventetiden fra 10 til 5 minutter
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- okrlint init ----------------------------------------------------------------------

FROM_TO = {"nb": r"\bfra\b.*\d.*\btil\b.*\d", "en": r"\bfrom\b.*\d.*\bto\b.*\d"}


@pytest.mark.parametrize("language", ["nb", "en"])
def test_init_writes_a_starter_that_passes_cleanly(tmp_path: Path, language: str) -> None:
    result = run_okrlint("init", "--language", language, cwd=tmp_path)
    assert result.code == 0, result.err
    starter = tmp_path / "okrs.okr.yaml"
    assert "okrs.okr.yaml" in result.out

    check = run_okrlint("check", "--format", "json", cwd=tmp_path)  # found by folder expansion
    assert check.code == 0, check.out
    data = json.loads(check.out)
    assert data["findings"] == []
    assert [(f["path"], f["language"]) for f in data["files"]] == [("okrs.okr.yaml", language)]

    text = starter.read_text(encoding="utf-8")
    assert text.startswith("#")  # commented for the newcomer
    doc = yaml.safe_load(text)
    assert re.fullmatch(r"\d{4}-Q[1-4]", doc["period"])
    for objective in doc["objectives"]:
        assert len(objective["key_results"]) == 3
        for kr in objective["key_results"]:
            assert re.search(FROM_TO[language], kr), kr


def test_init_never_overwrites(tmp_path: Path) -> None:
    existing = write(tmp_path / "okrs.okr.yaml", "objectives: []\n")
    result = run_okrlint("init", cwd=tmp_path)
    assert result.code == 2
    assert "already exists" in result.err and "Traceback" not in result.err
    assert existing.read_text(encoding="utf-8") == "objectives: []\n"


def test_init_name_is_an_okr_file_in_the_current_folder(tmp_path: Path) -> None:
    result = run_okrlint("init", "--language", "en", "--name", "sales", cwd=tmp_path)
    assert result.code == 0
    assert (tmp_path / "sales.okr.yaml").is_file()
    outside = run_okrlint("init", "--name", "../elsewhere.okr.yaml", cwd=tmp_path)
    assert outside.code == 2 and not (tmp_path.parent / "elsewhere.okr.yaml").exists()


def test_init_follows_a_norwegian_locale(tmp_path: Path) -> None:
    result = run_okrlint(
        "init", cwd=tmp_path, env={"LC_ALL": "", "LC_MESSAGES": "", "LANG": "nb_NO.UTF-8"}
    )
    assert result.code == 0
    assert yaml.safe_load((tmp_path / "okrs.okr.yaml").read_text("utf-8"))["language"] == "nb"


# --- okrlint config show -------------------------------------------------------------

LINE = re.compile(r"^(?P<key>[a-z-]+) = (?P<value>.*?)\s+# (?P<origin>.+)$")


def shown(out: str) -> dict[str, tuple[str, str]]:
    return {m["key"]: (m["value"], m["origin"]) for m in map(LINE.match, out.splitlines()) if m}


def test_config_show_says_where_each_value_came_from(tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml", '[tool.okrlint]\nselect = ["OKR1", "OKR2"]\nlanguage = "nb"\n'
    )
    result = run_okrlint("config", "show", "--ignore", "OKR102", cwd=tmp_path)
    assert result.code == 0, result.err
    values = shown(result.out)
    assert values["select"] == ('["OKR1", "OKR2"]', "pyproject.toml")
    assert values["language"] == ('"nb"', "pyproject.toml")
    assert values["ignore"] == ('["OKR102"]', "command line")
    assert values["fail-level"] == ('"warning"', "default")
    assert "# config file: pyproject.toml" in result.out


def test_config_show_without_a_config_shows_defaults(tmp_path: Path) -> None:
    result = run_okrlint("config", "show", cwd=tmp_path)
    assert result.code == 0
    assert "no config file found" in result.out
    assert {origin for _, origin in shown(result.out).values()} == {"default"}


# --- GitHub Actions ------------------------------------------------------------------


def test_github_actions_defaults_to_annotations(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.okr.yaml", BAD)
    on_github = run_okrlint("check", str(path), env={"GITHUB_ACTIONS": "true"})
    assert on_github.code == 1
    explicit = run_okrlint("check", "--format", "github", str(path))
    if explicit.code == 2 and "unknown format" in explicit.err:  # no github formatter installed
        expected = run_okrlint("check", "--format", "text", str(path)).out
    else:
        expected = explicit.out
        assert on_github.out.startswith("::")
    assert on_github.out == expected
    # An explicit format wins.
    as_text = run_okrlint("check", "--format", "text", str(path), env={"GITHUB_ACTIONS": "true"})
    assert as_text.out.startswith(f"{path}:4:")


def test_job_summary_is_appended_when_github_step_summary_is_set(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.okr.yaml", BAD)
    summary = write(tmp_path / "summary.md", "# Earlier step\n")
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    result = run_okrlint("check", "--format", "json", str(path), env=env)
    assert result.code == 1
    findings = json.loads(result.out)["findings"]
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# Earlier step\n")  # appended, not replaced
    assert "okrlint failed" in text
    assert "| 1 | 1 | 2 |" in text  # files, objectives, key results
    for finding in findings:
        assert f"`{path}:{finding['line']}`" in text and finding["code"] in text


def test_an_unwritable_job_summary_warns_without_changing_the_exit_status(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.okr.yaml", BAD)
    env = {"GITHUB_STEP_SUMMARY": str(tmp_path / "no-such-folder" / "summary.md")}
    result = run_okrlint("check", str(path), env=env)
    assert result.code == 1  # the findings decide, not the summary
    assert "okrlint: warning: " in result.err and "job summary" in result.err


# --- progress bar --------------------------------------------------------------------


def run_with_terminal_stderr(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, str]:
    """Run okrlint with stderr on a pseudo-terminal, as in an interactive shell."""
    import pty

    master, slave = pty.openpty()
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the other end closed
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    proc = subprocess.run(
        [okrlint_executable(), *args],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=slave,
        timeout=120,
    )
    os.close(slave)
    reader.join(timeout=10)
    os.close(master)
    return proc.returncode, b"".join(chunks).decode("utf-8", "replace")


@pytest.fixture
def many_files(tmp_path: Path) -> Path:
    for i in range(25):
        write(tmp_path / "okrs" / f"team{i:02}.yaml", BAD)
    return tmp_path


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS")}
    return {**env, "NO_COLOR": "1", **extra}


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_progress_bar_on_a_terminal_for_many_files(many_files: Path) -> None:
    code, err = run_with_terminal_stderr(["check", "okrs"], many_files, clean_env())
    assert code == 1
    assert "okrlint: checking" in err and "25/25 files" in err


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_no_progress_bar_in_ci_or_for_few_files(many_files: Path, tmp_path_factory) -> None:
    _, in_ci = run_with_terminal_stderr(["check", "okrs"], many_files, clean_env(CI="true"))
    assert "files" not in in_ci
    _, off = run_with_terminal_stderr(["check", "--no-progress", "okrs"], many_files, clean_env())
    assert "files" not in off
    few = tmp_path_factory.mktemp("few")
    write(few / "okrs" / "one.yaml", BAD)
    _, small = run_with_terminal_stderr(["check", "okrs"], few, clean_env())
    assert "files" not in small


def test_no_progress_bar_when_piped(many_files: Path) -> None:
    result = run_okrlint("check", "okrs", cwd=many_files)
    assert result.code == 1
    assert result.err == ""


# --- exit status, per-file-ignores, force-exclude -----------------------------------


def test_exit_zero_reports_findings_but_not_input_errors(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.okr.yaml", BAD)
    result = run_okrlint("check", "--exit-zero", str(bad))
    assert result.code == 0
    assert "OKR201" in result.out
    broken = write(tmp_path / "broken.okr.yaml", "objectives:\n  - [unclosed\n")
    assert run_okrlint("check", "--exit-zero", str(bad), str(broken)).code == 2


def test_per_file_ignores(tmp_path: Path) -> None:
    write(
        tmp_path / ".okrlint.yaml",
        'per-file-ignores:\n  "legacy/**": [OKR201, objective-measurable]\n',
    )
    write(tmp_path / "okrs" / "legacy" / "old.yaml", BAD)
    write(tmp_path / "okrs" / "new.yaml", BAD)
    data = json.loads(run_okrlint("check", "--format", "json", "okrs", cwd=tmp_path).out)
    by_file: dict[str, set[str]] = {}
    for f in data["findings"]:
        by_file.setdefault(f["path"], set()).add(f["code"])
    assert {"OKR101", "OKR201"} <= by_file["okrs/new.yaml"]
    assert by_file["okrs/legacy/old.yaml"].isdisjoint({"OKR101", "OKR201"})
    assert "OKR102" in by_file["okrs/legacy/old.yaml"]  # other rules still apply


def test_force_exclude_applies_config_excludes_to_named_files(tmp_path: Path) -> None:
    write(tmp_path / ".okrlint.yaml", 'exclude: ["okrs/archive/**"]\n')
    archived = write(tmp_path / "okrs" / "archive" / "2019.yaml", BAD)
    named = run_okrlint("check", str(archived.relative_to(tmp_path)), cwd=tmp_path)
    assert named.code == 1  # a file named on the command line is checked...
    forced = run_okrlint("check", "--force-exclude", "okrs/archive/2019.yaml", cwd=tmp_path)
    assert (forced.code, forced.out) == (0, "No OKR files found, so nothing was checked.\n")
