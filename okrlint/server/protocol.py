"""``okrlint server``: the Language Server Protocol over stdio, on pygls and lsprotocol.

The protocol side only: it keeps the session's buffers in step with the editor, schedules
checks, and turns findings into diagnostics, hovers and code actions in the editor's
position encoding. Checks run one at a time on a worker thread, so the server keeps
reading while one runs; edits that arrive meanwhile are merged into one check of the
latest text (a burst of typing is checked once, not once per keystroke). Importing this
module imports pygls: only the ``server`` command does.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import traceback
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol

from okrlint import __version__
from okrlint.errors import OkrlintError
from okrlint.model import Finding, Severity
from okrlint.rule import Rule
from okrlint.server.places import Point, Range
from okrlint.server.session import Checked, Session, fs_path

SOURCE = "okrlint"
# A check after an edit waits this long for more edits (seconds; "debounce" in the
# client's initializationOptions, in milliseconds). Edits that arrive while a check runs
# wait for it anyway and are checked together.
DEBOUNCE = 0.0
# Other open files are checked again after an edit, for the cascade; not on every keystroke.
OTHERS_DELAY = 0.5
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
WATCHED = (
    "**/pyproject.toml",
    "**/.okrlint.yaml",
    "**/.okrlint.yml",
    "**/*.{yaml,yml,md,markdown,txt,text,okr,csv,tsv,xlsx}",
)


class _Protocol(LanguageServerProtocol):
    def _handle_notification(self, method_name: str, params: Any) -> None:
        super()._handle_notification(method_name, params)
        # pygls 2.1 files the future of every notification its own generator handlers run
        # (didOpen, didChange, didClose) among the pending requests and never takes it out:
        # a future per keystroke, kept for good. A future that is done waits for nothing.
        pending = self._request_futures
        for key in [k for k, future in pending.items() if future.done()]:
            del pending[key]


class OkrlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            "okrlint",
            __version__,
            text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
            protocol_cls=_Protocol,
        )
        self.session = Session()
        self.debounce = DEBOUNCE
        self.checked: dict[Path, Checked] = {}
        self.uris: dict[Path, str] = {}
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="okrlint-check")
        self._timers: dict[Path, asyncio.TimerHandle] = {}
        self._running: set[Path] = set()
        self._again: set[Path] = set()
        self._tasks: set[asyncio.Future] = set()
        self.shut_down = False  # the editor asked for a shutdown before exit
        self._watching = False  # file watching asked for (or not possible)
        self._docs: dict[tuple[str, str], str | None] = {}  # a rule's documentation link

    # ------------------------------------------------------------------ scheduling

    def schedule(self, path: Path, delay: float) -> None:
        """Check ``path`` after ``delay`` seconds (a later request replaces an earlier one)."""
        old = self._timers.pop(path, None)
        if old is not None:
            old.cancel()
        loop = asyncio.get_running_loop()
        self._timers[path] = loop.call_later(delay, self._start, path)

    def schedule_others(self, path: Path, delay: float) -> None:
        for other in self.session.buffer_paths():
            if other != path and other not in self._timers:
                self.schedule(other, delay)

    def _start(self, path: Path) -> None:
        self._timers.pop(path, None)
        if path in self._running:  # edits while a check runs: one more check when it ends
            self._again.add(path)
            return
        self._running.add(path)
        task = asyncio.ensure_future(self._check(path))
        self._tasks.add(task)  # held until done: the loop keeps only a weak reference
        task.add_done_callback(self._tasks.discard)

    async def _check(self, path: Path) -> None:
        try:
            version = self.session.version(path)
            loop = asyncio.get_running_loop()
            result = await loop.run_in_executor(self._worker, self._safe_check, path)
            uri = self.uris.get(path)
            if uri is None or self.session.version(path) != version:
                return  # closed, or changed again: that change has its own check coming
            if isinstance(result, Checked):
                self.checked[path] = result
                self.publish(
                    uri, version, [self.diagnostic(result, i) for i in range(len(result.findings))]
                )
            elif result is None:
                self.checked.pop(path, None)
                self.publish(uri, version, [])
            else:
                self.checked.pop(path, None)
                self.publish(uri, version, [result])
        finally:
            _collect_from_now_on()
            self.watch_files()
            self._running.discard(path)
            if path in self._again:
                self._again.discard(path)
                self.schedule(path, 0)

    def _safe_check(self, path: Path) -> Checked | types.Diagnostic | None:
        """A check on the worker thread; a problem is one diagnostic, never a dead server."""
        try:
            return self.session.check(path)
        except OkrlintError as exc:
            return _first_line_diagnostic(f"okrlint: config error: {exc}")
        except Exception as exc:  # a bug in okrlint: say so once, keep serving
            traceback.print_exc(file=sys.stderr)
            return _first_line_diagnostic(f"okrlint: internal error: {type(exc).__name__}: {exc}")

    def publish(self, uri: str, version: int | None, diagnostics: list[types.Diagnostic]) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        )

    def watch_files(self) -> None:
        """Ask the editor to tell of changed config and OKR files, if it can (once, after the
        first check, so that the first diagnostics do not wait for it)."""
        if self._watching or self.shut_down:
            return
        self._watching = True
        workspace = self.client_capabilities.workspace
        changes = workspace.did_change_watched_files if workspace else None
        if not (changes and changes.dynamic_registration):
            return
        watchers = [types.FileSystemWatcher(glob_pattern=g) for g in WATCHED]
        options = types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers)
        registration = types.Registration(
            id="okrlint-watched-files",
            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=options,
        )
        self.client_register_capability(types.RegistrationParams(registrations=[registration]))

    def shutdown_worker(self) -> None:
        for timer in self._timers.values():
            timer.cancel()
        self._timers.clear()
        self._worker.shutdown(wait=True, cancel_futures=True)

    # ------------------------------------------------------------------ positions

    def to_client(self, checked: Checked, point: Point) -> types.Position:
        line, column = checked.buffer.editor_point(point)
        lines = checked.buffer.editor_lines
        text = lines[line] if line < len(lines) else ""
        return types.Position(
            line=line, character=self.workspace.position_codec.client_num_units(text[:column])
        )

    def to_client_range(self, checked: Checked, found: Range) -> types.Range:
        return types.Range(
            start=self.to_client(checked, found[0]), end=self.to_client(checked, found[1])
        )

    def from_client(self, checked: Checked, position: types.Position) -> Point:
        codec = self.workspace.position_codec
        server = codec.position_from_client_units(
            checked.buffer.editor_lines,
            types.Position(line=position.line, character=position.character),
        )
        return checked.buffer.okrlint_point((server.line, server.character))

    # ------------------------------------------------------------------ diagnostics

    def diagnostic(self, checked: Checked, index: int) -> types.Diagnostic:
        finding = checked.findings[index]
        message = finding.message
        if finding.suggestion:
            message += f"\nhint: {finding.suggestion}"
        rule = checked.rules.get(finding.code)
        href = self._docs_uri(rule) if rule is not None else None
        return types.Diagnostic(
            range=self.to_client_range(checked, checked.ranges[index]),
            message=message,
            severity=SEVERITIES[finding.severity],
            code=finding.code,
            code_description=types.CodeDescription(href=href) if href else None,
            source=SOURCE,
        )

    def _docs_uri(self, rule: Rule) -> str | None:
        key = (rule.code, rule.origin)
        if key not in self._docs:
            self._docs[key] = rule_docs_uri(rule)
        return self._docs[key]

    def findings_for(
        self, checked: Checked, wanted: types.Range, diagnostics: list[types.Diagnostic]
    ) -> list[Finding]:
        """The findings a code action request is about: those of the diagnostics the editor
        sends (ours, matched by code and range), else those overlapping the range."""
        ours = [d for d in diagnostics if d.source == SOURCE]
        chosen = []
        for index, finding in enumerate(checked.findings):
            shown = self.to_client_range(checked, checked.ranges[index])
            if ours:
                if any(d.code == finding.code and d.range == shown for d in ours):
                    chosen.append(finding)
            elif _overlaps(shown, wanted):
                chosen.append(finding)
        return chosen


def _overlaps(a: types.Range, b: types.Range) -> bool:
    def key(p: types.Position) -> tuple[int, int]:
        return p.line, p.character

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def _first_line_diagnostic(message: str) -> types.Diagnostic:
    at = types.Position(line=0, character=0)
    return types.Diagnostic(
        range=types.Range(start=at, end=at),
        message=message,
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )


def rule_docs_uri(rule: Rule) -> str | None:
    """Where a rule's documentation lives: the file that defines it, whose opening text is
    its What it does / Why it matters / How to fix (a YAML rule's own file)."""
    origin = Path(rule.origin)
    if rule.origin.endswith((".yaml", ".yml")) and origin.is_file():
        return origin.resolve().as_uri()
    module = sys.modules.get(getattr(rule.check, "__module__", "") or "")
    found = getattr(module, "__file__", None)
    return Path(found).resolve().as_uri() if found else None


# ---------------------------------------------------------------------- the features


def build() -> OkrlintServer:
    server = OkrlintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: OkrlintServer, params: types.InitializeParams) -> None:
        roots = [fs_path(f.uri) for f in params.workspace_folders or ()]
        if not roots and params.root_uri:
            roots = [fs_path(params.root_uri)]
        ls.session = Session(r for r in roots if r is not None)
        options = params.initialization_options
        if isinstance(options, dict) and isinstance(options.get("debounce"), int | float):
            ls.debounce = max(0.0, float(options["debounce"]) / 1000)

    @server.feature(types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
    def did_change_workspace_folders(
        ls: OkrlintServer, params: types.DidChangeWorkspaceFoldersParams
    ) -> None:
        roots = [fs_path(folder.uri) for folder in ls.workspace.folders.values()]
        ls.session.set_roots(r for r in roots if r is not None)
        for path in ls.session.buffer_paths():
            ls.schedule(path, OTHERS_DELAY)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: OkrlintServer, params: types.DidOpenTextDocumentParams) -> None:
        path = fs_path(params.text_document.uri)
        if path is None:
            return
        ls.uris[path] = params.text_document.uri
        ls.session.open(path, params.text_document.text, params.text_document.version)
        ls.schedule(path, 0)
        ls.schedule_others(path, OTHERS_DELAY)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: OkrlintServer, params: types.DidChangeTextDocumentParams) -> None:
        path = fs_path(params.text_document.uri)
        if path is None or path not in ls.uris:
            return
        document = ls.workspace.get_text_document(params.text_document.uri)
        ls.session.change(path, document.source, params.text_document.version)
        ls.schedule(path, ls.debounce)
        ls.schedule_others(path, OTHERS_DELAY)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: OkrlintServer, params: types.DidSaveTextDocumentParams) -> None:
        path = fs_path(params.text_document.uri)
        ls.session.files_changed()
        if path is not None and path in ls.uris:
            ls.schedule(path, 0)
        ls.schedule_others(path, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: OkrlintServer, params: types.DidCloseTextDocumentParams) -> None:
        path = fs_path(params.text_document.uri)
        if path is None:
            return
        ls.session.close(path)
        ls.uris.pop(path, None)
        ls.checked.pop(path, None)
        ls.publish(params.text_document.uri, None, [])
        ls.schedule_others(path, OTHERS_DELAY)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(
        ls: OkrlintServer, params: types.DidChangeWatchedFilesParams
    ) -> None:
        ls.session.files_changed()
        for path in ls.session.buffer_paths():
            ls.schedule(path, OTHERS_DELAY)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: OkrlintServer, params: types.HoverParams) -> types.Hover | None:
        path = fs_path(params.text_document.uri)
        checked = ls.checked.get(path) if path else None
        if checked is None:
            return None
        found = ls.session.hover(checked, ls.from_client(checked, params.position))
        if found is None:
            return None
        text, where = found
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
            range=ls.to_client_range(checked, where),
        )

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    async def code_action(
        ls: OkrlintServer, params: types.CodeActionParams
    ) -> list[types.CodeAction] | None:
        path = fs_path(params.text_document.uri)
        checked = ls.checked.get(path) if path else None
        if checked is None:
            return None
        wanted = ls.findings_for(checked, params.range, list(params.context.diagnostics))
        if not wanted:
            return None
        loop = asyncio.get_running_loop()
        # the edits are checked like a buffer: on the worker, one thing at a time
        actions = await loop.run_in_executor(ls._worker, ls.session.actions, checked, wanted)
        return [_code_action(ls, checked, params.text_document.uri, action) for action in actions]

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: OkrlintServer, *args: Any) -> None:
        ls.shut_down = True
        ls.shutdown_worker()

    return server


