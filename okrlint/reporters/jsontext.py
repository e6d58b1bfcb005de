"""Indented JSON text, as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it.

With ``indent`` set, the standard library leaves its C encoder for a generator per
container that yields every comma, key and value on its own; for the JSON report of a
large OKR set that took longer than building the report. This writer produces the very
same text in one recursive pass, and hands anything it does not know (a key that is not a
string, an object of another type, a loop, nesting deeper than Python's recursion limit)
back to ``json.dumps``, so the output and the errors stay the standard library's.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any

_INFINITY = float("inf")


class _NotPlain(Exception):
    """The value holds something only ``json.dumps`` knows how to write (or reject)."""


def dumps(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, faster."""
    out: list[str] = []
    try:
        _write(value, out, "\n")
    except (_NotPlain, RecursionError):
        return json.dumps(value, ensure_ascii=False, indent=2)
    return "".join(out)


def _write(value: Any, out: list[str], newline: str) -> None:
    # the checks and their order are json.encoder's, so subclasses come out the same
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(_float(value))
    elif isinstance(value, list | tuple):
        _write_list(value, out, newline)
    elif isinstance(value, dict):
        _write_dict(value, out, newline)
    else:
        raise _NotPlain


def _write_list(items: list | tuple, out: list[str], newline: str) -> None:
    if not items:
        out.append("[]")
        return
    inner = newline + "  "
    separator = "[" + inner
    for item in items:
        out.append(separator)
        _write(item, out, inner)
        separator = "," + inner
    out.append(newline + "]")


def _write_dict(mapping: dict, out: list[str], newline: str) -> None:
    if not mapping:
        out.append("{}")
        return
    inner = newline + "  "
    separator = "{" + inner
    for key, item in mapping.items():
        if not isinstance(key, str):  # json.dumps turns numbers into keys, or refuses
            raise _NotPlain
        out.append(f"{separator}{encode_basestring(key)}: ")
        _write(item, out, inner)
        separator = "," + inner
    out.append(newline + "}")


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == _INFINITY:
        return "Infinity"
    if value == -_INFINITY:
        return "-Infinity"
    return float.__repr__(value)
