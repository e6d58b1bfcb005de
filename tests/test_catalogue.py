"""The message catalogue: every message okrlint says is in it, Norwegian says each one with
the same placeholders, and the compiled .mo okrlint reads is the .po it was made from.

When one of these fails after a change to a message: run ``python -m okrlint.catalogue``
from the top folder, translate what it lists in okrlint/locale/nb/LC_MESSAGES/okrlint.po,
and run it again (README, "Translations").
"""

from __future__ import annotations

import gettext
import string

import pytest
from conftest import ROOT

from okrlint import catalogue
from okrlint.i18n import LANGUAGES, SOURCE_LANGUAGE

babel_pofile = pytest.importorskip("babel.messages.pofile")
TRANSLATED = [lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE]
FIX = "run 'python -m okrlint.catalogue' and translate what it lists"


def po(lang: str):
    with catalogue.po_path(lang, ROOT).open("rb") as handle:
        return babel_pofile.read_po(handle)


def entries(lang: str) -> list:
    return [m for m in po(lang) if m.id]


def forms(value) -> tuple[str, ...]:
    return tuple(value) if isinstance(value, list | tuple) else (value,)


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def key(message) -> tuple:
    return (message.context, forms(message.id))


@pytest.fixture(scope="module")
def in_code():
    return catalogue.extracted(ROOT)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalogue_holds_every_message_of_the_code(lang: str, in_code) -> None:
    said = {key(m) for m in entries(lang)}
    missing = [forms(m.id)[0] for m in in_code if m.id and key(m) not in said]
    assert not missing, f"not in the {lang} catalogue ({FIX}): {missing[:10]}"
    assert len(in_code) > 100  # the reporters' and the command line's words


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_has_a_translation(lang: str) -> None:
    untranslated = [
        forms(m.id)[0]
        for m in entries(lang)
        if m.fuzzy or not all(s.strip() for s in forms(m.string))
    ]
    assert not untranslated, (
        f"{len(untranslated)} without a {lang} translation: {untranslated[:10]}"
    )


@pytest.mark.parametrize("lang", TRANSLATED)
def test_placeholders_are_the_same_in_every_language(lang: str) -> None:
    wrong = []
    for m in entries(lang):
        english = set().union(*(fields(s) for s in forms(m.id)))
        translated = [fields(s) for s in forms(m.string)]
        if isinstance(m.id, list | tuple):
            # a plural's forms may each leave the count out ("Top fix"), never add a name
            same = set().union(*translated) == english and all(t <= english for t in translated)
        else:
            same = translated == [english]
        if not same:
            wrong.append((forms(m.id)[0], sorted(english), [sorted(t) for t in translated]))
    assert not wrong, f"placeholders differ between en and {lang}: {wrong[:5]}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_plural_entries_have_every_form(lang: str) -> None:
    catalog = po(lang)
    assert catalog.num_plurals == 2 and catalog.plural_expr == "(n != 1)"
    short = [m.id[0] for m in catalog if isinstance(m.id, list | tuple) and len(m.string) != 2]
    assert not short


@pytest.mark.parametrize("lang", TRANSLATED)
def test_compiled_catalogue_is_its_source(lang: str) -> None:
    mo_path = catalogue.po_path(lang, ROOT).with_suffix(".mo")
    with mo_path.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)._catalog
    expected: dict = {}
    for m in entries(lang):
        if m.fuzzy:
            continue
        msgid = forms(m.id)[0] if m.context is None else f"{m.context}\x04{forms(m.id)[0]}"
        if isinstance(m.id, list | tuple):
            expected.update({(msgid, i): s for i, s in enumerate(m.string)})
        else:
            expected[msgid] = m.string
    compiled = {k: v for k, v in compiled.items() if k != ""}  # the header
    assert compiled == expected, f"{mo_path.name} is out of date with its .po ({FIX})"


def test_norwegian_quotes_words_with_guillemets() -> None:
    """«…» as the article writes them; straight quotes only around code and file syntax
    (a paragraph that is code, such as a config example, is said as it is)."""
    straight = [
        m.string
        for m in entries("nb")
        for s in forms(m.string)
        if '"' in s.replace('\\"', "") and "`" not in s and s != m.id
    ]
    assert not straight, straight[:5]
