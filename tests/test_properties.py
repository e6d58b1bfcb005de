"""Property-based tests: whatever text, YAML-shaped data or Markdown comes in, the readers and
the language layer raise nothing but OkrlintError, and every position points inside the file
(or, for the language layer, inside the analysed text)."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from okrlint.errors import OkrlintError
from okrlint.language import analyse_texts, load_lexicon
from okrlint.language.analysis import Analysis, TextSpan
from okrlint.readers import FORMATS, read_document

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# ---------------------------------------------------------------------------- readers


def assert_inside(text: str, documents) -> None:
    """Every element's span lies inside the decoded text: real lines and columns."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for doc in documents:
        for element in doc.elements():
            span = element.span
            if getattr(element, "unnamed", False):  # key results read under no objective
                assert element.text == "" and element.key_results
            else:
                assert element.text and element.text == element.text.strip()
            assert 1 <= span.line <= span.end_line <= len(lines), (span, len(lines))
            assert 1 <= span.column <= len(lines[span.line - 1]) + 1, span
            assert 1 <= span.end_column <= len(lines[span.end_line - 1]) + 1, span
            if span.line == span.end_line:
                assert span.column <= span.end_column, span


def read_or_error(path: str, data: bytes | str, fmt: str | None = None):
    try:
        return read_document(path, data, fmt=fmt)
    except OkrlintError as error:
        assert error.message and "\n" not in error.message
        assert error.line is None or error.line >= 1
        return None


@FAST
@given(data=st.binary(max_size=300), fmt=st.sampled_from(FORMATS))
def test_any_bytes_read_or_raise_okrlint_error(data: bytes, fmt: str) -> None:
    documents = read_or_error("fuzz", data, fmt)
    if documents is not None:
        text = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
        assert_inside(text, documents)


@FAST
@given(text=st.text(max_size=400), fmt=st.sampled_from([*FORMATS, None]))
def test_any_text_reads_or_raises_okrlint_error(text: str, fmt: str | None) -> None:
    documents = read_or_error("fuzz.okr", text, fmt)
    if documents is not None:
        assert_inside(text.removeprefix("\ufeff"), documents)


# Scalars people (and fuzzers) put in YAML; keys include the real schema's keys.
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.sampled_from(["Grow in Oslo", "Øke salget fra 10 til 20 %", "", "  ", "TBD", "~"]),
)
KEYS = st.one_of(
    st.sampled_from(
        [
            "objectives",
            "title",
            "key_results",
            "krs",
            "actions",
            "why",
            "owner",
            "id",
            "parent",
            "level",
            "period",
            "language",
            "baseline",
            "target",
            "unit",
            "current",
            "Key results",
            "objective",
            "kr",
        ]
    ),
    st.text(max_size=12),
)
YAML_DATA = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=25,
)


@FAST
@given(data=YAML_DATA, flow=st.booleans())
def test_any_yaml_shaped_data_reads_or_raises_okrlint_error(data: object, flow: bool) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow)
    documents = read_or_error("fuzz.yaml", text)
    if documents is not None:
        assert_inside(text, documents)


@FAST
@given(objectives=st.lists(YAML_DATA, max_size=4))
def test_any_objectives_list_reads_or_raises_okrlint_error(objectives: list) -> None:
    text = yaml.safe_dump({"objectives": objectives}, allow_unicode=True)
    documents = read_or_error("fuzz.yaml", text)
    if documents is not None:
        assert_inside(text, documents)


MARKDOWN_LINE = st.one_of(
    st.builds(lambda n, t: "#" * n + " " + t, st.integers(1, 7), st.text(max_size=30)),
    st.builds(
        lambda b, t: b + " " + t,
        st.sampled_from(["-", "*", "+", "1.", "2)", "  -"]),
        st.text(max_size=30),
    ),
    st.sampled_from(
        [
            "Objective: Grow",
            "**Key results:**",
            "## Mål: Øke salget",
            "KR1: x",
            "| a | b |",
            "|---|---|",
            "```",
            "---",
            "<!-- okrlint-disable -->",
            "> quote",
            "Tiltak:",
            "",
            "    code",
            "_Objective_: y",
            "[link](x)",
        ]
    ),
    st.text(max_size=40),
)


