"""The Python API, used as a program embedding okrlint uses it: only the public names
(``okrlint.check_text``, ``okrlint.check_paths``, ``Report``, ``Finding``, ``Severity``), bad
input as OKR000 findings rather than exceptions, and nothing written unless asked for."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

import okrlint

SALES_NB = "Objective: Selge mer, fordi vi vil vokse\n\nKey results:\n- Selge flere biler\n"
SALES_EN = "Objective: Sell more, because we want to grow\n\nKey results:\n- Sell more cars\n"


def codes(report: okrlint.Report) -> list[str]:
    return [f.code for f in report.findings]


@pytest.fixture
def empty_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A current folder that must stay empty: a library call writes no cache there."""
    folder = tmp_path / "cwd"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def test_check_text_finds_what_the_command_line_finds(empty_cwd: Path) -> None:
    report = okrlint.check_text(SALES_NB, language="nb")
    assert isinstance(report, okrlint.Report)
    assert codes(report) == ["OKR301", "OKR103", "OKR201", "OKR202"]
    vague = report.findings[-1]
    assert isinstance(vague, okrlint.Finding)
    assert (vague.path, vague.span.line, vague.span.column) == ("<text>", 4, 3)
    assert vague.severity is okrlint.Severity.WARNING
    assert vague.suggestion == "replace «flere» with the number you mean, e.g. «fra X til Y»"
    assert report.exit_code == 1
    assert list(empty_cwd.iterdir()) == []


def test_check_text_reads_english_and_detects_the_language(empty_cwd: Path) -> None:
    report = okrlint.check_text(SALES_EN)
    assert codes(report) == ["OKR301", "OKR103", "OKR201", "OKR202"]
    assert report.files[0].language == "en"
    assert report.findings[-1].suggestion == (
        "replace 'more' with the number you mean, e.g. 'from X to Y'"
    )


def test_check_text_takes_a_format_and_a_config_mapping() -> None:
    yaml_text = "period: Q3 2025\nobjectives:\n  - title: Grow\n    key_results: [Sell more cars]\n"
    report = okrlint.check_text(yaml_text, format="yaml", config={"ignore": ["OKR1"]})
    assert codes(report) == ["OKR201", "OKR202"]
    as_text = okrlint.check_text(yaml_text, format="text")
    assert as_text.files[0].format == "text"


def test_check_text_reads_a_config_file(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.okrlint]\nselect = ["OKR202"]\n', encoding="utf-8")
    assert codes(okrlint.check_text(SALES_EN, config=pyproject)) == ["OKR202"]
    assert codes(okrlint.check_text(SALES_EN, config=str(pyproject))) == ["OKR202"]


def test_bad_input_comes_back_as_an_okr000_finding_not_an_exception() -> None:
    broken = okrlint.check_text("objectives:\n  - title: [unclosed\n", format="yaml")
    assert [(f.code, f.span.line) for f in broken.findings] == [("OKR000", 3)]  # as the CLI says
    assert broken.has_errors and broken.exit_code == 2
    latin1 = okrlint.check_text("Objective: Øke salget\n".encode("latin-1"))
    assert latin1.findings[0].message.startswith("invalid UTF-8 at byte 11")


def test_a_bad_config_comes_back_as_an_okr000_finding_with_its_line(tmp_path: Path) -> None:
    assert [
        (f.path, f.message) for f in okrlint.check_text("x", config={"ignor": ["OKR301"]}).findings
    ] == [("<config>", "unknown config key 'ignor'; did you mean 'ignore'?")]
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "x"\n\n[tool.okrlint]\nselect = ["OKR999"]\n')
    report = okrlint.check_paths([tmp_path], config=pyproject)
    assert [(f.code, f.message) for f in report.findings] == [
        ("OKR000", "unknown rule or prefix 'OKR999' in select")
    ]
    assert report.exit_code == 2
    missing = okrlint.check_text("x", config=tmp_path / "nope.toml")
    assert missing.findings[0].message == "cannot read config: No such file or directory"
    no_section = tmp_path / "other" / "pyproject.toml"
    no_section.parent.mkdir()
    no_section.write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert okrlint.check_text("x", config=no_section).findings[0].message == (
        "has no [tool.okrlint] section"
    )


