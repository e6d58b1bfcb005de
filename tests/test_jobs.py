"""--jobs: checking in several processes prints exactly what a serial run prints."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import run_okrlint

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
    assert result.code in (0, 1), result.err
    bad = run_okrlint("check", "-j", "-1", "okrs", cwd=corpus)
    assert bad.code == 2 and "--jobs" in bad.err