def _code_action(ls: OkrlintServer, checked: Checked, uri: str, action) -> types.CodeAction:
    edits = [
        types.TextEdit(range=ls.to_client_range(checked, e.range), new_text=e.new_text)
        for e in action.edits
    ]
    index = checked.findings.index(action.finding)
    changes = ls.client_capabilities.workspace
    versioned = bool(changes and changes.workspace_edit and changes.workspace_edit.document_changes)
    if versioned:
        document = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=checked.version)
        edit = types.WorkspaceEdit(
            document_changes=[types.TextDocumentEdit(text_document=document, edits=edits)]
        )
    else:
        edit = types.WorkspaceEdit(changes={uri: edits})
    return types.CodeAction(
        title=action.title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[ls.diagnostic(checked, index)],
        is_preferred=action.preferred or None,
        edit=edit,
    )


def _collect_from_now_on() -> None:
    """Turn Python's cycle collector on once the first check is done.

    The okrlint command runs with it off (see ``okrlint.cli.main``), which also makes
    loading spaCy faster; a server lives long, so from here on it collects, and what is
    loaded by now (spaCy, the pipelines, the lexicons) is frozen out of its passes."""
    import gc

    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def serve() -> int:
    """Serve on stdin/stdout until the editor says exit (or goes away)."""
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not break the protocol stream
    logging.basicConfig(
        level=logging.WARNING, stream=sys.stderr, format="okrlint server: %(message)s"
    )
    server = build()
    server.start_io(stdin, stdout)
    return 0 if server.shut_down else 1
