"""okrlint never destroys data: its cache lives only in a folder of its own, ``cache clean``
deletes only what okrlint wrote, symlinks never carry a write elsewhere, and no report or
baseline lands on a file okrlint reads.

Each case runs in a throwaway git repository and checks that every file, ``.git`` included,
is still there with the same bytes afterwards.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

import pytest
from conftest import FIXTURES, run_okrlint

COFFEE = (FIXTURES / "examples" / "nb" / "coffee.okr.yaml").read_text(encoding="utf-8")


def tree(root: Path) -> dict[str, str]:
    """Every file and symlink under ``root`` (``.git`` too) with a digest of its bytes."""
    found = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder, name)
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                found[rel] = "link:" + os.readlink(path)
            elif path.is_file():
                found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                found[rel] = "dir"
    return found


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository with OKR files, a README and one commit."""
    root = tmp_path / "repo"
    (root / "okrs").mkdir(parents=True)
    (root / "okrs" / "sales.yaml").write_text(COFFEE, encoding="utf-8")
    (root / "coffee.okr.yaml").write_text(COFFEE, encoding="utf-8")
    (root / "README.md").write_text("# Our OKRs\n", encoding="utf-8")
    (root / ".gitignore").write_text("*.pyc\n", encoding="utf-8")
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    env.update(GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    for cmd in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "okrs"]):
        subprocess.run(["git", *cmd], cwd=root, check=True, env=env)
    return root


