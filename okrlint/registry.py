"""Finding rules: the built-in ones by scanning the ``okrlint.rules`` package,
third-party ones through the ``okrlint.rules`` entry-point group.

Registration is by discovery, never by a hand-kept list: a new module in
``rules/`` that defines ``RULE`` is a new rule.
"""

from __future__ import annotations

import difflib
import importlib
import os
import pkgutil
import sys
from collections.abc import Iterable
from functools import cache
from types import ModuleType

from okrlint.errors import OkrlintError
from okrlint.rule import Rule

ENTRY_POINT_GROUP = "okrlint.rules"


def _rules_in(obj: object) -> list[Rule]:
    """A plugin may expose a Rule, a module with RULE / RULES, a list, or a callable."""
    if isinstance(obj, Rule):
        return [obj]
    if isinstance(obj, ModuleType):
        found: list[Rule] = []
        if isinstance(getattr(obj, "RULE", None), Rule):
            found.append(obj.RULE)
        found.extend(r for r in getattr(obj, "RULES", ()) if isinstance(r, Rule))
        return found
    if callable(obj):
        return _rules_in(obj())
    if isinstance(obj, Iterable) and not isinstance(obj, str | bytes):
        return [r for item in obj for r in _rules_in(item)]
    return []


@cache
def builtin_rules() -> tuple[Rule, ...]:
    package = importlib.import_module("okrlint.rules")
    rules: list[Rule] = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name.startswith("_") or info.ispkg:
            continue
        module = importlib.import_module(f"okrlint.rules.{info.name}")
        rules.extend(_rules_in(module))
    return tuple(sorted(rules, key=lambda r: r.code))


@cache
def declares_entry_points(group: str) -> bool:
    """Whether an installed distribution may declare an entry point in ``group``.

    Reading the few ``entry_points.txt`` files on ``sys.path`` takes a millisecond, while
    importing ``importlib.metadata`` takes tens: ``okrlint rules`` and ``explain`` would pay
    that on every call, although most installs have no plugin. Anything unusual on the path
    (a zip file) counts as "maybe", so the full lookup still decides.
    """
    marker = f"[{group}]"
    for entry in sys.path:
        if not entry or not os.path.isdir(entry):
            if entry and os.path.isfile(entry):
                return True  # a zipped path entry: let importlib.metadata look inside
            continue
        try:
            names = os.listdir(entry)
        except OSError:
            continue
        for name in names:
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            try:
                with open(os.path.join(entry, name, "entry_points.txt"), encoding="utf-8") as f:
                    if marker in f.read():
                        return True
            except (OSError, UnicodeDecodeError):
                continue
    return False


@cache
def plugin_rules() -> tuple[Rule, ...]:
    if not declares_entry_points(ENTRY_POINT_GROUP):
        return ()
    from importlib.metadata import entry_points

    rules: list[Rule] = []
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        try:
            loaded = ep.load()
            found = _rules_in(loaded)
        except Exception as exc:  # a broken plugin must name itself, not crash the run
            raise OkrlintError(
                f"could not load rule plugin {ep.name!r} ({ep.value}): {type(exc).__name__}: {exc}"
            ) from exc
        if not found:
            raise OkrlintError(f"rule plugin {ep.name!r} ({ep.value}) defines no okrlint Rule")
        origin = ep.dist.name if ep.dist is not None else ep.name
        for rule in found:
            rules.append(_with_origin(rule, origin))
    return tuple(rules)


def _with_origin(rule: Rule, origin: str) -> Rule:
    if rule.origin != "okrlint":
        return rule
    from dataclasses import replace

    return replace(rule, origin=origin)


def all_rules(extra: Iterable[Rule] = ()) -> tuple[Rule, ...]:
    """Built-in, plugin and extra (YAML) rules; duplicate codes or names are an error."""
    seen_codes: dict[str, Rule] = {}
    seen_names: dict[str, Rule] = {}
    result: list[Rule] = []
    for rule in (*builtin_rules(), *plugin_rules(), *extra):
        for key, seen in ((rule.code, seen_codes), (rule.name, seen_names)):
            if key in seen:
                other = seen[key]
                raise OkrlintError(
                    f"rule {rule.code} ({rule.origin}) reuses {key!r} of rule "
                    f"{other.code} ({other.origin})"
                )
            seen[key] = rule
        result.append(rule)
    return tuple(sorted(result, key=lambda r: r.code))


def find_rule(rules: Iterable[Rule], key: str) -> Rule | None:
    key_upper = key.strip().upper()
    key_lower = key.strip().lower()
    for rule in rules:
        if rule.code == key_upper or rule.name == key_lower:
            return rule
    return None


# Letters typed for the digits they look like, in a code's number: "OKR2O1", "OKRl02".
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1", "S": "5", "B": "8"})


def suggest_rule(rules: Iterable[Rule], key: str) -> str | None:
    """The code or name of the rule ``key`` most likely meant, for a did-you-mean; None when
    nothing is close. Catches typos ("kr-vauge"), a part of a name ("vague") and letters in
    a code's digits ("OKR2O1")."""
    rules = tuple(rules)
    typed = key.strip()
    if not typed:
        return None
    upper, lower = typed.upper(), typed.lower()
    codes = [r.code for r in rules]
    names = [r.name for r in rules]
    head = upper.rstrip("0123456789OILSB")
    fixed = head + upper[len(head) :].translate(_DIGIT_LOOKALIKES)
    if fixed in codes:
        return fixed
    close = difflib.get_close_matches(upper, codes, n=1, cutoff=0.75)
    if close:
        return close[0]
    if len(lower) < 3:
        return None
    containing = [n for n in names if lower in n] or [n for n in names if _has_words(n, lower)]
    if len(containing) == 1:
        return containing[0]
    # a name typed with a typo, often only its first words: compare with the name's start too
    best, best_score = None, 0.0
    for name in names:
        score = max(
            difflib.SequenceMatcher(None, lower, name).ratio(),
            difflib.SequenceMatcher(None, lower, name[: len(lower)]).ratio() - 0.05,
        )
        if score > best_score:
            best, best_score = name, score
    return best if best_score >= 0.7 else None


def _has_words(name: str, typed: str) -> bool:
    """Every word of ``typed`` is (nearly) a word of ``name``: "objective-why" in
    "objective-missing-why"."""
    words = name.split("-")
    return all(difflib.get_close_matches(word, words, n=1, cutoff=0.8) for word in typed.split("-"))


def did_you_mean(rules: Iterable[Rule], key: str) -> str:
    """``"; did you mean 'kr-vague-quantifier'?"``, or '' when no rule is close."""
    close = suggest_rule(rules, key)
    return f"; did you mean '{close}'?" if close else ""
