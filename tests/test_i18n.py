"""Messages as catalogue entries: a Message is its English sentence, says itself in Norwegian
from the catalogue, survives the cache and --jobs workers, and writes numbers the way each
language does."""

from __future__ import annotations

import pickle

from okrlint import cache
from okrlint.i18n import (
    Message,
    Translator,
    _,
    format_number,
    language_of_locale,
    ngettext,
    pgettext,
    say,
    translate,
)
from okrlint.model import Finding, Severity, Span


def test_a_message_is_its_english_sentence() -> None:
    message = _("Hint: {hint}", hint="add a number")
    assert message == "Hint: add a number"
    assert isinstance(message, str)
    assert say(message, "en") == "Hint: add a number"
    assert say(message, "nb") == "Tips: add a number"


def test_values_that_are_messages_are_said_in_the_same_language() -> None:
    message = _("Hint: {hint}", hint=_("Hint: {hint}", hint="x"))
    assert message == "Hint: Hint: x"
    assert say(message, "nb") == "Tips: Tips: x"


def test_plural_forms_follow_the_count_in_each_language() -> None:
    assert [ngettext("{n} problem", "{n} problems", n) for n in (0, 1, 3)] == [
        "0 problems",
        "1 problem",
        "3 problems",
    ]
    assert [say(ngettext("{n} problem", "{n} problems", n), "nb") for n in (0, 1, 3)] == [
        "0 problemer",
        "1 problem",
        "3 problemer",
    ]
    assert say(ngettext("{n} key result", "{n} key results", 1), "nb") == "1 nøkkelresultat"
    assert say(ngettext("{n} key result", "{n} key results", 5), "nb") == "5 nøkkelresultater"


def test_numbers_are_written_the_way_the_language_writes_them() -> None:
    assert ngettext("{n} finding", "{n} findings", 1500) == "1,500 findings"
    assert say(ngettext("{n} finding", "{n} findings", 1500), "nb") == "1 500 funn"
    assert format_number(1.5, "en") == "1.5"
    assert format_number(1.5, "nb") == "1,5"
    assert format_number(150000, "nb") == "150 000"


def test_context_tells_a_severity_from_a_review_mark() -> None:
    assert say(pgettext("severity", "error"), "nb") == "feil"
    assert say(pgettext("review mark", "ERR"), "nb") == "FEIL"
    assert Translator("nb").pgettext("severity", "warning") == "advarsel"


def test_text_that_is_no_catalogue_entry_is_said_as_it_is() -> None:
    """A plugin's own message, a YAML rule's words: okrlint cannot translate them."""
    assert say("avoid the buzzword 'synergy'", "nb") == "avoid the buzzword 'synergy'"
    assert translate("A summary nobody translated.", "nb") == "A summary nobody translated."
    assert say(None, "nb") is None
    assert say(_("an entry the catalogue does not have"), "nb") == (
        "an entry the catalogue does not have"
    )


def test_a_translation_with_a_wrong_placeholder_is_said_in_english(monkeypatch) -> None:
    """The placeholder test keeps the catalogue right; should one slip through, the reader
    gets the English sentence, never a traceback."""
    import gettext

    from okrlint import i18n

    class Misspelt(gettext.NullTranslations):
        def gettext(self, message: str) -> str:
            return "Tips: {hnit}"

    monkeypatch.setattr(i18n, "catalogue", lambda lang: Misspelt())
    assert say(_("Hint: {hint}", hint="x"), "nb") == "Hint: x"


def test_messages_survive_pickling_for_jobs_workers() -> None:
    message = _("Hint: {hint}", hint=ngettext("{n} problem", "{n} problems", 3))
    back = pickle.loads(pickle.dumps(message))
    assert type(back) is Message and back == message
    assert say(back, "nb") == "Tips: 3 problemer"


def test_messages_survive_the_cache() -> None:
    finding = Finding(
        "a.okr.yaml",
        Span(3, 5, 3, 9),
        "OKR201",
        "kr-not-measurable",
        Severity.ERROR,
        _("Hint: {hint}", hint="x"),
        ngettext("{n} problem", "{n} problems", 2),
        language="nb",
    )
    stored = cache.dumps({"findings": [finding]})
    (back,) = cache.loads(stored, {"findings": cache.findings_of})["findings"]
    assert back == finding
    assert say(back.message, "nb") == "Tips: x"
    assert say(back.suggestion, "nb") == "2 problemer"


def test_the_locale_names_the_language() -> None:
    assert language_of_locale({"LANG": "nb_NO.UTF-8"}) == "nb"
    assert language_of_locale({"LANG": "no_NO.UTF-8"}) == "nb"
    assert language_of_locale({"LANGUAGE": "sv:nb:en", "LANG": "sv_SE.UTF-8"}) == "nb"
    assert language_of_locale({"LC_ALL": "en_GB.UTF-8", "LANG": "nb_NO.UTF-8"}) == "en"
    assert language_of_locale({"LANG": "C.UTF-8"}) is None
    assert language_of_locale({}) is None
