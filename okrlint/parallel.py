"""The per-file part of a run, in this process or spread over worker processes.

Per file: parse, resolve the language, analyse every element (spaCy, batched with
``nlp.pipe``) and run the rules that look at one element at a time. Document rules, which
may read the whole OKR set, run afterwards in the main process on every document.

With ``--jobs N`` this process and N - 1 workers share the files, in chunks: the workers
take chunks from the front, this process from the back, until they meet. Workers are
started with ``spawn`` (never a plain ``fork`` of a process that may hold threads), receive
``(display path, bytes)`` pairs and the config, build each language's pipeline once, and
send back plain model objects. Results are put back in chunk order, so the output of
``--jobs N`` is the same, byte for byte, as a serial run.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from okrlint.config import Config
from okrlint.engine import ActiveRule, analyse, element_texts, error_finding, run_rules
from okrlint.errors import OkrlintError
from okrlint.model import Document, Finding
from okrlint.report import FileResult
from okrlint.rule import Target

# Below this much input a second process costs more than it saves: each worker imports
# spaCy and builds its pipelines (about a second) before it checks anything. Measured with
# benchmarks/run.py; about 4 000 key results of typical YAML.
PARALLEL_MIN_BYTES = 400_000
CHUNKS_PER_JOB = 8  # small pieces even out uneven files and the start of the workers

Input = tuple[str, bytes]  # (display path, file bytes)
Analyses = dict[tuple[str, str], Any]


@dataclass(frozen=True)
class FileOutcome:
    """One file's result and the findings of the per-element rules (and OKR000) in it."""

    result: FileResult
    findings: tuple[Finding, ...]


def element_rules(active: Sequence[ActiveRule]) -> list[ActiveRule]:
    return [a for a in active if a.rule.target is not Target.DOCUMENT]


def document_rules(active: Sequence[ActiveRule]) -> list[ActiveRule]:
    return [a for a in active if a.rule.target is Target.DOCUMENT]


def check_files(
    inputs: Sequence[Input],
    config: Config,
    options: Any,
    active: Sequence[ActiveRule] | None = None,
    keep_analyses: bool = True,
) -> tuple[list[FileOutcome], Analyses]:
    """Parse, analyse and check a batch of files with the per-element rules."""
    from okrlint.runner import active_rules, parse_input

    if active is None:  # a worker process: build the rule set from the config
        active = active_rules(config)
    parsed: list[FileResult] = []
    errors: dict[str, Finding] = {}
    for display, data in inputs:
        try:
            parsed.append(parse_input(display, data, config, options))
        except OkrlintError as exc:
            path = exc.path or display
            errors[display] = error_finding(path, exc.line, exc.message)
            parsed.append(FileResult(path=path, errors=1))
    documents = [doc for result in parsed for doc in result.documents]
    analyses = analyse(documents) if documents else {}
    by_path: dict[str, list[Finding]] = {}
    for finding in run_rules(documents, element_rules(active), config, analyses, documents):
        by_path.setdefault(finding.path, []).append(finding)
    outcomes = []
    for (display, _), result in zip(inputs, parsed, strict=True):
        own = [errors[display]] if display in errors else by_path.get(result.path, [])
        outcomes.append(FileOutcome(result, tuple(own)))
    return outcomes, (analyses if keep_analyses else {})


def choose_jobs(requested: int | None, inputs: Sequence[Input]) -> int:
    """``--jobs``; by default every core, but only when the input is large enough to pay."""
    if requested is not None:
        return max(1, requested) if requested > 0 else cpu_count()
    if len(inputs) < 2 or sum(len(data) for _, data in inputs) < PARALLEL_MIN_BYTES:
        return 1
    return cpu_count()


def cpu_count() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _chunks(inputs: Sequence[Input], count: int) -> list[list[Input]]:
    """Consecutive runs of inputs with about the same number of bytes each."""
    total = sum(len(data) for _, data in inputs) or 1
    size = total / count
    chunks: list[list[Input]] = [[]]
    filled = 0
    for item in inputs:
        if chunks[-1] and filled >= size * len(chunks):
            chunks.append([])
        chunks[-1].append(item)
        filled += len(item[1])
    return chunks


def _context():  # -> multiprocessing.context.BaseContext, imported only when needed
    """``spawn``: fresh interpreters on every platform (no fork of a process that may hold
    threads or a half-built spaCy), and the workers are this process's own children, so
    their CPU time shows in its resource usage."""
    import multiprocessing

    return multiprocessing.get_context("spawn")


