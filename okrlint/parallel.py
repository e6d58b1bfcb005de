"""``--jobs``: the per-file work of ``okrlint.perfile`` shared among processes.

This process and N - 1 worker processes share the files, cut into chunks with about the same
number of lines each (a line is about one element: an objective, key result or action; a
file's bytes say less, since a long sentence costs little more than a short one). The
workers take chunks from the front, this process from the back, until they meet. Results go
back in chunk order, so the output of ``--jobs N`` is the same, byte for byte, as a serial
run's. A file is never split: one file is always one process's work.

Workers are fresh interpreters (``python -P -c …``; never a fork of a process that may hold
threads), started with pipes on their standard input and output. Each reads the config, then
chunks, and sends back plain model objects (pickled; both ends are this okrlint). A worker
reads its standard input on a thread of its own and leaves at once (``os._exit``) when the
pipe ends: after the last chunk this process closes it and waits for the worker to exit;
when this process dies, even by SIGKILL, the operating system closes it, and the worker
leaves mid-chunk. No worker outlives a run. Workers ignore SIGINT: Ctrl-C is this process's
to handle, and its pipes closing ends them.
"""

from __future__ import annotations

import collections
import contextlib
import gc
import os
import pickle
import signal
import struct
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from typing import IO, Any

from okrlint.config import Config
from okrlint.engine import ActiveRule
from okrlint.perfile import Analyses, FileOptions, FileOutcome, Input, check_files

# Below this many lines of input a second process costs more than it saves: a worker imports
# spaCy and builds its pipelines (about a second of CPU) before it checks anything, and it
# analyses again the texts that recur in the other process's files. About 4 000 key results
# of typical files; measured with benchmarks/run.py (see the README's Performance section).
PARALLEL_MIN_LINES = 12_000
CHUNKS_PER_JOB = 8  # small pieces even out uneven files and the start of the workers

_WORKER = "from okrlint.parallel import worker_main; worker_main()"
_LENGTH = struct.Struct("<Q")  # each message: its length, then its pickle


def choose_jobs(requested: int | None, inputs: Sequence[Input]) -> int:
    """``--jobs``, or by default: one process per idle core, and only for enough input.

    One file is one process's work, and small inputs do not pay for a worker's start. A core
    another program keeps busy is no help either: on a machine already running more than
    its cores can (the load average, as ``make -l`` reads it), more processes only take
    turns, and a worker's start and repeated analyses make the run slower.
    """
    if requested is not None:  # never more than the cores: -j 16 on two took five times as long
        return min(max(1, requested), cpu_count()) if requested > 0 else cpu_count()
    if len(inputs) < 2 or sum(lines(data) for _, data in inputs) < PARALLEL_MIN_LINES:
        return 1
    return max(1, min(cpu_count(), idle_cores()))


def idle_cores() -> int:
    """The cores no other program keeps busy: the cores less the load average, rounded."""
    cores = cpu_count()
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # not on this platform: take every core as idle
        return cores
    return int(cores - load + 0.5)


def cpu_count() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def lines(data: bytes) -> int:
    """How much work a file is: its number of lines, about its number of elements."""
    return data.count(b"\n") + 1


def _chunks(inputs: Sequence[Input], count: int) -> list[list[Input]]:
    """Consecutive runs of inputs with about the same number of lines each."""
    weights = [lines(data) for _, data in inputs]
    size = sum(weights) / count
    chunks: list[list[Input]] = [[]]
    filled = 0
    for item, weight in zip(inputs, weights, strict=True):
        if chunks[-1] and filled >= size * len(chunks):
            chunks.append([])
        chunks[-1].append(item)
        filled += weight
    return chunks


def run_files(
    inputs: Sequence[Input],
    config: Config,
    options: FileOptions,
    active: Sequence[ActiveRule],
    jobs: int,
    keep_analyses: bool,
    progress: Callable[[str, int, int], None] | None = None,
) -> tuple[list[FileOutcome], Analyses]:
    """``check_files`` over all inputs, here or shared with ``jobs - 1`` workers; input order
    kept. Every worker has exited when this returns or raises."""
    jobs = min(jobs, len(inputs))
    if jobs <= 1:
        return check_files(inputs, config, options, active, keep_analyses)
    from okrlint.language import forget_analyses, remember_analyses

    chunks = _chunks(inputs, jobs * CHUNKS_PER_JOB)
    results: list[tuple[list[FileOutcome], Analyses] | None] = [None] * len(chunks)
    pending = _Pending(len(chunks))
    workers: list[_Worker] = []
    remember_analyses()  # the texts of one chunk recur in others
    try:
        workers = [_Worker.start(config, options) for _ in range(jobs - 1)]
        for worker in workers:
            worker.serve(pending, chunks, results)
        while (index := pending.take_back()) is not None:
            results[index] = check_files(chunks[index], config, options, active, keep_analyses)
            if progress is not None:
                done = sum(len(c) for c, r in zip(chunks, results, strict=True) if r is not None)
                progress("checking", done, len(inputs))
        for worker in workers:
            worker.finish()  # its last chunk answered, or given back
        for index, found in enumerate(results):
            if found is None:  # a worker stopped before answering: do its chunk here
                results[index] = check_files(chunks[index], config, options, active, keep_analyses)
    finally:
        for worker in workers:
            worker.stop()
        forget_analyses()  # past the rules, they would only hold memory
    outcomes: list[FileOutcome] = []
    analyses: Analyses = {}
    for found, analysed in results:  # type: ignore[misc]  # chunk order: a serial run's order
        outcomes.extend(found)
        analyses.update(analysed)
    return outcomes, analyses


