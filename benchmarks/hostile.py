"""Hostile inputs against a plain one: no input of up to 1 MB may take longer than 10 times
the time of a plain 1 MB OKR file. The hostile benchmark.

    python benchmarks/hostile.py                       # every input, median of 3 runs
    python benchmarks/hostile.py --inputs label-spaces,glob --repeats 5 --json hostile.json

Each input is at most 1 000 000 bytes: a Markdown comment of a million spaces, label lines,
``{#id}`` and closing ``#`` with long runs of spaces, title lines full of periods, thousands
of suppression comments, a one-megabyte key result, numbers of 308 digits, YAML at the
nesting and alias limits, bytes that are no text, a backtracking ``exclude`` glob against a
long file name, control and bidirectional characters. Every one once took seconds to
minutes, or crashed; see issue "never hang, never crash".

The plain input is a realistic 1 MB YAML file from ``benchmarks/corpus.py`` (Norwegian OKRs,
a third of them with problems). Every figure is the median wall time of ``--repeats`` runs of
``okrlint check --no-cache -j 1`` in a fresh process, start-up included, measured in the same
run on the same machine; the ratio is hostile / plain and must stay at or below 10. A ratio
above the bound makes the exit status 1.
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
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate_big  # a sibling script, not a package

LIMIT = 1_000_000  # bytes: the largest input measured
BOUND = 10.0  # hostile / plain


@dataclass(frozen=True)
class Input:
    name: str
    what: str
    write: Callable[[Path], list[str]]  # writes into the folder, returns the check arguments


def _fill(head: str, unit: str, tail: str = "\n") -> str:
    """``head`` + ``unit`` repeated + ``tail``, as close to LIMIT bytes as it goes."""
    room = LIMIT - len((head + tail).encode()) - 1
    return head + unit * (room // len(unit.encode())) + tail


def _one(name: str, text: str | bytes) -> Callable[[Path], list[str]]:
    def write(folder: Path) -> list[str]:
        data = text.encode("utf-8") if isinstance(text, str) else text
        assert len(data) <= LIMIT, (name, len(data))
        (folder / name).write_bytes(data)
        return [name]

    return write


def _lines(make: Callable[[int], str], head: str = "") -> str:
    out, size, i = [head], len(head.encode()), 0
    while True:
        line = make(i) + "\n"
        size += len(line.encode())
        if size > LIMIT:
            return "".join(out)
        out.append(line)
        i += 1


def _glob(folder: Path) -> list[str]:
    (folder / "okrs").mkdir()
    (folder / "pyproject.toml").write_text(
        '[tool.okrlint]\nexclude = ["*a*a*a*a*a*a*a*a*b", "okrs/**/*a*a*a*a*a*a*c"]\n',
        encoding="utf-8",
    )
    plain = "period: 2026-Q1\nobjectives:\n  - title: Vokse, fordi vi vil\n    key_results:\n"
    for n in range(200):
        name = f"{'a' * 200}{n:03d}.yaml"
        (folder / "okrs" / name).write_text(plain + f"      - Øke salg fra {n} til {n + 1}\n")
    return ["okrs"]


def _aliases(folder: Path) -> list[str]:
    # at the limit: an anchor on 40 key results used 12 times (480 nodes of expansion),
    # in documents repeated to 1 MB
    krs = ", ".join(f"'Øke salg fra {i} til {i + 1}'" for i in range(40))
    doc = (
        "period: 2026-Q1\nx-felles: &krs ["
        + krs
        + "]\nobjectives:\n"
        + "".join(f"  - title: Vokse {i}, fordi vi vil\n    key_results: *krs\n" for i in range(12))
    )
    text = _lines(lambda i: "---\n" + doc.rstrip("\n"), "")
    return _one("aliases.okr.yaml", text)(folder)


def _nesting(folder: Path) -> list[str]:
    deep = "[" * 48 + "x" + "]" * 48
    text = _lines(lambda i: f"x{i}: {deep}", "period: 2026-Q1\nobjectives: []\n")
    return _one("deep.okr.yaml", text)(folder)


def _suppressions(i: int) -> str:
    return f"      - Arrangere kundekveld nr {i}  # okrlint: disable=OKR201,kr-vague-quantifier"


INPUTS = (
    Input(
        "md-comment-spaces",
        "a Markdown suppression comment of a million spaces (5 000 took 83 s)",
        _one(
            "comment.okr.md",
            _fill("## Mål: Vokse, fordi vi vil\n\n<!-- okrlint-disable", " ", "x\n- Øke salg\n"),
        ),
    ),
    Input(
        "md-comments-many",
        "a line of 40 000 unclosed okrlint-disable comments",
        _one("comments.okr.md", _fill("", "<!-- okrlint-disable ")),
    ),
    Input(
        "label-spaces",
        "a plain-text label line: 'Objective', a million spaces, 'x'",
        _one("label.okr.txt", _fill("Objective", " ", "x\n")),
    ),
    Input(
        "label-qualifier",
        "'O1 for team', spaces, '2', spaces, 'x'",
        _one("qualifier.okr.txt", "O1 for team" + " " * 499_000 + "2" + " " * 499_000 + "x\n"),
    ),
    Input(
        "explicit-id",
        "a heading's {#id} followed by a million spaces",
        _one("id.okr.md", _fill("## Vokse {#salg}", " ", "x\n")),
    ),
    Input(
        "closing-hash",
        "a heading's closing '#' between two runs of spaces",
        _one("hash.okr.md", "# Vokse" + " " * 499_000 + "#" + " " * 499_000 + "x\n"),
    ),
    Input(
        "title-periods",
        "a title line of 330 000 periods ('Q1 Q1 Q1 …')",
        _one("title.okr.md", _fill("# OKR ", "Q1 ")),
    ),
    Input(
        "period-spaces",
        "a title 'OKR Q1', spaces, '/', spaces",
        _one("period.okr.md", "# OKR Q1" + " " * 499_000 + "/" + " " * 499_000 + "x\n"),
    ),
    Input(
        "kr-prefix",
        "a key result '1.2' followed by a million spaces",
        _one("prefix.okr.md", _fill("## Objective: Vokse, fordi vi vil\n\n- 1.2", " ", "x\n")),
    ),
    Input(
        "trailing-comments",
        "a text line of 500 000 '#a' (each a possible trailing comment)",
        _one("comments.okr.txt", _fill("Objective: Vokse ", "#a")),
    ),
    Input(
        "hash-suppression",
        "a suppression comment listing 330 000 codes, the last one broken",
        _one("codes.okr.yaml", _fill("# okrlint: disable=", "A, ", "-\nobjectives: []\n")),
    ),
    Input(
        "suppression-comments",
        "12 000 key results, each with a suppression comment (16k took 45 s)",
        _one(
            "suppressed.okr.yaml",
            _lines(
                _suppressions,
                "period: 2026-Q1\nobjectives:\n  - title: Vokse, fordi vi vil\n    key_results:\n",
            ),
        ),
    ),
    Input(
        "one-key-result",
        "one key result of a million characters",
        _one(
            "long.okr.txt",
            _fill(
                "Objective: Vokse, fordi vi vil\nKey results:\n• Øke salg fra 10 til 20 ", "og mer "
            ),
        ),
    ),
    Input(
        "huge-numbers",
        "key results with numbers of 308 digits, 1e400, 0x and 4 000 hex digits",
        _one(
            "numbers.okr.yaml",
            _lines(
                lambda i: (
                    f"      - title: Doble salget fra 1 til 1{'0' * 307}\n"
                    f"        baseline: 1e400\n        target: 0x{'f' * 400}"
                ),
                "period: 2026-Q1\nobjectives:\n  - title: Vokse, fordi vi vil\n    key_results:\n",
            ),
        ),
    ),
    Input("yaml-aliases", "documents with aliases at the expansion limit", _aliases),
    Input("yaml-nesting", "keys nested 48 levels deep, to 1 MB", _nesting),
    Input(
        "binary",
        "a megabyte of bytes that are no text",
        _one("noise.okr.yaml", bytes(range(256)) * (LIMIT // 256)),
    ),
    Input(
        "control-characters",
        "key results full of ANSI escapes and bidirectional controls",
        _one(
            "controls.okr.md",
            _lines(
                lambda i: f"- Øke salg \x1b[31m\u202e fra {i} til {i + 1}\u2066 \x07",
                "## Objective: Vokse, fordi vi vil\n\n",
            ),
        ),
    ),
    Input("glob", "an exclude glob '*a*a*a*a*a*a*a*a*b' against 200 long file names", _glob),
)


# ------------------------------------------------------------------ timing


def okrlint_command() -> list[str]:
    beside = Path(sys.executable).parent / "okrlint"
    return [str(beside)] if beside.exists() else [sys.executable, "-m", "okrlint"]


def timed(argv: list[str], cwd: Path) -> tuple[float, int]:
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed okrlint has compiled modules
    start = time.perf_counter()
    proc = subprocess.run(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    if "internal error" in proc.stderr.decode(errors="replace"):
        raise SystemExit(f"{' '.join(argv)} crashed:\n{proc.stderr.decode(errors='replace')}")
    return wall, proc.returncode


def median_time(args: list[str], cwd: Path, repeats: int) -> tuple[float, int]:
    argv = [*okrlint_command(), "check", "--no-cache", "-j", "1", *args]
    runs = [timed(argv, cwd) for _ in range(repeats)]
    return statistics.median(t for t, _ in runs), runs[-1][1]


def measure(work: Path, chosen: tuple[Input, ...], repeats: int) -> dict:
    plain = work / "plain"
    objectives = 900
    made = generate_big(plain, objectives)
    objectives = objectives * LIMIT // made["bytes"] + 25  # about 1 MB, then down to it
    shutil.rmtree(plain)
    made = generate_big(plain, objectives)
    while made["bytes"] > LIMIT:  # the largest realistic file that stays within 1 MB
        objectives -= 25
        shutil.rmtree(plain)
        made = generate_big(plain, objectives)
    t_plain, _ = median_time(made["files"], plain, repeats)
    result: dict = {
        "okrlint": version("okrlint"),
        "python": platform.python_version(),
        "cores": len(os.sched_getaffinity(0))
        if hasattr(os, "sched_getaffinity")
        else os.cpu_count(),
        "repeats": repeats,
        "plain": {"bytes": made["bytes"], "key_results": made["key_results"], "time": t_plain},
        "inputs": [],
    }
    for item in chosen:
        folder = work / item.name
        folder.mkdir()
        args = item.write(folder)
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        t, code = median_time(args, folder, repeats)
        result["inputs"].append(
            {
                "input": item.name,
                "what": item.what,
                "bytes": size,
                "time": t,
                "exit": code,
                "ratio": t / t_plain,
            }
        )
        shutil.rmtree(folder, ignore_errors=True)
        print(_row(result["inputs"][-1]), file=sys.stderr, flush=True)
    return result


def render(result: dict) -> str:
    plain = result["plain"]
    lines = [
        f"okrlint {result['okrlint']}, Python {result['python']}, {result['cores']} cores; "
        f"median of {result['repeats']} runs, -j 1, no cache",
        f"plain: {plain['bytes']:,} bytes of YAML, {plain['key_results']:,} key results, "
        f"{plain['time']:.2f} s".replace(",", " "),
        "",
        f"{'input':22} {'bytes':>9} {'time':>7} {'exit':>4} {'ratio':>6}",
    ]
    lines += [_row(r) for r in result["inputs"]]
    if result["inputs"]:
        worst = max(result["inputs"], key=lambda r: r["ratio"])
        lines += ["", f"worst: {worst['input']} at {worst['ratio']:.2f} x plain (bound {BOUND:g})"]
    return "\n".join(lines)


def _row(r: dict) -> str:
    return f"{r['input']:22} {r['bytes']:>9} {r['time']:7.2f} {r['exit']:>4} {r['ratio']:6.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", help="comma-separated input names (default: all)")
    parser.add_argument("--repeats", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    chosen = INPUTS
    if args.inputs:
        names = args.inputs.split(",")
        unknown = set(names) - {i.name for i in INPUTS}
        if unknown:
            parser.error(f"unknown inputs: {', '.join(sorted(unknown))}")
        chosen = tuple(i for i in INPUTS if i.name in names)
    work = Path(tempfile.mkdtemp(prefix="okrlint-hostile-"))
    try:
        result = measure(work, chosen, args.repeats)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(render(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    if any(r["ratio"] > BOUND for r in result["inputs"]):
        sys.exit(1)


if __name__ == "__main__":
    main()
