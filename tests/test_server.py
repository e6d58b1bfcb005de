"""``okrlint server`` end to end: the installed command started as an editor starts it, spoken
to in JSON-RPC over its stdin and stdout (``tests/lsp_client.py``, written from the
specification, not with the server's own library).

The documents are the article's clear-cut cases, so the expected codes and ranges do not
depend on borderline judgement. Ranges are 0-based lines and UTF-16 columns, as editors
count them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, okrlint_executable, run_okrlint
from lsp_client import LspClient, apply_edits, workspace_edit_of

KAFFE = """\
period: 2025-Q3
language: nb
owner: Kaffebaren
objectives:
  - title: Bli Oslos foretrukne kaffebar, fordi vi ønsker å slå konkurrentene
    key_results:
      - Øke omsetningen av kaffe fra 100 000 kr til 150 000 kr per måned
      - Få mange følgere på Instagram
      - Få 40 % høyere snittbong, fra 80 kr til 120 kr
      - Redusere ventetiden i kassa fra 4 til 6 minutter
"""

SELSKAP = """\
period: 2025
owner: Ledelsen
language: nb
objectives:
  - id: selskap-omsetning
    title: Økt omsetning i bedriften, fordi vi vil investere mer i produktet
    level: selskapsnivå
    key_results:
      - id: selskap-kr1
        title: Øke omsetningen fra 10 til 12 mill. kr
      - id: selskap-kr2
        title: Øke kundelojaliteten (NPS) fra 20 til 40
"""

SALG = """\
period: Q3 2025
owner: Salgsavdelingen
language: nb
objectives:
  - id: salg-inntekter
    title: Økte månedlige salgsinntekter, fordi vi er best på salg
    level: team
    parent: selskap-kr1
    key_results:
      - Øke antall salgsavtaler fra 100 til 200
      - Øke gjennomsnittlig abonnementsverdi fra 1 000 til 1 500 kr per måned
