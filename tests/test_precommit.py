"""The pre-commit hook, run by the real pre-commit against this checkout.

pre-commit builds the hook's virtualenv from the repository (installing spaCy takes a
minute or two). ``pre-commit try-repo`` always builds it in a throwaway store, so it runs
once, for the issue's scenario; the other cases run the README's own
``.pre-commit-config.yaml`` (repo and rev pointed at this checkout) through
``pre-commit run`` with one PRE_COMMIT_HOME for the module, so that environment is built
once. Like ``try-repo`` itself, uncommitted changes to tracked files are tested through a
shadow commit in a temporary clone.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from conftest import run_okrlint_process as run_okrlint

ROOT = Path(__file__).resolve().parents[1]


def _pre_commit() -> str | None:
    beside = Path(sys.executable).parent / "pre-commit"
    return str(beside) if beside.exists() else shutil.which("pre-commit")


PRE_COMMIT = _pre_commit()
pytestmark = pytest.mark.skipif(
    PRE_COMMIT is None, reason="pre-commit is not installed (it is in the test extra)"
)

BAD = """\
period: 2025-Q3
language: nb
objectives:
  - title: Øke salget med 30 %
    key_results:
      - Selge flere biler
      - Redusere ventetiden fra 10 til 5 minutter
"""

GOOD = """\
period: 2025-Q3
language: nb
objectives:
  - title: Dominere kaffebransjen i Oslo, fordi vi ønsker å slå den største konkurrenten vår
    key_results:
      - Øke omsetningen av kaffe fra 100 000 kr til 150 000 kr
      - Doble antall medlemmer i kaffeklubben fra 1 000 til 2 000
      - Øke antall følgere på Instagram fra 1 000 til 2 000
"""

GOOD_MD = """\
# OKR Q3

## Objective: Dominere kaffebransjen i Oslo, fordi vi ønsker å slå den største konkurrenten vår

- Øke omsetningen av kaffe fra 100 000 kr til 150 000 kr
- Doble antall medlemmer i kaffeklubben fra 1 000 til 2 000
- Øke antall følgere på Instagram fra 1 000 til 2 000
"""

# Would fail okrlint if they were passed to it; the hook's `files` pattern must skip them.
NOT_OKR = {
    "README.md": "# Goals\n\n## Objective: Øke salget med 30 %\n\n- Selge flere biler\n",
    "deploy/config.yaml": "objectives:\n  - title: Øke salget med 30 %\n    key_results: [Selge flere biler]\n",
}

GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "okrlint tests",
    "GIT_AUTHOR_EMAIL": "tests@example.invalid",
    "GIT_COMMITTER_NAME": "okrlint tests",
    "GIT_COMMITTER_EMAIL": "tests@example.invalid",
}


def git(*args: str, cwd: Path, stdin: bytes | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")} | GIT_IDENTITY
    proc = subprocess.run(
        ["git", *args], cwd=cwd, input=stdin, capture_output=True, env=env, check=True
    )
    return proc.stdout.decode("utf-8")


def make_repo(path: Path, files: dict[str, str]) -> Path:
    path.mkdir(parents=True)
    git("init", "--quiet", cwd=path)
    for name, text in files.items():
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        (path / name).write_text(text, encoding="utf-8")
    git("add", "--all", cwd=path)
    return path


def readme_snippet() -> str:
    """The `.pre-commit-config.yaml` the README tells users to write."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("<!-- section: precommit -->") :]
    section = section[: section.index("<!-- section:", 1)]
    return next(
        block
        for block in re.findall(r"^```yaml\n(.*?)^```", section, flags=re.DOTALL | re.MULTILINE)
        if block.startswith("repos:")
    )


def clean_env(home: Path | None = None) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("GIT_") and k not in ("CI", "GITHUB_ACTIONS", "FORCE_COLOR")
    }
    env |= GIT_IDENTITY | {"NO_COLOR": "1"}
    if home is not None:
        env["PRE_COMMIT_HOME"] = str(home)
    return env


def pre_commit(*args: str, cwd: Path, home: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PRE_COMMIT, *args],
        cwd=cwd,
        env=clean_env(home),
        capture_output=True,
        text=True,
        timeout=900,
    )


