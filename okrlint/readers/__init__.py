"""Readers: bytes in, ``okrlint.model.Document`` out.

Five formats: YAML (canonical), Markdown (wiki style), plain text (the article's style), CSV
(and TSV) and XLSX spreadsheets; tables in all of them share one header map (``columns.py``)
and one row reader (``table.py``). Every element keeps the line and column of its text in
the file (a spreadsheet's row, column and sheet); anything unreadable raises
``OkrlintError`` with the file and line. Readers know nothing of rules or spaCy: when neither
the caller nor the file names a language, ``Document.language`` stays None for the language
layer to detect.
"""

from __future__ import annotations

import re

from okrlint import linear
from okrlint.errors import OkrlintError
from okrlint.i18n import _
from okrlint.model import Document
from okrlint.readers.decode import decode, document_kind
from okrlint.readers.markdown import front_matter_end, read_markdown
from okrlint.readers.text import read_text
from okrlint.readers.yaml_reader import read_yaml

__all__ = ["FORMATS", "detect_format", "read_document", "reads_suffix"]

FORMATS = ("yaml", "markdown", "text", "csv", "xlsx")

_EXTENSIONS = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".txt": "text",
    ".text": "text",
    ".okr": "text",
    ".csv": "csv",
    ".tsv": "csv",
    ".tab": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
}
_TAB_SEPARATED = (".tsv", ".tab")
# Spreadsheet formats okrlint cannot read, with what to do instead.
_UNREADABLE = {
    ".xls": _("the old Excel format .xls"),
    ".ods": _("an OpenDocument spreadsheet (.ods)"),
    ".numbers": _("a Numbers spreadsheet"),
}
_STDIN = ("-", "<stdin>")
# YAML keys are written in lower case; "Objectives:" heading a plain-text list is not YAML
_OBJECTIVES_KEY_RE = linear.compile(r"^objectives[ \t]*:", re.MULTILINE)
# an ATX heading, but not a "# okrlint: disable" comment: ``word`` is its first word
_HEADING_RE = linear.compile(r"^ {0,3}#{1,6}[ \t]+(?P<word>\w+|\S)", re.MULTILINE)
_MARKDOWN_HINT_RE = linear.compile(r"\*\*\S|__\S|<!--|^ {0,3}(?:=+|-{3,})[ \t]*$", re.MULTILINE)


def read_document(
    path: str,
    data: bytes | str,
    *,
    language: str | None = None,
    language_source: str | None = None,
    fmt: str | None = None,
) -> list[Document]:
    """Parse one file's content into one Document per YAML document (``---``), else one.

    ``path`` is used for messages and for detecting the format by extension ('-' or
    '<stdin>' is standard input). ``language`` (with ``language_source``, default "cli")
    overrides a ``language:`` key in the file. Raises ``OkrlintError`` on anything unreadable.
    """
    if fmt is not None and fmt not in FORMATS:
        raise OkrlintError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})", path)
    extension = _extension(path)
    if extension in _UNREADABLE:
        message = _("{what} cannot be read; save it as .xlsx or CSV", what=_UNREADABLE[extension])
        raise OkrlintError(message, path)
    if fmt is None and extension not in _EXTENSIONS:  # a file no reader takes by its name
        kind = document_kind(path, data, extension)  # Word, PDF, ZIP …: named, not read
        if kind is not None:
            raise OkrlintError(kind, path)
    if fmt == "xlsx" or (fmt is None and _is_spreadsheet(extension, data)):
        from okrlint.readers.spreadsheet import read_spreadsheet

        return read_spreadsheet(path, data, language, language_source)
    text = decode(data, path)
    fmt = fmt or detect_format(path, text)
    if fmt == "yaml":
        return read_yaml(path, text, language, language_source)
    if fmt == "markdown":
        return [read_markdown(path, text, language, language_source)]
    if fmt == "csv":
        from okrlint.readers.delimited import read_delimited

        tabs = extension in _TAB_SEPARATED
        return [read_delimited(path, text, language, language_source, tab_first=tabs)]
    return [read_text(path, text, language, language_source)]


def _extension(path: str) -> str:
    if path in _STDIN:
        return ""
    name = path.replace("\\", "/").rsplit("/", 1)[-1].lower()
    dot = name.rfind(".")
    return name[dot:] if dot > 0 else ""


def _is_spreadsheet(extension: str, data: bytes | str) -> bool:
    """An .xlsx/.xlsm file, or a file of no known extension (stdin) that is a zip archive."""
    from okrlint.readers.spreadsheet import ZIP_MAGIC

    if extension in _EXTENSIONS:
        return _EXTENSIONS[extension] == "xlsx"
    return isinstance(data, bytes) and data.startswith(ZIP_MAGIC)


def reads_suffix(path: str) -> bool:
    """Whether a reader takes a file of this name by its extension."""
    return _extension(path) in _EXTENSIONS


def detect_format(path: str, text: str) -> str:
    """'yaml', 'markdown', 'text' or 'csv': by extension ("x.okr.yaml" is YAML), else by
    content."""
    extension = _extension(path)
    if extension in _EXTENSIONS:
        return _EXTENSIONS[extension]
    return _format_of_content(text)


def _format_of_content(text: str) -> str:
    from okrlint.readers.delimited import looks_like_csv

    if _OBJECTIVES_KEY_RE.search(text) or _looks_like_okr_yaml(text):
        return "yaml"
    if looks_like_csv(text):
        return "csv"
    lines = text.split("\n")
    if front_matter_end(lines) or _has_heading(text) or _MARKDOWN_HINT_RE.search(text):
        return "markdown"
    return "text"


def _has_heading(text: str) -> bool:
    return any(found["word"] != "okrlint" for found in _HEADING_RE.finditer(text))


def _looks_like_okr_yaml(text: str) -> bool:
    """YAML whose documents are all OKR-shaped: a mapping of document keys, or a list of
    objective mappings. Plain text such as "Objective: …" parses as YAML too, but its keys
    are not document keys."""
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    from okrlint.readers.yaml_reader import DOCUMENT_KEYS, compose_documents

    def keys(node: MappingNode) -> set[str]:
        return {"_".join(str(k.value).lower().replace("-", " ").split()) for k, _ in node.value}

    def objective_like(node) -> bool:
        return isinstance(node, MappingNode) and bool(keys(node) & {"title", "objective"})

    found = False
    try:
        for root in compose_documents("<detect>", text):
            if isinstance(root, ScalarNode) and root.value == "":
                continue  # an empty document
            if isinstance(root, MappingNode) and root.value and keys(root) <= set(DOCUMENT_KEYS):
                found = True
            elif isinstance(root, SequenceNode) and root.value:
                if not all(objective_like(item) for item in root.value):
                    return False
                found = True
            else:
                return False
    except OkrlintError:
        return False
    return found
