"""A golden comparison: does a change alter what okrlint prints?

    python benchmarks/golden.py write before/          # on the old code
    python benchmarks/golden.py write after/           # on the new code
    python benchmarks/golden.py compare before/ after/

    python benchmarks/golden.py write before/ --commit abc1234   # the code of a commit
    python benchmarks/golden.py write cached/ --cached   # re-runs read from the cache

``--commit`` runs okrlint's code as it was at that commit (its ``okrlint`` and ``rules``
folders, exported with ``git archive``) on today's inputs and with today's installed
dependencies, so one checkout compares any two commits on the same inputs.

``write`` runs ``okrlint check --no-cache`` over every fixture folder, the hostile files, the
seed article (``../shared/seed`` from the checkout, when it is there), the benchmark corpus
(``benchmarks/corpus.py``, seeded) and the scale shapes of ``benchmarks/scale.py`` at a small
size, and keeps each run's standard output (text), standard error, exit status and its
json, sarif, gitlab, github, junit and html reports in the folder. ``--cached`` runs each case
twice with a cache folder of its own and keeps the second run, read from the cache: compared
with a fresh run's folder, it shows what the cache changes (nothing, byte for byte).

``compare`` lists every difference. JSON reports are compared as data (keys in order and
values), so a change of whitespace alone is counted but is not a difference; every other
file is compared byte for byte. Exit status 0 when nothing but JSON whitespace differs.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from corpus import generate  # a sibling script, not a package  # noqa: E402

FORMATS = ("json", "sarif", "gitlab", "github", "junit", "html")
JSON_FORMATS = frozenset({"json", "sarif", "gitlab"})
SEED = ROOT.parent / "shared" / "seed"
CORPUS_SIZES = (1_000, 20_000)
SHAPE_SIZE = 300  # the scale shapes, small enough to check in a second each


def okrlint_command() -> list[str]:
    beside = Path(sys.executable).parent / "okrlint"
    return [str(beside)] if beside.exists() else [sys.executable, "-m", "okrlint"]


def cases(work: Path, corpus_sizes: tuple[int, ...]) -> Iterator[tuple[str, Path, list[str]]]:
    """(case name, folder to run in, paths to check) for every input the golden covers."""
    fixtures = ROOT / "fixtures"
    for folder in sorted(p for p in fixtures.rglob("*") if p.is_dir()):
        if folder.name == "hostile" or not any(f.is_file() for f in folder.iterdir()):
            continue
        if any(part.startswith(".") for part in folder.relative_to(fixtures).parts):
            continue  # a cache folder a run left behind
        name = "fixtures-" + "-".join(folder.relative_to(fixtures).parts)
        yield name, ROOT, [str(folder.relative_to(ROOT))]
    hostile = sorted(p for p in (fixtures / "hostile").iterdir() if p.suffix in (".yaml", ".yml"))
    yield "hostile", ROOT, [str(p.relative_to(ROOT)) for p in hostile]
    if SEED.is_dir():
        for text in sorted(SEED.iterdir()):
            yield f"seed-{text.stem}", SEED, [text.name]
    else:
        print(f"note: no seed folder at {SEED}; the seed article is left out", file=sys.stderr)
    for size in corpus_sizes:
        folder = work / f"corpus-{size}"
        generate(folder, size)
        yield f"corpus-{size}", folder, ["okrs"]
    from scale import SHAPES  # a sibling script too

    for shape in (s for s in SHAPES if s.available):
        folder = work / f"shape-{shape.name}"
        paths = shape.write(folder, SHAPE_SIZE)
        yield f"shape-{shape.name}", folder, paths


def code_at(commit: str, folder: Path) -> Path:
    """okrlint's package as it was at ``commit``, laid out as installed, under ``folder``."""
    export = folder / "export"
    export.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "archive", commit, "okrlint", "rules"], cwd=ROOT, capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(export)], input=archive.stdout, check=True)
    package = folder / "code"
    package.mkdir()
    (export / "okrlint").rename(package / "okrlint")
    shutil.rmtree(package / "okrlint" / "rules", ignore_errors=True)
    (export / "rules").rename(package / "okrlint" / "rules")  # as pyproject's package-dir
    return package


