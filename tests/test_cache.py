"""The results cache: used for unchanged files (without importing spaCy), invalidated by
content, config and version changes, robust against corruption, never fed from stdin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import run_okrlint

BAD_NB = """\
period: 2026-Q1
language: nb
objectives:
  - title: Øke salget med 30 %
    key_results:
      - Selge flere biler
      - Redusere ventetiden fra 10 til 5 minutter
"""

GOOD_EN = """\
period: 2026-Q1
language: en
objectives:
  - title: Become the go-to coffee shop in Oslo, because we want to beat our biggest rival
    key_results:
      - Increase monthly coffee revenue from $10,000 to $15,000
      - Grow the loyalty club from 1,000 to 2,000 members
"""

MARKDOWN_EN = """\
# OKR for support

## Objective: Keep subscribers happy, so that churn stops eating our growth

### Key results

- Cut phone waiting time from 10 to 5 minutes
- Answer more emails
"""

# Runs okrlint in-process, then says on stderr whether spaCy was imported. The optional
# second argument sets okrlint.__version__ first, as an upgrade would.
PROBE = """\
import sys
import okrlint
if len(sys.argv) > 2:
    okrlint.__version__ = sys.argv[2]
from okrlint.cli import main
try:
    main(["check", *sys.argv[1].split()])
except SystemExit:
    pass