def test_check_paths_checks_files_and_folders_without_a_cache(empty_cwd: Path) -> None:
    reports = FIXTURES / "reports"
    report = okrlint.check_paths([reports, reports / "kaffe.okr.yaml"])
    assert [Path(f.path).name for f in report.files] == [
        "growth.okr.yaml",
        "kaffe.okr.yaml",
        "kundeservice.okr.md",
        "support.okr.txt",
    ]
    assert len(report.findings) == 31 and report.exit_code == 1
    one = okrlint.check_paths(str(reports / "kaffe.okr.yaml"))  # one path, not its letters
    assert {f.path for f in one.findings} == {str(reports / "kaffe.okr.yaml")}
    assert list(empty_cwd.iterdir()) == []
    assert not list(reports.rglob(".okrlint_cache"))


def test_check_paths_in_parallel_gives_the_same_report() -> None:
    folder = FIXTURES / "reports"
    assert okrlint.check_paths(folder, jobs=2).findings == okrlint.check_paths(folder).findings


def test_check_paths_keeps_a_cache_only_when_asked(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "reports", project / "okrs")
    (project / "pyproject.toml").write_text("[tool.okrlint]\n", encoding="utf-8")
    okrlint.check_paths(project / "okrs")
    assert not (project / ".okrlint_cache").exists()
    first = okrlint.check_paths(project / "okrs", cache=True)
    assert (project / ".okrlint_cache" / "CACHEDIR.TAG").is_file()
    assert okrlint.check_paths(project / "okrs", cache=True).findings == first.findings
    elsewhere = tmp_path / "cache"
    okrlint.check_paths(project / "okrs", cache=elsewhere)
    assert (elsewhere / "CACHEDIR.TAG").is_file()


def test_missing_paths_and_empty_folders(tmp_path: Path) -> None:
    missing = okrlint.check_paths([tmp_path / "nope.okr.yaml"])
    assert [(f.code, f.message) for f in missing.findings] == [
        ("OKR000", "no such file or directory")
    ]
    empty = okrlint.check_paths(tmp_path)
    assert (empty.files, empty.findings, empty.exit_code) == ((), (), 0)


def test_arguments_of_the_wrong_kind_raise() -> None:
    with pytest.raises(ValueError, match="language must be one of 'en', 'nb', got 'sv'"):
        okrlint.check_text("x", language="sv")
    with pytest.raises(ValueError, match="format must be one of"):
        okrlint.check_text("x", format="docx")
    with pytest.raises(TypeError, match="text must be str or bytes, not int"):
        okrlint.check_text(42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="jobs must be a whole number"):
        okrlint.check_paths(".", jobs=-1)
    with pytest.raises(TypeError, match="config must be a path, a mapping or None"):
        okrlint.check_text("x", config=42)  # type: ignore[arg-type]


def test_severity_is_ordered_and_public_names_are_listed() -> None:
    assert [s.value for s in okrlint.Severity] == ["info", "warning", "error"]
    assert okrlint.Severity.INFO.rank < okrlint.Severity.WARNING.rank < okrlint.Severity.ERROR.rank
    assert set(okrlint.__all__) == {
        "Finding", "Report", "Severity", "__version__", "check_paths", "check_text",
    }  # fmt: skip
    assert set(okrlint.__all__) <= set(dir(okrlint))
    with pytest.raises(AttributeError):
        okrlint.no_such_name  # noqa: B018


