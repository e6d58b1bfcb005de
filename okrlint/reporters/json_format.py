"""Machine-readable output; the contract is versioned by ``schema_version``.

Lines and columns are 1-based, ``end_column`` exclusive; findings are sorted
by path, line, column and code.
"""

from __future__ import annotations

from collections.abc import Iterable

from okrlint.i18n import SOURCE_LANGUAGE, say
from okrlint.model import Document, Finding
from okrlint.report import Report
from okrlint.reporters import jsonout

SCHEMA_VERSION = 1


def finding_dict(f: Finding, lang: str | None = None) -> dict:
    """A finding; ``message`` and ``suggestion`` in English, ``localized`` as the report says
    them (in ``lang``, default the language of the finding's element)."""
    lang = lang or f.language or "en"
    message, suggestion, span = f.message, f.suggestion, f.span
    if lang != SOURCE_LANGUAGE:
        message, suggestion = say(message, lang), say(suggestion, lang)
    # else: English is what the messages say already (a Message is its English text)
    data = {
        "path": f.path,
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
        "code": f.code,
        "rule": f.rule,
        "severity": f.severity._value_,  # .value, without the enum property's cost
        "message": f.message,
        "suggestion": f.suggestion,
        "element": f.element,
        "text": f.text,
        "language": f.language,  # the language the element was read in
        "localized": {"language": lang, "message": message, "suggestion": suggestion},
    }
    if span.sheet is not None:  # a spreadsheet: lines are the sheet's rows
        data["sheet"] = span.sheet
    return data


def cascade(documents: Iterable[Document]) -> list[dict]:
    """Each objective's place in the company → team cascade: its id, level, owner and the
    id of the key result or objective it builds on (``parent``, as written)."""
    return [
        {
            "id": o.id,
            "text": o.text,
            **({"sheet": o.span.sheet} if o.span.sheet is not None else {}),
            "line": o.span.line,
            "level": o.level,
            "owner": o.owner or d.owner,
            "parent": o.parent,
            "period": d.period,
            "key_results": [
                {"id": k.id, "text": k.text, "line": k.span.line} for k in o.key_results
            ],
        }
        for d in documents
        for o in d.objectives
    ]


def report_dict(report: Report) -> dict:
    messages, fallback = report.messages, report.language  # report.language_of, per finding
    data = {
        "version": report.version,
        "schema_version": SCHEMA_VERSION,
        "files": [
            {
                "path": f.path,
                "format": f.format,
                "language": f.language,
                "language_source": f.language_source,
                "objectives": f.objectives,
                "key_results": f.key_results,
                "actions": f.actions,
                "errors": f.errors,
                "cascade": cascade(f.documents),
            }
            for f in report.files
        ],
        "findings": [finding_dict(f, messages or f.language or fallback) for f in report.findings],
        "summary": report.summary(),
        "scores": report.scores.to_dict(),
    }
    data.update(report.extra.get("json", {}))
    return data


def format_report(report: Report, *, color: bool = False) -> str:
    return jsonout.dumps(report_dict(report), newline=True)


def format_report_bytes(report: Report, *, color: bool = False) -> bytes:
    """``format_report`` as UTF-8 bytes, for writing without a decode and an encode."""
    return jsonout.dumps_bytes(report_dict(report), newline=True)
