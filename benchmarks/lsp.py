"""The language server's benchmark: how long an editor waits for okrlint's diagnostics.

    python benchmarks/lsp.py                       # 200 edits, 1 000 for memory, 5 starts
    python benchmarks/lsp.py --edits 50 --memory-edits 200 --starts 3 --json lsp.json

It drives ``okrlint server`` over stdio exactly as an editor does (initialize, open, small
incremental edits, close, shutdown) on a generated Norwegian YAML document of 50 key results
in a workspace that also holds the company file it hangs under, and reports:

- **latency**: median and p95 from sending ``textDocument/didChange`` to receiving the
  ``publishDiagnostics`` for that version, over ``--edits`` edits, each a few characters in a
  key result (a new number typed), the server warm. The next edit is sent when the last one's
  diagnostics arrived, so each figure is one edit's whole cost;
- **first diagnostics**: from starting the server process to the first diagnostics of the
  opened document (Python's start, okrlint and pygls imported, spaCy loaded, the check),
  against a cold ``okrlint check --no-cache`` of the same file, measured in the same run,
  alternating, ``--starts`` times each (medians);
- **memory**: the server's resident memory after a warm-up of 100 edits and after
  ``--memory-edits`` edits, and the growth between them.

Targets (issue 16): p95 at most 50 ms; first diagnostics at most 1.3 × the cold CLI run;
memory growth at most 10 %.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from corpus import Objective, _company, key_result, objective, render_yaml  # sibling scripts
from lsp_client import LspClient

SEED = 20260116
KEY_RESULTS = 50


def okrlint_command() -> list[str]:
    beside = Path(sys.executable).parent / "okrlint"
    return [str(beside) if beside.exists() else shutil.which("okrlint") or "okrlint"]


def workspace(folder: Path) -> Path:
    """A team file of 50 key results (10 objectives of 5) under a company file; returns the
    team file."""
    rng = random.Random(SEED)
    company, parents = _company("nb", random.Random(SEED + 1))
    okrs = folder / "okrs"
    okrs.mkdir(parents=True)
    (okrs / "selskap.okr.yaml").write_text(company, encoding="utf-8")
    objectives = []
    for _ in range(KEY_RESULTS // 5):
        title, why = objective(rng, "nb")
        krs = [key_result(rng, "nb") for _ in range(5)]
        objectives.append(Objective(title, why, krs, [], rng.choice(parents)))
    team = okrs / "salg.okr.yaml"
    team.write_text(render_yaml("nb", "Salg", "2026-Q1", objectives, 1), encoding="utf-8")
    return team


def typing_positions(text: str) -> list[tuple[int, int]]:
    """Where the edits go: the end of each key result's line (0-based line, column before
    the closing quote), so every edit changes one key result's text."""
    places = []
    for number, line in enumerate(text.split("\n")):
        if line.startswith("      - ") and line.endswith('"'):
            places.append((number, len(line) - 1))
    return places


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def edit_session(team: Path, root: Path, edits: int, memory_edits: int) -> dict:
    client = LspClient([*okrlint_command(), "server"], cwd=root)
    try:
        client.initialize(root)
        text = team.read_text(encoding="utf-8")
        uri = client.open(team, text)
        client.diagnostics(uri, timeout=120, version=1)
        places = typing_positions(text)
        suffix = {}  # what has been typed at each place so far
        latencies, memory = [], {}
        total = max(edits, memory_edits)
        for n in range(1, total + 1):
            line, column = places[n % len(places)]
            typed = suffix.get(line, "")
            # type a number after the key result: " 1", then " 12", " 123" ... cut back at 6
            new = f" {n % 1000}" if len(typed) < 6 else ""
            start, end = (line, column), (line, column + len(typed))
            suffix[line] = new
            version_now = n + 1
            sent = client.edit(uri, version_now, start, end, new)
            arrived, _ = client.diagnostics(uri, timeout=60, version=version_now)
            if n <= edits:
                latencies.append((arrived - sent) * 1000)
            if n == 100:
                memory["after_100"] = rss_mb(client.process.pid)
            if n == memory_edits:
                memory[f"after_{memory_edits}"] = rss_mb(client.process.pid)
        client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        status = client.shutdown()
    finally:
        client.kill()
    latencies.sort()
    p95 = latencies[max(0, round(0.95 * len(latencies)) - 1)]
    first, last = memory.get("after_100"), memory.get(f"after_{memory_edits}")
    return {
        "edits": len(latencies),
        "median_ms": statistics.median(latencies),
        "p95_ms": p95,
        "max_ms": latencies[-1],
        "memory_mb": memory,
        "memory_growth": (last - first) / first if first and last else None,
        "exit_status": status,
    }


