"""okrlint's benchmark: wall time, CPU time, peak memory and throughput against spaCy's floor.

    python benchmarks/run.py                        # sizes 10, 1 000, 20 000 key results
    python benchmarks/run.py --sizes 1000,10000,100000 --repeats 5
    python benchmarks/run.py --sizes "" --big 0      # start-up and the cached re-runs only

Every figure is the median of ``--repeats`` runs of a fresh process, measured in the same run
on the same machine as two floors no spaCy-based linter can beat:

(a) start-up: ``python -c "import spacy; spacy.blank('en'); spacy.blank('nb')"``;
(b) throughput: the corpus's element texts (every objective, key result, action and reason,
    duplicates included) through ``spacy.blank(lang).pipe`` and nothing else, in a process
    of its own, start-up included.

Corpora come from ``benchmarks/corpus.py`` (seeded, so every run checks the same bytes). CPU
time and peak memory are the child's own, from ``os.wait4``; CPU includes worker processes,
peak memory is the largest single process. okrlint runs with ``--no-cache`` unless the row
says "cached". Each corpus is checked in one process (``-j 1``), with ``-j 2`` and with the
automatic choice (no ``-j``); "one big file" checks one 4.7 MB YAML file of 14 000 objectives
against the same objectives in 100 files (``--big 0`` leaves it out).

Python runs with its bytecode cache on (``PYTHONDONTWRITEBYTECODE`` is dropped for the
measured commands), as an installed okrlint has its modules compiled.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate, generate_big  # a sibling script, not a package

FLOOR_A = "import spacy; spacy.blank('en'); spacy.blank('nb')"
FLOOR_B = """\
import json, sys
import spacy
texts = json.load(open(sys.argv[1], encoding="utf-8"))
for lang, items in texts.items():
    nlp = spacy.blank(lang)
    for _ in nlp.pipe(items):
        pass
"""


@dataclass(frozen=True)
class Sample:
    wall: float  # seconds
    cpu: float  # user + system seconds, the child and the children it waited for
    peak_mb: float  # largest resident set of one process


@dataclass(frozen=True)
class Row:
    name: str
    wall: float
    cpu: float
    peak_mb: float
    key_results: int = 0
    floor: str = ""  # "a" or "b": the floor this row is compared with
    ratio: float | None = None  # wall time over the floor's
    cpu_ratio: float | None = None  # CPU time over the floor's: steadier on a busy machine

    @property
    def kr_per_s(self) -> float | None:
        return self.key_results / self.wall if self.key_results and self.wall else None


def run_env() -> dict[str, str]:
    """The environment every measured command runs in."""
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("FORCE_COLOR", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed okrlint has compiled modules
    return env


def measure(argv: list[str], cwd: Path | None = None) -> Sample:
    """Run one process to completion; its wall time and its own rusage."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, cwd=cwd, env=run_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode not in (0, 1):  # 1 is "findings", expected on this corpus
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}):\n{err}")
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def median_of(argv: list[str], repeats: int, cwd: Path | None = None) -> Sample:
    samples = [measure(argv, cwd) for _ in range(repeats)]
    return Sample(
        statistics.median(s.wall for s in samples),
        statistics.median(s.cpu for s in samples),
        statistics.median(s.peak_mb for s in samples),
    )


def okrlint_command() -> list[str]:
    beside = Path(sys.executable).parent / "okrlint"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("okrlint")
    return [found] if found else [sys.executable, "-m", "okrlint"]


def row(
    name: str, sample: Sample, krs: int = 0, floor: str = "", base: Sample | None = None
) -> Row:
    ratio = sample.wall / base.wall if base else None
    cpu_ratio = sample.cpu / base.cpu if base else None
    return Row(name, sample.wall, sample.cpu, sample.peak_mb, krs, floor, ratio, cpu_ratio)


def corpus(work: Path, size: int, seed: int, **kwargs) -> tuple[Path, dict]:
    folder = work / f"corpus-{size}"
    summary = generate(folder, size, seed, **kwargs)
    texts = folder / "texts.json"  # beside okrs/, so okrlint never reads it
    texts.write_text(json.dumps(summary.pop("texts"), ensure_ascii=False), encoding="utf-8")
    return folder, summary