sys.stderr.write("SPACY=%s\\n" % ("spacy" in sys.modules))
"""


ENV = {**{k: v for k, v in os.environ.items() if k != "FORCE_COLOR"}, "NO_COLOR": "1"}


def make_project(tmp_path: Path) -> Path:
    (tmp_path / "okrs").mkdir()
    (tmp_path / "okrs" / "sales.yaml").write_text(BAD_NB, encoding="utf-8")
    (tmp_path / "okrs" / "cafe.yaml").write_text(GOOD_EN, encoding="utf-8")
    (tmp_path / "okrs" / "support.md").write_text(MARKDOWN_EN, encoding="utf-8")
    return tmp_path


def probe(cwd: Path, args: str, version: str | None = None) -> tuple[str, bool]:
    """(stdout, whether spaCy was imported) of one in-process run."""
    argv = [sys.executable, "-c", PROBE, args, *([version] if version else [])]
    proc = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=120, env=ENV)
    assert "SPACY=" in proc.stderr, proc.stderr
    return proc.stdout, "SPACY=True" in proc.stderr


def entries(folder: Path) -> list[Path]:
    return sorted((folder / ".okrlint_cache").rglob("*.json"))


def test_second_run_reads_the_cache_and_never_imports_spacy(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    first, imported = probe(project, "okrs")
    assert imported, "a cold run analyses text, so it must import spaCy"
    assert "OKR201" in first
    cache = project / ".okrlint_cache"
    assert (cache / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert (
        (cache / "CACHEDIR.TAG")
        .read_text(encoding="utf-8")
        .startswith("Signature: 8a477f597d28d172789f06886806bc55")
    )
    assert len(entries(project)) >= 3  # one per file, plus the set's document rules
    second, imported = probe(project, "okrs")
    assert not imported
    assert second == first


def test_cached_run_prints_the_same_as_an_uncached_one_in_every_format(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    for fmt in ("text", "json"):
        fresh = run_okrlint("check", "--no-cache", "--format", fmt, "okrs", cwd=project)
        run_okrlint("check", "--format", fmt, "okrs", cwd=project)
        cached = run_okrlint("check", "--format", fmt, "okrs", cwd=project)
        assert cached.code == fresh.code == 1
        assert cached.out == fresh.out


def test_a_changed_file_is_checked_again(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    before = run_okrlint("check", "okrs", cwd=project)
    assert "sales.yaml:6:" in before.out  # "Selge flere biler" has no number
    sales = project / "okrs" / "sales.yaml"
    sales.write_text(BAD_NB.replace("Selge flere biler", "Selge 500 biler"), encoding="utf-8")
    after, imported = probe(project, "okrs")
    assert imported  # only the changed file is analysed again...
    assert "sales.yaml:6:" not in after
    assert "sales.yaml:4:" in after  # ...and its other findings still stand
    assert after == run_okrlint("check", "--no-cache", "okrs", cwd=project).out


def test_a_changed_config_is_a_new_cache(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    assert "OKR101" in run_okrlint("check", "okrs", cwd=project).out
    config = project / "pyproject.toml"
    config.write_text('[tool.okrlint]\nignore = ["OKR101"]\n', encoding="utf-8")
    out, _ = probe(project, "okrs")
    assert "OKR101" not in out and "OKR201" in out
    # a rule's severity is part of the key too
    config.write_text('[tool.okrlint.rules.OKR201]\nseverity = "info"\n', encoding="utf-8")
    report = json.loads(run_okrlint("check", "--format", "json", "okrs", cwd=project).out)
    severities = {f["severity"] for f in report["findings"] if f["code"] == "OKR201"}
    assert severities == {"info"}
    # and so are command-line overrides
    assert "OKR201" not in run_okrlint("check", "--ignore", "OKR2", "okrs", cwd=project).out
    assert "OKR201" in run_okrlint("check", "okrs", cwd=project).out


def test_a_new_okrlint_version_does_not_read_old_entries(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    first, _ = probe(project, "okrs")
    count = len(entries(project))
    upgraded, imported = probe(project, "okrs", version="99.0.0")
    assert imported
    assert upgraded == first
    assert len(entries(project)) > count
    assert not probe(project, "okrs", version="99.0.0")[1]  # and caches under the new one


def test_garbage_in_the_cache_is_a_miss_not_a_failure(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    expected = run_okrlint("check", "okrs", cwd=project)
    damage = [
        b"",
        b"{not json",
        b"[]",
        json.dumps({"findings": [{"@": "Nope"}]}).encode(),
        json.dumps({"format": "yaml", "documents": [1], "findings": []}).encode(),
    ]
    for i, path in enumerate(entries(project)):
        path.write_bytes(damage[i % len(damage)])
    damaged = run_okrlint("check", "okrs", cwd=project)
    assert (damaged.code, damaged.out, damaged.err) == (expected.code, expected.out, expected.err)
    assert run_okrlint("check", "okrs", cwd=project).out == expected.out  # and it is repaired


def test_no_cache_and_stdin_write_nothing(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    run_okrlint("check", "--no-cache", "okrs", cwd=project)
    assert not (project / ".okrlint_cache").exists()
    piped = run_okrlint("check", "-", cwd=project, stdin=BAD_NB)
    assert piped.code == 1 and "OKR201" in piped.out
    run_okrlint("check", "-", "okrs/cafe.yaml", cwd=project, stdin=BAD_NB)
    assert not (project / ".okrlint_cache").exists()


def test_cache_dir_from_config_and_the_command_line(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    (project / "pyproject.toml").write_text('[tool.okrlint]\ncache-dir = "build/okrlint"\n')
    run_okrlint("check", "okrs", cwd=project)
    assert not (project / ".okrlint_cache").exists()
    assert list((project / "build" / "okrlint").rglob("*.json"))
    elsewhere = tmp_path / "elsewhere"
    run_okrlint("check", "--cache-dir", str(elsewhere), "okrs", cwd=project)
    assert list(elsewhere.rglob("*.json"))


def test_cache_clean_removes_only_an_okrlint_cache(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    run_okrlint("check", "okrs", cwd=project)
    result = run_okrlint("cache", "clean", cwd=project)
    assert result.code == 0 and not (project / ".okrlint_cache").exists()
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "keep.txt").write_text("mine")
    refused = run_okrlint("cache", "clean", "--cache-dir", str(precious), cwd=project)
    assert refused.code == 2 and (precious / "keep.txt").exists()


def test_concurrent_runs_share_the_cache_safely(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    expected = run_okrlint("check", "--no-cache", "okrs", cwd=project).out
    from conftest import okrlint_executable

    procs = [
        subprocess.Popen(
            [okrlint_executable(), "check", "okrs"],
            cwd=project,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=ENV,
        )
        for _ in range(3)
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [o.decode("utf-8") for o, _ in outs] == [expected] * 3
    assert not list((project / ".okrlint_cache").rglob(".tmp-*"))
    assert run_okrlint("check", "okrs", cwd=project).out == expected


def test_every_fixture_survives_the_cache_unchanged(tmp_path: Path) -> None:
    """Documents and findings read back from an entry equal what was stored, field for field
    (suppressions, unknown fields, numbers, severities, highlights)."""
    from okrlint.cache import documents_of, dumps, findings_of, loads
    from okrlint.config import Config
    from okrlint.runner import RunOptions, check

    odd = tmp_path / "odd.okr.yaml"
    odd.write_text(
        BAD_NB.replace("period: 2026-Q1", "period: 2026-Q1\nresponsible: Kari  # okrlint: disable")
        + "      - Selge 1,5 mill. flere biler  # okrlint: disable=OKR201,kr-vague-quantifier\n",
        encoding="utf-8",
    )
    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    report = check([str(fixtures), str(odd)], Config(), RunOptions(use_cache=False, jobs=1))
    documents = tuple(d for f in report.files for d in f.documents)
    assert len(documents) > 10 and report.findings
    assert any(d.suppressions for d in documents) and any(d.unknown_fields for d in documents)
    stored = dumps({"documents": documents, "findings": report.findings})
    back = loads(stored, {"documents": documents_of, "findings": findings_of})
    assert back["documents"] == documents
    assert back["findings"] == report.findings
    assert {type(f.severity) for f in back["findings"]} == {type(report.findings[0].severity)}


def test_an_entry_of_the_wrong_shape_is_a_miss_not_a_failure(tmp_path: Path) -> None:
    """Valid JSON in an entry's layout with one value of the wrong type (a line number as
    text, an unknown severity, a message that is not a message or not in the entry's list,
    a bool for a number, a number for a list) is checked again, never trusted and never a
    traceback."""
    project = make_project(tmp_path)
    expected = run_okrlint("check", "okrs", cwd=project)
    with_findings = [p for p in entries(project) if json.loads(p.read_bytes())["findings"]]
    assert with_findings
    rows = {p: json.loads(p.read_bytes()) for p in with_findings}

    def damaged(entry: dict, n: int) -> dict:
        row = entry["findings"][0]  # path, span, code, rule, severity, message, ...
        if n == 0:
            row[1][0] = "6"
        elif n == 1:
            row[4] = "fatal"
        elif n == 2:
            row[5] = {"m": "[not json"}
        elif n == 3:
            row[5] = {"m": json.dumps(["text", "msgid", None, None, None, [["x"]]])}
        elif n == 4:
            row.append(None)
        elif n == 5:
            row[1][1] = True  # a span's column: a bool is no whole number
        elif n == 6:
            row[10] = 0  # fixes: no list at all, where nearly every row has an empty one
        elif n == 7:
            row[5] = len(entry["messages"])  # a message past the end of the entry's list
        elif n == 8:
            row[5] = -1  # no index counts from the end
        else:
            entry["entry"] = 1  # an entry of an older layout
        return entry

    for n in range(10):
        for path, entry in rows.items():
            path.write_text(json.dumps(damaged(json.loads(json.dumps(entry)), n)))
        again = run_okrlint("check", "okrs", cwd=project)
        assert (again.code, again.out, again.err) == (expected.code, expected.out, expected.err)
        for path, entry in rows.items():  # a miss: checked again and stored afresh
            assert json.loads(path.read_bytes()) == entry


def test_a_message_recurring_across_files_is_decoded_once(tmp_path: Path) -> None:
    """Entries store each message as its row's JSON text, and a cached run builds each
    distinct one once: the same finding in many files shares one message."""
    from okrlint.cache import _message_of
    from okrlint.config import Config
    from okrlint.runner import RunOptions, check

    for i in range(20):
        (tmp_path / f"team{i}.yaml").write_text(BAD_NB, encoding="utf-8")
    paths = [str(tmp_path / f"team{i}.yaml") for i in range(20)]
    options = RunOptions(cache_dir=str(tmp_path / "cache"), jobs=1)
    fresh = check(paths, Config(), options)
    _message_of.cache_clear()
    cached = check(paths, Config(), options)
    assert cached.findings == fresh.findings
    distinct = {(f.message.msgid, f.message.values) for f in cached.findings}
    distinct |= {(f.suggestion.msgid, f.suggestion.values) for f in cached.findings if f.suggestion}
    info = _message_of.cache_info()
    assert info.misses == len(distinct)
    assert info.hits + info.misses == sum(2 if f.suggestion else 1 for f in cached.findings)
