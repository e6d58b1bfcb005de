"""A seeded fuzz run of 10 000 cases: no input makes okrlint fail with anything but an
``OkrlintError`` (which the command line turns into one clear line and exit 2).

* 4 000 key results and objectives full of extreme numbers (308 digits, ``1e400``, ``0x``
  with 4 000 hex digits, ``inf``, chained "million million", tiny decimals) in YAML, Markdown
  and plain text, through the readers, the language layer and every rule, the ones off by
  default included, and the scores;
* 4 000 adversarial lines (long runs of spaces, markup and label pieces, control and
  bidirectional characters) through every reader;
* 2 000 configs of hostile values (inf, nan, huge and negative numbers, NUL, deep nesting,
  wrong types) through the config loader, rule selection, the alignment settings and the
  cache fingerprint.

It runs in this process, from one seed, the same cases every time; a failure names its
case number and input. A fuzz run of 6 000 cases once crashed 514 times, all in one place.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

from okrlint.alignment import alignment_config
from okrlint.cache import config_fingerprint
from okrlint.config import load_config_file, parse_config
from okrlint.engine import ActiveRule, analyse, run_rules, select_rules
from okrlint.errors import OkrlintError
from okrlint.readers import read_document
from okrlint.registry import builtin_rules
from okrlint.report import FileResult, Report
from okrlint.reporters import render

SEED = 20260601
RULE_CASES, READER_CASES, CONFIG_CASES = 4_000, 4_000, 2_000


def _survives(number: int, what: str, call: Callable[[], object]) -> object:
    try:
        return call()
    except OkrlintError as error:
        assert error.message, (number, what)
        return None
    except Exception as exc:  # an internal error: the test's whole point
        message = f"case {number}: {type(exc).__name__}: {exc}\n{what[:2000]!r}"
        raise AssertionError(message) from exc


# ---------------------------------------------------------------------------- numbers

NUMBERS = [
    lambda r: "1" + "0" * r.choice((15, 16, 300, 307, 308, 400, 4400)),
    lambda r: f"{r.choice(('', '-', '+', '±'))}{r.randint(0, 10**6)}",
    lambda r: f"0,{'0' * r.choice((10, 300, 330))}1",
    lambda r: r.choice(("1e400", "1e-400", "inf", "-inf", "nan", "NaN", ".inf", "1e308")),
    lambda r: "0x" + "f" * r.choice((4, 64, 4000)),
    lambda r: " ".join(["1"] + ["000"] * r.choice((2, 6, 120))),
    lambda r: " ".join(["en"] + ["million"] * r.choice((1, 3, 60))),
    lambda r: " ".join(["ten"] + ["thousand"] * r.choice((1, 5, 80))),
    lambda r: (
        f"{r.randint(0, 99)}{r.choice(('', '.', ','))}{r.randint(0, 999)}"
        f"{r.choice(('%', ' %', ' kr', ' MNOK', 'k', 'x', ' prosent', ' timer', '/5', ':1', ''))}"
    ),
    lambda r: r.choice(("x", "XX %", "TBD", "N", "[N]%", "???", "…")),
    lambda r: "9" * r.choice((5000, 4301, 100)),
]
VERBS = {
    "nb": ["Øke", "Doble", "Redusere", "Halvere", "Tredoble", "Kutte", "Løfte", "Selge"],
    "en": ["Increase", "Double", "Reduce", "Halve", "Triple", "Cut", "Raise", "Sell"],
}
GLUE = {
    "nb": [" fra {a} til {b}", " med {a}", " til {b}", " fra {a}", " {a} ganger", " innen {a}"],
    "en": [" from {a} to {b}", " by {a}", " to {b}", " from {a}", " {a} times", " by Q{a}"],
}
METRIC = {"nb": ["omsetningen", "NPS", "kunder"], "en": ["revenue", "NPS", "customers"]}


def _number(r: random.Random) -> str:
    return r.choice(NUMBERS)(r)


def _key_result(r: random.Random, lang: str) -> str:
    text = f"{r.choice(VERBS[lang])} {r.choice(METRIC[lang])}"
    for _ in range(r.choice((1, 1, 2))):
        text += r.choice(GLUE[lang]).format(a=_number(r), b=_number(r))
    return text


def _yaml_value(r: random.Random) -> str:
    return r.choice([_number(r), f"'{_number(r)}'", "null", "[1, 2]", "{a: 1}", "true", "1_0"])


def _rule_document(r: random.Random, lang: str, fmt: str, krs: list[str]) -> str:
    title = f"{r.choice(VERBS[lang])} {_number(r)} " + (
        "fordi vi vil vokse" if lang == "nb" else "because we want to grow"
    )
    if fmt == "yaml":
        lines = [f"period: Q{r.randint(1, 4)} 2026", f"language: {lang}", "objectives:"]
        lines += [f"  - title: '{title}'", f"    id: o{r.randint(1, 3)}", "    key_results:"]
        for kr in krs:
            lines += [
                f"      - title: '{kr}'",
                f"        baseline: {_yaml_value(r)}",
                f"        target: {_yaml_value(r)}",
                f"        current: {_yaml_value(r)}",
            ]
        return "\n".join(lines) + "\n"
    if fmt == "markdown":
        return f"## Objective: {title}\n\n" + "".join(f"- {kr}\n" for kr in krs)
    return f"Objective: {title}\nKey results:\n" + "".join(f"• {kr}\n" for kr in krs)


def test_every_rule_survives_extreme_numbers() -> None:
    r = random.Random(SEED)
    rules = builtin_rules()
    active = [ActiveRule(rule, rule.severity, dict(rule.options)) for rule in rules]
    documents, texts, case = [], {}, 0
    while case < RULE_CASES:
        lang, fmt = r.choice(("nb", "en")), r.choice(("yaml", "markdown", "text"))
        krs = [_key_result(r, lang) for _ in range(r.randint(1, 5))]
        text = _rule_document(r, lang, fmt, krs)
        case += len(krs) + 1  # the objective and each key result
        ext = {"yaml": "yaml", "markdown": "md", "text": "txt"}[fmt]
        path = f"fuzz{case}.okr.{ext}"
        read = _survives(
            case, text, lambda t=text, p=path, lg=lang: read_document(p, t, language=lg)
        )
        if read:
            documents.extend(read)
            texts[path] = text
    analyses = _survives(0, "the language layer", lambda: analyse(documents))
    for doc in documents:  # one document at a time, so a failure names its text
        found = _survives(
            0,
            texts[doc.path],
            lambda d=doc: run_rules([d], active, parse_config({}, None), analyses),
        )
        report = Report(
            (FileResult(doc.path, doc.format, doc.language, "cli", (doc,)),), tuple(found), rules
        )
        _survives(0, texts[doc.path], lambda rep=report: rep.scores)
    checked = sum(1 for doc in documents for _ in doc.elements())
    assert checked > RULE_CASES // 2  # the run really checked objectives and key results


# ---------------------------------------------------------------------------- readers

PIECES = [
    " " * 2_000,
    "\t" * 500,
    "#" * 300,
    "-" * 300,
    "*" * 300,
    "=" * 300,
    "|" * 200,
    "<!-- ",
    " -->",
    "<!-- okrlint-disable ",
    "# okrlint: disable=",
    "OKR201,",
    "kr-",
    "=",
    "{#",
    "}",
    "{#a.b}",
    "## ",
    "**",
    "__",
    "`",
    "```",
    "Objective",
    "Objective: ",
    "O1",
    "KR 1.2 - ",
    "Key results:",
    "Nøkkelresultater:",
    "Tiltak:",
    "Mål 2 – ",
    "for ",
    "på ",
    "(company level)",
    "Q3 ",
    "2026",
    "2. kvartal ",
    "FY26",
    "1.",
    "1.2",
    "• ",
    "- [ ] ",
    "  - ",
    "1) ",
    ":",
    "–",
    "—",
    "\u202e",
    "\x1b[31m",
    "\x85",
    "\u2028",
    "\ufeff",
    "\x00",
    "\r",
    "\n",
    "\n\n",
    "---\n",
    "...\n",
    "- ",
    "key_results:",
    "title: ",
    "  ",
    "&a ",
    "*a",
    "!!python/object ",
    "Øke salget fra 10 til 20",
    "Increase revenue from 1 to 2",
]


def test_every_reader_survives_adversarial_lines() -> None:
    r = random.Random(SEED + 1)
    formats = ("yaml", "markdown", "text", None)
    for case in range(READER_CASES):
        text = "".join(r.choice(PIECES) for _ in range(r.randint(1, 24)))
        if r.random() < 0.2:  # a long line of one piece
            text = r.choice(PIECES) * r.randint(100, 1_000)
        fmt = r.choice(formats)
        _survives(case, f"{fmt}: {text}", lambda t=text, f=fmt: read_document("fuzz.okr", t, fmt=f))


# ---------------------------------------------------------------------------- config

HOSTILE_VALUES: list[Callable[[random.Random], object]] = [
    lambda r: float("inf"),
    lambda r: float("-inf"),
    lambda r: float("nan"),
    lambda r: 10 ** r.choice((19, 40, 400)),
    lambda r: -(10 ** r.choice((1, 19))),
    lambda r: r.choice((0, 1, 4, 5, 2**63, 2**64)),
    lambda r: r.uniform(-1e6, 1e6),
    lambda r: r.choice((True, False, None)),
    lambda r: "a\x00b",
    lambda r: r.choice(("", "x" * 10_000, "OKR2", "ALL", "kr-activity", "nb", "error", "..")),
    lambda r: [r.choice(("OKR2", "x", "\x00", ""))] * r.randint(0, 3),
    lambda r: [[[[["deep"]]]]] if r.random() < 0.5 else _nested(r.randint(10, 60)),
    lambda r: {"a": r.choice((1, "x", [1], {"b": 2}))},
]
KEYS = [
    "select",
    "extend-select",
    "ignore",
    "per-file-ignores",
    "fail-level",
    "language",
    "include",
    "exclude",
    "rules",
    "custom-rules",
    "cache-dir",
    "max-file-size",
    "alignment",
    "levels",
    "baseline",
    "unknown-key",
]
RULE_NAMES = ["objective-key-result-count", "OKR104", "kr-inconsistent-change", "OKR302", "X"]
OPTIONS = ["min", "max", "max_words", "tolerance", "severity", "enabled", "nope"]


def _nested(depth: int) -> object:
    value: object = "x"
    for _ in range(depth):
        value = [value]
    return value


def _hostile_config(r: random.Random) -> dict:
    data: dict = {}
    for _ in range(r.randint(1, 4)):
        key = r.choice(KEYS)
        if key == "rules" and r.random() < 0.8:
            data[key] = {r.choice(RULE_NAMES): {r.choice(OPTIONS): r.choice(HOSTILE_VALUES)(r)}}
        elif key == "alignment" and r.random() < 0.7:
            data[key] = {"include": r.choice(HOSTILE_VALUES)(r)}
        else:
            data[key] = r.choice(HOSTILE_VALUES)(r)
    return data


def _use(data: dict) -> None:
    config = parse_config(data, "fuzz.toml")
    active = select_rules(builtin_rules(), config)
    alignment_config(config)
    config_fingerprint(config, active)


def test_the_config_loader_survives_hostile_values(tmp_path: Path) -> None:
    r = random.Random(SEED + 2)
    for case in range(CONFIG_CASES):
        data = _hostile_config(r)
        _survives(case, repr(data)[:2000], lambda d=data: _use(d))
        if case % 10 == 0:  # and as files, through the TOML and YAML parsers
            toml = tmp_path / "pyproject.toml"
            toml.write_text(_as_toml(r), encoding="utf-8")
            _survives(case, toml.read_text(), lambda p=toml: load_config_file(p))
            yml = tmp_path / ".okrlint.yaml"
            yml.write_text(_as_yaml(r), encoding="utf-8")
            _survives(case, yml.read_text(), lambda p=yml: load_config_file(p))


def _as_toml(r: random.Random) -> str:
    value = r.choice(
        (
            "inf",
            "nan",
            "-inf",
            "1e400",
            "9" * 30,
            "9" * 5000,
            "[" * 2000 + "]" * 2000,
            '"a\\u0000"',
            "[1, [2, [3]]]",
            "{a = 1}",
            "true",
            "-5",
            "0x" + "f" * 40,
        )
    )
    if r.random() < 0.5:
        return f"[tool.okrlint.rules.OKR103]\nmax = {value}\n"
    key = r.choice(("max-file-size", "cache-dir", "select"))
    return f"[tool.okrlint]\n{key} = {value}\n"


def _as_yaml(r: random.Random) -> str:
    return r.choice(
        (
            "select: " + "[" * 3000 + "]" * 3000,
            "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
            + "".join(
                f"{n}: &{n} [{', '.join(['*' + p] * 10)}]\n"
                for p, n in zip("abcdef", "bcdefg", strict=True)
            )
            + "select: [*g]",
            "rules: {OKR103: {max: .inf}}",
            "max-file-size: 1e400",
            "cache-dir: !!python/object:os.system x",
            "- just\n- a list",
            "select: 'OKR\\x00'",
        )
    )


def test_reports_render_the_fuzzed_documents() -> None:
    """A sample of the rule cases through every output format."""
    r = random.Random(SEED + 3)
    documents, findings = [], []
    rules = builtin_rules()
    active = [ActiveRule(rule, rule.severity, dict(rule.options)) for rule in rules]
    for case in range(40):
        lang = r.choice(("nb", "en"))
        text = _rule_document(r, lang, "yaml", [_key_result(r, lang) for _ in range(3)])
        read = _survives(case, text, lambda t=text, c=case: read_document(f"f{c}\u202e.yaml", t))
        documents.extend(read or [])
    findings = run_rules(documents, active, parse_config({}, None))
    files = tuple(FileResult(d.path, d.format, d.language, "cli", (d,)) for d in documents)
    report = Report(files, tuple(findings), rules)
    for fmt in ("text", "json", "sarif", "github", "gitlab", "junit", "html", "review"):
        _survives(0, fmt, lambda f=fmt: render(f, report))
