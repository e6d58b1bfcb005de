"""Custom rules in YAML, Vale-style: an organisation's own checks without Python.

A folder named in config (``custom-rules = "okr-rules"``) holds one rule per ``*.yaml`` /
``*.yml`` file. Two check types, named by ``extends``:

``existence`` — flag elements that contain a word, a phrase or a pattern::

    extends: existence
    code: ACME001              # your own prefix; OKR is okrlint's
    name: no-buzzwords         # kebab-case; defaults to the file name
    message: "avoid the buzzword '%s'"
    severity: warning          # error | warning | info (Vale's "suggestion" is info)
    scope: objective           # objective | key_result | action | all
    ignorecase: true
    tokens: [synergy, leverage, "best in class"]   # words and phrases, matched whole
    # or: pattern: "\\bQ[1-4]\\s*20\\d\\d\\b"      # one Python regular expression

``required-field`` — flag elements that lack a field::

    extends: required-field
    code: ACME002
    message: "every objective needs an %s"
    field: owner               # why | owner | parent | id | period
    scope: objective           # period is checked on the document

Patterns: Python's ``re`` has no time limit, and patterns such as "(a+)+$" or "(a|aa)+$"
backtrack for longer than the universe on text that almost matches. User patterns therefore
run on RE2 (google-re2), whose matching time is linear in the text; the few constructs RE2
lacks (lookarounds, backreferences) are refused when the rule is loaded. Matching also only
looks at the first ``MAX_TEXT`` characters of an element.

Every problem in a rule file raises ``OkrlintError`` naming the file and line.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from okrlint import linear
from okrlint.errors import OkrlintError
from okrlint.model import Document, Element, Objective, Severity
from okrlint.rule import CODE_RE, NAME_RE, Rule, RuleContext, Target, Violation

try:  # the regex parser; named sre_parse before Python 3.11
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_parse  # type: ignore[no-redef]

MAX_TEXT = 2_000  # characters of an element a pattern looks at
MAX_RULE_FILE = 5_000_000  # bytes of a rule file; the runner passes max-file-size
RESERVED_PREFIX = "OKR"
CHECK_TYPES = ("existence", "required-field")
SCOPES = {
    "objective": Target.OBJECTIVE,
    "key_result": Target.KEY_RESULT,
    "action": Target.ACTION,
    "all": Target.DOCUMENT,
}
FIELDS = ("why", "owner", "parent", "id", "period")
# Which scopes each field can be asked of ("why" belongs to objectives; "period" to the document).
FIELD_SCOPES = {
    "why": ("objective",),
    "owner": ("objective",),
    "parent": ("objective",),
    "id": ("objective", "key_result", "action", "all"),
    "period": ("document",),
}
SEVERITIES = {
    "error": Severity.ERROR,
    "warning": Severity.WARNING,
    "info": Severity.INFO,
    "suggestion": Severity.INFO,
}
COMMON_KEYS = ("extends", "code", "name", "message", "severity", "level", "summary", "description")
KEYS = {
    "existence": (*COMMON_KEYS, "scope", "ignorecase", "tokens", "pattern"),
    "required-field": (*COMMON_KEYS, "scope", "field"),
}


def load_custom_rules(folder: Path, limit: int = MAX_RULE_FILE) -> tuple[Rule, ...]:
    """Every rule in ``folder`` (one per YAML file), sorted by file name.

    Only regular files of at most ``limit`` bytes are read: a named pipe or a symlink to a
    device such as /dev/zero named ``*.yaml`` is an error, never read (one used to hang the
    run or fill the memory)."""
    if not folder.is_dir():
        raise OkrlintError("custom-rules folder not found (custom-rules in config)", str(folder))
    files = rule_files(folder)
    rules = [load_rule_file(path, limit) for path in files]
    seen: dict[str, Path] = {}
    for path, rule in zip(files, rules, strict=True):
        for key in (rule.code, rule.name):
            if key in seen:
                raise OkrlintError(f"'{key}' is also defined in {seen[key].name}", str(path), 1)
            seen[key] = path
    return tuple(rules)


def rule_files(folder: Path) -> list[Path]:
    """The entries of ``folder`` a rule may be in: ``*.yaml`` and ``*.yml``, folders left out."""
    try:
        entries = list(folder.iterdir())
    except OSError as exc:
        raise OkrlintError(
            f"cannot read custom-rules folder: {exc.strerror}", str(folder)
        ) from None
    return sorted(p for p in entries if p.suffix in (".yaml", ".yml") and not p.is_dir())


# ---------------------------------------------------------------------------- one file


@dataclass(frozen=True)
class _Source:
    """A rule file's mapping with the line of every key, for messages."""

    path: Path
    values: Mapping[str, Any]
    lines: Mapping[str, int]

    def error(self, message: str, key: str | None = None) -> OkrlintError:
        return OkrlintError(message, str(self.path), self.lines.get(key or "", 1))

    def text(self, key: str, default: str | None = None) -> str | None:
        value = self.values.get(key, default)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.error(f"'{key}' must be non-empty text", key)
        return value.strip()

    def required(self, key: str) -> str:
        value = self.text(key)
        if value is None:
            raise self.error(f"'{key}' is required")
        return value


