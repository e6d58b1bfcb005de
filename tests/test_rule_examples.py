"""Every rule's own examples, run through the engine: bad ones must trigger the
rule, good ones must not. Plus meta-tests over the rule registry."""

from __future__ import annotations

import re

import pytest

from okrlint.config import Config
from okrlint.engine import ActiveRule, run_rules
from okrlint.model import Document, KeyResult, Objective, Span
from okrlint.readers import read_document
from okrlint.registry import builtin_rules
from okrlint.rule import CODE_RE, DOC_SECTIONS, NAME_RE, Example, Rule, Target

RULES = builtin_rules()
SPAN = Span(1, 1, 1, 2)
# A parent objective that is itself clean, to hold example key results and actions.
HOLDER = {
    "nb": "Bli kundenes førstevalg i regionen, fordi vi vil vokse lønnsomt",
    "en": "Become our customers' first choice in the region, because we want to grow profitably",
}


_EXTENSIONS = {"yaml": "yaml", "markdown": "md", "text": "txt", "csv": "csv"}


def _document(rule: Rule, ex: Example) -> list[Document]:
    if ex.document:
        name = f"example.okr.{_EXTENSIONS[ex.fmt or 'yaml']}"
        return read_document(name, ex.text, language=ex.lang, language_source="cli", fmt=ex.fmt)
    if rule.target is Target.OBJECTIVE:
        objective = Objective(ex.text, SPAN)
    elif rule.target is Target.KEY_RESULT:
        objective = Objective(HOLDER[ex.lang], SPAN, key_results=(KeyResult(ex.text, SPAN),))
    else:
        raise AssertionError(f"{rule.code}: {rule.target.value} examples must be documents")
    return [Document("example.okr.yaml", "yaml", (objective,), language=ex.lang)]


CASES = [
    pytest.param(rule, ex, id=f"{rule.code}-{ex.lang}-{'bad' if ex.bad else 'good'}-{i}")
    for rule in RULES
    for i, ex in enumerate(rule.examples)
]


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_rule_example(rule: Rule, example: Example) -> None:
    docs = _document(rule, example)
    active = [ActiveRule(rule, rule.severity, dict(rule.options))]
    codes = [f.code for f in run_rules(docs, active, Config())]
    if example.bad:
        assert rule.code in codes, f"{rule.code} should flag: {example.text!r}"
    else:
        assert rule.code not in codes, f"{rule.code} should not flag: {example.text!r}"


def test_codes_and_names_are_unique_and_well_formed() -> None:
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    for rule in RULES:
        assert CODE_RE.match(rule.code) and rule.code.startswith("OKR"), rule.code
        assert NAME_RE.match(rule.name), rule.name


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_has_the_three_doc_sections(rule: Rule) -> None:
    for section in DOC_SECTIONS:
        assert rule.docs_section(section), f"{rule.code} docs lack '{section}'"
    assert rule.summary.strip()


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_has_examples_in_both_languages(rule: Rule) -> None:
    for lang in ("en", "nb"):
        bads = [e for e in rule.examples if e.lang == lang and e.bad]
        goods = [e for e in rule.examples if e.lang == lang and not e.bad]
        assert bads and goods, f"{rule.code} needs bad and good examples in {lang}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_module_is_named_after_the_rule(rule: Rule) -> None:
    module = rule.check.__module__.rsplit(".", 1)[-1]
    expected = f"{rule.code.lower()}_{rule.name.replace('-', '_')}"
    assert module == expected or re.fullmatch(r"_.*", module), module


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_has_one_summary_line(rule: Rule) -> None:
    """The docs open with the summary itself, so `explain`, SARIF and the HTML report never
    show two different one-line descriptions of a rule."""
    assert rule.doc.strip().partition("\n")[0] == rule.summary


BAD_EXAMPLES = [
    pytest.param(rule, ex, id=f"{rule.code}-{ex.lang}-{i}")
    for rule in RULES
    for i, ex in enumerate(rule.examples)
    if ex.bad
]


@pytest.mark.parametrize(("rule", "example"), BAD_EXAMPLES)
def test_rule_says_its_finding_from_the_catalogue(rule: Rule, example: Example) -> None:
    """A message or hint written as a plain string (an f-string) would reach a Norwegian
    report in English: each one is a catalogue message, and Norwegian says it differently."""
    from okrlint.i18n import Message

    docs = _document(rule, example)
    active = [ActiveRule(rule, rule.severity, dict(rule.options))]
    found = [f for f in run_rules(docs, active, Config()) if f.code == rule.code]
    assert found
    for finding in found:
        for text in (finding.message, finding.suggestion):
            if text is None:
                continue
            assert isinstance(text, Message), f"{rule.code} says {text!r} without the catalogue"
            assert text.say("nb") != str(text), f"{rule.code}: no Norwegian for {text.msgid!r}"
