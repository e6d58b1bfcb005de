"""The layers are a contract, not a convention: import-linter checks the contracts in
pyproject.toml ([tool.importlinter]) on every run of the suite.

    cli -> runner -> engine/alignment -> rule -> language, readers -> model

A module imports only from the layers below its own. Reporters import no spaCy, no text
analysis and no readers; rules import no spaCy and no readers. Each command of the command
line (``okrlint/cli/<command>.py``) imports no other command ('review' runs 'check'). In
the language layer, the token helpers are at the bottom and the pipeline at the top.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` on the project in ``cwd`` (its pyproject.toml), writing no cache."""
    script = Path(sys.executable).parent / "lint-imports"
    if not script.exists():
        pytest.fail("import-linter is not installed (pip install -e '.[test]')")
    return subprocess.run(
        [str(script), "--no-cache"], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_the_import_contracts_are_kept() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 5 kept, 0 broken." in result.stdout


def test_an_upward_import_breaks_the_layers(tmp_path: Path) -> None:
    for part in ("okrlint", "rules"):
        shutil.copytree(ROOT / part, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    model = tmp_path / "okrlint" / "model.py"
    model.write_text(model.read_text(encoding="utf-8") + "\nfrom okrlint import runner\n")

    result = lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Contracts: 4 kept, 1 broken." in result.stdout
    assert "okrlint.model is not allowed to import okrlint.runner" in result.stdout


def test_a_rule_that_imports_a_reader_breaks_its_contract(tmp_path: Path) -> None:
    for part in ("okrlint", "rules"):
        shutil.copytree(ROOT / part, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    rule = tmp_path / "rules" / "okr101_objective_measurable.py"
    rule.write_text(rule.read_text(encoding="utf-8") + "\nimport okrlint.readers.text\n")

    result = lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "rules is not allowed to import okrlint.readers" in result.stdout


def test_a_command_that_imports_another_breaks_their_independence(tmp_path: Path) -> None:
    for part in ("okrlint", "rules"):
        shutil.copytree(ROOT / part, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    command = tmp_path / "okrlint" / "cli" / "tree.py"
    command.write_text(command.read_text(encoding="utf-8") + "\nfrom okrlint.cli import check\n")

    result = lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Contracts: 4 kept, 1 broken." in result.stdout
    assert "okrlint.cli.tree is not allowed to import okrlint.cli.check" in result.stdout


def test_a_token_helper_that_imports_the_scanner_breaks_the_language_layers(tmp_path: Path) -> None:
    for part in ("okrlint", "rules"):
        shutil.copytree(ROOT / part, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    tokens = tmp_path / "okrlint" / "language" / "tokens.py"
    tokens.write_text(
        tokens.read_text(encoding="utf-8") + "\nfrom okrlint.language import numbers\n"
    )

    result = lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Contracts: 4 kept, 1 broken." in result.stdout
    assert (
        "okrlint.language.tokens is not allowed to import okrlint.language.numbers" in result.stdout
    )
