"""Output that tells the truth: no file checked twice, a score per element, no pass for an
empty rule selection, a word for every folder that could not be read, and user text that
cannot hide or reorder what a reader sees, in every format. Reports and scores look each
file and objective up instead of scanning everything for each one.
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import run_okrlint
from reports_factory import finding, kr, objective, report

from okrlint import files as files_module
from okrlint.config import Config
from okrlint.model import Document, Severity, Span
from okrlint.reporters import BUILTIN, render, render_bytes
from okrlint.runner import check
from okrlint.score import Scores, compute_scores

GOOD = (
    "period: Q3 2025\n"
    "objectives:\n"
    "  - title: Win the Oslo market, because we want to lead in the region\n"
    "    id: oslo\n"
    "    key_results:\n"
    "      - Increase revenue from 10 to 20 MNOK\n"
    "      - Grow active customers from 100 to 250\n"
)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------- files


def test_the_same_file_named_twice_is_checked_once(tmp_path: Path) -> None:
    """It reported its own ids as duplicates (OKR405) against itself."""
    write(tmp_path, "okrs/a.okr.yaml", GOOD)
    result = run_okrlint(
        "check",
        "-f",
        "json",
        "okrs/a.okr.yaml",
        "./okrs/a.okr.yaml",
        "okrs/../okrs/a.okr.yaml",
        cwd=tmp_path,
    )
    data = json.loads(result.out)
    assert [f["path"] for f in data["files"]] == ["okrs/a.okr.yaml"]
    assert data["findings"] == []
    assert result.code == 0


def test_a_link_beside_the_file_it_names_is_checked_once(tmp_path: Path) -> None:
    """`current.okr.yaml -> 2026-q1.okr.yaml` in a folder gave OKR405 for every id, the
    file's ids counted as duplicates of themselves; a hard link did the same."""
    write(tmp_path, "okrs/2026-q1.okr.yaml", GOOD)
    (tmp_path / "okrs" / "current.okr.yaml").symlink_to("2026-q1.okr.yaml")
    os.link(tmp_path / "okrs" / "2026-q1.okr.yaml", tmp_path / "okrs" / "hard.okr.yaml")
    walked = run_okrlint("check", "--no-cache", "-f", "json", "okrs", cwd=tmp_path)
    named = run_okrlint(
        "check", "--no-cache", "-f", "json", "okrs/current.okr.yaml", "okrs", cwd=tmp_path
    )
    assert (walked.code, named.code) == (0, 0), walked.out + named.out
    assert [f["path"] for f in json.loads(walked.out)["files"]] == ["okrs/2026-q1.okr.yaml"]
    assert [f["path"] for f in json.loads(named.out)["files"]] == ["okrs/current.okr.yaml"]
    assert json.loads(walked.out)["findings"] == json.loads(named.out)["findings"] == []


def test_an_unreadable_folder_is_one_okr000_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """os.walk skipped it without a word. (chmod cannot stop root, so listing fails here.)"""
    write(tmp_path, "okrs/team/a.yaml", GOOD)
    write(tmp_path, "okrs/locked/b.yaml", GOOD)
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(files_module.os, "scandir", scandir)
    monkeypatch.chdir(tmp_path)
    result = check(["okrs"], Config())
    errors = [(f.path, f.message) for f in result.findings if f.code == "OKR000"]
    assert errors == [("okrs/locked", "cannot read folder: Permission denied")]
    assert [f.path for f in result.files if not f.errors] == ["okrs/team/a.yaml"]
    assert result.exit_code == 2


@pytest.mark.skipif(os.geteuid() == 0, reason="chmod 000 does not stop root from listing")
def test_an_unreadable_folder_through_the_command(tmp_path: Path) -> None:
    write(tmp_path, "okrs/a.yaml", GOOD)
    write(tmp_path, "okrs/locked/b.yaml", GOOD)
    (tmp_path / "okrs" / "locked").chmod(0)
    try:
        result = run_okrlint("check", "okrs", cwd=tmp_path)
    finally:
        (tmp_path / "okrs" / "locked").chmod(0o755)
    assert result.code == 2
    assert "okrs/locked:1: OKR000 cannot read folder: Permission denied" in result.out


