"""Guessing whether a text is English or Norwegian Bokmål.

A short, fair scorer: each word found in one language's stop-word list (spaCy's
small ``stop_words`` modules) or lexicon word list, and not in the other's,
counts for that language; the Norwegian letters æ, ø and å count for nb.
Unsure means English.
"""

from __future__ import annotations

import functools

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


def detect_language(text: str) -> str:
    """'nb' when the text reads as Norwegian Bokmål, else 'en'."""
    en_words, nb_words = _vocabularies()
    text = (text or "")[:DETECT_CHARS]
    words = [w.lower() for w in WORD_RE.findall(text)]
    en_score = sum(w in en_words for w in words)
    nb_score = sum(w in nb_words for w in words)
    nb_score += 2 * sum(text.count(letter) for letter in NORWEGIAN_LETTERS) ** 0.5
    return "nb" if nb_score > en_score else "en"
