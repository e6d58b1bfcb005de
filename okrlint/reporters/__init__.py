"""Output formats: one module per format, each a pure function from a Report to text.

Built-in formatters are named here (imported lazily, so ``--help`` stays
fast); third-party ones register under the entry-point group
``okrlint.formatters`` with a callable ``format_report(report, *, color) -> str``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache

from okrlint.errors import OkrlintError
from okrlint.report import Report

Formatter = Callable[..., str]
ENTRY_POINT_GROUP = "okrlint.formatters"

BUILTIN: dict[str, str] = {
    "text": "okrlint.reporters.text",
    "json": "okrlint.reporters.json_format",
    "sarif": "okrlint.reporters.sarif",
    "github": "okrlint.reporters.github",
    "gitlab": "okrlint.reporters.gitlab",
    "junit": "okrlint.reporters.junit",
    "html": "okrlint.reporters.html",
    "review": "okrlint.reporters.review",
}


@cache
def _plugins() -> dict[str, object]:
    from okrlint.registry import declares_entry_points

    if not declares_entry_points(ENTRY_POINT_GROUP):  # skips importing importlib.metadata
        return {}
    from importlib.metadata import entry_points

    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def in_sheet(span, lang: str | None = "en") -> str:
    """ "in sheet 'Q3': " in front of a message about a spreadsheet cell, else ''."""
    from okrlint.i18n import _, say

    if not span.sheet:
        return ""
    # Translators: in front of a finding's message when the finding is in a spreadsheet
    return say(_("in sheet '{sheet}':", sheet=span.sheet), lang) + " "


def formatter_names() -> list[str]:
    return sorted({*BUILTIN, *_plugins()})


def get_formatter(name: str) -> Formatter:
    if name in BUILTIN:
        return importlib.import_module(BUILTIN[name]).format_report
    ep = _plugins().get(name)
    if ep is None:
        raise OkrlintError(f"unknown format {name!r} (choose from {', '.join(formatter_names())})")
    try:
        return ep.load()
    except Exception as exc:
        raise OkrlintError(f"could not load formatter plugin {name!r}: {exc}") from exc


# The formats that print more than the findings (a summary), and take ``quiet`` to leave it out
QUIET_FORMATS = frozenset({"text"})


def render(name: str, report: Report, *, color: bool = False, quiet: bool = False) -> str:
    """``report`` in the format ``name``. ``quiet`` (``--quiet``) asks for the findings
    alone; formats that print nothing else are the same either way."""
    formatter = get_formatter(name)
    if quiet and name in QUIET_FORMATS:
        return formatter(report, color=color, quiet=True)
    return formatter(report, color=color)


def render_bytes(name: str, report: Report, *, color: bool = False) -> bytes | None:
    """``report`` in the format ``name`` as UTF-8 bytes, for the formats that write them
    directly (the JSON ones: a report of many megabytes is not decoded to text and encoded
    back); None for the others, which ``render`` writes."""
    if name not in BUILTIN:
        return None
    as_bytes = getattr(importlib.import_module(BUILTIN[name]), "format_report_bytes", None)
    return None if as_bytes is None else as_bytes(report, color=color)
