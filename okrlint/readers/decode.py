"""Bytes to text: BOMs, UTF-8 errors with their offset, binary files and line endings."""

from __future__ import annotations

import codecs

from okrlint.errors import OkrlintError
from okrlint.i18n import Message, _

BINARY = _("binary file (contains NUL bytes); okrlint reads text")
_UTF16_BOMS = ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def decode(data: bytes | str, path: str) -> str:
    """The file's text with a BOM removed and every line ending (CRLF, lone CR) made LF.

    A lone CR counts as a line break, as editors show it, so line numbers stay right.
    """
    text = data if isinstance(data, str) else _decode_bytes(data, path)
    if text.startswith("\ufeff"):
        text = text[1:]
    nul = text.find("\x00")
    if nul != -1:
        raise OkrlintError(BINARY, path, _line_at(text, nul))
    return text.replace("\r\n", "\n").replace("\r", "\n")


# Files people pass by mistake, by what they are and what to do instead. okrlint reads text
# and spreadsheets (.xlsx; the spreadsheet reader names the formats it cannot read).
_KINDS = {
    "word": _("a Word document, not text: save it as .md or .txt and check that"),
    "powerpoint": _("a PowerPoint presentation, not text: copy the OKRs into a .md or .txt file"),
    "opendocument": _("an OpenDocument file, not text: save it as .md or .txt and check that"),
    "pdf": _("a PDF, not text: copy its text into a .md or .txt file"),
    "zip": _("a ZIP archive, not text: unpack it and check the OKR files inside"),
    "office": _(
        "a Word or Excel file in the old binary format, not text: "
        "save it as .md or .txt and check that"
    ),
}
_KIND_OF_SUFFIX = {
    ".docx": "word",
    ".docm": "word",
    ".doc": "word",
    ".dotx": "word",
    ".pptx": "powerpoint",
    ".ppt": "powerpoint",
    ".odt": "opendocument",
    ".odp": "opendocument",
    ".pdf": "pdf",
    ".zip": "zip",
}
# the folder an Office Open XML archive keeps its content in, near its start
# (an Excel workbook, xl/, is the spreadsheet reader's)
_OOXML_PARTS = ((b"word/", "word"), (b"xl/", None), (b"ppt/", "powerpoint"))


def document_kind(path: str, data: bytes | str, suffix: str) -> Message | None:
    """What a Word, Excel, PowerPoint, PDF or ZIP file is and what to do instead, as one
    message; None for anything else. Known by the file's suffix, else by its first bytes."""
    kind = _KIND_OF_SUFFIX.get(suffix)
    if kind is None and isinstance(data, bytes):
        kind = _kind_of_content(data)
    if kind is None:
        return None
    return _KINDS[kind]


def _kind_of_content(data: bytes) -> str | None:
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # OLE2: .doc, .xls, .ppt
        return "office"
    if data.startswith(b"PK\x03\x04"):
        head = data[:4096]
        if b"mimetype" in head[:100] and b"opendocument" in head[:200]:
            return "opendocument"
        for part, kind in _OOXML_PARTS:
            if part in head:
                return kind
        return "zip"
    return None


def _decode_bytes(data: bytes, path: str) -> str:
    for bom, encoding in _UTF16_BOMS:
        if data.startswith(bom) and not data.startswith(codecs.BOM_UTF32_LE):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                offset = exc.start + len(bom)
                raise OkrlintError(
                    _("invalid UTF-16 at byte {offset}", offset=str(offset)),
                    path,
                    _line_at_utf16(data, offset),
                ) from None
    nul = data.find(b"\x00")
    if nul != -1:
        named = document_kind(path, data, "")
        if named is not None:
            raise OkrlintError(named, path)
        raise OkrlintError(BINARY, path, _line_at(data, nul))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start
        raise OkrlintError(
            _(
                "invalid UTF-8 at byte {offset} (0x{byte}); save the file as UTF-8",
                offset=str(offset),
                byte=format(data[offset], "02x"),
            ),
            path,
            _line_at(data, offset),
        ) from None


def _line_at(content: bytes | str, offset: int) -> int:
    """The 1-based line of an offset, counting CRLF, LF and lone CR as one break each."""
    head = content[:offset]
    if isinstance(head, bytes):
        head = head.decode("latin-1")
    return head.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1


def _line_at_utf16(data: bytes, offset: int) -> int:
    encoding = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
    head = data[2 : offset - offset % 2].decode(encoding, errors="replace")
    return _line_at(head, len(head))