@dataclass(frozen=True)
class Hook:
    """A repository with the README's .pre-commit-config.yaml, pointing at this checkout."""

    config: str
    home: Path  # PRE_COMMIT_HOME, shared by every run so the hook env is built once

    def run(self, repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
        (repo / ".pre-commit-config.yaml").write_text(self.config, encoding="utf-8")
        git("add", ".pre-commit-config.yaml", cwd=repo)
        return pre_commit("run", "--color", "never", *args, cwd=repo, home=self.home)


def snapshot(workdir: Path) -> tuple[str, str]:
    """(repo, rev) for this checkout: HEAD when clean, else a shadow commit of the changes."""
    head = git("rev-parse", "HEAD", cwd=ROOT).strip()
    changes = git("diff", "HEAD", "--binary", cwd=ROOT).encode("utf-8")
    if not changes.strip():
        return str(ROOT), head
    shadow = workdir / "shadow-repo"
    git("clone", "--quiet", str(ROOT), str(shadow), cwd=workdir)
    git("checkout", "--quiet", head, cwd=shadow)
    git("apply", "--binary", "-", cwd=shadow, stdin=changes)
    git("add", "--all", cwd=shadow)
    git("commit", "--quiet", "--no-verify", "-m", "uncommitted changes under test", cwd=shadow)
    return str(shadow), git("rev-parse", "HEAD", cwd=shadow).strip()


def needs_checkout() -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("the pre-commit test needs a git checkout of okrlint")


@pytest.fixture(scope="module")
def hook(tmp_path_factory: pytest.TempPathFactory) -> Hook:
    needs_checkout()
    work = tmp_path_factory.mktemp("pre-commit")
    repo, rev = snapshot(work)
    config = yaml.safe_load(readme_snippet())
    (entry,) = config["repos"]
    entry["repo"], entry["rev"] = repo, rev  # the only change: where and which version
    built = Hook(yaml.safe_dump(config, sort_keys=False), work / "home")
    # Build the hook environment now, once, so the tests below report their own failures.
    target = make_repo(work / "warm-up", {})
    (target / ".pre-commit-config.yaml").write_text(built.config, encoding="utf-8")
    warm = pre_commit("install-hooks", cwd=target, home=built.home)
    assert warm.returncode == 0, warm.stdout + warm.stderr
    return built


def test_manifest_is_valid() -> None:
    result = subprocess.run(
        [PRE_COMMIT, "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_not_okr_files_would_fail_if_they_were_checked(tmp_path: Path) -> None:
    # What makes the "not passed to the hook" test below mean something.
    for name, text in NOT_OKR.items():
        path = tmp_path / Path(name).name
        path.write_text(text, encoding="utf-8")
        assert run_okrlint("check", str(path)).code != 0, name


def test_try_repo_fails_on_a_bad_okr_file_and_passes_only_okr_files(tmp_path: Path) -> None:
    needs_checkout()
    repo = make_repo(tmp_path / "repo", {"okrs/sales.yaml": BAD, "good.okr.yaml": GOOD, **NOT_OKR})
    result = pre_commit(
        "try-repo", str(ROOT), "okrlint", "--all-files", "--verbose", "--color", "never", cwd=repo
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(r"^okrlint\.+Failed$", result.stdout, flags=re.MULTILINE)
    assert "okrs/sales.yaml:4:12: OKR101" in result.stdout  # the finding, on screen
    assert "okrs/sales.yaml:6:9: OKR201" in result.stdout
    assert "good.okr.yaml:" not in result.stdout  # the good file passed
    assert "i 2 filer" in result.stdout  # README.md and deploy/config.yaml never reached it


def test_manifest_and_readme_config_are_valid(tmp_path: Path) -> None:
    config = tmp_path / ".pre-commit-config.yaml"
    config.write_text(readme_snippet(), encoding="utf-8")
    result = pre_commit("validate-config", str(config), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_bad_okr_file_fails_with_the_finding_on_screen(hook: Hook, tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", {"okrs/sales.yaml": BAD, "good.okr.yaml": GOOD})
    result = hook.run(repo, "--files", "okrs/sales.yaml", "good.okr.yaml")
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(r"^okrlint\.+Failed$", result.stdout, flags=re.MULTILINE)
    assert "okrs/sales.yaml:4:12: OKR101" in result.stdout
    assert "good.okr.yaml:" not in result.stdout


GOOD_ROWS = [
    ["Mål", "Nøkkelresultat", "Startverdi", "Målverdi"],
    [
        "Dominere kaffebransjen i Oslo, fordi vi ønsker å slå den største konkurrenten vår",
        "Øke omsetningen av kaffe i kroner",
        100_000,
        150_000,
    ],
    [None, "Doble antall medlemmer i kaffeklubben", 1_000, 2_000],
]


def test_good_okr_files_pass_spreadsheets_too(hook: Hook, tmp_path: Path) -> None:
    import openpyxl

    rows = "\n".join(";".join("" if c is None else str(c) for c in r) for r in GOOD_ROWS)
    csv_text = f"OKR for kaffebaren, Q3 2025\n{rows}\n"
    repo = make_repo(
        tmp_path / "repo",
        {"team/q3.okr.yaml": GOOD, "OKR/2025/q3.md": GOOD_MD, "okrs/kaffe.csv": csv_text},
    )
    book = openpyxl.Workbook()
    book.active.title = "Q3 2025"
    for row in GOOD_ROWS:
        book.active.append(row)
    book.save(repo / "okrs" / "kaffe-2025.xlsx")  # a binary file: the hook takes it too
    git("add", "--all", cwd=repo)
    result = hook.run(repo, "--all-files", "--verbose")
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^okrlint\.+Passed$", result.stdout, flags=re.MULTILINE)
    assert "Fant ingen problemer i 4 filer (4 mål, 10 nøkkelresultater)" in result.stdout


def test_other_yaml_and_markdown_files_are_not_passed_to_the_hook(
    hook: Hook, tmp_path: Path
) -> None:
    repo = make_repo(tmp_path / "repo", NOT_OKR)
    result = hook.run(repo, "--all-files")
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^okrlint\.+\(no files to check\)Skipped$", result.stdout, re.M)


def test_config_excludes_hold_for_the_files_pre_commit_passes(hook: Hook, tmp_path: Path) -> None:
    files = {".okrlint.yaml": 'exclude: ["okrs/archive/**"]\n', "okrs/archive/2019.yaml": BAD}
    repo = make_repo(tmp_path / "repo", files)
    result = hook.run(repo, "--all-files")
    assert result.returncode == 0, result.stdout + result.stderr
    # The same file fails once the exclude is gone: the exclude, not the pattern, skipped it.
    (repo / ".okrlint.yaml").write_text("exclude: []\n", encoding="utf-8")
    assert hook.run(repo, "--all-files").returncode == 1