"""


def spans(diagnostics: list[dict]) -> list[tuple[str, int, int, int, int]]:
    """(code, start line, start column, end line, end column) of each diagnostic, sorted."""
    found = []
    for d in diagnostics:
        r = d["range"]
        found.append(
            (
                d["code"],
                r["start"]["line"],
                r["start"]["character"],
                r["end"]["line"],
                r["end"]["character"],
            )
        )
    return sorted(found)


def files_state(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``root`` with its bytes and modification time."""
    return {
        str(p.relative_to(root)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def server(tmp_path: Path):
    clients: list[LspClient] = []

    def start(root: Path) -> LspClient:
        client = LspClient([okrlint_executable(), "server"], cwd=root)
        clients.append(client)
        client.initialize(root)
        return client

    yield start
    for client in clients:
        client.kill()


def test_diagnostics_hover_fixes_and_suppressions_like_an_editor(tmp_path: Path, server) -> None:
    okrs = tmp_path / "okrs"
    okrs.mkdir()
    path = okrs / "kaffe.okr.yaml"
    path.write_text(KAFFE, encoding="utf-8")
    before = files_state(tmp_path)
    client = server(tmp_path)
    uri = client.open(path, KAFFE)
    _, diagnostics = client.diagnostics(uri, version=1)

    # the vague word, the stated percentage and the contradicting verb, not whole lines
    assert spans(diagnostics) == [
        ("OKR201", 7, 11, 7, 16),
        ("OKR202", 7, 11, 7, 16),
        ("OKR206", 9, 8, 9, 16),
        ("OKR207", 8, 11, 8, 15),
    ]
    by_code = {d["code"]: d for d in diagnostics}
    assert by_code["OKR201"]["severity"] == 1  # error
    assert by_code["OKR202"]["severity"] == 2  # warning
    assert by_code["OKR202"]["source"] == "okrlint"
    assert by_code["OKR202"]["message"].startswith(
        "key result uses a vague amount («mange») that nobody can check\nhint: replace «mange»"
    )
    docs = by_code["OKR202"]["codeDescription"]["href"]
    assert docs.startswith("file://") and docs.endswith("/okr202_kr_vague_quantifier.py")

    # hover on "mange": both findings there, with the rule's three sections and the hint
    hover = client.request(
        "textDocument/hover",
        {"textDocument": {"uri": uri}, "position": {"line": 7, "character": 13}},
    )
    text = hover["contents"]["value"]
    assert hover["contents"]["kind"] == "markdown"
    assert hover["range"] == {
        "start": {"line": 7, "character": 11},
        "end": {"line": 7, "character": 16},
    }
    assert "**OKR201** `kr-not-measurable` (error)" in text
    assert "**OKR202** `kr-vague-quantifier` (warning)" in text
    assert "**Hint:** replace «mange» with the number you mean" in text
    for section in ("**What it does**", "**Why it matters**", "**How to fix**"):
        assert text.count(section) == 2
    nothing = client.request(
        "textDocument/hover",
        {"textDocument": {"uri": uri}, "position": {"line": 6, "character": 12}},
    )
    assert nothing is None

    # edit the vague key result into a measured one: its two diagnostics go away
    text = KAFFE.replace(
        "Få mange følgere på Instagram", "Øke følgere på Instagram fra 2 000 til 5 000"
    )
    client.edit(uri, 2, (7, 8), (7, 37), "Øke følgere på Instagram fra 2 000 til 5 000")
    _, diagnostics = client.diagnostics(uri, version=2)
    assert spans(diagnostics) == [("OKR206", 9, 8, 9, 16), ("OKR207", 8, 11, 8, 15)]

    # the quick fix for OKR206 swaps the numbers; applied, the document checks clean of it
    diagnostic = next(d for d in diagnostics if d["code"] == "OKR206")
    actions = code_actions(client, uri, diagnostic)
    titles = [a["title"] for a in actions]
    assert titles == [
        "OKR206: Swap the numbers: 6 minutter → 4",
        "Disable OKR206 (kr-direction-mismatch) for this line",
        "Disable OKR206 (kr-direction-mismatch) for this file",
    ]
    assert actions[0]["isPreferred"] is True
    assert actions[0]["kind"] == "quickfix"
    text = apply_edits(text, workspace_edit_of(actions[0], uri))
    assert "      - Redusere ventetiden i kassa fra 6 til 4 minutter\n" in text
    client.replace_all(uri, text, 3)
    _, diagnostics = client.diagnostics(uri, version=3)
    assert spans(diagnostics) == [("OKR207", 8, 11, 8, 15)]

    # OKR207: make the percentage agree, or drop it, or silence it; the suppression applied
    diagnostic = diagnostics[0]
    actions = code_actions(client, uri, diagnostic)
    assert [a["title"] for a in actions] == [
        "OKR207: Change «40 %» to agree with the target",
        "OKR207: Drop «40 %»",
        "Disable OKR207 (kr-inconsistent-change) for this line",
        "Disable OKR207 (kr-inconsistent-change) for this file",
    ]
    agreed = apply_edits(text, workspace_edit_of(actions[0], uri))
    assert "      - Få 50 % høyere snittbong, fra 80 kr til 120 kr\n" in agreed
    text = apply_edits(text, workspace_edit_of(actions[2], uri))
    assert "      # okrlint: disable=OKR207\n      - Få 40 % høyere snittbong" in text
    client.replace_all(uri, text, 4)
    _, diagnostics = client.diagnostics(uri, version=4)
    assert diagnostics == []

    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    _, diagnostics = client.diagnostics(uri)
    assert diagnostics == []
    assert client.shutdown() == 0
    # only the editor edits: the server wrote nothing, not even a cache
    assert files_state(tmp_path) == before


def code_actions(client: LspClient, uri: str, diagnostic: dict) -> list[dict]:
    return client.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": diagnostic["range"],
            "context": {"diagnostics": [diagnostic]},
        },
    )


def test_the_cascade_sees_files_on_disk_and_unsaved_buffers(tmp_path: Path, server) -> None:
    okrs = tmp_path / "okrs"
    okrs.mkdir()
    (okrs / "selskap.okr.yaml").write_text(SELSKAP, encoding="utf-8")
    salg = okrs / "salg.okr.yaml"
    client = server(tmp_path)

    # the parent is a key result of the company file on disk: no OKR401
    uri = client.open(salg, SALG)
    _, diagnostics = client.diagnostics(uri, version=1)
    assert diagnostics == []

    # a parent that is nowhere: OKR401 at the parent value
    broken = SALG.replace("parent: selskap-kr1", "parent: Selskap-kr1")
    client.replace_all(uri, broken, 2)
    _, diagnostics = client.diagnostics(uri, version=2)
    assert spans(diagnostics) == [("OKR401", 7, 12, 7, 23)]
    assert "did you mean «selskap-kr1»?" in diagnostics[0]["message"]

    # the company file open and edited, not saved: the team file is checked against the buffer
    client.replace_all(uri, SALG, 3)
    _, diagnostics = client.diagnostics(uri, version=3)
    assert diagnostics == []
    company = client.open(okrs / "selskap.okr.yaml", SELSKAP)
    client.diagnostics(company, version=1)
    renamed = SELSKAP.replace("id: selskap-kr1", "id: selskap-kr3")
    client.replace_all(company, renamed, 2)
    _, diagnostics = client.diagnostics(uri, version=3)  # the team file, checked again
    assert spans(diagnostics) == [("OKR401", 7, 12, 7, 23)]
    assert client.shutdown() == 0


