"""No code runs from what is checked, a broken plugin names itself, a user regex cannot hang."""

from __future__ import annotations

import os
import subprocess
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
# Module names a checked repository could plant, hoping okrlint or a library imports them.
PLANTED = [
    "conftest.py",
    "okrlint_plugin.py",
    "okrlint.py",
    "yaml.py",
    "click.py",
    "spacy.py",
    "jinja2.py",
    "sitecustomize.py",
    "usercustomize.py",
    "setup.py",
    "okrs/__init__.py",
]


def _plant(folder: Path, marker: Path) -> None:
    for name in PLANTED:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            "import pathlib\n"
            f"pathlib.Path({str(marker)!r}).write_text({name!r})\n"
            f"print('IMPORTED {name}')\n",
            encoding="utf-8",
        )


def test_no_code_from_the_checked_repository_is_imported(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    marker = tmp_path / "imported.txt"
    _plant(repo, marker)
    (repo / "okrs" / "q3.yaml").write_text(GOOD, encoding="utf-8")
    # a config that names a local plugin module, and a plugin dist-info in the checked folder
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "evil"\n\n'
        '[project.entry-points."okrlint.rules"]\nevil = "okrlint_plugin:RULES"\n\n'
        "[tool.okrlint]\n",
        encoding="utf-8",
    )
    dist = repo / "evil-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: evil\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[okrlint.rules]\nevil = okrlint_plugin:RULES\n")
    commands = (
        ["check", "--no-cache", "."],
        ["check", "--no-cache", "okrs/q3.yaml"],
        ["rules"],
        ["tree", "."],
    )
    for args in commands:
        result = run_okrlint(*args, cwd=repo)
        assert "IMPORTED" not in result.out + result.err, args
        assert not marker.exists(), f"{args}: imported {marker.read_text()}"
        assert "Traceback" not in result.err


def test_stdin_from_inside_the_repository_imports_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "imported.txt"
    _plant(tmp_path, marker)
    result = run_okrlint("check", "-", cwd=tmp_path, stdin=GOOD)
    assert result.code == 0, result.err
    assert not marker.exists() and "IMPORTED" not in result.out + result.err


def _plugin_path(tmp_path: Path, module_source: str, target: str = "broken_okr_rules:RULES"):
    site = tmp_path / "site"
    site.mkdir(parents=True)
    (site / "broken_okr_rules.py").write_text(module_source, encoding="utf-8")
    dist = site / "broken_okr_rules-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: broken-okr-rules\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(f"[okrlint.rules]\nbroken = {target}\n")
    path = os.pathsep.join(p for p in (str(site), os.environ.get("PYTHONPATH")) if p)
    return {"PYTHONPATH": path}


def test_a_plugin_that_fails_to_import_names_itself(tmp_path: Path) -> None:
    env = _plugin_path(tmp_path, "import a_module_that_does_not_exist\n")
    (tmp_path / "q3.okr.yaml").write_text(GOOD, encoding="utf-8")
    result = run_okrlint("check", "--no-cache", "q3.okr.yaml", cwd=tmp_path, env=env)
    assert result.code == 2
    assert "Traceback" not in result.err
    assert result.err.startswith(
        "okrlint: error: could not load rule plugin 'broken' (broken_okr_rules:RULES): "
        "ModuleNotFoundError"
    )


def test_a_plugin_that_raises_or_defines_nothing_names_itself(tmp_path: Path) -> None:
    env = _plugin_path(tmp_path, "RULES = []\n")
    result = run_okrlint("rules", cwd=tmp_path, env=env)
    assert result.code == 2
    assert "rule plugin 'broken' (broken_okr_rules:RULES) defines no okrlint Rule" in result.err
    env = _plugin_path(tmp_path / "b", "def RULES():\n    raise RuntimeError('boom')\n")
    result = run_okrlint("rules", cwd=tmp_path, env=env)
    assert result.code == 2 and "Traceback" not in result.err
    assert (
        "could not load rule plugin 'broken'" in result.err and "RuntimeError: boom" in result.err
    )


# Patterns that backtrack exponentially on a near-match in Python's re; user patterns run
# on RE2, which matches in linear time.
CATASTROPHIC = [
    "(a+)+$",
    "(\\w*\\s?)*$",
    "(a*)*b",
    "(x+x+)+y",
    "(a|aa)+$",
    "(a|a)*b",
]


@pytest.mark.parametrize("pattern", CATASTROPHIC)
def test_a_user_regex_cannot_hang_the_run(tmp_path: Path, pattern: str) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "slow.yaml").write_text(
        "extends: existence\n"
        "code: ACME001\n"
        "name: slow\n"
        "message: 'matched %s'\n"
        "scope: all\n"
        f"pattern: '{pattern}'\n",
        encoding="utf-8",
    )
    (tmp_path / "pyproject.toml").write_text('[tool.okrlint]\ncustom-rules = "rules"\n')
    evil = "a" * 40 + "!"
    (tmp_path / "q3.okr.yaml").write_text(
        f"objectives:\n  - title: {evil}\n    key_results:\n      - {evil}\n", encoding="utf-8"
    )
    started = time.monotonic()
    try:
        result = run_okrlint("check", "--no-cache", "q3.okr.yaml", cwd=tmp_path, timeout=15)
    except subprocess.TimeoutExpired:
        pytest.fail(f"pattern {pattern!r} ran for over 15 s")
    assert time.monotonic() - started < 15
    assert "Traceback" not in result.err
    if result.code == 2:  # refused when the rule is loaded: the message names the rule file
        assert "slow.yaml:6:" in result.err
