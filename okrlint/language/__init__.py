"""The language layer: text in, ``Analysis`` out.

spaCy is imported lazily (only when a pipeline is first needed), so that
importing okrlint, ``okrlint --help`` and ``okrlint rules`` stay instant.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from okrlint.language.analysis import Analysis
from okrlint.lazy import lazy_names

if TYPE_CHECKING:
    from spacy.language import Language

    from okrlint.language.detect import detect_language, differing_language
    from okrlint.language.lexicon import SUPPORTED_LANGUAGES, Lexicon, load_lexicon

# Imported when first asked for: a rule module imports the analysis types through this
# package, and a run served from the cache needs neither detection nor the lexicons.
_LAZY = {
    "detect_language": "okrlint.language.detect",
    "differing_language": "okrlint.language.detect",
    "SUPPORTED_LANGUAGES": "okrlint.language.lexicon",
    "Lexicon": "okrlint.language.lexicon",
    "load_lexicon": "okrlint.language.lexicon",
}


__getattr__ = lazy_names(globals(), _LAZY)

__all__ = [
    "SUPPORTED_LANGUAGES",
    "Analysis",
    "Lexicon",
    "analyse_texts",
    "detect_language",
    "differing_language",
    "forget_analyses",
    "get_nlp",
    "keep_analyses",
    "load_lexicon",
    "remember_analyses",
]

BATCH_SIZE = 256
# An objective or key result is a sentence or two. Longer text is analysed up to this many
# characters only: the analysis is linear but not cheap (a 1 MB key result took 20 s), and
# a pasted log or a hostile file must not stall a run. Offsets stay valid: a prefix is cut.
MAX_ANALYSED_CHARS = 5_000


def get_nlp(lang: str) -> Language:
    """The cached pipeline for ``lang``: spacy.blank(lang) plus okrlint's components."""
    from okrlint.language.pipeline import get_nlp as build

    return build(lang)


# Analyses already made in this process, by (language, text), once ``remember_analyses`` is
# called. A worker of ``--jobs`` checks several batches of files, and the same key result
# often recurs across them (a team repeating the company's key result, a template). A
# serial run analyses every distinct text in one call and keeps nothing: remembering would
# only hold memory after the rules are done with it.
_made: dict[tuple[str, str], Analysis] | None = None
MADE_LIMIT = 200_000  # entries; about the analyses of 200 000 distinct elements


def remember_analyses() -> None:
    """From now on, keep the analyses made in this process (bounded) and reuse them."""
    global _made
    if _made is None:
        _made = {}


def keep_analyses(wanted: Collection[tuple[str, str]]) -> None:
    """Of the analyses kept (``remember_analyses``), let go of those whose (language, text)
    is not in ``wanted``: the language server keeps the texts of the open documents, not
    every text typed on the way to them."""
    if _made is not None and len(_made) > len(wanted):
        for key in [k for k in _made if k not in wanted]:
            del _made[key]


def forget_analyses() -> None:
    """Stop keeping analyses (``remember_analyses``) and let go of those kept."""
    global _made
    _made = None


def analyse_texts(lang: str, texts: Sequence[str]) -> list[Analysis]:
    """One Analysis per text, in the same order; the new ones from a single ``nlp.pipe`` run."""
    if not texts:
        return []
    made = _made if _made is not None else {}
    new = [t for t in dict.fromkeys(texts) if (lang, t) not in made]
    if new:
        if len(made) + len(new) > MADE_LIMIT:
            made.clear()  # a bound on memory; the texts at hand are made again below
            new = list(dict.fromkeys(texts))
        nlp = get_nlp(lang)
        bounded = (_analysed_part(text) for text in new)
        docs = nlp.pipe(bounded, batch_size=BATCH_SIZE)
        made.update(((lang, t), doc._.okr_analysis) for t, doc in zip(new, docs, strict=True))
    return [made[(lang, t)] for t in texts]


def _analysed_part(text: str) -> str:
    """The text, or its first MAX_ANALYSED_CHARS cut at a space so no word is split."""
    if len(text) <= MAX_ANALYSED_CHARS:
        return text
    head = text[:MAX_ANALYSED_CHARS]
    space = head.rfind(" ", MAX_ANALYSED_CHARS - 200)
    return head[:space] if space > 0 else head