def test_a_broken_document_is_one_diagnostic_and_the_server_lives_on(
    tmp_path: Path, server
) -> None:
    okrs = tmp_path / "okrs"
    okrs.mkdir()
    client = server(tmp_path)
    hostile = (FIXTURES / "hostile" / "billion-laughs.yaml").read_text(encoding="utf-8")
    bomb = client.open(okrs / "bomb.okr.yaml", hostile)
    _, diagnostics = client.diagnostics(bomb, version=1)
    assert [d["code"] for d in diagnostics] == ["OKR000"]
    assert diagnostics[0]["severity"] == 1
    # what the command line says of the same bytes, at the same line
    (okrs / "bomb.okr.yaml").write_text(hostile, encoding="utf-8")
    said = run_okrlint("check", "--quiet", "okrs/bomb.okr.yaml", cwd=tmp_path)
    assert said.code == 2
    where, message = said.out.strip().split(": OKR000 ")
    assert where == "okrs/bomb.okr.yaml:4"
    assert diagnostics[0]["message"] == message
    assert "aliases" in message
    assert diagnostics[0]["range"]["start"]["line"] == 3  # 0-based: line 4

    # still serving: another document is checked, and the bomb closes cleanly
    path = okrs / "kaffe.okr.yaml"
    uri = client.open(path, KAFFE)
    _, diagnostics = client.diagnostics(uri, version=1)
    assert [d["code"] for d in diagnostics] == ["OKR201", "OKR202", "OKR207", "OKR206"]
    client.notify("textDocument/didClose", {"textDocument": {"uri": bomb}})
    assert client.shutdown() == 0
    assert client.process.returncode == 0


def test_only_okr_files_are_checked_and_config_is_reloaded(tmp_path: Path, server) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.okrlint]\nignore = ["OKR202"]\n', encoding="utf-8"
    )
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    client = server(tmp_path)

    # a YAML file that is not an OKR file (no .okr., not under okrs/): nothing to say
    ci = client.open(
        workflows / "ci.yaml", "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n"
    )
    _, diagnostics = client.diagnostics(ci, version=1)
    assert diagnostics == []

    draft = tmp_path / "draft.okr.md"
    # an emoji is two UTF-16 code units: the columns after it count it twice, as editors do
    markdown = "# Mål: Flere fornøyde kunder, fordi de kommer tilbake\n\n- 🚗 Selge flere biler\n- Øke NPS fra 20 til 40\n"
    uri = client.open(draft, markdown, language="markdown")
    _, diagnostics = client.diagnostics(uri, version=1)
    assert spans(diagnostics) == [("OKR201", 2, 11, 2, 16), ("OKR301", 0, 0, 0, 53)]

    # the config changes on disk; the editor says so; the ignored rule is back
    (tmp_path / "pyproject.toml").write_text("[tool.okrlint]\n", encoding="utf-8")
    client.notify(
        "workspace/didChangeWatchedFiles",
        {"changes": [{"uri": (tmp_path / "pyproject.toml").as_uri(), "type": 2}]},
    )
    _, diagnostics = client.diagnostics(uri, version=1)
    assert spans(diagnostics) == [
        ("OKR201", 2, 11, 2, 16),
        ("OKR202", 2, 11, 2, 16),
        ("OKR301", 0, 0, 0, 53),
    ]

    # a Markdown suppression in the format's own comment syntax
    diagnostic = next(d for d in diagnostics if d["code"] == "OKR202")
    actions = code_actions(client, uri, diagnostic)
    line = next(a for a in actions if a["title"].endswith("for this line"))
    text = apply_edits(markdown, workspace_edit_of(line, uri))
    assert text.splitlines()[2] == "<!-- okrlint-disable OKR202 -->"
    client.replace_all(uri, text, 2)
    _, diagnostics = client.diagnostics(uri, version=2)
    assert sorted(d["code"] for d in diagnostics) == ["OKR201", "OKR301"]

    # a broken config, saved from the editor, is one diagnostic on the document
    (tmp_path / "pyproject.toml").write_text(
        '[tool.okrlint]\nselect = ["OKR9"]\n', encoding="utf-8"
    )
    saved = {"textDocument": {"uri": (tmp_path / "pyproject.toml").as_uri()}}
    client.notify("textDocument/didSave", saved)
    _, diagnostics = client.diagnostics(uri, version=2)
    assert len(diagnostics) == 1
    assert diagnostics[0]["message"].startswith("okrlint: config error:")
    assert "unknown rule or prefix 'OKR9' in select" in diagnostics[0]["message"]
    # mended and saved again: the findings are back
    (tmp_path / "pyproject.toml").write_text("[tool.okrlint]\n", encoding="utf-8")
    client.notify("textDocument/didSave", saved)
    _, diagnostics = client.diagnostics(uri, version=2)
    assert sorted(d["code"] for d in diagnostics) == ["OKR201", "OKR301"]
    assert client.shutdown() == 0