_worker_ready = False  # set in a worker process by its first chunk


def _work(chunk: list[Input], config: Config, options: Any, keep: bool):
    from okrlint.language import remember_analyses

    global _worker_ready
    if not _worker_ready:  # the first chunk of this worker process
        _worker_ready = True
        gc.disable()  # as in the main process (okrlint.cli.main): nothing here makes cycles
        remember_analyses()  # this worker may get more chunks with the same texts
        atexit.register(_leave_now)
    return check_files(chunk, config, options, None, keep)


def _leave_now() -> None:
    """A worker's last act once the pool is shut down: leave without freeing its objects one
    by one (as the okrlint command does), which the main process would otherwise wait for.
    multiprocessing has already run its own exit handling, and nothing is left to send."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(0)


def run_files(
    inputs: Sequence[Input],
    config: Config,
    options: Any,
    active: Sequence[ActiveRule],
    jobs: int,
    keep_analyses: bool,
    progress: Callable[[str, int, int], None] | None = None,
) -> tuple[list[FileOutcome], Analyses]:
    """``check_files`` over all inputs, serially or in ``jobs`` processes; input order kept."""
    jobs = min(jobs, len(inputs))
    if jobs <= 1:
        return check_files(inputs, config, options, active, keep_analyses)
    from concurrent.futures import ProcessPoolExecutor

    from okrlint.language import forget_analyses, remember_analyses

    chunks = _chunks(inputs, jobs * CHUNKS_PER_JOB)
    options = replace(options, progress=None)  # a progress bar stays in this process
    results: list[tuple[list[FileOutcome], Analyses] | None] = [None] * len(chunks)
    # This process checks files too, so it starts one worker fewer and its own results make
    # no trip through pickle. The workers take chunks from the front; this process takes them
    # from the back, one at a time, until it meets a chunk a worker has started: however
    # long the workers take to start, nobody waits long for anybody.
    remember_analyses()  # the texts of one chunk recur in others
    try:
        with ProcessPoolExecutor(max_workers=jobs - 1, mp_context=_context()) as pool:
            # Analyses stay in the workers: sending them back costs more than the document
            # rules gain (none of the built-in ones reads one; LazyAnalyses covers any).
            futures = [pool.submit(_work, chunk, config, options, False) for chunk in chunks]
            for index in reversed(range(len(chunks))):
                if not futures[index].cancel():  # a worker has it: the rest are theirs
                    break
                results[index] = check_files(chunks[index], config, options, active, keep_analyses)
            for index, future in enumerate(futures):
                if results[index] is None:
                    results[index] = future.result()
                if progress is not None:
                    progress("checking", sum(len(c) for c in chunks[: index + 1]), len(inputs))
    finally:
        forget_analyses()  # past the rules, they would only hold memory
    outcomes: list[FileOutcome] = []
    analyses: Analyses = {}
    for found, analysed in results:  # chunk order: the same order as a serial run
        outcomes.extend(found)
        analyses.update(analysed)
    return outcomes, analyses


class LazyAnalyses(Mapping[tuple[str, str], Any]):
    """The analyses document rules may ask for.

    Elements of files served from the cache were never analysed in this run; they are
    analysed, all in one batch, only when a rule first asks for one of them, so a run that
    needs no analysis never imports spaCy.
    """

    def __init__(self, known: Analyses, documents: Sequence[Document]) -> None:
        self._known = dict(known)
        self._documents = documents
        self._complete = False

    def _complete_all(self) -> None:
        from okrlint.language import analyse_texts

        self._complete = True
        for lang, texts in element_texts(self._documents).items():
            missing = [t for t in texts if (lang, t) not in self._known]
            if missing:
                self._known.update(
                    ((lang, t), a)
                    for t, a in zip(missing, analyse_texts(lang, missing), strict=True)
                )

    def __getitem__(self, key: tuple[str, str]) -> Any:
        if key not in self._known and not self._complete:
            self._complete_all()
        return self._known[key]

    def __iter__(self) -> Iterator[tuple[str, str]]:
        if not self._complete:
            self._complete_all()
        return iter(self._known)

    def __len__(self) -> int:
        if not self._complete:
            self._complete_all()
        return len(self._known)