def load_rule_file(path: Path, limit: int = MAX_RULE_FILE) -> Rule:
    source = _read(path, limit)
    extends = source.required("extends")
    if extends not in CHECK_TYPES:
        raise source.error(
            f"unknown check type '{extends}' (choose from {', '.join(CHECK_TYPES)})", "extends"
        )
    _check_keys(source, KEYS[extends])
    code = source.required("code")
    if not CODE_RE.match(code):
        raise source.error(
            f"code '{code}' must be capital letters and three digits, like 'ACME001'", "code"
        )
    if code.startswith(RESERVED_PREFIX):
        raise source.error(
            f"code '{code}' uses okrlint's own prefix '{RESERVED_PREFIX}'; "
            "use your organisation's prefix (e.g. 'ACME001')",
            "code",
        )
    name = source.text("name") or _kebab(path.stem)
    if not NAME_RE.match(name):
        raise source.error(f"name '{name}' must be kebab-case, like 'no-buzzwords'", "name")
    message = source.required("message")
    severity = _severity(source)
    build = _existence if extends == "existence" else _required_field
    target, check, what, fix = build(source, message)
    summary = source.text("summary") or message.replace("%s", "…")
    description = source.text("description") or f"A house rule defined in {path.name}."
    doc = (
        f"What it does:\n    {what}\n\nWhy it matters:\n    {description}\n\n"
        f"How to fix:\n    {fix}\n"
    )
    return Rule(
        code=code,
        name=name,
        severity=severity,
        target=target,
        summary=summary,
        doc=doc,
        check=check,
        origin=f"{path.parent.name}/{path.name}",
    )


