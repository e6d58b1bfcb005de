"""The engine: choose rules from config, run them, apply suppressions.

It knows nothing about text formats or spaCy: readers give it documents, the
language layer gives it analyses, rules give it violations.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from okrlint.config import Config, located, unknown_severity
from okrlint.errors import ConfigError
from okrlint.i18n import Message, _, with_guess
from okrlint.model import (
    Action,
    Document,
    ElementKind,
    Finding,
    KeyResult,
    Objective,
    Severity,
    Span,
)
from okrlint.registry import suggest_rule
from okrlint.rule import Rule, RuleContext, Target, Violation, names_rule

RULE_SETTING_KEYS = ("severity", "enabled")


@dataclass(frozen=True)
class ActiveRule:
    rule: Rule
    severity: Severity
    options: Mapping[str, Any]


_matches = names_rule


def _check_selectors(
    rules: Sequence[Rule], selectors: Iterable[str], config: Config, *keys: str
) -> None:
    """Every selector names a rule or prefix; an unknown one is an error at its key in the
    config file (or without a place, when it came from the command line)."""
    where = keys[0]
    from_file = config.origins.get(where.replace("-", "_")) not in (None, "command line")
    for sel in selectors:
        if not any(_matches(rule, sel) for rule in rules):
            message = with_guess(
                _("unknown rule or prefix '{selector}' in {where}", selector=sel, where=where),
                suggest_rule(rules, sel),
            )
            if from_file:
                raise located(config, message, *keys)
            raise ConfigError(message)


def select_rules(rules: Sequence[Rule], config: Config) -> tuple[ActiveRule, ...]:
    """The rules to run, with their severity and validated options (ruff's semantics)."""
    _check_selectors(rules, config.select or (), config, "select")
    _check_selectors(rules, config.extend_select, config, "extend-select")
    _check_selectors(rules, config.ignore, config, "ignore")
    for glob, globbed in config.per_file_ignores.items():
        _check_selectors(rules, globbed, config, "per-file-ignores", glob)
    settings = _rule_settings(rules, config)

    active: list[ActiveRule] = []
    for rule in rules:
        setting = settings.get(rule.code, {})
        if config.select is None:
            chosen = setting.get("enabled", rule.enabled)
        else:
            chosen = any(_matches(rule, s) for s in config.select)
        chosen = chosen or any(_matches(rule, s) for s in config.extend_select)
        if any(_matches(rule, s) for s in config.ignore):
            chosen = False
        if not chosen:
            continue
        options = {**rule.options}
        options.update({k: v for k, v in setting.items() if k not in RULE_SETTING_KEYS})
        severity = setting.get("severity", rule.severity)
        active.append(ActiveRule(rule, severity, options))
    if not active:  # "100/100" from checking nothing would be a lie
        raise ConfigError(_nothing_selected(config), config.source)
    return tuple(active)


def _nothing_selected(config: Config) -> Message:
    if config.select is not None and not config.select:
        return _(
            "no rule to run: 'select' is empty; leave it out to run the default rules, or name some"
        )
    if config.select is not None:
        return _("no rule to run: every rule 'select' names is ignored or turned off")
    return _("no rule to run: every rule is ignored or turned off")


def _rule_settings(rules: Sequence[Rule], config: Config) -> dict[str, dict[str, Any]]:
    """Validate ``[tool.okrlint.rules.X]`` tables; keyed by rule code."""
    by_key = {r.code: r for r in rules} | {r.name: r for r in rules}
    result: dict[str, dict[str, Any]] = {}
    for key, table in config.rule_settings.items():
        rule = by_key.get(key) or by_key.get(key.upper()) or by_key.get(key.lower())
        if rule is None:
            message = with_guess(
                _("unknown rule '{key}' in [rules]", key=key), suggest_rule(rules, key)
            )
            raise located(config, message, "rules", key)
        checked: dict[str, Any] = {}
        for written, value in table.items():
            at = ("rules", key, str(written))  # where an error about this option points
            opt = str(written).replace("-", "_")
            if opt == "severity":
                if not isinstance(value, str):
                    raise located(config, _("rules.{key}.severity must be a string", key=key), *at)
                try:
                    checked[opt] = Severity.parse(value)
                except ValueError:
                    message = unknown_severity(f"rules.{key}.severity", value)
                    raise located(config, message, *at) from None
                continue
            if opt == "enabled":
                if not isinstance(value, bool):
                    raise located(
                        config, _("rules.{key}.enabled must be true or false", key=key), *at
                    )
                checked[opt] = value
                continue
            if opt not in rule.options:
                known = [*RULE_SETTING_KEYS, *rule.options]
                close = difflib.get_close_matches(opt, known, n=1)
                message = _(
                    "rule {code} ({name}) has no option '{option}'",
                    code=rule.code,
                    name=rule.name,
                    option=opt,
                )
                raise located(config, with_guess(message, close[0] if close else None), *at)
            default = rule.options[opt]
            if not _same_type(default, value):
                raise located(
                    config,
                    _(
                        "rules.{key}.{option} must be {wanted}, got {kind} {value}",
                        key=key,
                        option=opt,
                        wanted=type(default).__name__,
                        kind=type(value).__name__,
                        value=repr(value),
                    ),
                    *at,
                )
            if isinstance(value, int | float) and not isinstance(value, bool):
                try:
                    value = _option_number(f"rules.{key}.{opt}", value, default, config.source)
                except ConfigError as exc:
                    raise located(config, exc.message, *at) from None
            checked[opt] = tuple(value) if isinstance(value, list) else value
        result[rule.code] = checked
    return result


MAX_OPTION = 1_000_000  # no count, length or tolerance a rule takes comes near it


def _option_number(name: str, value: float, default: Any, where: str | None) -> float:
    """A rule option's number: finite, from 0 to MAX_OPTION, whole where the default is
    (TOML's inf, nan and 1e400 and YAML's .inf are no setting)."""
    whole = isinstance(default, int) and not isinstance(default, bool)
    if not 0 <= value <= MAX_OPTION:  # nan compares false too
        shown = _("a number of more than 19 digits") if _huge(value) else repr(value)
        limit = f"{MAX_OPTION:,}".replace(",", " ")
        raise ConfigError(
            _(
                "{name} must be a number from 0 to {limit}, got {shown}",
                name=name,
                limit=limit,
                shown=shown,
            ),
            where,
        )
    if whole and value != int(value):
        raise ConfigError(
            _("{name} must be a whole number, got {value}", name=name, value=repr(value)), where
        )
    return int(value) if whole else value


def _huge(value: float) -> bool:
    return isinstance(value, int) and value.bit_length() > 64


def _same_type(default: Any, value: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, int | float) and not isinstance(default, bool):
        return isinstance(value, int | float)
    if isinstance(default, tuple | list):
        return isinstance(value, list | tuple)
    if default is None:
        return True
    return isinstance(value, type(default))


# --- running ---------------------------------------------------------------


def element_texts(documents: Iterable[Document]) -> dict[str, list[str]]:
    """Every element text per language, each once, in first-seen order."""
    by_lang: dict[str, dict[str, None]] = defaultdict(dict)
    for doc in documents:
        lang = doc.language or "en"
        for element in doc.elements():
            if element.kind is ElementKind.OBJECTIVE and element.unnamed:
                continue  # no text to analyse
            own = element.language or lang  # an element may be in another language than its file
            by_lang[own][element.text] = None
            if isinstance(element, Objective) and element.why:
                by_lang[own][element.why] = None
    return {lang: list(texts) for lang, texts in by_lang.items()}


def analyse(documents: Sequence[Document]) -> dict[tuple[str, str], Any]:
    from okrlint.language import analyse_texts

    analyses: dict[tuple[str, str], Any] = {}
    for lang, texts in element_texts(documents).items():
        for text, analysis in zip(texts, analyse_texts(lang, texts), strict=True):
            analyses[(lang, text)] = analysis
    return analyses


def run_rules(
    documents: Sequence[Document],
    active: Sequence[ActiveRule],
    config: Config,
    analyses: Mapping[tuple[str, str], Any] | None = None,
    all_documents: Sequence[Document] | None = None,
    known_rules: Sequence[Rule] | None = None,
    today: dt.date | None = None,
) -> list[Finding]:
    """Run the active rules over documents; findings sorted and suppressions applied.

    ``all_documents`` is the whole OKR set (for cross-file rules); findings are
    only reported for ``documents``. ``known_rules`` is every rule the run knows,
    selected or not (default: the built-in and plugin rules and the active ones).
    ``today`` is the date rules see (default: the clock's).
    """
    if analyses is None:
        analyses = analyse(documents)
    the_set = tuple(all_documents) if all_documents is not None else tuple(documents)
    known = _known(active, known_rules)
    today = today or dt.date.today()
    findings: list[Finding] = []
    for doc in documents:
        found: list[Finding] = []
        for item in active:
            found.extend(_run_one(doc, item, analyses, the_set, known, today))
        if found:
            suppressions = _Suppressions(doc, config)
            findings.extend(f for f in found if not suppressions.covers(f))
    return sorted(set(findings), key=_sort_key)


def _known(active: Sequence[ActiveRule], given: Sequence[Rule] | None) -> tuple[Rule, ...]:
    if given is None:
        from okrlint.registry import builtin_rules, plugin_rules

        given = (*builtin_rules(), *plugin_rules())
    extra = [a.rule for a in active if a.rule not in given]
    return (*given, *extra)


def _sort_key(f: Finding) -> tuple:
    return f.sort_key


def _run_one(doc: Document, item: ActiveRule, analyses, the_set, known, today) -> list[Finding]:
    """The findings of one rule on one document.

    Key-result and action rules share one context per objective: a context is frozen and
    the same for every element of its objective, and building one per element was a large
    part of the engine's own time."""
    rule, severity, check = item.rule, item.severity, item.rule.check
    target = rule.target
    found: list[Finding] = []
    if target is Target.DOCUMENT:
        ctx = RuleContext(
            doc, item.options, analyses, None, the_set, known_rules=known, today=today
        )
        found.extend(_finding(doc, doc, rule, severity, v) for v in check(doc, ctx))
        return found
    for objective in doc.objectives:
        if target is Target.OBJECTIVE:
            if objective.unnamed:  # key results under no objective: nothing to judge
                continue
            elements: Sequence[Objective | KeyResult | Action] = (objective,)
        elif target is Target.KEY_RESULT:
            elements = objective.key_results
        else:
            elements = objective.actions
        if not elements:
            continue
        own = objective.language if target is Target.OBJECTIVE else None
        ctx = RuleContext(
            doc, item.options, analyses, objective, the_set, known, today=today, language=own
        )
        for element in elements:
            here = ctx
            if element.language != ctx.language:  # a key result in another language: rare
                here = replace(ctx, language=element.language)
            for v in check(element, here):
                found.append(_finding(doc, element, rule, severity, v))
    return found


def _finding(doc, element, rule: Rule, severity: Severity, v: Violation) -> Finding:
    target = v.element if v.element is not None else element
    if isinstance(target, Document):
        span, kind, text, lang = target.span, _DOCUMENT, "", doc.language
    else:
        span, kind, text = target.span, target.kind._value_, target.text  # see score.element_key
        lang = target.language or doc.language
    return Finding(
        path=doc.path,
        span=v.span or span,
        code=rule.code,
        rule=rule.name,
        severity=severity,
        message=v.message,
        suggestion=v.suggestion,
        element=kind,
        text=text,
        highlight=v.highlight,
        fixes=v.fixes,
        language=lang or "en",
    )


_DOCUMENT = ElementKind.DOCUMENT.value


class Selection:
    """Rule selectors (codes, code prefixes, names, "ALL") ready to be asked of one finding.

    Asking costs as much as the finding's code is long, however many selectors there are."""

    __slots__ = ("everything", "names", "prefixes")

    def __init__(self, selectors: Iterable[str] = (), everything: bool = False) -> None:
        cleaned = [s.strip() for s in selectors]
        self.everything = everything or any(s.upper() == "ALL" for s in cleaned)
        self.names = frozenset(s.lower() for s in cleaned)
        self.prefixes = frozenset(s.upper() for s in cleaned if s)

    def __bool__(self) -> bool:
        return self.everything or bool(self.names)

    def matches(self, finding: Finding) -> bool:
        if self.everything or finding.rule in self.names:
            return True
        code, prefixes = finding.code, self.prefixes
        return any(code[:n] in prefixes for n in range(1, len(code) + 1))


class _Suppressions:
    """One document's suppression comments and ``per-file-ignores``, indexed once.

    A finding is looked up on its own line and the line above and against the file-wide
    comments, so a file with thousands of comments costs no more per finding than one with
    one (every comment used to be scanned for every finding). A comment whose codes are all
    invalid silences nothing; one that names no code silences every rule.
    """

    def __init__(self, doc: Document, config: Config) -> None:
        file_wide: list[str] = []
        file_all = False
        lines: dict[int, tuple[list[str], list[bool]]] = {}
        for sup in doc.suppressions:
            if sup.file_wide:
                file_wide.extend(sup.codes)
                file_all = file_all or sup.silences_all
                continue
            codes, everything = lines.setdefault(sup.line, ([], [False]))
            codes.extend(sup.codes)
            everything[0] = everything[0] or sup.silences_all
        self._file = Selection(file_wide, file_all)
        self._lines = {line: Selection(codes, all_[0]) for line, (codes, all_) in lines.items()}
        self._ignores = _FileIgnores(doc.path, config)

    def covers(self, finding: Finding) -> bool:
        line = finding.span.line
        for selection in (self._file, self._lines.get(line), self._lines.get(line - 1)):
            if selection and selection.matches(finding):
                return True
        ignored = self._ignores.selection()
        return bool(ignored) and ignored.matches(finding)


class _FileIgnores:
    """The ``per-file-ignores`` selectors that apply to one path, matched on first use.

    Every finding of a document has the document's path, and matching resolves the path on
    disk, so it is done once per document instead of once per finding and pattern."""

    def __init__(self, path: str, config: Config) -> None:
        self._path = path
        self._config = config
        self._matched: Selection | None = None

    def selection(self) -> Selection:
        if self._matched is None:
            self._matched = Selection(
                code
                for pattern, codes in self._config.per_file_ignores.items()
                if path_matches(self._path, pattern, self._config)
                for code in codes
            )
        return self._matched


def path_matches(path: str, pattern: str, config: Config) -> bool:
    """Glob match of a checked path against a config pattern (relative to the config's folder)."""
    from pathlib import Path

    from okrlint.files import glob_match, relative_to_root

    return glob_match(relative_to_root(Path(path), config), pattern)


def error_finding(path: str, line: int | None, message: str, column: int | None = None) -> Finding:
    """The OKR000 finding for a file that could not be read or parsed."""
    return Finding(
        path=path,
        span=Span.point(line or 1, column or 1),
        code="OKR000",
        rule="parse-error",
        severity=Severity.ERROR,
        message=message,
    )
