"""The language server's state and its checks, without the protocol.

A ``Session`` holds the editor's open buffers and checks one at a time the way ``okrlint
check`` checks a file: the config found from the buffer's folder, the same per-file work
(``okrlint.perfile``: read, analyse, element rules), then the document rules over the OKR
set. The set is every OKR file of the workspace folder (as a folder check would find them),
open buffers in place of what is on disk, plus ``alignment.include``. spaCy's pipelines and
the analyses of the open documents' texts stay in memory between checks, so a keystroke
costs the changed element.

Nothing here writes a file: code actions are edits for the editor to apply.
"""

from __future__ import annotations

import os
import textwrap
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from okrlint.config import Config, find_config
from okrlint.engine import ActiveRule, error_finding, run_rules
from okrlint.errors import OkrlintError
from okrlint.model import Document, Finding
from okrlint.rule import DOC_SECTIONS, Rule
from okrlint.server import edits as edit
from okrlint.server.places import Buffer, Point, Range, finding_range


@dataclass(frozen=True)
class Checked:
    """One check of one buffer: its findings and where each is shown."""

    path: str
    version: int | None
    buffer: Buffer
    format: str | None
    documents: tuple[Document, ...]
    findings: tuple[Finding, ...]
    ranges: tuple[Range, ...]  # one per finding
    rules: dict[str, Rule] = field(default_factory=dict)  # by code, for hover and links
    config: Config | None = None


@dataclass(frozen=True)
class Action:
    """A code action (a quick fix to the editor): its title, the finding it is for, and the
    edits it makes; ``preferred`` for the rule's first fix."""

    title: str
    finding: Finding
    edits: tuple[edit.TextEdit, ...]
    preferred: bool = False


@dataclass
class _Setup:
    config: Config
    active: tuple[ActiveRule, ...]


@dataclass
class _Parsed:
    signature: tuple
    documents: tuple[Document, ...]