# ---------------------------------------------------------------------------- selection


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("select = []", "no rule to run: 'select' is empty"),
        ('ignore = ["ALL"]', "no rule to run: every rule is ignored or turned off"),
        ('select = ["OKR201"]\nignore = ["OKR2"]', "every rule 'select' names is ignored"),
    ],
)
def test_an_empty_rule_selection_is_an_error(tmp_path: Path, toml: str, message: str) -> None:
    """``select = []`` gave "100/100" and exit 0."""
    write(tmp_path, "pyproject.toml", f"[tool.okrlint]\n{toml}\n")
    write(tmp_path, "a.okr.yaml", GOOD)
    result = run_okrlint("check", "a.okr.yaml", cwd=tmp_path)
    assert result.code == 2
    assert message in result.err
    assert "100/100" not in result.out


# ---------------------------------------------------------------------------- scores

ONE_LINE = (
    "period: Q3 2025\n"
    "objectives: [{title: 'Grow, because we want to', key_results: [Sell more, Be liked]},"
    " {title: 'Keep customers, because they pay', key_results: [Cut churn from 5 % to 3 %,"
    " Raise NPS from 20 to 40]}]\n"
)


def test_two_objectives_on_one_line_have_their_own_scores(tmp_path: Path) -> None:
    """Scores were keyed by line: both objectives showed the first one's score."""
    write(tmp_path, "flow.okr.yaml", ONE_LINE)
    result = run_okrlint("tree", "flow.okr.yaml", cwd=tmp_path)
    lines = [line for line in result.out.splitlines() if "flow.okr.yaml:2" in line]
    data = json.loads(run_okrlint("check", "-f", "json", "flow.okr.yaml", cwd=tmp_path).out)
    scores = [o["score"] for o in data["scores"]["files"][0]["objectives"]]
    assert len(lines) == 2 and len(set(scores)) == 2  # the two differ
    for line, score in zip(lines, scores, strict=True):
        assert line.endswith(f", score {score})")


def test_scores_are_looked_up_by_element() -> None:
    path = "a.okr.yaml"
    first = objective("First objective", 4, [kr("Sell more", 5)])
    second = objective("Second objective", 4, [kr("Sell from 1 to 2", 6)])
    second = type(second)(second.text, Span(4, 40, 4, 56), key_results=second.key_results)
    doc = Document(path, "yaml", (first, second), language="en")
    scored = compute_scores(report([doc], [finding(path, first.key_results[0])]))
    assert scored.objective(path, first).score == 88  # (100 + 75) / 2
    assert scored.objective(path, second).score == 100


class CountingTuple(tuple):
    """A tuple that counts how often it is walked from the start."""

    walks = 0

    def __iter__(self):
        type(self).walks += 1
        return super().__iter__()


@pytest.mark.parametrize("fmt", ["html", "junit", "review"])
def test_reports_walk_the_findings_a_fixed_number_of_times(fmt: str) -> None:
    """The html and junit reporters scanned every finding for each file (HTML on 20 000
    files: 99 s); now the walks do not grow with the number of files."""

    def walks(n: int) -> int:
        docs, found = [], []
        for i in range(n):
            o = objective(f"Objective {i}, because", 3, [kr(f"Sell {i}", 4)])
            docs.append(Document(f"f{i}.okr.yaml", "yaml", (o,), language="en"))
            found.append(finding(f"f{i}.okr.yaml", o.key_results[0]))
        built = report(docs, found)
        counted = type(built)(built.files, CountingTuple(built.findings), built.rules)
        CountingTuple.walks = 0
        render(fmt, counted)
        return CountingTuple.walks

    assert walks(200) == walks(10)


def test_scores_look_files_and_objectives_up() -> None:
    class Files(tuple):
        walks = 0

        def __iter__(self):
            Files.walks += 1
            return super().__iter__()

    docs = [
        Document(f"f{i}.okr.yaml", "yaml", (objective(f"O {i}", 3),), language="en")
        for i in range(2000)
    ]
    scored = compute_scores(report(docs, []))
    scores = Scores(scored.overall, Files(scored.files), scored.objectives)
    for doc in docs:
        assert scores.file(doc.path).score == 100
        assert scores.objective(doc.path, doc.objectives[0]).score == 100
    assert Files.walks <= 1  # once, to index them


# ---------------------------------------------------------------------------- characters

# What must never reach a report raw: C0 controls but tab and newline (ANSI escape, BEL,
# CR), DEL, C1 (NEL), the bidirectional controls of "Trojan Source", the line separators
# and the non-characters XML cannot hold.
HOSTILE = "\x1b[31m\x07\r\x0b\x7f\x85\u202e\u2066\u200f\u2028\ufffe\uffff"
FORBIDDEN = set(HOSTILE) - set("[31m")


