"""Expected findings stated inline in fixtures, and precision / recall per rule.

A fixture states what okrlint must report, next to the element concerned::

    - Selge flere biler   # expect: OKR201, OKR202
    # expect: OKR101
    - title: Øke salget med 30 %
    <!-- expect: OKR201 -->          (Markdown)
    # expect-file: OKR301           (a finding about the whole document)

A trailing comment names the element on its own line; a comment alone on a
line names the next element line below it. Every finding of the rules that
run must be stated: what is found and not stated is a false positive, what is
stated and not found is a miss.

Run ``python -m okrlint.testing fixtures/`` for a table of precision, recall and F1 per
rule and their macro-F1; ``--select OKR201,OKR202`` scores only those codes (``--select
spec`` the ten codes the judgement spec defines, as blind rounds are scored) and ``-v``
lists every false positive and miss.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from okrlint import linear

_EXPECT = linear.compile(
    r"(?:#|<!--)\s*expect(?P<file>-file)?:\s*(?P<codes>[A-Za-z0-9_,\s-]+?)\s*(?:-->)?\s*$"
)
FIXTURE_MARK = ".okr."
# The codes the judgement spec (LABELS.md) defines; blind rounds are labelled and scored on
# these alone.
SPEC_CODES = (
    "OKR101",
    "OKR102",
    "OKR201",
    "OKR202",
    "OKR203",
    "OKR204",
    "OKR205",
    "OKR206",
    "OKR207",
    "OKR208",
)


@dataclass(frozen=True, order=True)
class Expected:
    path: str
    line: int  # 0 for a document-level expectation
    code: str


def _is_comment_only(line: str, markdown: bool = False) -> bool:
    stripped = line.strip()
    if markdown:  # '#' opens a heading in Markdown, and a heading can be an objective
        return stripped.startswith("<!--")
    return stripped.startswith("#") or stripped.startswith("<!--")


def expectations(path: Path, display: str | None = None) -> list[Expected]:
    """The findings a fixture file states it must produce."""
    shown = display or str(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    markdown = path.suffix.lower() in (".md", ".markdown")
    result: list[Expected] = []
    for index, line in enumerate(lines):
        match = _EXPECT.search(line)
        if not match:
            continue
        codes = match["codes"].replace(",", " ").split()
        if match["file"]:
            result.extend(Expected(shown, 0, c.upper()) for c in codes)
            continue
        target = index + 1  # 1-based line of this comment
        if _is_comment_only(line, markdown):
            target = next(
                (
                    j + 1
                    for j in range(index + 1, len(lines))
                    if lines[j].strip() and not _is_comment_only(lines[j], markdown)
                ),
                index + 1,
            )
        result.extend(Expected(shown, target, c.upper()) for c in codes)
    return sorted(result)


# CSV, TSV and spreadsheets have no comments to state expectations in: each such fixture has
# a YAML twin that does, and tests/test_tables.py checks that both give the same findings.
NO_COMMENTS = (".csv", ".tsv", ".xlsx", ".xlsm")


def fixture_files(root: Path) -> list[Path]:
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file() and FIXTURE_MARK in p.name and p.suffix.lower() not in NO_COMMENTS
    )


@dataclass(frozen=True)
class Outcome:
    path: str
    expected: tuple[Expected, ...]
    found: tuple[Expected, ...]

    @property
    def missed(self) -> list[Expected]:
        return sorted((Counter(self.expected) - Counter(self.found)).elements())

    @property
    def unexpected(self) -> list[Expected]:
        return sorted((Counter(self.found) - Counter(self.expected)).elements())


def run_fixtures(files: Sequence[Path]) -> list[Outcome]:
    """Check fixture files folder by folder (so cross-file rules see their set)."""
    from okrlint.config import find_config
    from okrlint.runner import RunOptions, check

    by_folder: dict[Path, list[Path]] = {}
    for path in files:
        by_folder.setdefault(path.parent, []).append(path)
    outcomes: list[Outcome] = []
    for folder, paths in sorted(by_folder.items()):
        # no cache: fixtures are checked afresh, and nothing is written beside them
        report = check([str(p) for p in paths], find_config(folder), RunOptions(use_cache=False))
        for path in paths:
            shown = str(path)
            stated = expectations(path, shown)
            file_codes = {e.code for e in stated if e.line == 0}
            found = []
            for f in report.findings:
                if f.path != shown:
                    continue
                if f.element == "document" and f.code in file_codes:
                    found.append(Expected(shown, 0, f.code))
                else:
                    found.append(Expected(shown, f.span.line, f.code))
            outcomes.append(Outcome(shown, tuple(stated), tuple(sorted(found))))
    return outcomes


@dataclass(frozen=True)
class Score:
    code: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def macro_f1(table: Sequence[Score]) -> float:
    """The mean of the rules' F1 (each rule counts once, however often it fires)."""
    return sum(s.f1 for s in table) / len(table) if table else 1.0