def write(
    out: Path,
    corpus_sizes: tuple[int, ...],
    jobs: str | None,
    commit: str | None = None,
    cached: bool = False,
) -> None:
    out.mkdir(parents=True, exist_ok=True)
    okr = okrlint_command()
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    env.pop("FORCE_COLOR", None)
    work = Path(tempfile.mkdtemp(prefix="okrlint-golden-"))
    if commit:  # found before the installed (editable) okrlint: see the module's docstring
        env["PYTHONPATH"] = str(code_at(commit, work / "commit"))
    try:
        for name, cwd, paths in cases(work, corpus_sizes):
            reports = [f"{fmt}:{(out / f'{name}.{fmt}').resolve()}" for fmt in FORMATS]
            cache = ["--cache-dir", str(work / "cache" / name)] if cached else ["--no-cache"]
            argv = [*okr, "check", *cache, "--no-progress", "-f", "text"]
            argv += [arg for report in reports for arg in ("-f", report)]
            argv += ["-j", jobs] if jobs else []
            if cached:  # the first run fills the cache, the second is read from it
                subprocess.run([*argv, *paths], cwd=cwd, env=env, capture_output=True)
            proc = subprocess.run([*argv, *paths], cwd=cwd, env=env, capture_output=True)
            (out / f"{name}.text").write_bytes(proc.stdout)
            (out / f"{name}.stderr").write_bytes(proc.stderr)
            (out / f"{name}.status").write_text(f"{proc.returncode}\n", encoding="utf-8")
            print(f"{name}: exit {proc.returncode}", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _as_data(raw: bytes):
    return json.loads(raw, object_pairs_hook=list)  # keys in order, compared as written


def compare(before: Path, after: Path) -> int:
    names = sorted({p.name for p in before.iterdir()} | {p.name for p in after.iterdir()})
    differ = whitespace = 0
    for name in names:
        a, b = before / name, after / name
        if not a.exists() or not b.exists():
            print(f"only in {before if a.exists() else after}: {name}")
            differ += 1
            continue
        old, new = a.read_bytes(), b.read_bytes()
        if old == new:
            continue
        if name.rsplit(".", 1)[-1] in JSON_FORMATS and _same_data(old, new):
            whitespace += 1
            continue
        differ += 1
        print(f"--- {name} differs")
        lines = difflib.unified_diff(
            old.decode("utf-8", "replace").splitlines(),
            new.decode("utf-8", "replace").splitlines(),
            str(a),
            str(b),
            lineterm="",
            n=1,
        )
        for number, line in enumerate(lines):
            if number == 40:
                print("    …")
                break
            print("    " + line[:200])
    print(
        f"{len(names)} files compared: {differ} differ, {whitespace} differ in JSON whitespace only"
    )
    return 1 if differ else 0


def _same_data(old: bytes, new: bytes) -> bool:
    try:
        return _as_data(old) == _as_data(new)
    except ValueError:
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write", help="run okrlint over every golden input into FOLDER")
    w.add_argument("folder", type=Path)
    w.add_argument(
        "--corpus",
        type=lambda s: tuple(int(x) for x in s.split(",") if x),
        default=CORPUS_SIZES,
        help="benchmark corpus sizes in key results (default: 1000,20000)",
    )
    w.add_argument("--jobs", help="pass --jobs N to every run (default: okrlint's choice)")
    w.add_argument("--commit", help="run okrlint's code as at this commit (default: the checkout)")
    w.add_argument(
        "--cached",
        action="store_true",
        help="record a re-run read from the cache (filled by a first run), not a fresh run",
    )
    c = sub.add_parser("compare", help="compare two folders written by 'write'")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "write":
        write(args.folder, args.corpus, args.jobs, args.commit, args.cached)
    else:
        raise SystemExit(compare(args.before, args.after))


if __name__ == "__main__":
    main()
