"""--jobs: checking in several processes prints exactly what a serial run prints."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import run_okrlint_process as run_okrlint

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated corpus: both languages, all three formats, good and bad OKRs, a cascade."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from corpus import generate
    finally:
        sys.path.remove(str(BENCHMARKS))
    folder = tmp_path_factory.mktemp("jobs")
    summary = generate(folder, 300, seed=7)
    suffixes = {p.suffix for p in (folder / "okrs").rglob("*.*")}
    assert suffixes == {".yaml", ".md", ".txt"} and set(summary["texts"]) == {"nb", "en"}
    (folder / "okrs" / "broken.yaml").write_text("objectives: [\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_parallel_output_is_byte_identical_to_serial(corpus: Path, fmt: str) -> None:
    serial = run_okrlint("check", "--no-cache", "-j", "1", "--format", fmt, "okrs", cwd=corpus)
    parallel = run_okrlint("check", "--no-cache", "-j", "2", "--format", fmt, "okrs", cwd=corpus)
    assert serial.code == 2  # the broken file is an input error among findings
    assert "okrs/broken.yaml" in serial.out + serial.err and "OKR201" in serial.out
    assert (parallel.code, parallel.out, parallel.err) == (serial.code, serial.out, serial.err)


def test_parallel_run_fills_the_cache_a_serial_run_then_reads(corpus: Path, tmp_path: Path) -> None:
    cache = str(tmp_path / "cache")
    serial = run_okrlint("check", "--no-cache", "-j", "1", "okrs", cwd=corpus)
    parallel = run_okrlint("check", "--cache-dir", cache, "-j", "2", "okrs", cwd=corpus)
    cached = run_okrlint("check", "--cache-dir", cache, "-j", "1", "okrs", cwd=corpus)
    assert parallel.out == serial.out == cached.out
    assert len(list(Path(cache).rglob("*.json"))) > 10


def test_jobs_zero_means_one_per_core_and_negative_is_a_usage_error(corpus: Path) -> None:
    result = run_okrlint("check", "--no-cache", "-j", "0", "okrs/company-nb.yaml", cwd=corpus)
    assert result.code == 1, result.err
    bad = run_okrlint("check", "-j", "-1", "okrs", cwd=corpus)
    assert bad.code == 2 and "--jobs" in bad.err


def _processes_in_group(group: int) -> list[int]:
    """The processes whose process group is ``group`` (Linux: from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # it ended while we looked
            continue
        fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (command) "
        if int(fields[2]) == group and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def _start_in_own_group(*args: str, cwd: Path) -> subprocess.Popen:
    from conftest import okrlint_executable

    return subprocess.Popen(
        [okrlint_executable(), *args],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its process group is its pid: its workers join it
    )


@pytest.fixture(scope="module")
def large_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from corpus import generate
    finally:
        sys.path.remove(str(BENCHMARKS))
    folder = tmp_path_factory.mktemp("jobs-large")
    generate(folder, 4000, seed=11)
    return folder


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_workers_die_with_a_killed_parent(large_corpus: Path) -> None:
    run = _start_in_own_group("check", "--no-cache", "-j", "2", "okrs", cwd=large_corpus)
    deadline = time.monotonic() + 60
    while len(_processes_in_group(run.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1)  # the worker is busy with its first chunk
    assert run.poll() is None, "the run ended before it could be killed"
    assert len(_processes_in_group(run.pid)) >= 2  # okrlint and its worker
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    time.sleep(2)
    assert _processes_in_group(run.pid) == []


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_no_worker_outlives_a_finished_run(corpus: Path) -> None:
    run = _start_in_own_group("check", "--no-cache", "-j", "2", "okrs", cwd=corpus)
    _, err = run.communicate(timeout=300)
    assert run.returncode == 2, err  # the corpus's broken file
    assert _processes_in_group(run.pid) == []  # at once: workers are reaped before okrlint exits


def test_automatic_jobs_use_idle_cores_only_for_enough_lines_in_several_files(
    monkeypatch,
) -> None:
    from okrlint import parallel

    monkeypatch.setattr(parallel, "cpu_count", lambda: 2)
    monkeypatch.setattr(parallel.os, "getloadavg", lambda: (0.1, 0.1, 0.1), raising=False)
    line = b"      - Increase revenue from 10 to 20\n"
    big = [(f"f{i}.okr.yaml", line * 2_000) for i in range(10)]  # 20 000 lines
    assert parallel.choose_jobs(None, big) == 2
    assert parallel.choose_jobs(None, big[:1] * 1) == 1  # one file is one process's work
    assert parallel.choose_jobs(None, [(n, line * 500) for n, _ in big]) == 1  # 5 000 lines
    monkeypatch.setattr(parallel.os, "getloadavg", lambda: (2.6, 2.0, 2.0), raising=False)
    assert parallel.choose_jobs(None, big) == 1  # the other core is busy
    assert parallel.choose_jobs(2, big[:1]) == 2  # asked for: as asked
    assert parallel.choose_jobs(0, big) == 2  # 0: one per core


def test_files_are_shared_by_lines_and_never_split() -> None:
    from okrlint.parallel import _chunks

    long_lines = ("a", (b"x" * 999 + b"\n") * 10)  # 10 000 bytes in 10 lines
    short_lines = [("b", b"x\n" * 1000), ("c", b"x\n" * 1000)]  # 2 000 bytes in 1 000 lines
    chunks = _chunks([long_lines, *short_lines], 2)
    # by bytes, the first file would be a chunk of its own
    assert [[name for name, _ in chunk] for chunk in chunks] == [["a", "b"], ["c"]]