def _read(path: Path, limit: int) -> _Source:
    from okrlint.files import read_regular_file
    from okrlint.readers.yaml_reader import compose_documents

    try:
        text = read_regular_file(str(path), limit, stdin_hint=False).decode("utf-8")
    except OkrlintError as exc:
        raise OkrlintError(f"cannot read custom rule: {exc.message}", str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise OkrlintError(f"cannot read custom rule: {exc}", str(path)) from None
    # the document reader's composer: nesting and aliases bounded, no tag constructed
    try:
        node = next(iter(compose_documents(str(path), text)), None)
    except OkrlintError as exc:
        problem = exc.message.removeprefix("could not parse YAML: ")
        raise OkrlintError(f"invalid YAML in custom rule: {problem}", str(path), exc.line) from None
    if not isinstance(node, yaml.MappingNode):
        raise OkrlintError("a custom rule must be a mapping of keys", str(path), 1)
    loader = yaml.SafeLoader("")
    try:
        values = loader.construct_document(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise OkrlintError(f"invalid YAML in custom rule: {problem}", str(path), line) from None
    finally:
        loader.dispose()
    lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
    return _Source(path, {str(k): v for k, v in values.items()}, lines)


def _check_keys(source: _Source, known: tuple[str, ...]) -> None:
    for key in source.values:
        if key not in known:
            close = difflib.get_close_matches(key, known, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise source.error(f"unknown key '{key}'{hint}", key)


def _severity(source: _Source) -> Severity:
    key = "severity" if "severity" in source.values else "level"
    value = source.text(key, "warning") or "warning"
    found = SEVERITIES.get(value.lower())
    if found is None:
        raise source.error(
            f"{key} '{value}' is not one of {', '.join(SEVERITIES)}",
            key,
        )
    return found


def _kebab(stem: str) -> str:
    """ "NoBuzzwords" / "no_buzzwords" -> "no-buzzwords"."""
    spaced = "".join(
        f"-{char}" if char.isupper() and index and stem[index - 1] in _LOWER_OR_DIGIT else char
        for index, char in enumerate(stem)
    )
    return "-".join(_KEBAB_PART_RE.findall(spaced.lower()))


_LOWER_OR_DIGIT = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_KEBAB_PART_RE = linear.compile(r"[a-z0-9]+")


def _scope(source: _Source, default: str, allowed: tuple[str, ...]) -> str:
    scope = source.text("scope", default) or default
    if scope not in allowed:
        raise source.error(f"scope '{scope}' must be one of {', '.join(allowed)}", "scope")
    return scope


def _message(message: str, value: str) -> str:
    return message.replace("%s", value)


# ---------------------------------------------------------------------------- existence

CheckFn = Callable[[Any, RuleContext], Iterator[Violation]]


def _existence(source: _Source, message: str) -> tuple[Target, CheckFn, str, str]:
    scope = _scope(source, "all", tuple(SCOPES))
    ignorecase = source.values.get("ignorecase", False)
    if not isinstance(ignorecase, bool):
        raise source.error("'ignorecase' must be true or false", "ignorecase")
    has_tokens, has_pattern = "tokens" in source.values, "pattern" in source.values
    if has_tokens == has_pattern:
        raise source.error("an existence rule needs either 'tokens' or 'pattern' (not both)")
    flags = re.IGNORECASE if ignorecase else 0
    regex: Callable[[str], Iterator[tuple[int, int]]]
    if has_tokens:
        regex, listed = _token_regex(source, flags)
        what = f"Flags {_scope_words(scope)} that contain any of: {listed}."
    else:
        compiled = _pattern_regex(source, flags)
        regex = _spans_of(compiled)
        what = f"Flags {_scope_words(scope)} that match the pattern `{compiled.pattern}`."

    def find(element: Element, ctx: RuleContext) -> Iterator[Violation]:
        for start, end in regex(element.text[:MAX_TEXT]):
            if start == end:
                continue  # a pattern that matches the empty string flags nothing
            words = element.text[start:end]
            yield Violation(
                _message(message, words),
                suggestion=f"rephrase {ctx.quote(element.text)} without {ctx.quote(words)}",
                highlight=(start, end),
                element=element if scope == "all" else None,
            )

    check = _per_element(scope, find)
    return SCOPES[scope], check, what, "Rephrase the element without the flagged words."


def _spans_of(compiled: Any) -> Callable[[str], Iterator[tuple[int, int]]]:
    def spans(text: str) -> Iterator[tuple[int, int]]:
        for found in compiled.finditer(text):
            yield found.span()

    return spans


def _token_regex(
    source: _Source, flags: int
) -> tuple[Callable[[str], Iterator[tuple[int, int]]], str]:
    tokens = source.values["tokens"]
    if isinstance(tokens, str):
        tokens = [tokens]
    if (
        not isinstance(tokens, list)
        or not tokens
        or not all(isinstance(t, str | int | float) and str(t).strip() for t in tokens)
    ):
        raise source.error("'tokens' must be a list of words or phrases", "tokens")
    # Whole words and phrases, any spacing between the words of a phrase. RE2 has no
    # lookarounds: the character before and the one after a token are matched (no word
    # character, or the text's edge), and the next search starts right after the token, so
    # the character after one token can stand before the next.
    parts = [r"\s+".join(re.escape(w) for w in str(t).split()) for t in tokens]
    alternatives = "|".join(sorted(parts, key=len, reverse=True))
    regex = linear.compile(r"(?:^|\W)(?P<token>" + alternatives + r")(?:\W|$)", flags)

    def spans(text: str) -> Iterator[tuple[int, int]]:
        at = 0
        while True:
            found = regex.search(text, at)
            if found is None:
                return
            start, end = found.span("token")
            yield start, end
            at = max(end, start + 1)

    return spans, ", ".join(f"'{t}'" for t in tokens)


def _pattern_regex(source: _Source, flags: int):
    """A user pattern, compiled for RE2: matching time is linear in the text, so no
    pattern can hang a run (Python's re backtracks exponentially on '(a|aa)+$')."""
    pattern = source.values["pattern"]
    if not isinstance(pattern, str) or not pattern:
        raise source.error("'pattern' must be a regular expression in quotes", "pattern")
    try:
        parsed = sre_parse.parse(pattern, flags)
    except re.error as exc:
        raise source.error(f"invalid pattern: {exc}", "pattern") from None
    unsupported = _unsupported(parsed)
    if unsupported:
        raise source.error(
            f"pattern uses {unsupported}, which okrlint does not run: user patterns run on "
            "RE2, a linear-time engine, so that no pattern can hang a check",
            "pattern",
        )
    import re2

    prefix = "(?i)" if flags & re.IGNORECASE else ""
    try:
        return re2.compile(prefix + pattern)
    except Exception as exc:  # RE2 is stricter than re in a few corners
        raise source.error(f"invalid pattern for RE2: {exc}", "pattern") from None


_UNSUPPORTED = {
    sre_parse.ASSERT: "a lookahead or lookbehind",
    sre_parse.ASSERT_NOT: "a negative lookahead or lookbehind",
    sre_parse.GROUPREF: "a backreference",
    sre_parse.GROUPREF_EXISTS: "a conditional group",
}
for _name, _what in (
    ("ATOMIC_GROUP", "an atomic group"),
    ("POSSESSIVE_REPEAT", "a possessive repeat"),
):
    if hasattr(sre_parse, _name):
        _UNSUPPORTED[getattr(sre_parse, _name)] = _what


def _unsupported(parsed: Any) -> str | None:
    """The first construct RE2 lacks (lookaround, backreference), or None."""
    for op, arg in parsed:
        if op in _UNSUPPORTED:
            return _UNSUPPORTED[op]
        if op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT):
            children = [arg[2]]
        elif op is sre_parse.SUBPATTERN:
            children = [arg[-1]]
        elif op is sre_parse.BRANCH:
            children = list(arg[1])
        else:
            continue
        for child in children:
            found = _unsupported(child)
            if found:
                return found
    return None


def _scope_words(scope: str) -> str:
    return {
        "objective": "objectives",
        "key_result": "key results",
        "action": "actions",
        "all": "objectives, key results and actions",
    }[scope]


def _per_element(scope: str, find: CheckFn) -> CheckFn:
    """``find`` on each element in scope; "all" runs once per document over every element."""
    if scope != "all":
        return find

    def check_all(document: Document, ctx: RuleContext) -> Iterator[Violation]:
        for element in document.elements():
            yield from find(element, ctx)

    return check_all


# ---------------------------------------------------------------------------- required-field


def _required_field(source: _Source, message: str) -> tuple[Target, CheckFn, str, str]:
    name = source.required("field")
    if name not in FIELDS:
        raise source.error(f"field '{name}' must be one of {', '.join(FIELDS)}", "field")
    allowed = FIELD_SCOPES[name]
    scope = _scope(source, allowed[0], allowed)
    fix = f"Add the `{name}:` field."
    if scope == "document":
        what = f"Flags a document without a `{name}`."

        def check_document(document: Document, ctx: RuleContext) -> Iterator[Violation]:
            if document.objectives and not _filled(getattr(document, name, None)):
                yield Violation(_message(message, name), suggestion=f"add '{name}: …' at the top")

        return Target.DOCUMENT, check_document, what, fix

    what = f"Flags {_scope_words(scope)} without a `{name}` field."

    def missing(element: Element, ctx: RuleContext) -> Iterator[Violation]:
        value = getattr(element, name, None)
        if name == "owner" and isinstance(element, Objective):
            value = value or ctx.document.owner
        if _filled(value):
            return
        yield Violation(
            _message(message, name),
            suggestion=f"add '{name}: …' to {ctx.quote(element.text)}",
            element=element if scope == "all" else None,
        )

    return SCOPES[scope], _per_element(scope, missing), what, fix


def _filled(value: object) -> bool:
    return value is not None and str(value).strip() != ""
