"""One check run: files -> documents -> language -> rules -> Report.

This is the seam the CLI calls; it owns reading inputs (never writing them), the cache,
handing the files it must check to ``okrlint.perfile`` (through ``okrlint.parallel`` for
``--jobs``), running the document-set rules over every document afterwards, and turning
every input problem into an OKR000 finding so the other files are still checked.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from okrlint.alignment import alignment_config, context_files, context_keys, read_context
from okrlint.config import Config
from okrlint.engine import element_texts, error_finding, run_rules, select_rules
from okrlint.errors import OkrlintError
from okrlint.files import STDIN, expand_paths, read_regular_file, too_big
from okrlint.i18n import LANGUAGES, _, language_of_locale
from okrlint.model import Document, Finding
from okrlint.perfile import (
    Analyses,
    FileOptions,
    FileOutcome,
    active_rules,
    document_rules,
    load_rules,
)
from okrlint.report import FileResult, Report

__all__ = ["RunOptions", "active_rules", "check", "load_rules", "read_input"]


@dataclass(frozen=True)
class RunOptions:
    stdin_filename: str | None = None
    language: str | None = None  # --language
    force_exclude: bool = False
    fmt: str | None = None  # force an input format
    use_cache: bool = True  # --no-cache turns it off; stdin is never cached
    cache_dir: str | None = None  # --cache-dir
    jobs: int | None = None  # --jobs; None: every core when the input is large enough
    text: str | None = None  # --text and the Python API: check this string, read as '-'
    today: dt.date | None = None  # the date rules see (the OKR301 hint's quarter); None: today
    # called as (stage, done, total) while files are read and checked: the CLI's progress bar
    progress: Callable[[str, int, int], None] | None = None


def read_input(name: str, config: Config, options: RunOptions) -> tuple[str, bytes]:
    """The display path and bytes of one input (``-`` is stdin)."""
    limit = config.max_file_size
    if name == STDIN and options.text is not None:
        display = options.stdin_filename or "<text>"
        data = options.text.encode("utf-8", "surrogateescape")
        if len(data) > limit:
            raise OkrlintError(too_big(len(data), limit), display)
        return display, data
    if name == STDIN:
        display = options.stdin_filename or "<stdin>"
        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            raise OkrlintError(too_big(None, limit), display)
        return display, data
    try:
        return name, read_regular_file(name, limit)
    except OSError as exc:
        reason = exc.strerror or str(exc)  # the system's words
        raise OkrlintError(_("cannot read file: {reason}", reason=reason), name) from None


def run_date() -> dt.date:
    """The date a run's hints speak of: SOURCE_DATE_EPOCH when set (the reproducible-builds
    convention, so a report can be made again byte for byte), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return dt.date.today()
    try:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    except (ValueError, OverflowError, OSError):
        raise OkrlintError(
            _(
                "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got {value}",
                value=repr(epoch),
            )
        ) from None


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


