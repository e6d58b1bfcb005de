"""The seed article's own run reads, start to end, as Norwegian: `okrlint check` (with
--statistics) and `okrlint review` on the article print no English sentence.

Two checks on every line, after the user's quoted words («…»), field names ('why:'), rule
codes and rule names (never translated) are taken out:
- no literal piece of an English catalogue entry is left (a message that went through the
  catalogue but was said in English);
- no English word that Norwegian does not share is left (a sentence that never went
  through the catalogue at all). Words the article itself uses ("employee Net Promoter
  Score") are the writer's own and may appear.
"""

from __future__ import annotations

import re
import shutil
import string

import pytest
from conftest import SEED, run_okrlint

from okrlint import catalogue
from okrlint.registry import builtin_rules

babel_pofile = pytest.importorskip("babel.messages.pofile")

C_LOCALE = {"LANG": "C.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}
# Words of an English sentence that no Norwegian sentence uses.
ENGLISH = {
    "the",
    "is",
    "has",
    "have",
    "with",
    "without",
    "and",
    "not",
    "does",
    "which",
    "its",
    "it",
    "of",
    "that",
    "this",
    "key",
    "result",
    "results",
    "objective",
    "objectives",
    "from",
    "add",
    "or",
    "move",
    "replace",
    "measure",
    "say",
    "should",
    "found",
    "problem",
    "problems",
    "error",
    "errors",
    "warning",
    "warnings",
    "file",
    "files",
    "number",
    "hint",
    "score",
    "quality",
    "value",
    "target",
    "baseline",
    "why",
    "what",
    "how",
    "when",
}
QUOTED = re.compile(r"«[^«»]*»|'[^' ]+'")  # the user's words; a field name ('why:')
WORD = re.compile(r"[A-Za-zÆØÅæøå]+")


def english_pieces() -> set[str]:
    """The literal pieces (three words or more) of every catalogue entry that Norwegian
    says differently, lower-cased."""
    with catalogue.po_path("nb").open("rb") as handle:
        catalog = babel_pofile.read_po(handle)
    pieces: set[str] = set()
    norwegian = " ".join(
        " ".join(WORD.findall(text)).lower()
        for m in catalog
        if m.id
        for text in (m.string if isinstance(m.string, list | tuple) else (m.string,))
    )
    for message in catalog:
        if not message.id or message.string == message.id:
            continue
        for msgid in message.id if isinstance(message.id, list | tuple) else (message.id,):
            for literal, *_ in string.Formatter().parse(msgid.replace("{{", "").replace("}}", "")):
                for piece in re.split(r"[;:()«»'\"]", literal or ""):
                    words = WORD.findall(piece)
                    piece = " ".join(words).lower()
                    if len(words) >= 3 and piece not in norwegian:  # not "fra X til Y"
                        pieces.add(piece)
    return pieces


@pytest.fixture(scope="module")
def seed_runs(tmp_path_factory) -> list[str]:
    if not SEED.is_file():
        pytest.skip("the seed article is not beside the checkout")
    folder = tmp_path_factory.mktemp("seed")
    shutil.copy(SEED, folder / SEED.name)
    check = run_okrlint("check", "--no-cache", "--statistics", SEED.name, cwd=folder, env=C_LOCALE)
    review = run_okrlint("review", "--no-cache", SEED.name, cwd=folder, env=C_LOCALE)
    assert check.code == 1 and review.code == 1, check.err + review.err
    assert check.err == "" and review.err == ""
    return [check.out, review.out]


def cleaned(line: str) -> str:
    line = QUOTED.sub(" ", line)
    for rule in builtin_rules():
        line = line.replace(rule.code, " ").replace(rule.name, " ")
    return line.replace(SEED.name, " ")


def test_the_seed_run_has_no_english_catalogue_sentence(seed_runs: list[str]) -> None:
    pieces = english_pieces()
    assert len(pieces) > 300  # the catalogue's sentences, not a handful
    left = []
    for output in seed_runs:
        for line in output.splitlines():
            said = " ".join(WORD.findall(cleaned(line))).lower()
            left += [(piece, line) for piece in pieces if re.search(rf"\b{piece}\b", said)]
    assert not left, left[:5]


def test_the_seed_run_has_no_english_words(seed_runs: list[str]) -> None:
    article = {w.lower() for w in WORD.findall(SEED.read_text(encoding="utf-8"))}
    english = ENGLISH - article
    assert {"the", "with", "has", "replace", "measure"} <= english  # the article says "key result"
    left = []
    for output in seed_runs:
        for line in output.splitlines():
            words = {w.lower() for w in WORD.findall(cleaned(line))}
            left += [(sorted(words & english), line) for _ in [0] if words & english]
    assert not left, left[:5]


def test_the_seed_run_speaks_norwegian(seed_runs: list[str]) -> None:
    check, review = seed_runs
    assert "nøkkelresultatet har ikke noe tall å måle etter" in check
    assert "    tips: " in check
    assert "Fant 24 problemer (6 feil, 11 advarsler, 7 info) i 1 fil" in check
    assert "Mål o1: Dominere kaffebransjen i Oslo" in review
