"""No pattern can hang a check: every regular expression okrlint runs on user text runs on
RE2 through ``okrlint.linear``, and each reader hands RE2 a bounded amount of text per line.

The proof has three parts. The source holds no matching call of Python's ``re`` at all (it
backtracks: a Markdown comment of 5 000 spaces once took 83 s). ``okrlint.linear`` keeps
Python's meaning of ``\\w``, ``\\d`` and ``\\s`` for every character. And reading
100 000-character adversarial lines passes RE2 a total amount of text proportional to the
file (RE2's time is linear in what it is given), counted here, not timed.
"""

from __future__ import annotations

import ast
import re
import sys
import unicodedata
from pathlib import Path

import pytest
from conftest import ROOT

from okrlint import linear
from okrlint.files import glob_match, matches_any
from okrlint.model import Suppression
from okrlint.readers import read_document
from okrlint.readers.labels import find_period, match_label

SOURCES = sorted([*(ROOT / "okrlint").rglob("*.py"), *(ROOT / "rules").rglob("*.py")])
# The ``re`` functions that match (and so may backtrack); escape() and the flags are fine.
MATCHING = {
    "compile",
    "match",
    "search",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
}


def _re_calls(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.func.attr in MATCHING
        ):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: re.{node.func.attr}")
    return found


def test_no_python_regex_matches_anywhere_in_okrlint() -> None:
    assert len(SOURCES) > 40
    calls = [call for path in SOURCES for call in _re_calls(path)]
    assert calls == [], "use okrlint.linear.compile for patterns on user text:\n" + "\n".join(calls)


# ---------------------------------------------------------------------------- the meaning

CHARACTERS = "".join(
    chr(c)
    for c in range(sys.maxunicode + 1)
    if not 0xD800 <= c <= 0xDFFF and unicodedata.category(chr(c)) != "Cn"
)


@pytest.mark.parametrize("pattern", [r"\w+", r"\d+", r"\s+", r"[^\W\d_]+", r"[^\W\d]+", r"\W+"])
def test_classes_mean_what_they_mean_in_python(pattern: str) -> None:
    """Over every assigned character: the same runs as Python's ``re`` finds."""
    assert linear.compile(pattern).findall(CHARACTERS) == re.findall(pattern, CHARACTERS)


def test_flags_escapes_groups_and_offsets_as_in_python() -> None:
    text = "  Mål 12 –  ØKE salget\u00a0fra 1,5 til 3 {#mål-1}"
    for pattern, flags in [
        (r"(?P<word>mål|øke)\s+(?P<n>\d+)?", re.IGNORECASE),
        (r"\{#(?P<id>[\w.:-]+)\}\s*$", 0),
        (
            r"""(?:\d+ # digits
             (?:[.,]\d+)?)""",
            re.VERBOSE,
        ),
        (r"[\u00e6\u00f8\u00e5\u00c6\u00d8\u00c5]", 0),
        (r"\s*–\s*", 0),
    ]:
        ours = [(m.span(), m.groups()) for m in linear.compile(pattern, flags).finditer(text)]
        theirs = [(m.span(), m.groups()) for m in re.compile(pattern, flags).finditer(text)]
        assert ours == theirs, pattern
    found = linear.compile(r"(?P<a>\d+)-(?P<b>x)?").search("é 12-")
    assert (found["a"], found["b"], found.span("a"), found.end()) == ("12", None, (2, 4), 5)
    assert linear.compile(r"ab$").search("abx", 0, 2) is not None  # "$" at endpos, as re


@pytest.mark.parametrize(
    "pattern", [r"a(?=b)", r"a(?!b)", r"(?<=a)b", r"(?<!a)b", r"(a)\1", r"\bword\b", r"(?>a)"]
)
def test_what_could_backtrack_is_refused_when_compiled(pattern: str) -> None:
    with pytest.raises(ValueError):
        linear.compile(pattern)


def test_a_lone_surrogate_is_read_not_a_crash() -> None:
    name = "okr\udcff.okr.yaml"  # a file name that is not UTF-8, as os.listdir gives it
    assert linear.compile(r"\.okr\.yaml$").search(name).span() == (4, 13)


# ---------------------------------------------------------------------------- the work


