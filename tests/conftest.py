"""Shared helpers: run okrlint in this process (``run_okrlint``, the ``okrlint`` fixture),
or as a user does, through the installed console script (``run_okrlint_process``).

Most tests check what a command prints and its exit status: they call the command line's
``main`` in this process, with its own standard streams, environment and folder, which
takes milliseconds where starting okrlint takes a second. A deliberate set of end-to-end
tests starts the console script: the README's commands, pre-commit, ``--jobs``, leaving at
once, hostile files, the server and the browser.

The suite runs in parallel with pytest-xdist when it is installed (the test extras install
it): ``-n auto`` unless ``-n`` is given; ``-n 0`` runs it in one process.
"""

from __future__ import annotations

import atexit
import contextlib
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


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config) -> None:
    """Run in parallel when pytest-xdist is installed and ``-n`` is not given; the corpus
    fixtures of one folder stay on one worker (they are checked together)."""
    if os.environ.get("PYTEST_XDIST_WORKER") or not config.pluginmanager.hasplugin("xdist"):
        return
    if config.option.numprocesses is None and not config.option.collectonly:
        config.option.numprocesses = "auto"
        if config.option.dist == "no":
            config.option.dist = "loadgroup"


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error) -> None:
    """Gather the reported figures a worker measured (pytest-xdist), for the summary."""
    found = getattr(node, "workeroutput", {}).get("reported_scores", {})
    node.config.stash.setdefault(REPORTED_SCORES, {}).update(found)


def pytest_sessionfinish(session) -> None:
    """On a pytest-xdist worker, hand the reported figures to the controller."""
    output = getattr(session.config, "workeroutput", None)
    if output is not None:
        output["reported_scores"] = session.config.stash.get(REPORTED_SCORES, {})


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


# Python compiles every module it imports into a __pycache__/ folder beside it, and pytest
# its rewritten test modules: neither in this checkout, so the suite leaves `git status
# --ignored` as it found it also where PYTHONDONTWRITEBYTECODE is not set. The okrlint
# processes the tests start inherit the setting.
sys.dont_write_bytecode = True
os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
_OWN_PYCACHE = Path(__file__).parent / "__pycache__"


def pytest_unconfigure(config) -> None:
    """pytest compiled this file into tests/__pycache__/ before running it, so before the
    lines above could say no: take that file away again, and the folder when nothing else
    is in it."""
    try:
        left = list(_OWN_PYCACHE.iterdir())
    except OSError:
        return
    if left and all(p.name.startswith("conftest.") and p.suffix == ".pyc" for p in left):
        for p in left:
            p.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            _OWN_PYCACHE.rmdir()


# Hypothesis keeps its example database and caches in ./.hypothesis: in the scratch folder
# instead, so the suite leaves `git status --ignored` as it found it.
set_hypothesis_home_dir(scratch_folder() / ".hypothesis")


def _environment(env: dict[str, str] | None) -> dict[str, str | None]:
    """The variables a test run sets or unsets: no colour, no CI, then the test's own."""
    changes: dict[str, str | None] = dict.fromkeys(
        ("FORCE_COLOR", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "CI")
    )
    changes["NO_COLOR"] = "1"
    changes.update(env or {})
    return changes


def run_okrlint(
    *args: str,
    cwd: Path | None = None,
    stdin: str | bytes | None = None,
    env: dict[str, str] | None = None,
) -> Result:
    """``okrlint *args`` in this process: its exit status, standard output and error."""
    from click.testing import CliRunner

    from okrlint.cli import main

    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    here = os.getcwd()
    runner = CliRunner()
    with runner.isolation(input=data or b"", env=_environment(env)) as (out, err, _):
        os.chdir(cwd or scratch_folder())
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
        finally:
            os.chdir(here)
        with contextlib.suppress(ValueError):  # a stream okrlint closed (a broken pipe)
            sys.stdout.flush()
            sys.stderr.flush()
        return Result(code, out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8"))


def run_okrlint_process(
    *args: str,
    cwd: Path | None = None,
    stdin: str | bytes | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> Result:
    """``okrlint *args`` as its own process, started from the installed console script."""
    changes = _environment(env)
    full_env = {k: v for k, v in os.environ.items() if k not in changes}
    full_env.update({k: v for k, v in changes.items() if v is not None})
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


@pytest.fixture
def okrlint_process():
    return run_okrlint_process
