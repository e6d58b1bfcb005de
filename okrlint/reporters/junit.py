"""JUnit XML, which most CI systems show natively.

One ``testsuite`` per file, one ``testcase`` per element (the document itself, each
objective, key result and action): an element with findings fails with all of them listed,
a clean element passes, a file that could not be read is an ``error``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from okrlint.i18n import _, ngettext, say
from okrlint.model import Document, Finding
from okrlint.report import FileResult, Report
from okrlint.reporters import in_sheet
from okrlint.reporters.sanitize import printable
from okrlint.reporters.text import HINT
from okrlint.score import document_key, element_key, locate

KIND_LABELS = {"objective": "objective", "key_result": "key result", "action": "action"}


def _clean(text: str) -> str:
    """XML 1.0 cannot carry most control characters: show them as escapes."""
    return printable(text).replace("\r", "\\x0d")


def _failure(case: ET.Element, findings: list[Finding], report: Report) -> None:
    """The findings of one element; test case names stay English (CI tracks tests by name),
    the messages are said as the report says them."""
    first = findings[0]
    lang = report.language_of(first)
    message = f"{first.code} {first.rule}: {say(first.message, lang)}"
    if len(findings) > 1:
        more = len(findings) - 1
        message += " " + say(ngettext("(and {n} more)", "(and {n} more)", more), lang)
    body = []
    for f in findings:
        lang = report.language_of(f)
        where = f"{f.path}:{f.span.line}:{f.span.column}"
        body.append(f"{where}: {f.code} [{f.rule}] {in_sheet(f.span, lang)}{say(f.message, lang)}")
        if f.suggestion:
            body.append(f"    {say(HINT, lang)} {say(f.suggestion, lang)}")
    failure = ET.SubElement(case, "failure", message=_clean(message), type=_clean(first.code))
    failure.text = _clean("\n".join(body))


def _cases(doc: Document) -> list[tuple[tuple, str]]:
    cases = []
    for element in doc.elements():
        ident = f" {element.id}" if element.id else ""
        span = element.span
        place = f"sheet {span.sheet!r}, row {span.line}" if span.sheet else f"line {span.line}"
        label = f"{KIND_LABELS[element.kind.value]}{ident} ({place})"
        cases.append((element_key(doc.path, element), f"{label}: {' '.join(element.text.split())}"))
    return cases


def _suite(root: ET.Element, result: FileResult, report: Report, placed: dict) -> None:
    suite = ET.SubElement(root, "testsuite", name=_clean(result.path))
    score = report.scores.file(result.path)
    props = ET.SubElement(suite, "properties")
    ET.SubElement(props, "property", name="score", value=str(score.score if score else ""))
    errors = [f for f in report.findings_in(result.path) if f.code == "OKR000"]
    if result.errors:
        case = ET.SubElement(suite, "testcase", classname=_clean(result.path), name="read file")
        unread = errors[0].message if errors else _("could not be read")
        message = say(unread, report.file_language(result))
        error = ET.SubElement(case, "error", message=_clean(message), type="OKR000")
        error.text = _clean(message)
    cases = [(document_key(result.path), "document")]
    for doc in result.documents:
        cases += _cases(doc)
    failures = 0
    for key, name in cases if not result.errors else []:
        case = ET.SubElement(suite, "testcase", classname=_clean(result.path), name=_clean(name))
        found = placed.get(key, [])
        if found:
            failures += 1
            _failure(case, found, report)
    suite.set("tests", str(len(suite.findall("testcase"))))
    suite.set("failures", str(failures))
    suite.set("errors", str(1 if result.errors else 0))
    suite.set("skipped", "0")


def format_report(report: Report, *, color: bool = False) -> str:
    placed = locate([d for f in report.files for d in f.documents], report.findings)
    root = ET.Element("testsuites", name="okrlint")
    for result in report.files:
        _suite(root, result, report, placed)
    for key in ("tests", "failures", "errors"):
        root.set(key, str(sum(int(s.get(key, "0")) for s in root)))
    ET.indent(root)
    xml = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml + "\n"
