"""JUnit XML, which most CI systems show natively.

One ``testsuite`` per file, one ``testcase`` per element (the document itself, each
objective, key result and action): an element with findings fails with all of them listed,
a clean element passes, a file that could not be read is an ``error``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from okrlint.model import Document, Finding
from okrlint.report import FileResult, Report
from okrlint.reporters.sanitize import printable
from okrlint.score import document_key, element_key, locate

KIND_LABELS = {"objective": "objective", "key_result": "key result", "action": "action"}


def _clean(text: str) -> str:
    """XML 1.0 cannot carry most control characters: show them as escapes."""
    return printable(text).replace("\r", "\\x0d")


def _failure(case: ET.Element, findings: list[Finding]) -> None:
    first = findings[0]
    message = f"{first.code} {first.rule}: {first.message}"
    if len(findings) > 1:
        message += f" (and {len(findings) - 1} more)"
    body = []
    for f in findings:
        body.append(f"{f.path}:{f.span.line}:{f.span.column}: {f.code} [{f.rule}] {f.message}")
        if f.suggestion:
            body.append(f"    hint: {f.suggestion}")
    failure = ET.SubElement(case, "failure", message=_clean(message), type=_clean(first.code))
    failure.text = _clean("\n".join(body))


def _cases(doc: Document) -> list[tuple[tuple, str]]:
    cases = []
    for element in doc.elements():
        ident = f" {element.id}" if element.id else ""
        label = f"{KIND_LABELS[element.kind.value]}{ident} (line {element.span.line})"
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
        message = errors[0].message if errors else "could not be read"
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
            _failure(case, found)
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