def git_status(root: Path) -> str:
    return subprocess.run(
        ["git", "status", "--porcelain", "--ignored"],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def config(root: Path, cache_dir: str) -> None:
    (root / "pyproject.toml").write_text(
        f'[tool.okrlint]\ncache-dir = "{cache_dir}"\n', encoding="utf-8"
    )


@pytest.mark.parametrize(
    ("cache_dir", "clean_code", "clean_says"),
    [
        (".", 2, "not an okrlint cache"),
        ("..", 2, "not an okrlint cache"),
        ("okrs", 2, "not an okrlint cache"),
        ("okrs/cache", 0, "no cache at okrs/cache"),  # never created
    ],
)
def test_a_cache_dir_over_the_users_files_is_refused_and_nothing_is_touched(
    repo, cache_dir, clean_code, clean_says
):
    config(repo, cache_dir)
    before = tree(repo)
    status = git_status(repo)

    checked = run_okrlint("check", "coffee.okr.yaml", cwd=repo)
    cleaned = run_okrlint("cache", "clean", cwd=repo)

    assert checked.code == 2, checked.err
    assert "cache folder" in checked.err and "choose a folder of its own" in checked.err
    assert "pyproject.toml" in checked.err  # the config file that named it
    assert "Traceback" not in checked.err + cleaned.err
    assert cleaned.code == clean_code, cleaned.err
    assert clean_says in cleaned.out + cleaned.err
    assert tree(repo) == before
    assert git_status(repo) == status
    assert not (repo.parent / "CACHEDIR.TAG").exists()


def test_cache_dir_dot_on_the_command_line_is_refused(repo):
    before = tree(repo)
    result = run_okrlint("check", "--cache-dir", ".", "coffee.okr.yaml", cwd=repo)
    assert result.code == 2
    assert "cache folder '.' is the current folder" in result.err
    assert tree(repo) == before


def test_a_folder_with_other_files_is_not_taken_for_a_cache(repo):
    (repo / "notes").mkdir()
    (repo / "notes" / "plan.txt").write_text("keep me\n", encoding="utf-8")
    before = tree(repo)

    result = run_okrlint("check", "--cache-dir", "notes", "coffee.okr.yaml", cwd=repo)
    cleaned = run_okrlint("cache", "clean", "--cache-dir", "notes", cwd=repo)

    assert result.code == 2
    assert "holds files okrlint did not write (such as 'plan.txt')" in result.err
    assert cleaned.code == 2
    assert tree(repo) == before


def test_clean_removes_only_okrlints_entries_from_a_folder_an_old_version_polluted(repo):
    """An earlier okrlint wrote its tag and entries into the repository's top folder; clean
    removes exactly those and keeps every file of the user's, .git included."""
    user_files = tree(repo)
    assert run_okrlint("check", "--cache-dir", "cache", "coffee.okr.yaml", cwd=repo).code == 1
    cache = repo / "cache"
    for item in ("CACHEDIR.TAG", "v1"):
        os.rename(cache / item, repo / item)
    (cache / ".gitignore").unlink()
    cache.rmdir()
    assert "CACHEDIR.TAG" in tree(repo) and any(k.startswith("v1/") for k in tree(repo))

    cleaned = run_okrlint("cache", "clean", "--cache-dir", str(repo), cwd=repo)

    assert cleaned.code == 0, cleaned.err
    assert "left" in cleaned.out and "okrlint did not write" in cleaned.out
    assert tree(repo) == user_files


def test_clean_removes_a_real_cache_completely(repo):
    before = tree(repo)
    assert run_okrlint("check", "coffee.okr.yaml", cwd=repo).code == 1
    assert (repo / ".okrlint_cache" / "CACHEDIR.TAG").is_file()

    cleaned = run_okrlint("cache", "clean", cwd=repo)

    assert cleaned.code == 0 and "removed .okrlint_cache" in cleaned.out
    assert tree(repo) == before


def test_clean_keeps_what_okrlint_did_not_write_inside_its_cache(repo):
    assert run_okrlint("check", "coffee.okr.yaml", cwd=repo).code == 1
    stray = repo / ".okrlint_cache" / "v1" / "mine.txt"
    stray.write_text("not a cache entry\n", encoding="utf-8")

    cleaned = run_okrlint("cache", "clean", cwd=repo)

    assert cleaned.code == 0
    assert "left 1 file(s) okrlint did not write, such as 'v1/mine.txt'" in cleaned.out
    assert stray.read_text(encoding="utf-8") == "not a cache entry\n"
    assert not list((repo / ".okrlint_cache" / "v1").glob("*/*.json"))


def test_symlinks_in_the_cache_never_carry_a_write_outside(repo, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    cache = repo / ".okrlint_cache"
    cache.mkdir()
    (cache / ".gitignore").symlink_to(outside / "gitignore")  # dangling
    (cache / "CACHEDIR.TAG").symlink_to(outside / "tag")  # dangling
    (cache / "v1").symlink_to(outside)  # a folder elsewhere

    result = run_okrlint("check", "coffee.okr.yaml", cwd=repo)
    cleaned = run_okrlint("cache", "clean", cwd=repo)

    assert result.code == 2, result.err  # a cache folder okrlint did not make is refused
    assert list(outside.iterdir()) == []
    assert cleaned.code == 2  # the tag is a symlink: not okrlint's cache
    assert list(outside.iterdir()) == []
    assert (cache / "v1").is_symlink()


def test_a_symlinked_shard_is_not_written_through(repo, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    assert run_okrlint("check", "coffee.okr.yaml", cwd=repo).code == 1
    shards = [p for p in (repo / ".okrlint_cache" / "v1").iterdir()]
    for shard in shards:  # every shard becomes a link to a folder elsewhere
        for entry in shard.iterdir():
            entry.unlink()
        shard.rmdir()
        shard.symlink_to(outside)

    again = run_okrlint("check", "coffee.okr.yaml", cwd=repo)
    cleaned = run_okrlint("cache", "clean", cwd=repo)

    assert again.code == 1  # the check itself is unaffected, only uncached
    assert list(outside.iterdir()) == []
    assert cleaned.code == 0 and "left" in cleaned.out
    assert all(shard.is_symlink() for shard in shards)


def test_a_symlinked_cache_folder_is_refused(repo, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (repo / ".okrlint_cache").symlink_to(elsewhere)

    result = run_okrlint("check", "coffee.okr.yaml", cwd=repo)

    assert result.code == 2
    assert "is a symbolic link" in result.err
    assert list(elsewhere.iterdir()) == []


@pytest.mark.parametrize(
    "args",
    [
        ["-o", "coffee.okr.yaml", "coffee.okr.yaml"],
        ["-o", "./coffee.okr.yaml", "coffee.okr.yaml"],
        ["-f", "json:okrs/sales.yaml", "okrs"],  # found by expanding the folder
        ["-f", "text", "-f", "sarif:pyproject.toml", "coffee.okr.yaml"],  # the config
        ["-f", "json:base.json", "--baseline", "base.json", "coffee.okr.yaml"],
        ["--write-baseline", "okrs/sales.yaml", "okrs"],
        ["-f", "json:out.json", "-f", "sarif:out.json", "coffee.okr.yaml"],
    ],
)
def test_no_output_lands_on_a_file_okrlint_reads(repo, args):
    (repo / "pyproject.toml").write_text("[tool.okrlint]\n", encoding="utf-8")
    assert run_okrlint("check", "--write-baseline", "base.json", "okrs", cwd=repo).code == 0
    before = tree(repo)

    result = run_okrlint("check", *args, cwd=repo)

    assert result.code == 2, result.out + result.err
    assert "refusing to write" in result.err or "would go to the same file" in result.err
    assert "Traceback" not in result.err
    assert tree(repo) == before
