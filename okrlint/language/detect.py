"""Guessing whether a text is English or Norwegian Bokmål.

A short, fair scorer: each word found in one language's stop-word list (spaCy's
small ``stop_words`` modules) or lexicon word list, and not in the other's,
counts for that language; the Norwegian letters æ, ø and å count for nb.
Unsure means English. ``differing_language`` asks the same of one objective or key result
against the language around it, and answers only when the evidence is clear.
"""

from __future__ import annotations

import functools
import re

from okrlint import linear
from okrlint.language.lexicon import load_lexicon

WORD_RE = linear.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
NORWEGIAN_LETTERS = linear.compile(r"[æøå]", re.IGNORECASE)


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


def detect_language(text: str) -> str:
    """'nb' when the text reads as Norwegian Bokmål, else 'en'."""
    scores = _scores(text)
    return "nb" if scores["nb"] > scores["en"] else "en"


# An element is read in another language than its file's only on clear evidence: at least
# this many words (or Norwegian letters) of the other language, and this many times the
# evidence for the file's. "Reduce support tickets by 20%" in a Norwegian file has two
# English words and none Norwegian; "Churn under 2 %" has neither and stays with its file;
# "Selge 20 000 matvarer via Too Good To Go" names an English brand (3 to 1) and stays too.
CLEAR_WORDS = 2
CLEAR_RATIO = 4


def _scores(text: str) -> dict[str, float]:
    en_words, nb_words = _vocabularies()
    words = [w.lower() for w in WORD_RE.findall(text or "")]
    nb_letters = 2 * len(NORWEGIAN_LETTERS.findall(text or "")) ** 0.5
    return {
        "en": float(sum(w in en_words for w in words)),
        "nb": sum(w in nb_words for w in words) + nb_letters,
    }


def differing_language(text: str, around: str) -> str | None:
    """The language of ``text`` when it clearly is not ``around`` (the language of the file
    or objective it stands in), else None: an English objective in a Norwegian file."""
    other = "nb" if around == "en" else "en"
    scores = _scores(text)
    if scores[other] >= CLEAR_WORDS and scores[other] >= CLEAR_RATIO * scores[around]:
        return other
    return None
