"""A small Language Server Protocol client over a subprocess's stdio, as an editor speaks it:
``Content-Length`` framed JSON-RPC, requests with ids, notifications, and answers to the
server's own requests. Written against the specification with the standard library only, so
a test of ``okrlint server`` does not trust the library the server is built on. The
benchmark (``benchmarks/lsp.py``) drives the server with it too.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

Message = dict[str, Any]


class ServerDied(AssertionError):
    pass


class LspClient:
    def __init__(self, command: Sequence[str], cwd: Path | None = None, env: dict | None = None):
        self.process = subprocess.Popen(
            list(command),
            cwd=cwd,
            env={**os.environ, **(env or {})},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.started = time.perf_counter()
        self._next_id = 0
        self._inbox: queue.Queue[tuple[float, Message] | None] = queue.Queue()
        self.seen: list[tuple[float, Message]] = []  # every message from the server, in order
        self.stderr = b""
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self._errors = threading.Thread(target=self._read_stderr, daemon=True)
        self._errors.start()

    # ------------------------------------------------------------------ the wire

    def _send(self, message: Message) -> None:
        body = json.dumps(message, ensure_ascii=False).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self._inbox.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            assert length is not None, "a message without Content-Length"
            message = json.loads(stream.read(length).decode("utf-8"))
            self._inbox.put((time.perf_counter(), message))

    def _read_stderr(self) -> None:
        assert self.process.stderr is not None
        for chunk in iter(lambda: self.process.stderr.read1(4096), b""):
            self.stderr += chunk

    # ------------------------------------------------------------------ talking

    def notify(self, method: str, params: Any) -> float:
        sent = time.perf_counter()
        self._send({"jsonrpc": "2.0", "method": method, "params": params})
        return sent

    def request(self, method: str, params: Any, timeout: float = 60) -> Any:
        """Send a request and wait for its response; its result (an error raises)."""
        self._next_id += 1
        ident = self._next_id
        self._send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        _, message = self.wait(lambda m: m.get("id") == ident and "method" not in m, timeout)
        if "error" in message:
            raise AssertionError(f"{method} failed: {message['error']}")
        return message.get("result")

    def wait(self, wanted: Callable[[Message], bool], timeout: float = 60) -> tuple[float, Message]:
        """The next message (with the time it arrived) for which ``wanted`` is true; the
        server's own requests are answered on the way, other messages are kept in ``seen``."""
        deadline = time.perf_counter() + timeout
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise AssertionError(f"no such message within {timeout} s; stderr: {self.stderr!r}")
            try:
                item = self._inbox.get(timeout=left)
            except queue.Empty:
                continue
            if item is None:
                raise ServerDied(f"the server closed its output; stderr: {self.stderr!r}")
            arrived, message = item
            self.seen.append(item)
            if "method" in message and "id" in message:  # a request from the server
                self._send({"jsonrpc": "2.0", "id": message["id"], "result": None})
            if wanted(message):
                return arrived, message

    def diagnostics(
        self, uri: str, timeout: float = 60, version: int | None = None
    ) -> tuple[float, list[dict]]:
        """The next diagnostics published for ``uri`` (for ``version``, when given)."""

        def wanted(m: Message) -> bool:
            if m.get("method") != "textDocument/publishDiagnostics":
                return False
            params = m["params"]
            return params["uri"] == uri and (version is None or params.get("version") == version)

        arrived, message = self.wait(wanted, timeout)
        return arrived, message["params"]["diagnostics"]

    # ------------------------------------------------------------------ an editor's session

    def initialize(self, root: Path, capabilities: dict | None = None, options: Any = None) -> dict:
        result = self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": root.as_uri(),
                "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
                "capabilities": capabilities if capabilities is not None else EDITOR_CAPABILITIES,
                "initializationOptions": options,
            },
        )
        self.notify("initialized", {})
        return result

    def open(self, path: Path, text: str, language: str = "yaml", version: int = 1) -> str:
        uri = path.as_uri()
        item = {"uri": uri, "languageId": language, "version": version, "text": text}
        self.notify("textDocument/didOpen", {"textDocument": item})
        return uri

    def replace_all(self, uri: str, text: str, version: int) -> float:
        """A change that sends the whole new text (what a full-sync editor sends)."""
        return self.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]},
        )

    def edit(
        self, uri: str, version: int, start: tuple[int, int], end: tuple[int, int], text: str
    ) -> float:
        """An incremental change of one range (what most editors send as you type)."""
        change = {
            "range": {
                "start": {"line": start[0], "character": start[1]},
                "end": {"line": end[0], "character": end[1]},
            },
            "text": text,
        }
        return self.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]},
        )

    def shutdown(self, timeout: float = 30) -> int:
        """shutdown, exit, and the server's exit status."""
        self.request("shutdown", None)
        self.notify("exit", None)
        return self.process.wait(timeout=timeout)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


# What a typical editor announces: UTF-16 positions (the protocol's default), Markdown hovers,
# code actions with versioned edits, and file watching it can register.
EDITOR_CAPABILITIES: dict = {
    "general": {"positionEncodings": ["utf-16"]},
    "textDocument": {
        "synchronization": {"didSave": True, "dynamicRegistration": False},
        "publishDiagnostics": {"versionSupport": True, "codeDescriptionSupport": True},
        "hover": {"contentFormat": ["markdown", "plaintext"]},
        "codeAction": {
            "codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix"]}},
            "isPreferredSupport": True,
        },
    },
    "workspace": {
        "workspaceFolders": True,
        "workspaceEdit": {"documentChanges": True},
        "didChangeWatchedFiles": {"dynamicRegistration": True},
    },
}


def apply_edits(text: str, edits: list[dict]) -> str:
    """A document's text with LSP TextEdits made (UTF-16 positions, LF line endings)."""
    lines = text.split("\n")

    def offset(position: dict) -> int:
        line = position["line"]
        before = sum(len(t) + 1 for t in lines[:line])
        units = position["character"]
        column = 0
        target = lines[line] if line < len(lines) else ""
        while units > 0 and column < len(target):
            units -= 2 if ord(target[column]) > 0xFFFF else 1
            column += 1
        return before + column

    placed = sorted(
        ((offset(e["range"]["start"]), offset(e["range"]["end"]), e["newText"]) for e in edits),
        reverse=True,
    )
    for start, end, new in placed:
        text = text[:start] + new + text[end:]
    return text


def workspace_edit_of(action: dict, uri: str) -> list[dict]:
    """The text edits a code action makes in one document."""
    edit = action["edit"]
    if edit.get("documentChanges"):
        return [
            e
            for change in edit["documentChanges"]
            if change["textDocument"]["uri"] == uri
            for e in change["edits"]
        ]
    return edit["changes"][uri]