def check(paths: Sequence[str], config: Config, options: RunOptions | None = None) -> Report:
    options = options or RunOptions()
    known = load_rules(config)
    active = select_rules(known, config)
    alignment_config(config)  # a bad [alignment] or [levels] table stops the run early
    if options.text is not None:
        paths = (STDIN,)
    expanded = expand_paths(paths, config, force_exclude=options.force_exclude)
    outcomes: list[FileOutcome | None] = []
    outcomes.extend(
        FileOutcome(
            FileResult(path=p, errors=1), (error_finding(p, None, _("no such file or directory")),)
        )
        for p in expanded.missing
    )
    outcomes.extend(
        FileOutcome(
            FileResult(path=p, errors=1),
            (error_finding(p, None, _("symlink to a file outside the project; not read")),),
        )
        for p in expanded.outside
    )
    cache = _open_cache(config, active, options, expanded.files)
    keys: list[str] = [f"missing:{p}" for p in expanded.missing]
    keys += [f"outside:{p}" for p in expanded.outside]
    outcomes.extend(
        FileOutcome(
            FileResult(path=p, errors=1),
            (error_finding(p, None, _("cannot read folder: {reason}", reason=reason)),),
        )
        for p, reason in expanded.unreadable
    )
    keys += [f"unreadable:{p}" for p, _ in expanded.unreadable]
    todo: list[tuple[int, str, bytes, str | None]] = []  # (slot, display, bytes, cache key)
    progress = options.progress or _no_progress
    total = len(expanded.files)
    for done, name in enumerate(expanded.files, 1):
        progress("reading", done, total)
        try:
            display, data = read_input(name, config, options)
        except OkrlintError as exc:
            display = exc.path or name
            error = error_finding(display, exc.line, exc.message)
            outcomes.append(FileOutcome(FileResult(path=display, errors=1), (error,)))
            keys.append(f"error:{display}:{exc.message}")
            continue
        key = cache.file_key(display, data, (options.language, options.fmt)) if cache else None
        # a file found in a folder is judged apart from a named one (no-okrs-found)
        keys.append((key or "") + (":walked" if name in expanded.walked else ""))
        entry = cache.load_file(key) if cache and key else None
        outcomes.append(_from_cache(display, entry) if entry else None)
        if entry is None:
            todo.append((len(outcomes) - 1, display, data, key))

    set_rules = document_rules(active)
    progress("analysing", 0, total)
    fresh: list[FileOutcome] = []
    analyses: Analyses = {}
    if todo:  # (a run served wholly from the cache starts no worker and imports none)
        from okrlint.parallel import choose_jobs, run_files

        inputs = [(display, data) for _, display, data, _ in todo]
        jobs = choose_jobs(options.jobs, inputs)
        file_options = FileOptions(language=options.language, fmt=options.fmt)
        fresh, analyses = run_files(
            inputs, config, file_options, active, jobs, bool(set_rules), options.progress
        )
    progress("checking", total, total)
    for (slot, _display, _data, key), outcome in zip(todo, fresh, strict=True):
        outcomes[slot] = outcome
        if cache and key:
            cache.store_file(key, _to_cache(outcome))

    done = [_found_by_walking(o, expanded.walked) for o in outcomes if o is not None]
    findings = [f for o in done for f in o.findings]
    if set_rules:
        today = options.today or run_date()
        found = _set_findings(done, set_rules, config, cache, keys, analyses, known, today)
        findings.extend(found)
    return Report(
        files=tuple(o.result for o in done),
        findings=tuple(sorted(findings, key=_total_order)),
        rules=tuple(a.rule for a in active),
        fail_level=config.fail_level,
        messages=message_language(config),
        fallback_language=language_of_locale(os.environ) or "en",
    )


def _found_by_walking(outcome: FileOutcome, walked: frozenset[str]) -> FileOutcome:
    """The outcome with its documents marked as found in a folder, not named."""
    result = outcome.result
    if result.path not in walked or not result.documents:
        return outcome
    documents = tuple(replace(doc, named=False) for doc in result.documents)
    return replace(outcome, result=replace(result, documents=documents))


def message_language(config: Config) -> str | None:
    """The language every message is said in (``messages`` in config or --messages), or None
    for "auto": each finding in its file's language."""
    return config.messages if config.messages in LANGUAGES else None


def _open_cache(config: Config, active, options: RunOptions, files: Sequence[str]):
    """The cache for this run, or None: off on request, and never for stdin input."""
    if not options.use_cache or STDIN in files:
        return None
    from okrlint.cache import open_cache

    return open_cache(config, active, options.cache_dir)


def _from_cache(display: str, entry) -> FileOutcome:
    result = FileResult(
        path=display,
        format=entry.format,
        language=entry.language,
        language_source=entry.language_source,
        documents=entry.documents,
        errors=entry.errors,
    )
    return FileOutcome(result, entry.findings)


def _to_cache(outcome: FileOutcome):
    from okrlint.cache import FileEntry

    r = outcome.result
    return FileEntry(
        r.format, r.language, r.language_source, r.errors, r.documents, outcome.findings
    )


def _set_findings(
    done, set_rules, config: Config, cache, keys, analyses, known, today: dt.date
) -> tuple[Finding, ...]:
    """Findings of document rules; they may read the whole set, so they are cached per set
    (and per day: a hint may name the current quarter)."""
    # the alignment.include files join the set (for references) but get no findings
    context = context_files(config, [o.result.path for o in done])
    marks = [*keys, *context_keys(context), f"today:{today.isoformat()}"]
    set_key = cache.set_key(marks) if cache else None
    found = cache.load_findings(set_key) if cache and set_key else None
    if found is None:
        documents = [doc for o in done for doc in o.result.documents]
        lazy = LazyAnalyses(analyses, documents)
        the_set = [*documents, *read_context(context, config)]
        found = tuple(run_rules(documents, set_rules, config, lazy, the_set, known, today))
        if cache and set_key:
            cache.store_findings(set_key, found)
    return found


def _total_order(f: Finding) -> tuple:
    """sort_key, then every other field: the same findings always print in the same order.
    sort_key is written out here (no property, no unpacking): a run sorts every finding."""
    span = f.span
    return (
        f.path,  # sort_key: path, sheet, line, column, code, message
        span.sheet or "",
        span.line,
        span.column,
        f.code,
        f.message,
        f.rule,
        f.severity.rank,
        f.suggestion or "",
        f.text,
        f.highlight or (-1, -1),
    )


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
