"""Messages in the reader's language: English in the code, Norwegian Bokmål from a catalogue.

English is the source language. Rules, reporters and the command line write English
sentences with ``{named}`` placeholders and wrap them in ``_``, ``ngettext`` or ``pgettext``.
Those calls do not translate on the spot: each returns a :class:`Message`, a ``str`` that
*is* the English sentence and also remembers its catalogue entry and its values, so that a
reporter can say it again in the language of the document it describes::

    message = _("replace {word} with a number", word="«flere»")
    message == "replace «flere» with a number"      # what JSON, SARIF and tests see
    say(message, "nb") == "bytt ut «flere» med et tall"

Values are said as they are (the user's words, already quoted by the rule), except numbers,
which are written the way the language writes them ("1,500" / "1 500"), and messages,
which are said in the same language.

The translations are gettext catalogues: ``okrlint/locale/<lang>/LC_MESSAGES/okrlint.po``,
compiled to ``okrlint.mo`` beside it and read here with the standard library's ``gettext``.
Babel extracts and compiles them during development (README, "Translations"); nothing but
the standard library runs at run time.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from functools import cache

DOMAIN = "okrlint"
SOURCE_LANGUAGE = "en"
LANGUAGES = ("en", "nb")  # every language okrlint speaks; the first is the source


class Message(str):
    """An English sentence that knows how to say itself in another language.

    The ``str`` value is the English rendering, so everything that treats a message as text
    (JSON, SARIF, baselines, sorting, tests) sees English, as before. ``say(lang)`` looks the
    entry up in ``lang``'s catalogue and fills in the same values.
    """

    msgid: str
    plural: str | None
    count: int | None
    context: str | None
    values: tuple[tuple[str, object], ...]

    def __new__(
        cls,
        msgid: str,
        plural: str | None = None,
        count: int | None = None,
        context: str | None = None,
        values: tuple[tuple[str, object], ...] = (),
    ) -> Message:
        template = msgid if plural is None or count == 1 else plural
        self = super().__new__(cls, _fill(template, values, SOURCE_LANGUAGE))
        return self._with(msgid, plural, count, context, values)

    @classmethod
    def restore(
        cls,
        text: str,
        msgid: str,
        plural: str | None,
        count: int | None,
        context: str | None,
        values: tuple[tuple[str, object], ...],
    ) -> Message:
        """A message as stored with its English ``text`` (the cache), which is not filled in
        again: okrlint's own code, and so its English, is part of every cache key."""
        return super().__new__(cls, text)._with(msgid, plural, count, context, values)

    def _with(
        self,
        msgid: str,
        plural: str | None,
        count: int | None,
        context: str | None,
        values: tuple[tuple[str, object], ...],
    ) -> Message:
        """This message with what it was made from: its catalogue key and values."""
        self.msgid = msgid
        self.plural = plural
        self.count = count
        self.context = context
        self.values = values
        return self

    def __reduce__(self):  # pickled for --jobs workers: rebuilt from the entry, not the text
        return (Message, (self.msgid, self.plural, self.count, self.context, self.values))

    def say(self, lang: str | None) -> str:
        """The message in ``lang`` ("en", "nb"); English when the catalogue has no entry."""
        if not lang or lang == SOURCE_LANGUAGE:
            return str(self)
        said = self.__dict__.setdefault("_said", {})  # a message shared by many findings
        if lang not in said:  # (the cache shares them) is looked up and filled in once
            said[lang] = self._translated(lang)
        return said[lang]

    def _translated(self, lang: str) -> str:
        t = catalogue(lang)
        if self.plural is not None:
            count = self.count if self.count is not None else 0
            if self.context is None:
                template = t.ngettext(self.msgid, self.plural, count)
            else:
                template = t.npgettext(self.context, self.msgid, self.plural, count)
        elif self.context is None:
            template = t.gettext(self.msgid)
        else:
            template = t.pgettext(self.context, self.msgid)
        try:
            return _fill(template, self.values, lang)
        except (KeyError, IndexError, ValueError):  # a broken translation: say it in English
            return str(self)


def _(msgid: str, /, **values: object) -> Message:
    """A message: ``msgid`` is the English text, with ``{name}`` for each value."""
    return Message(msgid, values=tuple(values.items()))


def ngettext(singular: str, plural: str, n: int, /, **values: object) -> Message:
    """A message whose words follow a count: "1 problem", "3 problems". ``{n}`` is the count
    unless ``values`` gives ``n`` itself."""
    values.setdefault("n", n)
    return Message(singular, plural, n, values=tuple(values.items()))