class _Pending:
    """The chunks nobody has taken yet: workers take from the front, this process from the
    back."""

    def __init__(self, count: int) -> None:
        self._left = collections.deque(range(count))
        self._lock = threading.Lock()

    def take_front(self) -> int | None:
        with self._lock:
            return self._left.popleft() if self._left else None

    def take_back(self) -> int | None:
        with self._lock:
            return self._left.pop() if self._left else None

    def give_back(self, index: int) -> None:
        with self._lock:
            self._left.appendleft(index)


class _Worker:
    """One worker process and the thread in this process that feeds it chunks."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.process = process
        self.thread: threading.Thread | None = None
        self.error: BaseException | None = None  # what the worker raised, raised here later

    @classmethod
    def start(cls, config: Config, options: FileOptions) -> _Worker:
        process = subprocess.Popen(
            [sys.executable, "-P", "-c", _WORKER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            close_fds=True,  # no other worker's pipe: each pipe ends with this process alone
        )
        worker = cls(process)
        _send(process.stdin, (config, options))  # type: ignore[arg-type]
        return worker

    def serve(self, pending: _Pending, chunks: Sequence[list[Input]], results: list) -> None:
        """Feed the worker chunks from the front, on a thread, until none is left."""
        self.thread = threading.Thread(
            target=self._serve, args=(pending, chunks, results), daemon=True
        )
        self.thread.start()

    def _serve(self, pending: _Pending, chunks: Sequence[list[Input]], results: list) -> None:
        while (index := pending.take_front()) is not None:
            try:
                _send(self.process.stdin, chunks[index])  # type: ignore[arg-type]
                reply = _receive(self.process.stdout)  # type: ignore[arg-type]
            except (OSError, ValueError, EOFError, pickle.UnpicklingError):  # it stopped
                reply = None
            if reply is None:  # the worker stopped: this process does the chunk
                pending.give_back(index)
                return
            found, error = reply
            if error is not None:
                self.error = error
                return
            results[index] = (found, {})  # analyses stay in the worker

    def finish(self) -> None:
        """Wait until the worker has answered its last chunk; raise what it raised."""
        if self.thread is not None:
            self.thread.join()
        if self.error is not None:
            raise self.error

    def stop(self) -> None:
        """End the worker: close its input (it leaves at once) and wait for it to exit."""
        with contextlib.suppress(OSError):
            self.process.stdin.close()  # type: ignore[union-attr]
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:  # it cannot hear: it must not outlive the run
            self.process.kill()
            self.process.wait()
        with contextlib.suppress(OSError):
            self.process.stdout.close()  # type: ignore[union-attr]


def _send(stream: IO[bytes], message: Any) -> None:
    data = pickle.dumps(message, pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(data)))
    stream.write(data)
    stream.flush()


def _receive(stream: IO[bytes]) -> Any:
    """The next message, or None when the pipe has ended."""
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        return None
    (size,) = _LENGTH.unpack(head)
    data = stream.read(size)
    if len(data) < size:
        return None
    return pickle.loads(data)


# ------------------------------------------------------------------------------ the worker


def worker_main() -> None:
    """A worker process: the config, then chunks to check, until its input ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.disable()  # as in the okrlint command (okrlint.cli.main): nothing here makes cycles
    inbox = os.fdopen(os.dup(0), "rb")
    outbox = os.fdopen(os.dup(1), "wb")
    # nothing else may read the chunks or write into the replies: a stray print goes to stderr
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    os.dup2(2, 1)
    messages: _Inbox = _Inbox(inbox)
    config, options = messages.get()
    from okrlint.language import remember_analyses
    from okrlint.perfile import active_rules

    remember_analyses()  # this worker may get more chunks with the same texts
    active = active_rules(config)
    while True:
        inputs = messages.get()
        try:
            found, _ = check_files(inputs, config, options, active, keep_analyses=False)
            reply: tuple[Any, BaseException | None] = (found, None)
        except Exception as exc:  # a bug: the main process reports it
            reply = (None, _picklable(exc))
        _send(outbox, reply)


class _Inbox:
    """The worker's input, read on a thread of its own, so that its end is noticed at once,
    even in the middle of a chunk: the worker then leaves without a word."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self._messages: collections.deque[Any] = collections.deque()
        self._arrived = threading.Semaphore(0)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        try:
            while (message := _receive(self._stream)) is not None:
                self._messages.append(message)
                self._arrived.release()
        finally:
            _leave_now()

    def get(self) -> Any:
        self._arrived.acquire()
        return self._messages.popleft()


def _leave_now() -> None:
    """Leave without freeing objects one by one (the main process would wait for it)."""
    with contextlib.suppress(Exception):
        sys.stderr.flush()
    os._exit(0)


def _picklable(exc: Exception) -> BaseException:
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc
