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

from okrlint.lazy import lazy_names

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


__getattr__ = lazy_names(globals(), _PUBLIC)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


def _rules_of_a_checkout() -> None:
    """Let ``import okrlint.rules`` work when okrlint is imported from a source checkout's top
    folder (``python -c "import okrlint; …"`` there after ``pip install .``). An installed
    okrlint carries its rules in ``okrlint/rules``; a checkout keeps them in the top folder's
    ``rules/`` (pyproject.toml maps one to the other), which Python would not look in. A finder
    at the end of the import path answers for that one name, and only for a checkout."""
    import os
    import sys

    here = os.path.dirname(__file__)
    rules = os.path.join(os.path.dirname(here), "rules")
    if os.path.isdir(os.path.join(here, "rules")) or not os.path.isfile(
        os.path.join(rules, "__init__.py")
    ):
        return

    class _CheckoutRules:
        @staticmethod
        def find_spec(name: str, path: object = None, target: object = None) -> Any:
            if name != "okrlint.rules":
                return None
            from importlib.util import spec_from_file_location

            init = os.path.join(rules, "__init__.py")
            return spec_from_file_location(name, init, submodule_search_locations=[rules])

    sys.meta_path.append(_CheckoutRules())


_rules_of_a_checkout()
