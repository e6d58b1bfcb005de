"""Work that grows with the input, counted rather than timed.

A fast machine hides a quadratic loop until the input is large; a count does not. Each test
runs one shape of input at n and at 4n and counts the work: comparisons of OKR210's keys, or
the lines of Python run (a tracing counter) by the cascade rules. Linear work grows four
times, quadratic work sixteen times. Seconds are measured in benchmarks/scale.py instead.
"""

from __future__ import annotations

import difflib
import random
import sys
from collections.abc import Callable, Sequence

import okrlint.rules.okr210_kr_duplicate as okr210
import pytest

from okrlint.alignment import NEAR_IDS, OkrSet, tree_rows
from okrlint.config import Config
from okrlint.engine import run_rules, select_rules
from okrlint.model import Document, KeyResult, Objective, Span
from okrlint.readers import read_document
from okrlint.registry import builtin_rules
from okrlint.rule import Target

CASCADE_CODES = ("OKR103", "OKR302", "OKR401", "OKR402", "OKR403", "OKR404", "OKR405", "OKR406")


def lines_run(work: Callable[[], object]) -> int:
    """How many lines of Python ``work`` runs (in every module, the standard library's too)."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame, event, arg):
        return local

    sys.settrace(calls)
    try:
        work()
    finally:
        sys.settrace(None)
    return count


# ---------------------------------------------------------------------------- OKR210


class _CountedKey:
    """A comparison key that counts how often it is compared."""

    compared = 0

    def __init__(self, key: tuple) -> None:
        self.key = key

    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other: object) -> bool:
        _CountedKey.compared += 1
        return isinstance(other, _CountedKey) and self.key == other.key

    def __bool__(self) -> bool:
        return bool(self.key)


def _duplicates_under_one_objective(n: int, monkeypatch) -> tuple[int, int, int]:
    """(findings, keys worked out, key comparisons) for n key results, every tenth a repeat."""
    texts = [f"Øke salg fra {i} til {i + 1}" for i in range(n)]
    for i in range(9, n, 10):
        texts[i] = texts[i - 9].upper()  # a repeat: case is ignored
    lines = "".join(f"      - {t}\n" for t in texts)
    text = f"objectives:\n  - title: Vokse i Bergen, fordi vi vil\n    key_results:\n{lines}"
    doc = read_document("one.okr.yaml", text, language="nb")[0]
    worked_out = 0
    words_key = okr210._words_key

    def counted(kr, ctx):
        nonlocal worked_out
        worked_out += 1
        return _CountedKey(words_key(kr, ctx))

    monkeypatch.setattr(okr210, "_words_key", counted)
    _CountedKey.compared = 0
    active = [a for a in select_rules(builtin_rules(), Config()) if a.rule.code == "OKR210"]
    found = run_rules([doc], active, Config())
    return len(found), worked_out, _CountedKey.compared


@pytest.mark.parametrize("n", [100, 400])
def test_okr210_works_each_key_out_once_and_compares_only_repeats(n: int, monkeypatch) -> None:
    repeats = n // 10
    found, worked_out, compared = _duplicates_under_one_objective(n, monkeypatch)
    assert found == repeats
    assert worked_out == n  # one key per key result
    # a repeat's key meets its original's twice (building the index, looking it up); a
    # distinct key is never compared with another: 2 × 40 at n = 400, not 400² / 2
    assert compared == 2 * repeats


def test_okr210_names_the_first_of_several_equal_key_results() -> None:
    texts = [
        "Øke NPS fra 30 til 45",
        "Selge 40 biler",
        "øke NPS fra 30 til 45",
        "ØKE NPS FRA 30 TIL 45",
    ]
    krs = "".join(f"      - {t}\n" for t in texts)
    text = f"objectives:\n  - title: Vokse i Bergen, fordi vi vil\n    key_results:\n{krs}"
    doc = read_document("one.okr.yaml", text, language="nb")[0]
    active = [a for a in select_rules(builtin_rules(), Config()) if a.rule.code == "OKR210"]
    found = run_rules([doc], active, Config())
    assert [(f.span.line, f.message) for f in found] == [
        (6, "key result repeats key result 1 of this objective («Øke NPS fra 30 til 45»)"),
        (7, "key result repeats key result 1 of this objective («Øke NPS fra 30 til 45»)"),
    ]


# ---------------------------------------------------------------------------- the cascade


def _objective(i: int, ident: str | None, parent: str | None, level: str | None = None):
    krs = tuple(
        KeyResult(f"Raise metric {i}.{k} from 10 to 20", Span.point(3 * i + k + 2), id=kr_id)
        for k, kr_id in enumerate((f"{ident}-kr1", f"{ident}-kr2") if ident else (None, None))
    )
    return Objective(
        f"Win region {i}, because we grow",
        Span.point(3 * i + 1),
        id=ident,
        parent=parent,
        level=level,
        key_results=krs,
    )


def _yaml(path: str, objectives: Sequence[Objective], period: str = "2026") -> Document:
    return Document(path, "yaml", tuple(objectives), language="en", period=period)


def chain(n: int) -> list[Document]:
    first = _objective(0, "o0", None, "company")
    rest = [_objective(i, f"o{i}", f"o{i - 1}") for i in range(1, n)]
    return [_yaml("chain.yaml", [first, *rest])]


def fan_out(n: int) -> list[Document]:
    company = _yaml("company.yaml", [_objective(0, "company", None, "company")])
    teams = [
        _yaml(f"team-{f}.yaml", [_objective(i, f"t{i}", "company-kr1") for i in range(f, f + 10)])
        for f in range(0, n, 10)
    ]
    return [company, *teams]


def missing_parents(n: int) -> list[Document]:
    return [_yaml("missing.yaml", [_objective(i, f"team-o{i}", f"sales-kr{i}") for i in range(n)])]


def one_shared_id(n: int) -> list[Document]:
    return [_yaml("shared.yaml", [_objective(i, "shared", "shared") for i in range(n)])]


def one_cycle(n: int) -> list[Document]:
    return [_yaml("loop.yaml", [_objective(i, f"o{i}", f"o{(i + 1) % n}") for i in range(n)])]


def text_files(n: int) -> list[Document]:
    """Plain-text files: each has the positional ids o1, o1.kr1, o1.kr2."""
    documents = []
    for i in range(n):
        objective = _objective(i, "o1", None)
        documents.append(Document(f"team-{i}.txt", "text", (objective,), language="en"))
    return documents


def many_periods(n: int) -> list[Document]:
    company = _yaml("company.yaml", [_objective(0, "company", None, "company")], "2025")
    teams = [
        _yaml(f"t{i}.yaml", [_objective(i, f"t{i}", "company-kr2")], "Q1 2026") for i in range(n)
    ]
    return [company, *teams]


def company_key_results(n: int) -> list[Document]:
    """One company objective with n key results, every other one taken on by a team."""
    krs = tuple(
        KeyResult(f"Raise metric {k} from 10 to 20", Span.point(k + 2), id=f"company-kr{k}")
        for k in range(n)
    )
    company = Objective(
        "Win the market, because we grow",
        Span.point(1),
        id="company",
        level="company",
        key_results=krs,
    )
    teams = [_objective(k, f"t{k}", f"company-kr{k}") for k in range(0, n, 2)]
    return [_yaml("company.yaml", [company]), _yaml("teams.yaml", teams)]


SHAPES = {
    "key results of one company objective": company_key_results,
    "parent chain": chain,
    "fan-out": fan_out,
    "missing parents": missing_parents,
    "one id shared n times": one_shared_id,
    "one long cycle": one_cycle,
    "plain-text files": text_files,
    "period mismatches": many_periods,
}


def cascade_work(documents: list[Document]) -> int:
    """The lines run by the cascade rules over a fresh set."""
    active = [
        a
        for a in select_rules(builtin_rules(), Config())
        if a.rule.code in CASCADE_CODES and a.rule.target is Target.DOCUMENT
    ]
    the_set = tuple(documents)
    return lines_run(lambda: run_rules(the_set, active, Config(), {}, the_set))


@pytest.mark.parametrize("shape", SHAPES)
def test_the_cascade_rules_do_linear_work(shape: str) -> None:
    make = SHAPES[shape]
    small = cascade_work(make(100))
    large = cascade_work(make(400))
    # linear work grows 4 times (a little more where a larger set has more ids alike to
    # compare a missing parent with), quadratic work 16 times
    assert large <= 5 * small, f"{shape}: {large / small:.1f} × the work at 4 × the size"


def test_the_cascade_tree_does_linear_work() -> None:
    small = lines_run(lambda: tree_rows(OkrSet(fan_out(100))))
    large = lines_run(lambda: tree_rows(OkrSet(fan_out(400))))
    assert large <= 5 * small


# ---------------------------------------------------------------------------- suggestions


def test_a_suggestion_in_a_small_set_is_difflibs_best_match_over_every_id() -> None:
    rng = random.Random(7)
    letters = "abcdefgk-12"
    for _ in range(200):
        ids = {"".join(rng.choices(letters, k=rng.randint(3, 9))) for _ in range(2 * NEAR_IDS)}
        ref = "".join(rng.choices(letters, k=rng.randint(3, 9)))
        documents = [_yaml("a.yaml", [_objective(i, x, None) for i, x in enumerate(sorted(ids))])]
        the_set = OkrSet(documents)
        every_id = sorted(the_set.ids)
        close = difflib.get_close_matches(ref, every_id, n=1, cutoff=0.75)
        folded = [c for c in every_id if c.casefold() == ref.casefold()]
        expected = folded[0] if folded else (close[0] if close else None)
        assert the_set.suggestion(ref) == expected, (ref, every_id)


def test_a_slip_in_the_middle_of_an_id_is_found_among_thousands() -> None:
    ids = [
        f"{team}-kr{k}" for team in ("sales", "support", "people", "product") for k in range(1000)
    ]
    documents = [_yaml("a.yaml", [_objective(i, x, None) for i, x in enumerate(ids)])]
    the_set = OkrSet(documents)
    assert the_set.suggestion("supprt-kr517") == "support-kr517"  # a letter missing
    assert the_set.suggestion("SALES-KR12") == "sales-kr12"  # case only
    assert the_set.suggestion("zzz") is None


# ---------------------------------------------------------------------------- readers
# Their quadratic work was in C (splitting or copying the whole text once per line or per
# document), which no line counter sees: these count the characters handled instead.


def characters_read(work: Callable[[], object]) -> int:
    """Characters the methods of str (split, find, count, …) went through while work ran."""
    total = 0

    def profile(frame, event, arg):
        nonlocal total
        if event == "c_call":
            owner = getattr(arg, "__self__", None)
            if isinstance(owner, str):
                total += len(owner)

    sys.setprofile(profile)
    try:
        work()
    finally:
        sys.setprofile(None)
    return total


def test_yaml_block_scalars_split_the_text_once() -> None:
    def block_scalars(n: int) -> str:
        items = "".join(f"      - |\n        Øke salg fra {i} til {i + 1}\n" for i in range(n))
        return f"objectives:\n  - title: Vokse, fordi vi vil\n    key_results:\n{items}"

    def work(n: int) -> int:
        text = block_scalars(n)
        return characters_read(lambda: read_document("a.okr.yaml", text, language="nb"))

    spans = read_document("a.okr.yaml", block_scalars(2), language="nb")[0]
    assert [kr.span for kr in spans.objectives[0].key_results] == [
        Span(4, 9, 5, 29),
        Span(6, 9, 7, 29),
    ]
    assert work(400) <= 4.4 * work(100)


class _CountingText(str):
    """A text that counts the characters ``in`` searches through."""

    searched = 0

    def __contains__(self, part: object) -> bool:
        _CountingText.searched += len(self)
        return super().__contains__(part)


def test_many_yaml_documents_search_the_text_a_fixed_number_of_times(monkeypatch) -> None:
    from okrlint.readers import yaml_reader
    from okrlint.readers.yaml_reader import read_yaml

    composed = yaml_reader._composed  # libyaml takes only a plain str
    monkeypatch.setattr(yaml_reader, "_composed", lambda text: composed(str(text)))

    def work(n: int) -> int:
        body = "".join(
            f"---\nobjectives:\n  - title: Vokse {i}, fordi vi vil\n"
            f"    key_results:\n      - Øke salg fra {i} til {i + 1}\n"
            for i in range(n)
        )
        _CountingText.searched = 0
        documents = read_yaml("a.okr.yaml", _CountingText(body), "nb", "cli")
        assert len(documents) == n
        return _CountingText.searched + characters_read(
            lambda: read_yaml("a.okr.yaml", _CountingText(body), "nb", "cli")
        )

    assert work(400) <= 4.4 * work(100)


def test_many_yaml_documents_hold_the_files_comments_once_or_twice() -> None:
    n = 300
    body = "".join(
        f"---\n# okrlint: disable=OKR301\nobjectives:\n  - title: Vokse {i}, fordi vi vil\n"
        for i in range(n)
    )
    documents = read_document("a.okr.yaml", body, language="nb")
    assert len(documents) == n
    # the comment above a document's first line is also the line below the one before it
    assert sum(len(d.suppressions) for d in documents) == 2 * n - 1


def test_a_key_result_wrapped_over_many_lines_is_joined_once(monkeypatch) -> None:
    import dataclasses
    import types

    from okrlint.readers import outline

    built = 0

    def replace(obj, **changes):
        nonlocal built
        built += len(changes.get("text", ""))
        return dataclasses.replace(obj, **changes)

    monkeypatch.setattr(outline, "dataclasses", types.SimpleNamespace(replace=replace))

    def work(path: str, head: str, indent: str, n: int) -> int:
        nonlocal built
        built = 0
        wrapped = "".join(f"{indent}og {i} flere kunder\n" for i in range(n))
        text = f"{head}{wrapped}"
        doc = read_document(path, text, language="nb")[0]
        kr = doc.objectives[0].key_results[0]
        assert kr.text.endswith(f"og {n - 1} flere kunder")
        assert kr.span.end_line == text.count("\n")
        return built

    markdown = "## Mål: Vokse i Bergen\n\n- Øke salg fra 10 til\n"
    text = "Objective: Vokse i Bergen\n\nKey results:\n\n  • Øke salg fra 10 til\n"
    for path, head, indent in (("a.md", markdown, "  "), ("a.txt", text, "    ")):
        assert work(path, head, indent, 400) <= 4.4 * work(path, head, indent, 100)


# ---------------------------------------------------------------------------- baseline


def test_a_baseline_resolves_each_path_once_however_many_findings_it_has(
    tmp_path, monkeypatch
) -> None:
    from okrlint import baseline
    from okrlint.model import Finding, Severity

    resolved: list[str] = []
    real = baseline.baseline_path

    def counted(path: str, folder):
        resolved.append(path)
        return real(path, folder)

    monkeypatch.setattr(baseline, "baseline_path", counted)
    paths = ["a.okr.yaml", "b.okr.yaml", "c.okr.yaml"]
    findings = [
        Finding(
            paths[i % 3],
            Span.point(i + 1),
            "OKR201",
            "kr-not-measurable",
            Severity.ERROR,
            "no number",
            text=f"Selge flere biler {i}",
        )
        for i in range(900)
    ]
    recorded = baseline.build(findings[:600], tmp_path / "baseline.json")
    assert len(resolved) == 3
    resolved.clear()
    filtered = baseline.apply(findings, recorded, paths)
    assert (filtered.matched, len(filtered.findings), filtered.stale) == (600, 300, 0)
    assert len(resolved) == 3 + len(paths)  # the findings' paths, then the checked ones
