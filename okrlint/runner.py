"""One check run: files -> documents -> language -> rules -> Report.

This is the seam the CLI calls; it owns reading inputs (never writing them)
and turning every input problem into an OKR000 finding so the other files are
still checked.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from okrlint.config import Config
from okrlint.engine import ActiveRule, analyse, error_finding, run_rules, select_rules
from okrlint.errors import OkrlintError
from okrlint.files import STDIN, expand_paths
from okrlint.model import Document, Finding
from okrlint.registry import all_rules
from okrlint.report import FileResult, Report
from okrlint.rule import Rule


@dataclass(frozen=True)
class RunOptions:
    stdin_filename: str | None = None
    language: str | None = None  # --language
    force_exclude: bool = False
    fmt: str | None = None  # force an input format
    # called as (stage, done, total) while files are read and checked: the CLI's progress bar
    progress: Callable[[str, int, int], None] | None = None


def load_rules(config: Config) -> tuple[Rule, ...]:
    extra: tuple[Rule, ...] = ()
    if config.custom_rules:
        from okrlint.custom import load_custom_rules

        extra = load_custom_rules(config.root / config.custom_rules)
    return all_rules(extra)


def active_rules(config: Config) -> tuple[ActiveRule, ...]:
    return select_rules(load_rules(config), config)


def read_input(name: str, config: Config, options: RunOptions) -> tuple[str, bytes]:
    """The display path and bytes of one input (``-`` is stdin)."""
    if name == STDIN:
        display = options.stdin_filename or "<stdin>"
        return display, sys.stdin.buffer.read()
    path = Path(name)
    try:
        if path.is_dir():
            raise OkrlintError("is a directory", name)
        size = path.stat().st_size
        if size > config.max_file_size:
            raise OkrlintError(
                f"file is {size} bytes, over the limit of {config.max_file_size} "
                "(max-file-size in config)",
                name,
            )
        return name, path.read_bytes()
    except OSError as exc:
        raise OkrlintError(f"cannot read file: {exc.strerror or exc}", name) from None


def parse_input(display: str, data: bytes, config: Config, options: RunOptions) -> FileResult:
    from okrlint.readers import read_document

    language = options.language
    source = "cli" if language else None
    docs = read_document(display, data, language=language, language_source=source, fmt=options.fmt)
    docs = [_resolve_language(doc, config) for doc in docs]
    first = docs[0] if docs else None
    return FileResult(
        path=display,
        format=first.format if first else None,
        language=first.language if first else None,
        language_source=first.language_source if first else None,
        documents=tuple(docs),
    )


def _resolve_language(doc: Document, config: Config) -> Document:
    if doc.language:
        return doc
    if config.language:
        return replace(doc, language=config.language, language_source="config")
    texts = [e.text for e in doc.elements()]
    if not texts:
        return replace(doc, language="en", language_source="default")
    from okrlint.language import detect_language

    return replace(doc, language=detect_language("\n".join(texts)), language_source="detected")


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


def check(paths: Sequence[str], config: Config, options: RunOptions | None = None) -> Report:
    options = options or RunOptions()
    active = active_rules(config)
    expanded = expand_paths(paths, config, force_exclude=options.force_exclude)
    files: list[FileResult] = []
    errors: list[Finding] = [
        error_finding(p, None, "no such file or directory") for p in expanded.missing
    ]
    files.extend(FileResult(path=p, errors=1) for p in expanded.missing)
    progress = options.progress or _no_progress
    total = len(expanded.files)
    for done, name in enumerate(expanded.files, 1):
        try:
            display, data = read_input(name, config, options)
            files.append(parse_input(display, data, config, options))
        except OkrlintError as exc:
            display = exc.path or name
            errors.append(error_finding(display, exc.line, exc.message))
            files.append(FileResult(path=display, errors=1))
        progress("reading", done, total)
    documents = [doc for f in files for doc in f.documents]
    progress("analysing", 0, total)
    analyses = analyse(documents)  # one batch for every file: nlp.pipe is fastest that way
    findings: list[Finding] = []
    parsed = [f for f in files if f.documents]
    for done, result in enumerate(parsed, 1):  # per file only to report progress
        findings.extend(run_rules(result.documents, active, config, analyses, documents))
        progress("checking", done, len(parsed))
    all_findings = tuple(sorted((*errors, *findings), key=lambda f: f.sort_key))
    return Report(
        files=tuple(files),
        findings=all_findings,
        rules=tuple(a.rule for a in active),
        fail_level=config.fail_level,
    )
