"""Indented JSON text for the json, sarif and gitlab reports, written by orjson.

The contract of these reports is their keys and values, not their whitespace. With
``indent`` set, the standard library's ``json.dumps`` leaves its C encoder for pure Python;
orjson writes the same indented text in C, many times faster. A value orjson refuses (an
integer past 64 bits, a key that is not a string, a string that is not valid Unicode, a
loop) goes to ``json.dumps``, so its text or its error is the standard library's. orjson
writes NaN and the infinities as null where ``json.dumps`` writes NaN and Infinity, which
no JSON reader takes; okrlint's reports hold no floats.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

from okrlint.reporters.sanitize import json_visible, raw_in_json


def dumps(value: Any, *, newline: bool = False) -> str:
    """``value`` as JSON text indented by two spaces, non-ASCII characters as they are, but
    control and bidirectional characters as escapes (``sanitize.json_visible``); ending in a
    newline when ``newline`` is true (a whole report)."""
    return dumps_bytes(value, newline=newline).decode()


def dumps_bytes(value: Any, *, newline: bool = False) -> bytes:
    """``dumps(value)`` as UTF-8 bytes, without decoding orjson's bytes to text: a report of
    many megabytes goes to its file or stdout as written."""
    option = orjson.OPT_INDENT_2 | (orjson.OPT_APPEND_NEWLINE if newline else 0)
    try:
        data = orjson.dumps(value, option=option)
    except TypeError:  # orjson.JSONEncodeError is one
        text = json.dumps(value, ensure_ascii=False, indent=2) + ("\n" if newline else "")
        return json_visible(text).encode()  # json_visible escapes lone surrogates
    # orjson writes valid UTF-8 (it refuses a lone surrogate), so a report of many megabytes
    # is checked as it was written, not decoded and searched again
    return json_visible(data.decode()).encode() if raw_in_json(data) else data