def run(args: argparse.Namespace) -> dict:
    okr = okrlint_command()
    py = sys.executable
    work = Path(tempfile.mkdtemp(prefix="okrlint-bench-")) if not args.keep else args.keep
    work.mkdir(parents=True, exist_ok=True)
    rows: list[Row] = []
    try:
        floor_a = median_of([py, "-c", FLOOR_A], args.repeats)
        rows.append(row("floor (a): import spacy + blank en, nb", floor_a))
        for name, extra in (
            ("okrlint --help", ["--help"]),
            ("okrlint rules", ["rules"]),
            ("okrlint explain OKR201", ["explain", "OKR201"]),
        ):
            rows.append(row(name, median_of([*okr, *extra], args.repeats, work)))
        small, _ = corpus(work, 10, args.seed)
        one = sorted((small / "okrs").rglob("*.*"))[0]
        sample = median_of([*okr, "check", "--no-cache", str(one)], args.repeats, small)
        rows.append(row(f"one small file, cold ({one.name})", sample, 0, "a", floor_a))

        rows.extend(cached_thousand(okr, work, args, floor_a))

        series: list[dict] = []
        for size in args.sizes:
            folder, summary = corpus(work, size, args.seed)
            krs = summary["key_results"]
            label = f"{krs:,} KR / {summary['files']:,} files"
            floor_b = median_of([py, "-c", FLOOR_B, str(folder / "texts.json")], args.repeats)
            rows.append(row(f"{label}: floor (b) spaCy pipe", floor_b, krs))
            cold = median_of([*okr, "check", "--no-cache", "-j", "1", "okrs"], args.repeats, folder)
            rows.append(row(f"{label}: okrlint, 1 process", cold, krs, "b", floor_b))
            for jobs in args.jobs:
                sample = median_of(
                    [*okr, "check", "--no-cache", "-j", str(jobs), "okrs"], args.repeats, folder
                )
                rows.append(row(f"{label}: okrlint -j {jobs}", sample, krs, "b", floor_b))
            auto = median_of([*okr, "check", "--no-cache", "okrs"], args.repeats, folder)
            rows.append(row(f"{label}: okrlint, automatic -j", auto, krs, "b", floor_b))
            measure([*okr, "check", "okrs"], folder)  # fill the cache
            cached = median_of([*okr, "check", "okrs"], args.repeats, folder)
            rows.append(row(f"{label}: okrlint, cached re-run", cached, krs))
            series.append(
                {
                    "key_results": krs,
                    "files": summary["files"],
                    "wall": cold.wall,
                    "floor_b": floor_b.wall,
                    "ms_per_kr_over_floor_a": 1000 * (cold.wall - floor_a.wall) / krs,
                }
            )
        if args.big:
            rows.extend(big_file(okr, work, args))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return {"machine": machine(), "repeats": args.repeats, "rows": rows, "series": series}


def cached_thousand(
    okr: list[str], work: Path, args: argparse.Namespace, floor_a: Sample
) -> list[Row]:
    """A re-run over unchanged files named on the command line (the cache's target), with
    poorly written OKRs, reported as text and as JSON: the corpus's first 1 000 files (about
    17 000 findings) and all its 1 338 (about 22 700 findings). Compared with floor (a): a
    re-run that imports no spaCy can take less time than importing it."""
    folder, _ = corpus(work, 12_000, args.seed + 1, good_share=0.0)
    every = sorted(str(p.relative_to(folder)) for p in (folder / "okrs").rglob("*.*"))
    out = []
    for files in (every[:1000], every):
        found = fill_cache(okr, folder, files)
        for fmt in ("text", "json"):
            sample = median_of([*okr, "check", "-f", fmt, *files], args.repeats, folder)
            label = f"{len(files):,} files unchanged, {found:,} findings, cached, {fmt}"
            out.append(row(label, sample, 0, "a", floor_a))
    return out