class Session:
    def __init__(self, roots: Iterable[Path] = ()) -> None:
        self.roots: list[Path] = []
        self._buffers: dict[Path, tuple[str, int | None]] = {}  # open: text, version
        self._setups: dict[str | None, _Setup] = {}  # by config file
        self._walks: dict[tuple, tuple[Path, ...]] = {}  # the OKR files under a root
        self._parsed: dict[Path, _Parsed] = {}  # the OKR set's documents, by file
        self._verified: dict[tuple, bool] = {}  # code actions re-checked, per version
        self._texts: dict[Path, set[tuple[str, str]]] = {}  # each open buffer's element texts
        self.warm = False  # spaCy loaded and the analyses kept (at the first check)
        self.set_roots(roots)

    def set_roots(self, roots: Iterable[Path]) -> None:
        """The workspace folders (the deepest first, so a nested one wins)."""
        self.roots = sorted({Path(r).resolve() for r in roots}, key=lambda p: -len(p.parts))
        self._walks.clear()

    # ------------------------------------------------------------------ the editor's buffers

    def open(self, path: Path, text: str, version: int | None) -> None:
        self._buffers[path] = (text, version)
        self._walks.clear()  # a new file may have appeared

    def change(self, path: Path, text: str, version: int | None) -> None:
        self._buffers[path] = (text, version)
        self._verified = {k: v for k, v in self._verified.items() if k[0] != str(path)}

    def close(self, path: Path) -> None:
        self._buffers.pop(path, None)
        self._parsed.pop(path, None)
        self._verified.clear()

    def files_changed(self) -> None:
        """Files changed on disk (saved, created, deleted, a config edited): look again."""
        self._walks.clear()
        self._setups.clear()
        self._verified.clear()

    def buffer_paths(self) -> list[Path]:
        return list(self._buffers)

    def version(self, path: Path) -> int | None:
        entry = self._buffers.get(path)
        return entry[1] if entry is not None else None

    # ------------------------------------------------------------------ checking

    def check(self, path: Path) -> Checked | None:
        """Check an open buffer; None when it is not an OKR file a folder check would read.

        Raises ``OkrlintError`` for a config that cannot be used."""
        entry = self._buffers.get(path)  # the editor may close it while a check waits
        if entry is None:
            return None
        text, version = entry
        setup = self._setup(path)
        if not self._included(path, setup.config):
            return None
        documents, findings = self._run(path, text, setup)
        self._keep_analyses_of(path, documents)
        buffer = Buffer.of(text)
        return Checked(
            path=str(path),
            version=version,
            buffer=buffer,
            format=documents[0].format if documents else None,
            documents=documents,
            findings=findings,
            ranges=tuple(finding_range(buffer, f, documents) for f in findings),
            rules={a.rule.code: a.rule for a in setup.active},
            config=setup.config,
        )

    def _run(
        self, path: Path, text: str, setup: _Setup, only: str | None = None
    ) -> tuple[tuple[Document, ...], tuple[Finding, ...]]:
        """The documents and findings of a buffer's text: the per-file work of a check, then
        the document rules over the OKR set. ``only``: run just this rule."""
        from okrlint.files import too_big
        from okrlint.perfile import FileOptions, check_files, document_rules
        from okrlint.runner import LazyAnalyses

        self._warm_up()
        active = (
            setup.active if only is None else tuple(a for a in setup.active if a.rule.code == only)
        )
        display, data = str(path), text.encode("utf-8")
        limit = setup.config.max_file_size
        if len(data) > limit:  # as 'okrlint check' refuses such a file, before reading it
            return (), (error_finding(display, None, too_big(len(data), limit)),)
        outcomes, analyses = check_files([(display, data)], setup.config, FileOptions(), active)
        outcome = outcomes[0]
        documents = outcome.result.documents
        findings = list(outcome.findings)
        set_rules = document_rules(active)
        if set_rules and documents:
            the_set = [*documents, *self._set_documents(path, setup.config)]
            lazy = LazyAnalyses(analyses, documents)
            findings.extend(run_rules(documents, set_rules, setup.config, lazy, the_set))
        return documents, tuple(sorted(findings, key=_order))

    def _warm_up(self) -> None:
        if not self.warm:
            from okrlint.language import remember_analyses

            remember_analyses()
            self.warm = True

    def _keep_analyses_of(self, path: Path, documents: Sequence[Document]) -> None:
        """Keep the analyses of the open documents' texts, and only those: what a keystroke
        leaves behind (every text typed on the way) is let go, so memory stays flat."""
        from okrlint.engine import element_texts
        from okrlint.language import keep_analyses

        self._texts[path] = {(lang, t) for lang, ts in element_texts(documents).items() for t in ts}
        for closed in [p for p in self._texts if p not in self._buffers]:
            del self._texts[closed]
        keep_analyses(set().union(*self._texts.values()))

    def _setup(self, path: Path) -> _Setup:
        """The config for a file, found as ``okrlint check`` finds it, and its rules; the
        rules are loaded again only when the config changed."""
        from okrlint.alignment import alignment_config
        from okrlint.perfile import active_rules

        config = find_config(path.parent)
        known = self._setups.get(config.source)
        if known is not None and known.config == config:
            return known
        active = active_rules(config)
        alignment_config(config)  # a bad [alignment] or [levels] table is a config error
        setup = _Setup(config, active)
        self._setups[config.source] = setup
        return setup

    def root_of(self, path: Path, config: Config) -> Path:
        """The folder a check of the workspace starts from: the workspace folder holding the
        file, else the project (config) folder, else the file's own folder."""
        for root in self.roots:
            if path.is_relative_to(root):
                return root
        if config.source and path.is_relative_to(config.root):
            return config.root
        return path.parent

    def _included(self, path: Path, config: Config) -> bool:
        """Whether a check of the workspace folder would read this file (``include`` and
        ``exclude`` in config), as pre-commit and CI see it."""
        from okrlint.files import is_excluded, matches_any

        root = self.root_of(path, config)
        inside = path.relative_to(root).as_posix()
        rel = f"{root.name}/{inside}" if root.name else inside
        return matches_any(rel, config.include) and not is_excluded(path, config)

    def _set_documents(self, path: Path, config: Config) -> list[Document]:
        """The rest of the OKR set: the workspace's other OKR files (open buffers as they
        stand in the editor) and the ``alignment.include`` files."""
        root = self.root_of(path, config)
        files = self._walk(root, config)
        checked = {path, *files}
        others = [f for f in files if f != path]
        others += [
            p
            for p in list(self._buffers)  # a copy: the editor may open one meanwhile
            if p not in checked and p.is_relative_to(root) and self._included(p, config)
        ]
        documents: list[Document] = []
        for other in others:
            documents.extend(self._documents_of(other, config))
        for context in self._included_by_alignment(config):
            if context not in checked:
                documents.extend(self._documents_of(context, config))
        return documents

    def _included_by_alignment(self, config: Config) -> tuple[Path, ...]:
        """The ``alignment.include`` files (looked for again when files change)."""
        from okrlint.alignment import alignment_config, include_files

        key = ("alignment", config.root, alignment_config(config).include)
        found = self._walks.get(key)
        if found is None:
            found = self._walks[key] = tuple(include_files(config))
        return found

    def _walk(self, root: Path, config: Config) -> tuple[Path, ...]:
        from okrlint.files import expand_paths

        key = (root, config.include, config.exclude, config.source)
        found = self._walks.get(key)
        if found is None:
            found = tuple(Path(p).resolve() for p in expand_paths([str(root)], config).files)
            self._walks[key] = found
        return found

    def _documents_of(self, path: Path, config: Config) -> tuple[Document, ...]:
        """A file's documents as the set sees them: the open buffer's text, else the file's
        (parsed again only when it changed); none for a file that cannot be read."""
        from okrlint.perfile import FileOptions, parse_file
        from okrlint.runner import RunOptions, read_input

        entry = self._buffers.get(path)
        if entry is not None:
            text, version = entry
            signature: tuple = ("buffer", version, len(text))
        else:
            try:
                info = path.stat()
            except OSError:
                return ()
            signature = ("file", info.st_mtime_ns, info.st_size)
            text = None
        known = self._parsed.get(path)
        if known is not None and known.signature == signature:
            return known.documents
        try:
            if text is None:
                _, data = read_input(str(path), config, RunOptions())
            else:
                data = text.encode("utf-8")
            documents = parse_file(str(path), data, config, FileOptions()).documents
        except OkrlintError:
            documents = ()
        self._parsed[path] = _Parsed(signature, documents)
        return documents

    # ------------------------------------------------------------------ hover

    def hover(self, checked: Checked, point: Point) -> tuple[str, Range] | None:
        """Markdown for the findings whose range holds ``point``: the message, the hint and
        the rule's documentation."""
        hits = [
            (f, r)
            for f, r in zip(checked.findings, checked.ranges, strict=True)
            if r[0] <= point <= r[1]
        ]
        if not hits:
            return None
        parts = [hover_text(f, checked.rules.get(f.code)) for f, _ in hits]
        start = min(r[0] for _, r in hits)
        end = max(r[1] for _, r in hits)
        return "\n\n---\n\n".join(parts), (start, end)

    # ------------------------------------------------------------------ code actions

    def actions(self, checked: Checked, wanted: Sequence[Finding]) -> list[Action]:
        """The code actions for findings of a check that is current: the rule's quick fixes,
        then "disable for this line" and "for this file". Each is offered only if, with its
        edits made, the finding's rule no longer reports it and nothing else moved."""
        path = Path(checked.path)
        if self.version(path) != checked.version or checked.config is None:
            return []
        fmt = checked.format or ""
        found: list[Action] = []
        for finding in wanted:
            if finding.code == "OKR000":
                continue
            for index, fix in enumerate(finding.fixes):
                placed = edit.fix_edits(checked.buffer, finding, fix)
                if placed and self._resolves(checked, finding, placed, keep_elements=False):
                    title = f"{finding.code}: {fix.title[:1].upper()}{fix.title[1:]}"
                    found.append(Action(title, finding, tuple(placed), preferred=index == 0))
            for file_wide, label in ((False, "this line"), (True, "this file")):
                maker = edit.suppress_file if file_wide else edit.suppress_line
                placed_one = maker(checked.buffer, fmt, finding)
                if placed_one and self._resolves(
                    checked, finding, [placed_one], keep_elements=True
                ):
                    title = f"Disable {finding.code} ({finding.rule}) for {label}"
                    found.append(Action(title, finding, (placed_one,)))
        return found

    def _resolves(
        self, checked: Checked, finding: Finding, placed: list[edit.TextEdit], keep_elements: bool
    ) -> bool:
        """Whether, with these edits made, the finding is gone and its rule finds nothing new
        (and, for a suppression, the document has exactly the same elements)."""
        key = (checked.path, checked.version, finding, tuple(placed))
        if key in self._verified:
            return self._verified[key]
        path = Path(checked.path)
        text = edit.apply(checked.buffer, placed)
        try:
            documents, findings = self._run(path, text, self._setup(path), only=finding.code)
        except OkrlintError:
            documents, findings = (), ()
        before = Counter(_identity(f) for f in checked.findings if f.code == finding.code)
        after = Counter(_identity(f) for f in findings)
        ok = bool(documents) and not after - before
        ok = ok and after[_identity(finding)] < before[_identity(finding)]
        if ok and keep_elements:
            ok = _elements(documents) == _elements(checked.documents)
        self._verified[key] = ok
        return ok