def test_importing_okrlint_imports_neither_the_runner_nor_spacy() -> None:
    probe = (
        "import sys, okrlint\n"
        "print(sorted(m for m in ('okrlint.runner', 'okrlint.api', 'spacy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout == "[]\n"


# ------------------------------------------------------------------ as a user installs it

USER_SCRIPT = """\
import json, os, okrlint
from okrlint import Finding, Report, Severity, check_paths, check_text

report: Report = check_text("Selge flere biler", language="nb")  # the issue's own line
first: Finding = report.findings[0]
print(json.dumps({
    "codes": [f.code for f in report.findings],
    "severities": sorted({f.severity.value for f in report.findings}),
    "warning": Severity.WARNING.value,
    "exit": report.exit_code,
    "folder": [f.code for f in check_paths(os.environ["OKRS"]).findings],
    "from": okrlint.__file__,
}))
"""


def _can_build_offline() -> bool:
    try:
        from importlib.metadata import version

        major, minor = (int(p) for p in version("setuptools").split(".")[:2])
    except Exception:
        return False
    return (major, minor) >= (70, 1)


@pytest.mark.skipif(not _can_build_offline(), reason="needs setuptools>=70.1 (the test extra)")
def test_a_fresh_install_answers_through_the_public_names_and_writes_nothing(
    tmp_path: Path,
) -> None:
    """``pip install .`` (not editable) into a fresh virtual environment, which borrows only
    okrlint's dependencies from this one; a user's script that imports only public names."""
    source = tmp_path / "source"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "*.egg-info", "build", "tests", "benchmarks", "fixtures", ".*cache*"
        ),
    )
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    site = Path(
        subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
    )  # fmt: skip
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--no-index", "--target", str(site), str(source)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    okrs = tmp_path / "okrs"
    shutil.copytree(FIXTURES / "reports", okrs)
    cwd, home = tmp_path / "cwd", tmp_path / "home"
    cwd.mkdir()
    home.mkdir()
    before = sorted(p.relative_to(okrs) for p in okrs.rglob("*"))
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(home), "OKRS": str(okrs)}
    run = subprocess.run(
        [python, "-c", USER_SCRIPT], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr
    answer = json.loads(run.stdout)
    assert answer["codes"] == ["OKR201", "OKR202"]
    assert answer["severities"] == ["error", "warning"]
    assert (answer["warning"], answer["exit"]) == ("warning", 1)
    assert len(answer["folder"]) == 31
    assert Path(answer["from"]).is_relative_to(site)  # the installed copy, not this checkout
    assert list(cwd.iterdir()) == list(home.iterdir()) == []
    assert sorted(p.relative_to(okrs) for p in okrs.rglob("*")) == before


def test_the_readme_example_runs_as_printed(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("<!-- section: api -->") :]
    example = section.split("```python\n", 1)[1].split("```", 1)[0]
    assert len(example.strip().splitlines()) == 10
    shutil.copytree(FIXTURES / "reports", tmp_path / "okrs")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1754006400"}  # August 2025: the hint's quarter
    run = subprocess.run(
        [sys.executable, "-c", example], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        "1:1 OKR301 info: document does not say which period its OKRs are for",
        "   hint: add «period: 3. kvartal 2025» at the top, or name the period in the title",
        "1:12 OKR102 warning: objective does not say why it matters",
        "   hint: add the reason: «Selge mer, fordi vi ønsker å …» or a 'why:' field",
        "1:12 OKR103 warning: objective has 1 key result; 2 to 5 show whether it is reached",
        "   hint: add a key result that measures another side of «Selge mer», ideally 'from X to Y'",
        "2:3 OKR201 error: key result has no number to measure it by",
        "   hint: replace «flere» with a number: «fra X til Y»",
        "2:3 OKR202 warning: key result uses a vague amount («flere») that nobody can check",
        "   hint: replace «flere» with the number you mean, e.g. «fra X til Y»",
        "1 30 83",  # exit 1 (findings), 31 findings less the ignored OKR301, score 83
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["okrs"]  # no cache, no other file


def test_the_api_works_from_the_top_folder_of_a_checkout() -> None:
    """After `pip install .`, `python -c "import okrlint; …"` in the checkout imports the
    checkout's okrlint, whose rules sit in the top folder's rules/ (an editable install's
    finder is taken away here to stand for a plain install)."""
    probe = (
        "import sys; sys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in "
        "repr(f).lower()]; import okrlint; "
        "print([f.code for f in okrlint.check_text('Selge flere biler', language='nb').findings])"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "['OKR201', 'OKR202']\n", "")
