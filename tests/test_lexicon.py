"""Every language file is read through one schema: the same keys in every language, and a
misspelt, missing or misshapen key refused when the file is loaded, with the file and key named
(before, a misspelt key was an empty list and a rule quietly stopped firing in one language)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from okrlint.errors import OkrlintError
from okrlint.language.lexicon import MARKERS, SCHEMA, load_lexicon, read_lexicon

LEXICONS = Path(__file__).resolve().parents[1] / "rules" / "lexicons"


def keys(data: dict, prefix: str = "") -> set[str]:
    """Every key of a lexicon, a section's keys as "section.key"."""
    found = set()
    for key, value in data.items():
        found.add(prefix + key)
        if isinstance(value, dict) and not prefix and key in SCHEMA and SCHEMA[key] != "a mapping":
            found |= keys(value, f"{key}.")
    return found


def test_every_language_file_has_the_same_keys_as_the_schema() -> None:
    expected = keys({k: dict.fromkeys(v) if isinstance(v, dict) else v for k, v in SCHEMA.items()})
    files = sorted(LEXICONS.glob("*.yaml"))
    assert [f.name for f in files] == ["en.yaml", "nb.yaml"]
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert keys(data) == expected, path.name


def test_every_language_loads_with_every_marker_list() -> None:
    for lang in ("en", "nb"):
        lexicon = load_lexicon(lang)
        assert set(lexicon.markers) == set(MARKERS)
        assert lexicon.lang == lang


def _copy(tmp_path: Path, old: str, new: str) -> Path:
    text = (LEXICONS / "en.yaml").read_text(encoding="utf-8")
    assert text.count(old) == 1
    path = tmp_path / "en.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_a_copy_of_a_language_file_loads_like_the_shipped_one(tmp_path: Path) -> None:
    path = _copy(tmp_path, "lang: en\n", "lang: en\n")
    assert read_lexicon(path) == load_lexicon("en")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("\n  definite: [", "\n  defnite: [", "unknown lexicon key 'markers.defnite'"),
        ("\nmonths: [", "\nmonth: [", "unknown lexicon key 'month'"),
        ("\n  or: [or]\n", "\n", "missing lexicon key 'markers.or'"),
        (
            "\n  thousands_comma: true",
            "\n  thousands_comma: [true]",
            "lexicon key 'numbers.thousands_comma' must be true or false",
        ),
        ("\n  or: [or]\n", "\n  or: or\n", "lexicon key 'markers.or' must be a list"),
    ],
    ids=["misspelt-marker", "misspelt-key", "missing", "not-a-flag", "not-a-list"],
)
def test_a_bad_key_in_a_copy_fails_at_load_with_the_file_and_key_named(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    path = _copy(tmp_path, old, new)
    with pytest.raises(OkrlintError) as caught:
        read_lexicon(path)
    assert (caught.value.path, caught.value.message) == (str(path), message)
    assert str(caught.value) == f"{path}:1: {message}"


def test_asking_for_a_marker_list_the_schema_does_not_know_is_an_error() -> None:
    markers = load_lexicon("en").markers
    assert markers.get("definite") == markers["definite"]
    with pytest.raises(KeyError, match="no marker list 'defnite' in the lexicon schema"):
        markers.get("defnite", frozenset())
