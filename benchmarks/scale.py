"""How okrlint's time grows with the shape of its input: the scale benchmark.

    python benchmarks/scale.py                          # every shape, median of 3 runs
    python benchmarks/scale.py --shapes kr-per-objective,files --repeats 5
    python benchmarks/scale.py --size 0.25              # quarter sizes: a quick look

Each shape is one way an input grows: key results under one objective, objectives in one
file, files, parent chains, Markdown headings, suppression comments, baseline entries, …
For each, the benchmark writes the input at n, 2n, 4n and 8n, times ``okrlint check
--no-cache -j 1`` on it (a fresh process each time, the median of ``--repeats`` runs), and
times the same shape at size 1 as its start-up: importing spaCy, building a pipeline,
reading the config. The growth ratio is (t(8n) - start-up) / (t(n) - start-up): 8 for work
that grows linearly, 64 for work that grows with the square. Times are CPU seconds (user and
system, from ``os.wait4``): on a machine shared with other work, wall time says more about
the neighbours than about okrlint; the wall-time ratio is shown beside it. One process, so
the ratio measures the algorithm, not how ``--jobs`` shares it out.

The pair "one objective with 20 000 key results" against "the same key results spread over
4 000 objectives" is timed too: the same texts, so only the shape differs. Python runs with
its bytecode cache on (``PYTHONDONTWRITEBYTECODE`` is dropped), as an installed okrlint has
its modules compiled.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from importlib.metadata import version
from pathlib import Path

MULTIPLES = (1, 2, 4, 8)


# ------------------------------------------------------------------ the shapes


def _kr(i: int) -> str:
    return f"Øke salg fra {i} til {i + 1}"


def _objective(i: int) -> str:
    return f"Bli førstevalget i region {i}, fordi vi vil vokse"


def _yaml_objective(i: int, krs: int = 3, **fields: str) -> list[str]:
    lines = [
        f"  - {key}: {value}" if n == 0 else f"    {key}: {value}"
        for n, (key, value) in enumerate(fields.items())
    ]
    if not lines:
        lines = [f"  - title: {_objective(i)}"]
    else:
        lines.append(f"    title: {_objective(i)}")
    lines.append("    key_results:")
    lines += [f"      - {_kr(i * krs + k)}" for k in range(krs)]
    return lines


def _write(folder: Path, name: str, lines: list[str]) -> str:
    (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return name


def kr_per_objective(folder: Path, n: int) -> list[str]:
    lines = ["language: nb", "objectives:", f"  - title: {_objective(0)}", "    key_results:"]
    lines += [f"      - {_kr(i)}" for i in range(n)]
    return [_write(folder, "one.okr.yaml", lines)]


def spread_key_results(folder: Path, n: int) -> list[str]:
    """The key results of ``kr_per_objective`` at n, five per objective."""
    lines = ["language: nb", "objectives:"]
    for o in range(0, n, 5):
        lines += [f"  - title: {_objective(o)}", "    key_results:"]
        lines += [f"      - {_kr(i)}" for i in range(o, min(o + 5, n))]
    return [_write(folder, "spread.okr.yaml", lines)]


def objectives_per_file(folder: Path, n: int) -> list[str]:
    lines = ["language: nb", "objectives:"]
    for i in range(n):
        lines += _yaml_objective(i)
    return [_write(folder, "many.okr.yaml", lines)]


def files(folder: Path, n: int) -> list[str]:
    (folder / "okrs").mkdir()
    for i in range(n):
        _write(
            folder / "okrs",
            f"team-{i}.okr.yaml",
            ["language: nb", "objectives:", *_yaml_objective(i)],
        )
    return ["okrs"]


def report_files(folder: Path, n: int) -> list[str]:
    """The YAML files of ``files``, reported in every format that groups findings by file
    and objective (HTML, JUnit, SARIF, review) besides the text on standard output."""
    checked = files(folder, n)
    formats = ("html:report.html", "junit:report.xml", "sarif:report.sarif", "review:review.txt")
    return [arg for fmt in formats for arg in ("-f", fmt)] + ["-f", "text", *checked]


def text_files(folder: Path, n: int) -> list[str]:
    """Plain-text files: every one has the positional ids o1, o1.kr1, …"""
    (folder / "okrs").mkdir()
    for i in range(n):
        lines = ["language: nb", "", f"Objective: {_objective(i)}", "", "Key results:", ""]
        lines += [f"  • {_kr(3 * i + k)}" for k in range(3)]
        _write(folder / "okrs", f"team-{i}.okr.txt", lines)
    return ["okrs"]


def parent_chain(folder: Path, n: int) -> list[str]:
    """Each objective builds on the one before it: a chain n deep."""
    lines = ["language: nb", "objectives:"]
    lines += _yaml_objective(0, id="o0", level="company")
    for i in range(1, n):
        lines += _yaml_objective(i, id=f"o{i}", parent=f"o{i - 1}")
    return [_write(folder, "chain.okr.yaml", lines)]


def fan_out(folder: Path, n: int) -> list[str]:
    """One company key result, n team objectives in files of ten building on it."""
    (folder / "okrs").mkdir()
    company = [
        "language: nb",
        "objectives:",
        "  - id: selskap",
        "    level: company",
        f"    title: {_objective(0)}",
        "    key_results:",
        "      - id: selskap-kr1",
        f"        title: {_kr(0)}",
    ]
    _write(folder / "okrs", "company.okr.yaml", company)
    for f in range(0, n, 10):
        lines = ["language: nb", "objectives:"]
        for i in range(f, min(f + 10, n)):
            lines += _yaml_objective(i + 1, id=f"team-o{i}", parent="selskap-kr1")
        _write(folder / "okrs", f"team-{f}.okr.yaml", lines)
    return ["okrs"]


def missing_parents(folder: Path, n: int) -> list[str]:
    """Every objective names a parent that is not there (OKR401 looks for a near id)."""
    lines = ["language: nb", "objectives:"]
    for i in range(n):
        lines += _yaml_objective(i, id=f"team-o{i}", parent=f"selskap-kr{i}")
    return [_write(folder, "missing.okr.yaml", lines)]


def shared_id(folder: Path, n: int) -> list[str]:
    """One id written n times (OKR405 on each)."""
    lines = ["language: nb", "objectives:"]
    for i in range(n):
        lines += _yaml_objective(i, id="felles")
    return [_write(folder, "shared.okr.yaml", lines)]


def markdown_headings(folder: Path, n: int) -> list[str]:
    lines = ["---", "language: nb", "---", ""]
    for i in range(n):
        lines += [f"## Mål: {_objective(i)}", "", "### Nøkkelresultater", ""]
        lines += [f"- {_kr(3 * i + k)}" for k in range(3)] + [""]
    return [_write(folder, "headings.okr.md", lines)]


def markdown_table_rows(folder: Path, n: int) -> list[str]:
    lines = ["---", "language: nb", "---", "", "| Mål | Nøkkelresultater |", "|---|---|"]
    lines += [f"| {_objective(i)} | {_kr(2 * i)}<br>{_kr(2 * i + 1)} |" for i in range(n)]
    return [_write(folder, "table.okr.md", lines)]


def csv_rows(folder: Path, n: int) -> list[str]:
    """A CSV export: one key result a row, an objective in every third (empty below it)."""
    rows = ["Objective,Key result"]
    for i in range(n):
        objective = f'"{_objective(i // 3)}"' if i % 3 == 0 else ""
        rows.append(f"{objective},{_kr(i)}")
    return [_write(folder, "export.okr.csv", rows)]


def spreadsheet_rows(folder: Path, n: int) -> list[str]:
    """The same rows in an .xlsx workbook."""
    import openpyxl  # the spreadsheet reader's own dependency

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("OKR")
    sheet.append(["Mål", "Nøkkelresultat"])
    for i in range(n):
        sheet.append([_objective(i // 3) if i % 3 == 0 else None, _kr(i)])
    workbook.save(folder / "okrs.xlsx")
    return ["okrs.xlsx"]


def text_objectives(folder: Path, n: int) -> list[str]:
    lines = ["language: nb", ""]
    for i in range(n):
        lines += [f"Objective: {_objective(i)}", "", "Key results:", ""]
        lines += [f"  • {_kr(3 * i + k)}" for k in range(3)] + [""]
    return [_write(folder, "article.okr.txt", lines)]


def markdown_continuation(folder: Path, n: int) -> list[str]:
    """One key result wrapped over n lines."""
    lines = ["---", "language: nb", "---", "", f"## Mål: {_objective(0)}", "", f"- {_kr(0)}"]
    lines += [f"  og {i} mer" for i in range(n)]
    lines += [f"- {_kr(1)}"]
    return [_write(folder, "wrapped.okr.md", lines)]


def text_continuation(folder: Path, n: int) -> list[str]:
    lines = ["language: nb", "", f"Objective: {_objective(0)}", "", "Key results:", ""]
    lines += [f"  • {_kr(0)}"]
    lines += [f"    og {i} mer" for i in range(n)]
    lines += [f"  • {_kr(1)}"]
    return [_write(folder, "wrapped.okr.txt", lines)]


def yaml_block_scalars(folder: Path, n: int) -> list[str]:
    lines = ["language: nb", "objectives:", f"  - title: {_objective(0)}", "    key_results:"]
    for i in range(n):
        lines += ["      - |", f"        {_kr(i)}"]
    return [_write(folder, "blocks.okr.yaml", lines)]


def yaml_documents(folder: Path, n: int) -> list[str]:
    """'---' documents, each with a suppression comment."""
    lines: list[str] = []
    for i in range(n):
        lines += ["---", "# okrlint: disable=OKR301", "language: nb", "objectives:"]
        lines += _yaml_objective(i)
    return [_write(folder, "documents.okr.yaml", lines)]


def suppression_comments(folder: Path, n: int) -> list[str]:
    """Key results without a number, each silenced by a comment on the line above."""
    lines = ["language: nb", "objectives:", f"  - title: {_objective(0)}", "    key_results:"]
    for i in range(n):
        lines += ["      # okrlint: disable=OKR201", f"      - Selge flere biler i region {i}"]
    return [_write(folder, "suppressed.okr.yaml", lines)]


def baseline_entries(folder: Path, n: int) -> list[str]:
    """A file whose n findings a baseline records (written here, by okrlint)."""
    lines = ["language: nb", "objectives:"]
    for i in range(n):
        lines += [f"  - title: {_objective(i)}", "    key_results:"]
        lines += [f"      - Selge flere biler i region {i}", f"      - {_kr(i)}"]
    name = _write(folder, "legacy.okr.yaml", lines)
    subprocess.run(
        [*okrlint_command(), "check", "--no-cache", "--write-baseline", "baseline.json", name],
        cwd=folder,
        check=True,
        capture_output=True,
    )
    return ["--baseline", "baseline.json", name]


@dataclass(frozen=True)
class Shape:
    name: str
    what: str  # what grows, in the words of the table
    n: int  # the base size
    build: Callable[[Path, int], list[str]]
    needs: tuple[str, ...] = ()  # modules the shape's reader needs: skipped until they exist

    @property
    def available(self) -> bool:
        return all(importlib.util.find_spec(name) is not None for name in self.needs)

    def write(self, folder: Path, n: int) -> list[str]:
        """Write the input at size n into a new folder; the arguments that check it."""
        folder.mkdir(parents=True)
        return self.build(folder, n)


SHAPES = (
    Shape("kr-per-objective", "key results under one objective", 5000, kr_per_objective),
    Shape(
        "objectives-per-file",
        "objectives in one file (3 key results each)",
        1250,
        objectives_per_file,
    ),
    Shape("files", "YAML files (1 objective each)", 1000, files),
    Shape(
        "report-files", "YAML files, reported as HTML, JUnit, SARIF and review", 1000, report_files
    ),
    Shape("text-files", "plain-text files (the same positional ids in each)", 1000, text_files),
    Shape("parent-chain", "objectives in one parent chain", 1250, parent_chain),
    Shape("fan-out", "team objectives on one company key result", 1250, fan_out),
    Shape("missing-parents", "objectives whose parent is missing", 1250, missing_parents),
    Shape("shared-id", "objectives sharing one id", 1250, shared_id),
    Shape("markdown-headings", "Markdown headings (objectives)", 1250, markdown_headings),
    Shape("markdown-table-rows", "Markdown table rows", 2000, markdown_table_rows),
    Shape("csv-rows", "CSV rows", 3000, csv_rows, needs=("okrlint.readers.delimited",)),
    Shape(
        "spreadsheet-rows",
        "spreadsheet rows (.xlsx)",
        3000,
        spreadsheet_rows,
        needs=("okrlint.readers.spreadsheet", "openpyxl"),
    ),
    Shape("text-objectives", "plain-text objectives in one file", 1250, text_objectives),
    Shape(
        "markdown-continuation",
        "continuation lines of one Markdown item",
        20000,
        markdown_continuation,
    ),
    Shape(
        "text-continuation", "continuation lines of one plain-text item", 20000, text_continuation
    ),
    Shape(
        "yaml-block-scalars", "key results written as YAML block scalars", 5000, yaml_block_scalars
    ),
    Shape("yaml-documents", "'---' documents in one file", 1250, yaml_documents),
    Shape("suppression-comments", "suppression comments", 5000, suppression_comments),
    Shape("baseline-entries", "baseline entries", 1250, baseline_entries),
)


# ------------------------------------------------------------------ timing


def okrlint_command() -> list[str]:
    beside = Path(sys.executable).parent / "okrlint"
    return [str(beside)] if beside.exists() else [sys.executable, "-m", "okrlint"]


@dataclass(frozen=True)
class Time:
    wall: float  # seconds
    cpu: float  # user + system seconds of okrlint and its children


def timed(argv: list[str], cwd: Path) -> Time:
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed okrlint has compiled modules
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed:\n{err}")
    return Time(wall, usage.ru_utime + usage.ru_stime)


def median_time(args: list[str], cwd: Path, repeats: int) -> Time:
    argv = [*okrlint_command(), "check", "--no-cache", "-j", "1", *args]
    samples = [timed(argv, cwd) for _ in range(repeats)]
    return Time(
        statistics.median(t.wall for t in samples), statistics.median(t.cpu for t in samples)
    )


def growth(first: float, last: float, start_up: float) -> float | None:
    """(last - start-up) / (first - start-up): 8 when linear from n to 8n, 64 when square."""
    return (last - start_up) / (first - start_up) if first > start_up else None


def measure_shape(shape: Shape, work: Path, scale: float, repeats: int) -> dict:
    base = max(1, round(shape.n * scale))
    one = work / f"{shape.name}-1"
    start_up = median_time(shape.write(one, 1), one, repeats)
    times: dict[int, Time] = {}
    for multiple in MULTIPLES:
        n = base * multiple
        folder = work / f"{shape.name}-{n}x"
        times[n] = median_time(shape.write(folder, n), folder, repeats)
        shutil.rmtree(folder, ignore_errors=True)
    first, last = times[base], times[base * MULTIPLES[-1]]
    return {
        "shape": shape.name,
        "what": shape.what,
        "n": base,
        "start_up": start_up,
        "times": times,
        "cpu_ratio": growth(first.cpu, last.cpu, start_up.cpu),
        "wall_ratio": growth(first.wall, last.wall, start_up.wall),
    }


def measure_pair(work: Path, scale: float, repeats: int) -> dict:
    n = max(5, round(20_000 * scale))
    one, spread = work / "pair-one", work / "pair-spread"
    t_one = median_time(kr_per_objective(_fresh(one), n), one, repeats)
    t_spread = median_time(spread_key_results(_fresh(spread), n), spread, repeats)
    return {
        "key_results": n,
        "one_objective": t_one,
        "spread": t_spread,
        "cpu_ratio": t_one.cpu / t_spread.cpu,
        "wall_ratio": t_one.wall / t_spread.wall,
    }


def _fresh(folder: Path) -> Path:
    folder.mkdir(parents=True)
    return folder


def render(result: dict) -> str:
    lines = [
        f"okrlint {result['okrlint']}, Python {platform.python_version()}, "
        f"{result['cores']} cores; median of {result['repeats']} runs, -j 1, no cache",
        "CPU seconds (user + system); growth = (t(8n) - start-up) / (t(n) - start-up): "
        "8 is linear, 64 square",
        "",
        f"{'shape':24} {'n':>6} {'start-up':>9} {'t(n)':>7} {'t(2n)':>7} {'t(4n)':>7} "
        f"{'t(8n)':>7} {'growth':>7} {'wall':>6}",
    ]
    for r in result["shapes"]:
        cpu = [t.cpu for t in r["times"].values()]
        lines.append(
            f"{r['shape']:24} {r['n']:>6} {r['start_up'].cpu:9.2f} "
            + " ".join(f"{t:7.2f}" for t in cpu)
            + f" {_ratio(r['cpu_ratio']):>7} {_ratio(r['wall_ratio']):>6}"
        )
    pair = result.get("pair")
    if pair:
        lines += [
            "",
            f"{pair['key_results']} key results under one objective: "
            f"{pair['one_objective'].cpu:.2f} s CPU ({pair['one_objective'].wall:.2f} s wall); "
            f"over {pair['key_results'] // 5} objectives: {pair['spread'].cpu:.2f} s CPU "
            f"({pair['spread'].wall:.2f} s wall); ratio {pair['cpu_ratio']:.2f} CPU, "
            f"{pair['wall_ratio']:.2f} wall",
        ]
    return "\n".join(lines)


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shapes", help="comma-separated shape names (default: all)")
    parser.add_argument("--size", type=float, default=1.0, help="scale every base size n")
    parser.add_argument("--repeats", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--no-pair", action="store_true", help="skip the 20 000 key results pair")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    chosen = tuple(s for s in SHAPES if s.available)
    missing = [s.name for s in SHAPES if not s.available]
    if missing:
        print(f"not measured (no reader for them yet): {', '.join(missing)}", file=sys.stderr)
    if args.shapes:
        names = args.shapes.split(",")
        unknown = set(names) - {s.name for s in SHAPES}
        if unknown:
            parser.error(f"unknown shapes: {', '.join(sorted(unknown))}")
        chosen = tuple(s for s in chosen if s.name in names)
    work = Path(tempfile.mkdtemp(prefix="okrlint-scale-"))
    try:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        result: dict = {
            "okrlint": version("okrlint"),
            "cores": cores,
            "repeats": args.repeats,
            "shapes": [],
        }
        for shape in chosen:
            result["shapes"].append(measure_shape(shape, work, args.size, args.repeats))
            print(render(result).splitlines()[-1], file=sys.stderr, flush=True)
        if not args.no_pair:
            result["pair"] = measure_pair(work, args.size, args.repeats)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(render(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, default=asdict), encoding="utf-8")


if __name__ == "__main__":
    main()
