"""A JSON Schema (draft 2020-12) of the YAML format, for editors (``okrlint schema``).

It follows the reader's key tables (``yaml_reader.DOCUMENT_KEYS`` and friends); a test keeps
the two in sync. Unknown keys are refused here so that an editor underlines them, as rule
OKR303 reports them; the reader itself accepts them.
"""

from __future__ import annotations

from typing import Any

from okrlint.readers.columns import TRENDS

SCHEMA_ID = "https://okrlint.dev/schema/okr.schema.json"

_TEXT = {"type": "string", "minLength": 1}
_SCALAR_TEXT = {"type": ["string", "number", "null"]}
_NUMBER_OR_TEXT = {"type": ["number", "string", "null"]}
_LANGUAGES = ["en", "english", "English", "nb", "no", "nob", "norsk", "Norsk", "bokmål", "Bokmål"]


def _described(base: dict[str, Any], description: str) -> dict[str, Any]:
    return {**base, "description": description}


def _titled(extra: dict[str, Any], aliases: tuple[str, ...], what: str) -> dict[str, Any]:
    """A mapping that needs a title under one of its names."""
    properties = {
        name: _described(
            _TEXT, f"The {what} itself." + (" Alias of 'title'." if name != "title" else "")
        )
        for name in ("title", *aliases)
    }
    properties.update(extra)
    return {
        "type": "object",
        "properties": properties,
        "anyOf": [{"required": [name]} for name in ("title", *aliases)],
        "additionalProperties": False,
    }


_ACTION = {
    "description": "Something the team will do (an activity, not a result).",
    "oneOf": [
        _TEXT,
        _titled({"id": _described(_SCALAR_TEXT, "A stable id.")}, ("action",), "action"),
    ],
}

_TREND = {
    "description": "The direction you want the metric to move (Norwegian: 'ønsket trend'): "
    "'increase' when higher is better, 'decrease' when lower is better.",
    "enum": [
        "increase",
        "decrease",
        *(w for w in TRENDS if w not in ("increase", "decrease")),
        None,
    ],
}

_KEY_RESULT = {
    "description": "How you will know the objective is reached: a measurable outcome, "
    "ideally 'from X to Y'.",
    "oneOf": [
        _TEXT,
        _titled(
            {
                "id": _described(_SCALAR_TEXT, "A stable id, e.g. 'o1.kr2'."),
                "baseline": _described(_NUMBER_OR_TEXT, "The starting value (from X)."),
                "target": _described(_NUMBER_OR_TEXT, "The value to reach (to Y)."),
                "unit": _described(_SCALAR_TEXT, "The unit of baseline and target: '%', 'kr'."),
                "current": _described(
                    _NUMBER_OR_TEXT, "The value today; the starting value when no baseline."
                ),
                "trend": _TREND,
                "desired_trend": _described(_TREND, "Alias of 'trend'."),
                "ønsket_trend": _described(_TREND, "Alias of 'trend'."),
            },
            ("kr", "key_result"),
            "key result",
        ),
    ],
}

_KEY_RESULTS = {"type": ["array", "null"], "items": {"$ref": "#/$defs/key_result"}}

_OBJECTIVE = {
    "description": "Where you want to go: qualitative, inspiring, with a reason.",
    "oneOf": [
        _TEXT,
        _titled(
            {
                "id": _described(_SCALAR_TEXT, "A stable id that team objectives name as parent."),
                "why": _described(_SCALAR_TEXT, "Why the objective matters."),
                "owner": _described(_SCALAR_TEXT, "The team or person that owns it."),
                "level": _described(
                    {"type": ["string", "null"], "examples": ["company", "team"]},
                    "Where in the organisation it sits: 'company' or 'team'.",
                ),
                "parent": _described(_SCALAR_TEXT, "The id of the objective it supports."),
                "key_results": _described(_KEY_RESULTS, "Two to five key results."),
                "key-results": _described(_KEY_RESULTS, "Alias of 'key_results'."),
                "krs": _described(_KEY_RESULTS, "Alias of 'key_results'."),
                "actions": _described(
                    {"type": ["array", "null"], "items": {"$ref": "#/$defs/action"}},
                    "Activities that move the key results (kept apart from them).",
                ),
            },
            ("objective",),
            "objective",
        ),
    ],
}

_OBJECTIVES = {"type": "array", "items": {"$ref": "#/$defs/objective"}}


def json_schema() -> dict[str, Any]:
    """The schema of one YAML document (a file may hold several, separated by '---')."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "okrlint OKR document",
        "description": "Objectives and key results, checked by okrlint. A mapping with "
        "'objectives', or a bare list of objectives.",
        "oneOf": [
            {
                "type": "object",
                "properties": {
                    "period": _described(
                        _SCALAR_TEXT, "The period the OKRs cover, e.g. '2025-Q3'."
                    ),
                    "language": _described(
                        {"enum": _LANGUAGES}, "The language of the text: 'en' or 'nb'."
                    ),
                    "owner": _described(_SCALAR_TEXT, "Who owns the whole set."),
                    "objectives": _described(
                        {"type": ["array", "null"], "items": {"$ref": "#/$defs/objective"}},
                        "The objectives, each with its key results.",
                    ),
                },
                "additionalProperties": False,
            },
            _described(_OBJECTIVES, "A bare list of objectives."),
            {"type": "null", "description": "An empty document."},
        ],
        "$defs": {"objective": _OBJECTIVE, "key_result": _KEY_RESULT, "action": _ACTION},
    }