def first_diagnostics(team: Path, root: Path) -> tuple[float, float]:
    """(start to the first diagnostics, start to the answer to initialize) in seconds."""
    client = LspClient([*okrlint_command(), "server"], cwd=root)
    try:
        client.initialize(root)
        initialized = next(t for t, m in client.seen if m.get("id") == 1)
        uri = client.open(team, team.read_text(encoding="utf-8"))
        arrived, _ = client.diagnostics(uri, timeout=120)
        client.shutdown()
        return arrived - client.started, initialized - client.started
    finally:
        client.kill()


def cold_version() -> float:
    """``okrlint --version``: Python's start and okrlint's command line, nothing more."""
    started = time.perf_counter()
    subprocess.run([*okrlint_command(), "--version"], capture_output=True)
    return time.perf_counter() - started


def cold_cli(team: Path, root: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [*okrlint_command(), "check", "--no-cache", str(team)], cwd=root, capture_output=True
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--memory-edits", type=int, default=1000)
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="okrlint-lsp-") as tmp:
        root = Path(tmp)
        team = workspace(root)
        cold_cli(team, root)  # one run first, so neither side pays for a cold disk cache
        servers, inits, clis, versions = [], [], [], []
        for _ in range(args.starts):
            clis.append(cold_cli(team, root))
            first, init = first_diagnostics(team, root)
            servers.append(first)
            inits.append(init)
            versions.append(cold_version())
        session = edit_session(team, root, args.edits, args.memory_edits)
    server, cli = statistics.median(servers), statistics.median(clis)
    init, bare = statistics.median(inits), statistics.median(versions)
    figures = {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "spacy": version("spacy"),
        "pygls": version("pygls"),
        "key_results": KEY_RESULTS,
        "first_diagnostics_s": server,
        "cold_cli_s": cli,
        "first_vs_cli": server / cli,
        "initialize_answered_s": init,
        "cold_version_s": bare,
        **session,
    }
    print(f"platform {figures['platform']}, Python {figures['python']}, pygls {figures['pygls']}")
    print(f"document: {KEY_RESULTS} key results (YAML, nb) under a company file")
    print(
        f"didChange -> publishDiagnostics over {session['edits']} edits: "
        f"median {session['median_ms']:.1f} ms, p95 {session['p95_ms']:.1f} ms, "
        f"max {session['max_ms']:.1f} ms (target p95 <= 50 ms)"
    )
    print(
        f"first diagnostics {server:.2f} s vs cold CLI run {cli:.2f} s: "
        f"{server / cli:.2f} x (target <= 1.3 x; medians of {args.starts})"
    )
    print(
        f"  the server answers initialize after {init:.2f} s, where 'okrlint --version' takes "
        f"{bare:.2f} s: {init - bare:.2f} s to import pygls and lsprotocol (a CLI run does not)"
    )
    memory = session["memory_mb"]
    growth = session["memory_growth"]
    print(
        f"memory: {' -> '.join(f'{v:.1f} MB ({k})' for k, v in memory.items())}"
        + (f", growth {growth * 100:+.1f} % (target <= 10 %)" if growth is not None else "")
    )
    print(f"server exit status after shutdown/exit: {session['exit_status']}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
