"""okrlint: a static checker for OKR documents.

The Python API (see the README's "Python API" section)::

    import okrlint

    report = okrlint.check_text(text, language="nb")      # or okrlint.check_paths(["okrs/"])
    for finding in report.findings:
        print(finding.path, finding.span.line, finding.code, finding.message)

``check_text``, ``check_paths``, ``Report``, ``Finding`` and ``Severity`` are the public,
stable names. They are imported on first use, so ``import okrlint`` (and the ``okrlint``
command) stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from okrlint.api import check_paths, check_text
    from okrlint.model import Finding, Severity
    from okrlint.report import Report

__all__ = ["Finding", "Report", "Severity", "__version__", "check_paths", "check_text"]

_PUBLIC = {
    "check_text": "okrlint.api",
    "check_paths": "okrlint.api",
    "Report": "okrlint.report",
    "Finding": "okrlint.model",
    "Severity": "okrlint.model",
}


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'okrlint' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module), name)
    globals()[name] = value  # the next look-up is a plain one
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