@FAST
@given(lines=st.lists(MARKDOWN_LINE, max_size=25), newline=st.sampled_from(["\n", "\r\n", "\r"]))
def test_any_markdown_reads_or_raises_okrlint_error(lines: list[str], newline: str) -> None:
    text = newline.join(lines)
    for fmt in ("markdown", "text"):
        documents = read_or_error("fuzz.md", text, fmt)
        if documents is not None:
            assert_inside(text, documents)


# ---------------------------------------------------------------------------- language


def spans_of(analysis: Analysis) -> list[TextSpan]:
    found = [*analysis.deadlines, *analysis.vague, *analysis.placeholders]
    found += [s for s in (analysis.direction_span, analysis.limit, analysis.reason) if s]
    if analysis.change is not None and analysis.change.span is not None:
        found.append(analysis.change.span)
    return found


WORDS = st.sampled_from(
    [
        "Øke",
        "salget",
        "fra",
        "til",
        "med",
        "30",
        "%",
        "1 000",
        "kr",
        "mill.",
        "Increase",
        "revenue",
        "from",
        "to",
        "by",
        "because",
        "fordi",
        "flere",
        "TBD",
        "x",
        "Q3",
        "innen",
        "halvparten",
        "doble",
        "2x",
        "1,5",
        "-",
        "(",
        ")",
        "»",
        "\u00a0",
        "\t",
    ]
)
ELEMENT = st.one_of(
    st.lists(WORDS, max_size=15).map(" ".join),
    st.text(max_size=80),
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(ELEMENT, min_size=1, max_size=6), lang=st.sampled_from(["en", "nb"]))
def test_the_language_layer_takes_any_text(texts: list[str], lang: str) -> None:
    analyses = analyse_texts(lang, texts)
    assert len(analyses) == len(texts)
    for text, analysis in zip(texts, analyses, strict=True):
        assert analysis.lang == lang and text.startswith(analysis.text)
        for span in spans_of(analysis):
            assert 0 <= span.start <= span.end <= len(analysis.text)
            assert analysis.text[span.start : span.end] == span.text
        for quantity in analysis.quantities:
            assert 0 <= quantity.start <= quantity.end <= len(analysis.text)
            assert analysis.text[quantity.start : quantity.end] == quantity.text


def test_every_lexicon_word_alone_is_an_element() -> None:
    """A key result of one word ("Run", "Gjennomføre") once stopped the whole run: the
    activity check looked for a word after the verb and found none."""
    for lang in ("en", "nb"):
        lex = load_lexicon(lang)
        words = {w for forms in lex.verbs.values() for w in forms}
        words |= {w for phrases in lex.markers.values() for w in phrases}
        texts = sorted(words) + [w.capitalize() + "." for w in sorted(words)]
        analyses = analyse_texts(lang, texts)
        assert [a.text for a in analyses] == texts
        run = next(a for a in analyses if a.text == ("run" if lang == "en" else "gjennomføre"))
        assert run.lead_verb is not None and run.activity is not None


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=ELEMENT, lang=st.sampled_from(["en", "nb"]), data=st.data())
def test_tokens_read_once_agree_with_spacy(text: str, lang: str, data: st.DataObject) -> None:
    """The analysis reads plain copies of spaCy's tokens; they must say what spaCy says."""
    from okrlint.language import get_nlp
    from okrlint.language.tokens import Tok, Tokens, text_of

    doc = get_nlp(lang).make_doc(text)
    tokens = Tokens(doc)
    assert tokens.text == doc.text and tokens.lowers == [t.lower_ for t in doc]
    for mine, theirs in zip(tokens, doc, strict=True):
        assert all(getattr(mine, name) == getattr(theirs, name) for name in Tok.__slots__)
    bound = len(doc) + 2
    start = data.draw(st.integers(-bound, bound))
    end = data.draw(st.integers(-bound, bound))
    assert text_of(tokens, start, end) == doc[start:end].text
