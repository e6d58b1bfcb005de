"""Guessing whether a text is English or Norwegian Bokmål.

A short, fair scorer: each word found in one language's stop-word list (spaCy's
small ``stop_words`` modules) or lexicon word list, and not in the other's,
counts for that language; the Norwegian letters æ, ø and å count for nb.
Unsure means English. ``differing_language`` asks the same of one objective or key result
against the language around it, and answers only when the evidence is clear.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from okrlint import linear
from okrlint.language.lexicon import load_lexicon

WORD_RE = linear.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
NORWEGIAN_LETTERS = "æøåÆØÅ"


@functools.cache
def _vocabularies() -> tuple[frozenset[str], frozenset[str]]:
    from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP
    from spacy.lang.nb.stop_words import STOP_WORDS as NB_STOP

    en, nb = load_lexicon("en"), load_lexicon("nb")
    en_words = set(EN_STOP) | en.detect_words | set(en.number_words)
    nb_words = set(NB_STOP) | nb.detect_words | set(nb.number_words)
    for lex, bucket in ((en, en_words), (nb, nb_words)):
        for forms in lex.verbs.values():
            bucket.update(f for f in forms if " " not in f)
    shared = en_words & nb_words  # "i", "to", "under", "per" ... say nothing
    return frozenset(en_words - shared), frozenset(nb_words - shared)


# A document's language shows long before this many characters; reading all of a large one
# only costs time.
DETECT_CHARS = 50_000


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a text says about its language: words only English or only Norwegian has, and
    the Norwegian letters æ, ø, å. Evidence adds up: the sum over a file's elements is the
    evidence of the whole file, so each element is read once."""

    en: int = 0
    nb: int = 0
    letters: int = 0

    def __add__(self, other: Evidence) -> Evidence:
        return Evidence(self.en + other.en, self.nb + other.nb, self.letters + other.letters)

    def score(self, lang: str) -> float:
        if lang == "en":
            return float(self.en)
        return self.nb + 2 * self.letters**0.5

    @property
    def language(self) -> str:
        """'nb' when the evidence reads as Norwegian Bokmål, else 'en'."""
        return "nb" if self.score("nb") > self.score("en") else "en"

    def differs_from(self, around: str) -> str | None:
        """The other language when the evidence for it is clear (see CLEAR_WORDS), else None."""
        other = "nb" if around == "en" else "en"
        theirs = self.score(other)
        return (
            other if theirs >= CLEAR_WORDS and theirs >= CLEAR_RATIO * self.score(around) else None
        )


def evidence(text: str) -> Evidence:
    en_words, nb_words = _vocabularies()
    text = (text or "")[:DETECT_CHARS]
    en = nb = 0
    for word in WORD_RE.findall(text):
        word = word.lower()
        if word in en_words:
            en += 1
        elif word in nb_words:
            nb += 1
    return Evidence(en, nb, sum(text.count(letter) for letter in NORWEGIAN_LETTERS))


def detect_language(text: str) -> str:
    """'nb' when the text reads as Norwegian Bokmål, else 'en'."""
    return evidence(text).language


# An element is read in another language than its file's only on clear evidence: at least
# this many words (or Norwegian letters) of the other language, and this many times the
# evidence for the file's. "Reduce support tickets by 20%" in a Norwegian file has two
# English words and none Norwegian; "Churn under 2 %" has neither and stays with its file;
# "Selge 20 000 matvarer via Too Good To Go" names an English brand (3 to 1) and stays too.
CLEAR_WORDS = 2
CLEAR_RATIO = 4


def differing_language(text: str, around: str) -> str | None:
    """The language of ``text`` when it clearly is not ``around`` (the language of the file
    or objective it stands in), else None: an English objective in a Norwegian file."""
    return evidence(text).differs_from(around)