def test_a_burst_of_edits_is_checked_once(tmp_path: Path) -> None:
    """With a debounce (initializationOptions, milliseconds), edits that follow each other
    closely get one check, of the last text."""
    okrs = tmp_path / "okrs"
    okrs.mkdir()
    client = LspClient([okrlint_executable(), "server"], cwd=tmp_path)
    try:
        client.initialize(tmp_path, options={"debounce": 1500})
        uri = client.open(okrs / "kaffe.okr.yaml", KAFFE)
        client.diagnostics(uri, version=1)
        measured = KAFFE.replace("Få mange følgere på Instagram", "Øke følgere fra 2 000 til 5 000")
        for version, text in ((2, KAFFE + "\n"), (3, KAFFE + "\n\n"), (4, measured)):
            client.replace_all(uri, text, version)
        _, diagnostics = client.diagnostics(uri)
        published = [
            m["params"].get("version")
            for _, m in client.seen
            if m.get("method") == "textDocument/publishDiagnostics"
        ]
        assert published == [1, 4]
        assert sorted(d["code"] for d in diagnostics) == ["OKR206", "OKR207"]
        assert client.shutdown() == 0
    finally:
        client.kill()


def test_positions_in_the_encoding_the_editor_asks_for(tmp_path: Path) -> None:
    """Neovim offers UTF-8 first: columns count bytes ('å' is two), in diagnostics and in the
    positions the editor sends."""
    okrs = tmp_path / "okrs"
    okrs.mkdir()
    client = LspClient([okrlint_executable(), "server"], cwd=tmp_path)
    try:
        capabilities = {"general": {"positionEncodings": ["utf-8", "utf-16"]}}
        result = client.initialize(tmp_path, capabilities=capabilities)
        assert result["capabilities"]["positionEncoding"] == "utf-8"
        uri = client.open(okrs / "kaffe.okr.yaml", KAFFE)
        _, diagnostics = client.diagnostics(uri, version=1)
        assert ("OKR202", 7, 12, 7, 17) in spans(diagnostics)  # "      - Få mange"
        hover = client.request(
            "textDocument/hover",
            {"textDocument": {"uri": uri}, "position": {"line": 7, "character": 12}},
        )
        assert "**OKR202**" in hover["contents"]["value"]
        assert client.shutdown() == 0
    finally:
        client.kill()


def test_only_the_server_command_imports_pygls(tmp_path: Path) -> None:
    path = tmp_path / "kaffe.okr.yaml"
    path.write_text(KAFFE, encoding="utf-8")
    probe = (
        "import sys\n"
        "from okrlint.cli import main\n"
        f"for argv in (['--help'], ['server', '--help'], ['check', {str(path)!r}]):\n"
        "    try:\n"
        "        main(argv)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(sorted(m for m in ('pygls', 'lsprotocol') if m in sys.modules), file=sys.stderr)\n"
    )
    proc = subprocess.run(  # in tmp_path: the check's cache lands there, not in the checkout
        [sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert proc.stderr.strip().endswith("[]"), proc.stderr


def test_the_server_needs_an_editor_not_a_terminal(tmp_path: Path) -> None:
    """Started and left without a word (the editor went away): it ends by itself, status 1
    (no shutdown was asked for), without a traceback."""
    client = LspClient([okrlint_executable(), "server"], cwd=tmp_path, env={"NO_COLOR": "1"})
    assert client.process.stdin is not None
    client.process.stdin.close()
    assert client.process.wait(timeout=60) == 1
    client.kill()
    assert b"Traceback" not in client.stderr


pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX paths in file: URIs")