def pgettext(context: str, msgid: str, /, **values: object) -> Message:
    """A short message that needs a context to be translated right ("error" the severity)."""
    return Message(msgid, context=context, values=tuple(values.items()))


def npgettext(context: str, singular: str, plural: str, n: int, /, **values: object) -> Message:
    values.setdefault("n", n)
    return Message(singular, plural, n, context, tuple(values.items()))


def with_guess(problem: Message, near: str | None) -> Message:
    """``problem``, followed by the did-you-mean when there is a close name."""
    if not near:
        return problem
    return _("{problem}; did you mean '{near}'?", problem=problem, near=near)


def translate(text: str, lang: str | None) -> str:
    """A text that is its own catalogue entry (a rule's summary, a paragraph of its
    documentation) in ``lang``; the text itself when the catalogue has no entry for it."""
    if isinstance(text, Message):
        return text.say(lang)
    if not lang or lang == SOURCE_LANGUAGE or not text:
        return text
    return catalogue(lang).gettext(text)


def say(text: str | None, lang: str | None) -> str | None:
    """``text`` in ``lang`` when it is a Message; any other text as it is (a plugin's
    or a YAML rule's own words, a file name)."""
    if isinstance(text, Message):
        return text.say(lang)
    return text


class Translator:
    """Says messages in one language at once, for templates and tables of labels:
    ``Translator("nb").gettext("Key results")`` -> "Nøkkelresultater"."""

    def __init__(self, lang: str | None) -> None:
        self.lang = lang

    def gettext(self, msgid: str, /, **values: object) -> str:
        return Message(msgid, values=tuple(values.items())).say(self.lang)

    def ngettext(self, singular: str, plural: str, n: int, /, **values: object) -> str:
        return ngettext(singular, plural, n, **values).say(self.lang)

    def pgettext(self, context: str, msgid: str, /, **values: object) -> str:
        return pgettext(context, msgid, **values).say(self.lang)

    def quote(self, text: str) -> str:
        return quote(text, self.lang)

    def number(self, value: float) -> str:
        return format_number(value, self.lang)


def format_number(value: float, lang: str | None) -> str:
    """A number the way the language writes it: "150,000" / "1.5" in English, "150 000" /
    "1,5" in Norwegian (a space between thousands, a decimal comma)."""
    rounded = round(value, 2)
    if rounded == int(rounded):
        text = f"{int(rounded):,}"
    else:
        text = f"{rounded:,.2f}".rstrip("0").rstrip(".")
    if lang == "nb":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", " ")
    return text


def quote(text: str, lang: str | None) -> str:
    """Words quoted the way the language quotes them: «…» in Norwegian, “…” in English."""
    return f"«{text}»" if lang == "nb" else f"“{text}”"


def _fill(template: str, values: tuple[tuple[str, object], ...], lang: str) -> str:
    if not values:
        return template
    return template.format_map(_Said(values, lang))


class _Said(Mapping):
    """The values of a message as ``lang`` says them, looked up by ``str.format_map``."""

    def __init__(self, values: tuple[tuple[str, object], ...], lang: str) -> None:
        self._values = dict(values)
        self._lang = lang

    def __getitem__(self, key: str) -> str:
        value = self._values[key]
        if isinstance(value, Message):
            return value.say(self._lang)
        if isinstance(value, bool) or not isinstance(value, int | float):
            return str(value)
        return format_number(value, self._lang)

    def __iter__(self):
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


@cache
def catalogue(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``lang``, read once; none (English) when there is none."""
    if lang == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    # beside this module in the installed package (read as a plain file: importlib.resources
    # would import tempfile, shutil and zipfile into every run that speaks Norwegian)
    path = os.path.join(os.path.dirname(__file__), "locale", lang, "LC_MESSAGES", f"{DOMAIN}.mo")
    try:
        with open(path, "rb") as data:
            return gettext.GNUTranslations(data)
    except OSError:
        return gettext.NullTranslations()


def language_of_locale(env: Mapping[str, str]) -> str | None:
    """The language okrlint speaks that the user's locale asks for, as gettext reads it:
    LANGUAGE (a colon-separated list), then LC_ALL, LC_MESSAGES and LANG. None when the
    locale names none of them (or is C / POSIX)."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if not value:
            continue
        for item in value.split(":") if var == "LANGUAGE" else (value,):
            code = item.split(".")[0].split("@")[0].split("_")[0].lower()
            if code in ("nb", "no", "nn"):
                return "nb"
            if code in LANGUAGES:
                return code
        if var != "LANGUAGE":
            return None  # the first locale variable set decides
    return None