def fill_cache(okr: list[str], folder: Path, files: list[str]) -> int:
    """Check ``files`` once, filling the cache; how many findings they have."""
    report = folder / "findings.json"  # beside okrs/, never checked
    argv = [*okr, "check", "-f", f"json:{report}", *files]
    proc = subprocess.run(
        argv, cwd=folder, env=run_env(), capture_output=True, text=True, check=False
    )
    if proc.returncode not in (0, 1) or not report.is_file():  # say what okrlint said
        raise SystemExit(
            f"filling the cache wrote no report (exit status {proc.returncode}):\n{proc.stderr}"
        )
    return len(json.loads(report.read_bytes())["findings"])


def big_file(okr: list[str], work: Path, args: argparse.Namespace) -> list[Row]:
    """One large YAML file against the same objectives in 100 files."""
    one = generate_big(work / "big-1", args.big, 1, args.seed)
    generate_big(work / "big-100", args.big, 100, args.seed)
    krs = one["key_results"]
    label = f"{krs:,} KR in one {one['bytes'] / 1e6:.1f} MB file"
    out = []
    for name, folder, extra in (
        (f"{label}, -j 1", work / "big-1", ["-j", "1"]),
        (f"{label}, automatic -j", work / "big-1", []),
        ("the same in 100 files, -j 1", work / "big-100", ["-j", "1"]),
        ("the same in 100 files, automatic -j", work / "big-100", []),
    ):
        sample = median_of([*okr, "check", "--no-cache", *extra, "."], args.repeats, folder)
        out.append(row(name, sample, krs))
    return out


def machine() -> dict:
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    return {
        "platform": platform.platform(),
        "cores": cores,
        "python": platform.python_version(),
        "spacy": version("spacy"),
        "okrlint": version("okrlint"),
    }


def render(result: dict) -> str:
    m = result["machine"]
    lines = [
        f"okrlint {m['okrlint']}, Python {m['python']}, spaCy {m['spacy']}, "
        f"{m['cores']} cores, {m['platform']}; median of {result['repeats']} runs",
        "",
        f"{'':52} {'wall s':>8} {'cpu s':>7} {'peak MB':>8} {'KR/s':>9} {'× floor':>8}"
        f" {'cpu × floor':>12}",
    ]
    for r in result["rows"]:
        rate = f"{r.kr_per_s:,.0f}" if r.kr_per_s else ""
        ratio = f"{r.ratio:.2f} {r.floor}" if r.ratio else ""
        cpu_ratio = f"{r.cpu_ratio:.2f} {r.floor}" if r.cpu_ratio else ""
        lines.append(
            f"{r.name:52} {r.wall:8.3f} {r.cpu:7.2f} {r.peak_mb:8.0f} {rate:>9} {ratio:>8}"
            f" {cpu_ratio:>12}"
        )
    if len(result["series"]) > 1:
        lines += ["", "Linearity (1 process, no cache): ms per key result over floor (a)"]
        for s in result["series"]:
            lines.append(
                f"  {s['key_results']:>8,} KR  {s['wall']:8.2f} s  "
                f"{s['ms_per_kr_over_floor_a']:.3f} ms/KR"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        type=lambda s: [int(x) for x in s.split(",") if x],
        default=[10, 1000, 20000],
        help="key-result counts, comma-separated (default: 10,1000,20000)",
    )
    parser.add_argument("--repeats", type=int, default=3, help="runs per figure (median)")
    parser.add_argument(
        "--jobs",
        type=lambda s: [int(x) for x in s.split(",") if x],
        default=[2],
        help="--jobs values to time besides 1 (default: 2; empty to skip)",
    )
    parser.add_argument(
        "--big",
        type=int,
        default=14_000,
        help="objectives in the one-big-file comparison (default: 14000; 0 to skip)",
    )
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--keep", type=Path, help="generate corpora here and keep them")
    args = parser.parse_args()
    result = run(args)
    print(render(result))
    if args.json:
        data = {**result, "rows": [{**asdict(r), "kr_per_s": r.kr_per_s} for r in result["rows"]]}
        args.json.write_text(json.dumps(data, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
