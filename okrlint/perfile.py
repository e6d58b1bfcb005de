"""The per-file work of a check: one file's bytes in, its documents and findings out.

Parse the bytes (a reader), resolve each document's language, analyse every element (the
language layer, one ``nlp.pipe`` batch per language for all files checked together) and run
the rules that look at one element at a time. This is the one place that work is done: the
serial run, ``--jobs`` workers and ``okrlint server`` all call it. Data flows one way: this
module uses the config, readers, language layer and engine, and knows nothing of runs,
caches, processes or reports. Rules that read the whole OKR set (the cascade) run after it,
on every document of the set, in ``okrlint.runner``.

What it decides:

* a file becomes one ``FileResult``: its documents, each with a language (the caller's
  ``--language``, else the file's own ``language:``, else the config's, else detected from
  its text) and its objectives' levels filled from the config's ``[levels]``;
* a file that cannot be decoded or parsed becomes one OKR000 finding, never an exception,
  and the other files of the batch are still checked;
* which rules run here: every active rule that does not target the whole document set.

The API::

    active_rules(config) -> tuple[ActiveRule, ...]
    check_files(inputs, config, options, active) -> (outcomes, analyses)
    check_file(display, data, config, options, active) -> FileOutcome
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from okrlint.alignment import alignment_config, apply_levels
from okrlint.config import Config
from okrlint.engine import ActiveRule, analyse, error_finding, run_rules, select_rules
from okrlint.errors import OkrlintError
from okrlint.model import Action, Document, Finding, KeyResult, Objective
from okrlint.registry import all_rules
from okrlint.report import FileResult
from okrlint.rule import Rule, Target

Input = tuple[str, bytes]  # (display path, file bytes)
Analyses = dict[tuple[str, str], Any]  # (language, text) -> Analysis


@dataclass(frozen=True)
class FileOptions:
    """What the caller decides for every file: ``--language`` and a forced input format."""

    language: str | None = None  # overrides the file's own language and the config's
    fmt: str | None = None  # "yaml", "markdown" or "text"; None: by extension, then content


@dataclass(frozen=True)
class FileOutcome:
    """One file's result and the findings of the per-element rules (or its OKR000) in it."""

    result: FileResult
    findings: tuple[Finding, ...]


def load_rules(config: Config) -> tuple[Rule, ...]:
    """Every rule known to this config: built-in, plugins and the custom-rules folder's."""
    extra: tuple[Rule, ...] = ()
    if config.custom_rules:
        from okrlint.custom import load_custom_rules

        extra = load_custom_rules(config.root / config.custom_rules, config.max_file_size)
    return all_rules(extra)


def active_rules(config: Config) -> tuple[ActiveRule, ...]:
    """The rules the config selects, with their severity and options."""
    return select_rules(load_rules(config), config)


def element_rules(active: Sequence[ActiveRule]) -> list[ActiveRule]:
    return [a for a in active if a.rule.target is not Target.DOCUMENT]


def document_rules(active: Sequence[ActiveRule]) -> list[ActiveRule]:
    return [a for a in active if a.rule.target is Target.DOCUMENT]


def parse_file(display: str, data: bytes | str, config: Config, options: FileOptions) -> FileResult:
    """The file's documents; raises ``OkrlintError`` when it cannot be read as OKRs."""
    from okrlint.readers import read_document

    language = options.language
    source = "cli" if language else None
    docs = read_document(display, data, language=language, language_source=source, fmt=options.fmt)
    docs = [_resolve_language(doc, config) for doc in docs]
    levels = alignment_config(config).levels  # owner -> level from [levels]
    docs = [apply_levels(doc, levels) for doc in docs]
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
    if not doc.objectives:
        return replace(doc, language="en", language_source="default")
    from okrlint.language.detect import Evidence, evidence

    # each element is read once: the file's evidence is the sum of its elements'
    found = {id(e): evidence(e.text) for e in doc.elements()}
    language = sum(found.values(), Evidence()).language
    objectives = tuple(_element_languages(o, language, found) for o in doc.objectives)
    return replace(doc, language=language, language_source="detected", objectives=objectives)


def _element_languages(objective: Objective, around: str, found: dict) -> Objective:
    """An objective, its key results and actions with the language of each that clearly
    differs from the one around it (the file's, then the objective's): one English objective
    in a Norwegian file is read as English. Only for files whose language was detected: a
    language the user set holds for every element. ``found``: each element's evidence."""
    from okrlint.language.detect import evidence

    said = found[id(objective)] + evidence(objective.why) if objective.why else found[id(objective)]
    own = said.differs_from(around)
    inside = own or around

    def of(element: KeyResult | Action):
        lang = found[id(element)].differs_from(inside) or inside
        return element if lang == around else replace(element, language=lang)

    key_results = tuple(of(kr) for kr in objective.key_results)
    actions = tuple(of(a) for a in objective.actions)
    if own is None and not any(e.language for e in (*key_results, *actions)):
        return objective  # the common case: everything in the file's language
    return replace(objective, language=own, key_results=key_results, actions=actions)


def check_files(
    inputs: Sequence[Input],
    config: Config,
    options: FileOptions,
    active: Sequence[ActiveRule] | None = None,
    keep_analyses: bool = True,
) -> tuple[list[FileOutcome], Analyses]:
    """Parse, analyse and check a batch of files with the per-element rules.

    One outcome per input, in input order, and the analyses made (empty unless
    ``keep_analyses``: document rules may ask for them). ``active`` defaults to the rules
    the config selects.
    """
    if active is None:
        active = active_rules(config)
    parsed: list[FileResult] = []
    errors: dict[str, Finding] = {}
    for display, data in inputs:
        try:
            parsed.append(parse_file(display, data, config, options))
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


def check_file(
    display: str,
    data: bytes | str,
    config: Config,
    options: FileOptions | None = None,
    active: Sequence[ActiveRule] | None = None,
) -> FileOutcome:
    """One file (or an editor's buffer, as text) on its own: ``check_files`` of one input."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    outcomes, _ = check_files([(display, raw)], config, options or FileOptions(), active, False)
    return outcomes[0]