def _identity(f: Finding) -> tuple:
    """A finding apart from where it is (an edit above it moves it down a line)."""
    return (f.code, f.element, f.text, f.highlight, f.message)


def _elements(documents: Sequence[Document]) -> list[tuple[str, str]]:
    return [(e.kind.value, e.text) for doc in documents for e in doc.elements()]


def _order(f: Finding) -> tuple:
    return (*f.sort_key, f.rule, f.highlight or (-1, -1))


def hover_text(finding: Finding, rule: Rule | None) -> str:
    """The hover for one finding, in Markdown."""
    severity = finding.severity.value
    parts = [f"**{finding.code}** `{finding.rule}` ({severity}): {_escape(finding.message)}"]
    if finding.suggestion:
        parts.append(f"**Hint:** {_escape(finding.suggestion)}")
    if rule is not None:
        for title in DOC_SECTIONS:
            section = _paragraphs(rule.docs_section(title))
            if section:
                parts.append(f"**{title}**\n\n{section}")
    return "\n\n".join(parts)


def _paragraphs(section: str) -> str:
    """A docs section as Markdown paragraphs (the docstring's indentation is not code)."""
    blocks = textwrap.dedent(section).split("\n\n")
    return "\n\n".join(
        " ".join(line.strip() for line in b.splitlines() if line.strip()) for b in blocks
    ).strip()


def _escape(text: str) -> str:
    """User text in Markdown: no markup of its own, no raw HTML."""
    return "".join("\\" + c if c in "\\`*_[]<>#|" else c for c in text)


def fs_path(uri: str) -> Path | None:
    """The file a ``file:`` URI names; None for other schemes (an unsaved 'untitled:')."""
    from urllib.parse import unquote, urlparse

    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    if os.name == "nt" and path.startswith("/") and path[2:3] == ":":
        path = path[1:]
    return Path(path).resolve() if path else None
