"""How resolving cascade references scales: a standalone benchmark.

Builds a generated OKR set in memory — one company file plus team files of 10 objectives
each, every team objective pointing at a company key result, a few at another team's —
and times building the set's index (ids, parent resolution, cycle detection) and running
the six alignment rules over it, at 1 000, 5 000, 10 000 and 20 000 objectives. The time
per objective should stay flat: resolution is linear. No spaCy, no files::

    python benchmarks/bench_alignment.py
"""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

# Runnable from a checkout without installing: the project folder goes first on the path.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from okrlint.alignment import OkrSet, tree_rows
from okrlint.config import Config
from okrlint.engine import ActiveRule, run_rules
from okrlint.model import Document, KeyResult, Objective, Span
from okrlint.registry import builtin_rules

SIZES = (1_000, 5_000, 10_000, 20_000)
PER_FILE = 10
REPEAT = 5


def generate(objectives: int) -> list[Document]:
    """A company file with one objective per 50 teams' worth of key results, then team files."""
    company_krs = max(objectives // 20, 1)
    company_objectives = []
    for c in range(0, company_krs, 5):
        krs = tuple(
            KeyResult(f"Raise metric {k} from 10 to 20", Span.point(3 + k), id=f"company-kr{k}")
            for k in range(c, min(c + 5, company_krs))
        )
        company_objectives.append(
            Objective(
                f"Company goal {c}, because it matters",
                Span.point(1 + c),
                id=f"company-{c}",
                level="company",
                key_results=krs,
            )
        )
    documents = [Document("okrs/company.yaml", "yaml", tuple(company_objectives), period="2025")]
    teams = objectives - len(company_objectives)
    for start in range(0, teams, PER_FILE):
        items = []
        for i in range(start, min(start + PER_FILE, teams)):
            # most build on a company key result; every seventh on the previous team's
            parent = f"team-{i - 1}-kr1" if i % 7 == 0 and i else f"company-kr{i % company_krs}"
            kr = KeyResult(f"Cut cost {i} from 20 to 10", Span.point(2), id=f"team-{i}-kr1")
            items.append(
                Objective(
                    f"Team goal {i}, so that it helps",
                    Span.point(1),
                    id=f"team-{i}",
                    parent=parent,
                    key_results=(kr,),
                )
            )
        path = f"okrs/team-{start // PER_FILE}.yaml"
        documents.append(Document(path, "yaml", tuple(items), period="Q3 2025"))
    return documents


def best_of(fn) -> float:
    """The best of a few runs, with the garbage collector off while timing (as timeit does):
    its full collections walk every live object and would blur what resolution costs."""
    times = []
    for _ in range(REPEAT):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return min(times)


def main() -> int:
    rules = [r for r in builtin_rules() if r.code.startswith("OKR4")]
    active = [ActiveRule(r, r.severity, dict(r.options)) for r in rules]
    print(f"{'objectives':>10} {'files':>6} {'index ms':>9} {'rules ms':>9} {'µs/objective':>13}")
    per_element = []
    for size in SIZES:
        documents = generate(size)
        index = best_of(lambda d=documents: tree_rows(OkrSet(d)))
        # a fresh tuple each time, so the rules rebuild the index instead of reusing a cache
        checked = best_of(lambda d=documents: run_rules(d, active, Config(), {}, tuple(d)))
        micro = checked / size * 1e6
        per_element.append(micro)
        print(
            f"{size:>10} {len(documents):>6} {index * 1e3:>9.1f} {checked * 1e3:>9.1f} "
            f"{micro:>13.2f}"
        )
    ratio = max(per_element) / min(per_element)
    print(f"time per objective, largest / smallest: {ratio:.2f} (about 1 means linear)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
