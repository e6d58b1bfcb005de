"""When a number is no amount: a version, a standard, a reference, a name, a tier or level,
an age group or a number a word before it names ("ISO 27001", "release 2.0", "Team 7").

``IdentifierReading`` is a part of ``numbers.Scanner``: ``_not_a_quantity`` gives the
kind and the reason, which the analysis carries to the rules.
"""

from __future__ import annotations

from okrlint import linear
from okrlint.language.analysis import NumberKind
from okrlint.language.dates import CLOCK_RE, DATE_RE, FOUR_DIGITS_RE
from okrlint.language.digits import DIGITS_DOT_RE, Core
from okrlint.language.tokens import ahead, behind, lookup_at, lower

# A version or a dotted code: "2.0", "4.2.1" (a decimal with a zero after the point, or more
# than one point).
# A year with a point and a release number ("2026.1") is a version too.
VERSION_RE = linear.compile(r"^\d+\.0$|^\d+(?:\.\d+){2,}$|^(?:19|20)\d{2}\.\d{1,2}$")
# Punctuation that opens a new part of an element: ", mål 85 %", "(goal 1,000)".
BREAKS = frozenset({",", ";", ":", "(", "[", "–", "—"})


class IdentifierReading:
    """Numbers that name or identify rather than measure (a part of ``Scanner``)."""

    def _not_a_quantity(self, i: int, core: Core) -> tuple[NumberKind, str, int] | None:
        """What a number is when it is not a quantity, why, and the token it ends before:
        dates and times, ranks and ordinals, versions, standards, references and names."""
        doc, lex = self.doc, self.lex
        text = doc[i].text
        if DATE_RE.match(text):
            return NumberKind.DATE, "a date", core.end
        if CLOCK_RE.fullmatch(text) and self._is_clock(i):
            return NumberKind.DATE, "a time of day", core.end
        p, n = behind(doc, i), ahead(doc, core.end)
        prev, nxt = lower(doc, p), lower(doc, n)
        if prev in lex.months or nxt in lex.months:
            return NumberKind.DATE, "part of a date", core.end
        if nxt in ("am", "pm", "a.m.", "p.m."):
            return NumberKind.DATE, "a time of day", core.end
        if prev in lex.rank_words:
            return NumberKind.ORDINAL, f"a rank after «{doc[p].text}»", core.end
        if DIGITS_DOT_RE.match(text) and not self._period_is_stop(i) and not core.word:
            return NumberKind.ORDINAL, "an ordinal («3.»)", core.end  # "3. kvartal", "1. plass"
        age = self._age_group(p, core.end)
        if age:
            return NumberKind.IDENTIFIER, "an age or an age group", age
        named = self._named_by(p)
        if named is not None and self._target_word_before(p, i, core):
            named = None  # "i dag 61 %, mål 85 %": "mål" states the target, it names nothing
        if named is not None:
            return NumberKind.IDENTIFIER, named, self._identifier_tail(core.end)
        if core.word:
            return None  # names with number words are read by ``_word_allowed``
        if nxt in lex.version_after:
            return NumberKind.IDENTIFIER, f"a name («{text} {doc[n].text}»)", core.end
        glued_after_word = p > 0 and not doc[p - 1].whitespace_ and doc[p - 1].is_alpha
        if prev == "-" and glued_after_word and not doc[p].whitespace_:  # "COVID-19"
            return NumberKind.IDENTIFIER, "part of a name or code", core.end
        if self._hyphen_at(i) and doc[i + 2].is_title:  # "7-Eleven", "24-Hour Fitness"
            return NumberKind.IDENTIFIER, "part of a name", i + 3
        name = self._name_before(i, core)
        if name is not None:
            return NumberKind.IDENTIFIER, f"part of the name «{name} {text}»", core.end
        return None

    def _named_by(self, p: int) -> str | None:
        """Why token p makes the number after it a name: a label word ("version", "tier",
        "artikkel", "§"), a compound of a label head ("utførelsesklasse") or a standard ("ISO",
        "EN"), or None."""
        if p < 0:
            return None
        doc, lex = self.doc, self.lex
        word, low = doc[p].text, doc[p].lower_
        if word in lex.standards:
            return f"a standard or specification («{word}»)"
        if low in lex.label_words:
            return f"a name or reference after «{word}»"
        if doc[p].is_alpha and any(
            low.endswith(h) and len(low) >= len(h) + 3 for h in lex.label_heads
        ):
            return f"a class or level after «{word}»"
        if VERSION_RE.match(doc[ahead(doc, p + 1)].text) and self._name_like(p, version=True):
            return f"a version of «{word}»"
        return None

    def _age_group(self, p: int, end: int) -> int:
        """The end of an age or age group ("13–19 year-olds", "aged 65+", "i alderen 13–15",
        "13–19-åringer"): it says who is counted, not how many; 0 when the number is none."""
        doc, markers = self.doc, self.lex.markers
        before, after = markers["age_before"], markers["age_after"]
        if not after:
            return 0
        tail = self._identifier_tail(end)  # past a range: "13–19"
        if p >= 0 and doc[p].lower_ in before:
            return tail
        last = doc[tail - 1].lower_
        if "-" in last and last.rsplit("-", 1)[1] in after:
            return tail  # "13–19-åringer"
        n = ahead(doc, tail)
        found = lookup_at(doc, n, after, longest=4)[0] if n < len(doc) else n
        return found if found > n else 0

    def _target_word_before(self, p: int, i: int, core: Core) -> bool:
        """Whether token p is a word that both labels ("goal 3.2", "mål 4") and states a target
        ("goal 90 %", "mål 85 %"), used here for the target: after a comma, colon, semicolon or
        bracket (", mål 1 000"), or before a number with a unit or thousand groups."""
        doc, lex = self.doc, self.lex
        if doc[p].lower_ not in lex.markers.get("target", frozenset()):
            return False
        if lower(doc, behind(doc, p)) in BREAKS:
            return True
        if core.glued or core.end != i + 1 or core.value >= 1000:
            return True
        n = ahead(doc, core.end)
        return n < len(doc) and lookup_at(doc, n, lex.units_or_multipliers)[1] is not None

    def _identifier_tail(self, end: int) -> int:
        """Past what continues an identifier: a range or part ("grade 3–5", "EN 1090-2",
        "ISO 27001:2022")."""
        doc = self.doc
        if end + 1 < len(doc) and doc[end].text in ("-", "–", "—", ":", "/"):
            glued = not doc[end - 1].whitespace_ and not doc[end].whitespace_
            spaced_range = doc[end].text in ("–", "—")
            if (glued or spaced_range) and doc[ahead(doc, end + 1)].text[:1].isdigit():
                return ahead(doc, end + 1) + 1
        return end

    def _name_like(self, p: int, *, version: bool = False) -> bool:
        """Whether token p can be (the end of) a proper name: capitalised or mixed case, not a
        metric ("NPS"), not the element's opening word and not a word the lexicon knows. Before
        a version a capitalised common word is a name too ("Kontakt 2.0", "Connect 3.0")."""
        doc, lex = self.doc, self.lex
        tok = doc[p]
        parts = tok.text.split("-")
        if len(parts) > 1 and all(part.isalpha() for part in parts) and p != self._first_word():
            return parts[0][:1].isupper()  # a hyphenated name: "Nord-appen 2.0"
        if not tok.is_alpha or tok.is_lower or p == self._first_word():
            return False
        if tok.is_stop and not version:
            return False
        low = tok.lower_
        if low in lex.metric_names or low in lex.verb_forms or low in lex.unit_phrases:
            return False
        return low not in lex.months and low not in lex.number_words

    def _name_before(self, i: int, core: Core) -> str | None:
        """ "Microsoft 365", "eByggesak 5", "Rema 1000", "Senior 7+": a number right after a
        proper name, with no unit after it and no noun it could count, is part of the name;
        after a definite word ("the Fjell 2 chair") it is, before a noun too."""
        doc, lex = self.doc, self.lex
        p = behind(doc, i)
        if p < 0 or not doc[p].whitespace_ or not self._name_like(p):
            return None
        if doc[p].is_upper and not VERSION_RE.match(doc[i].text):
            return None  # "NPS 45", "KPI 3": capitals before a plain number are a level
        text = doc[i].text
        if (FOUR_DIGITS_RE.fullmatch(text) and text[:2] in ("19", "20")) or core.end != i + 1:
            return None  # a year, or a number with thousand groups
        end = core.end
        if end < len(doc) and doc[end].text == "+" and not doc[end - 1].whitespace_:
            end += 1  # "Senior 7+"
        n = ahead(doc, end)
        if n >= len(doc):
            return doc[p].text
        nxt = doc[n]
        if lookup_at(doc, n, lex.units_or_multipliers)[1] or nxt.lower_ in lex.scales:
            return None
        if nxt.is_punct or nxt.is_stop or nxt.lower_ in lex.deadline_markers:
            return doc[p].text
        if lower(doc, behind(doc, p)) in lex.markers.get("definite_names", frozenset()):
            return doc[p].text  # "the Fjell 2 chair", "our Model 3 fleet"
        return None

    def _first_word(self) -> int:
        doc = self.doc
        i = ahead(doc, 0)
        while i < len(doc) and not doc[i].is_alpha:
            i = ahead(doc, i + 1)
        return i