class Counted:
    """The characters every RE2 call of a block was given, summed."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.chars = 0
        self.calls = 0
        first, matches = linear.Pattern._first, linear.Pattern._matches

        def counted_first(pattern, anchor, text, pos, endpos):
            self.calls += 1
            self.chars += len(text)
            return first(pattern, anchor, text, pos, endpos)

        def counted_matches(pattern, anchor, text, pos, endpos):
            self.calls += 1
            self.chars += len(text)
            return matches(pattern, anchor, text, pos, endpos)

        monkeypatch.setattr(linear.Pattern, "_first", counted_first)
        monkeypatch.setattr(linear.Pattern, "_matches", counted_matches)


N = 100_000
SPACES = " " * N
# Each line once made a reader take seconds to minutes (quadratic or worse backtracking).
ADVERSARIAL = {
    "markdown suppression comment": ("a.md", f"<!-- okrlint-disable{SPACES}x\n"),
    "markdown suppression, many": ("a.md", "<!-- okrlint-disable " * (N // 21) + "\n"),
    "label line": ("a.txt", f"Objective{SPACES}x\n"),
    "label, number and qualifier": ("a.txt", f"O1 for team{SPACES}2{SPACES}x\n"),
    "explicit id": ("a.md", f"## Grow {{#{'a' * N}}}{SPACES}x\n"),
    "heading's closing #": ("a.md", f"# Grow{SPACES}#{SPACES}x\n"),
    "period in a title": ("a.md", "# OKR " + "Q1 " * (N // 3) + "\n"),
    "period, spaces": ("a.md", f"# OKR Q1{SPACES}/{SPACES}x\n"),
    "key result prefix": ("a.md", f"## O: Grow\n- 1.2{SPACES}x\n- KR1{SPACES}x\n"),
    "bullet gap": ("a.txt", f"Key results:\n-{SPACES}\u00a0\n"),
    "trailing comment": ("a.txt", "Objective: Grow " + "#a" * (N // 2) + "\n"),
    "hash suppression": ("a.yaml", "# okrlint: disable=" + "A," * (N // 2) + "-\n"),
    "thematic break": ("a.md", "-" + " -" * (N // 2) + "x\n"),
    "many words": ("a.txt", "Objective: " + "ord " * (N // 4) + "\n"),
}


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_adversarial_lines_give_re2_linear_work(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    path, text = ADVERSARIAL[name]
    counted = Counted(monkeypatch)
    read_document(path, text.encode("utf-8"))
    assert counted.calls > 0
    # every call is linear in what RE2 is given; all of them together see the line a few
    # times over, never once per character of it
    assert counted.chars <= 40 * len(text), (counted.chars, counted.calls)


def test_the_adversarial_lines_are_read_as_before() -> None:
    [doc] = read_document("a.md", f"<!-- okrlint-disable{SPACES}OKR201 -->\n".encode())
    assert doc.suppressions == (Suppression(1, frozenset({"OKR201"})),)
    label = match_label(f"Objective{SPACES}: Grow")
    assert (label.kind.value, label.text, label.explicit_separator) == ("objective", "Grow", True)
    assert match_label(f"Objective{SPACES}x") is None
    [doc] = read_document("a.md", f"## Grow {{#sales}}{SPACES}\n\n- Sell 5\n".encode())
    assert (doc.objectives[0].text, doc.objectives[0].id) == ("Grow", "sales")
    [doc] = read_document("a.md", f"## Grow{SPACES}##{SPACES}\n\n- Sell 5\n".encode())
    assert doc.objectives[0].text == "Grow"
    assert find_period(f"OKR for{SPACES}2. kvartal{SPACES}2026 x") == "2. kvartal 2026"


def test_a_bare_dotted_number_keeps_its_number_before_a_small_letter() -> None:
    """ "1.5 million users" is a key result with its number; "1.2 Grow users" is numbered."""
    [doc] = read_document(
        "x.okr.md", b"## Objective: Grow\n\n- 1.5 million users\n- 1.2 Grow users\n"
    )
    texts = [kr.text for kr in doc.objectives[0].key_results]
    assert texts == ["1.5 million users", "Grow users"]


# ---------------------------------------------------------------------------- globs


def test_a_backtracking_glob_on_a_long_name_is_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    """``*a*a*a*a*a*a*a*a*b`` against a long file name took 138 s with ``fnmatch``."""
    counted = Counted(monkeypatch)
    name = "a" * 20_000 + ".okr.yaml"
    assert not glob_match(f"okrs/{name}", "*a*a*a*a*a*a*a*a*b")
    assert not matches_any(f"okrs/{name}", ["*a*a*a*a*a*a*a*a*b", "x/**/*a*a*a*b"])
    assert glob_match(f"okrs/{name}", "*a*a*a*a*a*a*a*a*.okr.yaml")
    assert counted.chars <= 10 * (len(name) + 5)


def test_offsets_in_a_long_text_are_counted_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """RE2 reports byte offsets; turning each match's into characters from the start of the
    text made a search of a 200 KB Norwegian key result take two minutes."""
    counted = 0
    native = linear._native

    class Counting:
        def __getattr__(self, name: str):
            return getattr(native, name)

        @staticmethod
        def BytesToCharLen(data: bytes, start: int, end: int) -> int:
            nonlocal counted
            counted += end - start
            return native.BytesToCharLen(data, start, end)

    monkeypatch.setattr(linear, "_native", Counting())
    text = "og mer ø " * 20_000
    found = [m.span() for m in linear.compile(r"(ø)|\w+").finditer(text)]
    assert found == [m.span() for m in re.finditer(r"(ø)|\w+", text)]
    assert 0 < counted <= len(text.encode("utf-8"))
