"""The message catalogue's development tools (Babel, from the test extras; okrlint never
imports this module at run time).

``python -m okrlint.catalogue`` brings the catalogue up to date with the code, from the
top folder of a checkout: it extracts every message into ``okrlint/locale/okrlint.pot``,
merges new and changed entries into each language's ``.po`` (a changed entry comes back
marked fuzzy, with its old translation as a start), and compiles the ``.mo`` files that
okrlint reads. Translate the entries it reports as missing, then run it again.

``extract_rule`` is the Babel extractor for rule modules, named in ``[tool.babel]`` of
pyproject.toml. Babel's own Python extractor finds the ``_()`` / ``ngettext()`` calls; this
adds what a rule says without a call: ``summary="…"`` of its ``Rule(...)`` and each
paragraph of its docstring, read the way ``okrlint explain`` reads them
(``okrlint.rule.doc_parts``).
"""

from __future__ import annotations

import ast
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from okrlint.i18n import DOMAIN, LANGUAGES, SOURCE_LANGUAGE
from okrlint.rule import doc_parts

LOCALE = Path("okrlint") / "locale"


def extract_rule(fileobj, keywords, comment_tags, options: dict[str, Any]) -> Iterator[tuple]:
    from babel.messages.extract import extract_python

    source = fileobj.read()
    fileobj.seek(0)
    yield from extract_python(fileobj, keywords, comment_tags, options)
    encoding = options.get("encoding", "utf-8")
    text = source.decode(encoding) if isinstance(source, bytes) else source
    tree = ast.parse(text)
    code = _rule_code(tree)
    if code is None:  # a helper module of the rules folder: no documentation to say
        return
    summary = _summary(tree)
    if summary is not None:
        line, value = summary
        yield line, None, value, [f"{code}: summary (okrlint rules, explain, HTML)"]
    docstring = ast.get_docstring(tree, clean=False)
    if docstring:
        line = tree.body[0].lineno
        for title, paragraphs in doc_parts(docstring):
            where = f"section '{title}'" if title else "title"
            for paragraph in paragraphs:
                yield line, None, paragraph, [f"{code}: documentation, {where}"]


def _rule_code(tree: ast.Module) -> str | None:
    for call in _rule_calls(tree):
        for kw in call.keywords:
            if kw.arg == "code" and isinstance(kw.value, ast.Constant):
                return str(kw.value.value)
    return None


def _summary(tree: ast.Module) -> tuple[int, str] | None:
    for call in _rule_calls(tree):
        for kw in call.keywords:
            if kw.arg == "summary" and isinstance(kw.value, ast.Constant):
                return kw.value.lineno, str(kw.value.value)
    return None


def _rule_calls(tree: ast.Module) -> Iterator[ast.Call]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Rule":
            yield node


def po_path(lang: str, root: Path = Path()) -> Path:
    return root / LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def main() -> int:
    from babel.messages.pofile import read_po

    root = Path()
    if not (root / "pyproject.toml").is_file() or not (root / LOCALE).is_dir():
        print("run this from the top folder of an okrlint checkout", file=sys.stderr)
        return 2
    missing = 0
    with tempfile.TemporaryDirectory() as tmp:
        template = _extract(root, Path(tmp))
        for lang in LANGUAGES:
            if lang == SOURCE_LANGUAGE:
                continue
            _babel(
                *("update", "-i", str(template), "-d", str(LOCALE), "-D", DOMAIN, "-l", lang),
                *("--ignore-obsolete", "--width=100", "--init-missing"),
            )
            with po_path(lang).open("rb") as handle:
                catalog = read_po(handle)
            todo = [m for m in catalog if m.id and (m.fuzzy or not all(_forms(m.string)))]
            for message in todo:
                state = "changed" if message.fuzzy else "missing"
                print(f"{po_path(lang)}: {state}: {_forms(message.id)[0]!r}")
            missing += len(todo)
            _compile(catalog, po_path(lang).with_suffix(".mo"))
    return 1 if missing else 0


def extracted(root: Path):
    """Every message of the code under ``root``, as Babel extracts it (a babel Catalog)."""
    from babel.messages.pofile import read_po

    with tempfile.TemporaryDirectory() as tmp, _extract(root, Path(tmp)).open("rb") as handle:
        return read_po(handle)


def _extract(root: Path, folder: Path) -> Path:
    template = folder / f"{DOMAIN}.pot"
    _babel(
        *("extract", "-F", str(root / "pyproject.toml"), "--add-location=file", "--sort-output"),
        *("--project=okrlint", "--copyright-holder=okrlint contributors", "--width=100"),
        *("-o", str(template), str(root)),
    )
    return template


def _compile(catalog, mo: Path) -> None:
    """The .mo okrlint reads, written from the .po as it is. Not ``pybabel compile``: it
    checks every entry whose English happens to look like a printf format ("30 % of" reads
    as "% o") against its translation and reports errors for prose; the placeholders that
    matter, ``{name}``, are checked by tests/test_catalogue.py."""
    from babel.messages.mofile import write_mo

    with mo.open("wb") as handle:
        write_mo(handle, catalog)
    done = sum(1 for m in catalog if m.id and m.string and not m.fuzzy)
    print(f"{mo}: {done} of {sum(1 for m in catalog if m.id)} messages translated")


def _babel(*args: str) -> None:
    from babel.messages.frontend import CommandLineInterface

    CommandLineInterface().run(["pybabel", "--quiet", *args])


def _forms(value) -> tuple[str, ...]:
    return tuple(value) if isinstance(value, list | tuple) else (value,)


if __name__ == "__main__":
    sys.exit(main())