def _hostile_report():
    path = f"odd{HOSTILE}.okr.yaml"
    o = objective(f"Grow{HOSTILE}, because", 3, [kr(f"Sell{HOSTILE} more", 4)])
    doc = Document(path, "yaml", (o,), language="en", period=f"Q3{HOSTILE}")
    found = [
        finding(path, o.key_results[0], message=f"no number in{HOSTILE}", suggestion=HOSTILE),
        finding(path, o, code="OKR101", message=f"objective{HOSTILE}"),
    ]
    return report([doc], found, errors={f"bad{HOSTILE}.yaml": f"could not parse{HOSTILE}"})


@pytest.mark.parametrize("fmt", sorted(BUILTIN))
def test_no_control_or_bidi_character_reaches_any_format(fmt: str) -> None:
    out = render(fmt, _hostile_report())
    raw = sorted(f"U+{ord(c):04X}" for c in FORBIDDEN if c in out)
    assert raw == [], f"{fmt} writes {raw} raw"
    assert "\\u202e" in out  # shown, not dropped


@pytest.mark.parametrize("fmt", ["json", "sarif", "gitlab"])
def test_json_reports_stay_valid_and_json_keeps_the_text(fmt: str) -> None:
    data = json.loads(render(fmt, _hostile_report()))
    if fmt == "json":  # the data format keeps the exact text, only written as escapes
        [kr_finding] = [f for f in data["findings"] if f["code"] == "OKR201"]
        assert kr_finding["text"] == f"Sell{HOSTILE} more"


@pytest.mark.parametrize("fmt", sorted(BUILTIN))
def test_the_bytes_a_report_is_written_as_are_its_text_in_utf8(fmt: str) -> None:
    """The JSON formats are written as bytes, never decoded to text and encoded back; the
    other formats have no byte form and are written as text."""
    data = render_bytes(fmt, _hostile_report())
    if fmt in ("json", "sarif", "gitlab"):
        assert data == render(fmt, _hostile_report()).encode("utf-8")
        assert b"\\u202e" in data
    else:
        assert data is None


@pytest.mark.parametrize("where", ["first", "last"])
def test_a_report_of_many_megabytes_shows_the_characters_wherever_they_are(where: str) -> None:
    """A long JSON report is searched for them in two halves at once: a character in either
    half is found and shown."""
    from okrlint.reporters import jsonout

    filler = [{"text": f"Sell {i} more cars, from 1 000 to 1 200 («nå»)"} for i in range(80_000)]
    hostile = {"text": f"Sell{HOSTILE} more"}
    value = [hostile, *filler] if where == "first" else [*filler, hostile]
    data = jsonout.dumps_bytes({"findings": value}, newline=True)
    assert len(data) > 5_000_000
    text = data.decode("utf-8")
    assert [c for c in FORBIDDEN if c in text] == []
    assert json.loads(text)["findings"][0 if where == "first" else -1] == hostile


def test_junit_is_well_formed_xml_with_the_characters_shown() -> None:
    """U+FFFE and U+FFFF broke JUnit XML."""
    root = ET.fromstring(render("junit", _hostile_report()).encode("utf-8"))
    names = [case.get("name") for case in root.iter("testcase")]
    assert any("\\ufffe\\uffff" in (name or "") for name in names)


def test_the_html_page_holds_no_control_character_but_tab_and_newline() -> None:
    page = render("html", _hostile_report())
    controls = {c for c in page if (ord(c) < 0x20 and c not in "\t\n") or 0x7F <= ord(c) < 0xA0}
    assert controls == set()
    assert "Sell\\x1b[31m\\x07\\x0d" in page


def test_a_file_name_that_is_not_utf8_is_reported_not_a_crash(tmp_path: Path) -> None:
    """os.listdir gives such a name with a lone surrogate; no output could write it."""
    name = os.fsencode(tmp_path / "okrs") + b"/caf\xe9.yaml"
    (tmp_path / "okrs").mkdir()
    with open(name, "wb") as out:
        out.write(GOOD.encode())
    for fmt in ("json", "junit", "html", "sarif"):
        result = run_okrlint("check", "--no-cache", "-f", fmt, "okrs", cwd=tmp_path)
        assert "internal error" not in result.err, (fmt, result.err)
        assert "caf\\udce9.yaml" in result.out, fmt
        assert result.code == 0, (fmt, result.err)


def test_severity_is_unchanged_by_the_escapes() -> None:
    out = json.loads(render("json", _hostile_report()))
    assert {f["severity"] for f in out["findings"]} == {Severity.ERROR.value}