def selected(table: Iterable[Score], codes: Sequence[str] | None) -> list[Score]:
    """The rows for ``codes`` (a code nobody stated or found scores 1.000), or every row."""
    if codes is None:
        return list(table)
    by_code = {s.code: s for s in table}
    return [by_code.get(c, Score(c, 0, 0, 0)) for c in codes]


def table_lines(table: Sequence[Score]) -> list[str]:
    """Per-rule counts, precision, recall and F1, then the macro-F1 and the pooled figures."""
    lines = [f"{'rule':<8} {'TP':>5} {'FP':>5} {'FN':>5} {'precision':>10} {'recall':>7} {'F1':>6}"]
    for s in table:
        lines.append(
            f"{s.code:<8} {s.tp:>5} {s.fp:>5} {s.fn:>5} {s.precision:>10.3f} {s.recall:>7.3f}"
            f" {s.f1:>6.3f}"
        )
    pooled = Score("all", *(sum(getattr(s, k) for s in table) for k in ("tp", "fp", "fn")))
    lines.append(
        f"macro-F1 {macro_f1(table):.3f}  (all rules pooled: precision {pooled.precision:.3f},"
        f" recall {pooled.recall:.3f})"
    )
    return lines


def scores(outcomes: Iterable[Outcome]) -> list[Score]:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for o in outcomes:
        matched = Counter(o.expected) & Counter(o.found)
        for e, n in matched.items():
            tp[e.code] += n
        for e in o.unexpected:
            fp[e.code] += 1
        for e in o.missed:
            fn[e.code] += 1
    codes = sorted(set(tp) | set(fp) | set(fn))
    return [Score(c, tp[c], fp[c], fn[c]) for c in codes]


def _codes(value: str) -> tuple[str, ...]:
    if value.strip().lower() == "spec":
        return SPEC_CODES
    return tuple(c.strip().upper() for c in value.split(",") if c.strip())


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m okrlint.testing",
        description="Precision, recall and F1 per rule on fixtures with inline expectations.",
    )
    parser.add_argument("paths", nargs="*", default=["fixtures"], help="folders or files")
    parser.add_argument(
        "--select",
        type=_codes,
        metavar="CODES",
        help="score only these codes (comma-separated), or 'spec' for the ten judgement codes",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list every FP and miss")
    args = parser.parse_args(list(argv) if argv is not None else None)
    files = [
        f for a in args.paths for f in (fixture_files(Path(a)) if Path(a).is_dir() else [Path(a)])
    ]
    outcomes = run_fixtures(files)
    print("\n".join(table_lines(selected(scores(outcomes), args.select))))
    if args.verbose:
        keep = set(args.select) if args.select else None
        for o in outcomes:
            for e in o.unexpected:
                if keep is None or e.code in keep:
                    print(f"FP {e.path}:{e.line} {e.code}")
            for e in o.missed:
                if keep is None or e.code in keep:
                    print(f"FN {e.path}:{e.line} {e.code}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
