"""What every reader shares: decoding bytes, line endings, format detection, the entry point."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okrlint.errors import OkrlintError
from okrlint.model import Span
from okrlint.readers import FORMATS, detect_format, read_document

YAML = "objectives:\n  - title: Grow\n    key_results:\n      - Double sales\n"


def objective_and_kr_spans(data: bytes | str, path: str = "okrs.yaml") -> tuple[Span, Span]:
    [doc] = read_document(path, data)
    objective = doc.objectives[0]
    return objective.span, objective.key_results[0].span


# ---------------------------------------------------------------------------- decoding


def test_utf8_bom_is_dropped_and_columns_stay_right() -> None:
    plain = objective_and_kr_spans(YAML.encode("utf-8"))
    assert objective_and_kr_spans(codecs.BOM_UTF8 + YAML.encode("utf-8")) == plain
    assert plain == (Span(2, 12, 2, 16), Span(4, 9, 4, 21))


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_a_bom_is_read(encoding: str) -> None:
    bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
    data = bom + "objectives:\n  - Øke kundelojaliteten\n".encode(encoding)
    [doc] = read_document("okrs.yaml", data)
    assert doc.objectives[0].text == "Øke kundelojaliteten"


def test_invalid_utf8_names_the_byte_offset_and_line() -> None:
    data = b"objectives:\n  - Grow\n  - \xffkt salg\n"
    with pytest.raises(OkrlintError) as caught:
        read_document("okrs.yaml", data)
    # offsets count from 0, as iconv and Python report them: 12 + 9 + 4 bytes come before it
    assert caught.value.message.startswith("invalid UTF-8 at byte 25 (0xff)")
    assert (caught.value.path, caught.value.line) == ("okrs.yaml", 3)


def test_latin1_text_is_invalid_utf8_not_a_traceback() -> None:
    with pytest.raises(OkrlintError, match="invalid UTF-8 at byte 11"):
        read_document("okrs.txt", "Objective: Øke salget\n".encode("latin-1"))


def test_nul_bytes_mean_a_binary_file() -> None:
    with pytest.raises(OkrlintError, match="binary file") as caught:
        read_document("logo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert caught.value.line == 3  # after "\r\n" and "\n"


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_lone_cr_keep_line_numbers(newline: str) -> None:
    data = YAML.replace("\n", newline).encode("utf-8")
    assert objective_and_kr_spans(data) == (Span(2, 12, 2, 16), Span(4, 9, 4, 21))


def test_text_input_is_accepted_as_is() -> None:
    assert objective_and_kr_spans("\ufeff" + YAML) == (Span(2, 12, 2, 16), Span(4, 9, 4, 21))


# ---------------------------------------------------------------------------- format detection


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("okrs.yaml", "yaml"),
        ("okrs.YML", "yaml"),
        ("team/q3.okr.yaml", "yaml"),
        ("okrs.md", "markdown"),
        ("okrs.markdown", "markdown"),
        ("okrs.txt", "text"),
        ("q3.okr", "text"),
        ("notes.okr.md", "markdown"),
    ],
)
def test_format_by_extension_whatever_the_content(path: str, expected: str) -> None:
    assert detect_format(path, "Objective: Grow\n") == expected


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("objectives:\n  - Grow\n", "yaml"),
        ("# comment\nperiod: Q3\nobjectives: []\n", "yaml"),
        ("- title: Grow\n  key_results: [Double sales]\n", "yaml"),
        ("period: 2025-Q3\nlanguage: nb\n", "yaml"),
        ("---\ntitle: Q3\n---\nSome text\n", "markdown"),
        ("## Objective: Grow\n- Double sales\n", "markdown"),
        ("**Objective:** Grow\n", "markdown"),
        ("- Grow\n- Keep\n", "text"),
        ("Objectives:\nObjective: Grow\nKey results:\n  • Double sales\n", "text"),
        ("Objective: Grow\nKey results:\n  • Double sales\n", "text"),
        ("# okrlint: disable-file=OKR301\nObjective: Grow\n", "text"),
        ("", "text"),
    ],
)
def test_format_by_content_for_stdin(content: str, expected: str) -> None:
    assert detect_format("-", content) == expected
    assert detect_format("<stdin>", content) == expected
    assert detect_format("README", content) == expected


def test_stdin_is_read_by_content() -> None:
    [doc] = read_document("-", "Objective: Grow\nKey results:\n  • Double sales\n")
    assert doc.format == "text" and doc.path == "-"
    assert doc.objectives[0].key_results[0].span == Span(3, 5, 3, 17)


def test_an_explicit_format_wins() -> None:
    [doc] = read_document("okrs.yaml", "Objective: Grow\n", fmt="text")
    assert doc.format == "text" and doc.objectives[0].text == "Grow"


def test_unknown_format_is_an_error() -> None:
    with pytest.raises(OkrlintError, match="unknown format 'json'"):
        read_document("okrs.json", "{}", fmt="json")


TEXT_FORMATS = FORMATS[:4]  # an empty spreadsheet is no workbook


def test_formats_are_the_five_readers() -> None:
    assert FORMATS == ("yaml", "markdown", "text", "csv", "xlsx")


@pytest.mark.parametrize("fmt", FORMATS)
def test_unknown_caller_language_is_an_error(fmt: str) -> None:
    with pytest.raises(OkrlintError, match="unknown language 'sv'"):
        read_document("okrs", "", fmt=fmt, language="sv")


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_no_language_is_left_for_detection(fmt: str) -> None:
    [doc] = read_document("okrs", "", fmt=fmt)
    assert (doc.language, doc.language_source) == (None, None)


# ---------------------------------------------------------------------------- never a traceback

_PIECES = st.sampled_from(
    [
        "objectives:",
        "- ",
        "  ",
        "title: ",
        "key_results:",
        "&a ",
        "*a",
        "<<: ",
        "[",
        "]",
        "{",
        "}",
        "---",
        "## ",
        "**",
        "Objective: ",
        "Key results:",
        "  • ",
        "1. ",
        "KR1: ",
        "<!-- ",
        " -->",
        "{#x}",
        "# okrlint: disable=",
        "```",
        ":",
        "\n",
        "\r",
        "\t",
        "Øke salget",
        "\ufeff",
        "\x85",
    ]
)


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(_PIECES | st.text(max_size=8), max_size=40), fmt=st.sampled_from(FORMATS))
def test_any_input_reads_or_raises_okrlint_error(pieces: list[str], fmt: str) -> None:
    text = "".join(pieces)
    try:
        documents = read_document("fuzz", text, fmt=fmt)
    except OkrlintError as error:
        assert error.message
        return
    for doc in documents:
        for element in doc.elements():
            if getattr(element, "unnamed", False):  # key results read under no objective
                assert element.text == "" and element.key_results
                continue
            assert element.text.strip() == element.text != ""
            assert 1 <= element.span.line <= element.span.end_line


@pytest.mark.parametrize(
    ("path", "data", "message"),
    [
        # by name
        (
            "q3.docx",
            b"PK\x03\x04",
            "a Word document, not text: save it as .md or .txt and check that",
        ),
        (
            "q3.doc",
            b"\xd0\xcf\x11\xe0",
            "a Word document, not text: save it as .md or .txt and check that",
        ),
        (
            "q3.odt",
            b"PK\x03\x04",
            "an OpenDocument file, not text: save it as .md or .txt and check that",
        ),
        (
            "q3.pptx",
            b"PK\x03\x04",
            "a PowerPoint presentation, not text: copy the OKRs into a .md or .txt file",
        ),
        ("q3.pdf", b"%PDF-1.4 all ascii", "a PDF, not text: copy its text into a .md or .txt file"),
        (
            "q3.ZIP",
            b"PK\x03\x04",
            "a ZIP archive, not text: unpack it and check the OKR files inside",
        ),
        # by content, under a name a reader would take or none at all
        (
            "q3.okr.yaml",
            b"PK\x03\x04\x14\x00\x06\x00word/document.xml",
            "a Word document, not text: save it as .md or .txt and check that",
        ),
        (
            "-",
            b"PK\x03\x04\x14\x00\x06\x00ppt/presentation.xml",
            "a PowerPoint presentation, not text: copy the OKRs into a .md or .txt file",
        ),
        ("q3", b"%PDF-1.7\n\x00\x01", "a PDF, not text: copy its text into a .md or .txt file"),
        (
            "q3.md",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00",
            "a Word or Excel file in the old binary format, not text: save it as .md or .txt and check that",
        ),
    ],
)
def test_office_pdf_and_zip_files_are_named(path: str, data: bytes, message: str) -> None:
    with pytest.raises(OkrlintError) as caught:
        read_document(path, data)
    assert (caught.value.message, caught.value.line) == (message, None)


def test_a_text_file_that_starts_like_a_pdf_is_still_text() -> None:
    [doc] = read_document("q3.txt", b"%PDF-less notes\nObjective: Grow\n")
    assert [o.text for o in doc.objectives] == ["Grow"]
